"""Endpoint faults end to end: `ask` and `survey` against the fake OpenAI server on 127.0.0.1.

Every scenario must finish: transient faults (429 + Retry-After, 5xx, a hang past the timeout) are
retried and counted; what retrying cannot fix (401, retries exhausted, an empty / cut-off / wrong-format
reply) degrades to the offline path with the reason in the output; keys the model invents are never
printed. Most cases call the Python API with millisecond back-off; two run the real CLI in a subprocess
configured only through environment variables.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from fake_openai_server import FakeOpenAIServer, Fault, Reply, fake_openai
from pydantic import SecretStr

from helpers_servers import StageResponder, cli_env, run_cli
from reviewer.ask.answer import FALLBACK_HEADER, answer_question, retrieve_for
from reviewer.ask.question import analyse
from reviewer.citations import keys_in
from reviewer.llm.client import LLMClient
from reviewer.llm.ledger import Ledger
from reviewer.models import Answer
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings
from reviewer.survey.report import render_markdown
from reviewer.survey.run import SurveyRun, run_survey

__all__ = ["fake_openai"]

KEY = "sk-test-E2E-0f4ult5-k3y-7777"
QUESTION = "How do process reward models differ from outcome reward models?"
TOPIC = "process reward models for LLM reasoning"
GHOST = "ghost2099fabricated"


@pytest.fixture
def fake(fake_openai: FakeOpenAIServer) -> FakeOpenAIServer:
    fake_openai.default = StageResponder()
    return fake_openai


def settings_for(fake: FakeOpenAIServer, home: Path, **overrides: Any) -> Settings:
    fields: dict[str, Any] = {
        "home": home, "llm_base_url": fake.base_url, "llm_api_key": SecretStr(KEY), "llm_model": "fake-model",
        "llm_timeout": 2.0, "llm_max_retries": 2, "llm_cache": False, **overrides,
    }
    return Settings(**fields)


def client_for(settings: Settings, tmp_path: Path) -> LLMClient:
    return LLMClient(settings, ledger=Ledger(tmp_path / "ledger.jsonl"), backoff_base=0.01, backoff_max=0.05,
                     retry_after_cap=5.0)


def ask(fake: FakeOpenAIServer, retriever: HybridRetriever, tmp_path: Path, steps: list[Any],
        **overrides: Any) -> tuple[Answer, LLMClient]:
    fake.script(steps)
    settings = settings_for(fake, tmp_path / "home", **overrides)
    llm = client_for(settings, tmp_path)
    return answer_question(QUESTION, settings, retriever, llm=llm), llm


def retrieved_keys(retriever: HybridRetriever) -> set[str]:
    """The papers `ask` retrieves: the question's search plus its sub-queries (e.g. each compared side)."""
    return {p.key for p in retrieve_for(analyse(QUESTION), retriever, Settings().retrieve_k, None)}


def assert_clean(answer: Answer, retriever: HybridRetriever) -> None:
    """Whatever happened, only retrieved keys are cited and the key never shows."""
    allowed = retrieved_keys(retriever)
    assert set(keys_in(answer.answer)) <= allowed
    assert {c.key for c in answer.citations} <= allowed
    assert GHOST not in answer.answer
    assert KEY not in answer.model_dump_json()


def assert_degraded(answer: Answer, *reason: str) -> None:
    assert answer.mode == "offline" and not answer.refused
    assert answer.answer.startswith(FALLBACK_HEADER) and answer.citations
    assert any(all(r in note for r in reason) and "fell back" in note for note in answer.notes), answer.notes


# -- ask: retried faults --------------------------------------------------------------------------


def test_ask_429_waits_for_retry_after(fake: FakeOpenAIServer, retriever: HybridRetriever, tmp_path: Path) -> None:
    answer, llm = ask(fake, retriever, tmp_path, [Fault.status(429, retry_after=1)])
    assert answer.mode == "llm" and answer.citations and not any("fell back" in n for n in answer.notes)
    assert [r.answered_with for r in fake.chat_requests] == ["status", "reply"]
    assert fake.gaps()[0] >= 0.95  # Retry-After: 1 honoured (back-off alone would be ~0.01 s)
    assert llm.ledger.entries()[0].retries == 1
    assert_clean(answer, retriever)


