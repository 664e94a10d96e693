"""SciFact dense-retrieval quality per max_length, next to the speed figures of bench_embed.

Fixed subset: `evals.retrieval.subset()` = the first 100 judged dev claims, their relevant docs and
fixed random distractors up to 1,000 docs. Exact cosine search (no HNSW), nDCG@10, for
* one whole-text vector per paper ("title. abstract"), as Chroma indexes it;
* that plus the best-sentence re-rank of the top 100 (Settings.sentence_rerank), when the code caches
  title + sentence vectors at ingest;
* the normalised mean of the title + sentence vectors as the paper vector (no whole-text embedding at
  all), with and without the re-rank: the cheaper alternative.
Vectors are cached under .reviewer-home/bench/quality/. A text whose token count fits a shorter
max_length embeds identically, so shorter settings only re-embed the texts they would truncate.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import BENCH_DIR, REPO, SCIFACT_HOME, Section, log
from benchmarks.data import index_layout, scifact_docs, scifact_home_copy

N_CLAIMS, N_DOCS = 100, 1000
CACHE = BENCH_DIR / "quality"


def quality(section: Section) -> None:
    import numpy as np

    from evals.metrics import mean, ndcg_at_k
    from evals.retrieval import load_claims, load_qrels, subset
    from reviewer.catalog import paper_id
    from reviewer.embed import MiniLMEmbedder
    from reviewer.settings import Settings

    qrels = load_qrels()
    docs, judged = subset(scifact_docs(), load_claims(), qrels, N_CLAIMS, N_DOCS)
    titles = [d["title"].strip() or f"SciFact {d['doc_id']}" for d in docs]
    abstracts = [" ".join(d["abstract"]) for d in docs]
    ids = [paper_id(t) for t in titles]
    to_id = {str(d["doc_id"]): i for d, i in zip(docs, ids, strict=True)}
    relevant = [{to_id[d] for d in qrels[str(c["id"])] if d in to_id} for c in judged]
    digest = hashlib.sha1(json.dumps(ids).encode()).hexdigest()[:10]
    CACHE.mkdir(parents=True, exist_ok=True)
    settings = Settings()
    rerank = float(getattr(settings, "sentence_rerank", 0.0))
    embedders = {ml: MiniLMEmbedder(max_length=ml) for ml in (64, 128, 256)}
    queries = {ml: e.embed([c["claim"] for c in judged]) for ml, e in embedders.items()}

    def ndcg(scores: Any) -> float:
        top = np.argsort(-scores, axis=1)[:, :10]
        return mean([ndcg_at_k([ids[j] for j in top[q]], relevant[q], 10) for q in range(len(judged))])

    rows: list[list[str]] = []
    found: dict[tuple[str, int], float] = {}
    whole_texts = [f"{t}. {a}" for t, a in zip(titles, abstracts, strict=True)]
    whole: dict[int, Any] = {}
    for ml in (128, 256):
        path = CACHE / f"ml{ml}-{digest}.npy"
        whole[ml], source = _vectors(path, whole_texts, embedders, ml, _chroma_vectors(ids) if ml == 256 else {})
        found[("whole", ml)] = ndcg(queries[ml] @ whole[ml].T)
        rows.append(["whole text (title. abstract)", str(ml), f"{found[('whole', ml)]:.4f}", source])
    layout = index_layout()
    if layout != "paper":
        from reviewer.vector_cache import paper_sentences

        groups = [paper_sentences(t, a) for t, a in zip(titles, abstracts, strict=True)]
        flat = [u for g in groups for u in g]
        owner = np.repeat(np.arange(len(groups)), [len(g) for g in groups])
        udigest = hashlib.sha1(json.dumps(flat).encode()).hexdigest()[:10]
        base, source = _vectors(CACHE / f"units256-{udigest}.npy", flat, embedders, 256, _cached_units(flat))
        lengths = np.array([len(e.ids) for e in embedders[256]._tokenizer.encode_batch(flat)])
        for ml in (64, 128, 256):
            units, note = base, source
            if ml < 256:
                units, note = _vectors(CACHE / f"units{ml}-{udigest}.npy", flat, embedders, ml, {}, base=base,
                                       redo=np.flatnonzero(lengths > ml))
            per_unit = queries[ml] @ units.T
            cut = f"sentence vectors: {note}; {(lengths > ml).mean():.1%} of titles/sentences cut at {ml}"
            if ml in whole:
                found[("whole+rerank", ml)] = ndcg(_rerank(queries[ml] @ whole[ml].T, per_unit, owner, rerank, 100))
                rows.append([f"whole text + best-sentence re-rank (weight {rerank})", str(ml),
                             f"{found[('whole+rerank', ml)]:.4f}", cut])
            papers = np.zeros((len(groups), units.shape[1]), dtype=np.float32)
            np.add.at(papers, owner, units)
            papers /= np.linalg.norm(papers, axis=1, keepdims=True)
            dense = queries[ml] @ papers.T
            found[("mean", ml)] = ndcg(dense)
            found[("mean+rerank", ml)] = ndcg(_rerank(dense, per_unit, owner, rerank, 100))
            rows.append(["mean of title + sentence vectors (no whole-text embedding)", str(ml),
                         f"{found[('mean', ml)]:.4f}", cut])
            rows.append([f"mean of title + sentence vectors + re-rank (weight {rerank})", str(ml),
                         f"{found[('mean+rerank', ml)]:.4f}", cut])
    key = {"paper": "whole", "sentences": "whole+rerank", "sentences+paper-rows": "whole+rerank",
           "sentences+mean": "mean+rerank"}[layout]
    section.add(f"SciFact dense nDCG@10, max_length 128 vs 256 (100 dev claims, 1,000 docs; current code: {key})",
                f"{found[(key, 128)]:.4f} vs {found[(key, 256)]:.4f}", "(quality next to speed)", None,
                f"whole text only: {found[('whole', 128)]:.4f} vs {found[('whole', 256)]:.4f}"
                + (f"; mean of sentence vectors + re-rank: {found[('mean+rerank', 128)]:.4f} vs "
                   f"{found[('mean+rerank', 256)]:.4f}, {found[('mean+rerank', 64)]:.4f} at 64"
                   if ("mean+rerank", 128) in found else ""))
    section.lines.append(f"Dense retrieval quality, exact cosine over `evals.retrieval.subset()` ({len(judged)} dev "
                         f"claims, {len(docs)} docs = their relevant docs + fixed distractors, seed 13):")
    section.lines.append("")
    section.table(["paper vectors", "max_length", "nDCG@10", "vectors"], rows)


def _vectors(path: Path, texts: list[str], embedders: dict[int, Any], ml: int, known: dict[int, Any],
             base: Any = None, redo: Any = None) -> tuple[Any, str]:
    """Vectors for texts at max_length ml: from disk, from `known` (position -> vector), else embedded."""
    import numpy as np

    if path.exists():
        return np.load(path), "cached"
    if base is not None:
        vectors, todo = base.copy(), [int(i) for i in redo]
        source = f"{len(texts) - len(todo)} identical to max_length 256, {len(todo)} re-embedded"
    else:
        vectors = np.zeros((len(texts), 384), dtype=np.float32)
        todo = [i for i in range(len(texts)) if i not in known]
        for i, vector in known.items():
            vectors[i] = vector
        source = f"{len(texts) - len(todo)} reused from existing indexes, {len(todo)} embedded"
    if todo:
        log(f"quality: embedding {len(todo)} texts at max_length {ml} (once; cached afterwards)")
        vectors[todo] = embedders[ml].embed([texts[i] for i in todo])
    np.save(path, vectors)
    return vectors, source


def _rerank(dense: Any, unit_scores: Any, owner: Any, weight: float, pool: int) -> Any:
    """Production's dense re-scoring: top-`pool` candidates get w * best sentence + (1 - w) * paper score."""
    import numpy as np

    out = np.full_like(dense, -np.inf)
    best = np.full(dense.shape, -np.inf, dtype=np.float32)
    for q in range(dense.shape[0]):
        np.maximum.at(best[q], owner, unit_scores[q])
        top = np.argsort(-dense[q])[:pool]
        out[q, top] = weight * best[q, top] + (1 - weight) * dense[q, top]
    return out


