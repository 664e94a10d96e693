"""Issue 12, twelfth pass: degree comparisons read by their sides, acronyms read as their words, comparisons whose
named sides trade places, a faulted practice called adequate, steps put in the other order, and negation carried
by a requirement or a prevention. Pinned on sentences quoted from seed abstracts (papers of the read splits, none
of the held-out ward split); every changed claim has a faithful twin.
"""

from __future__ import annotations

import pytest

from evals.seed_claims import load_rows, seed_papers_by_title
from reviewer.checker import ClaimChecker
from reviewer.checker.degrees import degree_exchanged, expand_acronyms, names_exchanged
from reviewer.checker.endorsed import faulted_endorsement
from reviewer.checker.quantified import quantity_changed
from reviewer.checker.requires import prevention_denied, requirement_denied
from reviewer.checker.sequence import order_reversed
from reviewer.textutil import split_sentences
from seed_text import paper_with
from seed_text import sentence_with as _sentence

WHITEBOX = "methods designed for white-box LLMs suffer from overconfidence in reasoning tasks compared to simple"
PAV = "show that compared to ORMs, test-time search against PAVs is >8% more accurate"
STEER = "LLMs exhibit greater steerability when engaged in value reasoning from a third-party perspective"


@pytest.mark.parametrize(("fragment", "claim", "reversed_"), [
    (WHITEBOX, "Methods built for white-box LLMs are more overconfident on simple knowledge queries than on reasoning "
               "tasks.", True),
    (WHITEBOX, "Methods built for white-box LLMs are more overconfident on reasoning tasks than on simple knowledge "
               "queries.", False),
    (WHITEBOX, "White-box methods are less overconfident on reasoning tasks than on simple knowledge queries.", True),
    (PAV, "Test-time search against outcome reward models is more accurate than test-time search against process "
          "advantage verifiers.", True),
    (PAV, "Test-time search against process advantage verifiers is more accurate than test-time search against "
          "outcome reward models.", False),
    (STEER, "LLMs are more accurate in a first-person setup than when they reason from a third-party perspective.",
     False),  # accuracy is not steerability: a property the sentence does not compare is not reversed
    (STEER, "LLMs show greater steerability in a first-person setup than when they reason about values from a "
            "third-party perspective.", True),
    (STEER, "LLMs show greater steerability when they reason about values from a third-party perspective than in a "
            "first-person setup.", False),
])
def test_a_degree_comparison_between_two_conditions(fragment: str, claim: str, reversed_: bool) -> None:
    assert degree_exchanged(claim, _sentence(fragment)) == reversed_


def test_an_acronym_is_read_as_the_words_it_abbreviates() -> None:
    sentence = _sentence("find that they outperform SFT significantly")
    assert "supervised fine-tuning" in expand_acronyms(sentence, "Supervised fine-tuning beats RLHF.").lower()
    assert expand_acronyms(sentence, "Fine-tuning beats RLHF.") == sentence  # nothing spells it out


@pytest.mark.parametrize(("fragment", "claim", "label"), [
    (WHITEBOX, "Methods built for white-box LLMs are more overconfident on simple knowledge queries than on reasoning "
               "tasks.", "CONTRADICTED"),
    (PAV, "Test-time search against outcome reward models is more accurate than test-time search against process "
          "advantage verifiers.", "CONTRADICTED"),
    (PAV, "Test-time search against process advantage verifiers is more accurate than test-time search against "
          "outcome reward models.", "SUPPORTED"),
    ("find that they outperform SFT significantly", "Supervised fine-tuning significantly beats the three "
     "state-of-the-art RLHF algorithms.", "CONTRADICTED"),
    ("find that they outperform SFT significantly", "The three state-of-the-art RLHF algorithms significantly "
     "outperform supervised fine-tuning.", "SUPPORTED"),
])
def test_the_checker_reads_reversed_degrees_and_spelled_out_acronyms(checker: ClaimChecker, fragment: str,
                                                                    claim: str, label: str) -> None:
    assert checker.check(claim, [paper_with(fragment)]).label == label


