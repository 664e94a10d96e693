"""LLMClient: the one way `ask`, `survey` and the claim judge talk to a chat model.

It renders prompt files, serves repeats from the disk cache, enforces call/cost budgets before
spending, retries transient failures (counted), negotiates a structured-output method the server
supports, and writes one ledger line per call. Any LangChain BaseChatModel can be injected (tests
use the fake chat models); by default a ChatOpenAI is built from Settings.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any, TypeVar, cast

from pydantic import BaseModel

from reviewer.errors import BudgetExceeded
from reviewer.llm.cache import CachedReply, ResponseCache, endpoint_digest, make_key
from reviewer.llm.factory import KEYLESS_API_KEY, make_chat_model
from reviewer.llm.ledger import Ledger, LedgerEntry
from reviewer.llm.prompts import load_prompt
from reviewer.llm.retry import (
    UNSUPPORTED_METHOD_STATUS,
    CallContext,
    Failure,
    LLMEndpointError,
    MethodUnsupported,
    RetryPolicy,
    call_with_retries,
    safe_endpoint,
)
from reviewer.llm.structured import (
    InvalidReply,
    StructuredOutputError,
    bind_method,
    candidate_methods,
    feedback_text,
    message_from_finish_error,
    needs_instructions,
    parse_reply,
    reply_payload,
    schema_instructions,
)
from reviewer.llm.usage import CallStats, estimate_tokens, messages_text, serialize_messages
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
    `max_cost` is checked before each call against the spend so far plus a worst case for this
    call (estimated prompt tokens + llm_max_tokens completion tokens at the configured prices).
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
    ) -> None:
        self.settings = settings
        self._chat_model = chat_model
        self.ledger = ledger if ledger is not None else Ledger(None)
        self._cache = cache
        self._cache_enabled = cache is not None or settings.llm_cache
        self.max_calls = max_calls
        self.max_cost = max_cost
        self.policy = RetryPolicy(
            max_retries=settings.llm_max_retries if max_retries is None else max_retries,
            backoff_base=backoff_base,
            backoff_max=backoff_max,
            retry_after_cap=retry_after_cap,
        )
        self.calls_made = 0
        self.cost_usd = 0.0
        self._lock = threading.Lock()
        # After the endpoint rejects the credentials, every later call would too: fail them locally.
        self._refused: LLMEndpointError | None = None
        self._method: str | None = None  # structured-output method known to work (see known_method)

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
        model = self.chat_model
        for attr in ("model_name", "model"):
            value = getattr(model, attr, None)
            if isinstance(value, str) and value:
                return value
        return type(model).__name__

    @property
    def base_url(self) -> str | None:
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

    # -- budget and accounting -----------------------------------------------------------------

    def _cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        s = self.settings
        return (prompt_tokens * s.llm_price_in + completion_tokens * s.llm_price_out) / 1_000_000

    def _reserve(self, messages: list[BaseMessage]) -> None:
        """Raise BudgetExceeded before a call that could break --max-calls / --max-cost."""
        with self._lock:
            if self.max_calls is not None and self.calls_made + 1 > self.max_calls:
                raise BudgetExceeded(
                    f"call budget exhausted: {self.calls_made} of max {self.max_calls} LLM calls made",
                    hint="raise --max-calls, or re-run: cached replies cost no calls",
                )
            if self.max_cost is not None:
                worst = self._cost(estimate_tokens(messages_text(messages)), self.settings.llm_max_tokens)
                if self.cost_usd >= self.max_cost or self.cost_usd + worst > self.max_cost:
                    raise BudgetExceeded(
                        f"cost budget exhausted: ${self.cost_usd:.4f} spent of max ${self.max_cost:.4f}, "
                        f"and the next call may cost up to ${worst:.4f}",
                        hint="raise --max-cost, or re-run: cached replies cost nothing",
                    )
            self.calls_made += 1

    def _record(
        self,
        stage: str,
        prompt: str,
        kind: str,
        started: float,
        stats: CallStats,
        *,
        method: str | None = None,
        cache_hit: bool = False,
        error: str | None = None,
    ) -> None:
        cost = 0.0 if cache_hit else self._cost(stats.prompt_tokens, stats.completion_tokens)
        if not cache_hit:
            with self._lock:
                self.cost_usd += cost
        self.ledger.record(
            LedgerEntry(
                stage=stage,
                prompt=prompt,
                model=self.model_name,
                kind=kind,
                method=method,
                prompt_tokens=stats.prompt_tokens,
                completion_tokens=stats.completion_tokens,
                estimated=stats.estimated,
                cost_usd=cost,
                latency_s=round(time.monotonic() - started, 4),
                cache_hit=cache_hit,
                retries=stats.retries,
                validation_retries=stats.validation_retries,
                fallbacks=list(stats.fallbacks),
                error=error,
            )
        )

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
        prompt: str,
        probing: bool = False,
    ) -> tuple[AIMessage, bool]:
        """One request (with transport retries); returns (reply, truncated).

        The prompt file's name rides along as run metadata (never sent to the endpoint): callbacks and
        tracers see which prompt a call rendered, and test fakes answer by it.
        """
        from langchain_core.messages import AIMessage

        def on_retry(_failure: Failure, _wait: float) -> None:
            stats.retries += 1

        if self._refused is not None:
            raise LLMEndpointError(f"{self._refused.message} (not called again this run)",
                                   hint=self._refused.hint, retryable=False, status=self._refused.status, attempts=0)

        def send() -> tuple[AIMessage, bool]:
            try:
                reply = runnable.invoke(messages, config={"metadata": {"prompt": prompt}})
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
        except LLMEndpointError as exc:
            if exc.status in (401, 403):
                self._refused = exc
            raise
        stats.add_usage(messages, reply)
        return reply, truncated

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
        self._reserve(messages)
        stats = CallStats()
        try:
            reply, _ = self._invoke(self.chat_model, messages, stage, stats, prompt=prompt)
        except Exception as exc:
            self._record(stage, prompt, "complete", started, stats, error=_error_text(exc))
            raise
        text = str(reply.text)
        if (reply.response_metadata or {}).get("finish_reason") == "length":
            # Cut off by max_tokens: keep only whole sentences (a half sentence cannot be checked).
            from reviewer.textutil import complete_sentences

            text = complete_sentences(text)
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
        self._reserve(messages)
        stats = CallStats()
        method: str | None = None
        try:
            value, method = self._negotiate(stage, prompt, messages, schema, stats)
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

    def _negotiate(
        self, stage: str, prompt: str, messages: list[BaseMessage], schema: type[S], stats: CallStats
    ) -> tuple[S, str]:
        """Try methods best-first (starting at the remembered one) until the server accepts one."""
        model = self.chat_model
        methods = candidate_methods(model)
        known = self.known_method()
        if known in methods:
            methods = methods[methods.index(known) :]
        for method in methods:
            try:
                runnable = bind_method(model, method, schema)
            except (NotImplementedError, TypeError, ValueError):
                stats.fallbacks.append(method)
                continue
            probing = method != known and method != "text"
            try:
                return self._structured_with(
                    method, runnable, stage, prompt, messages, schema, stats, probing
                ), method
            except MethodUnsupported:
                stats.fallbacks.append(method)
                continue
        raise AssertionError("the 'text' method never reports MethodUnsupported")  # pragma: no cover

    def _structured_with(
        self,
        method: str,
        runnable: Any,
        stage: str,
        prompt: str,
        messages: list[BaseMessage],
        schema: type[S],
        stats: CallStats,
        probing: bool,
    ) -> S:
        from langchain_core.messages import HumanMessage

        sent = list(messages)
        if needs_instructions(method):
            last = sent[-1]
            sent[-1] = HumanMessage(content=f"{last.text}\n\n{schema_instructions(schema)}")
        error = ""
        for attempt in range(2):
            reply, truncated = self._invoke(runnable, sent, stage, stats, prompt=prompt,
                                            probing=probing and attempt == 0)
            self._remember(method)  # the server accepted the method; validity is the model's part
            try:
                return cast(S, parse_reply(reply, schema, truncated=truncated))
            except InvalidReply as exc:
                error = str(exc)
            if attempt == 0:
                stats.validation_retries += 1
                sent = [*sent, HumanMessage(content=feedback_text(reply_payload(reply), error, method))]
        raise StructuredOutputError(
            f"the model's reply for stage '{stage}' did not match {schema.__name__} after a corrective "
            f"retry ({method}): {error}",
            schema=schema.__name__,
            method=method,
            hint="use a stronger model, raise REVIEWER_LLM_MAX_TOKENS, or run offline (REVIEWER_LLM_OFFLINE=1)",
        )


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, LLMEndpointError | StructuredOutputError | BudgetExceeded):
        return f"{type(exc).__name__}: {exc.message}"
    return type(exc).__name__  # unknown errors: the type only, never arbitrary text that may hold secrets
