"""A light learned model of who-did-what-to-whom, fitted on hand-written seed claims and measured out-of-fold.

    python -m evals.seed_crossenc pairs --home H   # the read splits' claims with the checker's state
    python -m evals.fit_order [--l2 30] [--train sc|said-s] [--write --threshold 0.7]

Features: `reviewer/checker/ordermodel.order_inputs`: `argorder.py` (where the claim's shared words, names and
numbers stand against its best-aligned sentence, voice, negator parity) plus the shipped combiner's P(S), P(C)
and its whole feature vector. A logistic model (Newton, L2) predicts gold CONTRADICTED, trained on the read splits' SUPPORTED and
CONTRADICTED claims (`sc`) or on the claims the checker calls SUPPORTED (`said-s`), five folds grouped by paper.
The report is what it would do as a guarded override: move the checker's SUPPORTED to CONTRADICTED at P >= t.
`--write` fits on every read-split row and writes evals/datasets/crossenc/order_model_tried.json, the model c26
wired in and measured (not shipped: evals/RESULTS.md).
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections import Counter

import numpy as np

from evals.order_features import ORDER_FEATURES
from evals.order_model import ORDER_PATH, OrderModel, order_inputs
from evals.seed_crossenc import PAIRS
from reviewer.checker.features import FEATURE_NAMES

NAMES = (*ORDER_FEATURES, "cover_top2", "discord_top2", "combiner_s", "combiner_c", *FEATURE_NAMES)


def features(row: dict, abstract: str) -> np.ndarray:
    return order_inputs(row["claim"], row["sentences"], abstract, np.array(row["combiner"]), np.array(row["features"]))


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
    from evals import sets
    from evals.seed_claims import load_rows, seed_papers_by_title

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--l2", type=float, default=30.0)
    parser.add_argument("--write", action="store_true", help="fit on every row and write the shipped model")
    parser.add_argument("--threshold", type=float, default=0.7)
    parser.add_argument("--train", choices=["sc", "said-s"], default="sc")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    titles = {r.id: r.title for s in sets.names("claims") for r in load_rows(s)}
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
    for name, w in zip(NAMES, model[2], strict=False):
        print(f"  {name:<20} {w:+.3f}")
    if args.write:
        out = OrderModel(names=list(NAMES), mean=[round(float(v), 6) for v in model[0]],
                         scale=[round(float(v), 6) for v in model[1]], weights=[round(float(v), 6) for v in model[2]],
                         threshold=args.threshold, fitted_on=f"{int(use.sum())} read-split seed claims ({args.train}), "
                         f"l2 {args.l2}")
        ORDER_PATH.write_text(out.model_dump_json(indent=1) + "\n", encoding="utf-8")
        print("wrote", ORDER_PATH)


if __name__ == "__main__":
    main()
