"""Rebuild reviewer/assets/seed_vectors.npz: the vectors of every text ingest embeds for `seeds/`.

    python scripts/build_seed_pack.py            # every vector computed afresh (~5 min on 2 cores)
    python scripts/build_seed_pack.py --reuse    # vectors the current pack already has are kept

Ingests the bundled seeds into a temporary home with the bundled pack switched off (so every vector
is computed by the offline MiniLM here), embeds every title, sentence and whole text with the READING
model too, then stores the cache rows sorted by content hash, and the INDEX model's late-plan rows
(paper vector + unit matrix per paper, by VectorCache.paper_key): a fresh home then embeds no seed. Run it
after changing the seeds, the sentence splitter, the text cleaning, the embedding plan or the
embedder; tests/test_seed_pack.py fails when the pack no longer matches what the code computes.
`--reuse` embeds only texts the pack lacks and drops vectors ingest no longer asks for: right after
a change of which texts are embedded (cleaning, splitting, the plan), never after a change of the
model or its settings (the test re-embeds a sample, so a wrong reuse cannot pass unnoticed).
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    from reviewer.catalog import Catalog
    from reviewer.index import VectorStore
    from reviewer.ingest.pipeline import ingest_paths
    from reviewer.settings import Settings
    from reviewer.vector_cache import SEED_PACK, VectorCache, paper_sentences

    reuse = "--reuse" in sys.argv[1:]
    with tempfile.TemporaryDirectory(prefix="seed-pack-") as tmp:
        settings = Settings(home=Path(tmp), seed_vectors=reuse, auto_ingest_seeds=False)
        ingest_paths(settings, [REPO / "seeds"], quiet=False)  # the index role: its model's rows and vectors
        with Catalog(settings.catalog_path) as catalog:
            papers = list(catalog.iter_papers())
        reading = VectorCache(settings)  # the reading role: every unit and whole text embedded alone
        reading.embed([t for p in papers for t in [*paper_sentences(p.title, p.abstract), p.text]])
        reading.close()
        index = VectorCache(settings.index_settings)
        ids = [p.id for p in papers]
        matrices = index.paper_matrices(ids)
        vectors = VectorStore(settings).vectors(ids) if settings.index_settings.paper_vector == "late" else {}
        late = sorted((index.paper_key(p.title, p.abstract), vectors[p.id], matrices[p.id])
                      for p in papers if p.id in vectors and p.id in matrices)
        index.close()
        with sqlite3.connect(Path(tmp) / "vectors.sqlite") as db:
            rows = sorted(db.execute("SELECT h, v FROM vec16"))
    hashes = np.array([list(bytes.fromhex(h)) for h, _ in rows], dtype=np.uint8)
    vectors16 = np.stack([np.frombuffer(v, dtype=np.float16) for _, v in rows])
    extra = {}
    if late:  # the late plan's (paper vector, unit rows) per paper: a fresh home encodes no seed at all
        extra = {"paper_keys": np.array([list(bytes.fromhex(k)) for k, _, _ in late], dtype=np.uint8),
                 "paper_counts": np.array([len(m) for _, _, m in late], dtype=np.int32),
                 "paper_rows": np.concatenate([np.vstack([v[None, :], m]) for _, v, m in late]).astype(np.float16)}
    tmp_path = SEED_PACK.with_suffix(".tmp.npz")
    np.savez_compressed(tmp_path, hashes=hashes, vectors=vectors16, **extra)
    tmp_path.replace(SEED_PACK)
    print(f"{SEED_PACK.relative_to(REPO)}: {len(rows)} vectors, {len(late)} late papers, "
          f"{SEED_PACK.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
