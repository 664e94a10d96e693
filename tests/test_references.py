"""References: one formatter for survey, ask and export; BibTeX that stays valid for hostile titles and
round-trips through bibtexparser and pandoc --citeproc; CSL-JSON and RIS exports that re-ingest."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import bibtexparser
import pytest
from click.testing import CliRunner

from reviewer.cli import _register_extras, cli
from reviewer.ingest.bibtex import latex_to_text
from reviewer.ingest.markup import clean_record
from reviewer.ingest.parse import parse_file
from reviewer.models import Paper, PaperRecord
from reviewer.references import bibtex_entry, format_reference, link, render_bibtex, short_authors

FIX = Path(__file__).parent / "fixtures" / "formats"
HOSTILE_TITLES = [
    "A {braced} title", "100% sure", "C# & F# compared", "Back\\slash paths", "Unbalanced { brace",
    "closing } only", "$math$ and ~tilde^", "under_score #1 & {x}%", "\\emph{not a command}",
    "Ünïcödé — dash", "{{double}}", "50%{}#&\\",
]
HOSTILE_DOIS = ["10.1000/a_b%c", "10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0",
                "10.1000/x#frag", "10.1000/amp&er", "10.1000/u_nder~t", "10.1000/{brace}"]


def _fixture_papers() -> list[Paper]:
    papers = []
    for name in ("zotero-csl.json", "openalex-page.json", "s2-search.json", "arxiv-atom.xml"):
        for n, rec in enumerate(r for r in parse_file(FIX / name) if isinstance(r, PaperRecord)):
            fields = rec.model_dump(exclude={"source", "line", "source_id"})
            papers.append(Paper(id=f"{name}{n}", key=f"{name.split('.')[0].replace('-', '')}{n}", **fields))
    return papers


def test_reference_text_shows_what_is_known_and_nothing_else() -> None:
    lessons = _fixture_papers()[0]
    assert format_reference(lessons) == (
        "Zhang et al. (2025). The Lessons of Developing Process Reward Models in Mathematical Reasoning. "
        "Transactions on Machine Learning Research. https://doi.org/10.48550/arxiv.2501.07301")
    bare = Paper(id="p", key="k", title="Only a title.", abstract="x")
    assert format_reference(bare) == "Only a title."
    assert "n.d." not in format_reference(bare) and link(bare) is None
    assert short_authors(["Yi Wang"]) == "Wang" and short_authors(["Yi Wang", "Ana Li"]) == "Wang and Li"
    assert short_authors(["PRIME Team", "Lifan Yuan"]) == "PRIME Team and Yuan"
    assert short_authors(["Ludwig van Beethoven", "A B", "C D"]) == "van Beethoven et al."
    # link order: DOI, else arXiv, else URL; unsafe URLs never shown
    assert link(Paper(id="p", key="k", title="t", abstract="a", arxiv_id="2401.00001", url="https://x.org/a")) \
        == "https://arxiv.org/abs/2401.00001"
    assert link(Paper(id="p", key="k", title="t", abstract="a", url="https://x.org/a")) == "https://x.org/a"
    assert link(Paper(id="p", key="k", title="t", abstract="a", url="javascript:alert(1)")) is None
    md = format_reference(lessons, markdown=True)
    assert "*Transactions on Machine Learning Research*" in md and md.endswith("<https://doi.org/10.48550/arxiv.2501.07301>")


def test_bibtex_entry_types_follow_the_metadata() -> None:
    by_key = {p.key: p for p in _fixture_papers()}
    journal = bibtex_entry(by_key["zoterocsl0"])
    assert journal.startswith("@article{zoterocsl0,") and "journal = {Transactions on Machine" in journal
    assert "author = {Zhang, Zhenru and Zheng, Chujie and Wu, Yangzhen}" in journal
    conf = bibtex_entry(by_key["openalexpage0"])
    assert conf.startswith("@inproceedings{") and "booktitle = {Proceedings of the AAAI" in conf
    preprint = bibtex_entry(by_key["arxivatom0"])
    assert preprint.startswith("@misc{") and "eprint = {2505.20241}" in preprint
    assert "archiveprefix = {arXiv}" in preprint
    team = bibtex_entry(by_key["zoterocsl1"])
    assert "author = {{PRIME Team} and Yuan, Lifan}" in team


def test_hostile_titles_and_dois_stay_valid_and_round_trip_through_bibtexparser() -> None:
    papers = [Paper(id=f"p{i}", key=f"k{i}", title=t, abstract="x", authors=["Yi Wang"], year=2024,
                    doi=HOSTILE_DOIS[i % len(HOSTILE_DOIS)], venue="J & {Q} 100%", kind="article")
              for i, t in enumerate(HOSTILE_TITLES)]
    bib = render_bibtex(papers)
    db = bibtexparser.loads(bib)
    assert [e["ID"] for e in db.entries] == [p.key for p in papers]
    for paper, entry in zip(papers, db.entries, strict=True):
        assert latex_to_text(entry["title"]) == paper.title
        assert latex_to_text(entry["journal"]) == "J & {Q} 100%"
        expected_doi = paper.doi.replace("{", "%7B").replace("}", "%7D")  # type: ignore[union-attr]
        assert entry["doi"] == expected_doi  # never TeX-escaped


def test_bibtex_round_trips_through_our_ingest(tmp_path: Path) -> None:
    papers = [Paper(id=f"p{i}", key=f"k{i}", title=t, abstract="An abstract.", authors=["Yi Wang", "Ana Li"],
                    year=2024) for i, t in enumerate(HOSTILE_TITLES)]
    bib = tmp_path / "out.bib"
    bib.write_text(render_bibtex(papers).replace("  year", "  abstract = {An abstract.},\n  year"))
    recs = [r for r in parse_file(bib) if isinstance(r, PaperRecord)]
    assert [r.title for r in recs] == [" ".join(t.split()) for t in HOSTILE_TITLES]
    assert all(r.authors == ["Yi Wang", "Ana Li"] and r.year == 2024 for r in recs)


@pytest.mark.parametrize("fmt", ["csljson", "ris", "bibtex"])
def test_export_round_trips_every_field(tmp_path: Path, fmt: str) -> None:
    """Ingest the CSL-JSON fixture, export it, re-ingest the export: the metadata survives."""
    _register_extras()
    runner = CliRunner()
    env = {"REVIEWER_AUTO_INGEST_SEEDS": "false", "REVIEWER_QUIET": "1"}
    result = runner.invoke(cli, ["ingest", "-q", str(FIX / "zotero-csl.json")], env=env)
    assert result.exit_code == 1, result.output  # entry 3 has no abstract
    out = tmp_path / f"export.{fmt}"
    result = runner.invoke(cli, ["export", "--format", fmt, "-o", str(out)], env=env)
    assert result.exit_code == 0, result.output
    if fmt == "bibtex":
        db = bibtexparser.loads(out.read_text())
        assert {e["ENTRYTYPE"] for e in db.entries} == {"article", "inproceedings", "misc"}
    # Ingest turns markup into plain text once; the export carries that cleaned text.
    original = {r.title: r for r in (clean_record(r) for r in parse_file(FIX / "zotero-csl.json")
                                     if isinstance(r, PaperRecord))}
    again = [r for r in parse_file(out) if isinstance(r, PaperRecord)]
    assert len(again) == len(original) == 3
    for rec in again:
        src = original[rec.title]
        assert (rec.authors, rec.year, rec.doi, rec.arxiv_id, rec.venue, rec.abstract) == (
            src.authors, src.year, src.doi, src.arxiv_id, src.venue, src.abstract)
        assert rec.kind == src.kind


def test_export_cited_in_a_report_and_clean_errors(tmp_path: Path) -> None:
    _register_extras()
    runner = CliRunner()
    env = {"REVIEWER_AUTO_INGEST_SEEDS": "false", "REVIEWER_QUIET": "1"}
    runner.invoke(cli, ["ingest", "-q", str(FIX / "zotero-csl.json")], env=env)
    report = tmp_path / "r.md"
    report.write_text("Some claim [@cao2025dreamprm]. Another [@zhang2025lessons; @cao2025dreamprm].\n")
    result = runner.invoke(cli, ["export", "--format", "csljson", "--cited-in", str(report)], env=env)
    assert result.exit_code == 0, result.output
    assert [i["id"] for i in json.loads(result.output)] == ["cao2025dreamprm", "zhang2025lessons"]
    proc = subprocess.run(
        ["python", "-m", "reviewer", "export", "--cited-in", str(tmp_path / "missing.md")],
        capture_output=True, text=True, env={**_env(), **env}, check=False,
    )
    assert proc.returncode == 1 and proc.stderr.strip().count("\n") == 0
    assert "missing.md: no such report" in proc.stderr


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


def pandoc_or_skip() -> str:
    exe = shutil.which("pandoc")
    if exe is None:
        pytest.skip("pandoc is not installed (scripts/test.sh installs Debian's pandoc when it can)")
    return exe


def test_pandoc_citeproc_resolves_every_citation(tmp_path: Path) -> None:
    pandoc = pandoc_or_skip()
    papers = _fixture_papers() + [
        Paper(id=f"h{i}", key=f"hostile{i}", title=t, abstract="x", authors=["Yi Wang"], year=2024,
              doi=HOSTILE_DOIS[i % len(HOSTILE_DOIS)]) for i, t in enumerate(HOSTILE_TITLES)]
    (tmp_path / "refs.bib").write_text(render_bibtex(papers))
    cites = " ".join(f"Claim [@{p.key}]." for p in papers)
    (tmp_path / "doc.md").write_text(f"# Doc\n\n{cites}\n\n# References\n")
    proc = subprocess.run([pandoc, "doc.md", "--citeproc", "--bibliography", "refs.bib", "-t", "plain",
                           "--wrap=none"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "not found" not in proc.stderr and "???" not in proc.stdout, proc.stderr
    assert "Zhang, Zhenru, Chujie Zheng, and Yangzhen Wu. 2025" in proc.stdout
    assert "Transactions on Machine Learning Research" in proc.stdout
    missing = [t for t in HOSTILE_TITLES if f"“{t}" not in proc.stdout]
    assert not missing, proc.stdout


def test_a_reference_never_doubles_a_period_or_follows_a_question_with_one(seed_papers) -> None:
    """Without a year, 'Zou et al.' ends in its own period; a title that asks ('Is PRM Necessary?') ends its
    sentence: neither is followed by another period."""
    refs = [format_reference(p) for p in seed_papers.values()]
    assert any(" et al. " in r for r in refs) and any("?" in r for r in refs)
    for r in refs:
        assert ".." not in r.replace("...", "") and "?." not in r, r
