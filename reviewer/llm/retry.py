"""Classify endpoint failures and retry the transient ones with tenacity.

We retry ourselves (ChatOpenAI is built with max_retries=0) so that every retry is counted in the
ledger, waits honour `Retry-After`, and auth/config errors fail at once with a hint instead of
after a minute of silent back-off. Messages never contain the API key: server text is scrubbed.
"""

from __future__ import annotations

import email.utils
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import urlsplit

from reviewer.errors import LLMError
from reviewer.llm.cancel import CallCancelled, cancellable_sleep, cancelled
from reviewer.llm.redact import scrub

T = TypeVar("T")

RETRYABLE_STATUS = frozenset({408, 409, 429})
# Statuses that, while probing a structured-output method, mean "this server can't do that method"
# (llama-cpp-python answers json_schema with 500) -- try the next method instead of retrying.
UNSUPPORTED_METHOD_STATUS = frozenset({400, 422, 500, 501})
_DETAIL_LIMIT = 300


class LLMEndpointError(LLMError):
    """LLMError raised for an endpoint failure; carries the HTTP status and attempts made."""

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        retryable: bool,
        status: int | None = None,
        attempts: int = 1,
        unreachable: bool = False,
    ) -> None:
        super().__init__(message, hint=hint, retryable=retryable)
        self.status = status
        self.attempts = attempts
        self.unreachable = unreachable  # refused / no such host: down for the rest of the run


@dataclass
class Failure:
    """What went wrong with one request, reduced to what retry decisions need."""

    kind: str  # "status" | "timeout" | "connection" | "unreachable" | "malformed"
    status: int | None
    detail: str
    retry_after: float | None = None
    context_overflow: bool = False

    @property
    def retryable(self) -> bool:
        if self.kind in ("timeout", "connection", "unreachable"):
            return True
        if self.kind == "malformed":
            return False
        return self.status is not None and (self.status in RETRYABLE_STATUS or self.status >= 500)

    def describe(self) -> str:
        if self.kind == "timeout":
            return "request timed out"
        if self.kind == "connection":
            return f"connection failed: {self.detail}"
        if self.kind == "unreachable":
            return f"endpoint unreachable: {self.detail}"
        if self.kind == "malformed":
            return f"malformed reply: {self.detail}"
        return f"HTTP {self.status}: {self.detail}"


class Transient(Exception):
    """Internal: a retryable failure, carried through tenacity."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.describe())
        self.failure = failure


class MethodUnsupported(Exception):
    """Internal: the endpoint refused a structured-output method while it was being probed."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.describe())
        self.failure = failure


@dataclass
class CallContext:
    """Who is calling what, for messages and scrubbing; `secrets` are removed from any text."""

    stage: str
    model: str
    endpoint: str
    secrets: tuple[str, ...] = field(default=(), repr=False)

    def scrub(self, text: str) -> str:
        return scrub(text, self.secrets)


def safe_endpoint(base_url: str | None) -> str:
    """scheme://host[:port]/path of an endpoint, without any credentials or query string."""
    if not base_url:
        return "the default OpenAI endpoint"
    parts = urlsplit(base_url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}".rstrip("/")


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After value: delta-seconds or an HTTP date (RFC 9110)."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


def _retry_after_from(response: object) -> float | None:
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return max(0.0, float(millis) / 1000.0)
        except ValueError:
            pass
    return parse_retry_after(headers.get("retry-after"))


