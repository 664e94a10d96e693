"""`ask` reads a question's words for what they ask before refusing it (branch a38): a known name with a lower-case
participle ("LLM-rewritten texts") describes that thing and is no unknown name; "Why is it costly to ...?" asks for
a reason, not a price; and a detail (who the annotators were, what it cost) is looked for in the abstract whose
sentence is the closest to the question, the one the answer would quote, not in any of five close abstracts.
Questions are written for these tests on real seed papers (not copied from the eval sets)."""

from __future__ import annotations

from pathlib import Path

from reviewer.ask.answer import answer_question
from reviewer.ask.detail import asked_details
from reviewer.ask.names import corpus_names
from reviewer.models import Answer
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings


def _ask(question: str) -> Answer:
    settings = Settings()
    return answer_question(question, settings, HybridRetriever(settings))


def test_a_known_name_with_a_participle_is_a_description_not_a_new_name(seeded_home: Path) -> None:
    settings = Settings()
    names = corpus_names(HybridRetriever(settings).catalog, settings.home)
    # "LLM" is a corpus name and "rewritten" / "shaped" what it did: no abstract needs to spell the compound.
    assert names.known("LLM-rewritten")
    assert names.known("RLHF-shaped")
    # An invented capitalised part next to a known name is still a name the corpus has never heard of.
    assert not names.known("Quasar-DPO")
    assert not names.known("MIRA-Tune")


def test_a_question_about_llm_rewritten_texts_is_answered_from_their_paper(seeded_home: Path) -> None:
    # The persuasive-language abstract: "pairs each consisting of a short text and of a text rewritten by an LLM",
    # "it can be used to train a regression model".
    answer = _ask("Which model can be trained on the annotated pairs of original and LLM-rewritten texts that differ "
                  "in how persuasive they are?")
    assert not answer.refused, answer.answer
    assert "measuringbenchmarking" in {c.key for c in answer.citations}, answer.answer


def test_costly_as_a_judgement_asks_for_no_price() -> None:
    assert asked_details("Why is it costly to write grading rubrics by hand for self-improvement?") == []
    assert asked_details("Is self-refinement too expensive to be worth it?") == []
    # A figure asked for: the cost detail.
    assert asked_details("How costly was training the reward model?") == ["cost"]
    assert asked_details("What did annotating the preference pairs cost?") == ["cost"]


def test_why_a_training_scheme_is_costly_is_not_refused_as_a_price(seeded_home: Path) -> None:
    # The T-PPO abstract says why in its own words ("low hardware utilization", resources that "sit idle" while long
    # rollouts finish) and gives no price: reading "costly" as asking for one refused the question.
    answer = _ask("Why is synchronous PPO training with long generations costly?")
    assert not answer.refused, answer.answer
    assert "truncatedproximal" in {c.key for c in answer.citations}, answer.answer


def test_a_detail_only_a_neighbouring_abstract_states_is_refused(seeded_home: Path) -> None:
    # M-RewardBench's abstract names 23 languages and no country; a neighbour about preference variation across
    # "five countries" is among the five closest abstracts, not the closest.
    answer = _ask("Which countries were the native speakers who verified the multilingual reward-model benchmark from?")
    assert answer.refused, answer.answer
    assert "say nothing about demographics" in answer.answer, answer.answer
