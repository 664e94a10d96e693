"""LLM plumbing with injected LangChain fake chat models: prompts, cache, ledger, structured output, budget."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage
from pydantic import BaseModel, Field, SecretStr

from reviewer.errors import BudgetExceeded, ConfigError, LLMError
from reviewer.llm import (
    Ledger,
    LLMClient,
    ResponseCache,
    StructuredOutputError,
    load_prompt,
    make_chat_model,
    summarize_ledgers,
)
from reviewer.llm.prompts import clear_prompt_cache
from reviewer.llm.retry import parse_retry_after, safe_endpoint
from reviewer.llm.structured import strip_fence
from reviewer.settings import Settings

KEY = "sk-test-PLUMBING-5ecret-key-0123456789"


class Verdict(BaseModel):
    """A self-test verdict."""

    answer: str
    confidence: float = Field(ge=0, le=1)


class RecordingFake(GenericFakeChatModel):
    """GenericFakeChatModel that remembers the messages of every call."""

    seen: list[list[BaseMessage]] = Field(default_factory=list)

    def _generate(
        self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kwargs: Any
    ):
        self.seen.append(list(messages))
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)


def fake(*replies: str | AIMessage) -> RecordingFake:
    return RecordingFake(messages=iter(replies))


@pytest.fixture(autouse=True)
def _fresh_prompts() -> Iterator[None]:
    clear_prompt_cache()
    yield


@pytest.fixture
def settings() -> Settings:
    return Settings(llm_api_key=SecretStr(KEY), llm_price_in=0.15, llm_price_out=0.60)


def write_prompt(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path


# -- prompts ------------------------------------------------------------------------------------


def test_selftest_prompt_loads_with_literal_json_braces() -> None:
    template = load_prompt("_selftest", {"question"})
    messages = template.format_messages(question="Does {x} survive?")
    assert [m.type for m in messages] == ["system", "human"]
    assert '{"answer": "...", "confidence": 0.5}' in str(messages[0].content)
    assert str(messages[1].content) == "Question: Does {x} survive?"
    assert load_prompt("_selftest", {"question"}) is template  # cached per process


def test_prompt_variable_mismatch_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_prompt("_selftest", {"question", "papers"})
    assert "_selftest.md" in str(info.value) and "missing variables ['papers']" in str(info.value)

    write_prompt(tmp_path, "single_braces", '### human\nAnswer as {"answer": 1} to {question}\n')
    with pytest.raises(ConfigError) as info:
        load_prompt("single_braces", {"question"}, prompts_dir=tmp_path)
    assert "single_braces.md" in str(info.value)
    assert "unexpected variables" in str(info.value)
    assert "{{" in (info.value.hint or "")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("preamble\n### human\nhi {q}\n", "text before the first"),
        ("### system\nonly a system part {q}\n", "no '### human' section"),
        ("### system\n\n### human\n{q}\n", "empty '### system' section"),
    ],
)
def test_prompt_format_errors(tmp_path: Path, text: str, fragment: str) -> None:
    write_prompt(tmp_path, "bad", text)
    with pytest.raises(ConfigError, match=fragment):
        load_prompt("bad", {"q"}, prompts_dir=tmp_path)


def test_prompt_missing_file_and_bad_name(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_prompt("nope", set(), prompts_dir=tmp_path)
    with pytest.raises(ConfigError, match="invalid prompt name"):
        load_prompt("../etc/passwd", set(), prompts_dir=tmp_path)


def test_prompt_roles_and_markdown_headings(tmp_path: Path) -> None:
    write_prompt(
        tmp_path,
        "fewshot",
        "### System\nRules\n### Notes are text\n### human\nQ1\n### ai\nA1\n### human\n{q}\n",
    )
    messages = load_prompt("fewshot", {"q"}, prompts_dir=tmp_path).format_messages(q="Q2")
    assert [m.type for m in messages] == ["system", "human", "ai", "human"]
    assert "### Notes are text" in str(messages[0].content)


# -- complete, cache, ledger --------------------------------------------------------------------


def test_cache_hit_makes_no_call_and_costs_nothing(settings: Settings, tmp_path: Path) -> None:
    model = fake(AIMessage(content="first answer"), AIMessage(content="never used"))
    ledger = Ledger(tmp_path / "ledger.jsonl")
    client = LLMClient(settings, chat_model=model, ledger=ledger)
    assert client.complete("ask", "_selftest", {"question": "q1"}) == "first answer"
    assert client.complete("ask", "_selftest", {"question": "q1"}) == "first answer"
    assert len(model.seen) == 1
    first, second = ledger.entries()
    assert (first.cache_hit, second.cache_hit) == (False, True)
    assert second.cost_usd == 0 and first.cost_usd > 0
    assert client.calls_made == 1

    # A fresh client (new process, same cache file) still hits.
    other = LLMClient(settings, chat_model=fake("unused"), ledger=ledger)
    assert other.complete("ask", "_selftest", {"question": "q1"}) == "first answer"
    assert other.calls_made == 0
    summary = ledger.summary()
    assert (summary.calls, summary.cache_hits) == (3, 2)


def test_ledger_counts_tokens_from_usage_metadata(settings: Settings, tmp_path: Path) -> None:
    usage = {"input_tokens": 1000, "output_tokens": 500, "total_tokens": 1500}
    model = fake(AIMessage(content="measured", usage_metadata=usage), AIMessage(content="guessed reply"))
    ledger = Ledger(tmp_path / "runs" / "r1" / "ledger.jsonl")
    client = LLMClient(settings, chat_model=model, ledger=ledger)
    client.complete("ask", "_selftest", {"question": "a"})
    client.complete("survey", "_selftest", {"question": "b"})
    measured, guessed = ledger.entries()
    assert (measured.prompt_tokens, measured.completion_tokens, measured.estimated) == (1000, 500, False)
    assert measured.cost_usd == pytest.approx((1000 * 0.15 + 500 * 0.60) / 1e6)
    assert measured.model == "RecordingFake" and measured.stage == "ask" and measured.prompt == "_selftest"
    assert guessed.estimated is True and guessed.completion_tokens == len("guessed reply") // 4 + 1
    assert guessed.latency_s >= 0 and guessed.retries == 0 and guessed.error is None

    summary = summarize_ledgers([ledger.path, tmp_path / "missing.jsonl"])
    assert summary.calls == 2 and summary.estimated is True
    assert summary.by_stage["ask"].prompt_tokens == 1000
    assert summary.cost_usd == pytest.approx(measured.cost_usd + guessed.cost_usd)
    assert client.cost_usd == pytest.approx(summary.cost_usd)
    lines = ledger.path.read_text().splitlines()
    assert len(lines) == 2 and all(json.loads(line)["stage"] for line in lines)


def test_ledger_in_memory_and_torn_lines(tmp_path: Path) -> None:
    from reviewer.llm.ledger import LedgerEntry

    memory = Ledger(None)
    memory.record(LedgerEntry(stage="s", prompt="p", model="m", prompt_tokens=3, cost_usd=0.5))
    assert memory.summary().cost_usd == 0.5 and memory.summary().prompt_tokens == 3

    path = tmp_path / "l.jsonl"
    Ledger(path).record(LedgerEntry(stage="s", prompt="p", model="m", completion_tokens=7))
    with path.open("a") as fh:
        fh.write('{"stage": "torn"\n')
    summary = summarize_ledgers([path])
    assert summary.calls == 1 and summary.completion_tokens == 7 and summary.skipped_lines == 1


def test_cache_is_sqlite_wal_shared_and_keyless(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    a, b = ResponseCache(path), ResponseCache(path)
    client = LLMClient(settings, chat_model=fake("cached text"), cache=a)
    client.complete("ask", "_selftest", {"question": "shared"})
    assert len(b) == 1
    again = LLMClient(settings, chat_model=fake("other"), cache=b)
    assert again.complete("ask", "_selftest", {"question": "shared"}) == "cached text"
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    for file in tmp_path.glob("cache.sqlite*"):
        assert KEY.encode() not in file.read_bytes()


def test_cache_disabled_by_setting(tmp_path: Path) -> None:
    settings = Settings(llm_cache=False)
    model = fake("one", "two")
    client = LLMClient(settings, chat_model=model)
    assert client.complete("ask", "_selftest", {"question": "q"}) == "one"
    assert client.complete("ask", "_selftest", {"question": "q"}) == "two"
    assert not settings.cache_path.exists()


# -- structured output --------------------------------------------------------------------------


def test_structured_valid_json_via_fake_model(settings: Settings) -> None:
    model = fake('```json\n{"answer": "yes", "confidence": 0.9}\n```')
    client = LLMClient(settings, chat_model=model)
    verdict = client.structured("judge", "_selftest", {"question": "q"}, Verdict)
    assert verdict == Verdict(answer="yes", confidence=0.9)
    sent = str(model.seen[0][-1].content)
    assert "JSON Schema" in sent and '"confidence"' in sent  # text method asks for JSON in the prompt
    entry = client.ledger.entries()[0]
    assert entry.method == "text" and entry.kind == "structured" and entry.validation_retries == 0
    # Cached: a second identical call returns the same object without a model call.
    assert client.structured("judge", "_selftest", {"question": "q"}, Verdict) == verdict
    assert len(model.seen) == 1 and client.ledger.entries()[1].cache_hit


def test_structured_malformed_then_valid_retries_once_with_the_error(settings: Settings) -> None:
    model = fake('{"answer": "yes", "confidence": 7}', '{"answer": "yes", "confidence": 0.7}')
    client = LLMClient(settings, chat_model=model)
    verdict = client.structured("judge", "_selftest", {"question": "q"}, Verdict)
    assert verdict.confidence == 0.7
    assert len(model.seen) == 2
    correction = str(model.seen[1][-1].content)
    assert "Validation error: confidence: Input should be less than or equal to 1" in correction
    assert '"confidence": 7' in correction  # the rejected reply is quoted back
    assert client.ledger.entries()[0].validation_retries == 1


def test_structured_malformed_twice_raises_structured_output_error(settings: Settings) -> None:
    model = fake("not json at all", '{"answer": "missing confidence"}')
    client = LLMClient(settings, chat_model=model)
    with pytest.raises(StructuredOutputError) as info:
        client.structured("judge", "_selftest", {"question": "q"}, Verdict)
    assert isinstance(info.value, LLMError) and info.value.retryable is False
    assert "confidence" in str(info.value) and info.value.method == "text"
    assert len(model.seen) == 2
    entry = client.ledger.entries()[0]
    assert entry.error and entry.error.startswith("StructuredOutputError")
    assert len(client.cache or []) == 0  # failures are never cached


def test_strip_fence_only_removes_a_surrounding_fence() -> None:
    assert strip_fence('```json\n{"a": 1}\n```') == '{"a": 1}'
    assert strip_fence('```\n{"a": 1}\n```') == '{"a": 1}'
    assert strip_fence('  {"a": 1}  ') == '{"a": 1}'
    assert strip_fence('prose ```json\n{"a": 1}\n```') == 'prose ```json\n{"a": 1}\n```'


# -- budget -------------------------------------------------------------------------------------


def test_budget_max_calls_stops_before_calling(settings: Settings) -> None:
    model = fake("a", "b")
    client = LLMClient(settings, chat_model=model, max_calls=1)
    client.complete("ask", "_selftest", {"question": "1"})
    with pytest.raises(BudgetExceeded, match="max 1"):
        client.complete("ask", "_selftest", {"question": "2"})
    assert len(model.seen) == 1
    assert client.complete("ask", "_selftest", {"question": "1"}) == "a"  # cache hits are free


def test_budget_max_cost_stops_before_calling(settings: Settings) -> None:
    usage = {"input_tokens": 1_000_000, "output_tokens": 0, "total_tokens": 1_000_000}
    model = fake(AIMessage(content="pricey", usage_metadata=usage), "never")
    client = LLMClient(settings, chat_model=model, max_cost=0.10)
    client.complete("ask", "_selftest", {"question": "1"})  # costs $0.15: over budget afterwards
    with pytest.raises(BudgetExceeded, match="cost budget"):
        client.complete("ask", "_selftest", {"question": "2"})
    assert len(model.seen) == 1
    tiny = LLMClient(settings, chat_model=fake("x"), max_cost=1e-9)  # even one call may exceed it
    with pytest.raises(BudgetExceeded):
        tiny.complete("ask", "_selftest", {"question": "3"})


# -- factory, secrets, misc ---------------------------------------------------------------------


def test_make_chat_model_from_settings() -> None:
    model = make_chat_model(
        Settings(llm_base_url="http://127.0.0.1:9/v1", llm_model="local", llm_timeout=7, llm_max_tokens=99)
    )
    assert model.max_retries == 0 and model.model_name == "local" and model.max_tokens == 99
    assert model.openai_api_key.get_secret_value() == "not-needed"
    assert model.request_timeout == 7
    assert model.extra_body == {"max_tokens": 99}  # local servers ignore max_completion_tokens
    keyed = make_chat_model(Settings(llm_api_key=SecretStr(KEY)))
    assert keyed.extra_body is None
    assert KEY not in repr(keyed) and KEY not in repr(LLMClient(Settings(llm_api_key=SecretStr(KEY))))
    with pytest.raises(ConfigError, match="no LLM endpoint"):
        make_chat_model(Settings())


def test_retry_after_parsing() -> None:
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("0.5") == 0.5
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412475.0) == pytest.approx(5.0)
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412490.0) == 0.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_safe_endpoint_drops_credentials() -> None:
    assert safe_endpoint("https://user:pw@host:8443/v1?key=x") == "https://host:8443/v1"


def test_package_import_is_lazy() -> None:
    code = (
        "import sys, reviewer.llm, reviewer.llm.client; "
        "heavy = [m for m in ('langchain_core', 'langchain_openai', 'openai', 'tenacity') if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=Path(__file__).resolve().parent.parent, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
