"""Headline results on real seed abstracts: a paper that reports no number still gets its own result
sentence when it has one that compares or improves, verbatim and never a question or a belief."""

from __future__ import annotations

import re

from reviewer.models import Paper
from reviewer.survey.table import headline_result

_NUMBER = re.compile(r"\d")
# ('superior': 'results demonstrate the superior performance of SAR' says it did better, as 'outperforms' does; t27)
# ('better', 'faster than': 'SimulPL exhibits better alignment ...' says it did better; t30)
_COMPARING = re.compile(r"\b(?:outperform|surpass|improv|enhanc|achiev|exceed|excel|beat|match|reduc|boost|superior)\w*"
                        r"|\bcompared (?:to|with)\b|\bbetter\b|\b(?:faster|higher|stronger|lower|more accurate) than\b", re.I)


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


def test_hyphenated_names_used_as_datasets_reach_the_benchmark_cell(seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str]) -> None:
    """'... with Pick-a-Pic dataset': a hyphenated name written right before 'dataset'/'benchmark' is a
    resource name even when it has no inner capital or digit, and lands in that paper's benchmark cell."""
    from reviewer.survey.table import benchmarks_of, method_name

    papers = list(seed_papers.values())
    gazetteer = seed_gazetteer
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


def test_a_result_cell_never_stops_inside_a_word_list(seed_papers: dict[str, Paper]) -> None:
    """'... across diverse mathematical, logical, and multimodal benchmarks': the list's commas are not clause
    breaks, so the cell keeps the whole list instead of ending on 'mathematical'."""
    lists = 0
    for paper in seed_papers.values():
        cell = headline_result(paper)
        at = paper.abstract.find(cell[1:]) if cell else -1
        if at < 0:
            continue
        after = paper.abstract[at + len(cell) - 1:]
        assert not re.match(r", (?:[\w-]+ ){0,2}[\w-]+, (?:and|or) ", after), (paper.key, cell, after[:60])
        lists += bool(re.search(r"\w, (?:[\w-]+ ){0,2}[\w-]+, (?:and|or) ", cell))
    assert lists >= 3, lists


def test_a_subjectless_result_clause_keeps_the_clause_that_says_who(seed_papers: dict[str, Paper]) -> None:
    """'With a win rate of 74.7 percent' says nothing about what won: the cell takes the clause before it (the
    subject and its verb) whenever that clause is a clause and the cell stays short."""
    joined = 0
    for paper in seed_papers.values():
        cell = headline_result(paper)
        if not cell:
            continue
        joined += bool(re.search(r"\w, with\b", cell))
        if not re.match(r"With ", cell):
            continue
        at = paper.abstract.find(cell[1:])
        before = paper.abstract[:at].rstrip()
        if not before.endswith(","):
            continue  # the sentence itself opens with 'With ...'
        clause = re.split(r"(?<=[.;,])\s+", before[:-1])[-1]
        short = len(f"{clause} {cell}".split()) <= 25
        assert not (short and re.match(r"[A-Z][\w-]* (?!as well|instance|example)", clause)), (paper.key, clause, cell)
    assert joined >= 3, joined
