"""A value of the sentence given what the sentence binds to another of its values: a number moved to another holder.

'1,500 diverse participants from 75 countries, ... with 21 LLMs' against 'the participants come from 21
countries'; 'average improvements of 18.55% in five natural language generation datasets, ..., 30.05% in
three medical image analysis datasets' against 'improves the five natural language generation datasets by
30.05%'; 'improving average accuracy by up to 5.4% and achieving gains of up to 13.2% ... in specific
categories' against 'raises average accuracy by up to 13.2%'. Every number of the claim occurs in the
sentence, so the number readers see nothing changed. Here each value of the sentence is bound to the content
words around it inside its list item (up to a comma, a clause break or the next value); the claim's value is
moved when the words around it in the claim are those bound to another value of the sentence (by the words the
two bindings do not share) and none of those bound to it.
"""

from __future__ import annotations

import re

from reviewer.textutil import STOPWORDS, content_stems

# A name with digits ('Qwen-2.5-14b-Instruct', 'GPT-4o') is one word, not values.
_TOKEN = re.compile(r"[A-Za-z][\w\-]*(?:\.\d[\w\-]*)*|\d+(?:[.,]\d+)*\s*(?:\\?%|x\b|×)?|[,;:()]")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*")
_ITEM_END = frozenset(", ; : and while whereas but".split())  # ('+2.10% (Spider) over ex-BoN': the aside binds)
_CLAUSE_END = frozenset("; and while whereas but".split())  # a claim's list: 'five domains and 16 datasets'
# a claim's value written as a word ('on a single GPU' for the sentence's 'on 1 GPU') ends a window as a digit does
_VALUE_WORDS = {"single": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "seven": 7.0,
                "eight": 8.0, "nine": 9.0, "ten": 10.0}
_WINDOW = 6
_MARGIN = 2


def _value(tok: str) -> float | None:
    m = _NUMBER.match(tok)
    if not m:
        return None
    try:
        return float(m.group(0).replace(",", ""))
    except ValueError:
        return None


def _stem(tok: str) -> str:
    stems = content_stems(tok)
    return stems[0] if stems else ""


def _counts(tok: str) -> int:
    """1 for a content word (the window counts these), 0 for a stopword or a mark."""
    return int(tok[:1].isalpha() and tok.lower() not in STOPWORDS and len(tok) > 1)


def _aside_end(toks: list[str], j: int) -> int:
    """The index after the bracketed aside opening at `j` (or `j` when none opens there)."""
    if j < len(toks) and toks[j] == "(" and ")" in toks[j : j + 8]:
        return toks.index(")", j) + 1
    return j


def _aside_start(toks: list[str], j: int) -> int:
    """The index of the '(' of the bracketed aside closing at `j` (or `j` when none closes there)."""
    if j >= 0 and toks[j] == ")" and "(" in toks[max(0, j - 8) : j]:
        return max(k for k in range(max(0, j - 8), j) if toks[k] == "(")
    return j


def _bindings(text: str, stop_at_items: bool, stops: frozenset[str] = frozenset()) -> list[tuple[float, set[str]]]:
    """(value, content stems around it) for each number; the window stops at another number and at a clause
    break or, when `stop_at_items`, at a list-item break (a sentence's list: 'A 18.55%, B 3.66%'). Values in a
    row share what precedes and follows the row ('71.8% and 73.8% win rate', 'gains of +4.33% (BIRD) and
    +2.10% (Spider) over ex-BoN'); an aside right after a value is its own ('(Spider)')."""
    ends = _ITEM_END if stop_at_items else _CLAUSE_END
    toks = _TOKEN.findall(text)
    out = []
    for i, tok in enumerate(toks):
        v = _value(tok)
        if v is None or re.fullmatch(r"(?:19|20)\d\d", tok.strip()):
            continue  # a year names a time, not a measured value
        picked: list[str] = []
        j = _aside_end(toks, i + 1)
        picked += toks[i + 2 : j - 1]
        n = 0
        while j < len(toks) and n < _WINDOW:  # rightwards
            t = toks[j].lower()
            if not n and t in ends and j + 1 < len(toks) and _value(toks[j + 1]) is not None:
                j = _aside_end(toks, j + 2)  # the next value of the row, with its own aside
                continue
            if _value(toks[j]) is not None or t in ends or t in stops:
                break
            picked.append(toks[j])
            j, n = j + 1, n + _counts(toks[j])
        j, n = i - 1, 0
        while j >= 0 and n < _WINDOW:  # leftwards
            t = toks[j].lower()
            k = _aside_start(toks, j - 1) - 1 if t in ends and not n else -1
            if k >= 0 and _value(toks[k]) is not None:
                j = k - 1  # the value before it in the row, with its own aside
                continue
            if _value(toks[j]) is not None or t in ends or t == ")" or t in stops:
                break
            picked.append(toks[j])
            j, n = j - 1, n + _counts(toks[j])
        words = {s for t in picked if t.lower() not in STOPWORDS and t[:1].isalpha() and (s := _stem(t.lower()))}
        out.append((v, words))
    return out


