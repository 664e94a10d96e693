"""Null finding versus asserted effect (reviewer/checker/polarity.py), on real seed sentences.

A paraphrase that asserts the effect a seed abstract reports as absent must raise the signal, and
the checker must name it among its reasons; a claim that agrees with the sentence must not.
"""

from __future__ import annotations

from evals.synthetic import seed_papers
from reviewer.checker.features import FEATURE_NAMES
from reviewer.checker.offline import OfflineChecker
from reviewer.checker.polarity import asserts_effect, null_finding, polarity_clash
from reviewer.settings import Settings

NULL_SENTENCE = "Simulation performance is not improved by increased inference-time compute."
EFFECT_SENTENCE = ("This mitigates both underfitting (where some prompts are not improved) and reward hacking "
                   "(where the model learns to exploit misspecification of the reward model).")


def test_null_finding_and_asserted_effect_clash() -> None:
    assert null_finding(NULL_SENTENCE)
    assert not null_finding("Increased inference-time compute improves simulation performance.")
    assert asserts_effect("Increased inference-time compute improves simulation performance.")
    assert polarity_clash("Increased inference-time compute improves simulation performance.", NULL_SENTENCE)
    assert polarity_clash("The method has no effect on reward hacking.", EFFECT_SENTENCE)


def test_agreeing_claims_do_not_clash() -> None:
    assert not polarity_clash("More inference-time compute does not improve simulation performance.", NULL_SENTENCE)
    assert not polarity_clash("The method mitigates reward hacking and underfitting.", EFFECT_SENTENCE)
    assert not polarity_clash(NULL_SENTENCE, NULL_SENTENCE)


def test_checker_reports_the_clash_against_the_seed_abstract(tmp_path) -> None:
    paper = next(p for p in seed_papers() if NULL_SENTENCE in p.abstract)
    checker = OfflineChecker(Settings(home=tmp_path))
    col = FEATURE_NAMES.index("polarity_clash")
    clash, items = checker.analyse("Increased inference-time compute improves simulation performance.", [paper])
    at = next(i for i, s in enumerate(items) if s.text == NULL_SENTENCE)
    reason = f"one side reports no effect where the other asserts one (sentence {at})"
    assert clash.features[col] > 0
    assert reason in clash.reasons
    agree, _ = checker.analyse("Increased inference-time compute does not improve simulation performance.", [paper])
    assert reason not in agree.reasons


TRADE_OFF = ("We demonstrate an alignment-simulation trade-off: instruction-tuning improves performance on "
             "low-entropy (consensus) questions but degrades it on high-entropy (diverse) ones.")


def test_direction_is_read_in_the_clause_the_claim_restates(tmp_path) -> None:
    """'improves A but degrades B': a claim that A degrades reverses the first clause, not the sentence."""
    paper = next(p for p in seed_papers() if TRADE_OFF in p.abstract)
    checker = OfflineChecker(Settings(home=tmp_path))
    col = FEATURE_NAMES.index("dir_reversed")
    reversed_, _ = checker.analyse("Instruction-tuning degrades performance on low-entropy consensus questions.", [paper])
    assert reversed_.features[col] > 0
    same, _ = checker.analyse("Instruction-tuning improves performance on low-entropy consensus questions.", [paper])
    assert same.features[col] == 0
