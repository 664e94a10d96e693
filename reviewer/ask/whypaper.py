"""A why-question's lead from the paper the question is about, when that paper states a cause.

"Why" asks for the cause of one phenomenon, and the paper about it states the cause in its problem sentence
("directly applying existing RL algorithms to reward modeling often leads to training instability"). Candidates are
ordered without the title weight for why-questions (a cause may sit in any paper's background), so a sentence of
another paper sharing more of the question's words ("Our algorithm eliminates the need for ... reward model
construction") can lead while the first paper of the paper ranker, the one the whole question matched best, says
why a few places below. The first paper's cause sentence then leads when it scores nearly as well as the lead.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.ask.lead import _STRONG_CAUSE, Scored, leans_on_previous
from reviewer.roles import Role

# A consequence stated with its cause ("..., which can cause models to rely excessively on ...", "forcing fewer
# frames", "hindering more concise reasoning", "makes it vulnerable to"): the problem sentence says why.
CONSEQUENCE = re.compile(r"\b(?:caus(?:e|es|ed|ing)|hinder(?:s|ed|ing)?|forc(?:es|ing)|vulnerable to|prone to|"
                         r"unsuitable|exacerbat\w+)\b", re.IGNORECASE)
# A finding of how well ("leads to significant gains") is no cause of a problem, whatever its "leads to".
_HOW_WELL = re.compile(r"\b(?:improv\w*|outperform\w*|gains?|surpass\w*|state-of-the-art)\b", re.IGNORECASE)
# How close (a fraction of the lead's score) the first paper's cause must score, and how far down it may sit.
WHY_PAPER_SHARE = 0.8
WHY_PAPER_REACH = 10


def why_from_first_paper(out: list[Scored], first_paper: str, has_cause: Callable[[str], bool]) -> list[Scored]:
    """`out` with the best cause sentence of `first_paper` (the paper ranker's first) moved to the front, when the
    lead is another paper's sentence that gives no strong cause and that sentence scores WHY_PAPER_SHARE of it."""
    if not out or out[0].ev.paper_id == first_paper or _STRONG_CAUSE.search(out[0].ev.text):
        return out
    bar = WHY_PAPER_SHARE * out[0].score
    for i, x in enumerate(out[:WHY_PAPER_REACH]):
        t = x.ev.text
        if x.ev.paper_id == first_paper and x.score >= bar and (has_cause(t) or CONSEQUENCE.search(t)) \
                and x.role not in (Role.RESULT, Role.CONCLUSION) and not _HOW_WELL.search(t) \
                and not leans_on_previous(t, x.antecedent):
            return [x, *out[:i], *out[i + 1:]]
    return out
