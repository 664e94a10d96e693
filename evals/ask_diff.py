"""Question-by-question comparison of two `ask` runs, scored by the hand labels (evals/datasets/ask_hand_labels.jsonl).

A change to how `ask` chooses its paper moves a few leads among ~340 questions; the set-level figures hide which
moved and whether each move gains or loses. `run` asks every question of the sets offline (no checker judge: all
dev-read sets in 2.5-5 minutes on a shared machine, against ~15 for `reviewer eval ask` over each), `compare` lists the
questions whose lead, refusal or cited-expected flag changed, tagged by the hand label of the old and the new lead:

    python -m evals.ask_diff run before.jsonl [SET ...]      # default: every dev-read set (not a blind one)
    python -m evals.ask_diff compare before.jsonl after.jsonl

A new lead with no hand label is tagged "unlabelled": read it and label it before counting it either way.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from pydantic import BaseModel

from evals.ask_labels import load_labels, normalise

DATASETS = Path(__file__).resolve().parent / "datasets"
# para16-para27 were blind for follow-ups 20-28 and branches a29-a32 and are read since; para28 is the blind set of branch a33.
DEV_READ = ("dev holdout fresh blind defs new para para2 para3 para4 para5 para6 para7 para8 para9 para10 para11 "
            "para12 para13 para14 para15 para16 para17 para18 para19 para20 para21 para22 para23 para24 para25 para26 "
            "para27 refuse").split()


class DiffRow(BaseModel):
    set: str
    q: str
    answerable: bool
    refused: bool
    lead: str = ""
    lead_key: str = ""
    cites: bool = False
    label: bool | None = None  # hand label of this exact lead; False when an answerable question has no lead


def label_of(name: str, question: str, lead: str, answerable: bool,
             labels: dict[tuple[str, str, str], bool]) -> bool | None:
    """The hand label of this lead for this question (None: never labelled); no lead answers nothing."""
    if not lead:
        return False if answerable else None
    return labels.get((name, normalise(question), normalise(lead)))


def run(out: Path, sets: list[str]) -> None:
    from evals.ask import load_cases
    from reviewer.ask.session import AskSession
    from reviewer.citations import cited_sentences
    from reviewer.settings import Settings

    session = AskSession(Settings(llm_offline=True), quiet=True)
    session.warm()
    labels = {(lab.set, normalise(lab.question), normalise(lab.lead)): lab.answers for lab in load_labels()}
    with out.open("w", encoding="utf-8") as fh:
        for name in sets:
            for case in load_cases(DATASETS / f"ask_{name}.jsonl"):
                answer = session.ask(case.q)
                first = next((s for s in cited_sentences(answer.answer) if s.keys), None)
                lead = first.text if first else ""
                row = DiffRow(set=name, q=case.q, answerable=case.answerable, refused=answer.refused, lead=lead,
                              lead_key=first.keys[0] if first else "",
                              cites=bool({c.key for c in answer.citations} & set(case.papers)),
                              label=label_of(name, case.q, lead, case.answerable, labels))
                fh.write(row.model_dump_json() + "\n")


def tag(old: DiffRow, new: DiffRow) -> str:
    """gain / loss / unlabelled / neutral for an answerable question; refused / answered for an unanswerable one."""
    if not new.answerable:
        return "neutral" if old.refused == new.refused else "refused" if new.refused else "answered"
    if new.label is None:
        return "unlabelled"
    if old.label is not True and new.label is True:
        return "gain"
    if old.label is True and new.label is not True:
        return "loss"
    return "neutral"


def compare(before: list[DiffRow], after: list[DiffRow]) -> tuple[Counter[str], list[str]]:
    """Counts of tags over the changed questions, and one readable entry per changed question."""
    old = {(r.set, r.q): r for r in before}
    counts: Counter[str] = Counter()
    lines: list[str] = []
    for r in after:
        o = old.get((r.set, r.q))
        if o is None or (o.lead, o.refused, o.cites) == (r.lead, r.refused, r.cites):
            continue
        t = tag(o, r)
        counts[t] += 1
        if o.cites != r.cites:
            counts["cites " + ("gained" if r.cites else "lost")] += 1
        lines.append(f"[{r.set}] {t}{'' if o.cites == r.cites else f' (cites {o.cites} -> {r.cites})'}: {r.q}\n"
                     f"   old ({o.lead_key}, {o.label}): {o.lead[:160]}\n   new ({r.lead_key}, {r.label}): {r.lead[:160]}")
    return counts, lines


def _load(path: Path) -> list[DiffRow]:
    return [DiffRow.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def main(argv: list[str]) -> None:
    if argv[:1] == ["run"] and len(argv) >= 2:
        run(Path(argv[1]), argv[2:] or list(DEV_READ))
    elif argv[:1] == ["compare"] and len(argv) == 3:
        counts, lines = compare(_load(Path(argv[1])), _load(Path(argv[2])))
        print("\n".join(lines) or "no change")
        print(dict(counts))
    else:
        print(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
