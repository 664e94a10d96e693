"""A learned second look at a SUPPORTED verdict: does the claim say who did what to whom the other way?

Tried on branch c26 and NOT shipped: wired into `OfflineChecker.check` right after `apply_rules` (a SUPPORTED,
non-quoted verdict became CONTRADICTED when `roles_reversed` gave a reason), it gained 7 claims on the six blind
seed splits but lost 15 on SciFact dev and 3 on the read splits it was fitted on (evals/RESULTS.md, c26). The
fitted weights it was measured with are evals/datasets/crossenc/order_model_tried.json.

The commonest error left on blind claim sets is a contradicted paraphrase that shares its sentence's words and
meaning yet exchanges its roles, sides or order. Hand rules per phrase family overfit the sets they were read
on, so this is a logistic model, fitted on the hand-written seed claims (never the blind splits) by
`python -m evals.fit_order --write`: where the claim's shared words, names and numbers stand against its
best-aligned sentences (`evals/order_features.py`) together with the shipped combiner's own signals. It only ever moves a
SUPPORTED verdict to CONTRADICTED, and only when its probability clears the threshold fitted with it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
from pydantic import BaseModel

from evals.order_features import order_features

ORDER_PATH = Path(__file__).resolve().parent / "datasets" / "crossenc" / "order_model_tried.json"


class OrderModel(BaseModel):
    """Standardised logistic weights (last weight: the intercept) and the override threshold."""

    names: list[str]
    mean: list[float]
    scale: list[float]
    weights: list[float]
    threshold: float
    fitted_on: str


def order_inputs(claim: str, best_first: list[str], abstract: str, combiner: np.ndarray,
                 features: np.ndarray) -> np.ndarray:
    """The model's input row: order features against the best sentence and the best two, then the combiner's
    P(SUPPORTED), P(CONTRADICTED) and its whole feature vector."""
    one = order_features(claim, best_first[0] if best_first else "", abstract)
    two = order_features(claim, " ".join(best_first[:2]), abstract)
    return np.concatenate([one, two[[0, 3]], np.asarray(combiner, dtype=np.float64)[:2],
                           np.asarray(features, dtype=np.float64)])


@lru_cache(maxsize=2)
def load_order_model(path: Path = ORDER_PATH) -> OrderModel | None:
    return OrderModel.model_validate_json(path.read_text(encoding="utf-8")) if path.exists() else None


def contradiction_probability(model: OrderModel, row: np.ndarray) -> float:
    z = (row - np.asarray(model.mean)) / np.asarray(model.scale)
    w = np.asarray(model.weights)
    return float(1 / (1 + np.exp(-(z @ w[:-1] + w[-1]))))


def roles_reversed(claim: str, best_first: list[str], abstract: str, combiner: np.ndarray,
                   features: np.ndarray) -> str:
    """The reason to move a SUPPORTED verdict to CONTRADICTED, or '' (also without a shipped model)."""
    model = load_order_model()
    if model is None:
        return ""
    p = contradiction_probability(model, order_inputs(claim, best_first, abstract, combiner, features))
    if p < model.threshold:
        return ""
    return (f"model: the claim's shared words stand in another order than the best sentence's (learned order "
            f"model P(CONTRADICTED) {p:.2f} >= {model.threshold:.2f})")
