"""`reviewer eval ask`: does `ask` answer the question that was asked, and refuse what it cannot answer?

Dev set `evals/datasets/ask_dev.jsonl`, written from the seeds: answerable questions with the paper(s)
that answer them, their type and a reference answer; unanswerable ones (fictitious in-domain names and
off-domain topics). "First sentence answers" is judged by the shared claim checker: the reference answer
must be SUPPORTED by the answer's first cited sentence (read as if it were an abstract), i.e. the first
sentence says what the reference says. (The other direction penalises a quoted sentence for every detail
it adds beyond the short reference, which is not what "answers the question" means.)

That judge is stricter than a reader: a reference often packs two facts ("X does A, and uses B in C"), and a
first sentence stating only A, the direct answer, fails it. So a second judge, `first_answers_head`, asks the
checker about the reference's head claim only: the reference cut at its first clause boundary (";", ":",
", whereas / which / and ..."), kept whole for comparisons (both sides are the answer) and when the cut would
leave fewer than six words; a participial clause, ", formulating ...", is cut too), and it reads the first
sentence in the context of the question (the question is given to the checker as the evidence's title, so a
name the question already states need not be repeated; the "As background ..." attribution prefix is dropped).
Both figures are reported, and a third: the share by hand labels (evals/ask_labels.py), each label valid only
while the first sentence it judged still leads.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from evals.ask_labels import LABELS, HandResult, format_hand, load_labels, score_hand
from reviewer.settings import Settings

if TYPE_CHECKING:
    from reviewer.checker import ClaimChecker

DEV = Path(__file__).resolve().parent / "datasets" / "ask_dev.jsonl"
HOLDOUT = Path(__file__).resolve().parent / "datasets" / "ask_holdout.jsonl"
FRESH = Path(__file__).resolve().parent / "datasets" / "ask_fresh.jsonl"
BLIND = Path(__file__).resolve().parent / "datasets" / "ask_blind.jsonl"
DEFS = Path(__file__).resolve().parent / "datasets" / "ask_defs.jsonl"
NEW = Path(__file__).resolve().parent / "datasets" / "ask_new.jsonl"
PARA = Path(__file__).resolve().parent / "datasets" / "ask_para.jsonl"
PARA2 = Path(__file__).resolve().parent / "datasets" / "ask_para2.jsonl"
PARA3 = Path(__file__).resolve().parent / "datasets" / "ask_para3.jsonl"
PARA4 = Path(__file__).resolve().parent / "datasets" / "ask_para4.jsonl"
PARA5 = Path(__file__).resolve().parent / "datasets" / "ask_para5.jsonl"
PARA6 = Path(__file__).resolve().parent / "datasets" / "ask_para6.jsonl"
PARA7 = Path(__file__).resolve().parent / "datasets" / "ask_para7.jsonl"
PARA8 = Path(__file__).resolve().parent / "datasets" / "ask_para8.jsonl"
PARA9 = Path(__file__).resolve().parent / "datasets" / "ask_para9.jsonl"
PARA10 = Path(__file__).resolve().parent / "datasets" / "ask_para10.jsonl"
PARA11 = Path(__file__).resolve().parent / "datasets" / "ask_para11.jsonl"
PARA12 = Path(__file__).resolve().parent / "datasets" / "ask_para12.jsonl"
PARA13 = Path(__file__).resolve().parent / "datasets" / "ask_para13.jsonl"
PARA14 = Path(__file__).resolve().parent / "datasets" / "ask_para14.jsonl"
PARA15 = Path(__file__).resolve().parent / "datasets" / "ask_para15.jsonl"
PARA17 = Path(__file__).resolve().parent / "datasets" / "ask_para17.jsonl"
PARA16 = Path(__file__).resolve().parent / "datasets" / "ask_para16.jsonl"
PARA18 = Path(__file__).resolve().parent / "datasets" / "ask_para18.jsonl"
PARA19 = Path(__file__).resolve().parent / "datasets" / "ask_para19.jsonl"
PARA20 = Path(__file__).resolve().parent / "datasets" / "ask_para20.jsonl"
PARA21 = Path(__file__).resolve().parent / "datasets" / "ask_para21.jsonl"
PARA22 = Path(__file__).resolve().parent / "datasets" / "ask_para22.jsonl"
PARA23 = Path(__file__).resolve().parent / "datasets" / "ask_para23.jsonl"
REFUSE = Path(__file__).resolve().parent / "datasets" / "ask_refuse.jsonl"


class AskCase(BaseModel):
    q: str
    type: str
    papers: list[str] = Field(default_factory=list)
    reference: str = ""
    kind: str = ""

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"


class AskRow(BaseModel):
    q: str
    expected_type: str
    predicted_type: str
    refused: bool
    cites_expected: bool = False
    first_answers: bool = False
    first_answers_head: bool = False
    first_sentence: str = ""
    cited: list[str] = Field(default_factory=list)
    other_cited: int = Field(default=0, description="Papers cited that the case does not expect (padding).")
    best_similarity: float | None = None
    seconds: float


class AskEvalResult(BaseModel):
    n_answerable: int
    n_unanswerable: int
    cites_expected: float
    first_answers: float
    first_answers_head: float
    type_accuracy: float
    unanswerable_refused: float
    answerable_wrongly_refused: float
    # Mean number of papers an answered answerable question cites beyond the expected ones: off-question points.
    other_cited_mean: float = 0.0
    cold_start_seconds: float
    median_seconds: float
    max_seconds: float
    similarity_answerable_min: float | None
    similarity_offdomain_max: float | None
    hand: HandResult = Field(default_factory=HandResult)
    rows: list[AskRow]


_CLAUSE = re.compile(r"[;:]\s|,\s(?:whereas|while|which|making|thereby|and|but|with|using|rather than|as|\w+ing)\b|"
                     r"\s(?:whereas|rather than)\s")
# How the answer marks a quoted sentence as reported background: presentation, not part of the claim.
_REPORTED = "As background, this abstract reports earlier work: "


def head_claim(reference: str, qtype: str) -> str:
    """The reference's first clause: the direct answer, without the detail packed after it."""
    if qtype == "comparison":
        return reference
    head = _CLAUSE.split(reference, maxsplit=1)[0].strip(" ,.")
    return head + "." if len(head.split()) >= 6 else reference


