"""Signals for the contradiction families that lexical overlap cannot see.

A claim can share almost every word with an abstract sentence and still say the opposite: two
arguments of a comparison swapped ("A outperforms B" vs "B outperforms A"), a quantifier flipped
("all" vs "none"), one entity of the abstract put in place of another, a rank changed ("top-1" vs
"top-5"), or a hedge turned into a certainty ("may improve" vs "guarantees"). Each function compares a
claim with one sentence; `features.compute_features` applies them to the best-aligned sentences.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from reviewer.evidence import content_stems

_COMPARE = re.compile(r"\b(outperform(?:s|ed)?|surpass(?:es|ed)?|beats?|exceed(?:s|ed)?|"
                      r"(?:is|are) (?:better|faster|stronger|more accurate) than)\s+", re.IGNORECASE)
_ARG_STOP = re.compile(r"[,;:()]|\s(?:by|on|in|across|while|with|at|and|for|under|when|using|without|"
                       r"which|that|as|through|to|over)\s|\.$")
_BAD_SUBJECT = re.compile(r"[()]|\b(?:or|they|we|it|which|that)\b", re.IGNORECASE)
THAN = re.compile(r"\b((?:\w+er|more \w+|less \w+) (?:in|among|for|with|on|at) )([^,;()]{2,40}?)"
                  r"( than (?:in|among|for|with|on|at) )([^,;()]{2,40}?)(?=[,;.]|$| \w+ly\b| and\b)")


def comparison_args(s: str) -> tuple[tuple[int, int], re.Match[str], tuple[int, int]] | None:
    """Spans of A and B in 'A outperforms B' (A: up to 5 words after the last clause break)."""
    m = _COMPARE.search(s)
    if not m:
        return None
    left = s[: m.start()].rstrip()
    cut = max(left.rfind(","), left.rfind(";"), left.rfind(":"), left.rfind("("))
    a_words = left[cut + 1 :].split()
    if not a_words or len(a_words) > 5 or _BAD_SUBJECT.search(" ".join(a_words)):
        return None
    a_start = len(left) - len(" ".join(a_words))
    rest = s[m.end() :]
    stop = _ARG_STOP.search(rest)
    b_text = rest[: stop.start()] if stop else rest.rstrip(".")
    if not b_text.strip() or len(b_text.split()) > 6 or "(" in b_text or ")" in b_text:
        return None
    return (a_start, len(left)), m, (m.end(), m.end() + len(b_text.rstrip()))


def _pair(s: str) -> tuple[set[str], set[str]] | None:
    than = THAN.search(s)
    if than:
        return set(content_stems(than.group(2))), set(content_stems(than.group(4)))
    found = comparison_args(s)
    if not found:
        return None
    (a0, a1), _, (b0, b1) = found
    return set(content_stems(s[a0:a1])), set(content_stems(s[b0:b1]))


def _same(x: set[str], y: set[str]) -> bool:
    return bool(x and y) and len(x & y) / min(len(x), len(y)) >= 0.5


def comparison_reversed(claim: str, sentence: str) -> bool:
    """Both compare the same two things, in opposite order."""
    c, s = _pair(claim), _pair(sentence)
    if not c or not s:
        return False
    return _same(c[0], s[1]) and _same(c[1], s[0]) and not (_same(c[0], s[0]) and _same(c[1], s[1]))


# Quantifier classes and the pairs that cannot both be true of the same statement.
_QUANT = {
    "all": "univ", "every": "univ", "always": "univ", "consistently": "univ", "universally": "univ",
    "both": "univ", "none": "neg", "no": "neg", "never": "neg", "neither": "neg", "rarely": "few",
    "most": "many", "many": "many", "majority": "many", "few": "few", "several": "some", "some": "some",
    "any": "some",
}
_CLASH = {("univ", "neg"), ("neg", "univ"), ("neg", "some"), ("some", "neg"), ("many", "few"),
          ("few", "many"), ("univ", "few"), ("few", "univ"), ("neg", "many"), ("many", "neg")}


def _quantifiers(text: str) -> set[str]:
    return {_QUANT[w] for w in re.findall(r"[a-z]+", text.lower()) if w in _QUANT}


def quantifier_conflict(claim: str, sentence: str) -> bool:
    """The claim uses a quantifier class the sentence lacks, clashing with one only the sentence uses."""
    c, s = _quantifiers(claim), _quantifiers(sentence)
    return any((a, b) in _CLASH for a in c - s for b in s - c)


_RANK = re.compile(r"\b(top|pass@|rank|hits@|recall@)[\s-]?(\d+)\b", re.IGNORECASE)


def rank_conflict(claim: str, sentence: str) -> list[tuple[str, str]]:
    """'top-1' in the claim where the sentence only says 'top-5' (same measure, other cut-off)."""
    ev: dict[str, set[str]] = {}
    for m in _RANK.finditer(sentence):
        ev.setdefault(m.group(1).lower(), set()).add(m.group(2))
    out = []
    for m in _RANK.finditer(claim):
        have = ev.get(m.group(1).lower())
        if have and m.group(2) not in have:
            out.append((m.group(0), f"{m.group(1)}-{sorted(have)[0]}"))
    return out


_CERTAIN = re.compile(r"\b(?:guarantee[sd]?|prove[sn]?|proving|always|certainly|definitely|invariably|"
                      r"definitive|undoubtedly|conclusively|will always|must)\b", re.IGNORECASE)
_HEDGE = re.compile(r"\b(?:may|might|could|can|suggests?|suggesting|suggested|potentially|likely|possibly|"
                    r"indicates?|indicating|promising|helps?|appears?|seems?|perhaps|partially)\b", re.IGNORECASE)


def hedge_strengthened(claim: str, sentence: str) -> bool:
    """The claim states with certainty what the sentence only hedges."""
    new_certain = {w.lower() for w in _CERTAIN.findall(claim)} - {w.lower() for w in _CERTAIN.findall(sentence)}
    lost_hedge = {w.lower() for w in _HEDGE.findall(sentence)} - {w.lower() for w in _HEDGE.findall(claim)}
    return bool(new_certain and lost_hedge)


def entity_swapped(claim: str, sentence: str, other_text: str, terms: set[str], sentence_terms: set[str]) -> bool:
    """The claim is the sentence with one named term replaced, in place, by another term of the abstract.

    `terms`/`sentence_terms` are the (lower-cased) named terms of claim and sentence; `other_text` is
    the rest of the abstract: the new term must occur there (a term from nowhere is merely unsupported).
    """
    extra = terms - sentence_terms
    lost = sentence_terms - terms
    if len(extra) != 1 or not lost:
        return False
    term = next(iter(extra))
    if term not in other_text.lower():
        return False
    cw = [w.strip(".,;:()") for w in claim.lower().split()]
    sw = [w.strip(".,;:()") for w in sentence.lower().split()]
    ops = [op for op in SequenceMatcher(None, cw, sw, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(ops) != 1 or ops[0][0] != "replace":
        return False
    _, i1, i2, j1, j2 = ops[0]
    new, old = " ".join(cw[i1:i2]), " ".join(sw[j1:j2])
    return term in new and any(t in old for t in lost) and i2 - i1 <= len(term.split()) + 2
