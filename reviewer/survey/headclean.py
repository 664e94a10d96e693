"""Keep a theme title from gluing on a topic 'head' that is no noun phrase.

A topic worded as a question or a clause ('how LLMs handle languages other than English', 'models that think
about what happens ...') leaves a 'head' that is no noun phrase ('handle languages other', 'think about'); a title
built on it ('LLM evaluators and handle languages other') is ungrammatical. Such a head is cut back to the noun
phrase it opens with, or dropped, so that nothing is glued.
"""

from __future__ import annotations

import re

# Verbs in their base form, which a question or a relative clause puts after its subject ('LLMs handle ...',
# 'models that think about ...'); none is used as a noun in a topic's head.
_BASE_VERBS = frozenset("""handle think hurt help hold solve browse retrieve spot fix choose discuss mislead portray
    affect serve argue spend get teach produce pick go come know see say want need happen mean matter behave respond
    perform fail succeed differ vary depend rely write reach pursue exploit cause lead become remain seem tend
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

