"""Rules added on the probe split (issue 12, ninth pass), pinned on sentences quoted from seed abstracts.

A count written as a word before a modified plural ('three reasoning process benchmarks'), a thousand written
'k' ('700k annotations'), and two counts exchanged between their nouns ('six methods across eight tasks');
two things whose descriptions are exchanged, within a sentence or across sentences (`exchanged.py`); another
agent's work as the subject past a participle phrase, and a claim framed as the paper's finding that rests on
the abstract's opening context (`background.py`). Each changed claim has a faithful twin.
"""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.exchanged import descriptions_exchanged, kind_changed, preference_exchanged, value_moved
from reviewer.checker.families import comparison_order_reversed
from reviewer.checker.features import named_terms
from reviewer.checker.negation import negation_flips
from reviewer.checker.numbers import check_numbers
from reviewer.checker.roles_swap import degree_reversed
from reviewer.roles import faults_reported_practice, reports_other_work
from reviewer.textutil import split_sentences
from seed_text import paper_with
from seed_text import sentence_with as _sentence

SPC = "Experiments on three reasoning process benchmarks (ProcessBench, PRM800K, DeltaBench)"
MMPRM = "we generate over 700k step-level annotations without human labeling"
TRICKS = "systematically evaluating six representative methods across eight reasoning tasks"


def _conflicts(claim: str, fragment: str) -> list[tuple[str, str, int]]:
    text = _sentence(fragment)
    return check_numbers(claim, text, [(0, text, 0.8)]).conflicts


@pytest.mark.parametrize(("fragment", "claim", "changed"), [
    (SPC, "SPC is evaluated on five reasoning process benchmarks, including ProcessBench and DeltaBench.", True),
    (SPC, "SPC is evaluated on three reasoning process benchmarks, including ProcessBench and DeltaBench.", False),
    # (c20: 'over 70k' is implied by 'over 700k', a weaker bound (`limits.py`); a value of 70k is not)
    (MMPRM, "MM-PRM's pipeline generates about 70k step-level annotations without human labeling.", True),
    (MMPRM, "MM-PRM's pipeline generates over 700k step-level annotations without human labeling.", False),
    (TRICKS, "The benchmark evaluates eight representative methods across six reasoning tasks.", True),
    (TRICKS, "The benchmark evaluates six representative methods across eight reasoning tasks.", False),
])
def test_counts_in_words_thousands_in_k_and_exchanged_counts(fragment: str, claim: str, changed: bool) -> None:
    assert bool(_conflicts(claim, fragment)) == changed


def test_a_modified_count_is_read_against_another_count_but_not_missed_without_one() -> None:
    # 'two reward models' against a sentence that counts nothing: unverifiable there, not a stated number missing
    text = _sentence("we propose an online Collaborative Reward Modeling (CRM) framework")
    found = check_numbers("CRM maintains two reward models that filter noisy preferences by peer review.", text,
                          [(0, text, 0.8)])
    assert not found.unmatched and not found.conflicts


def test_a_count_word_before_a_scale_word_is_the_scaled_count() -> None:
    # a survey quoting this sentence verbatim must keep it: 'ten thousand response pairs' is 10,000, not 10 pairs
    text = _sentence("HelpSteer2 consists of only ten thousand response pairs")
    found = check_numbers(text, text, [(0, text, 1.0)])
    assert not found.unmatched and not found.conflicts


SWAP = "the generator predicts the next state, and the discriminator ensures alignment"
RM_META = "we employ meta-learning to enable the reward model to maintain the ability to differentiate subtle"
AFT = "a) Alignment, which guarantees that positive scores surpass negative scores"


