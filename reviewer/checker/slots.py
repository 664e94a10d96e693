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

from reviewer.textutil import STOPWORDS, split_sentences, stemmer

_TOKEN = re.compile(r"[~+]?[A-Za-z0-9][\w\-.%+']*[\w%+]|[A-Za-z0-9%]|[,;:()]")
_BREAK = frozenset(", ; : and or while whereas but although though yet unlike".split())
_WINDOW = 4  # content tokens on each side of an entity
_MIN_SLOT = 4.0  # a replacement (no exchange) needs this many weighted slot words (one sentence's word weighs 1)
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


def _weights(abstract: str) -> dict[str, float]:
    """A slot word counts by how few of the abstract's sentences use it: 'important' outweighs 'thoughts'."""
    df: dict[str, int] = {}
    for sentence in split_sentences(abstract):
        for w in {_stem(_norm(t)) for t in _TOKEN.findall(sentence)}:
            df[w] = df.get(w, 0) + 1
    return {w: 1.0 / n for w, n in df.items()}


def _slots(text: str, entities: set[str]) -> list[tuple[str, frozenset[str], frozenset[str]]]:
    """(entity, left words, right words) for every entity occurrence of `text`, sentence by sentence."""
    out = []
    for sentence in split_sentences(text):
        toks = [_norm(t) for t in _TOKEN.findall(sentence)]
        for i, tok in enumerate(toks):
            if tok not in entities:
                continue
            out.append((tok, _side(toks, i, -1), _side(toks, i, 1)))
    return out


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


def _entities(claim: str, abstract: str) -> tuple[set[str], set[str], set[str], set[tuple[str, str]]]:
    """Entities of the claim that the abstract also names, every entity of the abstract, and the names."""
    def raw(text: str) -> list[str]:
        return _TOKEN.findall(text)

    names = {_norm(t) for t in raw(abstract) + raw(claim) if _strong_name(t)}
    words = {_norm(t) for t in raw(abstract) + raw(claim)}
    ents = {t for t in words if _is_compound(t) or _QUANTITY.match(t)} | names
    pairs: set[tuple[str, str]] = set()
    by_ending: dict[str, list[str]] = {}
    for w in words:  # plain words with a prefixed sibling ('overthinking' / 'underthinking')
        if w.isalpha() and len(w) > _SHARED_SUFFIX:
            by_ending.setdefault(w[-_SHARED_SUFFIX:], []).append(w)
    for group in by_ending.values():
        ents.update(w for w in group if any(siblings(w, e, names) for e in group))
    heads: dict[str, set[str]] = {}
    for sentence in split_sentences(abstract):  # 'active / passive constraints', 'manager / worker agents'
        toks = [_norm(t) for t in raw(sentence)]
        for m, h in zip(toks, toks[1:], strict=False):
            if m.isalpha() and h.isalpha() and m not in STOPWORDS and h not in STOPWORDS and not m.endswith("ly"):
                heads.setdefault(_stem(h), set()).add(m)
    for mods in heads.values():
        if len(mods) > 1:
            ents.update(mods)
            pairs.update((a, b) for a in mods for b in mods if a != b)
    in_abstract = ents & {_norm(t) for t in raw(abstract)}
    mine = in_abstract & {_norm(t) for t in raw(claim)}
    return mine, in_abstract, names, pairs


def _match(weights: dict[str, float], a: frozenset[str], b: frozenset[str]) -> float:
    return sum(weights.get(w, 0.0) for w in a & b)


def _fit(weights: dict[str, float], slot: tuple[frozenset[str], frozenset[str]],
         abstract_slots: list[tuple[str, frozenset[str], frozenset[str]]], ent: str, directed: bool) -> float:
    """How well one claim slot matches the best slot `ent` fills in the abstract (either side if not directed)."""
    left, right = slot
    best = 0.0
    for e, lo, ro in abstract_slots:
        if e == ent:
            score = (_match(weights, left, lo) + _match(weights, right, ro)) if directed else \
                _match(weights, left | right, lo | ro)
            best = max(best, score)
    return best


def slot_swaps(claim: str, abstract: str) -> list[tuple[str, str]]:
    """(claim's entity, the sibling whose slot it fills in the abstract), the clearest first."""
    mine, theirs, names, pairs = _entities(claim, abstract)
    if not mine:
        return []
    weights = _weights(abstract)
    abstract_slots = _slots(abstract, theirs)
    claim_slots = [(e, (lo, ro)) for e, lo, ro in _slots(claim, theirs) if e in mine]
    fits: dict[str, tuple[str, float, float]] = {}
    for ent, slot in claim_slots:
        own = _fit(weights, slot, abstract_slots, ent, True)
        for who in {e for e, _, _ in abstract_slots if e != ent and ((ent, e) in pairs or siblings(ent, e, names))}:
            best = _fit(weights, slot, abstract_slots, who, True)
            if best > own and best - own > fits.get(ent, ("", 0.0, -1.0))[2]:
                fits[ent] = (who, best, best - own)
    out = []
    for ent, (who, best, gain) in fits.items():
        # an exchange: the sibling's own words in the claim fit the entity's slots better than its own
        mutual = fits.get(who, ("",))[0] == ent or any(
            e == who and _fit(weights, slot, abstract_slots, ent, False) > _fit(weights, slot, abstract_slots, who, False)
            for e, slot in claim_slots)
        if (mutual and best >= _MIN_MUTUAL) or (best >= _MIN_SLOT and gain >= _MARGIN and not _QUANTITY.match(ent)):
            out.append((ent, who, gain))
    out.sort(key=lambda t: -t[2])
    return [(a, b) for a, b, _ in out]
