"""The cross-encoder tried for the claim checker (evals/crossenc.py, not shipped): the evidence it reads
and the out-of-fold table that keeps the combiner fit honest."""

from __future__ import annotations

import json
from pathlib import Path

from evals.crossenc import cross_features, evidence_text, load_out_of_fold, pair_key

SENTENCES = ["Background sentence.", "The best aligned finding.", "A runner-up.", "Unrelated methods."]


def test_evidence_is_the_best_aligned_sentences_best_first() -> None:
    assert evidence_text(SENTENCES, [1, 2, 0, 3]) == "The best aligned finding. A runner-up. Background sentence."
    assert evidence_text(SENTENCES, [3], k=1) == "Unrelated methods."


def test_fitting_reads_the_out_of_fold_output_not_the_shipped_model(tmp_path: Path) -> None:
    """fit_checker must see the half model's output for a training pair; the shipped model saw that pair."""
    claim, order = "The best aligned finding holds.", [1, 2, 0]
    key = pair_key(claim, evidence_text(SENTENCES, order))
    (tmp_path / "oof_fold0.jsonl").write_text(json.dumps({"key": key, "probs": [0.123, 0.456, 0.421]}) + "\n")
    table = load_out_of_fold(tmp_path)
    assert cross_features(claim, SENTENCES, order, table) == (0.123, 0.456)
    other = cross_features("Another claim entirely.", SENTENCES, order, table)
    assert other != (0.123, 0.456)  # not in the table: the shipped model (or None without one)
