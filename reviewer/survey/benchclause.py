"""Whether a benchmark name's mention says the paper is evaluated on it.

A name in an abstract is not always where the method is evaluated: 'the same model trained on RSD-generated
reasoning traces' names training data, 'we also release LC2024, the first benchmark ...' a resource the paper
hands out, 'integrates seamlessly with other RL objectives such as GSPO' an objective it is combined with, and
'Existing question answering benchmarks such as ToMi' or '... as in ToMi' the prior work it contrasts itself with.
The table's Benchmarks column lists the benchmarks and datasets a paper names, so it keeps training data and
released resources but not what the paper only integrates with; the lead's "X is evaluated on A" takes only a name
with a mention of none of these kinds.
"""

from __future__ import annotations

import re

# Not a benchmark or dataset the paper uses at all: an objective or method it is combined with.
_NOT_USED = re.compile(r"\bintegrat(?:e|es|ed|ing)\b(?:\s+\w+)?\s+with\b[^.]*$", re.IGNORECASE)
# Named, but not where the method is evaluated: training data, a released resource, the prior work it contrasts.
_NOT_EVAL = re.compile(
    r"\b(?:(?:pre-?)?train(?:ed|ing)|fine-?tun(?:ed|ing)|distill(?:ed|ing))\s+on\s+(?:the\s+)?(?:\S+\s+){0,2}$"
    r"|\b(?:release[sd]?|releasing|open-?sourc(?:e|es|ed|ing))\b[^,]*$"
    r"|\b(?:existing|prior|previous|conventional|traditional)\s+(?:[\w-]+\s+){0,3}(?:benchmarks?|datasets?|methods?|"
    r"approaches|objectives?|algorithms?)\s+(?:such as|like|including|e\.g\.,?)\s+(?:[\w.+-]+(?:,|\s+and|\s+or)?\s+){0,4}$"
    r"|\bas\s+in\s+$",
    re.IGNORECASE)


def _clause_before(text: str, start: int) -> str:
    """The text before text[start] back to the last sentence or clause boundary ('.', ';', ':', '!' or '?')."""
    head = text[:start]
    ends = [m.end() for m in re.finditer(r"[.;:!?]\s", head)]
    return head[ends[-1]:] if ends else head


def evaluation_mention(text: str, start: int, strict: bool = True) -> bool:
    """False when the clause before text[start] integrates with the name there, or (strict) trains on, releases or
    contrasts it."""
    clause = _clause_before(text, start)
    return not (_NOT_USED.search(clause) or (strict and _NOT_EVAL.search(clause)))


def evaluated(name: str, text: str, strict: bool = True) -> bool:
    """Any mention of `name` in `text` is not one of the kinds above."""
    return any(evaluation_mention(text, m.start(), strict)
               for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text))


def evaluated_names(names: list[tuple[int, str]], text: str, strict: bool = True) -> list[tuple[int, str]]:
    """The (position, name) pairs kept: a name stays when any of its mentions is not one of the kinds above."""
    ok = {name for _, name in names if evaluated(name, text, strict)}
    return [(pos, name) for pos, name in names if name in ok]
