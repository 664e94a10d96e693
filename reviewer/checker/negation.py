"""Negation: which words a 'not', 'no' or 'without' denies, and whether claim and sentence differ on them.

Kept short on purpose; a litotes is not a denial: 'without hurting accuracy' keeps the accuracy, 'no
better than a random guess' is 'like a random guess'.
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems

_NEGATOR = re.compile(
    r"\b(?:not|no|never|none|neither|nor|cannot|without|unable|nothing|lacks?|lacking|lacked|"
    r"fail(?:s|ed|ing)?|absence|\w+n't)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:but|while|whereas|although|however|which|that)\b", re.IGNORECASE)
_WIDE_BREAK = re.compile(r"[,;:.]|\b(?:but|while|whereas|although|however|which|that)\b", re.IGNORECASE)
_WIDE = 8  # content words a negator may deny, read only to cancel a flip the other side negates too


def negated_stems(text: str) -> set[str]:
    """Content stems in a negator's scope: the next three content words before a clause break.

    Short on purpose: in 'needs no auxiliary losses to balance load' only the losses are negated.
    """
    return {s for scope in negated_scopes(text) for s in scope}


def negated_scopes(text: str, width: int = 3) -> list[list[str]]:
    """Each negator's scope as its (up to `width`) content stems, in order; a wide scope reads through an
    aside in parentheses ('without requiring distillation from advanced models to obtain CoT (chain-of-thought)
    training data')."""
    out: list[list[str]] = []
    for m in _NEGATOR.finditer(text):
        if m.group().lower() == "not" and _OR_BEFORE.search(text, 0, m.start()):
            continue  # 'accepts them or not' names the alternative, it denies nothing
        window = text[m.end() : m.end() + 80 * (width > 3) + 80]
        scope = (_CLAUSE_BREAK.split(window)[0] if width <= 3 else _WIDE_BREAK.split(window.replace("(", " ")
                                                                                      .replace(")", " "))[0])
        stems = content_stems(scope)[:width]
        if _NOT_A_DENIAL.match(scope) or (stems and stems[0] in _HARM):
            continue  # 'no better than a guess' is 'like a guess'; 'without hurting accuracy' keeps it
        if stems:
            out.append(stems)
    return out


# 'reference-free benchmarking' denies the references, as 'without reference outputs' does; read only to
# cancel a flip ('a training-free method' beside 'training costs' is a name, not a denial to set against)
_FREE = re.compile(r"\b([a-z]+)-free\b", re.IGNORECASE)


# ... and so do 'shielding them from interference', 'protects X from Y', 'avoids Y', 'prevents Y': Y does not happen
_KEPT_FROM = re.compile(r"\b(?:shield|protect|insulat|guard|spar|free)\w*\s+(?:[\w\-]+\s+){0,3}?from\s+([\w\-]+"
                        r"(?:\s+[\w\-]+)?)|\b(?:avoid|prevent)(?:s|ed|ing)?\s+([\w\-]+(?:\s+[\w\-]+)?)", re.IGNORECASE)


# ... and 'instead of sampling paired responses' / 'rather than X': what the text does not do, read only to cancel a
# flip (as a denial of its own it would set 'A rather than B' against every sentence that states B)
_INSTEAD = re.compile(r"\b(?:instead\s+of|rather\s+than)\s+([^,;:.()]+)", re.IGNORECASE)


# ... and a verb that says a thing is missing: 'often miss the complex aspects' is 'often fail to capture' them,
# 'eliminates the need for human involvement' is 'needs no human involvement'; read only to cancel a flip
_LEXICAL_DENIAL = re.compile(r"\b(?:miss(?:es|ed|ing)?|overlook(?:s|ed|ing)?|neglect(?:s|ed|ing)?|omit(?:s|ted|ting)?|"
                             r"(?:eliminat|remov|obviat)(?:e|es|ed|ing)\s+(?:the\s+)?(?:need|requirement)\s+(?:for|of)|"
                             r"devoid\s+of|free\s+of|falls?\s+short\s+of)\s+([^;:.()]+)", re.IGNORECASE)
_OR_BEFORE = re.compile(r"\bor\s+$", re.IGNORECASE)


def _free_stems(text: str) -> set[str]:
    kept = {s for m in _KEPT_FROM.finditer(text) for s in content_stems(m.group(1) or m.group(2))[:1]}
    kept |= {s for m in _LEXICAL_DENIAL.finditer(text) for s in content_stems(m.group(1))[:3]}
    kept |= {s for m in _INSTEAD.finditer(text) for s in content_stems(m.group(1))[:3]}
    return kept | {s for m in _FREE.finditer(text) for s in content_stems(m.group(1))[:1]}


# A negated harm is a kept quality ('without hurting/sacrificing accuracy', 'no loss in accuracy').
_HARM = frozenset("hurt harm degrad sacrific compromis lose loss lost drop impair damag diminish reduc "
                  "decreas declin deterior".split())
# ... and 'not only X but also Y' asserts X: an additive, not a denial.
_NOT_A_DENIAL = re.compile(r"\s*(?:(?:\w+er|more|less|worse|better)\s+than|only|just|merely|simply)\b", re.IGNORECASE)


def negation_flips(claim: str, sentence: str) -> list[str]:
    """Stems negated on one side and stated plainly on the other: 'X does not improve Y' vs 'X improves Y'.

    A side's negated scope must mostly (>= half) reappear un-negated on the other side, so a shared
    subject noun inside an unrelated negation ('no consensus on screening') is not a flip.
    """
    c_stems, s_stems = set(content_stems(claim)), set(content_stems(sentence))
    # a scope led by a compound modifier the other side never states denies something else: 'preferred with a
    # rank-based protocol but not with a rating-based evaluation protocol' says nothing against 'a rank-based protocol'
    c_neg = {x for sc in negated_scopes(claim) if "-" not in sc[0] or sc[0] in s_stems for x in sc}
    s_neg = {x for sc in negated_scopes(sentence) if "-" not in sc[0] or sc[0] in c_stems for x in sc}
    c_free, s_free = _free_stems(claim), _free_stems(sentence)
    c_wide = {x for sc in negated_scopes(claim, _WIDE) for x in sc}
    s_wide = {x for sc in negated_scopes(sentence, _WIDE) for x in sc}
    out: set[str] = set()
    for neg, other, other_neg, free in ((c_neg, s_stems, s_wide, s_free), (s_neg, c_stems, c_wide, c_free)):
        plain = (neg & other) - other_neg
        if neg and len(neg & (other_neg | free)) >= 0.5 * len(neg):
            continue  # the other side denies the same thing ('without reference outputs' vs 'reference-free')
        if neg and len(plain) >= max(1, 0.5 * len(neg)):
            out |= plain
    return sorted(out)
