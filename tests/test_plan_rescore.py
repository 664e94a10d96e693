"""benchmarks/plan_rescore.py's `tok` paper vector: each sentence weighs its WordPiece count (issue 16, §6d)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from benchmarks.plan_rescore import token_weighted, word_pieces
from reviewer.textutil import split_sentences

SEED = Path(__file__).resolve().parent.parent / "seeds" / "003_c94349beba3e57eb.txt"


def _two_sentences_of_different_length() -> tuple[str, str]:
    """A long and a short sentence of a real seed abstract (their token counts must differ)."""
    sentences = [s for s in split_sentences(SEED.read_text(encoding="utf-8")) if len(s.split()) >= 4]
    by_length = sorted(sentences, key=lambda s: len(s.split()))
    return by_length[-1], by_length[0]


def test_each_sentence_pulls_the_paper_vector_by_its_token_count() -> None:
    long, short = _two_sentences_of_different_length()
    counts = word_pieces([long, short])
    assert counts[0] > 2 * counts[1]  # the test means something only if the plain mean would differ
    title, s_long, s_short = np.eye(3, 8, dtype=np.float32)  # orthogonal stand-ins for the unit vectors
    vector = token_weighted([np.stack([title, s_long, s_short])], [["A title", long, short]], [True], 0.3)[0]
    assert abs(vector[1] / vector[2] - counts[0] / counts[1]) < 1e-4  # the long sentence weighs its tokens
    assert abs(vector[0] / (vector[1] + vector[2]) - 0.3 / 0.7) < 1e-4  # the title keeps its share
    assert abs(np.linalg.norm(vector) - 1) < 1e-5


def test_an_untitled_paper_is_the_token_weighted_mean_of_its_sentences() -> None:
    long, short = _two_sentences_of_different_length()
    counts = word_pieces([long, short])
    vector = token_weighted([np.eye(2, 8, dtype=np.float32)], [[long, short]], [False])[0]
    assert abs(vector[0] / vector[1] - counts[0] / counts[1]) < 1e-4
