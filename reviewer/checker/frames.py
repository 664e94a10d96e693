"""The words around a number: what it counts ('four instruction-tuned LLMs') and what frames it ('over Maj').

Split from `numbers.py`: a frame is (up to three words before, two words after) a number's raw text, so two
numbers are read as numbers of one thing when their frames match in place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

# A count fused to its noun ('a two-stage process', 'four-phase'): read against another count of that noun only.
HYPHEN_COUNT = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)-(?=[a-z]{3,}\b)",
                          re.IGNORECASE)


def counted_apart(claim: str, num: Any, claim_numbers: Sequence[Any], text: str, evidence: Any,
                  same_value: Callable[[Any, Any], bool]) -> bool:
    """The evidence number `raw` counts what the claim's `num` counts, while the claim's own number of that value
    counts something else: 'six LLMs across four datasets' against 'four LLMs ... across four datasets' sets six
    against the LLMs' four, though the claim states a 'four' (of datasets) elsewhere."""
    if not counts_same(frame(claim, num.raw), text, evidence.raw):
        return False
    held = [c for c in claim_numbers if c is not num and same_value(c, evidence)]
    return bool(held) and not any(counts_same(frame(claim, c.raw), text, evidence.raw) for c in held)


def counts_same(noun: tuple[list[str], list[str]] | None, text: str, raw: str) -> int:
    """1 when the word right after the evidence number is the claim number's ('domains' ~ 'domain')."""
    found = frame(text, raw)
    return int(bool(noun and found and noun[1][:1] and after_match((noun[0], noun[1][:1]), found)))


def after_match(a: tuple[list[str], list[str]], b: tuple[list[str], list[str]]) -> int:
    return sum(x == y or (min(len(x), len(y)) >= 3 and (x.startswith(y) or y.startswith(x)))
               for x, y in zip(a[1], b[1], strict=False))


def frames(text: str, raws: list[str]) -> list[tuple[list[str], list[str]]]:
    return [f for raw in dict.fromkeys(raws) for f in all_frames(text, raw)]


def all_frames(text: str, raw: str) -> list[tuple[list[str], list[str]]]:
    out = []
    for m in re.finditer(rf"(?<![\w.]){re.escape(raw)}(?![\w.]*\w)", text):
        before = re.findall(r"[\w\-]+", text[max(0, m.start() - 60) : m.start()].lower())[-3:]
        after = re.findall(r"[\w\-]+", text[m.end() : m.end() + 40].lower())[:2]
        out.append((before, after))
    return out


def frame(text: str, raw: str) -> tuple[list[str], list[str]] | None:
    found = all_frames(text, raw)
    return found[0] if found else None


def frame_match(a: tuple[list[str], list[str]], b: tuple[list[str], list[str]]) -> int:
    """Words of the two frames that match in place (a shared 3-letter prefix: 'gpu' ~ 'gpus')."""
    def same(x: str, y: str) -> bool:
        return x == y or (min(len(x), len(y)) >= 3 and (x.startswith(y) or y.startswith(x)))
    before = sum(same(x, y) for x, y in zip(reversed(a[0]), reversed(b[0]), strict=False))
    return before + sum(same(x, y) for x, y in zip(a[1], b[1], strict=False))


# A name a value can be measured on or held by: a capitalised word or a digit-bearing compound.
NAME_TOKEN = re.compile(r"\b[A-Z][\w\-.]*[\w]|\b\w*\d\w*-\w+")


def measured_on(text: str, raw: str) -> set[str]:
    """The name each occurrence of the value `raw` is measured on, when one follows within four words before a
    clause break ('80% accuracy on WebShop', '80% on WebShop'): what a list of values binds each value to."""
    out: set[str] = set()
    for m in re.finditer(rf"(?<![\w.]){re.escape(raw)}(?![\w.]*\w)", text):
        tail = re.split(r"[,;:()]|\band\b|\bwhile\b|\bwhereas\b", text[m.end():m.end() + 60])[0].split()[:4]
        placed = False  # the name is what the value is measured on, after 'on' / 'in': '4 GPUs' names a unit
        for w in (w.strip(".") for w in tail):
            if w.lower() == "respectively":
                break  # '15.6% and 9.1% respectively on MATH and HumanEval': the list binds (`numbers._listed_holder`)
            if w[:1].isdigit():
                break  # 'from 60% to 80% on GSM8K': the name is the next value's
            if placed and NAME_TOKEN.fullmatch(w):
                out.add(w.lower())
            placed = placed or w.lower() in ("on", "in", "for", "across", "at")
    return out
