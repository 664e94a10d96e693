"""The HTTP layer under ChatOpenAI: a total deadline per request, a size cap, and reply validation.

httpx's timeouts bound each socket read, so a server trickling one byte a second never times out;
here every read is also bounded by the time left of the request (`llm_timeout` in total) and by
Ctrl-C. The body is read here (at most `max_reply_bytes`), and a 200 chat reply that the OpenAI
client would choke on -- not JSON, not UTF-8, an SSE stream nobody asked for, no choices, null or
list content, token counts that are not numbers -- raises MalformedReply, which the retry layer turns into an LLMError with the reason,
so every caller takes its offline path instead of crashing with ValueError/IndexError/TypeError.
"""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import httpcore
import httpx

from reviewer.errors import LLMError
from reviewer.llm.cancel import CallCancelled, cancelled

_POLL = 0.2  # seconds between Ctrl-C checks while waiting for bytes
_local = threading.local()


class MalformedReply(LLMError):
    """The endpoint answered 200 with something that is not a usable chat completion."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, retryable=False)


def _deadline() -> float | None:
    return getattr(_local, "deadline", None)


def _bounded(timeout: float | None) -> float | None:
    """`timeout` cut to what is left of the request's total deadline; ReadTimeout when none is left."""
    end = _deadline()
    if end is None:
        return timeout
    left = end - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the request's total deadline (REVIEWER_LLM_TIMEOUT) passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose reads honour the request deadline and Ctrl-C, polling in short slices."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        read_end = None if timeout is None else time.monotonic() + timeout
        while True:
            if cancelled():
                raise httpcore.ReadError("cancelled by Ctrl-C")
            left = _bounded(None if read_end is None else max(0.0, read_end - time.monotonic()))
            if left is not None and left <= 0:
                raise httpcore.ReadTimeout("read timed out")
            try:
                return self._inner.read(max_bytes, _POLL if left is None else min(_POLL, left))
            except httpcore.ReadTimeout:
                if read_end is not None and time.monotonic() >= read_end:
                    raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if cancelled():
            raise httpcore.WriteError("cancelled by Ctrl-C")
        self._inner.write(buffer, _bounded(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, _bounded(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(host, port, _bounded(timeout), local_address, socket_options)
        return _DeadlineStream(stream)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.connect_unix_socket(path, _bounded(timeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def validate_chat_reply(content: bytes, content_type: str) -> None:
    """Raise MalformedReply unless `content` is a chat.completion the OpenAI client can use."""
    if "text/event-stream" in content_type.lower() or content.lstrip().startswith(b"data:"):
        raise MalformedReply("the endpoint sent an event stream (SSE), which was not asked for")
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedReply(f"the reply is not valid UTF-8 (byte {exc.start})") from None
    try:
        body = json.loads(text)
    except ValueError:
        preview = " ".join(text.split())[:80]
        raise MalformedReply(f"the reply is not JSON: {preview!r}") from None
    if not isinstance(body, dict):
        raise MalformedReply(f"the reply is a JSON {type(body).__name__}, not a chat completion object")
    choices = body.get("choices")
    if not isinstance(choices, list) or not choices:
        raise MalformedReply("the reply has no choices")
    _check_usage(body.get("usage"))
    # The OpenAI client converts every choice, not just the first: a later choice without a message breaks it too.
    for number, choice in enumerate(choices, start=1):
        _check_choice(choice, "first choice" if number == 1 else f"choice {number}")


def _check_choice(choice: object, which: str) -> None:
    """One choice the OpenAI client can turn into a message: a message object, well-formed tool calls, text content."""
    message = choice.get("message") if isinstance(choice, dict) else None
    if not isinstance(message, dict):
        raise MalformedReply(f"the reply's {which} has no message")
    calls = message.get("tool_calls")
    if calls is not None and not (isinstance(calls, list) and all(
            isinstance(c, dict) and isinstance(c.get("function"), dict)
            and isinstance(c["function"].get("arguments"), str) for c in calls)):
        raise MalformedReply(f"the reply's {which} has malformed tool calls")
    content_value = message.get("content")
    if isinstance(content_value, list):
        raise MalformedReply(f"the reply's {which} has a list of parts as content, not text")
    if content_value is None and not calls:
        raise MalformedReply(f"the reply's {which} has null content")
    if not isinstance(content_value, str | None):
        raise MalformedReply(f"the reply's {which} has a JSON {type(content_value).__name__} as content, not text")

def _check_usage(usage: object) -> None:
    """Token counts the OpenAI client adds up: an object of integer counts (and detail objects), or absent."""
    if usage is None:
        return
    if not isinstance(usage, dict):
        raise MalformedReply(f"the reply's usage is a JSON {type(usage).__name__}, not an object")
    for key in ("prompt_tokens", "completion_tokens", "total_tokens"):
        count = usage.get(key)
        if count is not None and (isinstance(count, bool) or not isinstance(count, int)):
            raise MalformedReply(f"the reply's usage.{key} is not an integer")
    for key in ("prompt_tokens_details", "completion_tokens_details"):
        if usage.get(key) is not None and not isinstance(usage[key], dict):
            raise MalformedReply(f"the reply's usage.{key} is not an object")


def _is_chat(request: httpx.Request) -> bool:
    if request.method != "POST" or not request.url.path.rstrip("/").endswith("/chat/completions"):
        return False
    try:
        return not json.loads(request.content or b"{}").get("stream")
    except (ValueError, AttributeError):
        return True


class GuardedTransport(httpx.BaseTransport):
    """Wraps a transport: total deadline, body cap, chat-reply validation (see the module docstring)."""

    def __init__(self, inner: httpx.BaseTransport, total_timeout: float, max_reply_bytes: int) -> None:
        self._inner = inner
        self.total_timeout = total_timeout
        self.max_reply_bytes = max_reply_bytes
        pool = getattr(inner, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if backend is not None and not isinstance(backend, _DeadlineBackend):
            pool._network_backend = _DeadlineBackend(backend)  # type: ignore[union-attr]

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if cancelled():
            raise CallCancelled()
        _local.deadline = time.monotonic() + self.total_timeout
        try:
            response = self._inner.handle_request(request)
            try:
                raw = self._read(response)
            finally:
                response.close()
        finally:
            _local.deadline = None
        out = httpx.Response(response.status_code, headers=response.headers, content=raw, request=request,
                             extensions=response.extensions)
        content = out.read()  # decodes gzip/deflate
        if len(content) > self.max_reply_bytes:
            raise MalformedReply(f"the reply is larger than {self.max_reply_bytes} bytes once decoded")
        if response.status_code == 200 and _is_chat(request):
            validate_chat_reply(content, response.headers.get("content-type", ""))
        return out

    def _read(self, response: httpx.Response) -> bytes:
        chunks: list[bytes] = []
        size = 0
        for chunk in response.stream:
            size += len(chunk)
            if size > self.max_reply_bytes:
                raise MalformedReply(
                    f"the reply is larger than {self.max_reply_bytes} bytes (far beyond REVIEWER_LLM_MAX_TOKENS); "
                    "not read further")
            chunks.append(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        self._inner.close()


class GuardedClient(httpx.Client):
    """httpx.Client whose transports (direct and proxy mounts from the environment) are guarded."""

    def __init__(self, *, total_timeout: float, max_reply_bytes: int, **kwargs: Any) -> None:
        self._guard = (total_timeout, max_reply_bytes)
        super().__init__(**kwargs)

    def _init_transport(self, *args: Any, **kwargs: Any) -> httpx.BaseTransport:
        return GuardedTransport(super()._init_transport(*args, **kwargs), *self._guard)

    def _init_proxy_transport(self, *args: Any, **kwargs: Any) -> httpx.BaseTransport:
        return GuardedTransport(super()._init_proxy_transport(*args, **kwargs), *self._guard)


def make_http_client(total_timeout: float, connect_timeout: float, max_reply_bytes: int) -> httpx.Client:
    """The client ChatOpenAI sends through; redirects followed like the OpenAI SDK's own client."""
    timeout = httpx.Timeout(total_timeout, connect=min(connect_timeout, total_timeout))
    return GuardedClient(total_timeout=total_timeout, max_reply_bytes=max_reply_bytes, timeout=timeout,
                         follow_redirects=True)
