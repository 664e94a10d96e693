"""Comparisons stated as a ranking: 'A leading to the largest gains, followed by B, C, and finally D'.

Split out of `families.py` (its `comparison_sides` reads these pairs with the other comparison wordings).
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems


def _side(text: str) -> set[str]:
    return set(content_stems(text))


_RANK_HEAD = re.compile(r"\b(?:the\s+)?(?:largest|greatest|biggest|strongest|most|highest|best)\b[^,;.]*?,?\s+"
                        r"followed\s+by\s+", re.IGNORECASE)
_RANK_ITEM = re.compile(r"\s*,\s*(?:and\s+)?(?:then\s+|finally\s+|lastly\s+)?|\s+and\s+(?:then\s+|finally\s+)?",
                        re.IGNORECASE)


def ranked_pairs(text: str) -> list[tuple[set[str], set[str]]]:
    """'A leading to the largest gains, followed by B, C, and finally D': every earlier item beats every later one."""
    m = _RANK_HEAD.search(text)
    if not m:
        return []
    first = re.split(r"[,;:]|\b(?:with|that|while)\b", text[: m.start()], flags=re.IGNORECASE)[-1]
    rest = re.split(r"[.;]\s|\(", text[m.end():])[0]
    sides = [_side(" ".join(x.split()[:12])) for x in [first, *_RANK_ITEM.split(rest)[:6]]]
    out = []
    for i, a in enumerate(sides):
        for b in sides[i + 1 :]:
            if a - b and b - a:
                out.append((a - b, b - a))
    return out
