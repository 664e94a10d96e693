"""`ask` refuses a question whose names the corpus knows but whose predicate no abstract speaks of, on real seed
text and in wording of its own (not the eval sets'): a real method asked about an off-topic activity, a topic word
no abstract uses; answerable paraphrases of the same shape are still answered.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.ask.answer import answer_question
from reviewer.ask.predicate import without_names
from reviewer.ask.question import extract_names
from reviewer.models import Answer
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings


def _ask(question: str) -> Answer:
    settings = Settings()
    return answer_question(question, settings, HybridRetriever(settings))


def test_the_predicate_is_the_question_without_its_names() -> None:
    assert without_names("Does Step-DPO's loss help bakers?", ["Step-DPO"]) == "Does loss help bakers?"


def test_an_apostrophe_is_not_a_quotation() -> None:
    names = extract_names("Do annotators rate Kaleido's outputs above GPT-4's?")
    assert "GPT-4" in names and not any("outputs" in n for n in names)


def test_a_real_method_asked_about_an_off_topic_activity_is_refused(seeded_home: Path) -> None:
    for question in ("Does CompassJudger-1 help bakers price their bread?", "Can MM-RLHF forecast football scores?"):
        answer = _ask(question)
        assert answer.refused, answer.answer
        assert "\n" not in answer.answer and "do not say what this question asks" in answer.answer


def test_a_topic_word_no_abstract_uses_is_refused(seeded_home: Path) -> None:
    answer = _ask("Which watermarking methods tag the outputs of reward models?")
    assert answer.refused and "'watermarking'" in answer.answer and "\n" not in answer.answer


def test_answerable_paraphrases_naming_the_method_are_still_answered(seeded_home: Path) -> None:
    for question, key in (("May OpenMathInstruct-2 go into commercial products?", "openmathinstructaccelerating"),
                          ("Is MM-RLHF's preference data labelled by humans?", "mmrlhf"),
                          ("Do annotators rate Kaleido's outputs above GPT-4's?", "value2023kaleidoscope")):
        answer = _ask(question)
        assert not answer.refused, answer.answer
        assert key in {c.key for c in answer.citations}
