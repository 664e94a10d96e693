"""SciFact dev through Chroma and the production retriever for late-chunked arms, without re-embedding (§6f).

    cp -r /tmp/l16/eval-q8 /tmp/q17/eval-q8          # a COPY of a qint8 `whole` eval home: this writes into it
    python -m benchmarks.late_chroma /tmp/q17/eval-q8 /tmp/l16/late-q8.npz [late|late-t|late-c30 ...]

`reviewer eval retrieval` would late-embed the 5,183 abstracts again (~600 CPU s). The late plan's paper vector
is the `whole` plan's (max 1 - cos 1.2e-7, tests/test_late_chunk.py), so each arm's collection is filled with the
home's `whole` vectors and its unit rows with the saved late-chunked ones (`late-t`: the title row is the title
embedded alone, REVIEWER_LATE_TITLE_ALONE, read from the home's units embedded alone; `-c30`: REVIEWER_LATE_CENTRE
0.3); then the index mark is
set, so evals.retrieval.run_retrieval_eval finds the home ready and searches exactly as production does.
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.late_quality import load_late
from evals.retrieval import run_retrieval_eval
from reviewer.catalog import Catalog
from reviewer.index import VectorStore, _metadata
from reviewer.ingest.pipeline import INDEXED_MARK, _mark
from reviewer.late_chunk import _unit
from reviewer.settings import Settings
from reviewer.vector_cache import VectorCache


def prepare(home: Path, saved: Path, arm: str) -> Settings:
    whole = Settings(home=home, auto_ingest_seeds=False, minilm_model="qint8", index_model="qint8", paper_vector="whole")
    centre = next((int(w[1:]) / 100 for w in arm.split("-")[1:] if w.startswith("c")), 0.0)
    late = whole.model_copy(update={"paper_vector": "late", "late_title_alone": "-t" in arm, "late_centre": centre})
    ids, pack, rows = load_late(saved)
    with Catalog(whole.catalog_path) as catalog:
        papers = catalog.get_many(ids)
    cache = VectorCache(whole, remember=False)
    alone = cache.paper_matrices(ids)
    cache.close()
    if centre:
        rows = [_unit(m - centre * pack["wholes"][n]) for n, m in enumerate(rows)]
    if late.late_title_alone:
        for m, i in zip(rows, ids, strict=True):
            if papers[i].title.strip() and i in alone:
                m[0] = alone[i][0]
    uniq = list(dict.fromkeys(ids))  # a few SciFact titles repeat: the catalogue holds one paper for them
    vectors = VectorStore(whole).vectors(uniq)
    pick: dict[str, int] = {}  # per paper, the saved row whose whole-text vector is Chroma's
    for n, i in enumerate(ids):
        if i not in pick or vectors[i] @ pack["wholes"][n] > vectors[i] @ pack["wholes"][pick[i]]:
            pick[i] = n
    drift = max(float(1 - vectors[i] @ pack["wholes"][n]) for i, n in pick.items())
    store = VectorStore(late)
    for start in range(0, len(uniq), 500):
        chunk = uniq[start : start + 500]
        store.collection.upsert(ids=chunk, embeddings=[vectors[i] for i in chunk],
                                metadatas=[_metadata(papers[i]) for i in chunk])
    cache = VectorCache(late, remember=False)
    cache.put_papers([(i, rows[n]) for i, n in pick.items()])
    cache.close()
    with Catalog(late.catalog_path) as catalog:
        catalog.set_meta(INDEXED_MARK, _mark(late, catalog.version()))
    print(f"{arm}: {len(uniq)} papers; Chroma's whole vector vs the saved late one: max 1 - cos {drift:.1e}", flush=True)
    return late


def main() -> None:
    home, saved = Path(sys.argv[1]), Path(sys.argv[2])
    print("| arm | hybrid nDCG@10 | hybrid recall@100 | hybrid MRR@10 | dense nDCG@10 | bm25 nDCG@10 |")
    print("|---|---|---|---|---|---|")
    for arm in sys.argv[3:] or ["late", "late-c30"]:
        settings = prepare(home, saved, arm)
        result = run_retrieval_eval(settings, quiet=True)
        s = result.scores
        print(f"| {arm} | {s['hybrid'].ndcg_at_10:.4f} | {s['hybrid'].recall_at_100:.4f} | {s['hybrid'].mrr_at_10:.4f} | "
              f"{s['dense'].ndcg_at_10:.4f} | {s['bm25'].ndcg_at_10:.4f} |", flush=True)


if __name__ == "__main__":
    main()
