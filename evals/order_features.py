"""Where a claim's shared words stand against the evidence's: the inputs of the learned order model.

A contradicted paraphrase often keeps every word of its sentence and says who did what to whom the other way:
'the student drafts, the teacher prefers' for 'the teacher drafts, the student prefers'. Counted words cannot
see that, the order of the shared words can, but so can a faithful passive or a fronted clause. So these are
plain measurements (no phrase lists beyond negators and comparatives), weighed with the shipped combiner's
signals by a logistic model fitted on hand-written seed claims (`evals/order_model.py`, `evals/fit_order.py`).
Tried on branch c26 as a SUPPORTED -> CONTRADICTED override and not kept (evals/RESULTS.md).
"""

from __future__ import annotations

import re
from itertools import combinations

import numpy as np

from reviewer.checker.features import named_terms
from reviewer.textutil import content_stems, stemmer, words

ORDER_FEATURES: tuple[str, ...] = (
    "cover",  # share of the claim's content stems the sentence holds
    "lcs",  # longest common subsequence of content stems, over the claim's stems
    "reorder",  # cover - lcs: shared words that stand in another order
    "discord",  # share of shared-stem pairs whose order is reversed
    "discord_near",  # ... among pairs at most three stems apart in the claim (local role exchanges)
    "names_discord",  # share of named-term pairs in reversed order
    "nums_claim_only",  # share of the claim's numbers the whole abstract lacks
    "nums_discord",  # the shared numbers stand in another order
    "neg_diff",  # the claim and the sentence differ in the parity of negators
    "compares",  # the claim compares ('than', '-er than', 'outperforms', ...)
    "compares_x_discord",  # compares x discord: a comparison whose sides moved
    "claim_only",  # share of the claim's content stems the whole abstract lacks
    "sent_only_span",  # share of the sentence's stems inside the matched span the claim lacks
    "bigram_flip",  # share of the claim's shared adjacent stem pairs found reversed-adjacent in the sentence
    "voice_diff",  # one side is passive ('is X-ed by'), the other not: a reversed order is then expected
    "discord_same_voice",  # discord where both sides share a voice
)

_NEGATORS = frozenset("not no never without neither nor fail fails failed cannot lack lacks unable none".split())
_COMPARES = re.compile(r"\b(?:than|outperform\w*|underperform\w*|surpass\w*|beats?|exceed\w*|superior|inferior"
                       r"|versus|vs\.?|compared (?:with|to)|relative to|over)\b", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn)\s+by\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _first_positions(stems: list[str]) -> dict[str, int]:
    at: dict[str, int] = {}
    for i, s in enumerate(stems):
        at.setdefault(s, i)
    return at


def _lcs(a: list[str], b: list[str]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def _discord(order: list[str], at: dict[str, int], near: int | None = None) -> float:
    pairs = [(a, b) for (i, a), (j, b) in combinations(enumerate(order), 2) if near is None or j - i <= near]
    if not pairs:
        return 0.0
    return sum(at[a] > at[b] for a, b in pairs) / len(pairs)


def _negators(text: str) -> int:
    return sum(w.lower() in _NEGATORS or w.lower().endswith("n't") for w in words(text))


def order_features(claim: str, sentence: str, abstract: str) -> np.ndarray:
    """ORDER_FEATURES of a claim against its best-aligned sentence (and the whole abstract for absences)."""
    c, s = content_stems(claim), content_stems(sentence)
    a_set = set(content_stems(abstract))
    c_uniq = list(dict.fromkeys(c))
    s_at = _first_positions(s)
    shared = [x for x in c_uniq if x in s_at]
    cover = len(shared) / max(1, len(c_uniq))
    lcs = _lcs(c_uniq, [x for x in dict.fromkeys(s) if x in set(c_uniq)]) / max(1, len(c_uniq))
    discord = _discord(shared, s_at)
    near = _discord(shared, s_at, near=3)
    stem = stemmer().stemWord
    low = sentence.lower()
    names = sorted((t for t in named_terms(claim) if t in low), key=claim.lower().find)
    names_discord = _discord(names, {t: low.find(t) for t in names})
    c_nums, a_nums = _NUMBER.findall(claim), set(_NUMBER.findall(abstract))
    s_nums = _NUMBER.findall(sentence)
    nums_only = sum(n not in a_nums for n in c_nums) / max(1, len(c_nums))
    shared_nums = [n for n in dict.fromkeys(c_nums) if n in s_nums]
    nums_discord = _discord(shared_nums, {n: s_nums.index(n) for n in shared_nums})
    neg_diff = float((_negators(claim) - _negators(sentence)) % 2)
    compares = float(bool(_COMPARES.search(claim)) or any(w.lower().endswith("er") and w.lower() != "other"
                                                           and stem(w.lower()) != w.lower() and "than" in claim.lower()
                                                           for w in words(claim)))
    claim_only = sum(x not in a_set for x in c_uniq) / max(1, len(c_uniq))
    if shared:
        lo, hi = min(s_at[x] for x in shared), max(s_at[x] for x in shared)
        span = set(s[lo:hi + 1])
        sent_only = len(span - set(c_uniq)) / max(1, len(span))
    else:
        sent_only = 1.0
    adj = [(x, y) for x, y in zip(c, c[1:], strict=False) if x in s_at and y in s_at and x != y]
    s_pairs = set(zip(s, s[1:], strict=False))
    flip = sum((y, x) in s_pairs and (x, y) not in s_pairs for x, y in adj) / max(1, len(adj))
    voice = float(bool(_PASSIVE.search(claim)) != bool(_PASSIVE.search(sentence)))
    return np.array([cover, lcs, cover - lcs, discord, near, names_discord, nums_only, nums_discord, neg_diff,
                     compares, compares * discord, claim_only, sent_only, flip, voice, discord * (1 - voice)],
                    dtype=np.float64)
