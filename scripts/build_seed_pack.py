"""Rebuild reviewer/assets/seed_vectors.npz: the vectors of every text ingest embeds for `seeds/`.

    python scripts/build_seed_pack.py            # every vector computed afresh (~5 min on 2 cores)
    python scripts/build_seed_pack.py --reuse    # vectors the current pack already has are kept

Ingests the bundled seeds into a temporary home with the bundled pack switched off (so every vector
is computed by the offline MiniLM here), then stores the cache rows sorted by content hash. Run it
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
    from reviewer.ingest.pipeline import ingest_paths
    from reviewer.settings import Settings
    from reviewer.vector_cache import SEED_PACK

    reuse = "--reuse" in sys.argv[1:]
    with tempfile.TemporaryDirectory(prefix="seed-pack-") as tmp:
        settings = Settings(home=Path(tmp), seed_vectors=reuse, auto_ingest_seeds=False)
        ingest_paths(settings, [REPO / "seeds"], quiet=False)
        with sqlite3.connect(Path(tmp) / "vectors.sqlite") as db:
            rows = sorted(db.execute("SELECT h, v FROM vec16"))
    hashes = np.array([list(bytes.fromhex(h)) for h, _ in rows], dtype=np.uint8)
    vectors = np.stack([np.frombuffer(v, dtype=np.float16) for _, v in rows])
    tmp_path = SEED_PACK.with_suffix(".tmp.npz")
    np.savez_compressed(tmp_path, hashes=hashes, vectors=vectors)
    tmp_path.replace(SEED_PACK)
    print(f"{SEED_PACK.relative_to(REPO)}: {len(rows)} vectors, {SEED_PACK.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
