"""A proper noun the question names in passing (a language, a place, a company: "reason well in Irish") is as
specific as a method's name: a paper that never writes it is about something else, however close its sentences.

`analyse` collects names of systems and methods (inner capitals, digits, acronyms, hyphenated names); a plain
capitalised word in the middle of a question escapes it. Papers that write every such word come first among close
candidates, when at least one candidate paper does (otherwise the word says nothing about which paper answers).
"""

from __future__ import annotations

import re

from reviewer.models import Paper

# How far a paper that does not write the question's proper noun falls behind in the order of candidate sentences:
# more than the title term (TITLE_WEIGHT times a similarity), less than a whole paper's relevance.
PROPER_WEIGHT = 0.15
_WORD = re.compile(r"[\w'-]+|[.?!;:]")
_CAPITALISED = re.compile(r"[A-Z][a-z]{2,}")


def proper_words(question: str, names: list[str]) -> list[str]:
    """The question's stand-alone proper nouns that are not already among its names: a capitalised word not at the
    start of the question or of a clause, not hyphenated ("Step-DPO") and not in a run of capitalised words
    ("Monte Carlo Tree Search"), which name a method and are matched as names."""
    tokens = _WORD.findall(question)
    found: list[str] = []
    for i, w in enumerate(tokens):
        if i == 0 or not _CAPITALISED.fullmatch(w) or tokens[i - 1] in ".?!;:":
            continue
        if _CAPITALISED.match(tokens[i - 1]) or i + 1 < len(tokens) and _CAPITALISED.match(tokens[i + 1]):
            continue
        if not any(w in n for n in names):
            found.append(w)
    return list(dict.fromkeys(found))


def proper_order(question: str, names: list[str], papers: list[Paper]) -> dict[str, float]:
    """-PROPER_WEIGHT for each paper whose title and abstract miss one of the question's proper nouns, when some
    paper writes them all; {} otherwise."""
    words = proper_words(question, names)
    if not words:
        return {}
    has = {p.id: all(re.search(rf"\b{w}\b", f"{p.title} {p.abstract}") for w in words) for p in papers}
    if not any(has.values()):
        return {}
    return {pid: -PROPER_WEIGHT for pid, ok in has.items() if not ok}


# A link: its path often spells the method's name (".../LengSicong/MMR1"), which is not the abstract using the name.
_LINK = re.compile(r"https?://\S+|\b[\w.-]+\.(?:com|io|org|ai|net|dev)/\S*", re.IGNORECASE)


def prose(abstract: str) -> str:
    """The abstract without its links: where it names things in its own words."""
    return _LINK.sub(" ", abstract)