def test_ask_5xx_are_retried(fake: FakeOpenAIServer, retriever: HybridRetriever, tmp_path: Path) -> None:
    answer, llm = ask(fake, retriever, tmp_path, [Fault.status(500), Fault.status(503)])
    assert answer.mode == "llm" and answer.citations
    assert len(fake.chat_requests) == 3 and llm.ledger.entries()[0].retries == 2
    assert_clean(answer, retriever)


def test_ask_hang_past_timeout_is_retried(fake: FakeOpenAIServer, retriever: HybridRetriever,
                                          tmp_path: Path) -> None:
    answer, llm = ask(fake, retriever, tmp_path, [Fault.hang(5)], llm_timeout=0.5)
    assert answer.mode == "llm" and answer.citations
    assert len(fake.chat_requests) == 2 and 0.45 <= fake.gaps()[0] < 3
    assert llm.ledger.entries()[0].retries == 1


# -- ask: degraded faults -------------------------------------------------------------------------


def test_ask_retries_exhausted_falls_back(fake: FakeOpenAIServer, retriever: HybridRetriever,
                                          tmp_path: Path) -> None:
    answer, llm = ask(fake, retriever, tmp_path, [Fault.status(503)] * 3)
    assert len(fake.chat_requests) == 3
    assert_degraded(answer, "LLM unavailable", "after 3 attempts", "HTTP 503")
    entry = llm.ledger.entries()[0]
    assert entry.retries == 2 and entry.error and "503" in entry.error
    assert_clean(answer, retriever)


def test_ask_persistent_hang_falls_back_in_bounded_time(fake: FakeOpenAIServer, retriever: HybridRetriever,
                                                        tmp_path: Path) -> None:
    started = time.monotonic()
    answer, _ = ask(fake, retriever, tmp_path, [Fault.hang(30)] * 2, llm_timeout=0.5, llm_max_retries=1)
    assert time.monotonic() - started < 15
    assert len(fake.chat_requests) == 2
    assert_degraded(answer, "timed out")


def test_ask_401_is_not_retried(fake: FakeOpenAIServer, retriever: HybridRetriever, tmp_path: Path) -> None:
    answer, llm = ask(fake, retriever, tmp_path, [Fault.status(401, message=f"Incorrect API key: {KEY}")])
    assert len(fake.chat_requests) == 1 and llm.ledger.entries()[0].retries == 0
    assert_degraded(answer, "HTTP 401")
    assert_clean(answer, retriever)


@pytest.mark.parametrize(
    ("step", "reason"),
    [
        (Fault.empty(), "the model's answer was empty"),
        (Fault.truncated_json({"answer": "Process reward models score each step [@"}), "cited no retrieved paper"),
        (Reply.json({"result": "Process reward models score steps.", "confidence": 0.9}), "cited no retrieved paper"),
        (Reply.text("Process reward models are better [@evil2024attack]."), "cited no retrieved paper"),
    ],
    ids=["empty", "truncated-json", "ignores-format", "only-invented-keys"],
)
def test_ask_unusable_reply_falls_back(fake: FakeOpenAIServer, retriever: HybridRetriever, tmp_path: Path,
                                       step: Any, reason: str) -> None:
    answer, _ = ask(fake, retriever, tmp_path, [step])
    assert len(fake.chat_requests) == 1  # a 200 reply is not re-requested: the offline writer takes over
    assert_degraded(answer, reason)
    assert "evil2024attack" not in answer.answer
    assert_clean(answer, retriever)


def test_ask_invented_keys_are_removed(fake: FakeOpenAIServer, retriever: HybridRetriever, tmp_path: Path) -> None:
    fake.default = StageResponder(invented_key=GHOST)
    answer, _ = ask(fake, retriever, tmp_path, [])
    assert answer.mode == "llm" and answer.citations
    assert any(GHOST in n and "not retrieved" in n for n in answer.notes)
    assert_clean(answer, retriever)


