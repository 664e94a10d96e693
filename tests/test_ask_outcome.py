"""Follow-up 15: a which-question whose verb is an outcome ("which X still work ...?") is answered by the finding
that names them, not by the abstract's motivation; a "what goes wrong" question by the sentence naming what goes
wrong in training (overfitting, rigidity). Questions worded for these tests; real seeds."""

from __future__ import annotations

from pathlib import Path

from reviewer.ask.answer import answer_question
from reviewer.ask.outcome import asks_outcome
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings


def test_outcome_questions_are_told_from_requests_for_methods() -> None:
    assert asks_outcome("Which uncertainty estimators work on multi-answer questions?")
    assert asks_outcome("Which kinds of reward models actually fail to generalise?")
    assert asks_outcome("What training tricks still help small models?")
    assert not asks_outcome("Which methods use Monte Carlo Tree Search for LLM reasoning?")
    assert not asks_outcome("What does GRPO estimate its baseline from?")
    assert not asks_outcome("Which model put safety first most often?")


def test_an_outcome_question_opens_with_the_finding(seeded_home: Path) -> None:
    settings = Settings()
    answer = answer_question("Which uncertainty estimators work on multi-answer questions?", settings,
                             HybridRetriever(settings))
    lead = answer.answer.split("\n")[0]
    assert "[@maqa2024evaluating]" in lead and "entropy and consistency-based methods" in lead


def test_overfitting_and_rigidity_state_a_problem(seeded_home: Path) -> None:
    # Follow-up 15: what goes wrong in training ("overfitting", "cognitive rigidity", "memorization", "contamination")
    # is a problem a "what goes wrong" question asks for, not only "challenges" and "failures".
    from reviewer.ask.forms import states_problem
    from seed_text import sentence_with

    assert states_problem(sentence_with("this training paradigm may lead to overfitting and cognitive rigidity"))
    assert not states_problem(sentence_with("Existing methods improve VLM reasoning via Chain-of-Thought (CoT)"))
    settings = Settings()
    answer = answer_question("What is the problem with training VLM reasoning by CoT supervised fine-tuning alone?",
                             settings, HybridRetriever(settings))
    lead = answer.answer.split("\n")[0]
    assert "[@reasonrft]" in lead and "overfitting and cognitive rigidity" in lead
