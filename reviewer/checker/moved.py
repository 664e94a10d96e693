"""A direction word of the claim whose object the sentence moves the same way with another family's word.

'S-GRPO shortens sequences and raises accuracy' against '... a reduction in sequence length while simultaneously
improving accuracy': the family reader pairs the claim's 'raises' (increase family) with the sentence's
'reduction' (the same family, the other side) and calls the direction reversed, though 'reduction' moves the
length and the sentence moves accuracy up with 'improving' (another family). Likewise 'DPH-RL improves both
Pass@1 and Pass@k' against '... resolves the Pass@k degradation but improves both Pass@1 and Pass@k', read on
its first clause. Here a reversal is discounted when the words right after the claim's direction word (its
object) follow, in the whole sentence, a word of the same side of any strong direction family.
"""

from __future__ import annotations

import re

from reviewer.textutil import STOPWORDS, stemmer

_TOKEN = re.compile(r"[A-Za-z0-9@][\w@\-.]*[\w@]|[A-Za-z0-9]|[,;:()]")
_REACH = 4  # content words after a direction word that count as what it moves


def _objects(toks: list[str], at: int, movers: frozenset[str]) -> list[str]:
    """Stems of the content words after position `at`, up to a clause mark or the next direction word
    ('reduces redundant computations and accelerates the training': 'training' is what 'accelerates' moves)."""
    out: list[str] = []
    for tok in toks[at + 1 : at + 1 + 2 * _REACH]:
        low = tok.lower()
        stem = stemmer().stemWord(low)
        if tok in ",;:()" or stem in movers:
            break
        if low not in STOPWORDS and len(low) > 1:
            out.append(stem)
        if len(out) >= _REACH:
            break
    return out


def moved_alike(claim: str, sentence: str, word: str, families: list[tuple[frozenset[str], frozenset[str]]]) -> bool:
    """`word` (a direction word of the claim) and its object: the sentence moves that object the same way.

    `families`: the (up, down) stem sets of the strong direction families."""
    ctoks = _TOKEN.findall(claim)
    at = next((i for i, t in enumerate(ctoks) if t.lower() == word.lower()), -1)
    if at < 0:
        return False
    stem = stemmer().stemWord(word.lower())
    ups, downs = frozenset().union(*(u for u, _ in families)), frozenset().union(*(d for _, d in families))
    same = ups if stem in ups else downs if stem in downs else frozenset()
    target = _objects(ctoks, at, ups | downs)
    if not same or not target:
        return False
    stoks = _TOKEN.findall(sentence)
    for i, tok in enumerate(stoks):
        if stemmer().stemWord(tok.lower()) in same and target[0] in _objects(stoks, i, ups | downs):
            return True
    return False
