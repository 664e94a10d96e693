"""A quantifier set against a stated proportion of the same thing: 'all of the training data' against 'only
1.7% of the training data', 'most participants' against '30% of participants', 'a small minority' against
'89.1% of participants'.

Each quantifier or proportion is read as an interval of the share it claims ('all' = 1, 'most' = more than
half, '12%' = 0.12, 'a few' = well under half) together with the content words of what it is a share of. A
claim whose interval for a thing is disjoint from every interval the sentence gives for the same thing
contradicts it. Intervals are deliberately loose: only a clear clash counts.
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems

Interval = tuple[float, float]
_WORDS: tuple[tuple[str, Interval], ...] = (
    (r"(?:all|every|each)(?:\s+of)?|the\s+(?:entire|full|whole)", (1.0, 1.0)),
    (r"(?:nearly|almost|virtually)\s+(?:all|every)(?:\s+of)?", (0.8, 1.0)),
    (r"(?:most|the\s+(?:vast\s+)?majority)(?:\s+of)?|more\s+than\s+half(?:\s+of)?", (0.5, 1.0)),
    (r"at\s+least\s+half(?:\s+of)?", (0.5, 1.0)),
    (r"(?:about\s+|roughly\s+|around\s+)?half(?:\s+of)?", (0.4, 0.6)),
    (r"(?:a|one)\s+third(?:\s+of)?", (0.25, 0.42)),
    (r"two[\s-]thirds(?:\s+of)?", (0.58, 0.75)),
    (r"(?:a|one)\s+quarter(?:\s+of)?", (0.18, 0.32)),
    (r"three[\s-]quarters(?:\s+of)?", (0.68, 0.82)),
    (r"(?:only\s+)?(?:a\s+(?:small\s+)?(?:minority|fraction|handful)|a\s+few|few|a\s+small\s+(?:subset|portion|"
     r"share|part))(?:\s+of)?|less\s+than\s+half(?:\s+of)?", (0.0, 0.5)),
    (r"only\s+(?:(?:at|in|on|for)\s+)?(?:some|part|certain)(?:\s+of)?|not\s+(?:at\s+|in\s+|on\s+|for\s+)?all"
     r"(?:\s+of)?", (0.0, 0.9)),
    (r"none\s+of|no", (0.0, 0.0)),
)
_QUANT = re.compile(r"\b(?:" + "|".join(f"(?P<w{i}>{p})" for i, (p, _) in enumerate(_WORDS)) + r")\s+(?:the\s+|its\s+|"
                    r"their\s+|these\s+|those\s+)?(?P<rest>[^,;:()]{1,60})", re.IGNORECASE)
_PERCENT = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s?(?:\\?%|percent\b)\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?"
                      r"(?P<rest>[^,;:()]{1,60})", re.IGNORECASE)
_HEAD_STOP = re.compile(r"\b(?:to|in|on|for|by|with|while|and|but|which|that|than|as|is|are|was|were|felt|thought|"
                        r"show|shows|achiev\w*|reach\w*)\b", re.IGNORECASE)


def _head(rest: str) -> frozenset[str]:
    stop = _HEAD_STOP.search(rest)
    return frozenset(content_stems(rest[: stop.start()] if stop else rest)[:4])


def shares(text: str) -> list[tuple[Interval, frozenset[str]]]:
    """(share interval, stems of what it is a share of) for each quantifier or percentage 'of' something."""
    out = []
    for m in _PERCENT.finditer(text):
        v = float(m.group("num")) / 100
        if v <= 1.0 and (head := _head(m.group("rest"))):
            out.append(((max(0.0, v - 0.05), min(1.0, v + 0.05)), head))
    for m in _QUANT.finditer(text):
        which = next(i for i in range(len(_WORDS)) if m.group(f"w{i}"))
        if (head := _head(m.group("rest"))):
            out.append((_WORDS[which][1], head))
    return out


def _same_thing(a: frozenset[str], b: frozenset[str]) -> bool:
    return len(a & b) >= min(2, len(a), len(b))


def proportion_conflict(claim: str, sentence: str) -> list[str]:
    """What the claim gives a share of that the sentence gives only a clearly different share of."""
    s = shares(sentence)
    out = []
    for (lo, hi), head in shares(claim):
        same = [iv for iv, h in s if _same_thing(head, h)]
        if same and all(hi < a or lo > b for a, b in same):
            out.append(" ".join(sorted(head)))
    return out
