"""Claim-eval metrics against values worked out by hand."""

from __future__ import annotations

import pytest

from evals.claims import LABELS, accuracy, confusion, gold_label, macro_f1, per_class

S, C, U = "SUPPORTED", "CONTRADICTED", "UNSUPPORTED"

# CONTRADICTED occurs in gold once but is never predicted.
GOLD = [S, S, S, C, U, U]
PRED = [S, S, U, U, U, S]


def test_accuracy_by_hand() -> None:
    assert accuracy(GOLD, PRED) == pytest.approx(3 / 6)
    assert accuracy([], []) == 0.0
    with pytest.raises(ValueError):
        accuracy([S], [S, S])


def test_confusion_rows_gold_columns_predicted() -> None:
    assert LABELS == (S, C, U)
    assert confusion(GOLD, PRED) == [
        [2, 0, 1],  # gold S: two right, one called U
        [0, 0, 1],  # gold C: called U
        [1, 0, 1],  # gold U: one called S, one right
    ]


def test_per_class_with_a_never_predicted_label() -> None:
    scores = per_class(GOLD, PRED)
    assert scores[S]["precision"] == pytest.approx(2 / 3)
    assert scores[S]["recall"] == pytest.approx(2 / 3)
    assert scores[C] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1.0}
    assert scores[U]["precision"] == pytest.approx(1 / 3)
    assert scores[U]["recall"] == pytest.approx(1 / 2)
    assert scores[U]["f1"] == pytest.approx(0.4)  # 2 * (1/3) * (1/2) / (1/3 + 1/2)


def test_macro_f1_by_hand() -> None:
    assert macro_f1(GOLD, PRED) == pytest.approx((2 / 3 + 0.0 + 0.4) / 3)
    assert macro_f1(GOLD, GOLD) == pytest.approx(1.0)
    # A label absent from both gold and predictions still counts (as 0) in the unweighted mean.
    assert macro_f1([S, U], [S, U]) == pytest.approx(2 / 3)


def test_gold_label_rules() -> None:
    assert gold_label({}) == U
    assert gold_label({"1": [{"sentences": [0], "label": "CONTRADICT"}]}) == C
    mixed = {"1": [{"sentences": [0], "label": "CONTRADICT"}], "2": [{"sentences": [3], "label": "SUPPORT"}]}
    assert gold_label(mixed) == S
