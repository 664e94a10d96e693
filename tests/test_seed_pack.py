"""The bundled seed vectors: complete for what ingest embeds, and equal to what the embedder computes.

If the seeds, the sentence splitter or the embedder change, these fail until
`python scripts/build_seed_pack.py` is re-run, so a stale pack can never silently stand in for the model.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from reviewer.catalog import Catalog
from reviewer.embed import embed_texts
from reviewer.settings import Settings
from reviewer.vector_cache import VectorCache, paper_sentences, seed_pack


def _ingest_texts(home: Path) -> list[str]:
    """What the READING model embeds for the seeds: every title, sentence and whole text (evidence, themes)."""
    with Catalog(home / "catalog.sqlite") as catalog:
        papers = list(catalog.iter_papers())
    assert len(papers) == 343
    return [t for p in papers for t in [*paper_sentences(p.title, p.abstract), p.text]]


def test_pack_covers_every_text_ingest_embeds_for_the_seeds(seeded_home: Path) -> None:
    settings = Settings()
    cache = VectorCache(settings)
    hashes = {cache._hash(t) for t in _ingest_texts(seeded_home)}
    cache.close()
    assert hashes <= set(seed_pack())


def test_pack_vectors_equal_fresh_embeddings(seeded_home: Path) -> None:
    settings = Settings()
    texts = _ingest_texts(seeded_home)
    sample = texts[:: max(1, len(texts) // 40)]
    cache = VectorCache(settings)
    pack = seed_pack()
    bundled = np.stack([pack[cache._hash(t)].astype(np.float32) for t in sample])
    cache.close()
    fresh = embed_texts(sample, settings)
    cosines = np.sum(bundled * fresh, axis=1) / np.linalg.norm(bundled, axis=1) / np.linalg.norm(fresh, axis=1)
    assert cosines.min() > 0.999, cosines.min()


def test_a_changed_embedding_setting_does_not_use_the_pack(seeded_home: Path, tmp_path: Path) -> None:
    """Keyed by model and max length: another setting embeds for real instead of reading the pack."""
    text = max(_ingest_texts(seeded_home), key=len)  # long enough that max length 64 changes its vector
    default, short = Settings(home=tmp_path / "a"), Settings(home=tmp_path / "b", embed_max_length=64)
    a, b = VectorCache(default), VectorCache(short)
    assert a._hash(text) in seed_pack() and b._hash(text) not in seed_pack()
    got = b.embed([text])[0]
    a.close(), b.close()
    assert np.allclose(got, embed_texts([text], short)[0], atol=1e-2)
    assert not np.allclose(got, seed_pack()[a._hash(text)].astype(np.float32), atol=1e-2)


def test_pack_late_rows_equal_what_the_index_model_computes(seeded_home: Path) -> None:
    """The INDEX model's late-plan rows (paper vector + unit matrix) for a sample of seeds, against late_vectors run
    afresh; every seed has its rows (a fresh home encodes none)."""
    from reviewer.late_chunk import late_vectors
    from reviewer.vector_cache import seed_papers

    settings = Settings().index_settings
    with Catalog(seeded_home / "catalog.sqlite") as catalog:
        papers = list(catalog.iter_papers())
    cache = VectorCache(settings)
    packed = cache.packed_papers([(p.title, p.abstract) for p in papers])
    cache.close()
    assert len(packed) == len(papers) == len(seed_papers())
    sample = list(range(0, len(papers), 25))
    whole, matrices = late_vectors([(papers[i].title, papers[i].abstract) for i in sample], settings)
    for row, i in enumerate(sample):
        assert np.abs(packed[i][0] - whole[row]).max() < 2e-3
        assert packed[i][1].shape == matrices[row].shape and np.abs(packed[i][1] - matrices[row]).max() < 2e-3
