"""A question that asks for several things of a kind is answered by the sentence that lists them.

"Which board games did X cover?", "On which tasks did X reach state-of-the-art results?", "Along which three axes does
the survey organise ...?", "What kinds of reward models did X compare?": the question names a kind in the plural (or
with a number) and wants its members. An abstract states the members once, in a series ("across several board games
(Chess, Chess960, Connect Four, and Hex)", "including hashing, classification, and ranking models", "along three axes:
(i) ...; (ii) ...", "on social dialogue and web navigation tasks"). The introduction ("We propose X, ...") or a
sentence that only mentions the kind ("is not specific to board games") shares the question's words and outscores
it. A lead that names the asked kind in a series stays; otherwise the same abstract's close sentence that does leads.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.ask.lead import Scored, connective_opener, leans_on_previous, poses_question
from reviewer.roles import Role

_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|\d+)"
# "(On|Along|Across ...) which [three] [kinds of] <plural noun>" / "what three <plural noun>" / "what kinds of <noun>".
# What follows the kind: an auxiliary, a preposition or the end ("Which board games did ...", "which traits of ...");
# "Which method estimates uncertainty" has a verb there, so "method estimates" is no kind.
_AFTER = r"(?=\s+(?:do|does|did|are|were|have|has|had|can|could|would|should|will|is|was|of|in|on|at|for|from|to|that|" \
         r"which|whose)\b|\s*[,?])"
_ASKS_LIST = re.compile(
    r"^(?:[a-z]+\s+)?(?:which\s+(?:" + _COUNT + r"\s+)?(?:(?:kinds|types|sorts|forms)\s+of\s+)?"
    r"(?P<kind>(?:[\w-]+\s+){0,2}?[\w-]+s)" + _AFTER + r"|what\s+" + _COUNT + r"\s+(?:(?:kinds|types|sorts)\s+of\s+)?"
    r"(?P<numbered>(?:[\w-]+\s+){0,2}?[\w-]+s)" + _AFTER + r"|what\s+(?:kinds|types|sorts)\s+of\s+"
    r"(?P<sort>(?:[\w-]+\s+){0,2}?[\w-]+s)" + _AFTER + r")",
    re.IGNORECASE,
)
# Words ending in -s after "which" that are not a plural kind: verbs and determiners ("Which does ...", "which is ...").
_NOT_KIND = frozenset("does is was has this its gives makes uses lets".split())
# "which five kinds of audience preference": the kind is the singular noun after "of", not read here.
_KIND_WORDS = frozenset("kinds types sorts forms".split())
# A series: "A, B(,) and C" of short items; a parenthesised list "(A, B)"; numbered items "(i) ... (ii)", "(1)";
# "both A and B"; a colon opening the members ("two paradigms: A, where ..., and B").
_ITEM = r"[\w\-/&.+'()]+(?:\s+[\w\-/&.+'()]+){0,4}"
_SERIES = re.compile(_ITEM + r",\s+" + _ITEM + r",?\s+(?:and|or)\s+\w", re.IGNORECASE)
_MARKED = re.compile(r"\((?:e\.g\.,?\s*|i\.e\.,?\s*)?[^()]{2,60},\s*[^()]{2,60}\)|\((?:i{1,3}|iv|\d|a|b)\)|"
                     r"\b(?:both|either)\s+\w+(?:\s+\w+){0,6}\s+(?:and|or)\s+\w|:\s+\w[^.]*\b(?:and|or)\b", re.IGNORECASE)
# How far down the order and how low a score (share of the lead's) the listing sentence may sit.
LIST_REACH = 16
LIST_SHARE = 0.3


def asked_kind(question: str) -> str:
    """The plural kind whose members the question asks for ("board games", "tasks", "reward models"), else ''."""
    m = _ASKS_LIST.match(question.strip())
    if not m:
        return ""
    kind = m.group("kind") or m.group("numbered") or m.group("sort") or ""
    last = kind.split()[-1].lower() if kind else ""
    if not last or last in _NOT_KIND or last in _KIND_WORDS or last.endswith(("ss", "ous", "is", "us")):
        return ""
    return kind


def _kind_stems(kind: str, stems: Callable[[str], list[str]]) -> set[str]:
    """The kind's head noun as stems; its modifiers when the head is a generic word ("reward models" -> reward)."""
    words = kind.split()
    return set(stems(words[-1])) or set(stems(kind))


def lists_kind(text: str, kind: str, stems: Callable[[str], list[str]]) -> bool:
    """Does the sentence name the asked kind and list members: a series, or two members before the kind ("on social
    dialogue and web navigation tasks")?"""
    if not kind or not _kind_stems(kind, stems) & set(stems(text)):
        return False
    if _SERIES.search(text) or _MARKED.search(text):
        return True
    head = re.escape(kind.split()[-1])
    return bool(re.search(r"[\w-]+(?:\s+[\w-]+)?\s+(?:and|or)\s+[\w-]+(?:\s+[\w-]+)?\s+" + head + r"\b", text,
                          re.IGNORECASE))


def list_first(out: list[Scored], question: str, stems: Callable[[str], list[str]]) -> list[Scored]:
    """For a question asking for the members of a kind, a lead that does not list them yields to the first of the same
    abstract's next LIST_REACH candidates that does, scores at least LIST_SHARE of it, is not background and stands
    alone."""
    kind = asked_kind(question)
    if not out or not kind or lists_kind(out[0].ev.text, kind, stems):
        return out
    lead = out[0]
    for i, x in enumerate(out[1:LIST_REACH], start=1):
        t = x.ev.text
        if (x.ev.paper_id == lead.ev.paper_id and x.role != Role.BACKGROUND and x.score >= LIST_SHARE * lead.score
                and lists_kind(t, kind, stems) and not connective_opener(t)
                and not leans_on_previous(t, x.antecedent) and not poses_question(t)):
            return [x, *out[:i], *out[i + 1:]]
    return out
