"""Issue 16 §6j: embedding CPU of short-window late chunking vs today, in one process (a screen before cold ingest).

    python -m benchmarks.late_window_speed [ROUNDS]      # 32 SciFact abstracts (as `--only plan`), default 4 rounds

Arms on the same papers, interleaved rounds with the order rotating: `today` (the wheel's exported graph, every
unit + the whole text embedded alone, batch 16), and with the `qint8-fused` model: the late plan (254-token
windows), short windows of 64 / 96 / 128 tokens with the paper vector from the windows (REVIEWER_LATE_WINDOW),
short windows of 96 with one more whole-text pass for the paper vector, and the `whole` plan. Ratio = geometric
mean of per-round today / arm process CPU seconds with a 95% t-interval (benchmarks/bench_plan.interval).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import numpy as np

from benchmarks.bench_plan import interval
from benchmarks.data import scifact_jsonl
from benchmarks.late_speed import _today, rotated_cpu
from benchmarks.plan_worker import _papers
from reviewer.embed import MiniLMEmbedder
from reviewer.late_chunk import late_embed


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    papers = _papers(str(scifact_jsonl(32)), 32)
    today, q8f = MiniLMEmbedder(batch_size=16, model="wheel-export"), MiniLMEmbedder(batch_size=16, model="qint8-fused")
    arms: dict[str, Callable[[], Any]] = {
        "today": lambda: _today(today, papers),
        "qint8-fused late": lambda: late_embed(q8f, papers),
        **{f"qint8-fused late, window {w}": (lambda w=w: late_embed(q8f, papers, short=w, paper="windows"))
           for w in (64, 96, 128)},
        "qint8-fused late, window 96, paper vector from a whole pass": lambda: late_embed(q8f, papers, short=96),
        "qint8-fused whole": lambda: _today(q8f, papers),
    }
    for fn in arms.values():  # warm-up
        fn()
    names = list(arms)
    cpu = rotated_cpu(arms, rounds)
    print(f"| arm (32 SciFact abstracts, {rounds} rounds) | CPU s per round (median) | vs today, CPU [95% CI] |")
    print("|---|---|---|")
    for name in names:
        g, lo, hi = interval([a / b for a, b in zip(cpu["today"], cpu[name], strict=True)])
        print(f"| {name} | {np.median(cpu[name]):.2f} | {g:.2f}x [{lo:.2f}, {hi:.2f}] |")


if __name__ == "__main__":
    main()
