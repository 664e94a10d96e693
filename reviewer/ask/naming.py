"""How an abstract names what a question asks about: mentions, subject forms, antecedents, roles.

Kept apart from `select` so the lead and point rules read only what they need.
"""

from __future__ import annotations

import re

from reviewer.ask.define import acronym, term_pattern
from reviewer.ask.question import Question
from reviewer.models import Paper
from reviewer.roles import Role, sentence_roles
from reviewer.textutil import split_sentences

_term_pattern = term_pattern
_acronym = acronym

_PRONOUN = re.compile(r"^(?:They|It)\b")

_HEAD_NOUN = re.compile(r"\s+(?:environment|method|model|framework|algorithm|approach|technique|system|paper|"
                        r"problem|dataset|benchmark|objective|loss|pipeline)s?$", re.IGNORECASE)

_CUT_END = re.compile(r"(?:\s0|\b(?:i|e|e\.g|i\.e|al|vs|cf|approx|resp|Fig|Eq))\.$")
_CUT_START = re.compile(r"^\d+(?:\.\d+)?\s?(?:%|\\%)|^(?:e|g)\.\s")
_FRAGMENT_START = re.compile(r"^[a-z(\[,;:]")
_ENUM_CLOSER = re.compile(r"(?:^|(?<=[\s:;,\-]))(?:\d{1,2}|[a-h]|i{1,3}|iv|vi{0,3})\)")

def is_fragment(text: str) -> bool:
    """A sentence cut in the middle, a question, or too short to stand alone (an enumerator "1)" opens no "(")."""
    t = text.strip()
    if len(t.split()) < 6 or _FRAGMENT_START.match(t) and not re.match(r"^\(\d+\)|^\([ivx]+\)", t):
        return True
    if t.endswith("?") or t.endswith(":") or not re.search(r"[.!]['\")\]]*$", t):
        return True
    # Split inside a number ("achieving a 0." | "54% gain") or an abbreviation ("... hacking, i." | "e. ...").
    if _CUT_END.search(t) or _CUT_START.match(t):
        return True
    return (bare := _ENUM_CLOSER.sub("", t)).count("(") != bare.count(")")




def mentions(text: str, term: str) -> bool:
    """Whether the text names the term (or its acronym, e.g. PRM for process reward model)."""
    pattern = _term_pattern(term)
    if pattern and pattern.search(text):
        return True
    acro = _acronym(term)
    # The acronym alone, not inside a hyphenated system name ("PRM" in "ReasonFlux-PRM" is that system).
    return bool(acro and len(acro) >= 2 and re.search(rf"(?<![\w-]){acro}s?(?![\w-])", text))


def subject_forms(subject: str, aliases: dict[str, list[str]]) -> list[str]:
    """The ways an abstract names the subject: as asked, its spelled-out aliases, and a proper name without
    its generic head noun ("Delethink environment" -> "Delethink", which abstracts use alone)."""
    if not subject:
        return []
    # "outcome reward models (ORMs)": the long name and the acronym are two forms, neither with the brackets.
    inside = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", subject)
    if inside:
        return [*subject_forms(inside.group(1), aliases), *subject_forms(inside.group(2), aliases)]
    forms = [subject, *aliases.get(subject, [])]
    bare = _HEAD_NOUN.sub("", subject)
    if bare != subject and re.search(r"[A-Z]", bare):
        forms.append(bare)
    return forms

DEMONSTRATIVE = re.compile(r"^(?:This|The proposed|Our|The resulting) (?:new |novel |simple )?(?:approach|method|"
                           r"framework|model|technique|algorithm|system|design|pipeline|strategy|paradigm)\b")


def antecedent(text: str, index: int, sentences: list[str], question: Question) -> str:
    """The name 'This approach' stands for: a name from the question, or one introduced as `X, a/an ...`,
    `called X`, or `propose X` in the previous sentence of the same abstract."""
    if index == 0 or index > len(sentences):
        return ""
    previous = sentences[index - 1]
    if _PRONOUN.match(text):
        # "They tend to ..." after a sentence whose grammatical subject is the asked-about term.
        opening = " ".join(previous.split()[:6])
        subject = question.subject
        return subject if subject and mentions(opening, subject) and re.match(
            rf"^(?:The\s+)?{re.escape(subject.split()[0])}", previous, re.IGNORECASE) else ""
    if not DEMONSTRATIVE.match(text):
        return ""
    for name in [question.subject, *question.names]:
        if name and mentions(previous, name):
            return name
    m = re.search(r"\b(?:propose|introduce|present|called|named|termed|dubbed)\s+(?:as\s+)?([A-Z][\w\-]+(?:-[\w]+)*)",
                  previous)
    return m.group(1) if m and len(m.group(1)) > 2 else ""


_PREPOSITION_BEFORE = re.compile(r"\b(?:in|of|for|on|with|from|to|by|at|than|like|under|over|into|via)\s+(?:the\s+)?$",
                                 re.IGNORECASE)


def acts(text: str, term: str) -> bool:
    """The term is the grammatical subject of a present-tense verb: 'CRM maintains two RMs ...'."""
    pattern = _term_pattern(term)
    acro = _acronym(term)
    alts = ([pattern.pattern] if pattern else []) + ([rf"(?<![\w-]){acro}s?(?![\w-])"] if acro else [])
    if not alts:
        return False
    pattern = rf"(?:{'|'.join(alts)})(?:\s*\([^)]*\))?\s+(?:\w+ly\s+)?(?:[a-z]+[^s\W]s|[a-z]+ies)\b"
    # "loss reweighting in DPO acts ...": after a preposition the term is an object, not the subject.
    return any(not _PREPOSITION_BEFORE.search(text[: m.start()]) for m in re.finditer(pattern, text))


def role_map(papers: list[Paper]) -> dict[tuple[str, int], Role]:
    """Each abstract sentence's role, keyed by (paper id, sentence index)."""
    out: dict[tuple[str, int], Role] = {}
    for p in papers:
        sentences = split_sentences(p.abstract)
        for i, role in enumerate(sentence_roles(sentences)):
            out[(p.id, i)] = role
    return out
