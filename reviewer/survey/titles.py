"""Theme titles that describe the section: supported by most of its papers, cased as the abstracts write them.

A label picked for its distinctiveness can come from one paper's phrase while the section's other papers
are about something else; a reader then takes the title as the section's claim about all of them. So
each part of a title ("X and Y") is kept only when at least half of the theme's papers (and at least two)
mention it; otherwise the phrase that most of them share names the theme, and when none is shared a
plain descriptive title ("Further work on PRMs") is used rather than a misleading one.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from reviewer.survey.terms import PhraseStats, norm_stems, title_case
from reviewer.survey.themes import GENERIC_THEME_WORDS, ThemeDoc, _bare, _nameable, theme_title
from reviewer.textutil import content_stems

_WORD = re.compile(r"[A-Za-z][\w-]*")
NAME_SHARE = 5  # a name is capitalised at least five times as often as not


def needed_support(n_members: int) -> int:
    """Papers that must mention a title phrase: half the theme, and at least two when it has two."""
    return max(min(2, n_members), math.ceil(n_members / 2))


def _stems(text: str) -> set[str]:
    return set(norm_stems(content_stems(text)))


def support(phrase: str, texts: list[set[str]], ignore: set[str]) -> int:
    """How many of the theme's papers use every content word of `phrase` (the topic's own words aside)."""
    words = _stems(phrase) - ignore
    if not words:
        return len(texts)
    return sum(1 for t in texts if words <= t)


def names_something(phrase: str, ignore: set[str]) -> bool:
    """A title part must add words beyond the topic's own ('Reward modeling' in a reward-model survey says
    nothing about one section) and read as a noun phrase, not an adverb or participle ('Primarily focused')."""
    words = phrase.split()
    if not words or not _stems(phrase) - ignore:
        return False
    return not words[0].lower().endswith("ly") and not re.search(r"(?:ed|ly)$", words[-1].lower())


def _shared_phrase(stats: PhraseStats, members: list[int], exclude: set[str], need: int, taken: set[str],
                   titled: set[str]) -> str:
    """The most distinctive multi-word phrase that at least `need` of the members share, or ''."""
    for p in stats.distinctive(members, exclude=exclude, top=40, prefer=titled):
        words = p.stems.split()
        if len(words) < 2 or p.stems in taken or stats.local_df(members, p.stems) < need:
            continue
        if not _nameable(p.surface, p.stems, exclude) or all(w in GENERIC_THEME_WORDS for w in p.surface.lower().split()) \
                or not names_something(p.surface, exclude):
            continue
        return title_case(p.surface)
    return ""


def supported_title(
    raw: str,
    terms: list[str],
    members: list[int],
    docs: list[ThemeDoc],
    stats: PhraseStats,
    head: str,
    exclude: set[str],
    taken: set[str],
) -> str:
    """The theme's title built only from phrases most of its papers share (see the module docstring)."""
    texts = [_stems(f"{docs[i].title}. {docs[i].body}") for i in members]
    ignore = exclude | _stems(head)
    need = needed_support(len(members))
    parts = [p for p in raw.split(" and ") if p.strip()] if raw else []
    kept = [p.strip() for p in parts if not _bare(p) and names_something(p, ignore) and support(p, texts, ignore) >= need]
    good_terms = [t for t in terms if names_something(t, ignore) and support(t, texts, ignore) >= need]
    if kept:
        raw = " and ".join([kept[0][:1].upper() + kept[0][1:]] + kept[1:])
    else:
        titled = {s for i in members for s in stats.doc_phrases[i]}
        raw = _shared_phrase(stats, members, exclude, need, taken, titled)
    if not raw:
        return theme_title("", head, [])
    return theme_title(raw, head, good_terms)


def shared_terms(terms: list[str], members: list[int], docs: list[ThemeDoc], exclude: set[str]) -> list[str]:
    """The theme's phrases that two or more of its papers use: what a scope line may say they share."""
    texts = [_stems(f"{docs[i].title}. {docs[i].body}") for i in members]
    need = min(2, len(members))
    return [t for t in terms if _stems(t) - exclude and support(t, texts, exclude) >= need]


def restore_case(title: str, bodies: list[str]) -> str:
    """Write a word as the abstracts do when they capitalise it mid-sentence ('monte carlo' -> 'Monte Carlo').

    Only names: a word the abstracts also write in lower case ('optimization', next to 'Policy Optimization'
    inside method names) stays lower case.
    """
    counts: Counter[str] = Counter()
    for body in bodies:
        for m in _WORD.finditer(body):
            start = m.start()
            before = body[max(0, start - 2):start]
            if start == 0 or before.rstrip().endswith((".", "!", "?", ":")):
                continue  # a sentence's first word is capitalised anyway
            counts[m.group(0)] += 1
    out = []
    for i, word in enumerate(title.split()):
        if i > 0 and word.isalpha() and word.islower():
            upper = word[:1].upper() + word[1:]
            if counts[upper] >= 2 and counts[upper] >= NAME_SHARE * counts[word]:
                word = upper
        out.append(word)
    return " ".join(out)
