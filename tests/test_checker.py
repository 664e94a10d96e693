"""ClaimChecker on hand-written ML abstracts: each label, the signals behind it, and the LLM judge.

Every contradiction case is paired with its faithful twin (same sentence, right number / direction /
negation) that must come out SUPPORTED, so a checker that flags every number or every direction word
fails here just like one that ignores them.
"""

from __future__ import annotations

import json

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from reviewer.checker import ClaimChecker, ClaimVerdict
from reviewer.checker.features import (
    FEATURE_NAMES,
    check_numbers,
    direction_reversals,
    extract_numbers,
    negation_flips,
)
from reviewer.checker.judge import JudgeReply, locate_quote
from reviewer.checker.offline import decide, load_params
from reviewer.models import Paper
from reviewer.settings import Settings

SPARSEMIX = Paper(
    id="p-sparsemix",
    key="lee2024sparsemix",
    title="SparseMix: Load-Balanced Routing for Mixture-of-Experts Language Models",
    abstract=(
        "Mixture-of-experts models scale language models cheaply but suffer from unstable routing. "
        "We present SparseMix, a routing method for transformer language models that balances expert load "
        "without auxiliary losses. "
        "On the GLUE benchmark, SparseMix improves accuracy by 21% over dense baselines while using half "
        "the compute. "
        "Training with SparseMix decreases the variance of gradient estimates. "
        "We also find that SparseMix does not require additional hyperparameter tuning. "
        "Code and models are publicly released."
    ),
)
FOLDING = Paper(
    id="p-fold",
    key="kim2023fold",
    title="Equivariant networks for protein structure prediction",
    abstract=(
        "We predict protein folding structures from amino acid sequences using an equivariant graph network. "
        "Our model reaches a median GDT of 87.2 on CASP14 targets."
    ),
)
GLUE_SENTENCE = (
    "On the GLUE benchmark, SparseMix improves accuracy by 21% over dense baselines while using half the compute."
)


@pytest.fixture
def checker() -> ClaimChecker:
    return ClaimChecker(Settings())


def check(checker: ClaimChecker, claim: str) -> ClaimVerdict:
    return checker.check(claim, [SPARSEMIX])


# ---------------------------------------------------------------- offline verdicts


def test_verbatim_sentence_is_supported_with_its_evidence(checker: ClaimChecker) -> None:
    v = check(checker, GLUE_SENTENCE)
    assert v.label == "SUPPORTED" and v.mode == "offline"
    assert v.score >= 0.8
    top = v.evidence[0]
    assert (top.paper_id, top.key, top.index, top.text) == ("p-sparsemix", "lee2024sparsemix", 2, GLUE_SENTENCE)


def test_trimmed_sentence_is_supported(checker: ClaimChecker) -> None:
    v = check(checker, "SparseMix improves accuracy by 21% over dense baselines on GLUE.")
    assert v.label == "SUPPORTED"
    assert v.score >= 0.5


def test_changed_number_is_contradicted(checker: ClaimChecker) -> None:
    v = check(checker, "SparseMix improves accuracy by 12% over dense baselines on GLUE.")
    assert v.label == "CONTRADICTED"
    assert v.score < 0.5
    assert any("12%" in r and "21%" in r for r in v.reasons)
    assert GLUE_SENTENCE in [e.text for e in v.evidence]


def test_reversed_direction_is_contradicted_and_its_twin_supported(checker: ClaimChecker) -> None:
    wrong = check(checker, "Training with SparseMix increases the variance of gradient estimates.")
    assert wrong.label == "CONTRADICTED"
    assert any("direction reversed" in r and "increases" in r and "decreases" in r for r in wrong.reasons)
    right = check(checker, "SparseMix reduces the variance of gradient estimates during training.")
    assert right.label == "SUPPORTED"


def test_negation_mismatch_is_contradicted_and_its_twin_supported(checker: ClaimChecker) -> None:
    wrong = check(checker, "SparseMix requires additional hyperparameter tuning.")
    assert wrong.label == "CONTRADICTED"
    assert any("negation" in r for r in wrong.reasons)
    right = check(checker, "SparseMix does not require additional hyperparameter tuning.")
    assert right.label == "SUPPORTED"


def test_attribution_and_citation_markers_are_not_part_of_the_claim(checker: ClaimChecker) -> None:
    v = check(checker, "Lee et al. (2024) show that SparseMix reduces the variance of gradient estimates [lee2024sparsemix].")
    assert v.label == "SUPPORTED"
    assert v.evidence[0].index == 3