@pytest.mark.parametrize(("fragment", "claim", "exchanged"), [
    (SWAP, "In SWAP, the discriminator predicts what the next state will be and the generator checks it for the "
           "logical consistency the problem requires.", True),
    (SWAP, "In SWAP, the generator predicts what the next state will be and the discriminator checks it for the "
           "logical consistency the problem requires.", False),
    (RM_META, "Meta-learning helps reward models distinguish chosen from rejected responses, while contrastive "
              "learning keeps them able to differentiate subtle differences in out-of-distribution samples.", True),
    (RM_META, "Contrastive learning helps reward models distinguish chosen from rejected responses, while "
              "meta-learning keeps them able to differentiate subtle differences in out-of-distribution samples.",
     False),
    (AFT, "The Constraint objective makes positive scores surpass negative ones, while the Alignment objective "
          "confines negative scores to a reasonable range.", True),
    (AFT, "The Alignment objective makes positive scores surpass negative ones, while the Constraint objective "
          "confines negative scores to a reasonable range.", False),
])
def test_descriptions_exchanged_between_two_things_of_the_abstract(checker: ClaimChecker, fragment: str, claim: str,
                                                                   exchanged: bool) -> None:
    paper = paper_with(fragment)
    assert bool(descriptions_exchanged(claim, split_sentences(paper.abstract), named_terms)) == exchanged
    label = checker.check(claim, [paper]).label
    assert (label == "CONTRADICTED") == exchanged, label


def test_other_work_as_the_subject_past_a_participle_phrase_is_reported() -> None:
    assert reports_other_work(_sentence("previous work constructing chain-of-thought rationales concentrates solely"))
    assert not reports_other_work("Our method outperforms existing methods that ignore the incorrect options.")


HUMANS = "Humans excel at these tasks by leveraging deliberate planning with an internal world model"


@pytest.mark.parametrize(("claim", "label"), [
    ("The SWAP paper shows that humans excel at multi-step decision-making by planning deliberately with an "
     "internal world model that simulates the outcomes of actions.", "UNSUPPORTED"),
    ("The SWAP authors show that SWAP achieves substantial improvements over the baselines and consistently "
     "outperforms existing LLMs of similar sizes.", "SUPPORTED"),
])
def test_a_claim_framed_as_the_finding_cannot_rest_on_the_opening_context(checker: ClaimChecker, claim: str,
                                                                           label: str) -> None:
    assert checker.check(claim, [paper_with(HUMANS)]).label == label


CGCOT = "We achieve stronger correlations with human judgments than widely used unsupervised text scoring methods"


@pytest.mark.parametrize(("claim", "reversed_"), [
    ("Unsupervised scoring methods such as Wordfish correlate more strongly with human judgments than CGCoT does.",
     True),
    ("CGCoT correlates more strongly with human judgments than unsupervised scoring methods such as Wordfish.",
     False),
])
def test_more_strongly_reads_as_ahead_in_a_reversed_comparison(checker: ClaimChecker, claim: str,
                                                                   reversed_: bool) -> None:
    assert comparison_order_reversed(claim, _sentence(CGCOT)) == reversed_
    assert (checker.check(claim, [paper_with(CGCOT)]).label == "CONTRADICTED") == reversed_


VARCO = "provides reference-free benchmarking of LLMs in tournament style"


def test_a_free_compound_denies_its_noun_like_without() -> None:
    sentence = _sentence(VARCO)
    assert not negation_flips("Varco Arena benchmarks LLMs in tournament style without reference outputs.", sentence)
    # ... but a plain mention of the references still differs from the denial
    plain = _sentence("Current benchmarking approaches often rely on comparing model outputs against predefined")
    assert negation_flips("Varco Arena benchmarks LLMs in tournament style without reference outputs.", plain)


ASSESSMENT = "they frequently assign higher scores to subpar COTs"


def test_a_report_of_others_view_does_not_contradict_the_papers_own_finding(checker: ClaimChecker) -> None:
    # the best-aligned sentence before it, 'Recent studies reveal that fine-tuning ... can significantly enhance',
    # reads as a reversed direction ('worse' vs 'enhance'); it is a report, not the paper's assertion
    claim = "According to the authors, LLMs fine-tuned on COT data often give higher scores to worse chains of thought."
    assert checker.check(claim, [paper_with(ASSESSMENT)]).label == "SUPPORTED"


TAPO = "we introduce two new datasets: TAPO-easy-60K and TAPO-hard-18K"


@pytest.mark.parametrize(("claim", "changed"), [
    ("The TAPO experiments use TAPO-easy-60K and TAPO-hard-18K models, with Qwen2.5-3B and Qwen2.5-7B as the new "
     "datasets.", True),
    ("The TAPO experiments use Qwen2.5-3B and Qwen2.5-7B models, with TAPO-easy-60K and TAPO-hard-18K as the new "
     "datasets.", False),
])
def test_a_model_name_given_as_a_dataset_and_the_reverse(checker: ClaimChecker, claim: str, changed: bool) -> None:
    paper = paper_with(TAPO)
    assert bool(kind_changed(claim, paper.abstract, named_terms)) == changed
    assert (checker.check(claim, [paper]).label == "CONTRADICTED") == changed


