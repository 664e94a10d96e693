"""A compared side is spoken for by abstracts about the comparison, not by one that uses the term in another field
(reviewer/ask/sides.py). Sentences are real seed text at scores chosen for the test; the question is written for it."""

from __future__ import annotations

from pathlib import Path

from reviewer.ask.answer import answer_question
from reviewer.ask.question import analyse
from reviewer.ask.select import select
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings
from seed_text import paper_with, scored

QUESTION = "In what way do outcome reward models differ from process reward models?"
BOTH_SIDES = "Different from its counterpart outcome reward models (ORMs)"  # Free Process Rewards: names both
PRM_AND_ORM = "PRMs provide feedback at each step of a multi-step reasoning trace"  # Rewarding Progress: names both
SQL_ORM = "Outcome Reward Models (ORMs), which assign utility scores"  # GradeSQL: ORMs for ranking SQL only
PRM_ONLY = "Process Reward Models (PRMs) have recently emerged as a powerful framework"  # ReasonFlux: PRMs only


def _bullet_keys(sel: object) -> set[str]:
    return {s.ev.key for _, items in sel.groups for s in items}  # type: ignore[attr-defined]


def test_a_side_is_spoken_for_by_the_abstracts_that_name_both_sides() -> None:
    q = analyse(QUESTION)
    assert q.sides == ["outcome reward models", "process reward models"]
    lead, both, sql, flux = (scored(BOTH_SIDES, 0.80), scored(PRM_AND_ORM, 0.70), scored(SQL_ORM, 0.66),
                             scored(PRM_ONLY, 0.62))
    papers = [paper_with(f) for f in (BOTH_SIDES, PRM_AND_ORM, SQL_ORM, PRM_ONLY)]
    keys = _bullet_keys(select(q, [lead, both, sql, flux], papers))
    assert both.ev.key in keys
    assert sql.ev.key not in keys and flux.ev.key not in keys, keys


def test_a_side_the_lead_leaves_open_may_be_spoken_for_by_any_abstract_naming_it() -> None:
    # The lead names process reward models only, and the abstract naming both sides offers no sentence on ORMs:
    # the SQL paper's sentence is then the only word on outcome reward models, and it is kept.
    q = analyse(QUESTION)
    lead = scored(PRM_ONLY, 0.80)
    prm = scored("A promising approach for improving reasoning in large language models is to use process reward", 0.7)
    sql = scored(SQL_ORM, 0.66)
    papers = [paper_with(PRM_ONLY), paper_with("A promising approach for improving reasoning in large language"),
              paper_with(SQL_ORM)]
    sel = select(q, [lead, prm, sql], papers)
    assert sql.ev.key in {s.ev.key for side, items in sel.groups if side == "On outcome reward models" for s in items}
    assert not sel.missing_sides


def test_the_answer_to_a_comparison_cites_no_paper_that_uses_a_side_in_another_field(seeded_home: Path) -> None:
    settings = Settings()
    answer = answer_question(QUESTION, settings, HybridRetriever(settings))
    assert not answer.refused, answer.answer
    cited = {c.key for c in answer.citations}
    assert "gradesqloutcome" not in cited, answer.answer
    assert {"freeprocess", "rewardingprogress"} <= cited, answer.answer
