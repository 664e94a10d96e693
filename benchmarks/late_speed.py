"""Embedding CPU time of late chunking vs today's plan on the same SciFact abstracts (RESULTS.md §6e).

    python -m benchmarks.late_speed [N_PAPERS] [ROUNDS]        # default 32 papers (as `--only plan`), 8 rounds

Arms, each in this one process on the same papers: `today` (MiniLMEmbedder.embed of every title + sentence
+ the whole text, as VectorStore.add does with an empty cache) and `late` (reviewer/late_chunk.late_embed:
one encoder pass over the whole text in 256-position windows), each with the wheel's model and the qint8 one.
Interleaved rounds with the arm order rotating; process CPU seconds (user + system, all onnxruntime threads),
which other jobs' load moves far less than wall time; ratio = geometric mean of per-round today-wheel / arm
with a 95% t-interval (benchmarks/bench_plan.interval).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from benchmarks.bench_plan import interval
from benchmarks.data import scifact_jsonl
from benchmarks.plan_worker import _papers
from reviewer.embed import MiniLMEmbedder
from reviewer.late_chunk import late_embed
from reviewer.vector_cache import paper_sentences


def rotated_cpu(arms: dict[str, Callable[[], Any]], rounds: int) -> dict[str, list[float]]:
    """CPU seconds of each arm per round, the order rotated each round so that no arm always runs first."""
    names = list(arms)
    cpu: dict[str, list[float]] = {a: [] for a in names}
    for r in range(rounds):
        for name in names[r % len(names):] + names[: r % len(names)]:
            start = time.process_time()
            arms[name]()
            cpu[name].append(time.process_time() - start)
    return cpu


def _today(embedder: MiniLMEmbedder, papers: list[tuple[str, str]]) -> Any:
    units = [u for t, a in papers for u in paper_sentences(t, a)]
    return embedder.embed(units + [f"{t}. {a}" for t, a in papers])


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 32
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    papers = _papers(str(scifact_jsonl(n)), n)
    embedders = {m: MiniLMEmbedder(batch_size=16, model=m) for m in ("wheel", "qint8")}
    arms = {
        "today, wheel model": lambda: _today(embedders["wheel"], papers),
        "late, wheel model": lambda: late_embed(embedders["wheel"], papers),
        "today, qint8 model": lambda: _today(embedders["qint8"], papers),
        "late, qint8 model": lambda: late_embed(embedders["qint8"], papers),
    }
    for fn in arms.values():  # warm-up: first-call allocations are not part of any round
        fn()
    names = list(arms)
    cpu: dict[str, list[float]] = {a: [] for a in names}
    wall: dict[str, list[float]] = {a: [] for a in names}
    for r in range(rounds):
        for name in names[r % len(names):] + names[: r % len(names)]:
            c0, w0 = time.process_time(), time.perf_counter()
            arms[name]()
            cpu[name].append(time.process_time() - c0)
            wall[name].append(time.perf_counter() - w0)
        print(f"round {r + 1}/{rounds}: " + ", ".join(f"{a} {cpu[a][-1]:.2f}" for a in names), flush=True)
    base = names[0]
    print(f"\n{n} SciFact abstracts, {rounds} interleaved rounds, batch 16 (qint8: one text/window per call)\n")
    print("| arm | CPU s per round (median) | speed vs today (wheel), CPU [95% CI] | wall [95% CI] |")
    print("|---|---|---|---|")
    for a in names:
        c = interval([x / y for x, y in zip(cpu[base], cpu[a], strict=True)])
        w = interval([x / y for x, y in zip(wall[base], wall[a], strict=True)])
        print(f"| {a} | {float(np.median(cpu[a])):.2f} | {c[0]:.2f}x [{c[1]:.2f}, {c[2]:.2f}] | "
              f"{w[0]:.2f}x [{w[1]:.2f}, {w[2]:.2f}] |")
    print("\nCPU seconds per round: " + "; ".join(f"{a}: " + "/".join(f"{x:.2f}" for x in cpu[a]) for a in names))


if __name__ == "__main__":
    main()
