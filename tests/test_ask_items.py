"""Follow-up 15: an inline enumeration loses the lead only when what it shares with the question comes after its
first item. Real seed sentences, questions worded for these tests (not the eval sets')."""

from __future__ import annotations

from pathlib import Path

from reviewer.ask.answer import answer_question
from reviewer.ask.items import later_item_answers
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings
from reviewer.textutil import content_stems
from seed_text import sentence_with

_VR = "current RMs face inherent limitations: (1) visual inputs consume large context budgets"
_CONTEXT = "We use our datasets to (1) show that existing preference models benefit from"


def _asked(question: str) -> set[str]:
    return set(content_stems(question)) - set(content_stems("why do does what how are"))


def test_a_list_whose_first_item_answers_keeps_its_place() -> None:
    vr = sentence_with(_VR)
    assert not later_item_answers(vr, _asked("Why do video reward models drop fine-grained details?"))
    ctx = sentence_with(_CONTEXT)
    assert not later_item_answers(ctx, _asked("Are existing preference models able to fully consider added context?"))


def test_a_list_answering_in_a_later_item_or_not_at_all_is_a_poor_lead() -> None:
    vr = sentence_with(_VR)
    # The second item is the one about hallucination during chain-of-thought reasoning.
    assert later_item_answers(vr, _asked("Why do video reward models hallucinate during chain-of-thought reasoning?"))
    ctx = sentence_with(_CONTEXT)
    assert later_item_answers(ctx, _asked("Which reward model beats GPT-4 on context-specific performance?"))
    assert later_item_answers(ctx, _asked("Why do robots forget old tasks?"))
    # No enumeration: nothing to judge.
    assert not later_item_answers(sentence_with("Because such reward functions do not penalize guessing"), set())


def test_a_why_question_answered_by_a_first_item_opens_with_it(seeded_home: Path) -> None:
    settings = Settings()
    answer = answer_question("Why do video reward models drop details of individual frames?", settings,
                             HybridRetriever(settings))
    lead = answer.answer.split("\n")[0]
    assert "[@vrthinker]" in lead and "visual inputs consume large context budgets" in lead
