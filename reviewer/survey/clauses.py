"""Clause boundaries of an abstract sentence, for the table's result cell: commas and semicolons that end a clause,
not the commas inside parentheses or between the items of a word list."""

from __future__ import annotations

import re


def clauses(sentence: str) -> list[str]:
    """Comma/semicolon clauses, never splitting inside parentheses."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(sentence):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch in ",;" and depth == 0 and sentence[i + 1: i + 2] == " ":
            out.append(sentence[start:i])
            start = i + 2
    out.append(sentence[start:])
    return _join_lists([c.strip() for c in out if c.strip()])


def _short_item(piece: str, limit: int) -> bool:
    return len(piece.split()) <= limit and not re.search(r"\d", piece)


def _join_lists(pieces: list[str]) -> list[str]:
    """Put back the commas of a word list ('across diverse mathematical, logical, and multimodal benchmarks'):
    its items are not clauses, and a cell cut after the first item ends mid-phrase."""
    out: list[str] = []
    i = 0
    while i < len(pieces):
        k = i + 1
        while k < len(pieces) and _short_item(pieces[k], 3) and not re.match(r"(?:and|or)\b", pieces[k]):
            k += 1
        if k > i + 1 and k < len(pieces) and re.match(r"(?:and|or)\s", pieces[k]) and _short_item(pieces[k], 5):
            out.append(", ".join(pieces[i:k + 1]))
            i = k + 1
        else:
            out.append(pieces[i])
            i += 1
    return out