def _chroma_vectors(ids: list[str]) -> dict[int, Any]:
    """Paper vectors (by position in ids) of a copy of the indexed SciFact home, if it was built
    one-vector-per-paper at max_length 256 (a sentence-layout home has a vectors.sqlite: skipped)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    import reviewer.embed_chroma  # noqa: F401  (registers our embedding functions: the collection names one)

    with tempfile.TemporaryDirectory(prefix="bench-quality-") as tmp:
        try:
            home = scifact_home_copy(Path(tmp) / "home")
        except FileNotFoundError:
            return {}
        client = chromadb.PersistentClient(path=str(home / "chroma"),
                                           settings=ChromaSettings(anonymized_telemetry=False))
        collection = client.get_collection("papers-minilm")
        config = (collection.configuration_json or {}).get("embedding_function") or {}
        if int(config.get("config", {}).get("max_length", 256)) != 256 or (home / "vectors.sqlite").exists():
            return {}  # not whole-text vectors at 256
        where = {pid: i for i, pid in enumerate(ids)}
        found: dict[int, Any] = {}
        for start in range(0, len(ids), 500):
            got = collection.get(ids=ids[start : start + 500], include=["embeddings"])
            found.update((where[pid], vector) for pid, vector in zip(got["ids"], got["embeddings"], strict=True))
        return found


def _cached_units(texts: list[str]) -> dict[int, Any]:
    """Sentence vectors already computed by other runs (copies of their vectors.sqlite, read only)."""
    import numpy as np

    from reviewer.settings import Settings

    s = Settings()
    tag = f"{s.embedding}:{s.openai_embedding_model}:256"
    by_hash: dict[str, list[int]] = {}
    for i, t in enumerate(texts):
        by_hash.setdefault(hashlib.sha1(f"{tag}\0{t}".encode()).hexdigest(), []).append(i)
    found: dict[int, Any] = {}
    for source in (SCIFACT_HOME / "vectors.sqlite", REPO / ".reviewer-home" / "vectors.sqlite"):
        if not source.exists():
            continue
        with tempfile.TemporaryDirectory(prefix="bench-vectors-") as tmp:
            copy = Path(tmp) / "vectors.sqlite"
            shutil.copy(source, copy)
            db = sqlite3.connect(str(copy))
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            hashes = list(by_hash)
            for table, dtype in (("vec16", np.float16), ("vec", np.float32)):
                if table not in tables:
                    continue
                for start in range(0, len(hashes), 900):
                    chunk = hashes[start : start + 900]
                    rows = db.execute(f"SELECT h, v FROM {table} WHERE h IN ({','.join('?' * len(chunk))})", chunk)
                    for h, blob in rows:
                        for i in by_hash[h]:
                            found.setdefault(i, np.frombuffer(blob, dtype=dtype).astype(np.float32))
            db.close()
    return found
