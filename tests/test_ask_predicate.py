"""`ask` refuses what the corpus cannot answer about things it does name, on real seed text and in wording of its
own (not the eval sets'): a real method asked about an off-topic activity or an attribute no abstract gives, a topic
word no abstract uses, a date no abstract states; answerable paraphrases of the same shapes are still answered.
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


def _refused_for(question: str, why: str) -> Answer:
    answer = _ask(question)
    assert answer.refused, answer.answer
    assert "\n" not in answer.answer and why in answer.answer, answer.answer  # one clean line that says why
    return answer


def test_the_predicate_is_the_question_without_its_names() -> None:
    assert without_names("Does Step-DPO's loss help bakers?", ["Step-DPO"]) == "Does loss help bakers?"


def test_an_apostrophe_is_not_a_quotation() -> None:
    names = extract_names("Do annotators rate Kaleido's outputs above GPT-4's?")
    assert "GPT-4" in names and not any("outputs" in n for n in names)


def test_a_real_method_asked_about_an_off_topic_activity_is_refused(seeded_home: Path) -> None:
    # Each clears the evidence-similarity bar (0.54-0.62) on the strength of the name alone.
    for question in ("Is CompassJudger-1 used by teachers to mark homework?",
                     "Does Step-DPO help doctors write prescriptions?"):
        answer = _refused_for(question, "do not say what this question asks about it")
        assert (answer.best_similarity or 0) >= Settings().min_evidence_similarity


def test_an_attribute_no_abstract_gives_is_refused(seeded_home: Path) -> None:
    _refused_for("Which company built ReasonFlux-PRM?", "never use 'company'")
    # "Hume" is a paper's name only by its title ("Hume: ..."), not by its shape.
    _refused_for("How many GPUs did it take to train Hume?", "mention Hume")


def test_the_kind_a_which_question_asks_for_must_be_mentioned(seeded_home: Path) -> None:
    # "trained" is in RiskPO's abstract, so the predicate rule alone lets this through; no abstract naming it says "GPU".
    _refused_for("Which GPU was RiskPO trained on?", "not its GPU")
    answer = _ask("Which dataset does Step-DPO build?")  # the kind its abstract does mention
    assert not answer.refused and "stepdpo" in {c.key for c in answer.citations}, answer.answer


def test_a_topic_word_no_abstract_uses_is_refused(seeded_home: Path) -> None:
    _refused_for("How much electricity does training with Step-DPO consume?", "no title or abstract uses 'electricity'")


def test_a_date_question_needs_a_dated_sentence(seeded_home: Path) -> None:
    _refused_for("When did ManagerBench come out?", "give no date or year")
    answer = _ask("When were the papers in the systematic review of bidirectional human-AI alignment published?")
    assert not answer.refused, answer.answer


def test_answerable_paraphrases_naming_the_method_are_still_answered(seeded_home: Path) -> None:
    for question, key in (("May OpenMathInstruct-2 go into commercial products?", "openmathinstructaccelerating"),
                          ("Is MM-RLHF's preference data labelled by humans?", "mmrlhf"),
                          ("Can Hume react in real time while controlling a robot arm?", "humeintroducing"),
                          # "8B" is covered by the abstract's "8-billion-parameter" (the number it gives)
                          ("Is Keye-VL small enough to count as an 8B model?", "kwaikeye"),
                          ("Do annotators rate Kaleido's outputs above GPT-4's?", "value2023kaleidoscope")):
        answer = _ask(question)
        assert not answer.refused, answer.answer
        assert key in {c.key for c in answer.citations}


def test_words_every_abstract_uses_do_not_cover_the_predicate(seeded_home: Path) -> None:
    # "trains" (stem "train") and "network" are in any ML abstract naming PPO; the predicate ("plan trains on a rail
    # network") is not. A predicate with a specific covered word ("maths") is still answered.
    _refused_for("Can PPO plan trains on a rail network?", "do not say what this question asks about it")
    answer = _ask("Does Step-DPO train models on maths data?")
    assert not answer.refused and "stepdpo" in {c.key for c in answer.citations}, answer.answer
