"""Another paper's point must be nearly as relevant as the lead; the lead's own paper and questions asking for
methods or a definition keep the general bar (reviewer/ask/points.py). Real seed sentences at the relevance the
ranker gave them for a question on the PacifAIst benchmark; the questions are written for these tests."""

from __future__ import annotations

from reviewer.ask.points import on_question
from reviewer.ask.question import analyse
from reviewer.ask.select import select
from seed_text import paper_with, scored

COUNT_Q = "How many scenarios does the benchmark that pits an AI system's own goals against human safety contain?"
METHODS_Q = "Which methods have been proposed to stop AI agents from putting their own goals above human safety?"
LEAD = "To address this, we introduce PacifAIst"
SAME_PAPER = "The benchmark is structured around a novel taxonomy of Existential Prioritization"
CLOSE_OTHER = "these models deviate from human behavior and align more closely with a classic model"
FAR_OTHER = "We find that LLMs are most aligned with the self-expression over survival values"


def _pool() -> tuple[list, list]:
    pool = [scored(LEAD, 0.571), scored(SAME_PAPER, 0.519), scored(CLOSE_OTHER, 0.497), scored(FAR_OTHER, 0.413)]
    return pool, [paper_with(f) for f in (LEAD, CLOSE_OTHER, FAR_OTHER)]


def test_another_papers_point_far_below_the_lead_is_left_out() -> None:
    # The share rule alone (`on_question`); `select` also drops CLOSE_OTHER, whose abstract states little of the
    # question (tests/test_ask_same_question.py).
    pool, _ = _pool()
    texts = [p.ev.text for p in on_question(pool[1:], pool[0])]
    assert any(SAME_PAPER in t for t in texts) and any(CLOSE_OTHER in t for t in texts), texts
    assert not any(FAR_OTHER in t for t in texts), texts


def test_a_methods_question_keeps_points_from_every_relevant_paper() -> None:
    q = analyse(METHODS_Q)
    assert q.qtype.value == "methods"
    pool, papers = _pool()
    texts = [p.ev.text for p in select(q, pool, papers).points]
    assert any(FAR_OTHER in t for t in texts), texts


def test_a_lead_moved_down_its_abstract_keeps_the_bar_of_its_papers_best_sentence() -> None:
    # A lead rule may open with a lower-scored sentence of the same abstract (the taxonomy sentence here, 0.519, under
    # PacifAIst's introduction at 0.571); other papers' points are measured against the paper's best match, not the
    # moved lead, so FAR_OTHER (0.413: over 0.75 x 0.519, under 0.75 x 0.571) stays out.
    pool, _ = _pool()
    lead, moved, close, far = pool
    assert far in on_question([close, far], moved)
    kept = on_question([close, far], moved, anchor=lead.ev.score)
    assert close in kept and far not in kept
