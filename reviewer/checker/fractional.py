"""Fractions as numbers: '1/5 of the optimization time', 'a fifth of the time', 'two thirds of the data'.

The number reader took '1/5' for the bare number 1 (the '5' after a slash is never a number of its own), so a
claim of '1/3 of the optimization time' matched '1/5 of the optimization time' and passed every number guard,
and 'a fifth' was no number at all. Read here as one value (0.2), so the usual comparison of two numbers of the
same thing applies: '1/3' against '1/5' is another share, 'a fifth' and '20%' restate '1/5'.
"""

from __future__ import annotations

import re

# '1/5', '1 / 38'; not a date or a version ('2024/2025', 'v1/2'), a decimal ('40.80/100') or a range
_DIGITS = re.compile(r"(?<![\w./\-])(\d{1,3})\s?/\s?(\d{1,3})(?![\w./%]|\s?[-\u2013]\s?\d)")
_NUMERATOR = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_DENOMINATOR = {"half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
                "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "twentieth": 20, "hundredth": 100}
# 'a fifth of', 'two thirds of the', 'half the': an ordinal ('a third approach') has no 'of' after it
_WORDS = re.compile(r"\b(?:(a|an|one|two|three|four)[\s-])?(half|halves|third|quarter|fourth|fifth|sixth|seventh|"
                    r"eighth|ninth|tenth|twentieth|hundredth)s?\s+(?:of|the)\b", re.IGNORECASE)


def fractions_in(text: str) -> list[tuple[float, str, int, int]]:
    """(value, raw text, start, end) of each proper fraction the text states in digits or words."""
    out = []
    for m in _DIGITS.finditer(text):
        top, bottom = int(m.group(1)), int(m.group(2))
        if 0 < top < bottom:
            out.append((top / bottom, m.group(0), m.start(), m.end()))
    for m in _WORDS.finditer(text):
        word = m.group(2).lower()
        if m.group(1) is None and word != "half":
            continue  # 'fifth of' alone is an ordinal ('the fifth of the steps')
        top = _NUMERATOR[m.group(1).lower()] if m.group(1) else 1
        out.append((top / _DENOMINATOR[word], m.group(0), m.start(), m.end()))
    return out
