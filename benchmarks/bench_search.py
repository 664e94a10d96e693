"""Search latency at 343 (seeds), ~5k (SciFact) and 100k (synthetic) abstracts: hybrid vs its two parts.

Per query, hybrid (`HybridRetriever.search`, k=10), the dense part alone (`dense`: Chroma, plus the
best-sentence re-scoring from the per-paper sentence matrices ingest wrote) and BM25 alone (`bm25`),
both over the candidate pool, plus a raw `collection.query`, run side by side in a rotating order. The query vector is computed once up front (its time is reported on its own) and
served from memory to every case.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import Section, log, median, ms, percentile, ratio
from benchmarks.data import (
    copy_home,
    scifact_home_copy,
    seeds_home,
    synthetic_home,
    synthetic_home_cached,
)

P50_TARGET_100K = 0.020
OVERHEAD_TARGET = 1.5
SEED_QUERIES = [
    "process reward models for LLM reasoning", "direct preference optimization", "retrieval augmented generation",
    "chain of thought prompting", "reinforcement learning from human feedback", "mixture of experts",
    "speculative decoding", "long context attention", "multimodal vision language models", "code generation agents",
    "hallucination detection", "instruction tuning data", "quantization of large language models",
    "tool use by language model agents", "reward hacking", "test-time compute scaling", "diffusion models for text",
    "mathematical reasoning benchmarks", "knowledge distillation", "safety alignment jailbreaks",
]


def run(quick: bool) -> Section:
    section = Section("2. Search latency: hybrid vs BM25 alone vs Chroma alone")
    n_queries, rounds = (20, 2) if quick else (50, 3)
    claims = _claims(n_queries)
    rows: list[list[str]] = []
    profile_target: tuple[str, Any, list[str]] | None = None
    profile_lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        seeds, _ = seeds_home()
        homes: list[tuple[str, Path, list[str]]] = [
            ("seeds (343)", copy_home(seeds, Path(tmp) / "seeds"), SEED_QUERIES),
            ("SciFact (5k)", scifact_home_copy(Path(tmp) / "scifact"), claims),
        ]
        if not quick or synthetic_home_cached():
            homes.append(("synthetic (100k)", synthetic_home()[0], claims))
        else:
            section.lines.append("The 100k home is not built yet; `--quick` skips it (a full run builds and caches it).")
        for label, home, queries in homes:
            log(f"search: {label}")
            retriever, stats = _measure(home, queries, rounds, Path(tmp))
            stats["label"] = label
            rows.append(_row(stats))
            slower = max(stats["dense_p50"], stats["bm25_p50"])
            section.add(f"{label}: hybrid p50 / slower part p50", ratio(stats["hybrid_p50"] / slower),
                        f"< {OVERHEAD_TARGET}×", stats["hybrid_p50"] / slower < OVERHEAD_TARGET,
                        f"hybrid p50 {ms(stats['hybrid_p50'])}, p95 {ms(stats['hybrid_p95'])}; "
                        f"query embedding p50 {ms(stats['embed_p50'])} on top")
            if "100k" in label:
                section.add("100k: hybrid p50 (query embedding excluded)", ms(stats["hybrid_p50"]),
                            f"< {P50_TARGET_100K * 1000:.0f} ms", stats["hybrid_p50"] < P50_TARGET_100K,
                            f"absolute time on a shared 2-core machine (load {stats['load']}); "
                            f"{ratio(stats['hybrid_p50'] / stats['bm25_p50'])} of BM25 alone")
            profile_target = (label, retriever, queries)
        if profile_target is not None:
            profile_lines = _profile(*profile_target)
    section.lines.append(f"{n_queries if not quick else 20} queries × {rounds} rounds per corpus (seeds: "
                         f"{len(SEED_QUERIES)} topical queries); all timed cases interleave per query, order "
                         "rotating. The dense part is `HybridRetriever.dense` (Chroma `query`, then the best-sentence "
                         "re-scoring: one SQLite read of the candidates' float16 sentence matrices).")
    section.lines.append("")
    section.table(["corpus", "hybrid p50 / p95", "dense part alone p50 / p95", "BM25 alone p50 / p95",
                   "fusion + catalogue (median)", "inside dense: raw Chroma query", "query embedding p50",
                   "hybrid / slower part", "candidates without sentence rows"], rows)
    section.lines += profile_lines
    return section


def _claims(n: int) -> list[str]:
    from evals.retrieval import load_claims

    return [c["claim"] for c in load_claims()[:n]]


def _measure(home: Path, queries: list[str], rounds: int, scratch: Path) -> tuple[Any, dict[str, Any]]:
    import os

    from reviewer.retrieve import HybridRetriever
    from reviewer.settings import Settings

    settings = Settings(home=home, auto_ingest_seeds=False)
    retriever = HybridRetriever(settings)
    pool = settings.candidate_pool
    embed_times, vectors = [], {}
    for q in queries:
        start = time.perf_counter()
        vectors[q] = retriever.index_query(q)
        embed_times.append(time.perf_counter() - start)
    retriever.index_query = vectors.__getitem__  # type: ignore[method-assign]
    missing = _candidates_without_rows(retriever, queries, vectors, pool)
    collection = retriever.store.collection

    def raw_query(q: str) -> Any:
        return collection.query(query_embeddings=[vectors[q]], n_results=pool, include=["distances"])

    cases: dict[str, Callable[[str], Any]] = {
        "hybrid": lambda q: retriever.search(q, k=10),
        "dense": lambda q: retriever.dense(q, pool),
        "bm25": lambda q: retriever.bm25(q, pool),
        "raw": raw_query,
    }
    for q in queries[:3]:
        for fn in cases.values():
            fn(q)
    samples: dict[str, list[float]] = {name: [] for name in cases}
    names = list(cases)
    for r in range(rounds):
        for i, q in enumerate(queries):
            shift = (i + r) % len(names)
            for name in names[shift:] + names[:shift]:
                start = time.perf_counter()
                cases[name](q)
                samples[name].append(time.perf_counter() - start)
    # The three samples of one (round, query) share a slot: the fusion overhead is computed per slot.
    overhead = [h - d - b for h, d, b in zip(samples["hybrid"], samples["dense"], samples["bm25"], strict=True)]
    stats: dict[str, Any] = {"n": len(retriever.lexical.ids), "embed_p50": median(embed_times), "missing": missing,
                             "overhead_p50": median(overhead), "load": f"{os.getloadavg()[0]:.1f}"}
    for name, values in samples.items():
        stats[f"{name}_p50"] = median(values)
        stats[f"{name}_p95"] = percentile(values, 95)
    return retriever, stats


def _candidates_without_rows(retriever: Any, queries: list[str], vectors: dict[str, Any], pool: int) -> int:
    """Candidates lacking a per-paper sentence row (they would take the slow re-embedding path): 0 expected."""
    from reviewer.vector_cache import VectorCache

    cache = VectorCache(retriever.settings)
    ids = {i for q in queries for i, _ in retriever.store.query(vectors[q], pool)}
    found = cache.paper_matrices(sorted(ids))
    cache.close()
    return len(ids) - len(found)


def _row(s: dict[str, Any]) -> list[str]:
    return [f"{s['label']} ({s['n']:,} docs)", f"{ms(s['hybrid_p50'])} / {ms(s['hybrid_p95'])}",
            f"{ms(s['dense_p50'])} / {ms(s['dense_p95'])}", f"{ms(s['bm25_p50'])} / {ms(s['bm25_p95'])}",
            ms(s["overhead_p50"]), ms(s["raw_p50"]), ms(s["embed_p50"]),
            ratio(s["hybrid_p50"] / max(s["dense_p50"], s["bm25_p50"])), f"{s['missing']:,}"]


def _profile(label: str, retriever: Any, queries: list[str]) -> list[str]:
    """cProfile of hybrid searches on the largest corpus: where the time goes (own time, top entries)."""
    profiler = cProfile.Profile()
    profiler.enable()
    for q in queries[:20]:
        retriever.search(q, k=10)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    total = sum(v[2] for v in stats.stats.values())  # type: ignore[attr-defined]
    top = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:10]  # type: ignore[attr-defined]
    rows = [[f"`{Path(f).name}:{line}({fn})`", f"{v[2] / total:.1%}", f"{v[3] / total:.1%}"]
            for (f, line, fn), v in top]
    out_section = Section("profile")
    out_section.lines += [f"cProfile of 20 hybrid searches on {label} (own time; cumulative includes callees):", ""]
    out_section.table(["function", "own time", "cumulative"], rows)
    return out_section.lines
