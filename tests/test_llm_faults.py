"""Fault injection against a fake OpenAI server on 127.0.0.1, through a real ChatOpenAI."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openai
import pytest
from fake_openai_server import (
    MALFORMED_SHAPES,
    FakeOpenAIServer,
    Fault,
    Reply,
    fake_openai,
    http_date,
    response_format_type,
)
from hypothesis import HealthCheck, given
from hypothesis import settings as fuzz_settings
from hypothesis import strategies as st
from pydantic import BaseModel, Field, SecretStr

from helpers_servers import free_port
from reviewer.errors import BudgetExceeded, LLMError
from reviewer.llm import Ledger, LLMClient, ResponseCache, StructuredOutputError
from reviewer.settings import Settings

__all__ = ["fake_openai"]  # the fixture is used by injection, not by name

KEY = "sk-test-FAULTS-5ecret-key-9876543210"
Q = {"question": "Does retrieval augmentation reduce hallucination?"}


class Verdict(BaseModel):
    """A self-test verdict."""

    answer: str
    confidence: float = Field(ge=0, le=1)


GOOD = {"answer": "yes", "confidence": 0.8}


def make_client(server: FakeOpenAIServer, tmp_path: Path, **overrides: Any) -> LLMClient:
    budget = {k: overrides.pop(k) for k in ("max_calls", "max_cost") if k in overrides}
    fields: dict[str, Any] = {
        "llm_base_url": server.base_url,
        "llm_api_key": SecretStr(KEY),
        "llm_model": "fake-model",
        "llm_timeout": 2.0,
        "llm_max_retries": 3,
        **overrides,
    }
    return LLMClient(
        Settings(**fields),
        ledger=Ledger(tmp_path / "ledger.jsonl"),
        backoff_base=0.01,
        backoff_max=0.05,
        retry_after_cap=5.0,
        **budget,
    )


def assert_key_never_stored(client: LLMClient, tmp_path: Path, *errors: BaseException) -> None:
    home = client.settings.home
    for root in (home, tmp_path):
        for file in root.rglob("*"):
            if file.is_file():
                assert KEY.encode() not in file.read_bytes(), file
    for error in errors:
        assert KEY not in str(error) and KEY not in repr(error)


# -- transport faults -----------------------------------------------------------------------------


def test_429_honours_retry_after(fake_openai: FakeOpenAIServer, tmp_path: Path) -> None:
    fake_openai.script([Fault.status(429, retry_after=1), Reply.text("after the wait")])
    client = make_client(fake_openai, tmp_path)
    assert client.complete("ask", "_selftest", Q) == "after the wait"
    assert len(fake_openai.chat_requests) == 2
    assert fake_openai.gaps()[0] >= 0.95
    assert client.ledger.entries()[0].retries == 1
    assert fake_openai.chat_requests[0].authorization == f"Bearer {KEY}"  # the key is sent...
    assert_key_never_stored(client, tmp_path)  # ...but never written anywhere


def test_retry_after_http_date_and_cap(fake_openai: FakeOpenAIServer, tmp_path: Path) -> None:
    fake_openai.script([Fault.status(503, retry_after=http_date(30)), Reply.text("capped")])
    client = make_client(fake_openai, tmp_path)
    client.policy.retry_after_cap = 0.3
    assert client.complete("ask", "_selftest", Q) == "capped"
    assert 0.25 <= fake_openai.gaps()[0] < 3


def test_500_and_503_are_retried(fake_openai: FakeOpenAIServer, tmp_path: Path) -> None:
    fake_openai.script([Fault.status(500), Fault.status(503), Fault.disconnect(), Reply.text("third time")])
    client = make_client(fake_openai, tmp_path)
    assert client.complete("ask", "_selftest", Q) == "third time"
    assert len(fake_openai.chat_requests) == 4
    assert client.ledger.entries()[0].retries == 3


def test_retries_exhausted_is_retryable_llm_error(fake_openai: FakeOpenAIServer, tmp_path: Path) -> None:
    fake_openai.script([Fault.status(503)] * 5)
    client = make_client(fake_openai, tmp_path, llm_max_retries=2)
    with pytest.raises(LLMError) as info:
        client.complete("ask", "_selftest", Q)
    assert info.value.retryable is True
    assert "after 3 attempts" in str(info.value) and "HTTP 503" in str(info.value)
    assert len(fake_openai.chat_requests) == 3
    entry = client.ledger.entries()[0]
    assert entry.retries == 2 and entry.error and "503" in entry.error


def test_401_is_not_retried_and_never_leaks_the_key(fake_openai: FakeOpenAIServer, tmp_path: Path) -> None:
    fake_openai.script([Fault.status(401, message=f"Incorrect API key provided: {KEY}")])
    client = make_client(fake_openai, tmp_path)
    with pytest.raises(LLMError) as info:
        client.complete("ask", "_selftest", Q)
    error = info.value
    assert len(fake_openai.chat_requests) == 1
    assert error.retryable is False
    assert "HTTP 401" in str(error) and "REVIEWER_LLM_API_KEY" in (error.hint or "")
    assert error.__cause__ is None or KEY not in str(error.__cause__)
    assert_key_never_stored(client, tmp_path, error)


@pytest.mark.parametrize(("status", "hint"), [(400, "REVIEWER_LLM_MAX_TOKENS"), (404, "REVIEWER_LLM_MODEL")])
def test_client_errors_are_not_retried(
    fake_openai: FakeOpenAIServer, tmp_path: Path, status: int, hint: str
) -> None:
    fake_openai.script([Fault.status(status)])
    client = make_client(fake_openai, tmp_path)
    with pytest.raises(LLMError) as info:
        client.complete("ask", "_selftest", Q)
    assert info.value.retryable is False and hint in (info.value.hint or "")
    assert len(fake_openai.chat_requests) == 1


def test_hang_past_timeout_is_retried(fake_openai: FakeOpenAIServer, tmp_path: Path) -> None:
    fake_openai.script([Fault.hang(5), Reply.text("fast now")])
    client = make_client(fake_openai, tmp_path, llm_timeout=0.5)
    assert client.complete("ask", "_selftest", Q) == "fast now"
    assert len(fake_openai.chat_requests) == 2
    assert 0.45 <= fake_openai.gaps()[0] < 3
    assert client.ledger.entries()[0].retries == 1


def test_repeat_is_served_from_cache(fake_openai: FakeOpenAIServer, tmp_path: Path) -> None:
    fake_openai.script([Reply.text("cached", usage=(120, 30))])
    client = make_client(fake_openai, tmp_path)
    assert client.complete("ask", "_selftest", Q) == "cached"
    assert client.complete("ask", "_selftest", Q) == "cached"
    assert len(fake_openai.chat_requests) == 1
    paid, hit = client.ledger.entries()
    assert (paid.prompt_tokens, paid.completion_tokens, paid.estimated) == (120, 30, False)
    assert hit.cache_hit and hit.cost_usd == 0


def test_completion_cut_by_max_tokens_keeps_whole_sentences(fake_openai: FakeOpenAIServer, tmp_path: Path) -> None:
    cut = "PRMs score each step [@a]. ORMs score only the outcome [@b]. Both are trained on prefer"
    fake_openai.script([Reply(content=cut, finish_reason="length"), Reply.text(cut)])
    client = make_client(fake_openai, tmp_path, llm_cache=False)
    assert client.complete("section", "_selftest", Q) == "PRMs score each step [@a]. ORMs score only the outcome [@b]."
    assert client.complete("section", "_selftest", Q) == cut  # finish_reason=stop: the text is left alone


# -- structured output ------------------------------------------------------------------------------


def test_structured_uses_json_schema_when_supported(fake_openai: FakeOpenAIServer, tmp_path: Path) -> None:
    fake_openai.script([Reply.json(GOOD)])
    client = make_client(fake_openai, tmp_path)
    assert client.structured("judge", "_selftest", Q, Verdict) == Verdict(**GOOD)
    (request,) = fake_openai.chat_requests
    assert response_format_type(request.body) == "json_schema"
    assert request.body["response_format"]["json_schema"]["schema"]["required"] == ["answer", "confidence"]
    assert client.ledger.entries()[0].method == "json_schema"
    # local servers ignore max_completion_tokens, so the legacy max_tokens is sent too
    assert (
        request.body["max_tokens"] == request.body["max_completion_tokens"] == client.settings.llm_max_tokens
    )


def test_json_schema_rejected_falls_back_and_is_remembered(
    fake_openai: FakeOpenAIServer, tmp_path: Path
) -> None:
    fake_openai.script([Fault.reject_json_schema(), Reply.json(GOOD), Reply.json(GOOD), Reply.json(GOOD)])
    client = make_client(fake_openai, tmp_path)
    assert client.structured("judge", "_selftest", Q, Verdict) == Verdict(**GOOD)
    first, second = fake_openai.chat_requests
    assert response_format_type(first.body) == "json_schema" and first.answered_with == "reject_json_schema"
    assert second.body["tools"][0]["function"]["name"] == "Verdict" and "response_format" not in second.body
    assert client.ledger.entries()[0].method == "function_calling"
    assert client.ledger.entries()[0].retries == 0  # a probe refusal is not a retry storm
    assert client.ledger.entries()[0].fallbacks == ["json_schema"]

    # Same process: no json_schema probe any more.
    client.structured("judge", "_selftest", {"question": "another"}, Verdict)
    assert "tools" in fake_openai.chat_requests[2].body
    # A new client (as in a new process), same cache file: remembered on disk.
    again = make_client(fake_openai, tmp_path)
    again.structured("judge", "_selftest", {"question": "third"}, Verdict)
    assert len(fake_openai.chat_requests) == 4 and "tools" in fake_openai.chat_requests[3].body


def test_function_calling_rejected_falls_back_to_json_object(
    fake_openai: FakeOpenAIServer, tmp_path: Path
) -> None:
    fake_openai.script(
        [Fault.reject_json_schema(), Fault.status(400, message="tools unsupported"), Reply.json(GOOD)]
    )
    client = make_client(fake_openai, tmp_path)
    assert client.structured("judge", "_selftest", Q, Verdict) == Verdict(**GOOD)
    third = fake_openai.chat_requests[2].body
    assert response_format_type(third) == "json_object" and "JSON Schema" in third["messages"][-1]["content"]
    assert client.known_method() == "json_object"


def test_truncated_json_retried_once_then_fails(fake_openai: FakeOpenAIServer, tmp_path: Path) -> None:
    fake_openai.script([Fault.truncated_json(GOOD), Fault.truncated_json(GOOD)])
    client = make_client(fake_openai, tmp_path)
    with pytest.raises(StructuredOutputError) as info:
        client.structured("judge", "_selftest", Q, Verdict)
    assert info.value.retryable is False and "cut off" in str(info.value)
    assert len(fake_openai.chat_requests) == 2
    assert "cut off at the token limit" in fake_openai.chat_requests[1].body["messages"][-1]["content"]
    entry = client.ledger.entries()[0]
    assert entry.validation_retries == 1 and entry.completion_tokens > 0 and not entry.estimated


def test_truncated_tool_arguments_then_valid(fake_openai: FakeOpenAIServer, tmp_path: Path) -> None:
    fake_openai.script([Fault.reject_json_schema(), Fault.truncated_json(GOOD), Reply.json(GOOD)])
    client = make_client(fake_openai, tmp_path)
    assert client.structured("judge", "_selftest", Q, Verdict) == Verdict(**GOOD)
    requests = fake_openai.chat_requests
    assert len(requests) == 3 and "Validation error" in requests[2].body["messages"][-1]["content"]


def test_empty_reply_retried_once_then_fails(fake_openai: FakeOpenAIServer, tmp_path: Path) -> None:
    fake_openai.script([Fault.empty(), Fault.empty()])
    client = make_client(fake_openai, tmp_path)
    with pytest.raises(StructuredOutputError, match="empty"):
        client.structured("judge", "_selftest", Q, Verdict)
    assert len(fake_openai.chat_requests) == 2


def test_structured_transient_error_is_retried_not_a_fallback(
    fake_openai: FakeOpenAIServer, tmp_path: Path
) -> None:
    fake_openai.script([Fault.status(429, retry_after=0.1), Reply.json(GOOD)])
    client = make_client(fake_openai, tmp_path)
    client.structured("judge", "_selftest", Q, Verdict)
    assert [response_format_type(r.body) for r in fake_openai.chat_requests] == ["json_schema"] * 2


# -- budget and embeddings ------------------------------------------------------------------------------


def test_budget_stops_before_the_call(fake_openai: FakeOpenAIServer, tmp_path: Path) -> None:
    client = make_client(fake_openai, tmp_path, max_calls=0)
    with pytest.raises(BudgetExceeded):
        client.structured("judge", "_selftest", Q, Verdict)
    costly = make_client(fake_openai, tmp_path, max_cost=0.0001, llm_price_out=1000.0)
    with pytest.raises(BudgetExceeded, match="cost budget"):
        costly.complete("ask", "_selftest", Q)
    assert fake_openai.chat_requests == []


def test_fake_embeddings_are_deterministic(fake_openai: FakeOpenAIServer) -> None:
    api = openai.OpenAI(base_url=fake_openai.base_url, api_key=KEY, max_retries=0)
    first = api.embeddings.create(model="fake-embed", input=["alpha", "beta"])
    again = api.embeddings.create(model="fake-embed", input="alpha", dimensions=8)
    assert len(first.data) == 2 and len(first.data[0].embedding) == fake_openai.embedding_dim
    assert first.data[0].embedding == pytest.approx(again.data[0].embedding, abs=1e-6)
    assert first.data[0].embedding != first.data[1].embedding
    assert sum(v * v for v in first.data[0].embedding) == pytest.approx(1.0, abs=1e-5)


def test_cache_file_shared_with_new_client(fake_openai: FakeOpenAIServer, tmp_path: Path) -> None:
    fake_openai.script([Reply.text("once")])
    client = make_client(fake_openai, tmp_path)
    client.complete("ask", "_selftest", Q)
    other = LLMClient(client.settings, cache=ResponseCache(client.settings.cache_path))
    assert other.complete("ask", "_selftest", Q) == "once"
    assert len(fake_openai.chat_requests) == 1


# -- malformed replies, deadlines, size cap, unreachable endpoints (issues 13 and 17) -----------------


@pytest.mark.parametrize("shape", MALFORMED_SHAPES)
@pytest.mark.parametrize("kind", ["complete", "structured"])
def test_malformed_200_reply_is_an_llm_error_with_a_reason(
    fake_openai: FakeOpenAIServer, tmp_path: Path, shape: str, kind: str
) -> None:
    fake_openai.default = lambda request: Fault.malformed(shape)
    client = make_client(fake_openai, tmp_path)
    with pytest.raises(LLMError) as info:
        if kind == "complete":
            client.complete("ask", "_selftest", Q)
        else:
            client.structured("judge", "_selftest", Q, Verdict)
    assert "malformed reply" in info.value.message and info.value.retryable is False
    assert len(fake_openai.chat_requests) == 1  # a server that answers garbage is not asked again
    entry = client.ledger.entries()[0]
    assert entry.error and "malformed reply" in entry.error


def _call_in_thread(fn: Callable[[], Any], limit: float) -> tuple[Any, float]:
    """Run `fn` in a thread; (its result or exception, seconds) -- or fail if it outlives `limit`."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            box["value"] = exc

    started = time.monotonic()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(limit)
    assert not thread.is_alive(), f"the call was still running after {limit} s"
    return box["value"], time.monotonic() - started


