"""The hand-written seed-claim splits as fitting data for the checker's combiner, scored leave-one-split-out.

`evals/fit_checker.py` fits two logistic models; the rule guards of `reviewer/checker/offline.py` sit on top
and read the combiner only through its label. So each seed claim is analysed once, and the rules' verdict is
stored for each label the combiner could give (and, for the question guard, for each label it could give
without the contradiction signals): a refit is then scored *with* the rules by table look-up, without
re-analysing. Leave-one-split-out (LOSO): for each split, fit on everything but that split and score it.
The held-out `quay`, `pier`, `dock`, `berth` and `jetty` splits are never fitting splits (headline figures, scored before
and after).
"""

from __future__ import annotations

import copy
from collections.abc import Callable

import numpy as np
from pydantic import BaseModel, ConfigDict

from evals.seed_claims import load_rows, seed_papers_by_title
from reviewer.checker.offline import CONTRA_COLS, CheckerParams, OfflineChecker, only_questions, probabilities
from reviewer.checker.types import LABELS
from reviewer.settings import Settings

HELD_OUT: tuple[str, ...] = ("quay", "pier", "dock", "berth", "jetty", "wharf", "slip", "marina", "groyne", "weir", "sluice", "lock", "canal", "basin", "delta", "estuary",
                              "fjord", "lagoon", "marsh", "tarn")
# The splits the combiner was fitted on, named so that a split added later is never fitted on by accident.
FIT_SPLITS: tuple[str, ...] = ("dev", "test", "blind", "fresh", "final", "hidden", "sealed", "roles", "probe", "vault",
                               "swapdev", "ward", "moor")


class SeedRows(BaseModel):
    """Features of the seed claims and the rules' verdict per combiner label (LABELS order)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    x: np.ndarray  # raw features, one row per claim
    x_quiet: np.ndarray  # the same without the contradiction signals (question guard)
    y: np.ndarray  # gold class index
    split: np.ndarray  # split name per row
    question: np.ndarray  # the question guard applies when the combiner says C or the evidence is a near-copy
    strong: np.ndarray
    rules: np.ndarray  # [row, combiner label] -> final class index
    rules_quiet: np.ndarray  # the same after the question guard


def featurize_seeds(settings: Settings, splits: tuple[str, ...] = FIT_SPLITS) -> SeedRows:
    """Analyse every claim of `splits` against its cited seed abstract, as `evals.seed_claims` does."""
    checker = OfflineChecker(settings)
    papers = seed_papers_by_title()
    xs, x0s, ys, names, qs, strongs, table, table0 = [], [], [], [], [], [], [], []
    for split in splits:
        for r in load_rows(split):  # type: ignore[arg-type]
            paper = papers[r.title].model_copy(update={"key": r.paper})
            analysis, items = checker.analyse(r.claim, [paper])
            x0 = analysis.features.copy()
            x0[CONTRA_COLS] = 0.0
            xs.append(analysis.features)
            x0s.append(x0)
            ys.append(LABELS.index(r.label))
            names.append(split)
            qs.append(only_questions(r.claim, analysis, items))
            strongs.append(analysis.strong_contradiction)
            row, row0 = [], []
            for label in LABELS:
                a = copy.deepcopy(analysis)
                row.append(LABELS.index(checker.apply_rules(r.claim, a, items, label, 0.5, [])[0]))
                a = copy.deepcopy(analysis)
                a.strong_contradiction, a.contradiction_sentences = False, []
                row0.append(LABELS.index(checker.apply_rules(r.claim, a, items, label, 0.5, [])[0]))
            table.append(row)
            table0.append(row0)
    return SeedRows(x=np.vstack(xs), x_quiet=np.vstack(x0s), y=np.array(ys), split=np.array(names),
                    question=np.array(qs), strong=np.array(strongs), rules=np.array(table),
                    rules_quiet=np.array(table0))


def decide_all(probs: np.ndarray, t_s: float, t_c: float) -> np.ndarray:
    """Vectorised `offline.decide`: class indices in LABELS order."""
    p_s, p_c, p_u = probs[:, 0], probs[:, 1], probs[:, 2]
    sup = (p_s >= t_s) & (p_s >= p_c)
    con = ~sup & (p_c >= t_c) & (p_c >= p_u)
    return np.where(sup, 0, np.where(con, 1, 2))


def with_rules(rows: SeedRows, probs: np.ndarray, probs_quiet: np.ndarray, t_s: float, t_c: float) -> np.ndarray:
    """The checker's final class per row: combiner label, question guard, then the rules (`OfflineChecker.check`)."""
    label = decide_all(probs, t_s, t_c)
    guard = rows.question & ((label == 1) | rows.strong)
    quiet = decide_all(probs_quiet, t_s, t_c)
    idx = np.arange(len(label))
    return np.where(guard, rows.rules_quiet[idx, quiet], rows.rules[idx, label])


def loso_probs(rows: SeedRows, fit: Callable[[np.ndarray], CheckerParams]) -> tuple[np.ndarray, np.ndarray]:
    """Leave-one-split-out probabilities: `fit(mask)` fits on the seed rows of `mask` (plus the fixed data)."""
    probs = np.zeros((len(rows.y), len(LABELS)))
    quiet = np.zeros_like(probs)
    for split in dict.fromkeys(rows.split.tolist()):
        out = rows.split == split
        params = fit(~out)
        probs[out] = probabilities(params, rows.x[out])
        quiet[out] = probabilities(params, rows.x_quiet[out])
    return probs, quiet


def per_split_accuracy(rows: SeedRows, pred: np.ndarray) -> dict[str, float]:
    return {s: round(float((pred[rows.split == s] == rows.y[rows.split == s]).mean()), 4)
            for s in dict.fromkeys(rows.split.tolist())}