RANKINGS = "but not with a rating-based evaluation protocol"


def test_a_denial_led_by_another_compound_modifier_is_not_a_flip() -> None:
    sentence = _sentence(RANKINGS)
    claim = "LLMs aligned with rankings data are preferred over those aligned with ratings data under a rank-based " \
            "evaluation protocol."
    assert not negation_flips(claim, sentence)
    assert negation_flips("LLMs aligned with rankings data are preferred under a rating-based evaluation protocol.",
                          sentence)


@pytest.mark.parametrize(("fragment", "offset", "faulted"), [
    # 'Recent work proposed ... the necessity of fine-tuning with high-quality data' + 'However, these approaches are
    # inherently constrained by data availability and quality.'
    ("However, these approaches are inherently constrained by data availability", -1, True),
    # a report faulted inside its own sentence
    ("previous work constructing chain-of-thought rationales concentrates solely", 0, True),
    # a report followed by the paper's own, different finding ('However, we find that the fine-tuned LLMs suffer
    # from an Assessment Misalignment problem'), which faults no practice
    ("Recent studies reveal that fine-tuning LLMs on data with the chain of thought", 0, False),
    # a report followed by an open question
    ("Existing research has shown that a well-trained reward model can substantially improve", 0, False),
])
def test_a_reported_practice_the_abstract_goes_on_to_fault(fragment: str, offset: int, faulted: bool) -> None:
    sents = split_sentences(paper_with(fragment).abstract)
    i = next(k for k, s in enumerate(sents) if fragment in s) + offset
    assert faults_reported_practice(sents, i) == faulted


def test_a_faulted_practice_claimed_as_the_papers_finding_is_contradicted(checker: ClaimChecker) -> None:
    paper = paper_with("However, these approaches are inherently constrained by data availability")
    claim = "AlphaLLM's authors show that fine-tuning on high-quality annotated data is necessary to augment LLM reasoning."
    assert checker.check(claim, [paper]).label == "CONTRADICTED"


SELF_PRM = "The approach exhibits low precision (<10\\%) on difficult problems"


def test_a_bounded_number_in_an_aside_is_a_number_of_what_precedes_it() -> None:
    text = _sentence(SELF_PRM)
    assert check_numbers("Self-PRM reaches a precision above 60% on difficult problems.", text, [(0, text, 0.6)]).conflicts
    assert not check_numbers("Self-PRM's precision on difficult problems is below 10%.", text,
                             [(0, text, 0.6)]).conflicts


RABENCH = "Evaluations on RABench reveal poor generalization of current RMs"


def test_poor_is_the_low_degree_of_what_it_modifies() -> None:
    text = _sentence(RABENCH)
    assert degree_reversed("Evaluations on RABench show that current reward models generalize well.", text)
    assert not degree_reversed("Evaluations on RABench show that current reward models generalize poorly.", text)


CHAMP = "With concepts and hints, performance sometimes improves"


@pytest.mark.parametrize(("claim", "contradicted"), [
    ("When given concepts and hints, every model's performance improves.", True),
    ("When given concepts and hints, the performance of some models improves.", False),
])
def test_every_against_a_sentence_that_says_only_some(checker: ClaimChecker, claim: str, contradicted: bool) -> None:
    assert (checker.check(claim, [paper_with(CHAMP)]).label == "CONTRADICTED") == contradicted


@pytest.mark.parametrize(("fragment", "claim", "exchanged"), [
    ("negative learning primarily supports exploration rather than determining the targets",
     "In PPO, negative learning mainly determines the targets rather than supporting exploration.", True),
    ("negative learning primarily supports exploration rather than determining the targets",
     "In PPO, negative learning mainly supports exploration instead of determining the targets.", False),
    ("Rather than providing direct responses to user queries, pedagogically-aligned LLMs",
     "Pedagogically aligned LLMs give students direct answers rather than breaking problems into subproblems.", True),
    ("Rather than providing direct responses to user queries, pedagogically-aligned LLMs",
     "Pedagogically aligned LLMs break problems into subproblems rather than giving direct answers.", False),
])
def test_the_preferred_and_the_passed_over_exchanged(fragment: str, claim: str, exchanged: bool) -> None:
    assert preference_exchanged(claim, _sentence(fragment)) == exchanged


