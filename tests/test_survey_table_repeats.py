"""A row whose Benchmarks cell only repeats its Method cell (a dataset paper's own name in both: 'MAQA | | MAQA |')
holds one fact, so the paper is listed under the tables as a paper with one field is (branch t30). A dataset paper
that also states a task or a result keeps its row. Rows are built by the offline writer from real seed abstracts."""

from __future__ import annotations

from evals.survey_table import rendered_cells
from reviewer.models import Paper
from reviewer.survey.report import render_markdown, table_groups
from tests.table_report import table_report

REPEATED = "MAQA: Evaluating Uncertainty Quantification in LLMs Regarding Data Uncertainty"
# M-RewardBench's Benchmarks cell repeats its Method too, but it states a task and a result besides.
WITH_MORE = "M-RewardBench: Evaluating Reward Models in Multilingual Settings"



def test_a_benchmark_cell_that_repeats_the_method_is_no_second_field(seed_papers: dict[str, Paper]) -> None:
    report = table_report(seed_papers, [REPEATED, WITH_MORE])
    repeated = next(r for r in report.table if r.method.text == "MAQA")
    assert repeated.benchmarks.text == "MAQA" and repeated.filled() == 2 and repeated.facts() == 1
    benched, unbenched, listed = table_groups(report.table)
    assert [r.method.text for r in benched] == ["M-RewardBench"] and not unbenched
    assert [r.method.text for r in listed] == ["MAQA"]
    markdown = render_markdown(report)
    assert not any(line.startswith("| \\[") and "MAQA" in line for line in markdown.splitlines())
    assert any(line.startswith("- \\[") and "MAQA" in line for line in markdown.splitlines())
    assert rendered_cells(markdown)[0] == 4  # only M-RewardBench's row is printed
