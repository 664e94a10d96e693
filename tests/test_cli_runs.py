"""Terminal safety, the ingest lock, and which survey run `costs` reports (issue 17: items 11, 14, "Also")."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from fake_openai_server import FakeOpenAIServer, Reply, fake_openai

from conftest import run_main
from helpers_servers import StageResponder, cli_env, run_cli, start_cli
from reviewer.catalog import Catalog
from reviewer.models import PaperRecord
from reviewer.settings import Settings

__all__ = ["fake_openai"]

OSC52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
OSC8 = "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"
CSI = "\x1b[2J\x1b[1;1H"
C1_CSI = "\x9b31m"
BIDI = "\u202e"


def assert_clean(text: str) -> None:
    assert "\x1b" not in text and "\x9b" not in text and "\x07" not in text and BIDI not in text, repr(text[:300])


def test_sanitize_strips_every_kind_of_sequence() -> None:
    from reviewer.termsafe import sanitize

    dirty = f"safe {OSC52}text {OSC8} more{CSI} red{C1_CSI} {BIDI}end\r\n\tok"
    clean = sanitize(dirty)
    assert_clean(clean)
    assert clean == "safe text click more red end\n\tok"
    assert sanitize("plain ünïcode — text\n") == "plain ünïcode — text\n"


# -- item 11: untrusted text never reaches the terminal raw -----------------------------------------


def test_llm_answer_with_escape_sequences_is_printed_clean(seeded_home: Path, fake_openai: FakeOpenAIServer,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from reviewer.retrieve import HybridRetriever

    question = "How do process reward models differ from outcome reward models?"
    key = HybridRetriever(Settings()).search(question, k=8)[0].key
    fake_openai.script([Reply.text(f"Process reward models score each step{OSC52} [@{key}].{CSI} "
                                   f"They {OSC8} help search [@{key}].{C1_CSI}{BIDI}")] * 3)
    monkeypatch.setenv("REVIEWER_LLM_BASE_URL", fake_openai.base_url)
    monkeypatch.setenv("REVIEWER_LLM_API_KEY", "sk-test")
    monkeypatch.setenv("REVIEWER_LLM_CACHE", "0")
    for extra in ([], ["--json"]):
        code, out, err = run_main(["ask", question, "-q", *extra], capsys)
        assert code == 0, err
        assert_clean(out)
        assert_clean(err)
    assert "score each step" in out


def test_corpus_text_and_file_names_are_printed_clean(seeded_home: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    # A catalogue written through the Python API (or an older version) is not cleaned by the parsers.
    title = f"Reward Models{OSC52} Under Attack{OSC8}"
    with Catalog(Settings().catalog_path) as catalog:
        catalog.add_records([PaperRecord(title=title, abstract=f"Reward models can be attacked.{CSI} Badly.",
                                         source="api.jsonl")])
    for args in (["papers"], ["papers", "--json"], ["search", "reward models under attack", "-k", "3"]):
        code, out, err = run_main(args, capsys)
        assert code == 0, err
        assert_clean(out)
        assert "Under Attack" in out
    report = tmp_path / "survey.md"
    code, _, err = run_main(["survey", "reward models under attack", "--offline", "-q", "--max-papers", "8",
                             "-o", str(report)], capsys)
    assert code == 0, err
    assert "Under Attack" in report.read_text()
    assert_clean(report.read_text())  # the report file is often `cat` to a terminal
    bad_name = tmp_path / f"evil{OSC52}.jsonl"
    bad_name.write_text("{not json\n")
    code, out, err = run_main(["ingest", "-q", str(bad_name)], capsys)
    assert code == 1 and "malformed JSON" in err
    assert_clean(err)


# -- item 14: the ingest lock ---------------------------------------------------------------------------


def test_second_writer_fails_at_once_and_readers_never_wait(seeded_home: Path, tmp_path: Path) -> None:
    from reviewer.ingest.pipeline import writer_lock

    settings = Settings()
    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps({"title": "Queued Behind The Lock", "abstract": "Waits for its turn."}) + "\n")
    env = cli_env(seeded_home)
    with writer_lock(settings):
        # Like an ingest mid-way: papers committed to the catalogue, indexes not yet synced.
        with Catalog(settings.catalog_path) as catalog:
            catalog.add_records([PaperRecord(title="Committed But Not Indexed", abstract="Mid-ingest state.",
                                             source="mid.jsonl")])
        started = time.monotonic()
        second = run_cli(["ingest", str(extra)], env, timeout=60)
        assert second.returncode == 1 and time.monotonic() - started < 30
        assert "ingest is already running" in second.stderr and f"pid {__import__('os').getpid()}" in second.stderr
        assert "--wait" in second.stderr
        for args in (["search", "reward models", "-k", "3", "--json"], ["ask", "What is a reward model?", "-q"]):
            reader = run_cli(args, env, timeout=60)  # a waiting reader would time out here
            assert reader.returncode == 0, reader.stderr
            assert reader.stdout.strip()
        waiter = start_cli(["ingest", "--wait", str(extra)], env, tmp_path / "logs", "waiter")
        time.sleep(3)
        assert waiter.poll() is None  # queued behind the lock
    assert waiter.wait(timeout=120) == 0
    assert "waiting for the running ingest" in (tmp_path / "logs" / "waiter.err").read_text()
    with Catalog(settings.catalog_path) as catalog:
        assert catalog.resolve("Queued Behind The Lock")


# -- costs: one run, and only finished runs -------------------------------------------------------------


def _survey_env(fake: FakeOpenAIServer, monkeypatch: pytest.MonkeyPatch) -> None:
    fake.default = StageResponder()
    monkeypatch.setenv("REVIEWER_LLM_BASE_URL", fake.base_url)
    monkeypatch.setenv("REVIEWER_LLM_API_KEY", "sk-test")
    monkeypatch.setenv("REVIEWER_LLM_MODEL", "fake-model")


def _costs(capsys: pytest.CaptureFixture[str]) -> dict:
    code, out, err = run_main(["costs", "--json"], capsys)
    assert code == 0, err
    return json.loads(out)


def test_costs_reports_one_run_not_the_sum_of_fresh_reruns(seeded_home: Path, fake_openai: FakeOpenAIServer,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    _survey_env(fake_openai, monkeypatch)
    args = ["survey", "process reward models", "-q", "--max-papers", "8", "-o", "/dev/stdout"]
    args[-2:] = ["--bib", str(seeded_home / "refs.bib")]
    code, _, err = run_main(args, capsys)
    assert code == 0, err
    first = _costs(capsys)
    assert first["calls"] > 0
    code, _, err = run_main([*args, "--fresh"], capsys)
    assert code == 0, err
    second = _costs(capsys)
    assert second["calls"] == first["calls"]  # one run's calls (cache hits), not both runs'


def test_a_failed_survey_is_not_the_latest_run(seeded_home: Path, fake_openai: FakeOpenAIServer,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    import reviewer.survey.report as report_stage

    _survey_env(fake_openai, monkeypatch)
    code, _, err = run_main(["survey", "process reward models", "-q", "--max-papers", "8"], capsys)
    assert code == 0, err
    finished = _costs(capsys)["run"]

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("simulated crash while assembling the report")

    monkeypatch.setattr(report_stage, "run", broken)  # the last stage dies: no finished run
    time.sleep(0.05)
    code, _, err = run_main(["survey", "outcome reward models", "-q", "--max-papers", "8"], capsys)
    assert code == 1 and "simulated crash" in err
    assert _costs(capsys)["run"] == finished


def test_weakly_related_appendix_order_does_not_depend_on_gathering_order() -> None:
    from reviewer.survey.report import render_markdown
    from reviewer.survey.types import Coverage, SurveyOptions, SurveyReport, WeakPaper

    weak = [WeakPaper(key=k, title=f"Title {k}", reason="below the threshold") for k in ("zeta2024", "alpha2023",
                                                                                         "mid2022")]

    def appendix(order: list[WeakPaper]) -> str:
        report = SurveyReport(topic="t", options=SurveyOptions(topic="t"), sections=[], table=[], bibliography=[],
                              coverage=Coverage(queries=["t"], retrieved=3, weak=order), stages=[])
        return render_markdown(report).split("### Left out of the survey")[1].split("###")[0]

    assert appendix(weak) == appendix(list(reversed(weak))) == appendix(weak[1:] + weak[:1])