# -- ask and survey through the CLI (settings from the environment only) ---------------------------


def test_cli_ask_and_survey_against_faulty_endpoint(fake: FakeOpenAIServer, seeded_home: Path,
                                                     tmp_path: Path) -> None:
    env = cli_env(seeded_home, REVIEWER_LLM_BASE_URL=fake.base_url, REVIEWER_LLM_API_KEY=KEY,
                  REVIEWER_LLM_MODEL="fake-model", REVIEWER_LLM_CACHE="0", REVIEWER_LLM_TIMEOUT="1",
                  REVIEWER_LLM_MAX_RETRIES="1")
    # 429 with Retry-After, then a good answer.
    fake.script([Fault.status(429, retry_after=1)])
    proc = run_cli(["ask", QUESTION, "--json"], env)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["mode"] == "llm" and out["citations"] and fake.gaps()[0] >= 0.95
    ledger = [json.loads(line) for line in (seeded_home / "ledger.jsonl").read_text().splitlines()]
    assert ledger[-1]["retries"] == 1 and ledger[-1]["stage"] == "ask"

    # 401: one request, the extractive answer on stdout, the reason on stderr.
    before = len(fake.chat_requests)
    fake.script([Fault.status(401)])
    proc = run_cli(["ask", QUESTION], env)
    assert proc.returncode == 0, proc.stderr
    assert len(fake.chat_requests) == before + 1
    assert proc.stdout.startswith(FALLBACK_HEADER) and "References" in proc.stdout
    assert "note: LLM unavailable" in proc.stderr and "HTTP 401" in proc.stderr
    assert "Traceback" not in proc.stderr

    # survey with every call hanging past REVIEWER_LLM_TIMEOUT: each stage falls back and says why.
    fake.default = lambda request: Fault.hang(20)
    started = time.monotonic()
    report = tmp_path / "survey.md"
    proc = run_cli(["survey", TOPIC, "-o", str(report), "--max-papers", "12"],
                   {**env, "REVIEWER_QUIET": "0", "REVIEWER_LLM_MAX_RETRIES": "0"})
    assert proc.returncode == 0, proc.stderr
    assert time.monotonic() - started < 240
    markdown = report.read_text()
    for stage in ("scope", "evidence", "outline", "sections"):
        assert f"note: {stage} ran offline" in proc.stderr
        assert f"- {stage}: offline — fallback:" in markdown
    assert "request timed out" in markdown and keys_in(markdown)
    assert "Traceback" not in proc.stderr


# -- survey ---------------------------------------------------------------------------------------


def survey(fake: FakeOpenAIServer, retriever: HybridRetriever, tmp_path: Path, **overrides: Any) -> SurveyRun:
    settings = settings_for(fake, tmp_path / "home", **overrides)
    return run_survey(TOPIC, settings, llm=client_for(settings, tmp_path), retriever=retriever,
                      runs_dir=tmp_path / "runs", max_papers=8, quiet=True)


def stage_modes(run: SurveyRun) -> dict[str, tuple[str, str | None]]:
    return {s.stage: (s.mode, s.reason) for s in run.report.stages}


def assert_report_sound(run: SurveyRun, retriever: HybridRetriever) -> str:
    markdown = render_markdown(run.report)
    body = markdown.split("## Appendix", 1)[0]
    bib = {b.key for b in run.report.bibliography}
    assert run.report.sections and bib
    assert set(keys_in(markdown)) == bib
    assert bib <= {r.paper.key for r in json_scope(run)}
    assert GHOST not in body and KEY not in markdown
    return markdown


def json_scope(run: SurveyRun) -> list[Any]:
    from reviewer.survey.types import ScopeResult

    return ScopeResult.model_validate_json((run.run_dir / "scope.json").read_text()).papers