VECTORS = "GSM8K (+4.9%), HumanEval (+4.3%), SciQ (+1.7%)"
ROVER = "(+8.2 on pass@1, +16.8 on pass@256)"


@pytest.mark.parametrize(("fragment", "claim", "moved"), [
    (VECTORS, "Adding the reasoning vector improves GSM8K by 4.3% and HumanEval by 4.9%.", True),
    (VECTORS, "Adding the reasoning vector improves GSM8K by 4.9% and HumanEval by 4.3%.", False),
    (ROVER, "ROVER improves pass@1 by 16.8 points and pass@256 by 8.2 points.", True),
    (ROVER, "ROVER improves pass@1 by 8.2 points and pass@256 by 16.8 points.", False),
])
def test_a_value_moved_to_another_metric_or_benchmark(checker: ClaimChecker, fragment: str, claim: str,
                                                      moved: bool) -> None:
    assert bool(value_moved(claim, _sentence(fragment))) == moved
    assert (checker.check(claim, [paper_with(fragment)]).label == "CONTRADICTED") == moved


@pytest.mark.parametrize("fragment", [
    "A growing body of work suggests that alignment may correspond",
    "The Superficial Alignment Hypothesis posits that",
    "In most current research, large language models (LLMs) are able to perform",
    "Researchers have moved beyond simple autoregressive token generation",
    "While many studies have enhanced algorithmic techniques",
    "Recent advances such as OpenAI-o1 and DeepSeek R1 have demonstrated",
    "Yet prior work in evaluating the reasoning capabilities of large language models",
    "existing studies equally compress all thoughts within a long CoT",
])
def test_more_ways_of_reporting_the_fields_work(fragment: str) -> None:
    assert reports_other_work(_sentence(fragment))


@pytest.mark.parametrize("sentence", [
    "Our method outperforms existing methods that suffer from collapse.",
    "In this work, we show that our approach outperforms prior methods.",
    "We evaluate SWAP across diverse reasoning-intensive benchmarks including math reasoning, logical reasoning, and "
    "coding tasks.",
])
def test_the_papers_own_sentences_about_other_work_are_not_reports(sentence: str) -> None:
    assert not reports_other_work(sentence)


SELF_CERTAINTY = "improving reasoning performance beyond greedy decoding"


@pytest.mark.parametrize(("claim", "reversed_"), [
    ("Self-certainty falls short of greedy decoding in reasoning performance when combined with chain-of-thought.",
     True),
    ("Combined with chain-of-thought, self-certainty improves reasoning performance over greedy decoding.", False),
])
def test_beyond_marks_the_side_a_comparison_leaves_behind(claim: str, reversed_: bool) -> None:
    assert comparison_order_reversed(claim, _sentence(SELF_CERTAINTY)) == reversed_


SKYWORK = "humans provide verified annotations, while large language models perform automatic curation"
WORLDPM = "(1) Adversarial metrics (ability to identify deceptive features) consistently scale up"


@pytest.mark.parametrize(("fragment", "claim", "exchanged"), [
    (SKYWORK, "In the pipeline, large language models provide verified annotations, while humans perform automatic "
              "curation based on AI guidance.", True),
    (SKYWORK, "In the pipeline, humans provide verified annotations, while large language models perform automatic "
              "curation based on human guidance.", False),
    (WORLDPM, "Subjective metrics consistently scale up with more training data and base model size, while "
              "adversarial metrics show no scaling trends.", True),
    (WORLDPM, "Adversarial metrics consistently scale up with more training data and base model size, while "
              "subjective metrics show no scaling trends.", False),
])
def test_agents_and_metrics_named_by_a_plural_exchanged(fragment: str, claim: str, exchanged: bool) -> None:
    paper = paper_with(fragment)
    assert bool(descriptions_exchanged(claim, split_sentences(paper.abstract), named_terms)) == exchanged
