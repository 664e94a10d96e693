"""Hand labels for "the first sentence answers the question", kept as data so the figure can be re-checked.

Each label in `evals/datasets/ask_hand_labels.jsonl` records the exact first sentence that was judged. A label counts
only while `ask` still leads with that sentence (whitespace normalised): when the lead changes, the old judgement says
nothing about the new sentence, so the question is reported as unlabelled (lead changed) and left out of the share,
never silently counted. A question may have one label per lead it has had. An answerable question answered with no cited first sentence (e.g. refused) does not answer.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

LABELS = Path(__file__).resolve().parent / "datasets" / "ask_hand_labels.jsonl"


class HandLabel(BaseModel):
    set: str
    question: str
    lead: str
    answers: bool
    why: str = ""


class HandResult(BaseModel):
    """The hand-labelled share over the questions whose stored lead is still the current one."""

    labelled: int = 0
    answering: int = 0
    share: float | None = None
    not_answering: list[str] = Field(default_factory=list)
    lead_changed: list[str] = Field(default_factory=list)
    no_label: list[str] = Field(default_factory=list)


def normalise(text: str) -> str:
    return " ".join(text.split())


def load_labels(path: Path = LABELS) -> list[HandLabel]:
    if not path.exists():
        return []
    return [HandLabel.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def score_hand(set_name: str, leads: list[tuple[str, str]], labels: list[HandLabel]) -> HandResult:
    """`leads` is (question, current first sentence) for each answerable question of the set."""
    # A question may carry several labels, one per lead it has had: the one judging the current lead counts (a later
    # label of the same lead wins), so a run of older code is still scored by the label its own lead received.
    by_question: dict[str, dict[str, HandLabel]] = {}
    for lab in labels:
        if lab.set == set_name:
            by_question.setdefault(normalise(lab.question), {})[normalise(lab.lead)] = lab
    result = HandResult()
    for question, lead in leads:
        judged = by_question.get(normalise(question))
        if not lead.strip():
            answers = False
        elif not judged:
            result.no_label.append(question)
            continue
        elif normalise(lead) not in judged:
            result.lead_changed.append(question)
            continue
        else:
            answers = judged[normalise(lead)].answers
        result.labelled += 1
        result.answering += answers
        if not answers:
            result.not_answering.append(question)
    result.share = round(result.answering / result.labelled, 3) if result.labelled else None
    return result


def format_hand(result: HandResult) -> list[str]:
    share = "n/a  " if result.share is None else f"{result.share:.3f}"
    unlabelled = len(result.lead_changed) + len(result.no_label)
    lines = [f"first sentence answers (hand labels)     {share}  (target >= 0.80; {result.answering}/"
             f"{result.labelled} labelled, {unlabelled} unlabelled)"]
    lines += [f"  hand: does not answer: {q[:80]}" for q in result.not_answering]
    lines += [f"  hand: unlabelled (lead changed): {q[:80]}" for q in result.lead_changed]
    lines += [f"  hand: unlabelled (no label): {q[:80]}" for q in result.no_label]
    return lines
