"""Generic stages of the claim checker (branch c22), on real seed sentences, each with a faithful twin.

- evaluative polarity (`valence.py`): a claim that judges well what its best sentence judges badly ('most models
  verify reliably' vs 'most models struggle') is CONTRADICTED, whatever the words;
- an exclusive claim (`exclusive.py`): 'evaluated on math reasoning only' where the sentence lists math reasoning
  with logical reasoning and coding is CONTRADICTED;
- a name written with other punctuation ('GPT3-5' in the abstract, 'GPT-3.5' in the claim) is the same name;
- a conflict outranks silence (`offline.ADDRESSED_BY_CONFLICT`): when the relevance model calls the evidence
  silent but an aligned sentence states otherwise, the verdict is CONTRADICTED, not UNSUPPORTED.
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.exclusive import exclusive_overreach
from reviewer.checker.features import term_coverage
from reviewer.checker.valence import valence, valence_clash
from seed_text import assert_contradicted_twin, paper_with, sentence_with

STRUGGLE = "find that most models struggle"
LOG_SUM_EXP = "log-sum-exp approximation to improve training efficiency"
HINDERS = "which hinders their fine-tuning"
STEER = "auto-STEER mitigates the risk"
EVOLVING = "can handle an evolving and possibly imperfect model"


def test_a_claim_judging_the_shared_thing_the_other_way_clashes() -> None:
    assert valence_clash("Most models verify these solutions reliably.", sentence_with(STRUGGLE))
    assert valence_clash("The log-sum-exp approximation is introduced at the cost of training efficiency.",
                         sentence_with(LOG_SUM_EXP))
    assert valence_clash("Many powerful LLMs being available only through APIs makes fine-tuning them for agent "
                         "tasks cheaper and simpler.", sentence_with(HINDERS))


def test_faithful_restatements_do_not_clash() -> None:
    assert valence_clash("Most models struggle to verify these solutions.", sentence_with(STRUGGLE)) is None
    assert valence_clash("The log-sum-exp approximation is introduced to make training more efficient.",
                         sentence_with(LOG_SUM_EXP)) is None
    assert valence_clash("Because many powerful LLMs are only accessible through APIs, fine-tuning them for agent "
                         "tasks is costly and complex.", sentence_with(HINDERS)) is None


def test_a_clause_about_something_else_does_not_clash() -> None:
    # the sentence faults model verification; a claim praising something else it barely shares words with is no reversal
    assert valence_clash("Models reliably produce solutions to geometry problems.", sentence_with(STRUGGLE)) is None


def test_a_remedy_turns_a_bad_thing_into_good_news() -> None:
    # 'mitigates the risk that LLMs will ... over-fit' and 'lowers the risk of over-fitting' both say something good
    sentence = sentence_with(STEER)
    assert valence(sentence) > 0
    assert valence_clash("Because auto-STEER generates fresh questions automatically, it lowers the risk of models "
                         "overfitting the benchmark.", sentence) is None


def test_a_negated_good_word_is_bad() -> None:
    # seeds: 'current reward models often fail to generalize'
    sentence = sentence_with("current reward models often fail to generalize")
    assert valence("current reward models often fail to generalize") < 0 < valence("current reward models "
                                                                                     "generalize well")
    assert valence_clash("Current reward models generalize well.", sentence)


def test_the_checker_contradicts_a_reversed_judgement_and_keeps_its_twin(checker: ClaimChecker) -> None:
    assert_contradicted_twin(checker, STRUGGLE, "Most models verify these solutions reliably.",
                             "Most models struggle to verify these solutions.")
    assert_contradicted_twin(checker, LOG_SUM_EXP,
                             "The log-sum-exp approximation is introduced at the cost of training efficiency.",
                             "The log-sum-exp approximation is introduced to make training more efficient.")


def test_a_conflict_on_an_aligned_sentence_outranks_silence(checker: ClaimChecker) -> None:
    paper = paper_with(EVOLVING)
    verdict = checker.check("The method cannot handle an evolving or imperfect model.", [paper])
    assert verdict.label == "CONTRADICTED", verdict.reasons
    assert checker.check("The method can handle an evolving and possibly imperfect model.",
                         [paper]).label == "SUPPORTED"


SWAP = "We evaluate SWAP across diverse reasoning-intensive benchmarks"
FLR = "without relying on human or commercial LLM-based preference annotations"


def test_an_exclusive_claim_reverses_a_sentence_naming_it_among_others() -> None:
    assert exclusive_overreach("SWAP is evaluated on math reasoning only.", sentence_with(SWAP))
    assert exclusive_overreach("SWAP is evaluated solely on math reasoning.", sentence_with(SWAP))
    # the twins: the sentence's own list, 'not only' (which adds) and 'only' before an amount (which measures)
    assert exclusive_overreach("SWAP is evaluated on math reasoning, logical reasoning and coding tasks.",
                               sentence_with(SWAP)) == ""
    assert exclusive_overreach("SWAP is evaluated not only on math reasoning but also on logic and coding.",
                               sentence_with(SWAP)) == ""
    assert exclusive_overreach("SWAP is evaluated on only three reasoning-intensive benchmarks.",
                               sentence_with(SWAP)) == ""


def test_a_sentence_that_denies_something_may_be_restated_with_only() -> None:
    # 'without relying on human ... annotations' is a restriction a reader may write as 'relies only on ...'
    assert exclusive_overreach("FLR relies only on the likelihood of follow-up utterances as rewards.",
                               sentence_with(FLR)) == ""


def test_the_checker_contradicts_an_exclusive_claim_and_keeps_its_twin(checker: ClaimChecker) -> None:
    assert_contradicted_twin(checker, SWAP, "SWAP is evaluated on math reasoning only.",
                             "SWAP is evaluated on math reasoning, logical reasoning and coding tasks.")


META = "GPT-4 demonstrates a performance ten times more accurate than GPT3-5"


def test_a_name_written_with_other_punctuation_is_the_same_name(checker: ClaimChecker) -> None:
    # seeds: the abstract writes 'GPT3-5'; a reader writes 'GPT-3.5'
    claim = "In the meta-reasoning benchmark, GPT-4 is ten times more accurate than GPT-3.5."
    assert term_coverage(claim, sentence_with(META)) == (1.0, [])
    assert term_coverage("GPT-4 is ten times more accurate than GPT-3.5 Turbo.", sentence_with(META))[1] == ["turbo"]
    assert checker.check(claim, [paper_with(META)]).label == "SUPPORTED"
