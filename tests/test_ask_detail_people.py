"""`ask` refuses a paraphrased question asking how many people took part in a study, who they were, or which adapter
rank was used, when the closest abstracts do not state it, and answers one whose abstract gives it
(reviewer/ask/detail.py, branch a28). Questions are written for these tests on real seed papers, naming no corpus
name, so the name and predicate guards never look at them."""

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


def test_the_new_details_are_read_from_the_question_words() -> None:
    assert asked_details("How many crowd workers labelled the comparisons?") == ["number of participants"]
    assert asked_details("Which nationalities did the annotators have?") == ["demographics"]
    assert asked_details("What LoRA rank did the adapters use?") == ["adapter rank"]
    # "rank" as an ordering, and a count of things that are not people, ask for no such detail.
    assert asked_details("How do reward models rank responses by quality?") == []
    assert asked_details("How many tasks does the benchmark include?") == []


def test_an_unstated_head_count_or_adapter_rank_is_refused(seeded_home: Path) -> None:
    for question, family in (
        # The Themis abstract reports a win rate "in human evaluations", never how many people judged.
        ("How many annotators judged the outputs in the human evaluation of the reward model that calls calculators "
         "and search engines?", "number of participants"),
        # The Tina abstract says "low-rank adaptation (LoRA)" and "a single, fixed set of hyperparameters", no rank.
        ("What LoRA rank was used for the tiny reasoning models post-trained for nine dollars?", "adapter rank"),
        # HelpSteer2's abstract (and its neighbours') name no country, nationality or demographic.
        ("Which countries did the annotators of the permissively licensed NVIDIA preference dataset come from?",
         "demographics"),
    ):
        answer = _ask(question)
        assert answer.refused, answer.answer
        assert f"say nothing about {family}" in answer.answer, answer.answer


def test_a_head_count_or_origin_the_closest_abstract_gives_is_answered(seeded_home: Path) -> None:
    # Moral Graph Elicitation's abstract: "a representative sample of 500 Americans", "almost all participants (89.1%)".
    answer = _ask("How many participants felt well represented by the value-elicitation interviews run by an LLM?")
    assert not answer.refused, answer.answer
    assert "human2024values" in {c.key for c in answer.citations}, answer.answer
    # PRISM's abstract: "1,500 diverse participants from 75 countries".
    answer = _ask("Which countries did the participants of the large study of preferences over chatbot conversations "
                  "come from?")
    assert not answer.refused and "prismalignment" in {c.key for c in answer.citations}, answer.answer
