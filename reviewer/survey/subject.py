"""Which of a topic's rare words name its subject: those the corpus's own papers on it also use.

A reworded topic carries words of its own ('tailoring ... to each user', 'knowing how sure a chatbot
really is'): rare in the corpus, some title uses them, so they pass for subject words, and every paper
that never says 'tailoring' or 'really' loses relevance, the on-topic ones included. A word that names
the subject is one the topic's first papers share; a word only the user says is used by none or one of
them. So a rare word counts only when at least `SUPPORT` of the first `FIRST_PAPERS` papers of the
topic's own hybrid search use it (stem match, title or abstract). Ranks, not scores, pick those papers,
and the test reads the corpus's words, not a list of the user's.
"""

from __future__ import annotations

from reviewer.models import Paper
from reviewer.textutil import content_stems

FIRST_PAPERS = 5  # the topic's own search's first papers, which say the subject in the corpus's words
SUPPORT = 2  # a rare word at least this many of them use names the subject


def supported(rare: dict[str, float], first: list[Paper]) -> dict[str, float]:
    """The rare words (with their weights) that at least `SUPPORT` of `first[:FIRST_PAPERS]` use; all of
    them when there are fewer papers than `SUPPORT` to ask."""
    papers = first[:FIRST_PAPERS]
    if len(papers) < SUPPORT:
        return rare
    used = [set(content_stems(f"{p.title} {p.abstract}")) for p in papers]
    return {word: weight for word, weight in rare.items()
            if sum(content_stems(word)[0] in stems for stems in used) >= SUPPORT}

