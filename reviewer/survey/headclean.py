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
# Adjectives a topic puts after its object as the goal ('making long reasoning shorter and cheaper', 'keeping agents
# safe'): after a noun they end no noun phrase, so a title glued on them would dangle ('... reasoning shorter').
_PREDICATIVE = frozenset("""shorter cheaper faster slower smaller larger bigger better worse stronger weaker safer
    simpler easier harder deeper longer higher lower greater leaner short cheap fast slow small safe robust efficient
    honest harmless helpful reliable accurate concise interpretable transparent fair faithful calibrated aligned
    truthful easy hard difficult large long big wide stable scalable consistent diverse secure private compact sparse verifiable trustworthy""".split())


# Endings of nouns and adjectives, which may follow a plural modifier ('human values alignment' is rare but a noun).
_NOUN_SUFFIX = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ing", "ism", "ure", "al", "ics", "ive", "ous",
                "ed", "s", "y")


def _verb_after_subject(words: list[str], i: int) -> bool:
    """'reasoning models waste tokens', 'LLMs infer ...': in a noun phrase the plural noun is the last word, so
    a plain lower-case word right after one (not a function word, no noun or adjective ending) is the verb of
    a clause whose subject the plural ends; the verb list above cannot know every verb."""
    before, word = words[i - 1], words[i]
    plural = (before.islower() and len(before) > 3 and before.endswith("s")
              and not before.endswith(("ss", "us", "is", "ics"))) or re.fullmatch(r"[A-Z]{2,}s", before) is not None
    return i > 0 and plural and word.isalpha() and word.islower() and word not in _DANGLING \
        and word not in _RELATIONAL and not word.endswith(_NOUN_SUFFIX)


MAX_HEAD_WORDS = 5  # as outline.topic_head's chunks: a kind title 'Empirical studies of <head>' stays within 8 words
_ADJ_END = re.compile(r"(?:[a-z]{3,}(?:al|ic|ive|ous|able|ible|ful|less|ent|ant))$")
_NOUN_END = re.compile(r"(?:tion|sion|ment|ness|ity|ing|ance|ence|ship|ism|ure|s)$")


def shared_head(head: str, topic: str) -> str:
    """'parallel' from 'parallel and divergent thinking in ...', 'collaboration between large' from '... between large
    and small models': a head whose last word is a modifier coordinated with another before one noun is cut from that
    noun; the whole coordination is the subject ('parallel and divergent thinking', '... large and small models')."""
    words = head.split()
    if not words or _NOUN_END.search(words[-1].lower()) or not words[-1].islower():
        return head
    # After other words, only an adjective ('large', 'cultural') is cut from its noun; 'reward design' is whole.
    if len(words) > 1 and words[-1] not in _PREDICATIVE | _ADJECTIVES and not _ADJ_END.search(words[-1]):
        return head
    m = re.search(rf"(?<![\w-]){re.escape(head)}\s+(and|or)\s+((?:[A-Za-z][\w-]*\s*){{2,4}})", topic)
    if not m:
        return head
    rest = []
    for word in m.group(2).split():  # the other modifier and the noun phrase it shares, up to a function word
        if word.lower() in _DANGLING:
            break
        rest.append(word)
    # ... when the other conjunct opens with a modifier too ('divergent thinking', 'small models'): 'compute and
    # wall-clock time' joins two nouns, and 'compute' was no modifier.
    if len(rest) < 2 or not (rest[0].lower() in _PREDICATIVE | _ADJECTIVES or _ADJ_END.search(rest[0].lower())):
        return head
    whole = f"{head} {m.group(1)} {' '.join(rest)}"
    # A head is a short phrase (a title glues words onto it): past five words, the coordination alone names it.
    return whole if len(whole.split()) <= MAX_HEAD_WORDS else f"{words[-1]} {m.group(1)} {' '.join(rest)}"


def clause_subject(chunk: str) -> str:
    """'reward models drift during long RL runs' -> 'reward models': a chunk that is a whole clause keeps its
    subject, before the chunk's length or its articles decide anything."""
    words = chunk.split()
    for i in range(1, len(words)):
        if _verb_after_subject(words, i):
            return " ".join(words[:i])
    return chunk


def noun_phrase_head(head: str) -> str:
    """The topic head when it is a noun phrase; cut back before a verb, a second subject or a trailing goal
    adjective; else ''."""
    # 'reasoning into small language models' (a verb's object and goal, from 'distilling reasoning into ...'): no
    # noun phrase; the object names the subject when it is a phrase of its own, else the goal does.
    if " into " in head:
        what, where = head.split(" into ", 1)
        head = what if len(what.split()) >= 2 else where
    words = head.split()
    for i, word in enumerate(words):
        low = word.lower()
        # 'human values AI systems' (from 'which human values AI systems should be aligned to'): a plural noun
        # followed by an acronym opens a clause about the acronym.
        second_subject = i > 0 and re.fullmatch(r"[A-Z]{2,}s?", word) and words[i - 1].islower() and \
            words[i - 1].endswith("s") and not words[i - 1].endswith(("ss", "us", "is"))
        if low in _BASE_VERBS or second_subject or _verb_after_subject(words, i):
            words = words[:i]
            break
    # 'long chain-of-thought reasoning shorter' (from 'making ... shorter and cheaper'): the goal is no part of the subject.
    while len(words) >= 2 and words[-1].lower() in _PREDICATIVE:
        words = words[:-2] if len(words) >= 3 and words[-2].lower() in {"more", "less"} else words[:-1]
    if not words or words[-1].lower() in _DANGLING or words[-1].lower() in _RELATIONAL:
        return ""
    if len(words) == 1 and words[0].lower() in _ADJECTIVES | _PREDICATIVE:  # 'easy' (from 'from easy to hard'): no noun at all
        return ""
    return " ".join(words)

