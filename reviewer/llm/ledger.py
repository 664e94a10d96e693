"""Cost ledger: one JSON line per LLM call, so a run can say what it spent and where.

Lines are appended with a single `write` on an `O_APPEND` descriptor, which keeps lines from
concurrent processes whole in practice without any locking. A `Ledger(None)` keeps entries in
memory only (tests, ad-hoc use). The API key is never part of an entry.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


class LedgerEntry(BaseModel):
    """One logical LLM call (cache hits included, with cost 0)."""

    ts: str = Field(default_factory=_now)
    stage: str
    prompt: str
    model: str
    kind: str = "complete"
    method: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    estimated: bool = False
    cost_usd: float = 0.0
    latency_s: float = 0.0
    cache_hit: bool = False
    retries: int = 0
    validation_retries: int = 0
    fallbacks: list[str] = Field(default_factory=list)  # structured methods the endpoint refused
    error: str | None = None


class StageTotals(BaseModel):
    calls: int = 0
    cache_hits: int = 0
    errors: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0

    def add(self, entry: LedgerEntry) -> None:
        self.calls += 1
        self.cache_hits += int(entry.cache_hit)
        self.errors += int(entry.error is not None)
        self.prompt_tokens += entry.prompt_tokens
        self.completion_tokens += entry.completion_tokens
        self.cost_usd += entry.cost_usd


class LedgerSummary(StageTotals):
    """Totals over one or more ledgers; `estimated` is set when any token count was guessed."""

    retries: int = 0
    estimated: bool = False
    skipped_lines: int = 0
    by_stage: dict[str, StageTotals] = Field(default_factory=dict)

    def add(self, entry: LedgerEntry) -> None:
        super().add(entry)
        self.retries += entry.retries
        self.estimated = self.estimated or entry.estimated
        self.by_stage.setdefault(entry.stage, StageTotals()).add(entry)

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


class Ledger:
    """Append-only JSONL record of LLM calls; `path=None` keeps entries in memory."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self._memory: list[LedgerEntry] = []
        self._lock = threading.Lock()
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)

    def __repr__(self) -> str:
        return f"Ledger({str(self.path) if self.path else None!r})"

    def record(self, entry: LedgerEntry) -> None:
        with self._lock:
            self._memory.append(entry)
        if self.path is None:
            return
        line = (entry.model_dump_json() + "\n").encode("utf-8")
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line)
        finally:
            os.close(fd)

    def entries(self) -> list[LedgerEntry]:
        """Entries of the file (all writers) when there is one, else those recorded in memory."""
        if self.path is None:
            with self._lock:
                return list(self._memory)
        return list(_read_entries(self.path, LedgerSummary()))

    def summary(self) -> LedgerSummary:
        if self.path is None:
            result = LedgerSummary()
            for entry in self.entries():
                result.add(entry)
            return result
        return summarize_ledgers([self.path])


def _read_entries(path: Path, summary: LedgerSummary) -> Iterable[LedgerEntry]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            yield LedgerEntry.model_validate(json.loads(line))
        except (ValueError, ValidationError):
            summary.skipped_lines += 1  # a torn or foreign line must not break `reviewer costs`


def summarize_ledgers(paths: Iterable[Path]) -> LedgerSummary:
    """Totals over several ledger files (e.g. every run under runs_dir); missing files count as empty."""
    result = LedgerSummary()
    for path in paths:
        for entry in _read_entries(Path(path), result):
            result.add(entry)
    return result
