"""A value given to another holder of the same sentence: 'X that reduces biases by 19%, Y that gives 27%'.

'specialized system prompts that reduce judging biases by up to 19%, in-context learning that provides up
to 27% improvement, ...' against 'in-context learning reduces judging biases by up to 19%': every word of
the claim is in the sentence and the value is right, but it belongs to another holder. The sentence is cut
into clauses; the words leading up to the claim's value that its clause in the sentence lacks are the claim's
holder. When that holder (two thirds of its words: the claim may change the verb) is named, with a value of
the same kind, in another clause only, and the clause
that holds the value names a holder the claim never mentions, the claim has moved the value. Unlike
`exchanged.value_moved` (values linked to a name by a preposition), the holder here is any run of words,
subject or not.
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems

_VALUE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?(%|x\b|×)")
_CLAUSE = re.compile(r"[,;:()]|\s(?:whereas|while|but|although|respectively)\s", re.IGNORECASE)


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(text.replace("\\%", "%")) if c.strip()]


def _values(text: str) -> list[tuple[float, str, int]]:
    return [(float(m.group(1)), m.group(2), m.start()) for m in _VALUE.finditer(text)]


def _stems(text: str) -> set[str]:
    return {s for s in content_stems(text) if not s[:1].isdigit()}


def value_rehomed(claim: str, sentence: str) -> list[tuple[str, str]]:
    """(value, the claim's holder words) for each claim value the sentence gives to another holder; [] if none."""
    mine_all = _stems(claim)
    theirs = _clauses(sentence)
    out = []
    for part in _clauses(claim):
        for value, unit, at in _values(part):
            holding = [c for c in theirs if any(v == value and u == unit for v, u, _ in _values(c))]
            if len(holding) != 1:
                continue
            home = holding[0]
            first = next(p for v, u, p in _values(home) if v == value and u == unit)
            mine = _stems(part[:at]) - _stems(home[:first])
            held_by = _stems(home[:first]) - mine_all
            if len(mine) < 2 or not held_by:
                continue
            elsewhere = [c for c in theirs if c is not home and 3 * len(mine & _stems(c)) >= 2 * len(mine)
                         and any(u == unit and v != value for v, u, _ in _values(c))]
            if elsewhere:
                out.append((f"{value:g}{unit}", " ".join(sorted(mine))))
    return out
