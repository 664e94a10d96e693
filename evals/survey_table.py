"""Comparison-table figures of `reviewer eval survey` that fill rate alone hides.

Fill rate counts the filled cells of the rows a report prints, so a writer that moves sparse papers off the
table raises it. Row coverage (cited papers with a row / cited papers) and cells shown per cited paper do not
move that way. The grounding check is written apart from the table writer's rules: a name cell (method,
benchmarks) must appear in the paper's title or abstract, and every content word and number of a task or result
cell must appear there too (words compared on their first four letters, so 'aligning' matches 'align').
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

_STOP = frozenset("""the a an of for in on with to and or by from via as at into its their our this that these is are
    was were be been it they than which while over under up""".split())
# Words the writer may add when it puts an abstract's 'We show ...' in the third person.
_VOICE = frozenset({"authors", "author"})


class TableShape(BaseModel):
    cited: int = 0  # cited papers (each has a table entry: a row or a line under the table)
    rows: int = 0  # printed rows
    cells_shown: int = 0  # filled cells of printed rows
    cells_checked: int = 0
    ungrounded: list[str] = Field(default_factory=list)


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z'-]*", text.lower()) if w not in _STOP and len(w) >= 3]


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d+(?:\.\d+)?", text.replace(",", ""))


def grounded(column: str, cell: str, title: str, abstract: str) -> bool:
    """True when the cell says only what the title and abstract say (see the module docstring)."""
    source = f"{title} {abstract}"
    flat = re.sub(r"\s+", " ", source.lower())
    if column in ("method", "benchmarks"):
        names = [n.strip() for n in cell.split(",")] if column == "benchmarks" else [cell.strip()]
        return all(re.sub(r"\s+", " ", n.lower()) in flat for n in names if n)
    prefixes = {w[:4] for w in _words(source)}
    numbers = set(_numbers(source))
    return all(w[:4] in prefixes or w in _VOICE for w in _words(cell)) and all(n in numbers for n in _numbers(cell))


def add_table_cells(report: object, papers: dict[str, tuple[str, str]], min_fields: int, shape: TableShape) -> None:
    """Add one report's row coverage, shown cells and ungrounded cells to `shape`.
    `papers` maps a key to (title, abstract)."""
    for row in getattr(report, "table", []):
        shape.cited += 1
        if row.facts() < min_fields:
            continue
        shape.rows += 1
        title, abstract = papers.get(row.key, ("", ""))
        for column in ("method", "task", "benchmarks", "result"):
            cell = getattr(row, column).text.strip()
            if not cell:
                continue
            shape.cells_shown += 1
            shape.cells_checked += 1
            if not grounded(column, cell, title, abstract):
                shape.ungrounded.append(f"{row.key} {column}: {cell[:120]}")


_PIPE = re.compile(r"(?<!\\)\|")


def rendered_cells(markdown: str) -> tuple[int, int]:
    """(cells, filled cells) of every table row the Markdown report prints, whatever its columns: a table that
    leaves a column out for some papers is scored on the cells it shows, not on four per paper. The Ref. column
    is not a field."""
    cells = filled = 0
    for line in markdown.splitlines():
        if not line.startswith("| \\["):
            continue
        fields = [c.strip() for c in _PIPE.split(line.strip())[1:-1]][1:]
        cells += len(fields)
        filled += sum(1 for c in fields if c)
    return cells, filled


def summary(shape: TableShape) -> str:
    return (f"table row coverage {shape.rows}/{shape.cited} cited papers ({shape.rows / max(1, shape.cited):.1%}); "
            f"cells shown per cited paper {shape.cells_shown / max(1, shape.cited):.2f} of 4; cells not grounded in "
            f"their abstract {len(shape.ungrounded)} of {shape.cells_checked} {shape.ungrounded[:4]}")
