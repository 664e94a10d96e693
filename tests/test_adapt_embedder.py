"""Branch e31's embedding adaptation tools: the training batches and the wheel's int8 weight scheme.

Neither needs torch or onnx: `rounds` is plain Python and `quantize` numpy (evals/adapt_embedder.py,
evals/adapt_export.py). The `adapted` model option must have its own identity, so its vectors never mix
with the default model's in a collection, the vector cache or the bundled seed pack.
"""

from __future__ import annotations

import random
import re

import numpy as np
import pytest

from evals.adapt_embedder import make_pairs, rounds
from evals.adapt_export import quantize
from reviewer.embed import model_path
from reviewer.errors import ConfigError
from reviewer.settings import Settings


def _papers(n: int) -> list[dict]:
    return [{"title": f"Paper {i} title", "sentences": [f"p{i} first claim.", f"p{i} second claim.", f"p{i} third."]}
            for i in range(n)]


def test_a_batch_never_holds_two_pairs_of_one_paper() -> None:
    """In-batch negatives: a paper's second pair in the batch would be scored as a wrong document."""
    papers = _papers(50)
    batches = rounds(papers, ["title", "ict"], repeats=3, batch=8, rng=random.Random(0))
    assert sum(map(len, batches)) == 50 * 2 * 3
    for batch in batches:
        owners = [re.search(r"\bp(\d+)\b", doc).group(1) for _, doc in batch]  # type: ignore[union-attr]
        assert len(owners) == len(set(owners)), batch


def test_pairs_keep_the_query_out_of_its_document() -> None:
    paper = _papers(1)[0]
    rng = random.Random(1)
    title, abstract = make_pairs(paper, "title", rng)  # type: ignore[misc]
    assert title == paper["title"] and title not in abstract
    for _ in range(10):
        sentence, doc = make_pairs(paper, "ict", rng)  # type: ignore[misc]
        assert sentence in paper["sentences"] and sentence not in doc and doc.startswith(paper["title"])


def test_quantize_is_symmetric_per_output_channel() -> None:
    """The wheel's scheme: scale = max|w| / 127 per output column, so each column's largest weight is +-127."""
    rng = np.random.default_rng(0)
    w = rng.normal(size=(16, 6)).astype(np.float32) * np.array([1, 2, 3, 4, 5, 0.01], dtype=np.float32)
    q, scale = quantize(w, axis=0)
    assert q.dtype == np.int8 and scale.shape == (1, 6)
    assert np.array_equal(np.abs(q).max(axis=0), np.full(6, 127))
    assert (np.abs(q * scale - w) <= scale / 2 + 1e-7).all()
    np.testing.assert_allclose(scale[0], np.abs(w).max(axis=0) / 127, rtol=1e-6)


def test_the_adapted_model_has_its_own_identity(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import reviewer.embed as embed

    monkeypatch.setattr(embed, "ADAPTED_MODEL_PATH", tmp_path / "model_adapted.onnx")
    with pytest.raises(ConfigError, match="not shipped"):
        model_path("adapted")
    (tmp_path / "model_adapted.onnx").write_bytes(b"")
    assert model_path("adapted") == tmp_path / "model_adapted.onnx"
    ids = {Settings(minilm_model=m).embedding_model_id for m in ("wheel", "qint8", "qint8-fused", "adapted")}
    assert len(ids) == 4


def test_the_quantized_adapted_model_is_its_own_and_embeds_one_text_per_call(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Its dynamic int8 activations take one scale per call, so (like qint8-fused) a text must not share a batch."""
    import reviewer.embed as embed

    monkeypatch.setattr(embed, "ADAPTED_INT8_MODEL_PATH", tmp_path / "model_adapted_qint8.onnx")
    with pytest.raises(ConfigError, match="missing from this install"):
        model_path("adapted-qint8-fused")
    (tmp_path / "model_adapted_qint8.onnx").write_bytes(b"")
    assert model_path("adapted-qint8-fused") == tmp_path / "model_adapted_qint8.onnx"
    assert "adapted-qint8-fused" in embed.PER_TEXT_MODELS
    ids = {Settings(minilm_model=m).embedding_model_id for m in ("qint8-fused", "adapted", "adapted-qint8-fused")}
    assert len(ids) == 3


def test_the_offset_restores_a_lost_shared_component() -> None:
    """An adapted model whose vectors lost half of a component every text shared (so its cosines all fell) gets
    back the base model's similarity tail from the offset; without it the tail stays far below."""
    from evals.adapt_calibrate import fit_offset, tail_profile

    rng = np.random.default_rng(3)
    shared = rng.normal(size=32)
    shared *= 2.5 / np.linalg.norm(shared)
    papers = rng.normal(size=(40, 32))
    noisy = [papers + rng.normal(scale=0.6, size=papers.shape) for _ in range(3)]
    base = [noisy[0] + shared, noisy[1] + shared, (noisy[2] + shared)[:20]]
    adapted = [noisy[0] + shared / 2, noisy[1] + shared / 2, (noisy[2] + shared / 2)[:20]]
    beta, offset = fit_offset(base, adapted)
    assert 0.6 <= beta <= 1.4
    target = tail_profile(*base)
    assert np.abs(tail_profile(*(x + offset for x in adapted)) - target).max() < 0.02
    assert np.abs(tail_profile(*adapted) - target).max() > 0.05
