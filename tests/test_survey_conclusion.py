"""The conclusion's benchmark sentence agrees with its count and does not repeat '(2 papers)' per name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from reviewer.models import Paper
from reviewer.survey.report import common_benchmarks
from reviewer.survey.types import TableRow


def test_benchmark_sentence_reads_as_prose(seed_papers: dict[str, Paper], table_row: Callable[..., TableRow], seed_gazetteer: frozenset[str]) -> None:
    """Over the seed papers' Benchmarks cells: one benchmark takes 'is', several 'are', the count is a word, and
    benchmarks named by as many papers share one count ('GSM8K and MATH500 (two papers each)')."""
    gazetteer = seed_gazetteer
    counts = Counter(b for p in seed_papers.values() for b in table_row(p, gazetteer).benchmarks.text.split(", ") if b)
    ranked = sorted(((c, b) for b, c in counts.items() if c >= 2), key=lambda x: (-x[0], x[1]))
    one = common_benchmarks(ranked[:1])
    assert one.startswith("The benchmark named most often in the abstracts is "), one
    assert "papers)" in one and not any(ch.isdigit() for ch in one.split("(")[-1]), one
    ties = [(c, b) for c, b in ranked if c == 2][:2]
    assert len(ties) == 2
    both = common_benchmarks(ties)
    assert both == f"The benchmarks named most often in the abstracts are {ties[0][1]} and {ties[1][1]} (two papers each).", both
