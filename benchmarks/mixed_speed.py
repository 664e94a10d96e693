"""Issue 16 §6k: embedding CPU of mixed-precision fused graphs under the `late` plan, in one process (a screen).

    python scripts/build_fused_int8_model.py ffn --out DIR/ffn.onnx      # one model file per variant
    python -m benchmarks.mixed_speed ROUNDS DIR/ffn.onnx DIR/attn.onnx ...

Arms on the same 32 SciFact abstracts as `--only plan`, interleaved rounds with the order rotating: `today` (the
wheel's exported graph, every unit + the whole text embedded alone, batch 16), the fused fp32 graph (`wheel`, the
default) and `qint8-fused` under the `late` plan, and each given model file under `late`, one window per call
(dynamic int8 quantizes activations per call, as MiniLMEmbedder's per_text models). Ratio = geometric mean of
per-round today / arm process CPU seconds, 95% t-interval (benchmarks/bench_plan.interval). Drift = 1 - cos of
the late unit vectors and of the paper vectors against the fp32 `wheel late` arm.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.bench_plan import interval
from benchmarks.data import scifact_jsonl
from benchmarks.late_speed import _today, rotated_cpu
from benchmarks.plan_worker import _papers
from reviewer.embed import MiniLMEmbedder
from reviewer.late_chunk import late_embed


def main() -> None:
    rounds = int(sys.argv[1])
    papers = _papers(str(scifact_jsonl(32)), 32)
    today = MiniLMEmbedder(batch_size=16, model="wheel-export")
    embedders = {"wheel late": MiniLMEmbedder(batch_size=16, model="wheel"),
                 "qint8-fused late": MiniLMEmbedder(batch_size=16, model="qint8-fused")}
    embedders |= {f"{Path(p).stem} late": MiniLMEmbedder(batch_size=16, path=Path(p), per_text=True)
                  for p in sys.argv[2:]}
    arms: dict[str, Callable[[], Any]] = {"today": lambda: _today(today, papers)}
    arms |= {name: (lambda e=e: late_embed(e, papers)) for name, e in embedders.items()}
    out = {name: fn() for name, fn in arms.items()}  # warm-up, and the vectors for the drift
    names = list(arms)
    cpu = rotated_cpu(arms, rounds)
    ref_paper, ref_units = out["wheel late"][0], np.concatenate(out["wheel late"][1])
    print(f"| arm (32 SciFact abstracts, {rounds} rounds) | CPU s per round (median) | vs today, CPU [95% CI] "
          "| unit 1 - cos vs wheel late, mean / max | paper vector 1 - cos, mean / max |")
    print("|---|---|---|---|---|")
    for name in names:
        g, lo, hi = interval([a / b for a, b in zip(cpu["today"], cpu[name], strict=True)])
        drift = ""
        if name != "today":
            u = 1 - (np.concatenate(out[name][1]) * ref_units).sum(axis=1)
            p = 1 - (out[name][0] * ref_paper).sum(axis=1)
            drift = f"{u.mean():.1e} / {u.max():.1e} | {p.mean():.1e} / {p.max():.1e}"
        print(f"| {name} | {np.median(cpu[name]):.2f} | {g:.2f}x [{lo:.2f}, {hi:.2f}] | {drift} |", flush=True)


if __name__ == "__main__":
    main()