def test_unrelated_sentence_is_unsupported(checker: ClaimChecker) -> None:
    v = check(checker, "Reinforcement learning from human feedback reduces toxicity in chat models.")
    assert v.label == "UNSUPPORTED"
    assert v.score < 0.2


def test_unmentioned_datasets_are_not_supported(checker: ClaimChecker) -> None:
    v = check(checker, "SparseMix outperforms dense baselines on SuperGLUE and SQuAD.")
    assert v.label == "UNSUPPORTED"
    assert any("squad" in r for r in v.reasons)


def test_papers_checked_together_and_each(checker: ClaimChecker) -> None:
    together = checker.check(GLUE_SENTENCE, [FOLDING, SPARSEMIX])
    assert together.label == "SUPPORTED"
    assert together.evidence[0].paper_id == "p-sparsemix"
    each = checker.check_each(GLUE_SENTENCE, [FOLDING, SPARSEMIX])
    assert [v.label for v in each] == ["UNSUPPORTED", "SUPPORTED"]


def test_guard_flags(checker: ClaimChecker) -> None:
    """The guard rules see a copied sentence as near-verbatim, and a copy with a changed number as contradicting."""
    copied, _ = checker.offline.analyse(GLUE_SENTENCE, [SPARSEMIX])
    assert copied.near_verbatim and not copied.strong_contradiction
    changed, _ = checker.offline.analyse(GLUE_SENTENCE.replace("21%", "12%"), [SPARSEMIX])
    assert changed.strong_contradiction and not changed.near_verbatim
    paraphrase, _ = checker.offline.analyse("SparseMix needs less compute than dense models.", [SPARSEMIX])
    assert not paraphrase.near_verbatim and not paraphrase.strong_contradiction


def test_paper_without_abstract_is_unsupported(checker: ClaimChecker) -> None:
    empty = Paper(id="p0", key="empty", title="SparseMix", abstract="")
    v = checker.check(GLUE_SENTENCE, [empty])
    assert v.label == "UNSUPPORTED" and v.evidence == []


# ---------------------------------------------------------------- signals


def test_numbers_skip_identifiers_and_keep_units() -> None:
    nums = extract_numbers("GPT-4 and ResNet-50 reach 74.7% with a 2.5-fold speedup on 1.5M images [12].")
    assert [(n.value, n.unit) for n in nums] == [(74.7, "%"), (2.5, "x"), (1.5e6, "")]


def test_number_check_match_conflict_and_absence() -> None:
    sentence = "Our model reaches 74.68% top-1 accuracy on ImageNet."
    aligned = [(0, sentence, 0.8)]
    assert check_numbers("It reaches 74.7% accuracy on ImageNet.", sentence, aligned).matched == 1
    conflict = check_numbers("It reaches 71.2% accuracy on ImageNet.", sentence, aligned)
    assert conflict.conflicts == [("71.2%", "74.68%", 0)]
    absent = check_numbers("It trains in 3 days.", "It trains quickly.", [(0, "It trains quickly.", 0.5)])
    assert absent.unmatched == ["3"] and not absent.conflicts


def test_negation_scope_needs_the_negated_words_on_the_other_side() -> None:
    assert negation_flips("X does not improve robustness.", "X improves robustness.") == ["improv", "robust"]
    assert negation_flips("X improves robustness.", "Unlike methods that do not scale, X improves robustness.") == []


def test_direction_reversals_and_prefix_flips() -> None:
    assert direction_reversals("Dropout increases overfitting.", "Dropout decreases overfitting.") == [
        ("increases", "decreases")
    ]
    assert direction_reversals("Dropout increases overfitting.", "Dropout increases overfitting.") == []
    # A sentence stating both directions does not reverse the claim.
    assert direction_reversals("It increases speed.", "It increases speed and decreases memory.") == []
    assert ("depend", "independ") in direction_reversals(
        "Cycling is UCP1-dependent.", "Cycling is a UCP1-independent mechanism."
    )


def test_shipped_params_match_the_code() -> None:
    params = load_params()
    assert tuple(params.features) == FEATURE_NAMES
    assert params.metadata["train_size"] == 809
    assert decide([0.9, 0.05, 0.05], params.support_threshold, params.contradict_threshold) == "SUPPORTED"
    assert decide([0.2, 0.1, 0.7], params.support_threshold, params.contradict_threshold) == "UNSUPPORTED"


# ---------------------------------------------------------------- LLM judge


