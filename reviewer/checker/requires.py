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


def requirement_denied(claim: str, sentence: str) -> bool:
    """The claim says something is required that the sentence says is done without ('X-free', 'without X')."""
    m = _REQUIRE.search(claim)
    if m is None or _negated(claim[: m.end()]) or _OTHER_WORK.search(claim) or _FREE.search(claim) or \
            _WITHOUT.search(claim):
        return False  # the claim itself does without something ('eliminating the need for ...')
    wanted = content_stems(m.group("x"))[:2]
    if not wanted or _REQUIRE.search(sentence):
        return False  # 'unlike methods that require X, ours is X-free': whose requirement is unclear
    denied = {s for f in _FREE.finditer(sentence) for s in content_stems(f.group("x"))}
    denied |= {s for w in _WITHOUT.finditer(sentence) for s in content_stems(w.group("x"))[:2]}
    return bool(denied & set(wanted))


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
