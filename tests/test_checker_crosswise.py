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


GENRM = "Generative reward models (GenRMs) offer a more robust alternative"
MGE = "We trial MGE with a representative sample"
SAME_DOER = [
    (GENRM, "Generative reward models (GenRMs) offer a more robust alternative by generating chain-of-thought "
            "rationales followed by a final reward, whereas existing GenRMs rely on shallow, vertically scaled "
            "reasoning."),
    (MGE, "The authors trial MGE with a representative sample of 500 Americans on 3 intentionally divisive prompts, "
          "while their results show that MGE is promising for improving model alignment across all 6 criteria."),
]


def test_a_doer_named_in_both_sentences_is_not_an_exchange(checker: ClaimChecker) -> None:
    """A clause's doer counts as foreign only when its own sentence lacks it: two faithful halves about one method
    (named in both sentences) are not a swap."""
    for fragment, faithful in SAME_DOER:
        paper = paper_with(fragment)
        assert doers_exchanged(faithful, split_sentences(paper.abstract)) is None, faithful
        assert checker.check(faithful, [paper]).label != "CONTRADICTED", faithful