def classify(exc: BaseException, ctx: CallContext) -> Failure | None:
    """Map an exception from openai/httpx/LangChain to a Failure; None if it is not an endpoint error."""
    import httpx
    import openai
    from langchain_core.exceptions import ContextOverflowError, ModelConnectionError, ModelTimeoutError

    def detail(text: str) -> str:
        text = ctx.scrub(" ".join(str(text).split()))
        return text if len(text) <= _DETAIL_LIMIT else text[:_DETAIL_LIMIT] + "..."

    # openai wraps whatever the transport raised in APIConnectionError: look at the causes, but never
    # for an HTTP status error (its context may hold unrelated, already-handled exceptions).
    if cancelled():  # whatever the request died of, after Ctrl-C it is not retried
        raise CallCancelled() from None
    chain = list(_causes(exc)) if not isinstance(getattr(exc, "status_code", None), int) else []
    for link in chain:
        if isinstance(link, CallCancelled):
            raise link
        if isinstance(link, LLMError) and type(link).__name__ == "MalformedReply":
            return Failure("malformed", None, detail(link.message))
    for link in chain:
        if isinstance(link, httpx.ConnectError | httpx.ConnectTimeout | ConnectionRefusedError | socket.gaierror):
            text = f"{type(link).__name__}: {link}" if str(link) else type(link).__name__
            return Failure("unreachable", None, detail(text))

    if isinstance(exc, openai.APITimeoutError | httpx.TimeoutException | ModelTimeoutError | TimeoutError):
        return Failure("timeout", None, "timed out")
    if isinstance(
        exc, openai.APIConnectionError | httpx.TransportError | ModelConnectionError | ConnectionError
    ):
        cause = exc.__cause__ or exc.__context__
        text = f"{type(cause).__name__}: {cause}" if cause is not None else str(exc)
        return Failure("connection", None, detail(text))
    status = getattr(exc, "status_code", None)
    response = getattr(exc, "response", None)
    if not isinstance(status, int):
        status = getattr(response, "status_code", None)
    if not isinstance(status, int) or status < 400:
        return None
    message = getattr(exc, "message", None) or str(exc)
    return Failure(
        "status",
        status,
        detail(message),
        retry_after=_retry_after_from(response),
        context_overflow=isinstance(exc, ContextOverflowError),
    )


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and its causes/contexts (openai wraps transport errors in APIConnectionError)."""
    seen: set[int] = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen and len(seen) < 12:
        seen.add(id(link))
        yield link
        link = link.__cause__ or link.__context__


def fatal_error(failure: Failure, ctx: CallContext, attempts: int = 1) -> LLMEndpointError:
    """A non-retryable failure as an LLMError whose hint says what to change."""
    where = f"{ctx.endpoint} (model '{ctx.model}', stage '{ctx.stage}')"
    status = failure.status
    if status == 401:
        message = f"the LLM endpoint {where} rejected the credentials (HTTP 401)"
        hint = (
            "check REVIEWER_LLM_API_KEY (or OPENAI_API_KEY); keyless local servers (llama.cpp, Ollama, "
            "vLLM) only need REVIEWER_LLM_BASE_URL"
        )
    elif status == 403:
        message = f"the LLM endpoint {where} denied access (HTTP 403): {failure.detail}"
        hint = "check that REVIEWER_LLM_API_KEY may use REVIEWER_LLM_MODEL at this endpoint"
    elif status == 404:
        message = f"the LLM endpoint {where} was not found (HTTP 404): {failure.detail}"
        hint = (
            "check REVIEWER_LLM_MODEL and REVIEWER_LLM_BASE_URL (OpenAI-compatible servers usually "
            "end in /v1)"
        )
    elif failure.kind == "malformed":
        message = f"the LLM endpoint {where} sent a {failure.describe()}"
        hint = (
            "check that REVIEWER_LLM_BASE_URL is an OpenAI-compatible /v1 endpoint (not a proxy's error page) "
            "and that the server honours REVIEWER_LLM_MAX_TOKENS"
        )
    elif failure.context_overflow:
        message = f"the prompt is too long for {where}: {failure.detail}"
        hint = "retrieve fewer papers (REVIEWER_RETRIEVE_K) or use a model with a larger context"
    else:
        message = f"the LLM endpoint {where} rejected the request ({failure.describe()})"
        hint = (
            "the prompt may exceed the model's context or the server may not support a parameter; "
            "check REVIEWER_LLM_MODEL and REVIEWER_LLM_MAX_TOKENS"
        )
    return LLMEndpointError(message, hint=hint, retryable=False, status=status, attempts=attempts)


def exhausted_error(failure: Failure, ctx: CallContext, attempts: int, seconds: float = 0.0) -> LLMEndpointError:
    if failure.kind == "unreachable":
        return LLMEndpointError(
            f"the LLM endpoint {ctx.endpoint} is unreachable ({failure.detail}; {attempts} "
            f"attempt{'s' if attempts != 1 else ''} in {seconds:.1f} s); not called again this run",
            hint="start the server or fix REVIEWER_LLM_BASE_URL; REVIEWER_LLM_UNREACHABLE_RETRY_S sets how long "
            "a refused connection is retried",
            retryable=True,
            attempts=attempts,
            unreachable=True,
        )
    return LLMEndpointError(
        f"the LLM endpoint {ctx.endpoint} (model '{ctx.model}', stage '{ctx.stage}') still failed after "
        f"{attempts} attempt{'s' if attempts != 1 else ''}: {failure.describe()}",
        hint=(
            "the server is down or overloaded; try again later, or raise REVIEWER_LLM_MAX_RETRIES / "
            "REVIEWER_LLM_TIMEOUT"
        ),
        retryable=True,
        status=failure.status,
        attempts=attempts,
    )


@dataclass
class RetryPolicy:
    """Back-off knobs; tests shrink them so fault scenarios run in milliseconds."""

    max_retries: int = 4
    backoff_base: float = 1.0
    backoff_max: float = 30.0
    retry_after_cap: float = 60.0
    unreachable_budget: float = 1.0  # seconds of retrying a refused connection / unknown host
    sleep: Callable[[float], None] = cancellable_sleep


def _raise_from(error: Exception, cause: BaseException, ctx: CallContext) -> None:
    # Chain the original for debugging unless its own text would carry a secret.
    if any(s and len(s) >= 4 and s in str(cause) for s in ctx.secrets):
        raise error from None
    raise error from cause


def call_with_retries(
    fn: Callable[[], T],
    ctx: CallContext,
    policy: RetryPolicy,
    *,
    on_retry: Callable[[Failure, float], None] | None = None,
    fallback_statuses: frozenset[int] = frozenset(),
) -> T:
    """Run `fn`, retrying transient endpoint failures; raise LLMEndpointError or MethodUnsupported.

    Exceptions that are not endpoint failures (bugs, parse errors) propagate unchanged.
    """
    from tenacity import Retrying, retry_if_exception_type, wait_exponential_jitter

    backoff = wait_exponential_jitter(
        initial=policy.backoff_base, max=policy.backoff_max, jitter=policy.backoff_base
    )

    started = time.monotonic()

    def unreachable_left(state: object) -> float | None:
        """Seconds left of the unreachable budget when the last attempt could not connect, else None."""
        outcome = getattr(state, "outcome", None)
        exc = outcome.exception() if outcome is not None else None
        if isinstance(exc, Transient) and exc.failure.kind == "unreachable":
            return policy.unreachable_budget - (time.monotonic() - started)
        return None

    def wait(state: object) -> float:
        outcome = getattr(state, "outcome", None)
        exc = outcome.exception() if outcome is not None else None
        if isinstance(exc, Transient) and exc.failure.retry_after is not None:
            return min(exc.failure.retry_after, policy.retry_after_cap)
        left = unreachable_left(state)
        if left is not None:
            return max(0.0, min(float(backoff(state)), left))  # type: ignore[arg-type]
        return float(backoff(state))  # type: ignore[arg-type]

    def stop(state: object) -> bool:
        if getattr(state, "attempt_number", 0) >= policy.max_retries + 1:
            return True
        left = unreachable_left(state)
        return left is not None and left <= 0

    def before_sleep(state: object) -> None:
        outcome = getattr(state, "outcome", None)
        exc = outcome.exception() if outcome is not None else None
        next_action = getattr(state, "next_action", None)
        if on_retry is not None and isinstance(exc, Transient):
            on_retry(exc.failure, float(getattr(next_action, "sleep", 0.0)))

    attempts = 0

    def attempt() -> T:
        nonlocal attempts
        attempts += 1
        try:
            return fn()
        except Exception as exc:
            failure = classify(exc, ctx)
            if failure is None:
                raise
            if failure.status in fallback_statuses and not failure.context_overflow:
                raise MethodUnsupported(failure) from None
            if failure.retryable:
                raise Transient(failure) from exc
            _raise_from(fatal_error(failure, ctx, attempts), exc, ctx)
            raise  # unreachable; keeps type checkers content

    retrying = Retrying(
        stop=stop,
        wait=wait,
        retry=retry_if_exception_type(Transient),
        before_sleep=before_sleep,
        sleep=policy.sleep,
        reraise=True,
    )
    try:
        return retrying(attempt)
    except Transient as transient:
        cause = transient.__cause__ or transient
        _raise_from(exhausted_error(transient.failure, ctx, attempts, time.monotonic() - started), cause, ctx)
        raise  # unreachable
