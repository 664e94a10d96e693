"""LLMClient: the one way `ask`, `survey` and the claim judge talk to a chat model.

It renders prompt files, serves repeats from the disk cache, enforces call/cost budgets before
spending, retries transient failures (counted), negotiates a structured-output method the server
supports, and writes one ledger line per call. Any LangChain BaseChatModel can be injected (tests
use the fake chat models); by default a ChatOpenAI is built from Settings.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from reviewer.errors import BudgetExceeded
from reviewer.llm.cache import CachedReply, ResponseCache, endpoint_digest, make_key
from reviewer.llm.calllog import CallLog
from reviewer.llm.cancel import check_cancelled, install_interrupt_handler
from reviewer.llm.cancel import reset as reset_cancelled
from reviewer.llm.factory import KEYLESS_API_KEY, make_chat_model
from reviewer.llm.ledger import Ledger
from reviewer.llm.meter import Meter
from reviewer.llm.negotiate import negotiate
from reviewer.llm.prompts import load_prompt
from reviewer.llm.reach import probe
from reviewer.llm.redact import url_secrets
from reviewer.llm.retry import (
    UNSUPPORTED_METHOD_STATUS,
    CallContext,
    Failure,
    LLMEndpointError,
    RetryPolicy,
    call_with_retries,
    exhausted_error,
    safe_endpoint,
)
from reviewer.llm.structured import (
    StructuredOutputError,
    message_from_finish_error,
)
from reviewer.llm.usage import CallStats, estimate_tokens, serialize_messages
from reviewer.settings import Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import AIMessage, BaseMessage

__all__ = ["LLMClient", "estimate_tokens", "make_chat_model"]

S = TypeVar("S", bound=BaseModel)


class LLMClient:
    """Cached, budgeted, retried and ledgered access to a chat model.

    Budgets count logical calls: `max_calls` is the number of non-cached `complete`/`structured`
    calls (transport retries, method probes and the one corrective retry belong to their call);
    `max_cost` is checked before each call (see reviewer.llm.meter.Meter, which keeps both).
    """

    def __init__(
        self,
        settings: Settings,
        chat_model: BaseChatModel | None = None,
        ledger: Ledger | None = None,
        cache: ResponseCache | None = None,
        max_calls: int | None = None,
        max_cost: float | None = None,
        *,
        max_retries: int | None = None,
        backoff_base: float = 1.0,
        backoff_max: float = 30.0,
        retry_after_cap: float = 60.0,
        call_log: Path | None = None,
    ) -> None:
        self.settings = settings
        self._chat_model = chat_model
        self.ledger = ledger if ledger is not None else Ledger(None)
        self._cache = cache
        self._cache_enabled = cache is not None or settings.llm_cache
        self.meter = Meter(settings, self.ledger, max_calls, max_cost)
        self.policy = RetryPolicy(
            max_retries=settings.llm_max_retries if max_retries is None else max_retries,
            backoff_base=backoff_base,
            backoff_max=backoff_max,
            retry_after_cap=retry_after_cap,
            unreachable_budget=settings.llm_unreachable_retry_s,
        )
        self._lock = threading.Lock()
        # After the endpoint rejects the credentials, every later call would too: fail them locally.
        self._refused: LLMEndpointError | None = None
        self._method: str | None = None  # structured-output method known to work (see known_method)
        # After the endpoint refused to connect (or its host did not resolve) through the retry budget,
        # it is down for this run: later calls go offline at once instead of retrying again.
        self._down: LLMEndpointError | None = None
        if call_log is None and settings.llm_log and self.ledger.path is not None:
            call_log = self.ledger.path.parent / "calls.jsonl"  # a survey's run directory, or the home
        self.call_log = CallLog(call_log, self._secrets()) if call_log is not None else None
        install_interrupt_handler()
        reset_cancelled()  # a new command: an earlier Ctrl-C in this process (a notebook) is over

    def __repr__(self) -> str:
        return f"LLMClient(model={self.settings.llm_model!r}, endpoint={safe_endpoint(self.settings.llm_base_url)!r})"

    # -- wiring ---------------------------------------------------------------------------------

    @property
    def chat_model(self) -> BaseChatModel:
        if self._chat_model is None:
            self._chat_model = make_chat_model(self.settings)
        return self._chat_model

    @property
    def cache(self) -> ResponseCache | None:
        if self._cache is None and self._cache_enabled:
            self._cache = ResponseCache(self.settings.cache_path)
        return self._cache

    @property
    def model_name(self) -> str:
        if self._chat_model is None:
            return self.settings.llm_model  # what ChatOpenAI would be built with; no import needed
        model = self.chat_model
        for attr in ("model_name", "model"):
            value = getattr(model, attr, None)
            if isinstance(value, str) and value:
                return value
        return type(model).__name__

    @property
    def base_url(self) -> str | None:
        if self._chat_model is None:
            return self.settings.llm_base_url
        value = getattr(self.chat_model, "openai_api_base", None)
        return value if isinstance(value, str) else self.settings.llm_base_url

    @property
    def endpoint_id(self) -> str:
        return endpoint_digest(self.base_url, self.model_name)

    def _secrets(self) -> tuple[str, ...]:
        found = []
        for key in (self.settings.llm_api_key, getattr(self._chat_model, "openai_api_key", None)):
            if key is not None and hasattr(key, "get_secret_value"):
                found.append(key.get_secret_value())
        found += url_secrets(self.settings.llm_base_url)
        return tuple(s for s in found if s and s != KEYLESS_API_KEY)

    def _context(self, stage: str) -> CallContext:
        return CallContext(stage, self.model_name, safe_endpoint(self.base_url), self._secrets())

    def known_method(self) -> str | None:
        """The structured-output method that last worked for this endpoint and model, if any.

        One memory: the cache's method table (so a new process does not re-probe), read once per client.
        """
        if self._method is None and self.cache is not None:
            self._method = self.cache.get_method(self.endpoint_id)
        return self._method

    def _remember(self, method: str) -> None:
        if self._method == method:
            return
        self._method = method
        if self.cache is not None:
            self.cache.set_method(self.endpoint_id, method)

    # -- budget and accounting (reviewer.llm.meter) ----------------------------------------------

    @property
    def max_calls(self) -> int | None:
        return self.meter.max_calls

    @property
    def max_cost(self) -> float | None:
        return self.meter.max_cost

    @property
    def calls_made(self) -> int:
        return self.meter.calls_made

    @property
    def cost_usd(self) -> float:
        return self.meter.cost_usd

    def _record(self, stage: str, prompt: str, kind: str, started: float, stats: CallStats, *,
                method: str | None = None, cache_hit: bool = False, error: str | None = None) -> None:
        self.meter.record(stage, prompt, self.model_name, kind, started, stats, method=method,
                          cache_hit=cache_hit, error=error)

    # -- calling --------------------------------------------------------------------------------

    def render(self, prompt: str, variables: dict[str, Any]) -> list[BaseMessage]:
        template = load_prompt(prompt, set(variables), prompts_dir=self.settings.prompts_dir)
        return template.format_messages(**variables)

    def _params(self, kind: str, **extra: Any) -> dict[str, Any]:
        s = self.settings
        return {"kind": kind, "temperature": s.llm_temperature, "max_tokens": s.llm_max_tokens, **extra}

    def _invoke(
        self,
        runnable: Any,
        messages: list[BaseMessage],
        stage: str,
        stats: CallStats,
        *,
        probing: bool = False,
    ) -> tuple[AIMessage, bool]:
        """One request (with transport retries); returns (reply, truncated).

        The prompt file's name (`stats.prompt`) rides along as run metadata (never sent to the endpoint): callbacks and
        tracers see which prompt a call rendered, and test fakes answer by it.
        """
        from langchain_core.messages import AIMessage

        def on_retry(_failure: Failure, _wait: float) -> None:
            stats.retries += 1

        if self._refused is not None:
            raise LLMEndpointError(f"{self._refused.message} (not called again this run)",
                                   hint=self._refused.hint, retryable=False, status=self._refused.status, attempts=0)
        if self._down is not None:
            raise LLMEndpointError(self._down.message, hint=self._down.hint, retryable=False, attempts=0,
                                   unreachable=True)

        def send() -> tuple[AIMessage, bool]:
            check_cancelled()  # Ctrl-C: nothing is sent after the signal, retries included
            try:
                reply = runnable.invoke(messages, config={"metadata": {"prompt": stats.prompt}})
            except Exception as exc:
                recovered = message_from_finish_error(exc)
                if recovered is None:
                    raise
                return recovered, True
            if not isinstance(reply, AIMessage):
                reply = AIMessage(content=str(getattr(reply, "content", reply)))
            return reply, False

        try:
            reply, truncated = call_with_retries(
                send,
                self._context(stage),
                self.policy,
                on_retry=on_retry,
                fallback_statuses=UNSUPPORTED_METHOD_STATUS if probing else frozenset(),
            )
        except Exception as exc:
            if isinstance(exc, LLMEndpointError) and exc.status in (401, 403):
                self._refused = exc
            if isinstance(exc, LLMEndpointError) and exc.unreachable:
                with self._lock:
                    self._down = self._down or exc
            self._log(stage, stats, messages, error=_error_text(exc))
            raise
        stats.add_usage(messages, reply)
        self._log(stage, stats, messages, reply=reply)
        return reply, truncated

    def _connect(self, stage: str) -> None:
        """Before the first request: a dead endpoint fails in about a second, then the model is built."""
        if self._down is not None:
            raise LLMEndpointError(self._down.message, hint=self._down.hint, retryable=False, attempts=0,
                                   unreachable=True)
        if self._chat_model is None:
            failed = probe(self.settings.llm_base_url, self.settings.llm_connect_timeout,
                           self.policy.unreachable_budget, self.policy.sleep)
            if failed is not None:
                error, attempts, seconds = failed
                ctx = self._context(stage)
                failure = Failure("unreachable", None, ctx.scrub(f"{type(error).__name__}: {error}"))
                with self._lock:
                    self._down = self._down or exhausted_error(failure, ctx, attempts, seconds)
                raise self._down
        self.chat_model  # noqa: B018 - imports langchain-openai the first time

    def _log(self, stage: str, stats: CallStats, sent: list[BaseMessage], *, reply: AIMessage | None = None,
             error: str | None = None) -> None:
        if self.call_log is not None:
            self.call_log.write(stage=stage, prompt=stats.prompt, model=self.model_name, sent=sent, reply=reply,
                                error=error)

    def complete(self, stage: str, prompt: str, variables: dict[str, Any]) -> str:
        """Render prompt file `prompt` with `variables`, call the model, return its text."""
        messages = self.render(prompt, variables)
        started = time.monotonic()
        key = make_key(self.model_name, serialize_messages(messages), self._params("complete"))
        cache = self.cache
        hit = cache.get(key) if cache is not None else None
        if hit is not None and hit.kind == "complete":
            self._record(stage, prompt, "complete", started, CallStats(), cache_hit=True)
            return hit.text
        self.meter.reserve(messages)
        stats = CallStats(prompt=prompt)
        try:
            self._connect(stage)
            started = time.monotonic()  # the call's latency, not the seconds spent importing the client
            reply, _ = self._invoke(self.chat_model, messages, stage, stats)
        except Exception as exc:
            self._record(stage, prompt, "complete", started, stats, error=_error_text(exc))
            raise
        text = str(reply.text)
        cap = 8 * self.settings.llm_max_tokens  # chars: a server ignoring max_tokens must not flood a report
        if (reply.response_metadata or {}).get("finish_reason") == "length" or len(text) > cap:
            # Cut off by max_tokens: keep only whole sentences (a half sentence cannot be checked).
            from reviewer.textutil import complete_sentences

            text = complete_sentences(text[:cap])
        if cache is not None:
            cache.put(
                key,
                CachedReply(
                    model=self.model_name,
                    kind="complete",
                    text=text,
                    prompt_tokens=stats.prompt_tokens,
                    completion_tokens=stats.completion_tokens,
                ),
            )
        self._record(stage, prompt, "complete", started, stats)
        return text

    def structured(self, stage: str, prompt: str, variables: dict[str, Any], schema: type[S]) -> S:
        """Render, call, and return a `schema` instance validated by pydantic.

        Raises StructuredOutputError (retryable=False) when the reply is still invalid after one
        corrective retry, so callers can fall back to their offline path and say so.
        """
        messages = self.render(prompt, variables)
        started = time.monotonic()
        params = self._params("structured", schema=schema.model_json_schema(), schema_name=schema.__name__)
        key = make_key(self.model_name, serialize_messages(messages), params)
        cache = self.cache
        hit = cache.get(key) if cache is not None else None
        if hit is not None and hit.kind == "structured":
            try:
                value = schema.model_validate_json(hit.text)
            except ValueError:
                value = None  # schema changed under the same name: treat as a miss
            if value is not None:
                self._record(
                    stage, prompt, "structured", started, CallStats(), method=hit.method, cache_hit=True
                )
                return value
        self.meter.reserve(messages)
        stats = CallStats(prompt=prompt)
        method: str | None = None
        try:
            self._connect(stage)
            started = time.monotonic()
            value, method = negotiate(self, stage, messages, schema, stats)
        except Exception as exc:
            failed_method = getattr(exc, "method", None) or method
            self._record(
                stage, prompt, "structured", started, stats, method=failed_method, error=_error_text(exc)
            )
            raise
        if cache is not None:
            cache.put(
                key,
                CachedReply(
                    model=self.model_name,
                    kind="structured",
                    text=value.model_dump_json(),
                    method=method,
                    prompt_tokens=stats.prompt_tokens,
                    completion_tokens=stats.completion_tokens,
                ),
            )
        self._record(stage, prompt, "structured", started, stats, method=method)
        return value


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, LLMEndpointError | StructuredOutputError | BudgetExceeded):
        return f"{type(exc).__name__}: {exc.message}"
    return type(exc).__name__  # unknown errors: the type only, never arbitrary text that may hold secrets
