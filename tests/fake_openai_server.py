"""A scriptable fake OpenAI-compatible server on 127.0.0.1 for fault-injection tests.

Usage (pytest)::

    from fake_openai_server import Fault, Reply, fake_openai  # noqa: F401  (fixture)

    def test_x(fake_openai):
        fake_openai.script([Fault.status(429, retry_after=1), Reply.text("hello")])
        settings = Settings(llm_base_url=fake_openai.base_url, llm_api_key="sk-test")
        ...
        assert len(fake_openai.chat_requests) == 2

(`tests/` has no `__init__.py`; pytest puts `tests/` on sys.path, so import it as
`fake_openai_server`.) Outside pytest: `with FakeOpenAIServer() as server: ...`.

Endpoints: `POST /v1/chat/completions` and `POST /v1/embeddings` (deterministic hash vectors).
Each chat request consumes the next scripted step (a Reply or a Fault); when the queue is empty,
`server.default` -- a callable `(request_json) -> Reply | Fault` -- answers (default: "ok").
Malformed 200 replies (`Fault.malformed(shape)` for each of MALFORMED_SHAPES), a reply trickled one byte
per second (`Fault.trickle()`) and a 2 MB completion (`Fault.huge()`) cover what a broken proxy or server
sends. Sticky faults (`Fault.reject_json_schema()`) stay active for every matching request and do not
consume the queue, like a server that simply lacks a feature. Every request is recorded with its
arrival time (time.monotonic) and headers, including Authorization.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import struct
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


def _rough_tokens(text: str) -> int:
    return max(1, len(text) // 4) if text else 0


def _request_text(request: dict[str, Any]) -> str:
    parts = []
    for message in request.get("messages", []):
        content = message.get("content")
        if isinstance(content, str):
            parts.append(content)
        elif isinstance(content, list):
            parts.extend(str(block.get("text", "")) for block in content if isinstance(block, dict))
    return "\n".join(parts)


def _uses_tools(request: dict[str, Any]) -> bool:
    return bool(request.get("tools"))


def _tool_name(request: dict[str, Any]) -> str:
    choice = request.get("tool_choice")
    if isinstance(choice, dict):
        name = choice.get("function", {}).get("name")
        if name:
            return str(name)
    return str(request["tools"][0]["function"]["name"])


def response_format_type(request: dict[str, Any]) -> str | None:
    fmt = request.get("response_format")
    return fmt.get("type") if isinstance(fmt, dict) else None


@dataclass
class Reply:
    """A successful chat completion. `obj` replies become tool calls when the request used tools."""

    content: str | None = None
    obj: Any = None
    usage: tuple[int, int] | None = None
    finish_reason: str = "stop"
    truncate: bool = False

    @classmethod
    def text(cls, text: str, *, usage: tuple[int, int] | None = None) -> Reply:
        return cls(content=text, usage=usage)

    @classmethod
    def json(cls, obj: Any, *, usage: tuple[int, int] | None = None) -> Reply:
        return cls(obj=obj, usage=usage)

    def body(self, request: dict[str, Any]) -> dict[str, Any]:
        """OpenAI chat.completion JSON for this reply to `request`."""
        message: dict[str, Any] = {"role": "assistant", "content": self.content or ""}
        payload = json.dumps(self.obj) if self.obj is not None else None
        if payload is not None and self.truncate:
            payload = payload[: max(1, len(payload) // 2)]
        produced = payload if payload is not None else (self.content or "")
        if payload is not None and _uses_tools(request):
            message["content"] = None
            message["tool_calls"] = [
                {
                    "id": f"call_{uuid.uuid4().hex[:12]}",
                    "type": "function",
                    "function": {"name": _tool_name(request), "arguments": payload},
                }
            ]
        elif payload is not None:
            message["content"] = payload
        finish = self.finish_reason
        if finish == "stop" and "tool_calls" in message:
            finish = "tool_calls"
        prompt_tokens, completion_tokens = self.usage or (
            _rough_tokens(_request_text(request)),
            _rough_tokens(produced),
        )
        return {
            "id": f"chatcmpl-{uuid.uuid4().hex[:16]}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": request.get("model", "fake-model"),
            "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }


@dataclass
class Fault:
    """A failure to inject. Build with the classmethods; `sticky` faults are not consumed."""

    kind: str
    status_code: int = 500
    retry_after: float | str | None = None
    message: str | None = None
    seconds: float = 0.0
    then: Reply | None = None
    sticky: bool = False
    body: bytes = b""
    content_type: str = "application/json"

    @classmethod
    def status(
        cls, code: int, *, retry_after: float | str | None = None, message: str | None = None
    ) -> Fault:
        """An HTTP error with an OpenAI-style error body; `retry_after` is seconds or an HTTP date."""
        return cls("status", status_code=code, retry_after=retry_after, message=message)

    @classmethod
    def hang(cls, seconds: float, then: Reply | None = None) -> Fault:
        """Stall `seconds` before answering (`then`, default "late") -- longer than the client timeout."""
        return cls("hang", seconds=seconds, then=then)

    @classmethod
    def truncated_json(cls, obj: Any | None = None) -> Fault:
        """A 200 reply whose JSON (content or tool arguments) is cut in half, finish_reason=length."""
        return cls("truncated", then=Reply(obj=obj if obj is not None else {"answer": "cut off here"}))

    @classmethod
    def empty(cls) -> Fault:
        """A 200 reply with empty content and no tool calls."""
        return cls("empty")

    @classmethod
    def disconnect(cls) -> Fault:
        """Close the connection without any response."""
        return cls("disconnect")

    @classmethod
    def raw(cls, body: bytes, content_type: str = "application/json") -> Fault:
        """A 200 reply with exactly `body` (for malformed replies)."""
        return cls("raw", body=body, content_type=content_type)

    @classmethod
    def malformed(cls, shape: str) -> Fault:
        """A 200 reply of one of MALFORMED_SHAPES, each of which once crashed a command."""
        return malformed_reply(shape)

    @classmethod
    def trickle(cls, interval: float = 1.0, then: Reply | None = None) -> Fault:
        """Send the whole response (status line, headers, body) one byte every `interval` seconds."""
        return cls("trickle", seconds=interval, then=then)

    @classmethod
    def huge(cls, size: int = 2_000_000) -> Fault:
        """A valid 200 completion whose content is `size` bytes of prose (a server ignoring max_tokens)."""
        sentence = "Process reward models score every step of a solution. "
        return cls("huge", then=Reply.text((sentence * (size // len(sentence) + 1))[:size]))

    @classmethod
    def reject_json_schema(cls) -> Fault:
        """Sticky: answer every `response_format: json_schema` request with 500, as llama-cpp-python does."""
        return cls(
            "reject_json_schema",
            status_code=500,
            message="Unsupported response_format type: json_schema",
            sticky=True,
        )

    def matches(self, request: dict[str, Any]) -> bool:
        if self.kind == "reject_json_schema":
            return response_format_type(request) == "json_schema"
        return True


Step = Reply | Fault


def _completion(message: dict[str, Any] | None, choices: list[Any] | None = None) -> bytes:
    body = {"id": "chatcmpl-malformed", "object": "chat.completion", "created": 0, "model": "fake-model",
            "choices": choices if choices is not None else [
                {"index": 0, "message": message, "finish_reason": "stop", "logprobs": None}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}}
    return json.dumps(body).encode()


MALFORMED_SHAPES = ("not_json", "invalid_utf8", "sse", "no_choices", "null_content", "list_content", "list_usage",
                    "text_tokens")


def malformed_reply(shape: str) -> Fault:
    """A 200 reply that is not a usable chat completion (see MALFORMED_SHAPES)."""
    if shape == "not_json":
        return Fault.raw(b"<html><body>502 Bad Gateway (from a proxy)</body></html>", "text/html")
    if shape == "invalid_utf8":
        good = _completion({"role": "assistant", "content": "Process reward models score steps."})
        return Fault.raw(good.replace(b"score", b"sc\xff\xfere"))
    if shape == "sse":
        chunk = {"id": "c", "object": "chat.completion.chunk", "created": 0, "model": "fake-model",
                 "choices": [{"index": 0, "delta": {"content": "Hi"}, "finish_reason": None}]}
        return Fault.raw(f"data: {json.dumps(chunk)}\n\ndata: [DONE]\n\n".encode(), "text/event-stream")
    if shape == "no_choices":
        return Fault.raw(_completion(None, choices=[]))
    if shape == "null_content":
        return Fault.raw(_completion({"role": "assistant", "content": None}))
    if shape == "list_content":
        return Fault.raw(_completion({"role": "assistant", "content": [{"type": "text", "text": "Hi"}]}))
    if shape in ("list_usage", "text_tokens"):  # token counts the OpenAI client's usage code cannot add up
        body = json.loads(_completion({"role": "assistant", "content": "Process reward models score steps."}))
        body["usage"] = [] if shape == "list_usage" else {"prompt_tokens": "ten", "completion_tokens": 5}
        return Fault.raw(json.dumps(body).encode())
    raise ValueError(f"unknown malformed shape {shape!r}")


@dataclass
class RecordedRequest:
    path: str
    body: dict[str, Any]
    headers: dict[str, str]
    at: float  # time.monotonic() on arrival
    answered_with: str = ""

    @property
    def authorization(self) -> str | None:
        for key, value in self.headers.items():
            if key.lower() == "authorization":
                return value
        return None


def default_responder(_request: dict[str, Any]) -> Step:
    return Reply.text("ok")


def hash_embedding(item: Any, dim: int) -> list[float]:
    """Deterministic unit vector from a sha256 stream of the item."""
    seed = json.dumps(item, sort_keys=True).encode("utf-8")
    values: list[float] = []
    counter = 0
    while len(values) < dim:
        digest = hashlib.sha256(seed + counter.to_bytes(4, "little")).digest()
        values.extend((b / 127.5) - 1.0 for b in digest)
        counter += 1
    vector = values[:dim]
    norm = math.sqrt(sum(v * v for v in vector)) or 1.0
    return [v / norm for v in vector]


class FakeOpenAIServer:
    """Threaded fake endpoint; see the module docstring."""

    def __init__(self, *, embedding_dim: int = 8, default: Callable[[dict[str, Any]], Step] | None = None):
        self.embedding_dim = embedding_dim
        self.default: Callable[[dict[str, Any]], Step] = default or default_responder
        self.requests: list[RecordedRequest] = []
        self._queue: deque[Step] = deque()
        self._embedding_faults: deque[Fault] = deque()  # consumed by /v1/embeddings only
        self._sticky: list[Fault] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self) -> FakeOpenAIServer:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-openai", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()  # wakes hanging handlers
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    # -- scripting ------------------------------------------------------------------------------

    def script(self, steps: Iterable[Step]) -> None:
        """Queue replies/faults for the next chat requests; sticky faults become permanent."""
        with self._lock:
            for step in steps:
                if isinstance(step, Fault) and step.sticky:
                    self._sticky.append(step)
                else:
                    self._queue.append(step)

    def script_embeddings(self, faults: Iterable[Fault]) -> None:
        """Queue status faults for the next embeddings requests (answered normally once the queue is empty)."""
        with self._lock:
            self._embedding_faults.extend(faults)

    @property
    def embedding_requests(self) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path.rstrip("/").endswith("/embeddings")]

    def clear_sticky(self) -> None:
        with self._lock:
            self._sticky.clear()

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._queue)

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def gaps(self) -> list[float]:
        """Seconds between consecutive chat request arrivals."""
        times = [r.at for r in self.chat_requests]
        return [b - a for a, b in zip(times, times[1:], strict=False)]

    def _next_step(self, request: dict[str, Any]) -> Step:
        with self._lock:
            for fault in self._sticky:
                if fault.matches(request):
                    return fault
            if self._queue:
                return self._queue.popleft()
        return self.default(request)

    def _record(self, path: str, body: dict[str, Any], headers: dict[str, str]) -> RecordedRequest:
        record = RecordedRequest(path=path, body=body, headers=headers, at=time.monotonic())
        with self._lock:
            self.requests.append(record)
        return record

    def embeddings_body(self, request: dict[str, Any]) -> dict[str, Any]:
        raw = request.get("input", [])
        if isinstance(raw, str) or (isinstance(raw, list) and raw and isinstance(raw[0], int)):
            items: list[Any] = [raw]
        else:
            items = list(raw)
        dim = int(request.get("dimensions") or self.embedding_dim)
        as_base64 = request.get("encoding_format") == "base64"
        data = []
        for index, item in enumerate(items):
            vector = hash_embedding(item, dim)
            encoded: Any = vector
            if as_base64:
                encoded = base64.b64encode(struct.pack(f"<{dim}f", *vector)).decode("ascii")
            data.append({"object": "embedding", "index": index, "embedding": encoded})
        tokens = sum(_rough_tokens(json.dumps(item)) for item in items)
        return {
            "object": "list",
            "data": data,
            "model": request.get("model", "fake-embedding"),
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
        }


class _Handler(BaseHTTPRequestHandler):
    fake: FakeOpenAIServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence stderr logging
        return

    def _send_json(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def do_POST(self) -> None:  # noqa: N802 - http.server naming
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            body = {"_unparsed": raw.decode("utf-8", "replace")}
        record = self.fake._record(self.path, body, dict(self.headers.items()))
        try:
            if self.path.rstrip("/").endswith("/chat/completions"):
                self._chat(body, record)
            elif self.path.rstrip("/").endswith("/embeddings"):
                with self.fake._lock:
                    fault = self.fake._embedding_faults.popleft() if self.fake._embedding_faults else None
                if fault is not None:
                    record.answered_with = f"status {fault.status_code}"
                    headers = {"Retry-After": f"{fault.retry_after:g}"} if isinstance(fault.retry_after, float | int) else {}
                    self._send_json(fault.status_code, {"error": {"message": f"fake error {fault.status_code}",
                                                                  "type": "fake_error"}}, headers)
                    return
                record.answered_with = "embeddings"
                self._send_json(200, self.fake.embeddings_body(body))
            else:
                record.answered_with = "404"
                self._send_json(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout); nothing to answer

    def _chat(self, body: dict[str, Any], record: RecordedRequest) -> None:
        step = self.fake._next_step(body)
        if isinstance(step, Reply):
            record.answered_with = "reply"
            self._send_json(200, step.body(body))
            return
        record.answered_with = step.kind
        if step.kind in ("status", "reject_json_schema"):
            headers: dict[str, str] = {}
            if step.retry_after is not None:
                headers["Retry-After"] = (
                    step.retry_after if isinstance(step.retry_after, str) else f"{step.retry_after:g}"
                )
            message = step.message or f"fake error {step.status_code}"
            self._send_json(
                step.status_code,
                {"error": {"message": message, "type": "fake_error", "code": step.status_code}},
                headers,
            )
        elif step.kind == "hang":
            self.fake._stop.wait(step.seconds)
            self._send_json(200, (step.then or Reply.text("late")).body(body))
        elif step.kind == "truncated":
            reply = step.then or Reply(obj={"answer": "cut off"})
            reply = Reply(obj=reply.obj, truncate=True, finish_reason="length")
            self._send_json(200, reply.body(body))
        elif step.kind == "empty":
            self._send_json(200, Reply.text("").body(body))
        elif step.kind == "disconnect":
            self.close_connection = True
            self.connection.close()
        elif step.kind == "raw":
            self.send_response(200)
            self.send_header("Content-Type", step.content_type)
            self.send_header("Content-Length", str(len(step.body)))
            self.end_headers()
            self.wfile.write(step.body)
            self.wfile.flush()
        elif step.kind == "huge":
            self._send_json(200, (step.then or Reply.text("")).body(body))
        elif step.kind == "trickle":
            data = json.dumps((step.then or Reply.text("slow")).body(body)).encode()
            head = (f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n"
                    ).encode()
            self.close_connection = True
            for i in range(len(head) + len(data)):
                if self.fake._stop.wait(step.seconds if i else 0):
                    break
                self.wfile.write((head + data)[i : i + 1])
                self.wfile.flush()
        else:  # pragma: no cover - guarded by the Fault constructors
            raise ValueError(f"unknown fault {step.kind}")


def http_date(seconds_from_now: float) -> str:
    """An HTTP-date `seconds_from_now` in the future, for Retry-After tests."""
    return formatdate(time.time() + seconds_from_now, usegmt=True)


@pytest.fixture
def fake_openai(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAIServer]:
    """A started FakeOpenAIServer; proxies are bypassed so requests stay on loopback."""
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    server = FakeOpenAIServer().start()
    try:
        yield server
    finally:
        server.stop()
