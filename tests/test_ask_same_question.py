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
    pool, papers = _pool()
    texts = [p.ev.text for p in select(analyse(WHY_Q), pool, papers).points]
    assert not any(NEIGHBOUR in t for t in texts), texts
    assert any(CLOSE in t for t in texts), texts


def test_the_bar_is_the_lead_abstracts_share_less_the_margin() -> None:
    asked = set(content_stems(WHY_Q)) - _QUESTION_WORDS
    lead, neighbour, close = (stated_share(asked, paper_with(f)) for f in (LEAD, NEIGHBOUR, CLOSE))
    assert neighbour < lead - COVERAGE_MARGIN <= close, (lead, neighbour, close)
    pool, papers = _pool()
    kept = same_question(pool[1:], pool[0], papers, asked, margin=1.0)  # no bar: every point stays
    assert len(kept) == 2