def test_timeout_is_a_total_deadline_not_per_read(fake_openai: FakeOpenAIServer, tmp_path: Path) -> None:
    # One byte per second: every read returns in 1 s, so a per-read timeout of 2 s never fires.
    fake_openai.script([Fault.trickle(1.0)])
    client = make_client(fake_openai, tmp_path, llm_timeout=2.0, llm_max_retries=0)
    assert client.model_name == "fake-model"  # builds the model (slow imports) before the clock starts
    outcome, seconds = _call_in_thread(lambda: client.complete("ask", "_selftest", Q), limit=8)
    assert isinstance(outcome, LLMError) and "timed out" in outcome.message, outcome
    assert 1.8 <= seconds < 4


def test_a_2mb_completion_is_capped(fake_openai: FakeOpenAIServer, tmp_path: Path) -> None:
    fake_openai.script([Fault.huge(2_000_000)])
    client = make_client(fake_openai, tmp_path, llm_max_tokens=200)
    with pytest.raises(LLMError, match="larger than") as info:
        client.complete("ask", "_selftest", Q)
    assert info.value.retryable is False and len(fake_openai.chat_requests) == 1
    # Below the byte cap but far beyond max_tokens: trimmed to whole sentences within 8 chars/token.
    fake_openai.script([Fault.huge(20_000)])
    text = client.complete("ask", "_selftest", {"question": "again"})
    assert 0 < len(text) <= 8 * 200 and text.endswith("solution.")


