"""Background passed off as the paper's finding, and entities exchanged across clauses (issue 12).

`reviewer/roles.py` reads more ways of reporting others' work (another agent as the subject of any verb,
views held 'typically' or 'for long', a turn against the view inside its own sentence); `roles_swap.py`
reads two names of one abstract whose clauses were exchanged. Every contradicted or unsupported claim
below has a faithful twin that must stay SUPPORTED. All sentences are quoted from seed abstracts.
"""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.features import named_terms
from reviewer.checker.roles_swap import bindings_swapped
from reviewer.roles import rejects_reported_view, reports_other_work
from reviewer.textutil import split_sentences
from seed_text import paper_with
from seed_text import sentence_with as _sentence

ILLUSTRATES = "Recent work illustrates that language models hallucinate in-part"
TYPICALLY = "These human preferences are typically assumed to be informed solely by partial return"
LONG_VIEWED = "Reasoning has long been viewed as an emergent property of large language models"
IDENTIFIED = "Recent work analyzing in-context learning (ICL) has identified a broad set of strategies"
EXPLORED = "Prior work has explored augmenting training data with LLM-synthesized rationales"
FAILS = "but this assumption frequently fails in practice"
SHOWN = "human annotators have been shown to prefer assertive over truthful texts"
KNOWN = "Language models are known to encode a great amount of factual knowledge through pretraining"
SUSCEPTIBLE = "GPT-4.1 showed the highest susceptibility (90%), while Claude-4-Sonnet demonstrated greater resistance"
RSD = "direct distillation of s1K-1.1 reasoning trace data degrades average performance"
FOREAL = "a Leading model leads the first few tokens for each sentence"


@pytest.mark.parametrize("fragment", [ILLUSTRATES, TYPICALLY, LONG_VIEWED, IDENTIFIED, EXPLORED, SHOWN, KNOWN])
def test_sentences_reporting_others_work_or_a_held_view_are_read_as_reported(fragment: str) -> None:
    assert reports_other_work(_sentence(fragment))


@pytest.mark.parametrize("fragment", [
    "we conduct a comprehensive evaluation of 16 widely used LLMs",
    "validate the enhanced efficacy of our approach over conventional methods",
    "Our algorithm achieves an average improvement of more than 16% in win-rates over conventional RLHF algorithms",
])
def test_the_papers_own_sentences_naming_other_methods_are_not_reported_work(fragment: str) -> None:
    assert not reports_other_work(_sentence(fragment))


def test_a_view_turned_down_in_its_own_sentence_is_rejected_and_a_bare_limitation_is_not() -> None:
    gtalign = split_sentences(paper_with(FAILS).abstract)
    assert rejects_reported_view(gtalign, next(i for i, s in enumerate(gtalign) if FAILS in s))
    shop = split_sentences(paper_with(EXPLORED).abstract)
    assert not rejects_reported_view(shop, next(i for i, s in enumerate(shop) if EXPLORED in s))


@pytest.mark.parametrize(("fragment", "claim", "label"), [
    (ILLUSTRATES, "The paper shows that language models hallucinate partly because binary scoring schemes "
                  "reward any answer over abstention.", "UNSUPPORTED"),
    (IDENTIFIED, "The authors identify a broad set of in-context learning strategies that describe model behavior "
                 "under different experimental conditions.", "UNSUPPORTED"),
    (EXPLORED, "Shop-R1 finds that supervised fine-tuning on LLM-synthesized rationales improves downstream "
               "action prediction.", "UNSUPPORTED"),
    (TYPICALLY, "The authors find that human preferences between segments are informed solely by partial return.",
     "CONTRADICTED"),
    (FAILS, "The GTAlign authors show that maximizing model reward also maximizes user welfare.", "CONTRADICTED"),
    # faithful twins: the same papers' own findings
    (TYPICALLY, "The regret preference model outperforms the partial return preference model with finite "
                "training data.", "SUPPORTED"),
    (FAILS, "GTAlign substantially improves reasoning efficiency, answer quality and mutual welfare compared "
            "to baselines.", "SUPPORTED"),
    (EXPLORED, "Shop-R1 achieves a relative improvement of over 65% compared to the baseline.", "SUPPORTED"),
])
def test_background_claimed_as_the_papers_finding(checker: ClaimChecker, fragment: str, claim: str,
                                                  label: str) -> None:
    assert checker.check(claim, [paper_with(fragment)]).label == label


@pytest.mark.parametrize(("fragment", "claim", "swapped"), [
    (SUSCEPTIBLE, "Claude-4-Sonnet showed the highest susceptibility, while GPT-4.1 demonstrated greater "
                  "resistance.", True),
    (SUSCEPTIBLE, "GPT-4.1 showed the highest susceptibility, while Claude-4-Sonnet showed more resistance.", False),
    (RSD, "For Qwen3-0.6B, training on RSD-generated reasoning traces degrades average performance, while "
          "distilling s1K-1.1 traces brings meaningful improvements.", True),
    (RSD, "For Qwen3-0.6B, distilling s1K-1.1 reasoning trace data degrades average performance, while training "
          "on RSD-generated reasoning traces achieves meaningful improvements.", False),
    (FOREAL, "The draft model leads the first few tokens of each sentence and the Leading model completes "
             "the rest.", True),
    (FOREAL, "The Leading model leads the first few tokens of each sentence and the draft model completes "
             "the rest.", False),
])
def test_names_exchanged_across_clauses(checker: ClaimChecker, fragment: str, claim: str, swapped: bool) -> None:
    sentence = _sentence(fragment)
    assert bool(bindings_swapped(claim, sentence, named_terms)) == swapped
    label = checker.check(claim, [paper_with(fragment)]).label
    assert label == ("CONTRADICTED" if swapped else "SUPPORTED"), label


def test_an_opening_however_turns_against_the_sentence_before_not_its_own_report() -> None:
    # 'However, recent studies challenge this assumption, showing that SLMs ...': the paper goes on to agree
    fragment = "However, recent studies challenge this assumption, showing that small language models"
    sents = split_sentences(paper_with(fragment).abstract)
    assert not rejects_reported_view(sents, next(i for i, s in enumerate(sents) if fragment in s))


def test_a_finding_that_validates_the_common_belief_is_the_papers_own() -> None:
    assert not reports_other_work(_sentence("thus validating the common belief from a new perspective"))
