"""The anchor papers whose centroid steadies a topic's relevance across rewordings (reviewer.survey.evidence).

A topic's relevance is mostly closeness to its best few papers: the first `ANCHOR_PAPERS` by its own relevance
and the first `ANCHOR_PAPERS` of its hybrid search. Either ranker alone can put an off-topic paper first
(relevance matches a title phrase such as 'long chain-of-thought' in a paper about something else; the
search matches the setting), and an off-topic anchor pulls its neighbours into the survey. A paper that
both rankers place among their first `AGREE_ANCHORS` is one they agree is on the topic, so it weighs double
in the centroid (and joins it if neither ranker had it in its first few). Ranks decide, not scores, so the
rule does not hang on exact similarity values.
"""

from __future__ import annotations

import numpy as np

ANCHOR_PAPERS = 3  # the topic's best papers by each ranker
AGREE_ANCHORS = 6  # a paper both rankers place this high weighs one more in the centroid
ANCHOR_WEIGHT = 0.7  # share of relevance that is closeness to the anchors' centroid


def anchor_weights(relevance: dict[str, float], searched: list[str], ids: list[str]) -> dict[str, float]:
    """Each anchor paper with its weight in the centroid: 1 for the first few of either ranker, one more
    for a paper both rankers place among their first `AGREE_ANCHORS`."""
    by_rel = sorted(ids, key=lambda pid: (-relevance[pid], pid))
    known = set(ids)
    by_search = [pid for pid in searched if pid in known]
    weights = {pid: 1.0 for pid in by_rel[:ANCHOR_PAPERS] + by_search[:ANCHOR_PAPERS]}
    for pid in set(by_rel[:AGREE_ANCHORS]) & set(by_search[:AGREE_ANCHORS]):
        weights[pid] = weights.get(pid, 0.0) + 1.0
    return weights


def anchored(relevance: dict[str, float], stored: dict[str, np.ndarray], searched: list[str]) -> dict[str, float]:
    """Blend each paper's relevance with its closeness to the weighted centroid of the topic's anchor papers.
    Wording moves the lexical part of relevance; what the anchor papers are about moves much less."""
    ids = [pid for pid in relevance if pid in stored]
    if len(ids) < ANCHOR_PAPERS + 1:
        return relevance
    weights = anchor_weights(relevance, searched, ids)
    vecs = {pid: np.asarray(stored[pid], dtype=np.float64) for pid in ids}
    vecs = {pid: v / max(float(np.linalg.norm(v)), 1e-9) for pid, v in vecs.items()}
    centre = np.sum([w * vecs[pid] for pid, w in sorted(weights.items())], axis=0)
    centre /= max(float(np.linalg.norm(centre)), 1e-9)
    return {
        pid: (1 - ANCHOR_WEIGHT) * rel + ANCHOR_WEIGHT * float(vecs[pid] @ centre) if pid in vecs else rel
        for pid, rel in relevance.items()
    }
