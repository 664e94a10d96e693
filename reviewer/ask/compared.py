"""Refusing a comparison that no close abstract makes: the side compared against is never mentioned.

A comparison question names two sides: the thing it asks about and what that thing is compared with ("How does the
medical model trained with rule-based rewards compare with human doctors on licensing exams?", "Is X better than
Y?"). An abstract that compares a method with something names what it compares it with: its baselines, the models it
beats, the human experts it is measured against. A question whose compared side no close abstract mentions in any
word ("human doctors", "expert radiologists") asks for a comparison the corpus does not make, even when the asked
side's own abstract is retrieved and looks close; quoting it would answer another question (how well the model does,
not how it does against the side asked about). Paraphrased sides keep a word of what the abstract says ("plain
supervised fine-tuning" and "supervised fine-tuning", "the general models they started from" and "general-domain
models"), so one shared word, hyphenated parts included, is enough to answer (branch a33; measured in
evals/RESULTS.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.models import EvidenceSentence, Paper
from reviewer.textutil import content_stems, stems_with_parts

# What a question compares its subject with: the words after a comparing verb or phrase, up to a comma, a clause
# break or the setting of the comparison ("... compared with human doctors on licensing exams").
_AGAINST = re.compile(r"\b(?:compared?\s+(?:with|to|against)|better\s+than|worse\s+than|beats?|outperforms?|"
                      r"outscores?|versus|vs\.?)\s+([^?,;:]+)", re.IGNORECASE)
_SETTING = re.compile(r"\s+(?:on|at|in|when|for|while|after|under|across|during|without)\s+.*$", re.IGNORECASE)
# How many of the best-ranked sentences' papers are looked in: the papers an answer would quote first.
COMPARED_SENTENCES = 5


def compared_side(question: str) -> str | None:
    """The side the question compares its subject with ("human doctors"), or None for a question comparing nothing
    or a side with no content word."""
    m = _AGAINST.search(question)
    if m is None:
        return None
    side = _SETTING.sub("", m.group(1)).strip()
    return side if content_stems(side) else None


def unmentioned_side(question: str, ranked: list[EvidenceSentence], papers: list[Paper],
                     common: Callable[[], frozenset[str]] = frozenset) -> str | None:
    """The compared side when none of the papers of the COMPARED_SENTENCES best sentences uses any of its words; words
    in `common()` (used by a large share of the corpus: "human" in "human doctors"; read only for a comparison question)
    count only when the side has no other."""
    side = compared_side(question)
    if side is None:
        return None
    by_id = {p.id: p for p in papers}
    top = list(dict.fromkeys(e.paper_id for e in sorted(ranked, key=lambda e: -e.score)[:COMPARED_SENTENCES]))
    closest = [by_id[i] for i in top if i in by_id]
    if not closest:
        return None
    wanted = stems_with_parts(side) - common() or stems_with_parts(side)
    if any(wanted & stems_with_parts(f"{p.title} {p.abstract}") for p in closest):
        return None
    return side
