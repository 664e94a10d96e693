"""The candidate leads of `ask` questions, for studying how the lead is chosen (follow-up 14 of evals/RESULTS.md).

`python -m evals.ask_leads dump OUT.jsonl SET...` runs `ask` offline on each answerable question of the sets and
writes, per question, the top candidates in the order the lead rules left them (the first is the printed lead), each
with the sentence as printed, its paper, its scores and a label: the hand label of that exact printed sentence when
one exists (evals/datasets/ask_hand_labels.jsonl), else a silver label (`silver`): a sentence of an expected paper
that states most of the reference answer's content words. `python -m evals.ask_leads fit OUT.jsonl` fits a scored
choice of the lead over them, leave one set out (evals/lead_choice.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel, Field

from evals.ask_labels import load_labels, normalise
from reviewer.textutil import content_stems

TOP = 8
# Share of the reference answer's content words (less the question's) a sentence must state to count as answering.
SILVER_SHARE = 0.5
_REFERENCE_FILLER = frozenset(content_stems("yes no it they their its the a an with by which while"))


class Candidate(BaseModel):
    printed: str
    key: str
    index: int
    role: str
    score: float
    relevance: float
    similarity: float
    prior: float
    order: float
    expected_paper: bool
    label: bool
    hand: bool = Field(description="The label is a hand label, not the silver one.")


class QuestionLeads(BaseModel):
    set: str
    q: str
    qtype: str
    reference: str
    candidates: list[Candidate]


def silver(reference: str, question: str, text: str) -> bool:
    """Does the sentence state most of what the reference answer says beyond the question's own words?"""
    asked = set(content_stems(question))
    wanted = set(content_stems(reference)) - asked - _REFERENCE_FILLER
    if not wanted:
        wanted = set(content_stems(reference)) - _REFERENCE_FILLER
    return bool(wanted) and len(wanted & set(content_stems(text))) / len(wanted) >= SILVER_SHARE


def dump(out: Path, sets: list[str]) -> None:
    import reviewer.ask.answer as answer_mod
    from evals.ask import load_cases
    from reviewer.ask.render import display
    from reviewer.ask.session import AskSession
    from reviewer.settings import Settings

    captured: dict[str, object] = {}
    real_select, real_score, real_retrieve = answer_mod.select, answer_mod.score_for_type, answer_mod.retrieve_scored

    def select(question, scored, papers, *a, **k):  # type: ignore[no-untyped-def]
        captured.setdefault("scored", scored)
        captured.setdefault("qtype", question.qtype.value)
        return real_select(question, scored, papers, *a, **k)

    def score_for_type(question, ranked, papers, aliases=None, order=None):  # type: ignore[no-untyped-def]
        captured.setdefault("order", order or {})
        return real_score(question, ranked, papers, aliases, order)

    def retrieve_scored(*a, **k):  # type: ignore[no-untyped-def]
        papers, prior = real_retrieve(*a, **k)
        captured.setdefault("prior", prior)
        return papers, prior

    answer_mod.select, answer_mod.score_for_type, answer_mod.retrieve_scored = select, score_for_type, retrieve_scored
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
                if answer.refused or "scored" not in captured:
                    continue
                scored = captured["scored"]
                prior: dict[str, float] = captured.get("prior", {})  # type: ignore[assignment]
                order: dict[str, float] = captured.get("order", {})  # type: ignore[assignment]
                cands = []
                for s in scored[:TOP]:  # type: ignore[index]
                    printed = display(s)
                    hand = labels.get((name, normalise(case.q), normalise(printed)))
                    expected = s.ev.key in case.papers
                    label = hand if hand is not None else expected and silver(case.reference, case.q, s.ev.text)
                    cands.append(Candidate(printed=printed, key=s.ev.key, index=s.ev.index, role=s.role.value,
                                           score=s.score, relevance=s.ev.score, similarity=s.ev.similarity,
                                           prior=prior.get(s.ev.paper_id, 0.0), order=order.get(s.ev.paper_id, 0.0),
                                           expected_paper=expected, label=label, hand=hand is not None))
                row = QuestionLeads(set=name, q=case.q, qtype=str(captured["qtype"]), reference=case.reference,
                                    candidates=cands)
                fh.write(row.model_dump_json() + "\n")


def load(path: Path) -> list[QuestionLeads]:
    return [QuestionLeads.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


if __name__ == "__main__":
    if sys.argv[1] == "dump":
        dump(Path(sys.argv[2]), sys.argv[3:])
    else:
        print(json.dumps({"usage": "python -m evals.ask_leads dump OUT.jsonl SET..."}))
