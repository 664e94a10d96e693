"""Entities put in a sibling's slot (`slots.py`), an abbreviation that is no swap, and a reported practice faulted by a
participle in its own sentence (issue 12, eleventh pass), pinned on sentences quoted from seed abstracts (papers of
the swapdev split, the development split of that pass). Each changed claim has a faithful twin.
"""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.directions import opposite_words
from reviewer.checker.families import near_copy_edits
from reviewer.checker.slots import slot_swaps
from reviewer.roles import faults_reported_practice
from reviewer.textutil import split_sentences
from seed_text import paper_with

DCOLT = "First, we choose SEDD as a representative continuous-time discrete diffusion model"
LONGSHORT = "a long-thought LLM for more effectively generating important thoughts"
PROGRESS = "we introduce three core challenges: tracking evolving values (PG-Follow)"
CRITIQ = "employs a manager agent to evolve quality criteria and worker agents to make pairwise judgments"
MMR1 = "We release large-scale, carefully curated resources containing ~1.6M long CoT cold-start data"


@pytest.mark.parametrize(("fragment", "claim", "swapped"), [
    (DCOLT, "The authors choose LLaDA as a representative continuous-time discrete diffusion model and SEDD as the "
            "discrete-time masked diffusion language model.", True),
    (DCOLT, "The authors choose SEDD as a representative continuous-time discrete diffusion model and LLaDA as the "
            "discrete-time masked diffusion language model.", False),
    (LONGSHORT, "In the framework, a short-thought LLM generates the important thoughts while a long-thought LLM "
                "efficiently generates the remaining ones.", True),
    (LONGSHORT, "In the framework, a long-thought LLM generates the important thoughts while a short-thought LLM "
                "efficiently generates the remaining ones.", False),
    (PROGRESS, "The challenge of preemptively anticipating moral progress is PG-Follow, and tracking evolving values "
               "is PG-Predict.", True),
    (PROGRESS, "The challenge of preemptively anticipating moral progress is PG-Predict, and tracking evolving values "
               "is PG-Follow.", False),
    (CRITIQ, "In CritiQ Flow, worker agents evolve the quality criteria while a manager agent makes the pairwise "
             "judgments.", True),
    (CRITIQ, "In CritiQ Flow, a manager agent evolves the quality criteria while worker agents make the pairwise "
             "judgments.", False),
    (MMR1, "The released resources contain ~15k long CoT cold-start data and ~1.6M RL QA pairs.", True),
    (MMR1, "The released resources contain ~1.6M long CoT cold-start data and ~15k RL QA pairs.", False),
])
def test_an_entity_in_its_siblings_slot(fragment: str, claim: str, swapped: bool) -> None:
    assert bool(slot_swaps(claim, paper_with(fragment).abstract)) == swapped


def test_a_class_of_things_is_no_sibling_of_a_name() -> None:
    # 'LLMs' names a class, not one thing of the abstract: CHAMP and LLMs do not trade places
    paper = paper_with("The Concept and Hint-Annotated Math Problems (CHAMP) consists of")
    assert not slot_swaps("The CHAMP paper finds that chain-of-thought prompting helps LLMs with math problems.",
                          paper.abstract)


@pytest.mark.parametrize(("fragment", "claim", "label"), [
    (DCOLT, "The authors choose LLaDA as a representative continuous-time discrete diffusion model and SEDD as the "
            "discrete-time masked diffusion language model.", "CONTRADICTED"),
    (LONGSHORT, "In the framework, a short-thought LLM generates the important thoughts while a long-thought LLM "
                "efficiently generates the remaining ones.", "CONTRADICTED"),
    (LONGSHORT, "In the framework, a long-thought LLM generates the important thoughts while a short-thought LLM "
                "efficiently generates the remaining ones.", "SUPPORTED"),
    (PROGRESS, "The challenge of preemptively anticipating moral progress is PG-Follow, and tracking evolving values "
               "is PG-Predict.", "CONTRADICTED"),
])
def test_the_checker_calls_a_slot_swap_contradicted(checker: ClaimChecker, fragment: str, claim: str,
                                                     label: str) -> None:
    assert checker.check(claim, [paper_with(fragment)]).label == label


GTR = "Reinforcement learning with verifiable outcome rewards (RLVR) has effectively scaled up"


def test_an_abbreviation_of_the_words_it_replaces_is_not_a_swap(checker: ClaimChecker) -> None:
    paper = paper_with(GTR)
    sentence = next(s for s in split_sentences(paper.abstract) if GTR in s)
    abbreviated = "RL with verifiable outcome rewards has effectively scaled up chain-of-thought reasoning in LLMs."
    edits = near_copy_edits(abbreviated, sentence, paper.abstract, opposite_words)
    assert edits is not None and not edits.swapped
    # a name of the abstract in place of the words is still a swap
    renamed = "GTR with verifiable outcome rewards has effectively scaled up chain-of-thought reasoning in LLMs."
    edits = near_copy_edits(renamed, sentence, paper.abstract, opposite_words)
    assert edits is not None and edits.swapped
    # the opening context quoted as the paper's finding: not its finding, and nothing rejects it
    claim = "The GTR paper shows that RL with verifiable outcome rewards has effectively scaled up CoT reasoning in LLMs."
    assert checker.check(claim, [paper]).label == "UNSUPPORTED"


HINDER = "existing studies equally compress all thoughts within a long CoT, hindering"


def test_a_participle_of_harm_faults_the_reported_practice(checker: ClaimChecker) -> None:
    paper = paper_with(HINDER)
    sents = split_sentences(paper.abstract)
    i = next(k for k, s in enumerate(sents) if HINDER in s)
    assert faults_reported_practice(sents, i)
    assert not faults_reported_practice(sents, 0)  # 'an emerging strategy to improve ...' faults nothing
    rejected = "This work finds that compressing all thoughts within a long CoT equally gives the most concise reasoning."
    assert checker.check(rejected, [paper]).label == "CONTRADICTED"
    context = "The paper shows that compressing long chain-of-thought is an emerging strategy to improve efficiency."
    assert checker.check(context, [paper]).label == "UNSUPPORTED"
