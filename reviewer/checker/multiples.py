"""Multiples and fractions of one another: 'DPO needs five times the time of PAS' restates 'PAS needs 1/5 of the
time of DPO'; 'PAS needs five times more time than DPO' reverses it and 'three times' changes it.

Why: the number guard compares a number only with numbers of its own unit, so a multiple ('five times', '38x')
and a fraction ('1/5 of', 'a tenth of') of the same quantity were never related: a changed or reversed ratio
passed unnoticed, and a multiple in words was no number at all. Here each side is read as one ratio, its size
(k >= 1) with the name holding the larger share and the name holding the smaller, and the two ratios compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.checker.fractional import fractions_in
from reviewer.textutil import content_stems

_WORD = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
         "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100}
_MULT = re.compile(r"(?<![\w.])(?P<k>\d+(?:\.\d+)?|" + "|".join(_WORD) + r")\s*(?:-?\s*fold\b|\s?times\b|[x×](?!\w))"
                   r"(?:\s+(?P<cmp>\w+))?|\b(?P<twice>twice)\b(?:\s+(?P<cmp2>\w+))?", re.IGNORECASE)
# after the multiple, a word that gives the subject the smaller share ('five times faster', 'ten times fewer')
_INVERSE = frozenset({"less", "fewer", "faster", "smaller", "lower", "cheaper", "shorter", "quicker"})
_NAME = re.compile(r"[A-Za-z][\w.\-/]*")
_LOWER = re.compile(r"(?:more than|over|above|at least|exceeding|beyond|>)\s*$", re.IGNORECASE)
_UPPER = re.compile(r"(?:less than|fewer than|under|below|at most|up to|<)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Ratio:
    size: float  # >= 1
    at_least: bool  # 'less than 1/38', 'more than 30 times': the size is a lower bound
    big: str  # the name holding the larger share ('' when not named)
    small: str
    about: frozenset[str]  # content stems of what is measured ('optim', 'time')
    written: str


def _names(text: str) -> list[tuple[int, str]]:
    """Positions and lower-cased forms of the names of a sentence (acronyms, model names, capitalised words)."""
    out = []
    for m in _NAME.finditer(text):
        w = m.group(0).rstrip(".-/")
        upper = sum(c.isupper() for c in w)
        if upper >= 2 or (any(c.isdigit() for c in w) and any(c.isalpha() for c in w)) or (m.start() and w[0].isupper()):
            out.append((m.start(), _key(w)))
    return out


def _key(name: str) -> str:
    return re.sub(r"[\W_]", "", name.lower().removesuffix("'s"))


def _holders(text: str, start: int, end: int) -> tuple[str, str]:
    """The first name of the clause before the span (its subject, the holder) and the first name after the span
    (the other side): 'our implicit PRM outperforms an MCTS-based baseline using less than 1/38 of the data'
    gives the fraction to the PRM, not to the baseline named just before it."""
    names = _names(text)
    clause_start = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start), 0)
    before = [n for at, n in names if clause_start <= at < start]
    after = [n for at, n in names if at >= end]
    return (before[0] if before else "", after[0] if after else "")


def _about(text: str, start: int, end: int) -> frozenset[str]:
    window = f"{text[max(0, start - 40) : start]} {text[end : end + 50]}"
    return frozenset(s for s in content_stems(window) if not s[:1].isdigit())


def ratios(text: str) -> list[Ratio]:
    """Every multiple and fraction of the text, as ratios."""
    out = []
    for m in _MULT.finditer(text):
        raw = m.group("k")
        size = 2.0 if m.group("twice") else float(_WORD.get(raw.lower(), 0) or raw)
        if size <= 1:
            continue
        cmp = (m.group("cmp") or m.group("cmp2") or "").lower()
        holder, other = _holders(text, m.start(), m.end())
        big, small = (other, holder) if cmp in _INVERSE else (holder, other)
        out.append(Ratio(size, _LOWER.search(text[max(0, m.start() - 25) : m.start()]) is not None, big, small,
                         _about(text, m.start(), m.end()), m.group(0)))
    for value, raw, start, end in fractions_in(text):
        if value <= 0 or value > 0.5:
            continue  # 'two thirds of the data' is a share, not a ratio of two holders
        holder, other = _holders(text, start, end)
        out.append(Ratio(1 / value, _UPPER.search(text[max(0, start - 25) : start]) is not None, other, holder,
                         _about(text, start, end), raw))
    return out


def _same_size(a: float, b: float) -> bool:
    return abs(a - b) <= 0.06 * max(a, b)


def ratio_conflict(claim: str, sentence: str) -> str:
    """'changed' or 'reversed' when a ratio of the claim and a ratio of the sentence of the other form (a multiple
    against a fraction, or a multiple in words against one in digits) measure the same thing and disagree in
    size or in which name holds the larger share; '' otherwise."""
    theirs = ratios(sentence)
    for mine in ratios(claim):
        for other in theirs:
            fraction_mine, fraction_theirs = "/" in mine.written or " of" in mine.written, \
                "/" in other.written or " of" in other.written
            worded = not mine.written[:1].isdigit() and other.written[:1].isdigit()
            if fraction_mine == fraction_theirs and not worded:
                continue  # two multiples in digits, or two fractions: the number guard compares those
            if len(mine.about & other.about) < 1 or not ({mine.big, mine.small} & {other.big, other.small} - {""}):
                continue  # not shown to be the same measure of the same two things
            if not _same_size(mine.size, other.size):
                # a bound of the evidence a smaller claim still meets, or a claim bound that says less: no conflict
                if other.at_least or (mine.at_least and mine.size < other.size):
                    continue
                return "changed"
            if mine.big and mine.big == other.small or mine.small and mine.small == other.big:
                return "reversed"
    return ""


def ratio_restated(claim: str, sentence: str) -> bool:
    """A ratio of the claim the sentence states in the other form, same size, same holders where named."""
    theirs = ratios(sentence)
    return any(_same_size(m.size, o.size) and m.about & o.about
               and not (m.big and m.big == o.small or m.small and m.small == o.big)
               for m in ratios(claim) for o in theirs)
