"""A scored choice of `ask`'s lead among the rules' top candidates, fitted leave one set out (follow-up 14).

Each candidate of `evals.ask_leads dump` gets a few general signals: is it the rules' lead, its place in the rules'
order, its type-aware score and its dense similarity to the question (each relative to the best candidate), the share
of the question's content words it states, its paper's retrieval score and title weight, whether its role is the
one the question form asks for, whether it is background. The lead is the candidate with the highest weighted sum.
Weights are chosen by coordinate search on every set but one and scored on the one left out, so each set's figure
comes from weights that never saw it. `python -m evals.lead_choice OUT.jsonl [coordinate|logit|random]` prints per-set rules vs fitted.
"""

from __future__ import annotations

import itertools
import random
import re
import sys
from pathlib import Path

import numpy as np

from evals.ask_leads import QuestionLeads, load
from reviewer.ask import forms
from reviewer.ask.lead import CAUSE
from reviewer.textutil import content_stems

NAMES = ["rules_lead", "place", "score", "similarity", "coverage", "prior", "title", "role_fits", "background"]
_QWORDS = frozenset(content_stems("what which how why does do did is are can could paper papers method approach "
                                  "model models use used way ways according"))
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s?(?:%|x\b|×)|\b\d+/\d+\b")


def _wanted_role(q: str, qtype: str) -> str:
    lowered = q.lower()
    if lowered.startswith("why"):
        return "cause"
    if forms.asks_verdict(q):
        return "finding"
    if forms.asks_problem(q):
        return "problem"
    if qtype == "quantitative":
        return "number"
    if qtype == "mechanism" or lowered.startswith("how"):
        return "method"
    return ""


def _role_fits(wanted: str, role: str, text: str) -> float:
    if wanted == "cause":
        return float(bool(CAUSE.search(text)))
    if wanted == "finding":
        return float(role in ("result", "conclusion"))
    if wanted == "problem":
        return float(role in ("limitation", "background") and bool(forms.states_problem(text)))
    if wanted == "number":
        return float(bool(_NUMBER.search(text)))
    if wanted == "method":
        return float(role == "method")
    return 0.0


def features(row: QuestionLeads) -> np.ndarray:
    """One row of signals per candidate."""
    asked = set(content_stems(row.q)) - _QWORDS
    wanted = _wanted_role(row.q, row.qtype)
    cands = row.candidates
    best_score = max(c.score for c in cands)
    best_sim = max(c.similarity for c in cands)
    out = []
    for i, c in enumerate(cands):
        stems = set(content_stems(c.printed))
        out.append([float(i == 0), -np.log1p(i), c.score - best_score, c.similarity - best_sim,
                    len(asked & stems) / len(asked) if asked else 0.0, c.prior, c.order,
                    _role_fits(wanted, c.role, c.printed), float(c.role == "background")])
    return np.array(out)


def choose(feats: np.ndarray, w: np.ndarray) -> int:
    return int(np.argmax(feats @ w))


def accuracy(rows: list[tuple[np.ndarray, list[bool]]], w: np.ndarray) -> int:
    return sum(labels[choose(f, w)] for f, labels in rows)


_GRID = [-1.0, -0.5, -0.25, 0.0, 0.25, 0.5, 1.0, 2.0]


def fit(rows: list[tuple[np.ndarray, list[bool]]], seed: int = 0, rounds: int = 4) -> np.ndarray:
    """Coordinate search from the rules (lead weight 1, others 0): each weight in turn set to its best grid value;
    ties keep the current weight, so a signal moves off 0 only when it gains on the training sets."""
    rng = random.Random(seed)
    w = np.zeros(len(NAMES))
    w[0] = 1.0
    best = accuracy(rows, w)
    for _ in range(rounds):
        order = list(range(1, len(NAMES)))
        rng.shuffle(order)
        for j, v in itertools.product(order, _GRID):
            trial = w.copy()
            trial[j] = v
            got = accuracy(rows, trial)
            if got > best:
                w, best = trial, got
    return w


def fit_logit(rows: list[tuple[np.ndarray, list[bool]]], l2: float = 1.0, iters: int = 400,
              rate: float = 0.5) -> np.ndarray:
    """A conditional logit over each question's candidates (softmax), maximising the chance mass on the candidates
    labelled as answering, with an L2 penalty; plain gradient ascent."""
    w = np.zeros(len(NAMES))
    for _ in range(iters):
        grad = -l2 * w
        for f, labels in rows:
            y = np.array(labels, float)
            if not y.any():
                continue
            z = f @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            q = p * y / (p * y).sum()
            grad += f.T @ (q - p) / len(rows)
        w = w + rate * grad
    return w


def fit_random(rows: list[tuple[np.ndarray, list[bool]]], n: int = 3000, seed: int = 0) -> np.ndarray:
    """The best of `n` random weight vectors (the rules' own weights first), by the number of answering leads."""
    rng = np.random.default_rng(seed)
    best_w, best = np.eye(len(NAMES))[0], accuracy(rows, np.eye(len(NAMES))[0])
    for _ in range(n):
        w = rng.normal(0, 1, len(NAMES))
        w[0] = abs(w[0])
        if (got := accuracy(rows, w)) > best:
            best_w, best = w, got
    return best_w


FITTERS = {"coordinate": fit, "logit": fit_logit, "random": fit_random}


def main(path: Path, how: str = "coordinate") -> None:
    data = load(path)
    by_set: dict[str, list[tuple[np.ndarray, list[bool]]]] = {}
    for row in data:
        if row.candidates:
            by_set.setdefault(row.set, []).append((features(row), [c.label for c in row.candidates]))
    total_rules = total_fit = 0
    for held in by_set:
        train = [r for s, rows in by_set.items() if s != held for r in rows]
        w = FITTERS[how](train)
        rules = accuracy(by_set[held], np.eye(len(NAMES))[0])
        got = accuracy(by_set[held], w)
        total_rules += rules
        total_fit += got
        weights = ", ".join(f"{n}={v:.2g}" for n, v in zip(NAMES, w, strict=True) if v)
        print(f"{held:<8} n={len(by_set[held]):>2}  rules {rules:>2}  fitted {got:>2}  ({weights})")
    print(f"all      rules {total_rules}  fitted (left out) {total_fit}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "coordinate")
