"""Another paper's point stays under the lead only when that paper's abstract states the question's words about as
fully as the lead's abstract does (reviewer/ask/points.py, `same_question`). Real seed sentences at the relevance
the ranker gave them for a paraphrased question on ProgressGym (ask_para9). Methods and definition questions
keep every paper's points: guarded by tests/test_ask_points.py::test_a_methods_question_keeps_points_from_every_relevant_paper."""

from __future__ import annotations

from reviewer.ask.points import COVERAGE_MARGIN, same_question, stated_share
from reviewer.ask.question import analyse
from reviewer.ask.select import _QUESTION_WORDS, select
from reviewer.textutil import content_stems
from seed_text import paper_with, scored

WHY_Q = "Why could tying AI to the values people hold today be dangerous, according to ProgressGym?"
LEAD = "we introduce ProgressGym, an experimental framework allowing the learning of moral progress mechanics"
# utilityengineering: about AI value systems in general, scored above the lead, states 2 of the question's 9 words.
NEIGHBOUR = "As AIs rapidly advance and become more agentic, the risk they pose is governed"
# human2024values: states as many of the question's words as ProgressGym's abstract (people, values, AI, ...).
CLOSE = 'We split the problem of "aligning to human values" into three parts'


def _pool() -> tuple[list, list]:
    pool = [scored(LEAD, 0.533), scored(NEIGHBOUR, 0.623), scored(CLOSE, 0.511)]
    return pool, [paper_with(f) for f in (LEAD, NEIGHBOUR, CLOSE)]


def test_a_neighbour_stating_little_of_the_question_is_left_out_whatever_its_score() -> None:
    # The share bar alone (no names passed): `select` would also drop CLOSE, which never names ProgressGym.
    pool, papers = _pool()
    asked = set(content_stems(WHY_Q)) - _QUESTION_WORDS
    texts = [p.ev.text for p in same_question(pool[1:], pool[0], papers, asked)]
    assert not any(NEIGHBOUR in t for t in texts), texts
    assert any(CLOSE in t for t in texts), texts


def test_the_bar_is_the_lead_abstracts_share_less_the_margin() -> None:
    asked = set(content_stems(WHY_Q)) - _QUESTION_WORDS
    lead, neighbour, close = (stated_share(asked, paper_with(f)) for f in (LEAD, NEIGHBOUR, CLOSE))
    assert neighbour < lead - COVERAGE_MARGIN <= close, (lead, neighbour, close)
    pool, papers = _pool()
    kept = same_question(pool[1:], pool[0], papers, asked, margin=1.0)  # no bar: every point stays
    assert len(kept) == 2



NAMED_Q = "How does TO-GATE get a model to ask a user more useful follow-up questions?"
GATE_LEAD = "we propose TO-GATE, a novel framework that enhances question generation through trajectory optimization"
GATE_OWN = "The trajectory optimization enables the model to produce effective elicitation questions"
# Neighbours that state the question's words (questions, user, follow-up) as fully, but never name TO-GATE.
NEWS = "When answering questions about ongoing events, the model should use recent news articles"
FOLLOW_UP = "the machine can leverage the user's follow-up utterances as feedback signals"


def test_a_question_naming_a_work_keeps_only_points_from_abstracts_naming_it() -> None:
    q = analyse(NAMED_Q)
    assert q.names == ["TO-GATE"]
    pool = [scored(GATE_LEAD, 0.594), scored(NEWS, 0.66), scored(FOLLOW_UP, 0.56), scored(GATE_OWN, 0.526)]
    papers = [paper_with(f) for f in (GATE_LEAD, NEWS, FOLLOW_UP)]
    texts = [p.ev.text for p in select(q, pool, papers).points]
    assert any(GATE_OWN in t for t in texts), texts
    assert not any(NEWS in t or FOLLOW_UP in t for t in texts), texts
