"""What kind of sentence settles a question (real seed text, questions worded for these tests, not the eval sets'):
a comparing yes/no question is settled by the finding that states how the two sides compare; a "how" question is
not answered by a sentence that reports beating baselines; an enumeration closed by bare brackets ("1) ... 2) ...")
is a whole sentence, not a fragment to be skipped."""

from __future__ import annotations

from pathlib import Path

from ask_helpers import first_cited
from reviewer.ask.forms import verdict_first
from reviewer.ask.select import is_fragment
from reviewer.textutil import split_sentences
from seed_text import paper_with
from seed_text import scored as _scored


def test_a_comparing_yes_no_question_leads_with_the_comparison(seeded_home: Path) -> None:
    cited, _ = first_cited("Are small uncertainty heads on a frozen LLM as good at verifying reasoning steps as much "
                           "bigger process reward models?")
    assert "reasoningconfidence" in cited.keys and "match or even surpass" in cited.text


def test_a_how_question_is_not_answered_by_beating_baselines(seeded_home: Path) -> None:
    cited, _ = first_cited("How can a model work out which question to put next in a twenty-questions game or an "
                           "adaptive student assessment?")
    assert "adaptiveelicitation" in cited.keys
    assert "outperforms baselines" not in cited.text and "forward simulation" in cited.text


def test_an_enumeration_with_bare_closing_brackets_is_a_sentence() -> None:
    paper = paper_with("binary rewarding fails to account for partially correct answers")
    sentence = next(s for s in split_sentences(paper.abstract) if "binary rewarding" in s)
    assert sentence.startswith("However, two critical limitations persist: 1)")
    assert not is_fragment(sentence)
    # A bracket that really is left open still marks a cut sentence.
    assert is_fragment("The method (trained on synthetic data improves accuracy on both benchmarks.")


def test_a_why_question_is_answered_by_the_paper_that_gives_the_cause(legacy_index: Path) -> None:  # pinned on the pre-split index (conftest LEGACY_INDEX)
    # The closest sentence (learned reward models may hurt RL training) restates a neighbouring problem and gives no
    # reason; Skywork-Reward-V2 restates this one and then says what it stems from ("stems primarily from").
    cited, _ = first_cited("Why have advanced training techniques not made open reward models do better on "
                           "benchmarks?")
    assert "skyworkreward" in cited.keys and "stems primarily from limitations in preference datasets" in cited.text


def test_a_restating_how_lead_yields_to_the_sentence_that_spells_it_out(seeded_home: Path) -> None:
    # "we propose a framework that can automatically learn a reward model ... without human annotations" restates
    # the question; the abstract says how two sentences later ("Specifically, our approach involves ...").
    cited, _ = first_cited("How can LLM agents get a reward model learned automatically from their environment, with "
                           "no human annotation?")
    assert "scalingautonomous" in cited.keys and "navigate an environment randomly" in cited.text


def test_a_yes_no_question_after_a_scene_setting_clause_is_answered_by_the_finding(seeded_home: Path) -> None:
    # "When ..., do they ...?" is a yes/no question: the finding answers it, not the premise that people are irrational.
    cited, _ = first_cited("When large language models model human decision-making, do they treat people as more "
                           "rational than they are?")
    assert "assumepeople" in cited.keys and "the authors find that this is actually not the case" in cited.text


def test_a_how_lead_stating_the_problem_yields_to_the_proposal_that_addresses_it(seeded_home: Path) -> None:
    cited, _ = first_cited("How can reward models get around being weak at arithmetic computation and factual lookup?")
    assert "toolaugmentedb" in cited.keys and "access to external environments" in cited.text


def test_which_works_best_is_answered_by_the_finding_that_compares() -> None:
    out = [_scored("There are several distinct approaches for preference fine-tuning", 0.78),
           _scored("Learning from preference labels plays a crucial role", 0.58),
           _scored("Our main finding is that, in general, approaches that use on-policy sampling", 0.50)]
    led = verdict_first(out, "Which kinds of preference fine-tuning methods work best?", verdict=False)
    assert "outperform offline and maximum likelihood objectives" in led[0].ev.text
    # A question that asks for no comparison keeps its lead.
    led = verdict_first(out, "Which kinds of preference fine-tuning methods exist?", verdict=False)
    assert "several distinct approaches" in led[0].ev.text