def _llm_checker(replies: list[str]) -> ClaimChecker:
    from reviewer.llm import LLMClient

    settings = Settings(llm_cache=False)
    return ClaimChecker(settings, llm=LLMClient(settings, chat_model=FakeListChatModel(responses=replies)))


def _reply(label: str, quotes: list[str]) -> str:
    return JudgeReply(label=label, quotes=quotes, rationale="because").model_dump_json()  # type: ignore[arg-type]


def test_judge_verified_quote_supports() -> None:
    quote = "SparseMix improves accuracy by 21% over dense baselines"  # a verbatim part of sentence 2
    v = _llm_checker([_reply("SUPPORTED", [quote])]).check(GLUE_SENTENCE, [FOLDING, SPARSEMIX])
    assert v.mode == "llm" and v.label == "SUPPORTED"
    assert [(e.paper_id, e.index, e.text) for e in v.evidence] == [("p-sparsemix", 2, GLUE_SENTENCE)]
    assert v.score == pytest.approx(1.0)


def test_judge_fabricated_quote_is_dropped_and_verdict_downgraded() -> None:
    fabricated = "SparseMix improves accuracy by 35% on every benchmark we tried."
    v = _llm_checker([_reply("SUPPORTED", [fabricated])]).check(GLUE_SENTENCE, [SPARSEMIX])
    assert v.mode == "llm" and v.label == "UNSUPPORTED"
    assert v.evidence == []
    assert any("dropped" in r for r in v.reasons)
    assert any("downgraded" in r for r in v.reasons)


def test_judge_keeps_real_quote_and_drops_fake_one() -> None:
    real = "Training with SparseMix decreases the variance of gradient estimates."
    v = _llm_checker([_reply("CONTRADICTED", ["SparseMix doubles gradient variance.", real])]).check(
        "SparseMix increases gradient variance.", [SPARSEMIX]
    )
    assert v.label == "CONTRADICTED"
    assert [e.index for e in v.evidence] == [3]
    assert v.score == 0.0
    assert sum("dropped" in r for r in v.reasons) == 1


def test_judge_failure_falls_back_to_offline() -> None:
    v = _llm_checker(["this is not JSON", "still not JSON"]).check(
        "SparseMix improves accuracy by 12% over dense baselines on GLUE.", [SPARSEMIX]
    )
    assert v.mode == "offline"
    assert v.label == "CONTRADICTED"
    assert any("fell back" in r for r in v.reasons)


def test_locate_quote_normalised_match() -> None:
    found = locate_quote("training with sparsemix DECREASES the variance of gradient estimates", [SPARSEMIX])
    assert [e.index for e in found] == [3]
    assert locate_quote("an invented sentence about llamas", [SPARSEMIX]) == []


def test_judge_prompt_variables() -> None:
    from reviewer.llm import load_prompt

    template = load_prompt("judge", {"claim", "abstracts"})
    text = template.format(claim="C", abstracts=json.dumps({"a": "{b}"}))
    assert "Claim: C" in text and '{"a": "{b}"}' in text


def test_a_copied_sentence_stays_supported_next_to_a_negated_one(checker: ClaimChecker) -> None:
    """A negation in a *different* sentence must not overturn a verbatim restatement (a seeds abstract
    where the fitted model alone says CONTRADICTED: 'lacks supervision over the thinking process')."""
    paper = Paper(
        id="p-sophia", key="fan2025sophiavl", title="SophiaVL-R1: Reinforcing MLLMs Reasoning with Thinking Reward",
        abstract=("Recent advances have shown success in eliciting strong reasoning abilities in multimodal large "
                  "language models (MLLMs) through rule-based reinforcement learning (RL) with outcome rewards. "
                  "However, this paradigm typically lacks supervision over the thinking process leading to the "
                  "final outcome. As a result, the model may learn sub-optimal reasoning strategies, which can "
                  "hinder its generalization ability. In light of this, we propose SophiaVL-R1, as an attempt to "
                  "add reward signals for the thinking process in this paradigm."),
    )
    copied = ("In light of this, we propose SophiaVL-R1, as an attempt to add reward signals for the thinking "
              "process in this paradigm.")
    v = checker.check(copied, [paper])
    assert v.label == "SUPPORTED", v.reasons
    assert v.evidence[0].index == 3
    flipped = "This paradigm typically provides supervision over the thinking process leading to the final outcome."
    assert checker.check(flipped, [paper]).label == "CONTRADICTED"
