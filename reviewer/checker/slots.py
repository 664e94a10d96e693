"""Entities put in a sibling's slot: the claim says of A what the abstract says, in the same words, of B.

A swapped entity keeps the evidence's words and changes only who they are said of ("Self-Ask boosts GPT-4's
performance from 50% to 71%" against "FaR boosts GPT-4's performance from 50% to 71%"; "a short-thought LLM
generates the important thoughts" against "a long-thought LLM for generating important thoughts"). So each
entity of the claim is aligned by its slot, not by its name: the words on its left and on its right within its
clause (content stems, each weighted by how few of the abstract's sentences use it) are matched against the
slots of every entity occurrence in the abstract. Siblings are entities of one kind: two names, two values,
compounds sharing a part ('long-thought' / 'short-thought', 'PG-Follow' / 'PG-Predict'), words differing in a
prefix ('overthinking' / 'underthinking'), or two modifiers of one head noun in the abstract ('manager agent' /
'worker agents'). An entity is swapped when a sibling's slot fits it better than its own and the sibling, in the
claim, fits the entity's slot better than its own (an exchange), or, with no exchange, when the sibling's slot
fits it by a wide margin. No phrase lists: only the abstract's own entities and words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from reviewer.checker.ownname import abbreviations
from reviewer.textutil import STOPWORDS, split_sentences, stemmer

_TOKEN = re.compile(r"[~+]?[A-Za-z0-9][\w\-.%+']*[\w%+]|[A-Za-z0-9%]|[,;:()]")
_BREAK = frozenset(", ; : and or while whereas but although though yet unlike".split())
_WINDOW = 4  # content tokens on each side of an entity
_MIN_SLOT = 4.0  # a replacement (no exchange) needs this many weighted slot words (one sentence's word weighs 1)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?\w+(?:ed|en)\s+by\b", re.IGNORECASE)
_MARGIN = 4.0  # ... and must beat the entity's own best slot by this much
_MIN_MUTUAL = 1.0  # two entities each in the other's slot need less
_SHARED_SUFFIX = 6  # 'over|thinking' / 'under|thinking'
_QUANTITY = re.compile(r"^[~+]?\d[\d,.]*(?:%|x|k|m|b|pp)?$", re.IGNORECASE)
_CLASS = re.compile(r"^[A-Z]{2,}s$")  # 'LLMs', 'PRMs': a class of things, not one thing of the abstract


def _norm(tok: str) -> str:
    return tok.lower().removesuffix("'s").rstrip(".")


@lru_cache(maxsize=4096)
def _stem(tok: str) -> str:
    return tok if any(ch.isdigit() for ch in tok) else stemmer().stemWord(tok)


def _is_compound(tok: str) -> bool:
    parts = tok.split("-")
    return len(parts) > 1 and all(p and any(ch.isalpha() for ch in p) for p in parts)


def _strong_name(tok: str) -> bool:
    """An acronym or a model/dataset name: two capitals or a digit among letters ('LLaDA', 'GPT-4', 'SEDD');
    not a two-letter field name ('RL', 'LM'), which names no one thing of the abstract."""
    tok = tok.rstrip(".")
    return len(tok) >= 3 and not _QUANTITY.match(tok) and not _CLASS.match(tok) and (
        sum(ch.isupper() for ch in tok) >= 2 or (any(ch.isdigit() for ch in tok) and any(ch.isalpha() for ch in tok)))


def siblings(a: str, b: str, names: set[str]) -> bool:
    """Two entities of one kind: both names, compounds sharing a part ('long-thought' / 'short-thought'), or
    words that differ only in a prefix ('overthinking' / 'underthinking')."""
    if a == b or a in b or b in a:
        return False
    if a in names and b in names:
        return True
    if _QUANTITY.match(a) and _QUANTITY.match(b):
        return True  # a value moved to another slot
    pa, pb = set(a.split("-")), set(b.split("-"))
    if len(pa) > 1 and len(pb) > 1 and pa & pb:
        return True
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n >= _SHARED_SUFFIX and n < min(len(a), len(b))


Slot = tuple[frozenset[str], frozenset[str]]  # content stems on the left and on the right of an entity


class _Abstract(NamedTuple):
    """What the reader needs of one abstract, computed once per abstract (a survey cites each many times)."""

    entities: frozenset[str]
    names: frozenset[str]
    modifier_pairs: frozenset[tuple[str, str]]
    weights: dict[str, float]
    slots: dict[str, list[Slot]]
    listed: frozenset[str]  # values in a '... respectively' sentence: their holder is the list's, not their slot's


@lru_cache(maxsize=512)
def _read_abstract(abstract: str) -> _Abstract:
    sentences = [_TOKEN.findall(s) for s in split_sentences(abstract)]
    raw = [t for toks in sentences for t in toks]
    words = {_norm(t) for t in raw}
    names = frozenset(_norm(t) for t in raw if _strong_name(t))
    ents = {t for t in words if _is_compound(t) or _QUANTITY.match(t)} | names
    by_ending: dict[str, list[str]] = {}
    for w in words:  # plain words with a prefixed sibling ('overthinking' / 'underthinking')
        if w.isalpha() and len(w) > _SHARED_SUFFIX:
            by_ending.setdefault(w[-_SHARED_SUFFIX:], []).append(w)
    for group in by_ending.values():
        ents.update(w for w in group if any(siblings(w, e, names) for e in group))
    heads: dict[str, set[str]] = {}
    normed = [[_norm(t) for t in toks] for toks in sentences]
    for toks in normed:  # 'active / passive constraints', 'manager / worker agents'
        for m, h in zip(toks, toks[1:], strict=False):
            if m.isalpha() and h.isalpha() and m not in STOPWORDS and h not in STOPWORDS and not m.endswith("ly"):
                heads.setdefault(_stem(h), set()).add(m)
    pairs = {(a, b) for mods in heads.values() if len(mods) > 1 for a in mods for b in mods if a != b}
    ents.update(a for a, _ in pairs)
    df: dict[str, int] = {}
    for toks in normed:  # a slot word counts by how few sentences use it: 'important' outweighs 'thoughts'
        for w in {_stem(t) for t in toks}:
            df[w] = df.get(w, 0) + 1
    slots: dict[str, list[Slot]] = {}
    for toks in normed:
        for i, tok in enumerate(toks):
            if tok in ents:
                slots.setdefault(tok, []).append((_side(toks, i, -1), _side(toks, i, 1)))
    listed = frozenset(t for toks in normed if "respectively" in toks for t in toks if _QUANTITY.match(t))
    return _Abstract(frozenset(ents), names, frozenset(pairs), {w: 1.0 / n for w, n in df.items()}, slots, listed)


def _side(toks: list[str], i: int, step: int) -> frozenset[str]:
    """Up to _WINDOW content stems on one side of token i, within its clause."""
    words: list[str] = []
    j = i + step
    while 0 <= j < len(toks) and len(words) < _WINDOW:
        tok = toks[j]
        if tok in _BREAK:
            break
        if tok not in STOPWORDS and tok[:1].isalnum() and tok != toks[i]:
            words.append(_stem(tok))
        j += step
    return frozenset(words)


def _fit(ab: _Abstract, slot: Slot, ent: str, directed: bool) -> float:
    """How well one claim slot matches the best slot `ent` fills in the abstract (either side if not directed)."""
    left, right = slot
    w = ab.weights
    best = 0.0
    for lo, ro in ab.slots.get(ent, ()):
        if directed:
            score = sum(w.get(x, 0.0) for x in left & lo) + sum(w.get(x, 0.0) for x in right & ro)
        else:
            score = sum(w.get(x, 0.0) for x in (left | right) & (lo | ro))
        best = max(best, score)
    return best


def slot_swaps(claim: str, abstract: str) -> list[tuple[str, str]]:
    """(claim's entity, the sibling whose slot it fills in the abstract), the clearest first."""
    if _PASSIVE.search(claim):  # 'A is outperformed by B' puts B's fact in A's slot: the order is not the roles
        return []
    ab = _read_abstract(abstract)
    toks = [_norm(t) for t in _TOKEN.findall(claim)]
    names = ab.names | {_norm(t) for t in _TOKEN.findall(claim) if _strong_name(t)}
    claim_slots = [(t, (_side(toks, i, -1), _side(toks, i, 1))) for i, t in enumerate(toks)
                   if t in ab.slots and t not in ab.listed]
    fits: dict[str, tuple[str, float, float]] = {}
    # 'VLA' for 'Vision-Language-Action (VLA)': one thing under two names, never a sibling in its slot
    same = {frozenset((_norm(long), _norm(short))) for long, short in abbreviations(abstract)}
    for ent, slot in claim_slots:
        own = _fit(ab, slot, ent, True)
        for who in ab.slots:
            if who == ent or not ((ent, who) in ab.modifier_pairs or siblings(ent, who, names)) \
                    or frozenset((ent, who)) in same:
                continue
            best = _fit(ab, slot, who, True)
            if best > own and best - own > fits.get(ent, ("", 0.0, -1.0))[2]:
                fits[ent] = (who, best, best - own)
    out = []
    for ent, (who, best, gain) in fits.items():
        # an exchange: the sibling's own words in the claim fit the entity's slots better than its own
        mutual = fits.get(who, ("",))[0] == ent or any(
            e == who and _fit(ab, slot, ent, False) > _fit(ab, slot, who, False) for e, slot in claim_slots)
        if (mutual and best >= _MIN_MUTUAL) or (best >= _MIN_SLOT and gain >= _MARGIN and not _QUANTITY.match(ent)):
            out.append((ent, who, gain))
    out.sort(key=lambda t: -t[2])
    return [(a, b) for a, b, _ in out]
