"""Whether a benchmark name's mention says the paper is evaluated on it, for the survey's table and lead.

The reading itself is `reviewer.evalclause`, shared with the checker's reading of the lead's "X is evaluated on A".
The table's Benchmarks column lists the benchmarks and datasets a paper names, so it keeps training data and
released resources (`strict=False`) but not what the paper only integrates with or compares against; the lead's
"X is evaluated on A" takes only a name with a mention of none of these kinds (`strict=True`).
"""

from __future__ import annotations

from reviewer.evalclause import evaluated, evaluation_mention

__all__ = ["EDITION", "evaluated", "evaluated_names", "evaluation_mention"]

# 'AIME 2024', 'AlpacaEval 2.0': a year or a version number written after a benchmark's name says which edition the
# paper ran; the table keeps it in the name (two editions are two test sets), the lead drops it to see a shared one.
EDITION = r" (?:(?:19|20)\d\d|\d\.\d)"


def evaluated_names(names: list[tuple[int, str]], text: str, strict: bool = True) -> list[tuple[int, str]]:
    """The (position, name) pairs kept: a name stays when any of its mentions is not one of the kinds above."""
    ok = {name for _, name in names if evaluated(name, text, strict)}
    return [(pos, name) for pos, name in names if name in ok]
