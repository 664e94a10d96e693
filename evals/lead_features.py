"""Features of (question, sentence) for a learned pick of the answer's opening sentence within the lead's abstract.

The hand rules of follow-ups 18-24 (question form -> sentence role, focus words, ...) each lost about as many
answering leads as they gained, yet in 50 of the 62 leads that are the expected paper's non-answering sentence an
answering sentence of the same abstract is among the candidates. This scores each candidate of the lead's own
abstract with a logistic model over cheap features of (question, sentence); the best one would open the answer only
when it beats the current lead by a clear margin. Fitted and checked leave one set out by `python -m evals.fit_lead`
(follow-up 25 of evals/RESULTS.md): it gained no answering lead on any held-out set, so it is not wired into `ask`.
"""

from __future__ import annotations

import re

import numpy as np

from reviewer.ask.lead import connective_opener, leans_on_previous, poses_question
from reviewer.textutil import content_stems

ROLES = ("background", "objective", "method", "result", "conclusion", "limitation")
FORMS = ("yesno", "how", "why", "howmany", "what")
_QWORDS = frozenset(content_stems("what which how why does do did is are can could paper papers method approach "
                                  "model models use used way ways according authors work study"))
_FIGURE = re.compile(r"\d")
_YESNO = re.compile(r"^(?:do|does|did|is|are|was|were|can|could|has|have|had|will|would|should)\b", re.IGNORECASE)


def question_form(question: str) -> str:
    """The coarse form of the question: yes/no, how, why, how many / how much, or what/which/other."""
    q = question.strip().lower()
    tail = q.split(",")[-1].strip() if "," in q else q
    if re.search(r"\bhow\s+(?:many|much|few|large|fast|long|often|big|small)\b|\bby\s+how\b|\bwhat\s+(?:share|fraction|"
                 r"percentage|proportion)\b", q):
        return "howmany"
    if q.startswith("why") or re.search(r"\bwhy\b", tail):
        return "why"
    if _YESNO.match(q) or _YESNO.match(tail) or ": " in q and _YESNO.search(q.split(": ")[-1]):
        return "yesno"
    if q.startswith("how") or re.search(r"\bhow\s+(?:does|do|did|is|are|can)\b", tail):
        return "how"
    return "what"


def names() -> list[str]:
    """Feature names, in order."""
    base = ["is_lead", "score_ratio", "score_gap", "position", "first", "coverage", "coverage_gap", "figure",
            "figure_x_howmany", "connective", "anaphor", "poses_question", "length"]
    return base + [f"role_{r}" for r in ROLES] + [f"{f}_x_{r}" for f in FORMS for r in ROLES]


def features(question: str, cands: list[tuple[str, str, float, int]]) -> np.ndarray:
    """One feature row per candidate (text, role, score, sentence index); the first candidate is the current lead."""
    form = question_form(question)
    asked = set(content_stems(question)) - _QWORDS
    lead_score = cands[0][2] or 1e-9
    covers = [len(asked & set(content_stems(t))) / len(asked) if asked else 0.0 for t, _, _, _ in cands]
    rows = []
    for i, (text, role, score, index) in enumerate(cands):
        fig = float(bool(_FIGURE.search(text)))
        row = [float(i == 0), score / lead_score, score - cands[0][2], min(index, 12) / 12.0, float(index == 0),
               covers[i], covers[i] - covers[0], fig, fig * (form == "howmany"), float(connective_opener(text)),
               float(leans_on_previous(text)), float(poses_question(text)), min(len(text.split()), 60) / 60.0]
        row += [float(role == r) for r in ROLES]
        row += [float(form == f and role == r) for f in FORMS for r in ROLES]
        rows.append(row)
    return np.array(rows, dtype=float)


def pick(question: str, cands: list[tuple[str, str, float, int]], model: tuple[np.ndarray, float, float]) -> int:
    """Index of the candidate that should open the answer: 0 (the lead) unless another beats it by the margin."""
    if len(cands) < 2:
        return 0
    w, b, margin = model
    z = features(question, cands) @ w + b
    best = int(np.argmax(z[1:])) + 1
    return best if z[best] - z[0] > margin else 0
