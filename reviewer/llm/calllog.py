"""Opt-in call log (REVIEWER_LLM_LOG=1): every prompt sent and every reply received, one JSON line each.

Meant for a user asking "what was the model told, and what did it say?" about a run. Lines are
scrubbed of the API key and of credentials in the endpoint URL before they are written, and the
Authorization header is never part of a line.
"""

from __future__ import annotations

import json
import os
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.llm.redact import scrub

if TYPE_CHECKING:
    from langchain_core.messages import AIMessage, BaseMessage


class CallLog:
    """Append-only JSONL of requests and replies; `secrets` are replaced by *** in every line."""

    def __init__(self, path: Path, secrets: tuple[str, ...] = ()) -> None:
        self.path = Path(path)
        self.secrets = secrets
        self._lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)

    def write(self, *, stage: str, prompt: str, model: str, sent: list[BaseMessage],
              reply: AIMessage | None = None, error: str | None = None) -> None:
        from reviewer.llm.structured import reply_payload

        entry: dict[str, Any] = {
            "ts": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
            "stage": stage,
            "prompt": prompt,
            "model": model,
            "messages": [{"role": m.type, "content": m.content} for m in sent],
        }
        if reply is not None:
            entry["response"] = reply_payload(reply)
            entry["finish_reason"] = (reply.response_metadata or {}).get("finish_reason")
        if error is not None:
            entry["error"] = error
        line = scrub(json.dumps(entry, ensure_ascii=False, default=str), self.secrets) + "\n"
        with self._lock:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, line.encode("utf-8"))
            finally:
                os.close(fd)
