"""Refusing a yes/no question whose uncovered topic word pulls it away from the closest evidence.

A yes/no question states a claim about a topic ("Does chain-of-thought prompting improve LLMs on time-series
forecasting?"). When the topic is one the corpus does not cover, the question still clears the evidence bar on its
other, corpus-wide words ("chain-of-thought", "improve", "LLMs"), and the absent-word rule (`predicate.off_topic`,
similarity under 0.47) lets it through. What shows that the evidence is about the question *without* its topic: the
question with the words no abstract uses struck out is closer to the best evidence than the whole question is, by
`TOPIC_PULL` or more. A word no abstract uses that restates something the evidence says in other words ("tongues" for
"languages", "samey" for "homogeneous") brings the question closer to that evidence or leaves it as far, so striking
it out does not bring the question closer (branch a30; measured in evals/RESULTS.md).

Only yes/no questions are judged: a wh-question's words the corpus lacks mostly describe the paper it asks about in
other words, and striking them out moves the question either way.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.models import EvidenceSentence

TOPIC_PULL = 0.03
_YES_NO = re.compile(r"^\s*(?:is|are|do|does|did|can|could|will|would|has|have|was|were|should|must)\s", re.IGNORECASE)


def without_words(question: str, absent: list[str]) -> str:
    """The question with the given words struck out (whole words, hyphenated compounds kept whole)."""
    out = question
    for word in absent:
        out = re.sub(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", " ", out)
    return re.sub(r"\s+", " ", out).strip()


def pulled_away(question: str, absent: list[str], best: float,
                rank: Callable[[str], list[EvidenceSentence]]) -> float | None:
    """For a yes/no question with words no abstract uses: how much closer the best evidence is to the question without
    them (None for other questions); `rank` ranks the retrieved papers' sentences for a text."""
    if not absent or not _YES_NO.match(question):
        return None
    return max((e.similarity for e in rank(without_words(question, absent))), default=0.0) - best
