"""Issue 16 §6n: whole retrieval arms (embedding pickle x BM25 variant x fusion point) compared claim by claim.

    python -m benchmarks.arm_compare CATALOG SPLIT BASE ARM ...

An ARM is `PKL[@VARIANT[@POINT]]`: a benchmarks/fusion_grid `collect` pickle (the arm's dense side and its own
production BM25), an optional benchmarks/bm25_grid VARIANT that replaces the BM25 lists ('production' or empty keeps
the pickle's; e.g. 'k1=1.2,title=2'), and an optional fusion POINT (fusion_grid keys: 'pool=200,w=0.6'). Every ARM
is scored on the same judged claims of SPLIT as BASE, so two embedding models (two pickles of one split) are
compared paired, per claim: nDCG@10 and recall@100 with the mean change against BASE and its 95% bootstrap
interval. CATALOG is any full SciFact eval home's catalog.sqlite (only read when a variant is asked for).
Tune on train; score dev once per finalist.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import numpy as np

from benchmarks.bm25_grid import Variant, corpus, parse_variant
from benchmarks.fusion_grid import Claim, parse_point, per_claim
from benchmarks.fusion_train import queries


def parse_arm(text: str) -> tuple[str, str, str]:
    """'a.pkl@k1=1.2,title=2@pool=200,w=0.6' -> (pickle path, BM25 variant, fusion point); missing parts ''."""
    parts = text.split("@")
    if len(parts) > 3:
        raise ValueError(f"an arm is PKL[@VARIANT[@POINT]], not {text!r}")
    path, variant, point = (parts + ["", ""])[:3]
    return path, "" if variant == "production" else variant, "" if point == "production" else point


def swap_lexical(claims: list[Claim], lexical: list[list[tuple[str, float]]]) -> list[Claim]:
    """The claims with their BM25 lists replaced (same claims, same order)."""
    if len(lexical) != len(claims):
        raise ValueError(f"{len(lexical)} BM25 lists for {len(claims)} claims")
    return [(relevant, dense, lx) for (relevant, dense, _), lx in zip(claims, lexical, strict=True)]


def same_claims(judged: list[set[str]], claims: list[Claim], text: str) -> None:
    """Pair only pickles of the same claims: the first arm fixes the relevant sets, every later one must match."""
    relevant = [r for r, _, _ in claims]
    if not judged:
        judged.extend(relevant)
    elif relevant != judged:
        raise ValueError(f"{text}: not the base's claims (another split or order)")


def paired(delta: np.ndarray, rounds: int = 2000) -> tuple[float, float, float]:
    """Mean per-claim change and its 95% bootstrap interval (claims resampled, seed 0)."""
    rng = np.random.default_rng(0)
    boot = [float(delta[rng.integers(0, len(delta), len(delta))].mean()) for _ in range(rounds)]
    return float(delta.mean()), float(np.percentile(boot, 2.5)), float(np.percentile(boot, 97.5))


def score_arm(claims: list[Claim], point: str) -> tuple[np.ndarray, np.ndarray]:
    """Per-claim nDCG@10 and recall@100 of the claims fused at one fusion_grid point."""
    return per_claim(claims, **parse_point(point))


def main() -> None:
    catalog_path, split, arms = sys.argv[1], sys.argv[2], sys.argv[3:]
    loaded: dict[str, list[Claim]] = {}
    lexical: dict[str, list[list[tuple[str, float]]]] = {}
    items = None
    base: tuple[np.ndarray, np.ndarray] | None = None
    judged: list[set[str]] = []
    for text in arms:
        path, variant, point = parse_arm(text)
        claims = loaded.setdefault(path, pickle.loads(Path(path).read_bytes()))
        if variant:
            if variant not in lexical:
                items = items or queries(split)
                index = Variant(*corpus(catalog_path), parse_variant(variant))
                lexical[variant] = [index.query(q) for q, _ in items]
            claims = swap_lexical(claims, lexical[variant])
        same_claims(judged, claims, text)
        ndcg, recall = score_arm(claims, point)
        line = f"{text}: nDCG@10 {ndcg.mean():.4f} R@100 {recall.mean():.4f}"
        if base is None:
            base = (ndcg, recall)
            print(line + " (base)", flush=True)
            continue
        d, lo, hi = paired(ndcg - base[0])
        r, rlo, rhi = paired(recall - base[1])
        print(f"{line}; vs base nDCG {d:+.4f} [{lo:+.4f}, {hi:+.4f}] ({int((ndcg > base[0]).sum())} up / "
              f"{int((ndcg < base[0]).sum())} down), R@100 {r:+.4f} [{rlo:+.4f}, {rhi:+.4f}]", flush=True)


if __name__ == "__main__":
    main()
