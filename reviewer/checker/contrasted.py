"""One side of a contrast given the other side's word: 'tokens with negative THR strengthen confidence in correct
outputs' against 'tokens with positive THR strengthen confidence in correct outputs ..., while tokens with negative
THR preserve probability mass ...'.

Why: the claim copies one clause of a contrasting sentence and swaps in only the word that tells the two clauses
apart, so it shares nearly every word with the sentence, and the exchange readers (`neighbours.py`,
`clauses.py`) look for two words that trade places, not one. Here the sentence's clauses are aligned by the
words around their distinguishing word ('with positive THR' / 'with negative THR', 'In external search' /
'in internal search'); a
claim that states one clause's frame with the other clause's word is a swap.
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems

_CLAUSE = re.compile(r",?\s+(?:while|whereas)\s+|[;:]\s+|,\s+(?:and|but)\s+|\s+but\s+", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z][\w\-()]*")
MIN_FRAME = 0.6
MARGIN = 0.2


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def _coverage(claim: set[str], clause: list[str]) -> float:
    stems = set(clause)
    return len(claim & stems) / len(stems) if stems else 0.0


def contrast_word_swapped(claim: str, sentence: str) -> tuple[str, str] | None:
    """(the claim's word, the word the sentence has in that frame) when the claim restates one clause of the
    sentence with the distinguishing word of a parallel clause; None otherwise."""
    clauses = [c for c in _CLAUSE.split(sentence) if c.strip()]
    if len(clauses) < 2:
        return None
    mine = _tokens(claim)
    have, stems = set(mine), set(content_stems(claim))
    for a in clauses:
        for b in clauses:
            if a is b:
                continue
            ta, tb = _tokens(a), _tokens(b)
            ca, cb = content_stems(a), content_stems(b)
            if _coverage(stems, ca) < MIN_FRAME or _coverage(stems, ca) < _coverage(stems, cb) + MARGIN:
                continue  # the claim must restate clause a, clearly more than clause b
            # the word that tells a from b, after the same lead-in word in both: 'with positive' / 'with negative'
            for i, v in enumerate(ta[1:], 1):
                for j, w in enumerate(tb[1:], 1):
                    if ta[i - 1] != tb[j - 1] or v == w or len(v) < 4 or len(w) < 4 or v in tb or w in ta:
                        continue
                    if i + 1 >= len(ta) or j + 1 >= len(tb) or ta[i + 1] != tb[j + 1]:
                        continue  # the same words on both sides of the two: 'with positive THR' / 'with negative THR'
                    if w in have and _lead_kept(mine, ta[i - 1], w) and not _lead_kept(mine, ta[i - 1], v):
                        return w, v
    return None


def _lead_kept(claim_tokens: list[str], lead: str, word: str) -> bool:
    """The claim has the swapped-in word after the same lead-in word ('with negative')."""
    return any(t == word and k and claim_tokens[k - 1] == lead for k, t in enumerate(claim_tokens))