def _units(text: str) -> list[tuple[float, set[str]]]:
    """(value, the first two content stems after it) for each count ('75 countries', '21 LLMs'): what it counts.
    A percentage or a multiple measures something named elsewhere, so it has no unit here."""
    toks = _TOKEN.findall(text)
    out = []
    for i, tok in enumerate(toks):
        v = _value(tok)
        if v is None or not re.fullmatch(r"\d+(?:,\d{3})*", tok.strip()) or re.fullmatch(r"(?:19|20)\d\d", tok):
            continue
        after: list[str] = []
        for t in toks[i + 1 : i + 5]:
            if not t[:1].isalpha() or len(after) == 2:
                break
            if _counts(t) and (s := _stem(t.lower())):
                after.append(s)
        # '8K-token chunks' counts tokens as '8K tokens' does: a hyphenated unit's parts count too
        out.append((v, set(after) | {_stem(p.lower()) for a in toks[i + 1 : i + 2] if "-" in a for p in a.split("-")
                                     if len(p) > 1}))
    return out


def _count_moved(claim: str, sentence: str) -> list[float]:
    """Counts of the claim that count what the sentence counts with another of its counts."""
    theirs = _units(sentence)
    out = []
    for v, unit in _units(claim):
        own = set().union(*(u for x, u in theirs if x == v)) if any(x == v for x, _ in theirs) else set()
        if unit and own and not unit & own and any(x != v and unit & u for x, u in theirs):
            out.append(v)
    return out


def value_bound_elsewhere(claim: str, sentence: str) -> list[float]:
    """The claim's values that the sentence states but binds to other words than the claim does, the claim's
    words being those the sentence binds to another of its values; [] when none."""
    theirs = _bindings(sentence, stop_at_items=True)
    values = {v for v, _ in theirs}
    mine = _bindings(claim, stop_at_items=False, stops=frozenset(w for w, v in _VALUE_WORDS.items() if v in values))
    if len(values) < 2 or re.search(r"\brespectively\b", sentence, re.IGNORECASE):
        return []  # 'A and B ... X and Y, respectively' binds by position, not by the words around
    out = _count_moved(claim, sentence)
    for v, ctx in mine:
        own = [b for x, b in theirs if x == v]
        others = [(x, b) for x, b in theirs if x != v]
        own_words = set().union(*own)
        if not own_words or not ctx or sum(x == v for x, _ in mine) > 1:
            continue  # (a value the sentence binds to no words, '(from 23.32% to 14.89%)', is read by nothing here)
        fits_own = len(ctx & own_words)
        for _x, b in others:
            only_other, only_own = b - own_words, own_words - b
            if len(ctx & only_other) >= _MARGIN + len(ctx & only_own) and len(ctx & only_own) == 0 and fits_own <= len(
                    ctx & b):
                out.append(v)
                break
    return list(dict.fromkeys(out))


def values_keep_their_words(claim: str, sentence: str) -> bool:
    """Every value of the claim is stated by the sentence with at least one of the words the sentence binds to
    it around it in the claim, and none is bound elsewhere: the values are where the sentence puts them, whatever
    order the claim lists them in ('cuts tokens by 39% while raising accuracy by 70%' from '+70% accuracy gains,
    -39% token reduction')."""
    theirs = _bindings(sentence, stop_at_items=True)
    digits = {v for v, _ in theirs}
    mine = _bindings(claim, stop_at_items=False, stops=frozenset(w for w, v in _VALUE_WORDS.items() if v in digits))
    if not mine or value_bound_elsewhere(claim, sentence):
        return False
    for v, ctx in mine:
        own = set().union(*(b for x, b in theirs if x == v)) if any(x == v for x, _ in theirs) else set()
        others = set().union(*(b for x, b in theirs if x != v)) if any(x != v for x, _ in theirs) else set()
        if not ctx & (own - others):
            return False
    return True
