"""Two doers exchanged across two sentences: 'A separate LLM navigates the environment randomly, while the LLM-based
agent assigns a task intent' where the abstract has the agent navigate (one sentence) and the separate LLM
assign the intent (another).

Why: each clause of such a claim copies one sentence of the abstract almost word for word, and the doer of one
sentence is named in the other, so overlap, the name guards and the frame readers (which read one sentence at a
time) all see two faithful halves. Here each clause is matched to the sentence that states its predicate, and a
claim is a swap when each clause's doer (its first content words) is absent from its own sentence and named in
the other clause's sentence.
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems

_SPLIT = re.compile(r",?\s+(?:while|whereas)\s+|;\s+|,\s+and\s+(?=the\b|a\b|an\b|[A-Z])")
MIN_PREDICATE = 3
SUBJECT_STEMS = 4


def _best(stems: set[str], sentences: list[set[str]]) -> int:
    """The index of the one sentence sharing most stems with the clause, or -1 on a tie."""
    scores = sorted(((len(stems & s), k) for k, s in enumerate(sentences)), reverse=True)
    if not scores or (len(scores) > 1 and scores[0][0] == scores[1][0]):
        return -1
    return scores[0][1]


def doers_exchanged(claim: str, sentences: list[str]) -> tuple[str, str] | None:
    """(doer of the first clause, doer of the second) when the two are exchanged across two sentences, else None."""
    clauses = [c for c in _SPLIT.split(claim.rstrip(". ")) if c.strip()]
    if len(clauses) != 2:
        return None
    sents = [set(content_stems(s)) for s in sentences]
    found = []
    for clause in clauses:
        stems = content_stems(clause)
        k = _best(set(stems), sents)
        if k < 0:
            return None
        found.append((stems, k))
    (one, i), (two, j) = found
    if i == j:
        return None
    doers = []
    for (stems, own), other in (((one, i), j), ((two, j), i)):
        foreign = [s for s in stems[:SUBJECT_STEMS] if s not in sents[own] and s in sents[other]]
        predicate = set(stems) - set(foreign)
        if not foreign or len(predicate & sents[own]) < MIN_PREDICATE:
            return None
        doers.append(" ".join(foreign))
    return doers[0], doers[1]