def test_unreachable_endpoint_is_down_for_the_rest_of_the_run(tmp_path: Path) -> None:
    closed = free_port()  # nothing listens here: connection refused
    settings = Settings(llm_base_url=f"http://127.0.0.1:{closed}/v1", llm_api_key=SecretStr(KEY), llm_model="m",
                        llm_max_retries=4, llm_unreachable_retry_s=1.0)
    client = LLMClient(settings, ledger=Ledger(tmp_path / "ledger.jsonl"))  # default back-off (1 s base)
    started = time.monotonic()
    with pytest.raises(LLMError, match="unreachable") as first:
        client.complete("scope", "_selftest", Q)
    assert time.monotonic() - started < 2.5 and first.value.attempts >= 2  # retried, within the budget
    started = time.monotonic()
    with pytest.raises(LLMError, match="unreachable"):
        client.structured("outline", "_selftest", Q, Verdict)
    assert time.monotonic() - started < 1.0  # later stages: offline at once (no retry, no back-off)
    later = client.ledger.entries()[-1]
    assert later.stage == "outline" and later.retries == 0 and "unreachable" in (later.error or "")
    assert KEY not in str(first.value)


_JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
_JSON = st.recursive(_JSON_SCALARS, lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)
_MESSAGE = st.fixed_dictionaries(
    {"role": st.sampled_from(["assistant", "user", ""])},
    optional={"content": _JSON | st.text(max_size=40),
              "tool_calls": _JSON | st.lists(st.fixed_dictionaries(
                  {"id": st.text(max_size=5), "type": st.just("function"),
                   "function": st.fixed_dictionaries({"name": st.text(max_size=8), "arguments": _JSON})}),
                  max_size=2)})
