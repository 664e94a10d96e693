"""Two embedding models by role (Settings.index_settings): the INDEX model (index_model) makes the Chroma paper
vectors, the per-paper unit rows and the query searched against them; the READING model (minilm_model) embeds the
sentences, titles and texts that evidence, themes and the checker read alone. Each is compared here with its own
embedder run directly, so a call site that takes the wrong settings fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from evals.seed_claims import seed_papers_by_title
from reviewer.catalog import Catalog
from reviewer.embed import get_embedder
from reviewer.index import LexicalIndex, VectorStore, collection_name, lexical_tag, sync_index
from reviewer.settings import Settings
from reviewer.vector_cache import VectorCache, paper_sentences
from tests.conftest import SEEDS, run_main

LEGACY = {"index_model": "wheel", "paper_vector": "whole", "candidate_pool": 100, "bm25_k1": 1.5,
          "bm25_title_repeat": 1}  # the defaults before the split: a home built with them must keep working


def _seed_jsonl(path: Path, n: int = 4) -> Path:
    papers = list(seed_papers_by_title().values())[:n]
    path.write_text("".join(json.dumps({"title": p.title, "abstract": p.abstract}) + "\n" for p in papers))
    return path


def _direct(settings: Settings, texts: list[str]) -> np.ndarray:
    """The model of these settings run directly, not through any cache or call site."""
    return get_embedder(settings.embed_max_length, settings.embed_batch_size, settings.embed_threads,
                        settings.minilm_model).embed(texts)


def _gap(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a - b).max())


def test_the_index_model_is_a_setting_with_its_own_env_var(monkeypatch: pytest.MonkeyPatch) -> None:
    default = Settings()
    assert (default.minilm_model, default.index_model, default.paper_vector) == ("wheel", "adapted-qint8-fused", "late")
    assert default.index_settings.minilm_model == "adapted-qint8-fused" and not default.roles_share_model
    monkeypatch.setenv("REVIEWER_INDEX_MODEL", "wheel")
    same = Settings()
    assert same.index_model == "wheel" and same.index_settings.minilm_model == "wheel" and same.roles_share_model
    monkeypatch.setenv("REVIEWER_INDEX_MODEL", "fp16")
    with pytest.raises(ValueError, match="index_model"):
        Settings()


def test_an_endpoint_does_both_roles_and_keeps_the_whole_text_plan() -> None:
    """An endpoint returns no token states: unless late is asked for (refused by late_chunk), it embeds whole texts."""
    endpoint = Settings(embedding="openai", llm_base_url="http://127.0.0.1:9/v1")
    assert endpoint.paper_vector == "whole" and endpoint.roles_share_model
    assert endpoint.index_settings.embedding_model_id == endpoint.embedding_model_id
    assert Settings(embedding="openai", llm_base_url="http://127.0.0.1:9/v1", paper_vector="late").paper_vector == "late"


def test_reading_vectors_come_from_the_reading_model_and_index_vectors_from_the_index_model(tmp_path: Path) -> None:
    from reviewer.ingest.pipeline import ingest_paths
    from reviewer.retrieve import HybridRetriever

    settings = Settings(home=tmp_path / "h", auto_ingest_seeds=False, seed_vectors=False)
    index = settings.index_settings
    ingest_paths(settings, [_seed_jsonl(tmp_path / "p.jsonl")], quiet=True)
    with Catalog(settings.catalog_path) as catalog:
        papers = list(catalog.iter_papers())
    sentences = paper_sentences(papers[0].title, papers[0].abstract)[1:]
    reading = VectorCache(settings)
    got = reading.embed(sentences)
    reading.close()
    assert _gap(got, _direct(settings, sentences)) < 2e-3  # float16 in the cache
    assert _gap(got, _direct(index, sentences)) > 5e-3  # the two models really differ here: the check has teeth

    stored = VectorStore(settings).vectors([p.id for p in papers])
    texts = [p.text for p in papers]
    whole = np.stack([stored[p.id] for p in papers])
    assert _gap(whole, _direct(index, texts)) < 2e-3  # the late plan's paper vector is the whole text's
    assert _gap(whole, _direct(settings, texts)) > 5e-3

    retriever = HybridRetriever(settings)
    read = retriever.reading_vectors([p.id for p in papers])  # what survey evidence and themes set beside sentences
    assert _gap(np.stack([read[p.id] for p in papers]), _direct(settings, texts)) < 2e-3
    question = "How are process reward models trained?"
    assert _gap(retriever.index_query(question), _direct(index, [question])[0]) < 1e-6
    assert _gap(retriever.index_query(question), _direct(settings, [question])[0]) > 5e-3
    rows = VectorCache(index).paper_matrices([papers[0].id])[papers[0].id]
    assert len(rows) == len(paper_sentences(papers[0].title, papers[0].abstract))
    assert VectorCache(settings).paper_matrices([papers[0].id]) == {}  # no unit rows under the reading model


def test_a_fresh_seeds_home_embeds_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled pack holds the index model's late rows and the reading model's sentence vectors: neither
    ingest nor reading a seed sentence runs a model."""
    import reviewer.embed
    import reviewer.late_chunk
    from reviewer.ingest.pipeline import ensure_ready

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a seed was embedded")

    monkeypatch.setattr(reviewer.embed, "embed_texts", refuse)
    monkeypatch.setattr(reviewer.late_chunk, "late_vectors", refuse)
    settings = Settings(home=tmp_path / "fresh", seeds_dir=SEEDS)
    ensure_ready(settings, quiet=True)
    with Catalog(settings.catalog_path) as catalog:
        papers = list(catalog.iter_papers())
    assert len(papers) == 343 and VectorStore(settings).count() == 343
    reading = VectorCache(settings)
    reading.embed([t for p in papers[:50] for t in [*paper_sentences(p.title, p.abstract), p.text]])
    reading.close()
    assert len(VectorCache(settings.index_settings).paper_matrices([p.id for p in papers])) == 343


