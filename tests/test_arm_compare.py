"""benchmarks/arm_compare.py: an arm's parts reach the fusion, and arms are paired claim by claim against the base."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import numpy as np
import pytest

from benchmarks.arm_compare import main, paired, parse_arm, same_claims, score_arm, swap_lexical


def dense(*ids: str) -> list[tuple[str, float, np.ndarray]]:
    """Chroma's list: paper cosine falling with rank, one unit equal to it."""
    return [(doc, 0.9 - 0.1 * i, np.array([0.9 - 0.1 * i], dtype=np.float32)) for i, doc in enumerate(ids)]


# the relevant paper is dense's first and BM25's last: the dense weight decides where it lands
CLAIM = ({"r"}, dense("r", "a", "b"), [("a", 9.0), ("b", 8.0), ("r", 0.5)])


def test_an_arm_is_a_pickle_a_bm25_variant_and_a_fusion_point() -> None:
    assert parse_arm("x.pkl@k1=1.2,title=2@pool=200,w=0.6") == ("x.pkl", "k1=1.2,title=2", "pool=200,w=0.6")
    assert parse_arm("x.pkl") == ("x.pkl", "", "")
    assert parse_arm("x.pkl@production@w=0.7") == ("x.pkl", "", "w=0.7")
    with pytest.raises(ValueError):
        parse_arm("x.pkl@a@b@c")


def test_the_points_dense_weight_reaches_the_fusion() -> None:
    high, _ = score_arm([CLAIM], "w=0.9")
    low, _ = score_arm([CLAIM], "w=0.1")
    assert high[0] == pytest.approx(1.0)
    assert low[0] < 0.6


def test_a_variants_bm25_lists_replace_the_pickles() -> None:
    swapped = swap_lexical([CLAIM], [[("r", 9.0), ("a", 1.0)]])
    assert swapped[0][2] == [("r", 9.0), ("a", 1.0)] and swapped[0][1] is CLAIM[1]
    assert score_arm(swapped, "w=0.1")[0][0] > score_arm([CLAIM], "w=0.1")[0][0]
    with pytest.raises(ValueError):
        swap_lexical([CLAIM, CLAIM], [[]])


def test_only_pickles_of_the_same_claims_are_paired() -> None:
    judged: list[set[str]] = []
    same_claims(judged, [CLAIM], "base")
    same_claims(judged, [({"r"}, dense("a"), [])], "same claim, other arm")
    with pytest.raises(ValueError):
        same_claims(judged, [({"q"}, dense("q"), [])], "another claim")


def test_paired_interval_is_around_the_mean_change() -> None:
    delta = np.array([0.1, 0.3, -0.1, 0.5, 0.0, 0.2])
    mean, lo, hi = paired(delta)
    assert mean == pytest.approx(0.5 / 3)
    assert lo < mean < hi and lo >= -0.1 and hi <= 0.5
    assert paired(np.full(20, 0.25)) == pytest.approx((0.25, 0.25, 0.25))
    # +-1 over 400 claims: standard error 0.05, so a 95% interval is about +-0.098 (a 50% one would be +-0.034)
    _, lo, hi = paired(np.tile([1.0, -1.0], 200))
    assert 0.17 < hi - lo < 0.23


def test_main_reports_each_arm_against_the_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    worse = ({"r"}, dense("a", "b", "r"), [("a", 9.0), ("b", 8.0), ("r", 0.5)])
    base, other = tmp_path / "base.pkl", tmp_path / "other.pkl"
    base.write_bytes(pickle.dumps([CLAIM, CLAIM]))
    other.write_bytes(pickle.dumps([worse, CLAIM]))
    monkeypatch.setattr(sys, "argv", ["arm_compare", "unused.sqlite", "train", f"{base}@@w=0.9", f"{other}@@w=0.9",
                                      f"{base}@@w=0.1"])
    main()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("(base)") and "nDCG@10 1.0000" in lines[0]
    assert "(0 up / 1 down)" in lines[1] and "nDCG@10 1.0000" not in lines[1]
    assert "(0 up / 2 down)" in lines[2]
