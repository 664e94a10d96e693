"""A light learned model of who-did-what-to-whom, fitted on hand-written seed claims and measured out-of-fold.

    python -m evals.seed_crossenc pairs --home H   # the read splits' claims with the checker's state
    python -m evals.fit_order [--l2 3] [--train sc|said-s]

Features: `evals/order_features.py` (where the claim's shared words, names and numbers stand against its
best-aligned sentence, voice, negator parity) plus the shipped combiner's P(S), P(C), best cosine and lexical
coverage. A logistic model (Newton, L2) predicts gold CONTRADICTED, trained on the read splits' SUPPORTED and
CONTRADICTED claims (`sc`) or on the claims the checker calls SUPPORTED (`said-s`), five folds grouped by paper.
The report is what it would do as a guarded override: move the checker's SUPPORTED to CONTRADICTED at P >= t.
Tried on branch c26; no threshold fixed more than it broke, so nothing ships (evals/RESULTS.md).
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections import Counter
from typing import get_args

import numpy as np

from evals.order_features import ORDER_FEATURES, order_features
from evals.seed_crossenc import PAIRS

EXTRA = ("cover_top2", "discord_top2", "combiner_s", "combiner_c", "dense_max", "lex_top1")


def features(row: dict, abstract: str) -> np.ndarray:
    from reviewer.textutil import split_sentences

    sents = split_sentences(row["evidence"])
    one = order_features(row["claim"], sents[0] if sents else "", abstract)
    two = order_features(row["claim"], " ".join(sents[:2]), abstract)
    return np.concatenate([one, two[[0, 3]], [row["combiner"][0], row["combiner"][1], row["dense"], row["lex1"]]])


def fit(x: np.ndarray, y: np.ndarray, l2: float, iters: int = 50) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Standardised L2 logistic regression by Newton steps."""
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mu) / sd, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    reg = l2 * np.r_[np.ones(len(w) - 1), 0.0]
    for _ in range(iters):
        p = 1 / (1 + np.exp(-z @ w))
        grad = z.T @ (p - y) + reg * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(reg)
        w -= np.linalg.solve(hess, grad)
    return mu, sd, w


def predict(model: tuple[np.ndarray, np.ndarray, np.ndarray], x: np.ndarray) -> np.ndarray:
    mu, sd, w = model
    return 1 / (1 + np.exp(-np.hstack([(x - mu) / sd, np.ones((len(x), 1))]) @ w))


def main(argv: list[str] | None = None) -> None:
    from evals.seed_claims import Split, load_rows, seed_papers_by_title

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--l2", type=float, default=3.0)
    parser.add_argument("--train", choices=["sc", "said-s"], default="sc")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    titles = {r.id: r.title for s in get_args(Split) for r in load_rows(s)}
    papers = seed_papers_by_title()
    rows = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line]
    x = np.array([features(r, papers[titles[r["id"]]].abstract) for r in rows])
    gold = np.array([r["label"] for r in rows])
    said = np.array([r["checker"] for r in rows])
    y = (gold == "CONTRADICTED").astype(float)
    groups = np.array([zlib.crc32(r["paper"].encode()) % args.folds for r in rows])
    use = gold != "UNSUPPORTED" if args.train == "sc" else said == "SUPPORTED"
    oof = np.zeros(len(rows))
    for g in range(args.folds):
        oof[groups == g] = predict(fit(x[(groups != g) & use], y[(groups != g) & use], args.l2), x[groups == g])
    cand = said == "SUPPORTED"
    print(f"{len(rows)} read-split claims; the checker says SUPPORTED for {cand.sum()}: {dict(Counter(gold[cand]))}")
    pos, neg = oof[cand & (gold == "CONTRADICTED")], oof[cand & (gold != "CONTRADICTED")]
    print(f"out-of-fold AUC of P(C) among them: {np.mean([p > n for p in pos for n in neg]):.3f}")
    for t in (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95):
        moved = Counter(gold[cand & (oof >= t)])
        print(f"  P >= {t}: moves {sum(moved.values())}: fixes {moved['CONTRADICTED']}, breaks {moved['SUPPORTED']} S"
              f" and {moved['UNSUPPORTED']} U")
    model = fit(x[use], y[use], args.l2)
    for name, w in zip((*ORDER_FEATURES, *EXTRA), model[2], strict=False):
        print(f"  {name:<20} {w:+.3f}")


if __name__ == "__main__":
    main()
