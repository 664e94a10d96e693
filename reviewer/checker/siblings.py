"""Two sibling terms exchanged between what each is said of ('trained on math datasets, gains on non-math ones').

A paraphrase that keeps every word but moves 'math' to the clause the abstract says of 'non-math' (and back) shares
the words of the sentence, so overlap calls it faithful. Siblings are one root under two prefixes ('math' /
'non-math', 'intra-sample' / 'inter-sample', 'subset' / 'superset'); each is read with the words of its own clause,
in the claim and in the abstract (a sentence naming one sibling is read whole), and the exchange is called only
when each of the claim's clauses shares more with what the abstract says of the other sibling than of its own.
"""

from __future__ import annotations

import re
from itertools import combinations

from reviewer.textutil import content_stems

_PREFIXES = ("non-", "non", "intra-", "inter-", "intra", "inter", "sub", "super", "low-", "high-", "in-", "out-of-",
             "pre-", "post-", "single-", "multi-")
_TOKEN = re.compile(r"[A-Za-z][\w\-]*[A-Za-z0-9]")
_CLAUSE = re.compile(r"[,;:()]|\b(?:while|whereas|but|although|though)\b", re.IGNORECASE)
_CLAIM_CLAUSE = re.compile(r"[,;:()]|\b(?:and|while|whereas|but|although|though)\b", re.IGNORECASE)  # one sentence
_MARGIN = 3  # stems both clauses together share more with the other sibling's clauses than with their own


def _root(token: str) -> str:
    low = token.lower()
    for p in _PREFIXES:
        if low.startswith(p) and len(low) - len(p) >= 3:
            return low[len(p) :].lstrip("-")
    return low


def _siblings(text: str) -> list[tuple[str, str]]:
    """Pairs of distinct tokens of the text with one root under different prefixes (or one bare)."""
    toks = sorted({t.lower() for t in _TOKEN.findall(text)})
    return [(a, b) for a, b in combinations(toks, 2) if _root(a) == _root(b) and (a != _root(a) or b != _root(b))]


def _toks(text: str) -> set[str]:
    return {t.lower() for t in _TOKEN.findall(text or "")}


def _said_of(units: list[str], term: str, other: str, split: re.Pattern[str]) -> list[set[str]]:
    """The content stems of what each unit says of `term` (the terms left out): a unit that names `other` too is
    read clause by clause, one that names only `term` whole."""
    out = []
    for unit in units:
        toks = _toks(unit)
        if term not in toks:
            continue
        parts = [c for c in split.split(unit) if term in _toks(c) and other not in _toks(c)] if other in toks else [unit]
        out += [set(content_stems(p)) - set(content_stems(f"{term} {other}")) for p in parts]
    return out


def siblings_exchanged(claim: str, sentences: list[str]) -> tuple[str, str] | None:
    """(a, b) when the claim says of sibling `a` what the abstract says of `b`, and of `b` what it says of `a`."""
    for a, b in _siblings(claim):
        mine_a, mine_b = _said_of([claim], a, b, _CLAIM_CLAUSE), _said_of([claim], b, a, _CLAIM_CLAUSE)
        theirs_a, theirs_b = _said_of(sentences, a, b, _CLAUSE), _said_of(sentences, b, a, _CLAUSE)
        if not (len(mine_a) == len(mine_b) == 1 and theirs_a and theirs_b):
            continue

        def best(c: set[str], clauses: list[set[str]]) -> int:
            return max(len(c & x) for x in clauses)

        gain_a = best(mine_a[0], theirs_b) - best(mine_a[0], theirs_a)
        gain_b = best(mine_b[0], theirs_a) - best(mine_b[0], theirs_b)
        if gain_a > 0 and gain_b > 0 and gain_a + gain_b >= _MARGIN:
            return a, b
    return None
