"""A stray quote in a CSV costs one row, reported, never the rest of the file (issue 17, item 4)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from reviewer.errors import InputError
from reviewer.ingest.parse import parse_file
from reviewer.models import PaperRecord

ABSTRACT = "We study reward models for reasoning, and report gains on three benchmarks."


def parse(path: Path) -> tuple[list[PaperRecord], list[InputError]]:
    items = list(parse_file(path))
    return [i for i in items if isinstance(i, PaperRecord)], [i for i in items if isinstance(i, InputError)]


def write_rows(path: Path, header: list[str], rows: list[list[str]], raw: dict[int, str]) -> Path:
    """A valid CSV of `rows`, with the data rows numbered in `raw` replaced by raw text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for i, row in enumerate(rows):
        if i in raw:
            out.write(raw[i] + "\n")
        else:
            writer.writerow(row)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_unterminated_quote_costs_one_row_not_the_rest(tmp_path: Path) -> None:
    rows = [[f"Paper {i}", f"{ABSTRACT} Row {i}.", "2024"] for i in range(1002)]
    path = write_rows(tmp_path / "papers.csv", ["title", "abstract", "year"], rows,
                      {1: 'Paper 1,"An abstract whose quote never closes, 2024'})
    records, errors = parse(path)
    assert [e.line for e in errors] == [3]  # header is line 1, the bad row line 3
    assert "quote" in errors[0].reason and "line 4" in errors[0].reason
    assert len(records) == 1001
    assert {r.title for r in records} == {f"Paper {i}" for i in range(1002) if i != 1}


def test_quote_that_closes_later_reports_the_row_and_keeps_the_swallowed_ones(tmp_path: Path) -> None:
    rows = [[f"Paper {i}", f"{ABSTRACT} Row {i}.", "2024"] for i in range(6)]
    path = write_rows(tmp_path / "papers.csv", ["title", "abstract", "year"], rows,
                      {1: 'Paper 1,"Stray quote here,2024', 3: 'Paper 3,Closing quote at the end",2024'})
    records, errors = parse(path)
    assert [e.line for e in errors] == [3]
    assert "line 5" in errors[0].reason and "line 4" in errors[0].reason  # how far it read, where it restarts
    # Rows 2 and 3 were inside the runaway field; both are read again as rows of their own.
    assert {r.title for r in records} == {"Paper 0", "Paper 2", "Paper 3", "Paper 4", "Paper 5"}


def test_two_column_file_never_drops_a_swallowed_row_silently(tmp_path: Path) -> None:
    path = tmp_path / "two.csv"
    text = ABSTRACT.replace(",", "")  # two columns: a line of the abstract could itself be a row
    path.write_text(f'title,abstract\nPaper 0,"{text}\nPaper 1,{text}"\nPaper 2,{text}\n')
    records, errors = parse(path)
    # Ambiguous with two columns (a quoted abstract line may look like a row): kept as one row, but said.
    assert {r.title for r in records} == {"Paper 0", "Paper 2"}
    assert [e.line for e in errors] == [2] and "stray quote" in errors[0].reason and "3" in errors[0].reason


def test_real_multiline_quoted_fields_still_parse(tmp_path: Path) -> None:
    rows = [["Multi Line Paper", f"{ABSTRACT}\nSecond line, with a comma.\n\nThird paragraph.", "2023"],
            ["Next Paper", ABSTRACT, "2024"]]
    path = write_rows(tmp_path / "ok.csv", ["title", "abstract", "year"], rows, {})
    records, errors = parse(path)
    assert errors == []
    assert [r.title for r in records] == ["Multi Line Paper", "Next Paper"]
    assert records[0].abstract.endswith("Third paragraph.") and records[1].line == 6
