"""The API key never leaves the Authorization header.

ask and survey run through the CLI against the fake server -- including a 401 and a 503 whose error
bodies echo the key back, as real providers do -- and then every file under REVIEWER_HOME (ledger,
cache, run directories), every output file and all captured stdout/stderr (text and --json) are
searched for the key. `reviewer settings` masks it.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from fake_openai_server import FakeOpenAIServer, Fault, fake_openai

from helpers_servers import StageResponder, cli_env, iter_files, run_cli

__all__ = ["fake_openai"]

QUESTION = "How do process reward models differ from outcome reward models?"
TOPIC = "process reward models for LLM reasoning"


def test_the_key_is_never_written_or_printed(fake_openai: FakeOpenAIServer, seeded_home: Path,
                                             tmp_path: Path) -> None:
    key = f"sk-test-SECRET-{secrets.token_hex(12)}"
    fake_openai.default = StageResponder()
    env = cli_env(seeded_home, REVIEWER_LLM_BASE_URL=fake_openai.base_url, REVIEWER_LLM_API_KEY=key,
                  REVIEWER_LLM_MODEL="fake-model", REVIEWER_LLM_MAX_RETRIES="1", REVIEWER_QUIET="0")
    echoed = f"Incorrect API key provided: {key}. You can find your API key at https://example.invalid"
    outputs: list[str] = []

    def run(*args: str) -> str:
        proc = run_cli(list(args), env)
        outputs.extend([proc.stdout, proc.stderr])
        assert proc.returncode == 0, proc.stderr
        return proc.stdout + proc.stderr

    # An auth failure (the body echoes the key), then successes, for ask in text and JSON.
    fake_openai.script([Fault.status(401, message=echoed)])
    assert "HTTP 401" in run("ask", QUESTION)
    run("ask", QUESTION, "--json")
    # A survey whose first calls fail with the key in the error text, the rest succeed.
    fake_openai.script([Fault.status(401, message=echoed), Fault.status(503, message=f"overloaded: {key}"),
                        Fault.status(503, message=f"still overloaded: {key}")])
    report, bib = tmp_path / "survey.md", tmp_path / "survey.bib"
    survey_out = run("survey", TOPIC, "--json", "-o", str(report), "--bib", str(bib), "--max-papers", "8")
    assert '"bibliography"' in survey_out and "HTTP 401" in report.read_text()
    run("costs", "--json")
    settings_out = run("settings")

    # The key really was sent (so there was something to leak) ...
    assert {r.authorization for r in fake_openai.chat_requests} == {f"Bearer {key}"}
    # ... and the home holds what a leak would hide in.
    files = list(iter_files(seeded_home))
    names = {f.name for f in files}
    assert {"ledger.jsonl", "cache.sqlite", "report.md", "options.json", "scope.json"} <= names
    # ... but it is nowhere: files (byte search, SQLite included), outputs, or the settings listing.
    for path in [*files, *iter_files(tmp_path)]:
        assert key.encode() not in path.read_bytes(), f"the API key leaked into {path}"
    for text in outputs:
        assert key not in text
    assert "llm_api_key = ********" in settings_out
