"""Score the offline table extractor (reviewer.survey.table.offline_row) against hand labels.

    python -m evals.table_fields --set NAME   # evals/datasets/table_fields_NAME.jsonl (dev by default)

Each line of evals/datasets/table_fields_<set>.jsonl is a seed paper labelled from its abstract alone: the name of
its method (or null), the task it addresses, the benchmarks and datasets it names, and the numbers of its headline
results (empty when it reports none). The labels were written before the extractor's output on those papers was
read, so the scores say how often a cell is right, not how often it matches the rules that made it.

Per field: precision (filled cells that are right) and recall (labelled fields the cell gets right).
- method: the same name, ignoring case and punctuation, or one name containing the other ('Keye-VL' in 'Kwai
  Keye-VL');
- task: token F1 of the cell and the label >= 0.4 (words cut to 5 letters, stop words dropped);
- benchmarks: micro precision/recall over names (case and punctuation ignored);
- result number: a result cell carrying a number is right when one of its numbers is a labelled headline number;
  recall is over papers labelled with a headline number.
Also: the share of papers that get a printed row (>= MIN_TABLE_FIELDS cells), the cells filled (of four per paper,
and of the printed rows' cells, as `reviewer eval survey` counts fill), the wrong cells per field (filled minus right),
and the reader's check (evals/reader_check.py: Method cells that are descriptions, Task cells that are fragments or
generic words), which needs no label.
"""

from __future__ import annotations

import argparse
import json
import re

from pydantic import BaseModel, Field

from evals import sets

_STOP = frozenset("""a an the of for in on with to and or by from via as at into its their our llm llms language
    models model large""".split())
TASK_F1 = 0.4


class FieldLabel(BaseModel):
    title: str
    method: str | None = None
    task: str | None = None
    benchmarks: list[str] = Field(default_factory=list)
    has_number: bool = False
    numbers: list[str] = Field(default_factory=list)


class FieldScore(BaseModel):
    correct: int = 0
    predicted: int = 0
    gold: int = 0

    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0


class TableFieldsResult(BaseModel):
    papers: int
    rows: int
    fields: dict[str, FieldScore]
    filled: int = 0
    row_cells_filled: int = 0
    row_cells: int = 0  # cells of the printed rows: a row of the table without a benchmark column has three
    reader_faults: list[str] = Field(default_factory=list)


def load(which: str) -> list[FieldLabel]:
    path = sets.path("table", which)
    return [FieldLabel.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9+]", "", name.lower())


def same_name(cell: str, gold: str) -> bool:
    a, b = _norm(cell), _norm(gold)
    return bool(a) and bool(b) and (a == b or a in b or b in a)


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP and len(w) > 1}


def task_matches(cell: str, gold: str) -> bool:
    p, g = _stems(cell), _stems(gold)
    common = len(p & g)
    if not common:
        return False
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall) >= TASK_F1


def numbers_in(text: str) -> set[str]:
    return {n.rstrip("0").rstrip(".") if "." in n else n for n in re.findall(r"\d+(?:\.\d+)?", text.replace(",", ""))}


def score(labels: list[FieldLabel]) -> TableFieldsResult:
    from evals.reader_check import method_fault, task_fault
    from evals.seed_claims import seed_papers_by_title
    from reviewer.ingest.markup import plain_text
    from reviewer.survey.report import COLUMNS, MIN_TABLE_FIELDS, NO_BENCH_COLUMNS, table_groups
    from reviewer.survey.table import mine_gazetteer, offline_row
    from reviewer.survey.types import TableRow

    # As ingest stores them: markup turned into plain text ('76.2\\%' -> '76.2%').
    papers = {t: p.model_copy(update={"title": plain_text(p.title), "abstract": plain_text(p.abstract)})
              for t, p in seed_papers_by_title().items()}
    gazetteer = mine_gazetteer(list(papers.values()))
    fields = {k: FieldScore() for k in ("method", "task", "benchmarks", "result_number")}
    rows = filled = row_cells = 0
    built: list[TableRow] = []
    faults: list[str] = []
    for label in labels:
        paper = papers[label.title]
        row = offline_row(paper, gazetteer)
        built.append(row)
        rows += row.facts() >= MIN_TABLE_FIELDS
        filled += row.filled()
        row_cells += row.filled() if row.facts() >= MIN_TABLE_FIELDS else 0
        m, t, r = row.method.text.strip(), row.task.text.strip(), row.result.text.strip()
        if m and method_fault(m, paper.title, paper.abstract):
            faults.append(f"method: {m}")
        if t and task_fault(t, ""):
            faults.append(f"task: {t}")
        f = fields["method"]
        f.predicted += bool(m)
        f.gold += label.method is not None
        f.correct += bool(m) and label.method is not None and same_name(m, label.method)
        f = fields["task"]
        f.predicted += bool(t)
        f.gold += label.task is not None
        f.correct += bool(t) and label.task is not None and task_matches(t, label.task)
        f = fields["benchmarks"]
        cells = {_norm(b) for b in row.benchmarks.text.split(",") if b.strip()}
        gold = {_norm(b) for b in label.benchmarks}
        f.predicted += len(cells)
        f.gold += len(gold)
        f.correct += len(cells & gold)
        f = fields["result_number"]
        found = numbers_in(r)
        f.predicted += bool(found)
        f.gold += label.has_number
        f.correct += bool(found & numbers_in(" ".join(label.numbers)))
    benched, unbenched, _ = table_groups(built)  # the two tables the report prints; Ref. is not a field
    shown = len(benched) * (len(COLUMNS) - 1) + len(unbenched) * (len(NO_BENCH_COLUMNS) - 1)
    return TableFieldsResult(papers=len(labels), rows=rows, fields=fields, filled=filled, row_cells_filled=row_cells,
                             row_cells=shown,
                             reader_faults=faults)


def format_result(result: TableFieldsResult) -> str:
    lines = [f"papers {result.papers}; printed rows {result.rows} ({result.rows / max(1, result.papers):.0%}); cells "
             f"filled {result.filled}/{4 * result.papers} ({result.filled / max(1, 4 * result.papers):.1%}), of printed "
             f"rows {result.row_cells_filled}/{4 * result.rows} ({result.row_cells_filled / max(1, 4 * result.rows):.1%}), "
             f"of the cells the tables show {result.row_cells_filled}/{result.row_cells} "
             f"({result.row_cells_filled / max(1, result.row_cells):.1%})"]
    for name, f in result.fields.items():
        lines.append(f"{name:<14} precision {f.precision():.2f} ({f.correct}/{f.predicted})  "
                     f"recall {f.recall():.2f} ({f.correct}/{f.gold})  wrong {f.predicted - f.correct}")
    lines.append(f"reader's check faults {len(result.reader_faults)} (method descriptions, task fragments/generic)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--set", dest="which", default="dev", choices=sets.names("table"))
    parser.add_argument("--faults", action="store_true", help="list the reader's-check faults (not for blind sets)")
    args = parser.parse_args()
    result = score(load(args.which))
    print(format_result(result))
    print(json.dumps(result.model_dump(exclude={"reader_faults"})))
    if args.faults:
        print("\n".join(result.reader_faults))


if __name__ == "__main__":
    main()
