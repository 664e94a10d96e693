"""One name per thing before arguments are compared: the paper's own method and its abbreviations.

An abstract calls its method "our approach", "the proposed framework" or "this method" where a claim names it
("GRPO outperforms AnytimeReasoner" against "our method consistently outperforms GRPO"), and it defines an
abbreviation once ("Group Relative Policy Optimization (GRPO)") that a claim may spell out or shorten. The
comparison and slot readers match arguments by their words, so a reversed comparison whose arguments are named
differently on the two sides goes unseen. Here both sides are rewritten to one spelling: every self-reference
of a sentence becomes the method's name (the survey's `method_name`, else the name set beside the contribution's
noun, else its descriptive phrase), and every long form becomes its abbreviation. Cheap: one pass per abstract
(cached) and a few regex substitutions per claim.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reviewer.models import EvidenceSentence, Paper

_KIND = r"(?:method|approach|framework|model|system|algorithm|technique|pipeline|agent|policy)"
# 'our method', 'the proposed framework', 'this approach' (not 'the model': often the model being trained).
_SELF_REF = re.compile(rf"\b(?:our|the proposed|this)\s+(?:(?:new|novel|proposed|overall)\s+)?{_KIND}\b(?!\s*\()",
                       re.IGNORECASE)
_DEFINED = re.compile(r"((?:[A-Za-z][\w'-]*\s+){1,8})\(([A-Z][A-Za-z0-9-]{1,14})\)")


def _letters(word: str) -> str:
    return "".join(p[0] for p in re.split(r"[-\s]+", word) if p)


def _long_form(words: list[str], abbr: str) -> str:
    """The shortest run of the last words whose initials spell `abbr` (its capitals, or all its letters)."""
    keys = {abbr.lower().rstrip("s"), "".join(c for c in abbr if c.isupper() or c.isdigit()).lower()}
    keys.discard("")
    for k in range(1, min(len(words), 8) + 1):
        tail = words[-k:]
        initials = {"".join(w[0] for w in tail).lower(), "".join(_letters(w) for w in tail).lower()}
        if len(keys) and initials & keys and (k > 1 or "-" in tail[0]):
            return " ".join(tail)
    for k in (2, 3):  # 'Majority Voting (Maj)': a capitalised run the abbreviation's letters abbreviate in order
        tail = words[-k:]
        if len(tail) == k and all(w[:1].isupper() for w in tail) and _in_order(abbr.lower(), "".join(tail).lower()):
            return " ".join(tail)
    return ""


def _in_order(letters: str, text: str) -> bool:
    """`letters` is `text`'s first letter followed by a subsequence of the rest."""
    if not letters or not text or letters[0] != text[0]:
        return False
    rest = iter(text[1:])
    return all(c in rest for c in letters[1:])


@lru_cache(maxsize=2048)
def abbreviations(abstract: str) -> tuple[tuple[str, str], ...]:
    """(long form, abbreviation) pairs the abstract defines, longest long form first."""
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(abstract):
        long = _long_form(m.group(1).split(), m.group(2))
        if long and long.lower() != m.group(2).lower():
            out.setdefault(long, m.group(2))
    return tuple(sorted(out.items(), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=2048)
def own_name(title: str, abstract: str) -> str:
    """The name of the paper's own method, or its descriptive phrase, or ''."""
    from reviewer.survey.names import appositive_name, descriptive_method
    from reviewer.survey.table import contribution_phrase, method_name
    from reviewer.survey.tasks import _CONTRIBUTION

    paper = Paper(id="p", key="p", title=title, abstract=abstract)
    if name := method_name(paper):
        return name
    for m in _CONTRIBUTION.finditer(abstract):
        if a := appositive_name(m.group("obj")):  # 'a novel framework, AnytimeReasoner, to ...'
            return a
    return descriptive_method(contribution_phrase(paper))


def shorten(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """Every defined long form as its abbreviation ('Group Relative Policy Optimization (GRPO)' -> 'GRPO')."""
    for long, abbr in pairs:
        text = re.sub(rf"\b{re.escape(long)}\s*\({re.escape(abbr)}\)", abbr, text, flags=re.IGNORECASE)
        text = re.sub(rf"\b{re.escape(long)}\b", abbr, text, flags=re.IGNORECASE)
    return text


def resolve(sentence: str, name: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """The sentence with the paper's own method named and abbreviations used throughout."""
    text = shorten(sentence, pairs)
    if name:
        text = _SELF_REF.sub(lambda m: name if m.group(0)[0].islower() or not name[:1].islower()
                             else name[:1].upper() + name[1:], text)
    return text


def one_name_per_thing(claim: str, papers: list[Paper], items: list[EvidenceSentence]) -> tuple[list[str], str]:
    """Each evidence sentence resolved against its own paper, and the claim with every cited abstract's
    abbreviations (and, citing one paper, that paper's self-references) spelled the same way."""
    by_id = {p.id: (own_name(p.title, p.abstract), abbreviations(p.abstract)) for p in papers}
    texts = [resolve(x.text, *by_id[x.paper_id]) if x.paper_id in by_id else x.text for x in items]
    pairs = tuple(pair for _, ps in by_id.values() for pair in ps)
    resolved = shorten(claim, pairs)
    if len(papers) == 1:
        resolved = resolve(resolved, by_id[papers[0].id][0], ())
    return texts, resolved
