"""Two words of the evidence whose places a claim exchanges: read by the words around each, not by a lexicon.

An entity swap keeps every word of the evidence and moves two of them: 'the persuader tries to convince the
debater' -> 'the debater tries to convince the persuader', 'Llama as the generator and Gemma as the reviewer'
-> 'Gemma as the generator ...', 'at the coarse level it extracts templates; at the fine level it retrieves
steps' -> the levels exchanged. The readers in `roles_swap.py` and `exchanged.py` find such pairs among names
and a closed class of heads and agents; this one tries every pair of content words the claim shares with one
evidence sentence. Each word's role is the words just before it and just after it (a window that stops at a
clause break); the claim has the pair exchanged when its contexts fit the other word's contexts in the sentence
clearly better than their own, on both sides of the pair. Passives ('B is beaten by A'), possessives ('the X
of A'), 'respectively' and symmetric links read the same facts in another order, so they decide nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reviewer.textutil import STOPWORDS, stemmer

_TOKEN = re.compile(r"[A-Za-z0-9][\w\-.%+]*[\w%+]|[A-Za-z0-9%]|[,;:()]")
# Breaks a role does not reach across: a clause contrast or a list marker.
_BREAK = frozenset("; : whereas while but although though yet unlike respectively".split())
# Words after which a slot begins: determiners and prepositions (a verb rarely follows either); read loosely,
# also a subject: a sentence's first word, or a word after 'that', 'whereas' or another clause break.
_DETERMINERS = frozenset("the a an its their our this these those each by with on in for from of as like "
                         "across under over between".split())
_SUBJECT = frozenset("that ;".split())
_WINDOW = 4
_LINK = 12  # tokens between two words that one passive, possessive or comparison can link
_COVER = 0.6  # share of the claim's content words the sentence must hold
_MARGIN = 3  # the exchanged reading must fit this many more context words than the straight one
# Readings of one fact in another order: a passive, a possessive, a comparison or a symmetric relation.
_REORDER = re.compile(r"\b(?:by|of|than|versus|vs|between|respectively|compared|relative|against|over|"
                      r"both|either|neither|each other|whereas|s)\b", re.IGNORECASE)  # 's': a possessive, cut by _TOKEN


def _norm(word: str) -> str:
    w = word.lower().rstrip(".")
    if w.endswith("our") and len(w) > 5:  # favour / favor, behaviour / behavior
        w = w[:-3] + "or"
    return stemmer().stemWord(w)


def _named(tok: str, first: bool) -> bool:
    """A name: an acronym, a word with digits, or a capitalised word inside the sentence."""
    upper = sum(ch.isupper() for ch in tok)
    return upper >= 2 or (any(ch.isdigit() for ch in tok) and any(ch.isalpha() for ch in tok)) or (
        not first and tok[:1].isupper())


@lru_cache(maxsize=4096)
def _read(text: str, loose: bool = False) -> tuple[tuple[str, ...], tuple[int, ...], frozenset[str]]:
    """Content stems in order, for each the index of the clause it sits in, and the stems that fill a slot
    (a name, or a word right after a determiner or preposition: 'the debater', 'the coarse level'), each with
    its surface form."""
    stems: list[str] = []
    clause: list[int] = []
    slots: set[str] = set()
    c = 0
    toks = _TOKEN.findall(text)
    for i, tok in enumerate(toks):
        low = tok.lower()
        if low in _BREAK or low == "(":
            c += 1
            continue
        if not tok[:1].isalnum() or low in STOPWORDS:
            continue
        stems.append(_norm(tok))
        clause.append(c)
        starts = _DETERMINERS | _SUBJECT | _BREAK if loose else _DETERMINERS
        if _named(tok, i == 0) or (loose and i == 0) or (i > 0 and toks[i - 1].lower() in starts):
            slots.add(f"{stems[-1]} {low.removesuffix('s')}")  # with its surface: 'limitations' is no 'limited'
    return tuple(stems), tuple(clause), frozenset(slots)


Context = tuple[set[str], set[str], set[str], set[str]]


def _contexts(stems: tuple[str, ...], clause: tuple[int, ...], term: str) -> list[Context]:
    """For each occurrence of `term`: the words within the window before and after it, in its clause, and the
    words right next to it (which count twice: 'the student model with teacher preferences')."""
    out = []
    for i, s in enumerate(stems):
        if s != term:
            continue
        left = {stems[j] for j in range(max(0, i - _WINDOW), i) if clause[j] == clause[i]}
        right = {stems[j] for j in range(i + 1, min(len(stems), i + 1 + _WINDOW)) if clause[j] == clause[i]}
        prev = {stems[i - 1]} if i > 0 and clause[i - 1] == clause[i] else set()
        nxt = {stems[i + 1]} if i + 1 < len(stems) and clause[i + 1] == clause[i] else set()
        out.append((left, right, prev, nxt))
    return out


def _fit(a: list[Context], b: list[Context], skip: set[str]) -> int:
    """How well a word's role in one text fits a word's role in the other: its best-fitting occurrence."""
    return max((sum(len((x & y) - skip) for x, y in zip(p, q, strict=True)) for p in a for q in b), default=0)


def _links(text: str) -> set[str]:
    return {m.lower() for m in _REORDER.findall(text)}


def _between(text: str, a: str, b: str) -> str:
    """The text between the first occurrences of the two stems (either order) when one relation can link them."""
    toks = _TOKEN.findall(text)
    pos = {}
    for i, tok in enumerate(toks):
        if tok[:1].isalnum() and tok.lower() not in STOPWORDS:
            pos.setdefault(_norm(tok), i)
    if a not in pos or b not in pos:
        return ""
    i, j = sorted((pos[a], pos[b]))
    if j - i > _LINK or any(t.lower() in _BREAK for t in toks[i + 1 : j]):
        return ""  # words in other clauses are not linked by a passive or a possessive
    return " ".join(toks[i + 1 : j])


def crossed_pair(claim: str, sentence: str, loose: bool = False) -> list[tuple[str, str]]:
    """The two shared words (stems) whose places the claim exchanges against the sentence; [] when none."""
    cs, cc, c_slots = _read(claim, loose)
    ss, sc, s_slots = _read(sentence, loose)
    shared = sorted({s for s in cs if s in ss and cs.count(s) == 1 and not s[:1].isdigit()})
    both = {x.split(" ")[0] for x in c_slots & s_slots}
    slots = [s for s in shared if s in both]
    if len(shared) < 3 or sum(s in ss for s in cs) < _COVER * len(cs):
        return []  # only a close restatement of the sentence is read word by word
    ctx_c = {t: _contexts(cs, cc, t) for t in shared}
    ctx_s = {t: _contexts(ss, sc, t) for t in shared}
    best: tuple[int, tuple[str, str]] | None = None
    for n, a in enumerate(slots):
        for b in slots[n + 1 :]:
            skip = {a, b}
            straight = _fit(ctx_c[a], ctx_s[a], skip) + _fit(ctx_c[b], ctx_s[b], skip)
            one, two = _fit(ctx_c[a], ctx_s[b], skip), _fit(ctx_c[b], ctx_s[a], skip)
            if min(one, two) < 1 or one + two < straight + _MARGIN:
                continue
            if best is None or one + two - straight > best[0]:
                best = (one + two - straight, (a, b))
    if best is None:
        return []
    a, b = best[1]
    if _links(_between(claim, a, b)) != _links(_between(sentence, a, b)):
        return []  # linked by a passive, possessive or comparison on one side only: the same fact reordered
    return [best[1]]


def crossed_across(claim: str, sentences: list[str]) -> list[tuple[str, str]]:
    """`crossed_pair` against two sentences read as one text, each its own clause, with subjects read as slots
    ('humans favor X.' and 'LLMs emphasize Y.' against 'humans emphasize Y, whereas LLMs favor X'): each of the
    two things must be named in one sentence only, and not in the same one."""
    if len(sentences) != 2:
        return []
    one, two = (set(_read(s)[0]) for s in sentences)
    return [(a, b) for a, b in crossed_pair(claim, " ; ".join(sentences), loose=True)
            if len({a, b} & (one ^ two)) == 2 and (a in one) != (b in one)]  # one thing named in each sentence
