"""Progress bars on stderr for long work; silent when quiet or when nothing is attached to a terminal."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol


class Tracker(Protocol):
    def advance(self, n: int = 1) -> None: ...


class _Null:
    def advance(self, n: int = 1) -> None:
        return None


class _Rich:
    def __init__(self, progress: object, task: object) -> None:
        self._progress = progress
        self._task = task

    def advance(self, n: int = 1) -> None:
        self._progress.advance(self._task, n)  # type: ignore[attr-defined]


class _Lines:
    """Without a terminal (a log, CI, nohup): one summary line every few seconds, and one at the end."""

    def __init__(self, description: str, total: int | None, unit: str, every: float) -> None:
        self.description, self.total, self.unit, self.every = description, total, unit, every
        self.done = 0
        self.start = self.last = time.monotonic()
        self.printed = False

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self.emit(now)

    def emit(self, now: float) -> None:
        self.printed = True
        print(summary_line(self.description, self.done, self.total, now - self.start, self.unit),
              file=sys.stderr, flush=True)

    def finish(self) -> None:
        if self.printed or time.monotonic() - self.start >= self.every:
            self.emit(time.monotonic())


def summary_line(description: str, done: int, total: int | None, seconds: float, unit: str) -> str:
    """'embedding papers: 1,200/5,000 (24%), 11.3 papers/s, ETA 5m 36s' (ETA once a rate is known)."""
    rate = done / seconds if seconds > 0 else 0.0
    line = f"{description}: {done:,}" + (f"/{total:,} ({done / total:.0%})" if total else "")
    line += f", {rate:.1f} {unit}/s"
    if total and rate > 0 and done < total:
        line += f", ETA {_clock((total - done) / rate)}"
    elif total and done >= total:
        line += f", done in {_clock(seconds)}"
    return line


def _clock(seconds: float) -> str:
    s = int(round(seconds))
    return f"{s // 3600}h {s % 3600 // 60:02d}m" if s >= 3600 else f"{s // 60}m {s % 60:02d}s" if s >= 60 else f"{s}s"


def _env_quiet() -> bool:
    return os.environ.get("REVIEWER_QUIET", "") not in ("", "0", "false")


def quiet_default() -> bool:
    return _env_quiet() or not sys.stderr.isatty()


@contextmanager
def progress(description: str, total: int | None, quiet: bool | None = None, unit: str = "items") -> Iterator[Tracker]:
    """A rich bar with rate and ETA on a terminal; summary lines every REVIEWER_PROGRESS_EVERY seconds
    (default 5) without one; a no-op tracker when quiet."""
    if quiet or (quiet is None and _env_quiet()):
        yield _Null()
        return
    if not sys.stderr.isatty():
        lines = _Lines(description, total, unit, float(os.environ.get("REVIEWER_PROGRESS_EVERY", "") or 5))
        yield lines
        lines.finish()
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Any) -> Text:
            return Text(f"{task.speed:.1f} {unit}/s" if task.speed else f"- {unit}/s")

    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=False,
    ) as bar:
        yield _Rich(bar, bar.add_task(description, total=total))


def status(message: str, quiet: bool | None = None) -> None:
    """A one-line note on stderr (stage names, degradations)."""
    if quiet is None:
        quiet = os.environ.get("REVIEWER_QUIET", "") not in ("", "0", "false")
    if not quiet:
        print(message, file=sys.stderr, flush=True)