def test_changing_the_index_model_re_embeds_only_the_index_side(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reviewer.embed
    from reviewer.ingest.pipeline import ingest_paths

    home = tmp_path / "h"
    first = Settings(home=home, auto_ingest_seeds=False, seed_vectors=False)
    ingest_paths(first, [_seed_jsonl(tmp_path / "p.jsonl")], quiet=True)
    with Catalog(first.catalog_path) as catalog:
        papers = list(catalog.iter_papers())
    units = [u for p in papers for u in paper_sentences(p.title, p.abstract)]
    VectorCache(first).embed(units)  # what a survey reads, under the reading model
    other = first.model_copy(update={"index_model": "qint8-fused"})
    assert collection_name(other) != collection_name(first)
    with Catalog(other.catalog_path) as catalog:
        stats = sync_index(other, catalog, quiet=True)
    assert stats.embedded == len(papers)  # the index side: every paper again, under the new model

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reading side was embedded again")

    monkeypatch.setattr(reviewer.embed, "embed_texts", refuse)
    again = VectorCache(other)
    again.embed(units)  # the reading side: the same keys, read from the cache
    again.close()


def test_a_home_built_with_the_old_defaults_works_with_them_and_rebuilds_bm25_for_the_new(tmp_path: Path) -> None:
    from reviewer.ingest.pipeline import ingest_paths
    from reviewer.retrieve import HybridRetriever

    home = tmp_path / "h"
    old = Settings(home=home, auto_ingest_seeds=False, **LEGACY)
    ingest_paths(old, [_seed_jsonl(tmp_path / "p.jsonl")], quiet=True)
    assert lexical_tag(old) == ""  # the version a home from before the BM25 settings carries
    with Catalog(old.catalog_path) as catalog:
        again = sync_index(old, catalog, quiet=True)
    assert again.embedded == 0 and not again.bm25_rebuilt  # set back, the old home is current as it is
    assert HybridRetriever(old).search("process reward models", k=2)
    new = Settings(home=home, auto_ingest_seeds=False)
    assert lexical_tag(new) == "k1=1.2,title=2"
    with Catalog(new.catalog_path) as catalog:
        stats = sync_index(new, catalog, quiet=True)
    assert stats.bm25_rebuilt and stats.embedded == 4
    built = LexicalIndex.load(new.bm25_path)
    assert built is not None and built.retriever.k1 == 1.2


def test_a_missing_index_model_file_is_a_clean_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import reviewer.embed

    monkeypatch.setattr(reviewer.embed, "ADAPTED_INT8_MODEL_PATH", tmp_path / "gone.onnx")
    reviewer.embed.get_embedder.cache_clear()  # a session loaded earlier would hide the missing file
    try:
        code, out, err = run_main(["search", "process reward models"], capsys)
    finally:
        reviewer.embed.get_embedder.cache_clear()
    assert code != 0 and "Traceback" not in err
    assert "REVIEWER_INDEX_MODEL" in err and "gone.onnx" in err
