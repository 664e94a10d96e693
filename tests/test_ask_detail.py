"""`ask` refuses a paraphrased question about a detail abstracts rarely give (hardware, batch size, funding, pay ...)
when the closest abstracts do not give it, and answers one whose closest abstract does (reviewer/ask/detail.py).
Questions are written for these tests, on real seed papers, and name no corpus name."""

from __future__ import annotations

from pathlib import Path

from reviewer.ask.answer import answer_question
from reviewer.ask.detail import asked_details
from reviewer.models import Answer
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings


def _ask(question: str) -> Answer:
    settings = Settings()
    return answer_question(question, settings, HybridRetriever(settings))


def test_the_asked_detail_is_read_from_the_question_words() -> None:
    assert asked_details("How much were the annotators paid per comparison?") == ["payment"]
    assert asked_details("Which GPUs and what batch size were used?") == ["hardware", "batch size"]
    # "pay attention" is no payment; "fundamental" is no funding.
    assert asked_details("Which tokens does the verifier pay attention to in fundamental proofs?") == []
    # A licensing exam is no license; "licensed" is.
    assert asked_details("How does GPT-4 score on a medical licensing exam?") == []
    assert asked_details("Is the preference data licensed for commercial use?") == ["license"]


def test_an_unstated_detail_of_a_described_paper_is_refused(seeded_home: Path) -> None:
    # Each paper is described, not named, so the name and predicate guards never look at it; its abstract (and those
    # ranked next to it) say nothing about the asked detail.
    for question, family in (
        ("Who funded the work on teaching language models to think in parallel with reinforcement learning?", "funding"),
        ("How many epochs was the model trained for in the multilingual medical argument-mining study?", "epochs"),
        # Asked without a family word ("how long did ... take"); the Tina abstract gives a cost, not a duration.
        ("How long did training the tiny LoRA reasoning models take?", "training time"),
    ):
        answer = _ask(question)
        assert answer.refused, answer.answer
        assert "\n" not in answer.answer and f"say nothing about {family}" in answer.answer, answer.answer


def test_a_detail_the_closest_abstract_gives_is_answered(legacy_index: Path) -> None:  # pinned on the pre-split index (conftest LEGACY_INDEX)
    # The temperature study's abstract reports "more than 20,000 A100-80G GPU hours"; HelpSteer2's, its license.
    answer = _ask("How many GPU hours did the study of sampling temperature for reasoning spend on its experiments?")
    assert not answer.refused and "GPU hours" in answer.answer, answer.answer
    answer = _ask("Under which license are the HelpSteer2 preference annotations released?")
    assert not answer.refused and "licensed" in answer.answer, answer.answer
    # A duration asked as "how long" and stated in hours ("more than 20,000 A100-80G GPU hours").
    answer = _ask("How long did the experiments of the sampling-temperature study for reasoning run?")
    assert not answer.refused and "bagtricks" in {c.key for c in answer.citations}, answer.answer
    # A cost the abstract states ("$9 USD post-training and evaluation cost").
    answer = _ask("What did post-training the tiny LoRA reasoning models cost in dollars?")
    assert not answer.refused and "tinatiny" in {c.key for c in answer.citations}, answer.answer
