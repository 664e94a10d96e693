"""'Which two parts ...?', 'How many strategies ...?', 'What share ...?': the figure asked is of a known kind.

`figure.figure_first` moves a figure-stating sentence to the front only when the lead states no figure at all. A lead
often states *a* figure of another kind: "What share of the data did the selector keep?" led by "... decomposing it
into 14 vision-language capabilities" (a count, not a share); "How many prompting strategies make up the ladder?" led
by "... using four instruction-tuned LLMs" (a count of models). The question says which figure it wants:

- "which / what <N> <things>" names the count itself: the sentence that says N ("consists of two key components")
  lists them;
- "how many <things>" wants a count of those things: a number right before the asked noun ("five unique prompting
  strategies");
- "what share / fraction / percentage / proportion" wants a part of a whole: a percentage or a fraction.

When the lead lacks the asked kind and a close candidate of the lead's own abstract has it, that candidate opens
the answer. Only the same abstract, as in the other lead rules (`verb.verb_first`, `aspect.aspect_first`): "On which
three tasks was X tested?" is answered by X's sentence listing them without the word "three", and another paper's
"three features approximate this gap" must not take its place (the one loss of the blind set para20, follow-up 24).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.ask.lead import Scored, connective_opener, leans_on_previous, poses_question
from reviewer.textutil import content_stems

_WORDS = "two three four five six seven eight nine ten eleven twelve".split()
_DIGITS = {w: str(i) for i, w in enumerate(_WORDS, start=2)}
# The verbs and prepositions that end the asked noun phrase ("How many prompting strategies | make up ...").
_END = (r"(?=\s+(?:do|does|did|are|is|were|was|make|made|can|could|have|has|had|of|in|on|for|to|from|per|would|will|"
        r"should|that|the)\b|\s*\?|$)")
_WHICH_N = re.compile(rf"\b(?:which|what)\s+(?:(?:are|were)\s+(?:the\s+)?)?({'|'.join(_WORDS)}|\d+)\s+(?:[\w-]+\s+){{0,2}}?[\w-]+?{_END}",
                      re.IGNORECASE)
_HOW_MANY = re.compile(rf"\bhow\s+(?:many|few)\s+((?:[\w-]+\s+){{0,2}}?[\w-]+?){_END}", re.IGNORECASE)
# "On how many of the twelve reasoning datasets ...?": a part of a whole the question names; the asked noun follows.
_HOW_MANY_OF = re.compile(rf"\bhow\s+(?:many|few)\s+of\s+(?:the|these|those|its|their)\s+(?:{'|'.join(_WORDS)}|\d+)?\s*"
                          rf"((?:[\w-]+\s+){{0,2}}?[\w-]+?){_END}", re.IGNORECASE)
_SHARE = re.compile(r"\b(?:what|which)\s+(?:\w+\s+){0,2}?(?:share|fraction|percentage|proportion)\b", re.IGNORECASE)
_PART = re.compile(r"\d\s?%|\bper\s?cent\b|\bhalf\b|\bfraction\b", re.IGNORECASE)
_COUNT = rf"(?:\d+(?:[.,]\d+)*[KkMB]?|{'|'.join(_WORDS)})"
# How far down the candidates (the lead included) and how close in score (a share of the lead's) the sentence with
# the asked figure may be. Chosen on the dev-read sets' candidate dumps (follow-up 24 of evals/RESULTS.md).
WINDOW = 8
RATIO = 0.7


def _number(figure: str) -> str:
    """'twelve' and '12' are one number."""
    return _DIGITS.get(figure.lower(), figure.lower())


def given(question: str) -> frozenset[str]:
    """The counts the question itself states ("of the twelve datasets"): the answer is another number."""
    return frozenset(_number(m.group(0)) for m in re.finditer(rf"(?<![\w.-]){_COUNT}(?![\w.-])", question, re.IGNORECASE))


def _counts(noun: list[str], known: frozenset[str] = frozenset()) -> Callable[[str], bool]:
    """A number within four words before the asked noun's head: 'five unique prompting strategies'; not a number
    the question already gives ('twelve widely-used reasoning datasets' for 'how many of the twelve datasets')."""
    head = set(noun[-1:])

    def has(text: str) -> bool:
        return any(head & set(content_stems(m.group(2))) and _number(m.group(1)) not in known
                   for m in re.finditer(rf"(?<![\w.-])({_COUNT})(?![\w.-])((?:\s+[\w-]+){{1,4}})", text, re.IGNORECASE))
    return has


def asked_figure(question: str) -> Callable[[str], bool] | None:
    """What a sentence must state to give the figure the question asks for; None when the kind is not known."""
    m = _WHICH_N.search(question)
    if m:
        n = m.group(1).lower()
        said = re.compile(rf"(?<![\w.-])(?:{re.escape(n)}|{_DIGITS.get(n, n)})(?![\w.-])", re.IGNORECASE)
        return lambda t: bool(said.search(t))
    m = _HOW_MANY_OF.search(question) or _HOW_MANY.search(question)
    if m and (noun := content_stems(m.group(1))):
        return _counts(noun, given(question))
    if _SHARE.search(question):
        return lambda t: bool(_PART.search(t))
    return None


def asked_figure_first(question: str, scored: list[Scored]) -> list[Scored]:
    """The candidates with the close sentence of the lead's abstract stating the asked kind of figure first, when the
    lead does not."""
    states = asked_figure(question)
    if states is None or len(scored) < 2 or states(scored[0].ev.text):
        return scored
    lead = scored[0]
    for i, x in enumerate(scored[1:WINDOW], start=1):
        t = x.ev.text
        if (x.ev.paper_id == lead.ev.paper_id and x.score >= RATIO * lead.score and states(t) and not x.contrasted
                and not connective_opener(t) and not leans_on_previous(t, x.antecedent) and not poses_question(t)):
            return [x, *scored[:i], *scored[i + 1:]]
    return scored
