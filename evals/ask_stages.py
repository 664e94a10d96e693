"""Where each answerable `ask` question is lost: retrieval, citation, the lead, or padding (follow-up 23).

`python -m evals.ask_stages dump OUT.jsonl SET...` asks every question offline and records, per answerable question,
whether an expected paper is among the candidate papers, the rank of its best sentence among the scored candidates,
whether the answer cites it, the hand label of the printed lead, and the answer's facet sections ("On X:") with the
papers each cites. `python -m evals.ask_stages table OUT.jsonl` prints the counts by stage.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from pydantic import BaseModel

from evals.ask_labels import load_labels, normalise

FACET = re.compile(r"^On (.+):$")
CITE = re.compile(r"\[@([^\]]+)\]")


class StageRow(BaseModel):
    set: str
    q: str
    refused: bool
    retrieved: bool = False
    rank: int = -1  # of the expected paper's best sentence among the scored candidates; -1: none
    cites: bool = False
    lead_key: str = ""
    lead_expected: bool = False
    label: bool | None = None
    facets: list[tuple[str, list[str]]] = []
    bullets: list[list[str]] = []


def stage(row: StageRow) -> str:
    """The first stage at which the question is lost ('answers' when its lead is labelled answering)."""
    if row.label is True:
        return "answers"
    if row.refused:
        return "refused"
    if not row.retrieved:
        return "expected paper not among the candidates"
    if not row.cites:
        return "candidate, not cited"
    if not row.lead_expected:
        return "cited, another paper's sentence leads"
    return "cited, expected paper leads with a non-answer" if row.label is False else "unlabelled lead"


def _sections(text: str) -> tuple[list[tuple[str, list[str]]], list[list[str]]]:
    facets: list[tuple[str, list[str]]] = []
    bullets: list[list[str]] = []
    for line in text.splitlines():
        m = FACET.match(line.strip())
        if m:
            facets.append((m.group(1), []))
        elif line.startswith("- "):
            keys = CITE.findall(line)
            bullets.append(keys)
            if facets:
                facets[-1][1].extend(keys)
        elif not line.strip() or line.startswith("("):
            continue
        elif line.startswith("References"):
            break
    return facets, bullets


def dump(out: Path, sets: list[str]) -> None:
    import reviewer.ask.answer as answer_mod
    from evals.ask import load_cases
    from reviewer.ask.session import AskSession
    from reviewer.citations import cited_sentences
    from reviewer.settings import Settings

    captured: dict[str, object] = {}
    real_select = answer_mod.select

    def select(question, scored, papers, *a, **k):  # type: ignore[no-untyped-def]
        captured.setdefault("scored", scored)
        captured.setdefault("papers", papers)
        return real_select(question, scored, papers, *a, **k)

    answer_mod.select = select
    labels = {(lab.set, normalise(lab.question), normalise(lab.lead)): lab.answers for lab in load_labels()}
    session = AskSession(Settings(llm_offline=True), quiet=True)
    session.warm()
    root = Path(__file__).resolve().parent / "datasets"
    with out.open("w", encoding="utf-8") as fh:
        for name in sets:
            for case in load_cases(root / f"ask_{name}.jsonl"):
                if not case.answerable:
                    continue
                captured.clear()
                answer = session.ask(case.q)
                first = next((s for s in cited_sentences(answer.answer) if s.keys), None)
                lead = first.text if first else ""
                row = StageRow(set=name, q=case.q, refused=answer.refused)
                if not answer.refused:
                    papers = captured.get("papers", [])
                    scored = captured.get("scored", [])
                    row.retrieved = any(p.key in case.papers for p in papers)  # type: ignore[attr-defined]
                    row.rank = next((i for i, s in enumerate(scored) if s.ev.key in case.papers), -1)  # type: ignore[attr-defined]
                    row.cites = bool({c.key for c in answer.citations} & set(case.papers))
                    row.lead_key = first.keys[0] if first else ""
                    row.lead_expected = row.lead_key in case.papers
                    row.label = labels.get((name, normalise(case.q), normalise(lead))) if lead else False
                    row.facets, row.bullets = _sections(answer.answer)
                fh.write(row.model_dump_json() + "\n")


def table(rows: list[StageRow]) -> Counter[str]:
    return Counter(stage(r) for r in rows)


def main(argv: list[str]) -> None:
    if argv[:1] == ["dump"]:
        dump(Path(argv[1]), argv[2:])
    elif argv[:1] == ["table"]:
        rows = [StageRow.model_validate_json(x) for x in Path(argv[1]).read_text().splitlines() if x]
        for name, n in table(rows).most_common():
            print(f"{n:4d}  {name}")
    else:
        print(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
