"""Negation carried by a requirement or a prevention rather than by 'not'.

Why: 'a training-free procedure' denies 'the approach requires training'; 'prevents policy entropy from dropping
sharply' denies 'makes policy entropy drop sharply'. Neither sentence holds a negator next to the shared words,
so the negation readers (`negation.py`, `stance.py`) see agreement. The cues are closed classes: verbs of
requirement ('requires', 'needs', 'relies on'), their denials ('X-free', 'without (requiring) X', 'no need for X',
'free of X'), and verbs of prevention with 'from' ('prevents / stops / keeps / protects X from V-ing').
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems, stemmer, words

_REQUIRE = re.compile(r"\b(?:requir(?:e|es|ed|ing)|(?<!the\s)needs?|needed|rel(?:y|ies|ied)\s+on|depends?\s+on)\s+(?P<x>[^,;.]{2,80})",
                      re.IGNORECASE)
_FREE = re.compile(r"\b(?P<x>[A-Za-z]+)-free\b", re.IGNORECASE)
_WITHOUT = re.compile(r"\b(?:without|no\s+need\s+for|free\s+(?:of|from)|(?:eliminat|remov)\w*\s+the\s+need\s+for|"
                      r"(?:does|do|did)\s+not\s+(?:require|need|rely\s+on))\s+(?:(?:requiring|needing|relying\s+on|any|"
                      r"the|additional|extra|further)\s+)*(?P<x>[^,;.]{2,60})", re.IGNORECASE)
_DENIED = frozenset("not no never without cannot nor free".split())
_OTHER_WORK = re.compile(r"\b(?:prior|existing|previous|conventional|traditional|current|earlier|standard|typical|baselines?|other)\b",
                         re.IGNORECASE)
_PREVENT = re.compile(r"\b(?:prevent|stop|keep|protect|shield|bar|discourag|prohibit)\w*\s+(?P<obj>(?:[\w\-']+\s+){1,5}?)"
                      r"from\s+(?P<v>\w+ing)\b", re.IGNORECASE)
_PREVENT_CUE = re.compile(r"\b(?:prevent|stop|keep|protect|shield|bar|discourag|prohibit|avoid|mitigat|curb|"
                          r"suppress|counteract)\w*", re.IGNORECASE)


def _negated(text: str) -> bool:
    return any(w.lower() in _DENIED or w.lower().endswith("n't") for w in words(text))


_LEAD = re.compile(r"^(?:(?:even|also|requiring|needing|relying\s+on|any|the|additional|extra|further|using)\s+)+",
                   re.IGNORECASE)
_WITH = re.compile(r"\bwith\s+(?:(?:prior|any|full|direct|additional|extra)\s+)*(?P<x>(?:access\s+to|knowledge\s+of)"
                   r"\s+[^,;.]{2,50})", re.IGNORECASE)


def _done_without(sentence: str) -> set[str]:
    """The stems of what the sentence does without: 'X-free', 'without (requiring) X', each alternative of
    'without modifying the model or even requiring logit access' (its first two content words)."""
    denied = {s for f in _FREE.finditer(sentence) for s in content_stems(f.group("x"))}
    for w in _WITHOUT.finditer(sentence):
        for part in re.split(r"\b(?:or|nor)\b", w.group("x")):
            denied |= set(content_stems(_LEAD.sub("", part.strip()))[:2])
    return denied


def _required(sentence: str) -> bool:
    """The sentence states a requirement of its own (not one inside 'without requiring ...')."""
    return bool(_REQUIRE.search(_WITHOUT.sub(" ", sentence)))


def requirement_denied(claim: str, sentence: str) -> bool:
    """The claim says something is required that the sentence says is done without ('X-free', 'without X'), or
    the reverse for access and knowledge ('with access to X' against 'without access to X')."""
    if _access_denied(claim, sentence) or _access_denied(sentence, claim, claim_side=False):
        return True
    m = _REQUIRE.search(claim)
    if m is None or _negated(claim[: m.end()]) or _OTHER_WORK.search(claim) or _FREE.search(claim) or \
            _WITHOUT.search(claim):
        return False  # the claim itself does without something ('eliminating the need for ...')
    # 'depends on additional human annotations' against 'without additional annotations': what is required, past
    # the words that only say 'more of it', as `_done_without` reads it
    wanted = content_stems(_LEAD.sub("", m.group("x").strip()))[:3]
    if not wanted or _required(sentence):
        return False  # 'unlike methods that require X, ours is X-free': whose requirement is unclear
    return bool(_done_without(sentence) & set(wanted))


def _access_denied(one: str, other: str, claim_side: bool = True) -> bool:
    """`one` works with access to (or knowledge of) X and `other` without it: two or more of X's first three
    content words shared. Read both ways; `claim_side` only says which text is the claim (for the other-work cue)."""
    claim = one if claim_side else other
    if _OTHER_WORK.search(_WITH.sub(" ", claim)):
        return False  # (the 'prior' of 'with prior knowledge of X' names no other work)
    for m in _WITH.finditer(one):
        x = set(content_stems(m.group("x"))[:3])
        for w in _WITHOUT.finditer(other):
            if len(x & set(content_stems(w.group("x"))[:4])) >= 2:
                return True
    return False


def prevention_denied(claim: str, sentence: str) -> bool:
    """The claim asserts an event the sentence says is prevented ('makes X drop' vs 'prevents X from dropping')."""
    if _negated(claim) or _PREVENT_CUE.search(claim):
        return False
    have = set(content_stems(claim))
    for m in _PREVENT.finditer(sentence):
        event = stemmer().stemWord(m.group("v").lower())
        obj = set(content_stems(m.group("obj")))
        if event in have and obj and len(obj & have) >= max(1, len(obj) // 2):
            return True
    return False