FAR = "FaR boosts GPT-4's performance from 50% to 71% on T4D"
REASONFLUX = "demonstrate that ReasonFlux-PRM-7B selects higher quality data than strong PRMs"


@pytest.mark.parametrize(("fragment", "claim", "exchanged"), [
    (FAR, "Chain-of-Thought lifts GPT-4 from 50% to 71% on T4D, outperforming FaR.", True),
    (FAR, "FaR lifts GPT-4 from 50% to 71% on T4D, outperforming Chain-of-Thought and Self-Ask.", False),
    (REASONFLUX, "Qwen2.5-Math-PRM-72B picks higher quality data than ReasonFlux-PRM-7B on AIME and MATH500.", True),
    (REASONFLUX, "ReasonFlux-PRM-7B picks higher quality data than Qwen2.5-Math-PRM-72B on AIME and MATH500.", False),
])
def test_named_winner_and_loser_trade_places(checker: ClaimChecker, fragment: str, claim: str,
                                             exchanged: bool) -> None:
    assert names_exchanged(claim, _sentence(fragment)) == exchanged
    assert (checker.check(claim, [paper_with(fragment)]).label == "CONTRADICTED") == exchanged


PAL = "These methods generally suffer from assuming a universal preference shared by all humans"
SAR = "existing methodologies treat all tokens with equal importance when estimating uncertainty"


@pytest.mark.parametrize(("fragment", "claim", "label"), [
    (PAL, "The authors find that assuming a universal preference shared by all humans is sufficient for aligning "
          "foundation models.", "CONTRADICTED"),
    (SAR, "The paper shows that weighting all tokens with equal importance is appropriate for estimating the "
          "uncertainty of LLMs.", "CONTRADICTED"),
])
def test_a_practice_the_abstract_faults_called_adequate(checker: ClaimChecker, fragment: str, claim: str,
                                                       label: str) -> None:
    assert checker.check(claim, [paper_with(fragment)]).label == label


def test_the_fault_reader_needs_a_verdict_of_adequacy_and_the_practice() -> None:
    sents = split_sentences(paper_with(PAL).abstract)
    k = next(i for i, s in enumerate(sents) if PAL in s)
    adequate = "The authors find that assuming a universal preference shared by all humans is sufficient."
    assert faulted_endorsement(adequate, sents, [k]) == k
    # the same practice without a verdict of adequacy, and a verdict on another practice, fault nothing
    assert faulted_endorsement("The authors assume a universal preference shared by all humans.", sents, [k]) == -1
    assert faulted_endorsement("The authors find that mixture modeling is sufficient.", sents, [k]) == -1


def test_no_seed_sentence_is_read_as_endorsing_what_its_own_abstract_faults() -> None:
    # a verbatim quote is the paper's own wording: the fault reader must never turn it into a contradiction
    for paper in seed_papers_by_title().values():
        sents = split_sentences(paper.abstract)
        for i, s in enumerate(sents):
            assert faulted_endorsement(s, sents, list(range(max(0, i - 1), min(len(sents), i + 2)))) == -1, s


PTA = "In the first stage, we leverage advanced LLMs to distill CoT into compact high-level guidance"
RFT = "Reason-RFT introduces a two-phase training framework for visual reasoning"


@pytest.mark.parametrize(("fragment", "claim", "reversed_"), [
    (PTA, "PTA-GRPO first trains with a guidance-aware RL method and then distills CoT into high-level guidance for "
          "supervised fine-tuning.", True),
    (PTA, "PTA-GRPO first distills CoT into high-level guidance for supervised fine-tuning and then trains with a "
          "guidance-aware RL method.", False),
    (RFT, "Reason-RFT first runs GRPO-based reinforcement learning, then supervised fine-tuning on curated CoT data.",
     True),
    (RFT, "Reason-RFT first runs supervised fine-tuning on curated CoT data, then GRPO-based reinforcement learning.",
     False),
])
def test_steps_in_the_other_order(checker: ClaimChecker, fragment: str, claim: str, reversed_: bool) -> None:
    assert order_reversed(claim, paper_with(fragment).abstract) == reversed_
    assert (checker.check(claim, [paper_with(fragment)]).label == "CONTRADICTED") == reversed_


