"""Fit and check a learned lead picker over `evals/lead_features.py` (follow-up 25 of evals/RESULTS.md; not kept).

`python -m evals.fit_lead dump OUT.jsonl [SET...]` runs `ask` offline over the dev-read sets (default
`evals.ask_diff.DEV_READ`) and keeps the top 40 candidates of each answered question with their labels (hand label
of the printed sentence where one exists, else the silver label of `evals.ask_leads`).
`python -m evals.fit_lead cv OUT.jsonl` scores the picker leave one set out: per held-out set, answering leads before
-> after, gains and losses (a moved lead counts by its label).
`python -m evals.fit_lead twostage OUT.jsonl` scores the second form (a ranker over the other candidates of the lead's
abstract, then a per-question "switch" logistic regression), leave one set out, at several thresholds, and how often
the ranker's pick answers where the lead does not (the "oracle switch" ceiling).
Only candidates of the lead's own abstract are ranked, and only questions whose lead is an expected paper train.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from evals import ask_leads
from evals import lead_features as learned
from evals.ask_leads import QuestionLeads, load

L2 = 1.0
MARGINS = (-1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0)


def own(row: QuestionLeads) -> list[ask_leads.Candidate]:
    """The lead and the other candidates of the lead's own abstract, in the rules' order."""
    lead = row.candidates[0]
    return [lead] + [c for c in row.candidates[1:] if c.key == lead.key]


def _groups(rows: list[QuestionLeads]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per training question: the own-abstract candidates' features and labels (questions with an expected lead and
    at least one answering candidate)."""
    out = []
    for row in rows:
        cands = own(row)
        if not row.candidates[0].expected_paper or len(cands) < 2 or not any(c.label for c in cands):
            continue
        out.append((learned.features(row.q, [(c.printed, c.role, c.score, c.index) for c in cands]),
                    np.array([float(c.label) for c in cands])))
    return out


def fit_lr(groups: list[tuple[np.ndarray, np.ndarray]], l2: float = L2, steps: int = 1500) -> tuple[np.ndarray, float]:
    """Conditional logit (softmax over each question's candidates; the answering ones share the mass), L2-regularised,
    by deterministic gradient descent. The bias cancels within a question and is kept at 0."""
    x = np.vstack([g[0] for g in groups])
    y = np.concatenate([g[1] for g in groups])
    starts = np.cumsum([0] + [len(g[1]) for g in groups[:-1]])
    gid = np.repeat(np.arange(len(groups)), [len(g[1]) for g in groups])
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        z = x @ w
        e = np.exp(z - np.maximum.reduceat(z, starts)[gid])
        p = e / np.add.reduceat(e, starts)[gid]
        py = p * y
        q = py / np.add.reduceat(py, starts)[gid]
        w -= 0.5 * (x.T @ (p - q) + l2 * w) / len(groups)
    return w, 0.0


def moves(rows: list[QuestionLeads], model: tuple[np.ndarray, float, float]) -> tuple[int, int, int, list[str]]:
    """Answering leads before, gains and losses when the picker re-ranks each question's own-abstract candidates."""
    before = gain = loss = 0
    notes = []
    for row in rows:
        cands = own(row)
        before += cands[0].label
        i = learned.pick(row.q, [(c.printed, c.role, c.score, c.index) for c in cands], model)
        if i and cands[i].label != cands[0].label:
            gain += cands[i].label
            loss += cands[0].label
            notes.append(f"{'+' if cands[i].label else '-'} [{row.set}] {row.q[:70]} -> {cands[i].printed[:80]}")
        elif i:
            notes.append(f"= [{row.set}] {row.q[:70]} -> {cands[i].printed[:80]}")
    return before, gain, loss, notes


