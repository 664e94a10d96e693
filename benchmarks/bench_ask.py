"""Warm `ask`: a follow-up question in stdin / `chat` mode vs a cold `reviewer ask` of the same question.

All as subprocesses in the same run. Cold = `reviewer ask Q` (start-up, index and model load, answer).
Follow-up = each question's own time inside one warm session (the `AskSession` that `chat` and stdin
mode use, after one warm-up question), timed in a child process; a stdin run of all questions is checked
to agree. Target: follow-up < 0.3x cold.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import REPO, Section, clean_env, log, median, ratio
from benchmarks.data import copy_home, seeds_home

TARGET = 0.3
WARM_UP = "What is Markovian Thinking?"
QUESTIONS = [
    "How do step-level reward models differ from outcome reward models?",
    "What does reward misgeneralization mean?",
    "By how much does SCoRe raise self-correction on MATH?",
]


def _reviewer(args: list[str], env: dict[str, str], stdin: str | None = None) -> float:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "reviewer", *args], input=stdin, env=env, cwd=str(REPO),
                          capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"reviewer {' '.join(args)} failed: {proc.stderr[-2000:]}")
    return seconds


def run(quick: bool) -> Section:
    section = Section("Warm ask (chat / stdin) vs cold ask")
    rounds = 2 if quick else 3
    with tempfile.TemporaryDirectory(prefix="bench-ask-") as tmp:
        home = copy_home(seeds_home()[0], Path(tmp) / "home")
        env = clean_env(home)
        _reviewer(["ask", "-q", WARM_UP], env)  # page cache, .pyc files, vector cache rows
        cold: list[float] = []
        follow: list[float] = []
        for _ in range(rounds):
            for q in QUESTIONS:
                cold.append(_reviewer(["ask", "-q", q], env))
            follow.extend(_session_times(env))
        stdin_all = _reviewer(["ask", "-q"], env, stdin=WARM_UP + "\n" + "\n".join(QUESTIONS * 3) + "\n")
        log(f"ask: cold {cold}, follow-up {follow}, stdin {stdin_all:.2f} s for {1 + 3 * len(QUESTIONS)} questions")
    c, f = median(cold), median(follow)
    section.add("stdin mode, whole run / questions", f"{stdin_all / (1 + 3 * len(QUESTIONS)):.3f} s",
                note=f"{stdin_all:.2f} s for {1 + 3 * len(QUESTIONS)} questions including the one-off load")
    section.add("follow-up question in stdin mode / cold `reviewer ask`", ratio(f / c), f"< {TARGET}x",
                f / c < TARGET, f"follow-up {f:.3f} s vs cold {c:.3f} s (medians, {rounds} rounds x "
                f"{len(QUESTIONS)} questions, seeds)")
    return section


def _session_times(env: dict[str, str]) -> list[float]:
    proc = subprocess.run([sys.executable, "-m", "benchmarks.bench_ask", "--worker"], env=env, cwd=str(REPO),
                          capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(f"warm worker failed: {proc.stderr[-2000:]}")
    return [float(x) for x in proc.stdout.split()[-len(QUESTIONS):]]


def _worker() -> None:
    """In a child: one session, a warm-up question, then each question timed."""
    from reviewer.ask.session import AskSession
    from reviewer.settings import Settings

    session = AskSession(Settings(), quiet=True)
    session.warm()
    session.ask(WARM_UP)
    for q in QUESTIONS:
        start = time.perf_counter()
        session.ask(q)
        print(f"{time.perf_counter() - start:.4f}")


if __name__ == "__main__" and "--worker" in sys.argv:
    _worker()
elif __name__ == "__main__":
    result = run("--quick" in sys.argv)
    for fig in result.figures:
        print(f"{fig.name}: {fig.value} (target {fig.target}, ok={fig.ok}) - {fig.note}")
