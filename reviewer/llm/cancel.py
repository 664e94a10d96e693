"""Ctrl-C stops every LLM call of the process at once, not after the worker threads drain.

SIGINT only interrupts the main thread; survey stages call the model from worker threads, which
would otherwise finish (or start) their requests first. The handler sets one process-wide event
that the client checks before sending, that back-off sleeps wait on, and that the transport polls
while a reply is being read; then it raises KeyboardInterrupt in the main thread as usual.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType

from reviewer.errors import LLMError

CANCELLED = threading.Event()
_installed = False
_install_lock = threading.Lock()


class CallCancelled(LLMError):
    """The run was interrupted (Ctrl-C): no further request is sent."""

    def __init__(self) -> None:
        super().__init__("the run was interrupted (Ctrl-C); LLM call cancelled", retryable=False)


def cancelled() -> bool:
    return CANCELLED.is_set()


def check_cancelled() -> None:
    if CANCELLED.is_set():
        raise CallCancelled()


def cancellable_sleep(seconds: float) -> None:
    """time.sleep that ends (raising CallCancelled) as soon as the run is interrupted."""
    if CANCELLED.wait(max(0.0, seconds)):
        raise CallCancelled()


def install_interrupt_handler() -> None:
    """Chain a SIGINT handler that cancels LLM calls; a no-op off the main thread or when installed."""
    global _installed
    with _install_lock:
        if _installed or threading.current_thread() is not threading.main_thread():
            return
        previous = signal.getsignal(signal.SIGINT)
        if previous is signal.SIG_IGN:  # started with Ctrl-C ignored (nohup, `&`): leave it so
            return

        def handler(signum: int, frame: FrameType | None) -> None:
            CANCELLED.set()
            if callable(previous):
                previous(signum, frame)
            else:
                raise KeyboardInterrupt

        try:
            signal.signal(signal.SIGINT, handler)
        except ValueError:  # not the main interpreter
            return
        _installed = True


def reset() -> None:
    """Clear the cancelled state (tests that interrupt in-process)."""
    CANCELLED.clear()
