"""Two doers exchanged across two sentences of the abstract (`crosswise.py`, issue 12, c20 pass). Real seed
sentences, each with its faithful twin."""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.crosswise import doers_exchanged
from reviewer.textutil import split_sentences
from seed_text import assert_contradicted_twin, paper_with

AGENT = "a separate LLM is leveraged to assign a task intent"
WEIGHTS = "naturally expressed by Lagrange multipliers"


def test_each_clause_is_read_against_its_own_sentence() -> None:
    sentences = split_sentences(paper_with(AGENT).abstract)
    swapped = ("A separate LLM navigates the environment randomly, while the LLM-based agent assigns a task intent "
               "and synthesizes the negative response.")
    assert doers_exchanged(swapped, sentences) == ("separ llm", "llm-base agent")
    faithful = ("The LLM-based agent navigates the environment randomly, while a separate LLM assigns a task intent "
                "and synthesizes the negative response.")
    assert doers_exchanged(faithful, sentences) is None


def test_doers_exchanged_across_sentences_are_contradicted(checker: ClaimChecker) -> None:
    assert_contradicted_twin(checker, AGENT,
                             "A separate LLM navigates the environment randomly, while the LLM-based agent assigns a "
                             "task intent and synthesizes the negative response.",
                             "The LLM-based agent navigates the environment randomly, while a separate LLM assigns a "
                             "task intent and synthesizes the negative response.")
    assert_contradicted_twin(checker, WEIGHTS,
                             "The adaptive method uses Lagrange multipliers to identify the overoptimization points "
                             "in a single run, while gradient-free optimization learns the dynamic weights of the "
                             "component RMs.",
                             "The adaptive method uses gradient-free optimization to identify the overoptimization "
                             "points in a single run, while Lagrange multipliers express the dynamic weights of the "
                             "component RMs.")
