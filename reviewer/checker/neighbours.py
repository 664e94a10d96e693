"""Two phrases of one sentence in each other's places, found by the words that lead into them.

'initializes training with predominantly token embeddings while progressively incorporating more hidden
features' against 'starts training with predominantly hidden features and progressively incorporates more token
embeddings': the two phrases ('token embeddings', 'hidden features') are the sentence's, and so are the words
leading into them ('predominantly', 'incorporating'), but each phrase now follows the other's lead-in. The claim
may reword the rest. A phrase is a pair of adjacent content words found once in each text; its lead-in is the
content word before it (what the phrase is the object or complement of). The swap reads when two phrases with
different lead-ins each take the other's lead-in in the claim, and neither lead-in precedes its own phrase there.
"""

from __future__ import annotations

import re

from reviewer.textutil import STOPWORDS, stemmer

_TOKEN = re.compile(r"[A-Za-z0-9][\w\-.]*[\w]|[A-Za-z0-9]|[,;:()]")


def _units(text: str) -> tuple[list[str], list[int]]:
    """Content stems in order, and for each the index of the clause mark run it follows (for adjacency)."""
    stems: list[str] = []
    gaps: list[int] = []
    gap = 0
    for tok in _TOKEN.findall(text):
        low = tok.lower()
        if tok in ",;:()":
            gap += 1
            continue
        if low in STOPWORDS or len(low) < 2:
            gap += 1 if low in ("and", "or", "while", "whereas", "but", "than") else 0
            continue
        stems.append(stemmer().stemWord(low))
        gaps.append(gap)
    return stems, gaps


def _phrases(stems: list[str], gaps: list[int]) -> dict[tuple[str, str], int]:
    """Adjacent content-stem pairs (no clause mark between) found exactly once -> the index of their first word."""
    seen: dict[tuple[str, str], list[int]] = {}
    for i in range(1, len(stems)):
        if gaps[i] == gaps[i - 1]:
            seen.setdefault((stems[i - 1], stems[i]), []).append(i - 1)
    return {p: at[0] for p, at in seen.items() if len(at) == 1}


def neighbours_exchanged(claim: str, sentence: str) -> tuple[str, str] | None:
    """The two phrases ('token embeddings', 'hidden features') whose lead-ins the claim exchanges, or None."""
    cs, cg = _units(claim)
    ss, sg = _units(sentence)
    cp, sp = _phrases(cs, cg), _phrases(ss, sg)
    # (a phrase holding a value is the number readers' question: '8K-token chunks', 'up to 24K')
    shared = [p for p in cp if p in sp and sp[p] > 0 and cp[p] > 0 and not any(c.isdigit() for c in "".join(p))]
    for k, a in enumerate(shared):
        for b in shared[k + 1 :]:
            if set(a) & set(b):
                continue
            la, lb = ss[sp[a] - 1], ss[sp[b] - 1]  # lead-ins in the sentence
            if la == lb or la in a + b or lb in a + b:
                continue
            if cs[cp[a] - 1] == lb and cs[cp[b] - 1] == la:
                return " ".join(a), " ".join(b)
    return None
