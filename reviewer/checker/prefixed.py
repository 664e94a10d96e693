"""'Over-' against 'under-' on one root: 'underthink on simple problems' against 'overthink on simple problems'.

The antonym tables pair whole words ('overestimate' / 'underestimate'); abstracts coin new ones on the same two
prefixes ('overthink', 'under-exploring', 'over-refusal', 'underfit'), so the pair is read from the prefix: a
claim word 'under<root>' where the sentence has 'over<root>' (or the reverse), with the claim's own word absent
from the sentence (a sentence that says both, 'overthink on easy problems while underthinking on hard ones',
is read by the words around each, not here), and the same object: the content word after each, when both
have one, is the same ('underthink on simple problems' / 'overthink on simple problems').
"""

from __future__ import annotations

import re

from reviewer.textutil import STOPWORDS, stemmer

_PREFIXED = re.compile(r"\b(over|under)-?([a-z]{3,})\b", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z][\w\-]*")
# not a pair: 'overall', 'overview', 'understand', 'underlying', 'undergo', 'overcome' ... (words, not prefixes)
_NOT_PREFIX = frozenset("all view stand standing stood lying lie lies go goes went gone going come comes came coming "
                        "take takes took taken taking line lines lined score scores scored scoring way head heads "
                        "whelm whelming whelmed lap laps lapping lapped look looks looked looking ride rides see "
                        "sees saw seen seeing write writes wrote written writing hear heard pin pinning pins pinned "
                        "mine mines mined mining cut cuts".split())


def _prefixed(text: str) -> list[tuple[str, str, str]]:
    """(prefix, root stem, the next content stem or '') for each over-/under- word of the text."""
    out = []
    for m in _PREFIXED.finditer(text):
        root = m.group(2).lower()
        if root in _NOT_PREFIX:
            continue
        after = [t.lower() for t in _TOKEN.findall(text[m.end() : m.end() + 60])]
        nxt = next((t for t in after if t not in STOPWORDS), "")
        out.append((m.group(1).lower(), stemmer().stemWord(root), stemmer().stemWord(nxt) if nxt else ""))
    return out


def prefix_reversed(claim: str, sentence: str) -> str:
    """The claim's 'under<root>' where the sentence says 'over<root>' (or the reverse); '' when none."""
    mine, theirs = _prefixed(claim), _prefixed(sentence)
    for prefix, root, nxt in mine:
        if any(p == prefix and r == root for p, r, _ in theirs):
            continue  # the sentence says the claim's own word too
        for p, r, n in theirs:
            if r == root and p != prefix and (not nxt or not n or nxt == n):
                return f"{prefix}{root} vs {p}{r}"
    return ""
