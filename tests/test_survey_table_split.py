"""The comparison table shows a benchmark column only for papers whose abstracts name a benchmark or dataset
(branch t27): the others get a second table of method, task and headline result, so no printed column is one a
paper cannot fill. Rows are built by the offline writer from real seed abstracts."""

from __future__ import annotations

from evals.survey_table import rendered_cells
from reviewer.models import Paper
from reviewer.survey.report import render_markdown
from tests.table_report import table_report

# Two README-survey papers: the implicit PRM names MATH; RM-R1's abstract names no benchmark or dataset.
BENCHED = "Free Process Rewards without Process Labels"
UNBENCHED = "RM-R1: Reward Modeling as Reasoning"



def test_a_paper_naming_no_benchmark_is_in_a_table_without_that_column(seed_papers: dict[str, Paper]) -> None:
    report = table_report(seed_papers, [BENCHED, UNBENCHED])
    benched, unbenched = report.table
    assert benched.benchmarks.text == "MATH" and not unbenched.benchmarks.text.strip()
    assert unbenched.filled() >= 2  # RM-R1 has a row: its method and its result
    lines = render_markdown(report).splitlines()
    headers = [n for n, line in enumerate(lines) if line.startswith("| Ref. |")]
    assert [lines[n] for n in headers] == ["| Ref. | Method | Task | Benchmarks and datasets | Headline result |",
                                           "| Ref. | Method | Task | Headline result |"]
    first, second = (lines[n + 2] for n in headers)
    assert first.startswith("| \\[1\\] | Implicit PRM |") and "| MATH |" in first
    assert second.startswith("| \\[2\\] | RM-R1 |") and second.count(" | ") == 3  # Ref., method, task, result
    assert "name no known benchmark or dataset" in lines[headers[1] - 2]


def test_fill_counts_every_cell_of_every_printed_table(seed_papers: dict[str, Paper]) -> None:
    """The eval's count reads the Markdown: RM-R1's row shows three fields, so its missing benchmark is not a cell."""
    report = table_report(seed_papers, [BENCHED, UNBENCHED])
    cells, filled = rendered_cells(render_markdown(report))
    assert cells == 4 + 3
    assert filled == sum(r.filled() for r in report.table)


def test_only_unbenchmarked_papers_give_one_table_without_the_column(seed_papers: dict[str, Paper]) -> None:
    lines = render_markdown(table_report(seed_papers, [UNBENCHED])).splitlines()
    assert [line for line in lines if line.startswith("| Ref. |")] == ["| Ref. | Method | Task | Headline result |"]
    assert not any("Benchmarks and datasets" in line for line in lines)
