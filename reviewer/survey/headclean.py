"""Keep a theme title from gluing a non-noun-phrase topic head, or any head, on with 'and'.

A topic worded as a question or a clause ('how LLMs handle languages other than English', 'models that think
about what happens ...') leaves a 'head' that is no noun phrase ('handle languages other', 'think about'); a title
built on it ('LLM evaluators and handle languages other') is ungrammatical. Such a head is cut back to the noun
phrase it opens with, or dropped, so that nothing is glued. And '<label> and <the survey's head>' says nothing of
what separates a theme: a candidate label of 3-8 words true of every paper of the theme is preferred to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Fits = Callable[[str], bool]

# Verbs in their base form, which a question or a relative clause puts after its subject ('LLMs handle ...',
# 'models that think about ...'); none is used as a noun in a topic's head.
_BASE_VERBS = frozenset("""handle think hurt help hold solve browse retrieve spot fix choose discuss mislead portray
    affect serve argue spend get teach produce pick go come know see say want need happen mean matter behave respond
    perform fail succeed differ vary depend rely write call reach pursue exploit cause lead become remain seem tend
    try keep let give take put bring find tell ask show""".split())
# Words that cannot end a noun phrase: the phrase was cut inside a clause ('signal about', 'languages other').
_DANGLING = frozenset("""a an the of for in on with and or to via by from as at about other another such
    into onto over under between among than whether that which who whom whose what when where why how
    their its his her our your my some any each every both either neither""".split())
# Head nouns that only relate to something else ('variants of GRPO', 'new ways to measure'): no subject alone.
_RELATIONAL = frozenset("""way ways variant variants change changes kind kinds type types form forms aspect aspects
    version versions thing things""".split())

_ADJECTIVES = frozenset("easy hard simple difficult multilingual new different better more less".split())


def noun_phrase_head(head: str) -> str:
    """The topic head when it is a noun phrase; cut back before a verb or a second subject; else ''."""
    words = head.split()
    for i, word in enumerate(words):
        low = word.lower()
        # 'human values AI systems' (from 'which human values AI systems should be aligned to'): a plural noun
        # followed by an acronym opens a clause about the acronym.
        second_subject = i > 0 and re.fullmatch(r"[A-Z]{2,}s?", word) and words[i - 1].islower() and \
            words[i - 1].endswith("s") and not words[i - 1].endswith(("ss", "us", "is"))
        if low in _BASE_VERBS or second_subject:
            words = words[:i]
            break
    if not words or words[-1].lower() in _DANGLING or words[-1].lower() in _RELATIONAL:
        return ""
    if len(words) == 1 and words[0].lower() in _ADJECTIVES:  # 'easy' (from 'from easy to hard'): no noun at all
        return ""
    return " ".join(words)


def glues_head(title: str, head: str) -> bool:
    """'RL algorithms and reward design' with the head 'reward design': the part after 'and' is the head."""
    parts = re.split(r"\s+and\s+", title.strip())
    return bool(head) and len(parts) == 2 and parts[1].lower() == head.lower()


def unglued(title: str, head: str, candidates: list[str], fits_all: Fits | None) -> str:
    """`title`, or, when it is '<label> and <head>', the first candidate label of 3-8 words that every paper of
    the theme uses (`fits_all`, fit.fits over the theme's papers)."""
    if fits_all is None or not glues_head(title, head):
        return title
    for cand in candidates:
        words = cand.split()
        if 3 <= len(words) <= 8 and " and " not in cand and words[-1].lower() not in _DANGLING and fits_all(cand):
            return cand[:1].upper() + cand[1:]
    return title


def fits_every(titles_bodies: list[tuple[str, str]], ignore: set[str]) -> Fits:
    """Whether a title is true of every one of these papers (title, abstract), by fit.fits."""
    from reviewer.models import Paper
    from reviewer.survey.fit import fits  # fit.py imports the title modules, which import this one

    papers = [Paper(id=str(n), key=str(n), title=t, abstract=b) for n, (t, b) in enumerate(titles_bodies)]
    return lambda title: all(fits(title, p, ignore) for p in papers)