def test_no_seed_sentence_orders_its_own_abstract_the_other_way() -> None:
    for paper in seed_papers_by_title().values():
        for s in split_sentences(paper.abstract):
            assert not order_reversed(s, paper.abstract), s


TRAINING_FREE = "We introduce a new, a training-free, game-theoretic procedure for language model decoding."
ENTROPY = "This method prevents policy entropy from dropping sharply"


@pytest.mark.parametrize(("claim", "denied"), [
    ("The consensus-game procedure requires training the language model before decoding.", True),
    ("The consensus-game procedure is a training-free way to decode from a language model.", False),
    ("Prior decoders require training the language model.", False),  # said of other work, not of this procedure
])
def test_a_requirement_the_evidence_does_without(checker: ClaimChecker, claim: str, denied: bool) -> None:
    assert requirement_denied(claim, TRAINING_FREE) == denied
    assert (checker.check(claim, [paper_with(TRAINING_FREE)]).label == "CONTRADICTED") == denied


@pytest.mark.parametrize(("claim", "denied"), [
    ("The method makes policy entropy drop sharply during training.", True),
    ("The method keeps policy entropy from dropping sharply during training.", False),
    ("The method stops policy entropy from falling sharply.", False),
])
def test_an_event_the_evidence_prevents(checker: ClaimChecker, claim: str, denied: bool) -> None:
    assert prevention_denied(claim, _sentence(ENTROPY)) == denied
    assert (checker.check(claim, [paper_with(ENTROPY)]).label == "CONTRADICTED") == denied


def test_no_claim_of_the_read_splits_is_pinned_here_from_the_held_out_ward() -> None:
    ward = {r.title for r in load_rows("ward")}
    for fragment in (WHITEBOX, PAV, STEER, FAR, REASONFLUX, PAL, SAR, PTA, RFT, TRAINING_FREE, ENTROPY):
        assert paper_with(fragment).title not in ward


MAINSTREAM = "outperforming most mainstream open-source and proprietary models"


@pytest.mark.parametrize(("claim", "changed"), [
    ("Reason-RFT beats all mainstream open-source and proprietary models.", True),
    ("Reason-RFT beats most mainstream open-source and proprietary models.", False),
    ("Reason-RFT beats no mainstream open-source and proprietary models.", True),
])
def test_a_quantifier_bound_to_the_same_noun_phrase(checker: ClaimChecker, claim: str, changed: bool) -> None:
    assert bool(quantity_changed(claim, _sentence(MAINSTREAM))) == changed
    assert (checker.check(claim, [paper_with(MAINSTREAM)]).label == "CONTRADICTED") == changed


def test_no_seed_sentence_quantifies_a_phrase_otherwise_than_its_own_abstract() -> None:
    for paper in seed_papers_by_title().values():
        sents = split_sentences(paper.abstract)
        for s in sents:
            assert not any(quantity_changed(s, other) for other in sents), s


VARCO = "tournament approach aligns better with the current Elo model"


@pytest.mark.parametrize(("claim", "reversed_"), [
    ("Comparing outputs against reference outputs aligns better with the current Elo model than the Varco Arena "
     "tournament does.", True),
    ("The Varco Arena tournament aligns better with the current Elo model than comparing outputs against reference "
     "outputs does.", False),
    ("Comparing outputs against reference outputs is cheaper to run than the Varco Arena tournament.", False),
])
def test_the_side_a_one_sided_comparison_puts_ahead(checker: ClaimChecker, claim: str, reversed_: bool) -> None:
    # the sentence names only the side ahead: a claim that puts that side behind, on the same property, reverses it
    assert degree_exchanged(claim, _sentence(VARCO)) == reversed_
    assert (checker.check(claim, [paper_with(VARCO)]).label == "CONTRADICTED") == reversed_
