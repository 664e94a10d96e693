"""The bundled fused-graph int8 MiniLM (`REVIEWER_MINILM_MODEL=qint8-fused`, issue 16 §6h).

It is the fused graph (model_fused.onnx) quantized like model_qint8.onnx, so its vectors must stay within int8
noise of the qint8 model's and of the float model's, a text must get the same vector alone or with batch-mates,
and it must have its own identity (its vectors are not qint8's, so they never share a collection or cache key).
"""

from __future__ import annotations

import hashlib

import numpy as np

from evals.seed_claims import seed_papers_by_title
from reviewer.embed import FUSED_INT8_MODEL_PATH, MiniLMEmbedder, model_path
from reviewer.settings import Settings
from reviewer.textutil import split_sentences
from reviewer.vector_cache import vector_tag


def _seed_texts(n_papers: int = 3) -> list[str]:
    papers = list(seed_papers_by_title().values())[:n_papers]
    return [t for p in papers for t in (p.title, *split_sentences(p.abstract), f"{p.title}. {p.abstract}")]


def test_the_shipped_fused_int8_model_is_the_one_its_readme_names() -> None:
    """The README records the sha256 that `scripts/build_fused_int8_model.py --check` reproduces."""
    digest = hashlib.sha256(FUSED_INT8_MODEL_PATH.read_bytes()).hexdigest()
    assert digest in (FUSED_INT8_MODEL_PATH.parent / "README.md").read_text()
    assert model_path("qint8-fused") == FUSED_INT8_MODEL_PATH


def test_fused_int8_vectors_stay_within_int8_noise_of_the_qint8_and_float_models() -> None:
    """Measured on SciFact (§6h): 1 - cos vs qint8 ~3e-4 mean, vs the float model ~6e-3 mean (max 0.016)."""
    texts = _seed_texts()
    fq8 = MiniLMEmbedder(model="qint8-fused").embed(texts)
    q8 = MiniLMEmbedder(model="qint8").embed(texts)
    wheel = MiniLMEmbedder(batch_size=16, model="wheel").embed(texts)
    assert len(texts) > 30
    to_q8, to_float = 1 - np.sum(fq8 * q8, axis=1), 1 - np.sum(fq8 * wheel, axis=1)
    assert to_q8.mean() < 2e-3 and to_q8.max() < 1e-2
    assert to_float.mean() < 1.5e-2 and to_float.max() < 4e-2


def test_a_text_gets_the_same_vector_alone_and_among_batch_mates() -> None:
    """Dynamic int8 has one activation scale per call, so the model runs one text per call (cache, pack, query agree)."""
    texts = _seed_texts(1)
    together = MiniLMEmbedder(batch_size=16, model="qint8-fused").embed(texts)
    alone = np.vstack([MiniLMEmbedder(model="qint8-fused").embed([t]) for t in texts])
    assert (1 - np.sum(together * alone, axis=1)).max() < 1e-6


def test_the_fused_int8_model_has_its_own_identity() -> None:
    fq8, q8, wheel = (Settings(minilm_model=m) for m in ("qint8-fused", "qint8", "wheel"))
    assert len({vector_tag(fq8), vector_tag(q8), vector_tag(wheel)}) == 3
    assert fq8.embedding_model_id == "minilm-q8f"
