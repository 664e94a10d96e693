"""Offline survey on the real seeds: themes, citations, bibliography, table, resume, thin topics, CLI.

The seeds index is built once per session in a shared tmp home (the first embed takes a while);
each test points REVIEWER_HOME at it and writes its runs under its own tmp dir.
"""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conftest import build_seeded_template
from reviewer.citations import keys_in
from reviewer.settings import Settings
from reviewer.survey.report import render_bibtex, render_markdown
from reviewer.survey.run import STAGES, run_survey

TOPIC = "process reward models for LLM reasoning"
MAX_PAPERS = 24  # keeps the sentence-embedding work of the first run short


def build_seeded_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's shared seeds index (tests/conftest.py builds it once for every module)."""
    return build_seeded_template(tmp_path_factory)


@pytest.fixture(scope="session")
def seeded_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_seeded_home(tmp_path_factory)


@pytest.fixture
def settings(seeded_home: Path, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("REVIEWER_HOME", str(seeded_home))
    return Settings()


@pytest.fixture(scope="session")
def prm_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Runs dir shared by the tests that read the same PRM survey."""
    return tmp_path_factory.mktemp("prm-runs")


def test_survey_structure_citations_bibliography_table(settings: Settings, prm_run: Path) -> None:
    run = run_survey(TOPIC, settings, runs_dir=prm_run, quiet=True, max_papers=MAX_PAPERS)
    report = run.report
    assert 3 <= len(report.sections) <= 7
    retrieved = _retrieved_keys(run.run_dir)
    md = render_markdown(report)
    cited = keys_in(md)
    bib_keys = [b.key for b in report.bibliography]
    assert cited, "the survey cites nothing"
    assert set(cited) <= retrieved, "a citation to a paper that was not retrieved reached the output"
    assert set(cited) == set(bib_keys), "bibliography must list exactly the cited papers"
    assert [b.number for b in report.bibliography] == list(range(1, len(bib_keys) + 1))
    # Every section cites something, and sentences only cite papers that were retrieved.
    for section in report.sections:
        assert section.cited_keys
    # The table: typed fields for every cited paper; a paper with two fields or more has a row, one with fewer is
    # listed under the table, never as a mostly empty row.
    assert "| Ref. | Method | Task | Benchmarks and datasets | Headline result |" in md
    assert {r.key for r in report.table} == set(bib_keys)
    table_lines = [line for line in md.splitlines() if line.startswith("| \\[")]
    assert table_lines and all(line.rstrip().count("|   |") < 3 for line in table_lines)
    listed = [line for line in md.splitlines() if line.startswith("- \\[")]
    assert len(table_lines) + len(listed) >= len(bib_keys)
    assert len(table_lines) == sum(1 for r in report.table if r.facts() >= 2)
    assert "…" not in "".join(table_lines)
    assert "## References" in md and "## Appendix: coverage" in md
    # Weakly related papers are reported, never cited.
    assert not {w.key for w in report.coverage.weak} & set(cited)
    bib = render_bibtex(report.bibliography)
    assert bib.count("@misc{") == len(bib_keys)
    assert all(stage.mode == "offline" for stage in report.stages)


def _retrieved_keys(run_dir: Path) -> set[str]:
    scope = json.loads((run_dir / "scope.json").read_text())
    return {p["paper"]["key"] for p in scope["papers"]}


def test_second_run_resumes_from_saved_stages(settings: Settings, prm_run: Path) -> None:
    first = run_survey(TOPIC, settings, runs_dir=prm_run, quiet=True, max_papers=MAX_PAPERS)
    stamps = {name: json.loads((first.run_dir / f"{name}.json").read_text()).get("info", {}).get("computed_at")
              for name in STAGES}
    second = run_survey(TOPIC, settings, runs_dir=prm_run, quiet=True, max_papers=MAX_PAPERS)
    assert second.computed == [] and second.loaded == list(STAGES)
    assert second.run_dir == first.run_dir
    for name in STAGES:
        info = json.loads((second.run_dir / f"{name}.json").read_text()).get("info", {})
        assert info.get("computed_at") == stamps[name]
    assert second.report.model_dump() == first.report.model_dump()


def test_interrupted_run_recomputes_only_missing_stages(settings: Settings, tmp_path: Path) -> None:
    first = run_survey(TOPIC, settings, runs_dir=tmp_path, quiet=True, max_papers=MAX_PAPERS)
    for name in ("check", "report"):
        (first.run_dir / f"{name}.json").unlink()
    again = run_survey(TOPIC, settings, runs_dir=tmp_path, quiet=True, max_papers=MAX_PAPERS)
    assert again.loaded == ["scope", "evidence", "outline", "sections"]
    assert again.computed == ["check", "report"]
    assert keys_in(render_markdown(again.report)) == keys_in(render_markdown(first.report))
    fresh = run_survey(TOPIC, settings, runs_dir=tmp_path, quiet=True, fresh=True, max_papers=MAX_PAPERS)
    assert fresh.loaded == [] and fresh.computed == list(STAGES)


def test_unrelated_topic_reports_thin_coverage(settings: Settings, tmp_path: Path) -> None:
    run = run_survey("medieval french troubadour poetry manuscripts", settings, runs_dir=tmp_path, quiet=True,
                     max_papers=MAX_PAPERS)
    report = run.report
    assert report.coverage.thin_topic
    md = render_markdown(report)
    assert "Coverage is thin" in md
    assert set(keys_in(md)) == {b.key for b in report.bibliography}
    assert len(report.coverage.weak) + len(report.bibliography) >= 1


def test_cli_survey_and_costs(settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewer.cli_survey import register

    @click.group()
    def cli() -> None:
        """Test group."""

    register(cli)
    out, bib = tmp_path / "survey.md", tmp_path / "survey.bib"
    runner = CliRunner()
    result = runner.invoke(cli, ["survey", TOPIC, "-o", str(out), "--bib", str(bib), "--json", "--quiet",
                                 "--max-papers", str(MAX_PAPERS)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["topic"] == TOPIC and data["bibliography"]
    text = out.read_text()
    assert set(keys_in(text)) == {b["key"] for b in data["bibliography"]}
    assert bib.read_text().count("@misc{") == len(data["bibliography"])
    result = runner.invoke(cli, ["costs"])
    assert result.exit_code == 0, result.output
    assert "calls 0" in result.stdout
    assert "survey" in runner.invoke(cli, ["--help"]).stdout
