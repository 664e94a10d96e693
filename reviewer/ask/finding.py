"""'What did X find / conclude / single out ...?': a question asking for a study's finding is answered by one.

A paraphrased question describes the study by what it set out to do ("the analysis of how inverse RL reacts to a
wrong model of human behaviour", "the first report dissecting PPO"), so the sentence stating that aim matches it
best: "The authors analyse how sensitive the IRL problem is to misspecification ..." or "In the first report, the
authors dissect the framework of RLHF, ... and explore how the parts ... impact policy agent training". It says what
was studied, not what was found, and the question asks for the finding. The same abstract's finding sentence ("Our
analysis suggests that the IRL problem is highly sensitive ...", "We identify policy constraints being the key
factor ...") scores lower because it repeats less of the description.

So when the question's verb asks for a finding (what / which ... does / did X find, conclude, identify, single out,
observe, reveal, discover, uncover, show, report, establish) and the lead reports none (no "show / find / reveal /
suggest / indicate / demonstrate / identify / conclude / uncover / discover"), the best-scored sentence of the lead's
own abstract that reports one, scores at least `RATIO` of the lead and stands alone opens the answer. Only the same
abstract, as in the sibling rules (`count.asked_figure_first`, `verb.verb_first`): another paper's finding answers
another study's question. Follow-up 27 of evals/RESULTS.md.
"""

from __future__ import annotations

import re

from reviewer.ask.lead import Scored, connective_opener, leans_on_previous, poses_question

# "What does the analysis ... conclude", "Which ingredient did the report ... find decisive", "What did X single
# out as ...": the finding verb follows the question's auxiliary; "... train on it to show it works" asks no finding.
_ASKS_FINDING = re.compile(
    r"^(?:what|which)\b[^?]*?\b(?:does|did|do)\b[^?]*?(?<!\bto\s)\b(?:conclude|find|identify|single\s+out|observe|"
    r"reveal|discover|uncover|show|report|establish)\b", re.IGNORECASE)
# A sentence that reports a finding, not an aim or a method.
_REPORTS_FINDING = re.compile(
    r"\b(?:show(?:s|ed|n)?|find(?:s|ings?)?|found|reveal(?:s|ed)?|suggest(?:s|ed)?|indicat(?:e|es|ed)|"
    r"demonstrat(?:e|es|ed)|identif(?:y|ies|ied)|conclude[sd]?|uncover(?:s|ed)?|discover(?:s|ed)?)\b", re.IGNORECASE)
# How close in score (a share of the lead's) the finding sentence must be. The finding sentences the simulation over
# the dev-read sets' candidate dumps moved to score 0.65-0.85 of the aim sentence they replace; 0.5 moves the same.
RATIO = 0.6


def asks_finding(question: str) -> bool:
    """The question asks what a study found, concluded or identified."""
    return bool(_ASKS_FINDING.search(question.strip()))


def reports_finding(text: str) -> bool:
    """The sentence reports a finding ('show', 'find', 'reveal', 'suggest', 'identify', ...)."""
    return bool(_REPORTS_FINDING.search(text))


def finding_first(question: str, scored: list[Scored]) -> list[Scored]:
    """The candidates with the best finding sentence of the lead's abstract first, when the question asks for a
    finding and the lead reports none."""
    if len(scored) < 2 or not asks_finding(question) or reports_finding(scored[0].ev.text):
        return scored
    lead = scored[0]
    for i, x in enumerate(scored[1:], start=1):
        t = x.ev.text
        if (x.ev.paper_id == lead.ev.paper_id and x.score >= RATIO * lead.score and reports_finding(t)
                and not x.contrasted and not connective_opener(t) and not leans_on_previous(t, x.antecedent)
                and not poses_question(t)):
            return [x, *scored[:i], *scored[i + 1:]]
    return scored