def test_survey_429_and_5xx_are_retried(fake: FakeOpenAIServer, retriever: HybridRetriever, tmp_path: Path) -> None:
    # (503, not 500: a 500 while probing json_schema means "method unsupported" and switches method.)
    fake.script([Fault.status(429, retry_after=1), Fault.status(503)])
    run = survey(fake, retriever, tmp_path)
    modes = stage_modes(run)
    assert all(modes[s][0] == "llm" for s in ("scope", "evidence", "outline", "sections")), modes
    assert fake.gaps()[0] >= 0.95
    scope_entry = next(e for e in Ledger(tmp_path / "ledger.jsonl").entries() if e.stage == "scope")
    assert scope_entry.retries == 2
    assert_report_sound(run, retriever)


def test_survey_endpoint_down_every_stage_falls_back(fake: FakeOpenAIServer, retriever: HybridRetriever,
                                                      tmp_path: Path) -> None:
    fake.default = lambda request: Fault.status(503)
    run = survey(fake, retriever, tmp_path, llm_max_retries=1)
    modes = stage_modes(run)
    for stage in ("scope", "evidence", "outline", "sections"):
        mode, reason = modes[stage]
        assert mode == "offline" and reason and "HTTP 503" in reason and "after 2 attempts" in reason, modes
    entries = Ledger(tmp_path / "ledger.jsonl").entries()
    assert entries and all(e.retries == 1 and e.error for e in entries)
    assert len(fake.chat_requests) == 2 * len(entries)
    markdown = assert_report_sound(run, retriever)
    assert "- scope: offline — fallback: scope: LLM failed" in markdown


def test_survey_401_is_never_retried(fake: FakeOpenAIServer, retriever: HybridRetriever, tmp_path: Path) -> None:
    fake.default = lambda request: Fault.status(401)
    run = survey(fake, retriever, tmp_path)
    entries = Ledger(tmp_path / "ledger.jsonl").entries()
    # One request reaches the server; later stages fail locally (a circuit breaker), never retried.
    assert len(fake.chat_requests) == 1 and all(e.retries == 0 for e in entries)
    assert len(entries) >= 4 and all(e.error and "HTTP 401" in e.error for e in entries)
    assert all(m == "offline" and r and "HTTP 401" in r for s, (m, r) in stage_modes(run).items()
               if s in ("scope", "evidence", "outline", "sections"))
    assert_report_sound(run, retriever)


def test_survey_invented_keys_never_reach_the_report(fake: FakeOpenAIServer, retriever: HybridRetriever,
                                                      tmp_path: Path) -> None:
    fake.default = StageResponder(invented_key=GHOST)
    run = survey(fake, retriever, tmp_path)
    assert stage_modes(run)["sections"][0] == "llm"
    markdown = assert_report_sound(run, retriever)
    assert all(GHOST not in s.cited_keys for s in run.report.sections)
    assert GHOST not in json.dumps([b.model_dump() for b in run.report.bibliography])
    assert GHOST in markdown.split("## Appendix", 1)[1]  # named only as a dropped sentence's unknown key


@pytest.mark.parametrize(
    "step",
    [
        Fault.empty(),
        Fault.truncated_json({"queries": ["process reward", "step verification", "outcome rewards"]}),
        Reply.json({"unexpected": "shape"}),
    ],
    ids=["empty", "truncated-json", "ignores-schema"],
)
def test_survey_unusable_replies_fall_back(fake: FakeOpenAIServer, retriever: HybridRetriever, tmp_path: Path,
                                           step: Any) -> None:
    fake.default = lambda request: step
    run = survey(fake, retriever, tmp_path)
    modes = stage_modes(run)
    for stage in ("scope", "evidence", "outline"):
        mode, reason = modes[stage]
        assert mode == "offline" and reason and "after a corrective retry" in reason, modes
    entries = {e.stage: e for e in Ledger(tmp_path / "ledger.jsonl").entries()}
    assert entries["scope"].validation_retries == 1  # one corrective retry, then the offline path
    assert_report_sound(run, retriever)
