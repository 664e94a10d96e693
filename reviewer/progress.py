"""Progress bars on stderr for long work; silent when quiet or when nothing is attached to a terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


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


def quiet_default() -> bool:
    return os.environ.get("REVIEWER_QUIET", "") not in ("", "0", "false") or not sys.stderr.isatty()


@contextmanager
def progress(description: str, total: int | None, quiet: bool | None = None) -> Iterator[Tracker]:
    """A rich progress bar on stderr, or a no-op tracker when quiet."""
    if quiet is None:
        quiet = quiet_default()
    if quiet:
        yield _Null()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
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
