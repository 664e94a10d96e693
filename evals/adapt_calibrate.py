"""Give an adapted embedding model the base model's cosine scale (branch e31).

Contrastive training with in-batch negatives spreads cosines out: after it, a corpus title and its own paper's
text score ~0.49 where the base model gave ~0.65, and a title and its five closest papers ~0.38 vs ~0.61. The
survey's floors are absolute cosines set on the base model (evidence.RELEVANCE_FLOOR 0.58, RESCUE_FLOOR 0.5), so an
adapted model with a better ranking kept far fewer papers (evals/RESULTS.md, branch e31). The fix is in the model:
adding a constant vector c to every token state of the last layer (its LayerNorm bias) moves every mean-pooled
vector by c, which raises every cosine by a shared component. c = beta x the mean pooled vector of corpus texts,
beta chosen on corpus texts alone (no eval labels) so that the upper tail of the adapted model's similarities --
where the floors act -- matches the base model's: each title's and first sentence's cosine with its own paper's
title + abstract, the 90th and 99th percentiles of their cosines with other papers, and the mean of each paper's
five closest texts.
"""

from __future__ import annotations

import numpy as np

BETAS = np.round(np.arange(0.0, 2.001, 0.05), 2)


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def tail_profile(titles: np.ndarray, sentences: np.ndarray, wholes: np.ndarray) -> np.ndarray:
    """Raw pooled vectors (row i of each: one paper; wholes may cover the first k papers only) -> the profile:
    own-paper cosine, the 90th / 99th percentile of other-paper cosines, the mean of each paper's 5 closest texts."""
    k = len(wholes)
    tw, sw = _unit(titles) @ _unit(wholes).T, _unit(sentences) @ _unit(wholes).T
    own = np.r_[np.diag(tw[:k]), np.diag(sw[:k])]
    other_mask = ~np.eye(len(titles), k, dtype=bool)
    other = np.r_[tw[other_mask], sw[other_mask]]
    top = np.r_[np.sort(tw, axis=0)[-5:].ravel(), np.sort(sw, axis=0)[-5:].ravel()]
    return np.array([own.mean(), *np.percentile(other, [90, 99]), top.mean()])


def fit_offset(base: list[np.ndarray], adapted: list[np.ndarray]) -> tuple[float, np.ndarray]:
    """(beta, c): the shift of the adapted model's pooled vectors whose tail profile is closest to the base's."""
    target = tail_profile(*base)
    mean = np.concatenate(adapted).mean(axis=0)
    errors = [float(((tail_profile(*(x + b * mean for x in adapted)) - target) ** 2).sum()) for b in BETAS]
    beta = float(BETAS[int(np.argmin(errors))])
    return beta, (beta * mean).astype(np.float32)
