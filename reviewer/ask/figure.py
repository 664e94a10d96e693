"""'How many cases ...?', 'By how much ...?', 'What score does ...?': a question asking for a figure is answered by one.

A paraphrased question names its paper by a description ("the four-language collection of doctors' annotated
diagnostic justifications") as well as asking for a quantity. The sentence that restates the description then
matches the question best ("the authors present the first multilingual dataset for Medical Question Answering ..."),
while the sentence with the asked figure ("... resulting in a dataset of 558 clinical cases") scores a little lower.
When the question asks for a figure and the lead states none, the first of the next few candidates that states a
figure and scores almost as well (`RATIO` of the lead) opens the answer instead. The lead stays when no such
candidate is close: a figure from a much weaker sentence answers another question.
"""

from __future__ import annotations

import re

from reviewer.ask.lead import Scored

# How far down the candidate list (the lead included) and how close in score a sentence stating a figure may be.
# On the dev-read sets (357 answerable questions), 5 / 0.85 moved 5 leads: 4 to an answering sentence, 0 away
# from one; 0.8 also moved an answering lead of a "how much does X depend on Y" question to an unrelated count.
WINDOW = 5
RATIO = 0.85
_NUMBER_WORD = (r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
                r"hundreds?|thousands?|millions?|billions?|dozens?|half|double|twice|triple|threefold|tenfold)")
# A number standing alone (not inside a name such as GPT-4o or Qwen2.5), with an optional unit, or a number word.
_FIGURE = re.compile(rf"(?<![\w.\-])\d+(?:[.,]\d+)*(?:\s?%|[xX×]|[KMB])?(?![\w\-])|\b{_NUMBER_WORD}\b",
                     re.IGNORECASE)
# The question opens (after at most two words: "Roughly", "By", "Against") with a request for a quantity.
_ASKS_FIGURE = re.compile(
    r"^(?:[\w'-]+\s+){0,2}?how\s+(?:many|much|often|big|large|long)\b"
    r"|^(?:[\w'-]+\s+){0,2}?(?:what|which)\s+(?:[\w'-]+\s+){0,2}?(?:score|accuracy|percentage|share|fraction|"
    r"proportion|rate|number|size|gain|improvement)\b",
    re.IGNORECASE)


def asks_figure(question: str) -> bool:
    """The question asks how many / how much / what score: its answer is a figure."""
    return bool(_ASKS_FIGURE.search(question.strip()))


def states_figure(text: str) -> bool:
    """The sentence states a number (digits or a number word), not only a name containing digits."""
    return bool(_FIGURE.search(text))


def figure_first(question: str, scored: list[Scored]) -> list[Scored]:
    """The candidates with a close sentence stating a figure first, when the question asks for one and the lead
    states none."""
    if len(scored) < 2 or not asks_figure(question) or states_figure(scored[0].ev.text):
        return scored
    lead = scored[0]
    for i, cand in enumerate(scored[1:WINDOW], start=1):
        if cand.score >= RATIO * lead.score and states_figure(cand.ev.text):
            return [cand, *scored[:i], *scored[i + 1:]]
    return scored
