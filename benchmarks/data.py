"""Benchmark inputs: SciFact JSONL slices, a synthetic 100k corpus, and cached indexed homes.

Everything built here lives under `.reviewer-home/bench/` (gitignored) and is reused by later runs:
the seeds home, the synthetic 100k home (built with random-but-fixed vectors) and per-setting vectors.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

from benchmarks.common import BENCH_DIR, REPO, SCIFACT_HOME, clean_env, log, run_worker

CORPORA = BENCH_DIR / "corpora"
HOMES = BENCH_DIR / "homes"
SCIFACT_DATA = REPO / "evals" / "datasets" / "scifact"
SEEDS = REPO / "seeds"
SYNTH_SEED = 0
RSS_METHOD = "VmHWM, real MiniLM on the first chunk"


def scifact_docs() -> list[dict[str, Any]]:
    from evals.retrieval import load_corpus

    return load_corpus(SCIFACT_DATA)


def scifact_jsonl(n: int, offset: int = 0) -> Path:
    """The SciFact abstracts [offset, offset + n) as a reviewer JSONL file (title, abstract, source_id)."""
    path = CORPORA / f"scifact-{offset}-{n}.jsonl"
    if not path.exists():
        CORPORA.mkdir(parents=True, exist_ok=True)
        docs = scifact_docs()[offset : offset + n]
        tmp = path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps({"title": d["title"].strip() or f"SciFact {d['doc_id']}",
                                     "abstract": " ".join(d["abstract"]), "source_id": str(d["doc_id"])}) + "\n")
        tmp.replace(path)
    return path


def synthetic_jsonl(n: int, spliced: bool = False) -> Path:
    """n synthetic abstracts: 4-9 SciFact sentences each, drawn with np.random.default_rng(0).

    Titles are the first ten words of another sentence plus a serial number, so no two papers merge.
    The first n records are the same for any larger n. With `spliced`, every sentence is the first half
    of one SciFact sentence joined to the second half of another, so (almost) no text repeats one already
    embedded: the vector cache would otherwise answer most of them and a real-embedding run would not be.
    """
    import numpy as np

    path = CORPORA / f"synthetic{'-spliced' if spliced else ''}-{n}.jsonl"
    if path.exists():
        return path
    CORPORA.mkdir(parents=True, exist_ok=True)
    sentences = [s for d in scifact_docs() for s in d["abstract"] if len(s) > 20]
    rng = np.random.default_rng(SYNTH_SEED)

    def sentence(j: int) -> str:
        if not spliced:
            return sentences[j]
        head, tail = sentences[j].split(), sentences[int(rng.integers(0, len(sentences)))].split()
        return " ".join(head[: max(1, len(head) // 2)] + tail[len(tail) // 2 :])

    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for i in range(n):
            picks = rng.integers(0, len(sentences), size=int(rng.integers(5, 11)))
            title = " ".join(sentences[picks[0]].split()[:10]).rstrip(".")
            fh.write(json.dumps({"title": f"{title} (synthetic {i})",
                                 "abstract": " ".join(sentence(j) for j in picks[1:]),
                                 "year": 1990 + i % 35}) + "\n")
    tmp.replace(path)
    return path


def index_layout() -> str:
    """How ingest lays out vectors (see the comments below).

    A cached home built under another layout is rebuilt (delete .reviewer-home/bench/homes to force it).
    """
    import reviewer.vector_cache as vector_cache

    if not hasattr(vector_cache, "paper_sentences"):
        return "paper"  # one whole-text vector per paper, nothing else at ingest
    # sentence vectors cached at ingest, and since then also one float16 matrix per paper for re-scoring
    if not hasattr(vector_cache.VectorCache, "paper_matrices"):
        return "sentences"
    from reviewer.settings import Settings

    # since issue 16 the paper vector is the mean of those rows unless REVIEWER_PAPER_VECTOR=whole
    return "sentences+mean" if getattr(Settings(), "paper_vector", "whole") == "mean" else "sentences+paper-rows"


def _built(home: Path) -> dict[str, Any] | None:
    path = home / "bench-build.json"
    if not path.exists():
        return None
    info: dict[str, Any] = json.loads(path.read_text())
    return info if info.get("layout", "paper") == index_layout() else None


def seeds_home() -> tuple[Path, dict[str, Any]]:
    """The 343 bundled seeds ingested once (default settings, real MiniLM) into a cached bench home."""
    home = HOMES / "seeds"
    info = _built(home)
    if info is not None:
        return home, info
    shutil.rmtree(home, ignore_errors=True)
    log("building the seeds bench home (embeds 343 abstracts once; cached afterwards)")
    result = run_worker("ingest", {"home": str(home), "paths": [str(SEEDS)]}, clean_env(home))
    info = {"built": time.strftime("%Y-%m-%d %H:%M"), "papers": result["papers"], "layout": index_layout(),
            "seconds": round(result["seconds"], 1), "rss_mb": round(result["rss_mb"], 1)}
    (home / "bench-build.json").write_text(json.dumps(info))
    return home, info


def synthetic_home(n: int = 100_000) -> tuple[Path, dict[str, Any]]:
    """n synthetic abstracts through the real ingest path (JSONL parse, catalogue, Chroma upserts in
    chunks, sentence-vector cache, bm25s) with random-but-fixed unit vectors (default_rng(0)) as the
    vectors. The real MiniLM session is loaded and run (output discarded) on the first chunk, so the
    recorded peak RSS is that of a real ingest except for the embedding time of the other chunks."""
    home = HOMES / f"synthetic-{n}"
    info = _built(home)
    if info is not None and info.get("rss") == RSS_METHOD:  # older records measured something else
        return home, info
    shutil.rmtree(home, ignore_errors=True)
    corpus = synthetic_jsonl(n)
    log(f"building the synthetic {n:,}-abstract home (random vectors; cached afterwards; several minutes)")
    result = run_worker("ingest", {"home": str(home), "paths": [str(corpus)], "fake": True, "real_calls": 2},
                        clean_env(home), timeout=3600)
    info = {"built": time.strftime("%Y-%m-%d %H:%M"), "papers": result["papers"], "layout": index_layout(),
            "seconds": round(result["seconds"], 1), "rss_mb": round(result["rss_mb"], 1), "rss": RSS_METHOD,
            "phases": {k: round(v, 1) for k, v in result["phases"].items()}}
    (home / "bench-build.json").write_text(json.dumps(info))
    return home, info


def synthetic_home_cached(n: int = 100_000) -> bool:
    info = _built(HOMES / f"synthetic-{n}")
    return info is not None and info.get("rss") == RSS_METHOD


def copy_home(src: Path, dst: Path) -> Path:
    """A private copy of an indexed home (the source is never opened for writing)."""
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("runs", "*.lock"))
    return dst


def scifact_home_copy(dst: Path) -> Path:
    if not (SCIFACT_HOME / "catalog.sqlite").exists():
        raise FileNotFoundError(f"no indexed SciFact home at {SCIFACT_HOME}: run `reviewer eval retrieval` first")
    return copy_home(SCIFACT_HOME, dst)
