"""Headline results on real seed abstracts: a paper that reports no number still gets its own result
sentence when it has one that compares or improves, verbatim and never a question or a belief."""

from __future__ import annotations

import re

from reviewer.models import Paper
from reviewer.survey.table import headline_result

_NUMBER = re.compile(r"\d")
_COMPARING = re.compile(r"\b(?:outperform|surpass|improv|enhanc|achiev|exceed|excel|beat|match|reduc|boost)\w*"
                        r"|\bcompared (?:to|with)\b", re.I)


def test_papers_without_numbers_get_a_verbatim_qualitative_result(seed_papers: dict[str, Paper]) -> None:
    qualitative = 0
    for paper in seed_papers.values():
        cell = headline_result(paper)
        if not cell or _NUMBER.search(cell):
            continue
        qualitative += 1
        # Verbatim (only the first letter may be raised after a dropped 'Results show that' lead).
        assert cell[1:] in paper.abstract, (paper.key, cell)
        assert _COMPARING.search(cell) and "?" not in cell, (paper.key, cell)
        assert not re.search(r"\bwe (?:believe|hope|argue)\b", cell, re.I), (paper.key, cell)
    assert qualitative >= 20, qualitative


def test_hyphenated_names_used_as_datasets_reach_the_benchmark_cell(seed_papers: dict[str, Paper]) -> None:
    """'... with Pick-a-Pic dataset': a hyphenated name written right before 'dataset'/'benchmark' is a
    resource name even when it has no inner capital or digit, and lands in that paper's benchmark cell."""
    from reviewer.survey.table import benchmarks_of, method_name, mine_gazetteer

    papers = list(seed_papers.values())
    gazetteer = mine_gazetteer(papers)
    lower = {w.lower() for p in papers for w in re.findall(r"(?<![\w-])[a-z][\w-]*", p.abstract)}
    seen = 0
    for p in papers:
        for name in re.findall(r"(?<=[a-z,] )([A-Z][a-z]+(?:-[a-z]+)*-[A-Z][a-z]+) (?:dataset|benchmark)\b", p.abstract):
            if name.lower() in lower:
                continue
            seen += 1
            assert name in benchmarks_of(p, gazetteer, method_name(p)).split(", "), (p.key, name)
    assert seen >= 1


def test_report_escaping_is_undone_before_a_report_is_rechecked(seed_papers: dict[str, Paper]) -> None:
    """Seed sentences with '&', '<', '*' or '_' are escaped for Markdown in the report ('K&amp;K'); `reviewer
    check` must read them back as the abstract writes them, or it reports its own quotes as unsupported."""
    from reviewer.checker.report import prose_of_report
    from reviewer.survey.report import escape_md
    from reviewer.textutil import split_sentences

    seen = 0
    for p in seed_papers.values():
        for s in split_sentences(p.abstract):
            if not re.search(r"[&<>*_]", s):
                continue
            seen += 1
            assert prose_of_report(escape_md(s)).strip() == " ".join(s.split()), s
    assert seen >= 5, seen