_CHOICE = st.fixed_dictionaries({"index": st.integers(0, 2)},
                                optional={"message": _MESSAGE | _JSON, "finish_reason": _JSON})
_BODY = st.fixed_dictionaries(
    {"id": st.just("chatcmpl-fuzz"), "object": st.just("chat.completion"), "model": st.just("fake-model")},
    optional={"choices": st.lists(_CHOICE, max_size=2) | _JSON, "created": _JSON, "usage": _JSON})


@fuzz_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=_BODY | _JSON)
def test_any_200_reply_shape_is_text_or_an_llm_error(fake_openai: FakeOpenAIServer, tmp_path: Path,
                                                     body: Any) -> None:
    """Whatever JSON a server sends with status 200, `complete` returns text or raises LLMError."""
    fake_openai.script([Fault.raw(json.dumps(body).encode())])
    client = make_client(fake_openai, tmp_path, llm_cache=False, llm_max_retries=0)
    with contextlib.suppress(LLMError):
        assert isinstance(client.complete("ask", "_selftest", Q), str)


def test_a_later_choice_without_a_message_is_an_llm_error(fake_openai: FakeOpenAIServer, tmp_path: Path) -> None:
    """The OpenAI client reads every choice, so a second choice with no message must fail as LLMError, not crash."""
    body = {"id": "chatcmpl-x", "object": "chat.completion", "model": "fake-model",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": "fine"}}, {"index": 1}]}
    fake_openai.script([Fault.raw(json.dumps(body).encode())])
    client = make_client(fake_openai, tmp_path, llm_cache=False, llm_max_retries=0)
    with pytest.raises(LLMError, match="choice 2 has no message"):
        client.complete("ask", "_selftest", Q)
