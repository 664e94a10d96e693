"""Quantifiers read with the noun phrase they bind: 'all mainstream models' against 'most mainstream models'.

Why: the combiner's quantifier signal (`families.quantifier_conflict`) compares the classes of quantifier
anywhere in the two sentences and counts only outright clashes (all vs none, most vs few), so a claim that
turns the evidence's 'most X' into 'all X' (or 'none of X' into 'some X') passes. Bound to the same noun phrase,
any change of class between a universal, a majority, a some and a none is a different statement of how many.
"""

from __future__ import annotations

import re

from reviewer.models import EvidenceSentence
from reviewer.textutil import content_stems

_CLASS = {"all": "univ", "every": "univ", "each": "univ", "none": "neg", "no": "neg",
          "most": "many", "majority": "many", "many": "many", "several": "some", "some": "some", "few": "few",
          "minority": "few"}
_Q = re.compile(r"\b(?:(?P<a>a\s+few)|(?:the\s+|a\s+)?(?P<q>all|every|each|none|no|most|majority|many|several|some|few|"
                r"minority))\b(?:\s+of)?(?:\s+(?:the|these|those|its|their))?\s+(?P<head>[^,;.()]{3,60})", re.IGNORECASE)
# (claim class, evidence class) pairs that cannot both hold of one noun phrase
_CONFLICT = {("univ", "many"), ("univ", "some"), ("univ", "few"), ("univ", "neg"), ("neg", "univ"), ("neg", "many"),
             ("neg", "some"), ("many", "few"), ("many", "neg"), ("few", "many"), ("few", "univ")}


def _bound(text: str) -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for m in _Q.finditer(text):
        cls = "some" if m.group("a") else _CLASS[m.group("q").lower()]
        head = tuple(content_stems(m.group("head"))[:3])
        if len(head) >= 2:
            out.append((cls, head))
    return out


def quantity_changed(claim: str, sentence: str) -> str:
    """The head words of a noun phrase the claim quantifies one way and the sentence another, or ''."""
    theirs = _bound(sentence)
    for cls, head in _bound(claim):
        for other, their_head in theirs:
            if (cls, other) in _CONFLICT and head[:2] == their_head[:2]:
                return " ".join(head)
    return ""


_NAME = r"[A-Za-z][\w.\-@]*[A-Z0-9][\w.\-@]*|[A-Z][\w.\-@]+"
_ONLY = re.compile(rf"\b(?:only|solely|exclusively)\s+(?:(?:on|in|with|by|for|to|using)\s+)?(?:the\s+)?({_NAME})"
                   rf"|\b({_NAME})\s+alone\b")
_LIST_TOKEN = re.compile(r"[\w.\-@]+|[,;()]")
_SEPARATORS = frozenset({",", "and", "or", "the", "as", "well", "including", "such"})


def _named(tok: str) -> bool:
    return bool(re.fullmatch(_NAME, tok)) and (tok[:1].isupper() or any(c.isdigit() for c in tok))


def _listed_with(sentence: str, name: str) -> list[str]:
    """The other names in the list the sentence names `name` in ('RewardBench ..., WildGuardTest, and GSM8k')."""
    toks = [t.rstrip(".") or t for t in _LIST_TOKEN.findall(sentence)]
    out: list[str] = []
    for i, t in enumerate(toks):
        if t.lower() != name.lower():
            continue
        for step in (-1, 1):
            j, gap = i + step, 0
            while 0 <= j < len(toks) and gap <= 6 and toks[j] not in (";", "."):
                if toks[j] in ("(", ")"):  # an aside describing the item: skip it whole
                    j += step
                    while 0 <= j < len(toks) and toks[j] not in ("(", ")"):
                        j += step
                elif _named(toks[j]) and toks[j].lower() != name.lower():  # within three words of a separator
                    out.append(toks[j])
                    gap = 0
                elif toks[j].lower() in _SEPARATORS:
                    gap = 0
                else:
                    gap += 1
                    if gap > 3:
                        break
                j += step
    return out


def exclusive_denied(claim: str, sentence: str) -> str:
    """A name the claim restricts to ('only on RewardBench', 'RewardBench alone') that the sentence lists beside
    other names the claim does not mention; '' when none."""
    low = claim.lower()
    for m in _ONLY.finditer(claim):
        name = (m.group(1) or m.group(2)).rstrip(".")
        if not _named(name):
            continue
        others = [o for o in _listed_with(sentence, name) if o.lower() not in low]
        if len(others) >= 2:
            return name
    return ""


_SOME = re.compile(r"\b(?:some|sometimes|occasionally|certain|partially|partly|in some cases|a few|in (?:many|most) "
                   r"cases|often|usually|typically|frequently)\b", re.IGNORECASE)  # 'always' vs 'in many cases' too


def only_some(absolute: list[str], order: list[int], items: list[EvidenceSentence]) -> str:
    """The claim's universal ('every', 'always') where the best-aligned sentence says 'some' / 'sometimes'."""
    if not order or not any(w.lower() in ("every", "always") for w in absolute):
        return ""
    best = items[order[0]]
    return f"sentence {best.index} of {best.key}" if _SOME.search(best.text) else ""
