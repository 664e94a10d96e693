"""A claim that widens a counted scope: 'on all 12 datasets' where the abstract says 'in 4 out of 12 datasets'.

A paraphrase keeps the sentence's words and its total and changes only how many of them the finding holds for
('outperforms on every benchmark' for 'on 6 out of 7 benchmarks'). The overlap features see a restatement and the
quantifier reader sees no quantifier in the sentence. Here a part in the sentence ('K out of N X', 'K of the N X'
with K < N; 'most / many / several / some X') against a universal scope in the claim over the same things ('all
(N) X', 'every X', 'each of the N X'), when the claim counts no part itself, is a contradiction. Read only on the
best-aligned asserted sentence of a claim the combiner supports (`judged.judged_otherwise`).
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems

_N = r"(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)"
_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12, "twenty": 20}
_PARTIAL = re.compile(rf"\b{_N}\s+(?:out\s+)?of\s+(?:the\s+)?{_N}\s+([\w-]+(?:\s+[\w-]+)?)", re.IGNORECASE)
# 'on most benchmarks', 'in some of the settings': a part without a count
_SOME = re.compile(r"\b(?:most|many|several|some|half)\s+(?:of\s+(?:the\s+|these\s+|their\s+)?)?"
                   r"([\w-]+(?:\s+[\w-]+)?)", re.IGNORECASE)
_PART = re.compile(rf"\b{_N}\s+(?:out\s+)?of\s+(?:the\s+)?{_N}\b", re.IGNORECASE)  # 'in 4 out of 12.'
_UNIVERSAL = re.compile(rf"\b(?:all|every|each of)\s+(?:one of\s+)?(?:the\s+|of the\s+)?(?:{_N}\s+)?([\w-]+(?:\s+[\w-]+)?)",
                        re.IGNORECASE)


def _value(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word.lower()]


def _heads(phrase: str) -> set[str]:
    return set(content_stems(phrase))


def scope_widened(claim: str, sentence: str) -> str:
    """The claim's universal phrase ('all 12 datasets') where the sentence counts only some of them, or ''."""
    if _PART.search(claim):
        return ""  # the claim counts a part itself: the number readers compare the counts
    partial = [(_value(m.group(1)), _value(m.group(2)), _heads(m.group(3))) for m in _PARTIAL.finditer(sentence)]
    partial = [(k, n, h) for k, n, h in partial if 0 < k < n and h]
    partial += [(0, 0, _heads(m.group(1))) for m in _SOME.finditer(sentence) if not _SOME.search(claim)]
    if not partial:
        return ""
    for m in _UNIVERSAL.finditer(claim):
        total = _value(m.group(1)) if m.group(1) else None
        heads = _heads(m.group(2))
        if any(heads & h and (total is None or total == n or not n) for _, n, h in partial):
            return m.group(0)
    return ""
