"""Late units with the title embedded alone, and other cheap mixes (issue 16, RESULTS.md §6f), on SciFact.

    cp -r /tmp/l16/eval-q8 /tmp/q17/eval-q8                                  # a COPY of a qint8 eval home
    python -m benchmarks.late_title /tmp/q17/eval-q8 /tmp/l16/late-q8.npz [--split train|dev] [--arms a,b]

Every arm keeps the whole-text paper vector (identical under late chunking) unless named `+pT<w>` and changes
only the unit rows the top 100 are re-scored with (benchmarks/plan_rescore.evaluate: exact cosine, the home's
bm25s, convex fusion 0.5). Unit rows: `alone` (today: each unit embedded alone), `late` (late-chunked),
`lateT` (late sentences, the title row embedded alone), `late+T` (late rows plus the title alone as one more
row), `lateC<b>` (late rows minus b x the paper's whole-text vector, renormalised: the shared paper context
taken out), `lateM<b>` (minus b x the normalised mean of the late rows). `rr<x>`: best-unit re-score weight x (production 0.5). `+pT<w>`: paper vector normalise(whole + w x
title alone). Tune on train; dev once per finalist.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from benchmarks.late_quality import claim_inputs, load_late
from benchmarks.plan_rescore import evaluate, paired
from reviewer.settings import Settings

DEFAULT_ARMS = ["alone", "late", "lateT", "late+T", "lateC0.3", "lateTC0.3", "lateT +pT0.2", "lateT rr0.6"]


def _norm(m: np.ndarray) -> np.ndarray:
    return (m / np.clip(np.linalg.norm(m, axis=-1, keepdims=True), 1e-12, None)).astype(np.float32)


def units_of(arm: str, alone: list[np.ndarray], late: list[np.ndarray], whole: np.ndarray,
             titled: list[bool]) -> list[np.ndarray]:
    """The unit rows of an arm (its first word)."""
    head = arm.split()[0]
    if head == "alone":
        return alone
    out = []
    for i, (a, m) in enumerate(zip(alone, late, strict=True)):
        m = m.copy()
        if "C" in head:
            m = _norm(m - float(head.split("C")[1]) * whole[i])
        if "M" in head:
            m = _norm(m - float(head.split("M")[1]) * _norm(m.mean(axis=0)))
        if titled[i] and head.startswith("lateT"):
            m[0] = a[0]
        if titled[i] and head.startswith("late+T"):
            m = np.vstack([m, a[:1]])
        out.append(m)
    return out


def main() -> None:
    args = sys.argv[1:]
    home, saved = Path(args[0]), Path(args[1])
    split = args[args.index("--split") + 1] if "--split" in args else "train"
    arms = args[args.index("--arms") + 1].split(",") if "--arms" in args else DEFAULT_ARMS
    settings = Settings(home=home, auto_ingest_seeds=False, minilm_model="qint8", index_model="qint8")
    ids, pack, late = load_late(saved)
    whole = pack["wholes"]
    base, alone, titled = claim_inputs(settings, ids, split, remember=False)
    print(f"SciFact {split}, qint8: {len(base['claims'])} claims over {len(ids)} abstracts")
    print(f"| arm | hybrid nDCG@10 | hybrid recall@100 | hybrid MRR@10 | dense nDCG@10 | vs {arms[0]} per claim [95% CI] |")
    print("|---|---|---|---|---|---|")
    first: list[float] = []
    for arm in arms:
        rr = next((float(w[2:]) for w in arm.split() if w.startswith("rr")), 0.5)
        vectors = whole
        for w in arm.split():
            if w.startswith("+pT"):
                t = np.stack([a[0] if ok else np.zeros_like(a[0]) for a, ok in zip(alone, titled, strict=True)])
                vectors = _norm(whole + float(w[3:]) * t)
        r = evaluate({**base, "matrices": units_of(arm, alone, late, whole, titled)}, vectors, rr, 100, "", 0.0)
        first = first or r["per query"]
        print(f"| {arm} | {r['hybrid ndcg']:.4f} | {r['hybrid recall']:.4f} | {r['hybrid mrr']:.4f} | "
              f"{r['dense ndcg']:.4f} | {paired(first, r['per query'])} |", flush=True)


if __name__ == "__main__":
    main()