def judge_first(checker: ClaimChecker, case: AskCase, first: str) -> tuple[bool, bool]:
    """(whole-reference judge, head judge) for the answer's first cited sentence as printed."""
    from reviewer.models import Paper

    said = Paper(id="first", key="first", title="", abstract=first)
    whole = checker.check(case.reference, [said]).label == "SUPPORTED"
    # The head judge reads the first sentence as an answer to the question: names the question already gives
    # ("How does MM-PRM ...") need not be repeated ("the authors generate ...").
    in_context = Paper(id="first", key="first", title=case.q, abstract=first.removeprefix(_REPORTED))
    # A lead the answer attributes to earlier work answers as such: the reference is checked as a claim
    # attributed the same way (the checker's convention, "As background, ...").
    reported = first.startswith(_REPORTED)
    claims = [f"As background, {c[:1].lower()}{c[1:]}" if reported else c
              for c in (case.reference, head_claim(case.reference, case.type))]
    return whole, whole or any(checker.check(claim, [in_context]).label == "SUPPORTED" for claim in claims)


def load_cases(path: Path = DEV) -> list[AskCase]:
    return [AskCase.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_ask_eval(settings: Settings, path: Path = DEV, limit: int | None = None,
                 labels: Path = LABELS) -> AskEvalResult:
    from reviewer.ask.session import AskSession
    from reviewer.checker import ClaimChecker
    from reviewer.citations import cited_sentences

    cases = load_cases(path)[:limit]
    started = time.perf_counter()
    session = AskSession(settings, quiet=True)
    session.warm()
    cold = time.perf_counter() - started
    checker = ClaimChecker(settings)
    rows: list[AskRow] = []
    for case in cases:
        t0 = time.perf_counter()
        answer = session.ask(case.q)
        seconds = time.perf_counter() - t0
        cited = [c.key for c in answer.citations]
        first = next((c for c in cited_sentences(answer.answer) if c.keys), None)
        row = AskRow(q=case.q, expected_type=case.type, predicted_type=answer.question_type, refused=answer.refused,
                     cited=cited, best_similarity=answer.best_similarity, seconds=round(seconds, 3))
        if case.answerable and not answer.refused:
            row.cites_expected = bool(set(cited) & set(case.papers))
            row.other_cited = len(set(cited) - set(case.papers))
            if first is not None:
                row.first_sentence = first.text
                row.first_answers, row.first_answers_head = judge_first(checker, case, first.text)
        rows.append(row)
    answerable = [r for r, c in zip(rows, cases, strict=True) if c.answerable]
    unanswerable = [r for r, c in zip(rows, cases, strict=True) if not c.answerable]
    offdomain = [r.best_similarity for r, c in zip(rows, cases, strict=True)
                 if c.kind == "off-domain" and r.best_similarity is not None]
    typed = [r for r in answerable if r.expected_type != "general"]
    answered = [r for r in answerable if not r.refused]
    times = sorted(r.seconds for r in rows)
    share = lambda xs, f: round(sum(1 for x in xs if f(x)) / len(xs), 3) if xs else 0.0  # noqa: E731
    return AskEvalResult(
        n_answerable=len(answerable),
        n_unanswerable=len(unanswerable),
        cites_expected=share(answerable, lambda r: r.cites_expected),
        first_answers=share(answerable, lambda r: r.first_answers),
        first_answers_head=share(answerable, lambda r: r.first_answers_head),
        type_accuracy=share(typed, lambda r: r.predicted_type == r.expected_type),
        unanswerable_refused=share(unanswerable, lambda r: r.refused),
        answerable_wrongly_refused=share(answerable, lambda r: r.refused),
        other_cited_mean=round(sum(r.other_cited for r in answered) / len(answered), 3) if answered else 0.0,
        cold_start_seconds=round(cold, 3),
        median_seconds=times[len(times) // 2] if times else 0.0,
        max_seconds=times[-1] if times else 0.0,
        similarity_answerable_min=min((r.best_similarity for r in answerable if r.best_similarity), default=None),
        similarity_offdomain_max=max(offdomain, default=None),
        hand=score_hand(path.stem.removeprefix("ask_"), [(r.q, r.first_sentence) for r in answerable],
                        load_labels(labels)),
        rows=rows,
    )


def format_result(result: AskEvalResult) -> str:
    lines = [
        f"ask questions: {result.n_answerable} answerable, {result.n_unanswerable} unanswerable",
        f"answerable citing an expected paper      {result.cites_expected:.3f}  (target >= 0.90)",
        f"first sentence answers (checker, ref)    {result.first_answers:.3f}  (target >= 0.80)",
        f"first sentence answers (checker, head)   {result.first_answers_head:.3f}  (same target; ref cut at 1st clause)",
        *format_hand(result.hand),
        f"question type correct                    {result.type_accuracy:.3f}",
        (f"unanswerable refused                     {result.unanswerable_refused:.3f}  (target 1.00)"
         if result.n_unanswerable else "unanswerable refused                     n/a    (no unanswerable question in this set)"),
        f"answerable wrongly refused               {result.answerable_wrongly_refused:.3f}  (target <= 0.05)",
        f"other papers cited per answer            {result.other_cited_mean:.3f}  (not expected: off-question points)",
        f"latency: load {result.cold_start_seconds:.2f} s once, then median {result.median_seconds:.3f} s, "
        f"max {result.max_seconds:.3f} s per question",
        f"best sentence similarity: answerable min {result.similarity_answerable_min}, "
        f"off-domain max {result.similarity_offdomain_max}",
    ]
    for r in result.rows:
        if r.expected_type == "unanswerable":
            mark = "ok " if r.refused else "MISS"
        else:
            mark = ("ok " if r.cites_expected else "CIT") + ("" if r.first_answers else " 1st?" if r.first_answers_head
                                                             else " 1st!")
            mark = "REFUSED" if r.refused else mark
        lines.append(f"  [{mark:<8}] {r.predicted_type:<12} {r.q[:70]}")
    return "\n".join(lines)


def dumps(result: AskEvalResult) -> str:
    return json.dumps(result.model_dump(), indent=2)