def cv(rows: list[QuestionLeads], margin: float, verbose: bool = False) -> tuple[int, int, int, int]:
    by_set: dict[str, list[QuestionLeads]] = defaultdict(list)
    for row in rows:
        by_set[row.set].append(row)
    total = [0, 0, 0, 0]
    for name, held in by_set.items():
        w, b = fit_lr(_groups([r for r in rows if r.set != name]))
        before, gain, loss, notes = moves(held, (w, b, margin))
        total = [total[0] + len(held), total[1] + before, total[2] + gain, total[3] + loss]
        if verbose:
            print(f"{name:8} {before}/{len(held)} -> {before + gain - loss}/{len(held)} (+{gain} -{loss})")
            for n in notes:
                print("   ", n)
    return total[0], total[1], total[2], total[3]


def _logreg(x: np.ndarray, y: np.ndarray, l2: float = 5.0, steps: int = 3000) -> tuple[np.ndarray, float]:
    """Plain L2-regularised logistic regression by deterministic gradient descent."""
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        g = 1.0 / (1.0 + np.exp(-(x @ w + b))) - y
        w -= 0.5 * (x.T @ g + l2 * w) / len(y)
        b -= 0.5 * float(g.mean())
    return w, b


def twostage(rows: list[QuestionLeads], thresholds: tuple[float, ...] = (0.08, 0.1, 0.15, 0.2, 0.3, 0.5)) -> None:
    """Rank the lead's other own-abstract candidates, then decide per question whether to switch; leave one set out."""
    feats = [learned.features(r.q, [(c.printed, c.role, c.score, c.index) for c in own(r)]) for r in rows]
    labels = [np.array([float(c.label) for c in own(r)]) for r in rows]
    usable = [r.candidates[0].expected_paper and len(labels[i]) > 1 for i, r in enumerate(rows)]
    res = {t: [0, 0, 0] for t in thresholds}
    fixable = oracle = rules_next = 0

    def question(i: int, wa: np.ndarray) -> tuple[np.ndarray, int]:
        b = int(np.argmax(feats[i][1:] @ wa)) + 1
        return np.concatenate([feats[i][0], feats[i][b], [float((feats[i][1:] @ wa).max())]]), b

    for held in sorted({r.set for r in rows}):
        train = [i for i, r in enumerate(rows) if r.set != held and usable[i]]
        wa, _ = fit_lr([(feats[i][1:], labels[i][1:]) for i in train if labels[i][1:].any()], l2=10.0)
        qs = [question(i, wa) for i in train]
        wb, bb = _logreg(np.array([q for q, _ in qs]),
                         np.array([float(not labels[i][0] and labels[i][b]) for i, (_, b) in zip(train, qs, strict=True)]))
        for i, r in enumerate(rows):
            if r.set != held or not usable[i]:
                continue
            q, b = question(i, wa)
            y = labels[i]
            if not y[0] and y.any():
                fixable, oracle, rules_next = fixable + 1, oracle + int(y[b]), rules_next + int(y[1])
            p = 1.0 / (1.0 + np.exp(-(q @ wb + bb)))
            for t in thresholds:
                if p > t:
                    res[t][2] += 1
                    if y[b] != y[0]:
                        res[t][0] += int(y[b])
                        res[t][1] += int(y[0])
    for t, (g, lost, m) in res.items():
        print(f"switch above {t}: {m} moves, +{g} -{lost}")
    print(f"lead not answering but an own-abstract candidate does: {fixable}; the ranker's pick answers in {oracle}, "
          f"the rules' next own-abstract candidate in {rules_next}")


def main(argv: list[str]) -> None:
    if argv[0] == "dump":
        from evals.ask_diff import DEV_READ
        ask_leads.TOP = 40
        ask_leads.dump(Path(argv[1]), argv[2:] or list(DEV_READ))
    elif argv[0] == "cv":
        rows = load(Path(argv[1]))
        for m in MARGINS:
            n, before, gain, loss = cv(rows, m)
            print(f"margin {m}: {n} questions, answering leads {before} -> {before + gain - loss} (+{gain} -{loss})")
        if len(argv) > 2:
            cv(rows, float(argv[2]), verbose=True)
    elif argv[0] == "twostage":
        twostage(load(Path(argv[1])))
    else:
        print(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
