"""On-disk cache of LLM replies so that re-running the same question costs nothing.

SQLite (stdlib) in WAL mode with a busy timeout, so several reviewer processes can share one cache.
Keys are sha256 digests of (model, messages, params); the endpoint URL and the API key are never
part of a key or a row -- the same model behind another URL shares replies, and a leaked cache
file leaks no credentials. The cache also remembers which structured-output method an endpoint
supports (keyed by a digest of the endpoint), so a new process does not re-probe a server that
answers 500 to `json_schema`.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from reviewer.sqlite_schema import Schema

_SCHEMA = """
CREATE TABLE IF NOT EXISTS replies (
    key TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    method TEXT,
    prompt_tokens INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS methods (
    endpoint TEXT PRIMARY KEY,
    method TEXT NOT NULL,
    updated REAL NOT NULL
);
"""

CACHE_SCHEMA = Schema("LLM cache", _SCHEMA)


class CachedReply(BaseModel):
    """What is stored per key: the reply text (validated JSON for structured calls) and its token counts."""

    model: str
    kind: str
    text: str
    method: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0


def make_key(model: str, messages: list[dict[str, Any]], params: dict[str, Any]) -> str:
    """Digest of everything that determines a reply; deliberately excludes base URL and API key."""
    payload = json.dumps(
        {"model": model, "messages": messages, "params": params},
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def endpoint_digest(base_url: str | None, model: str) -> str:
    """Opaque id of (endpoint, model): URLs may carry credentials, so only a digest is stored."""
    return hashlib.sha256(f"{base_url or ''}\n{model}".encode()).hexdigest()


class ResponseCache:
    """SQLite-backed reply cache, safe to share between threads and processes."""

    def __init__(self, path: Path, *, busy_timeout_s: float = 30.0) -> None:
        self.path = Path(path)
        self.busy_timeout_s = busy_timeout_s
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            CACHE_SCHEMA.ensure(conn, self.path)

    def __repr__(self) -> str:
        return f"ResponseCache({str(self.path)!r})"

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # A connection per operation: cheap, and sidesteps sqlite3's thread-affinity rules.
        conn = sqlite3.connect(self.path, timeout=self.busy_timeout_s, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout={int(self.busy_timeout_s * 1000)}")
            yield conn
        finally:
            conn.close()

    def get(self, key: str) -> CachedReply | None:
        with self._connect() as conn:
            row = conn.execute(
                "SELECT model, kind, text, method, prompt_tokens, completion_tokens FROM replies WHERE key=?",
                (key,),
            ).fetchone()
        if row is None:
            return None
        return CachedReply(
            model=row[0],
            kind=row[1],
            text=row[2],
            method=row[3],
            prompt_tokens=row[4],
            completion_tokens=row[5],
        )

    def put(self, key: str, reply: CachedReply) -> None:
        with self._connect() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO replies"
                " (key, model, kind, text, method, prompt_tokens, completion_tokens, created)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    reply.model,
                    reply.kind,
                    reply.text,
                    reply.method,
                    reply.prompt_tokens,
                    reply.completion_tokens,
                    time.time(),
                ),
            )

    def __len__(self) -> int:
        with self._connect() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM replies").fetchone()[0])

    def clear(self) -> int:
        """Delete all cached replies (not the method memory); returns how many were removed."""
        with self._connect() as conn:
            return conn.execute("DELETE FROM replies").rowcount

    def get_method(self, endpoint: str) -> str | None:
        with self._connect() as conn:
            row = conn.execute("SELECT method FROM methods WHERE endpoint=?", (endpoint,)).fetchone()
        return None if row is None else str(row[0])

    def set_method(self, endpoint: str, method: str) -> None:
        with self._connect() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO methods (endpoint, method, updated) VALUES (?, ?, ?)",
                (endpoint, method, time.time()),
            )
