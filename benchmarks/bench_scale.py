"""Real-embedding scale run: ingest N abstracts with the real MiniLM session and extrapolate to 100k.

`python -m benchmarks.run --only ingest_scale` ingests N = 20,000 abstracts (BENCH_SCALE_N overrides;
--quick uses 2,000): SciFact's 5,183, then synthetic abstracts built from real SciFact sentences
(`data.synthetic_jsonl(spliced=True)`: no sentence repeats a SciFact one, so the vector cache
cannot answer them), all embedded for real with today's defaults into a fresh home. The worker
records the clock at every indexed chunk (`VectorStore.add`, 256 papers: embedding by the index model under
any plan -- `late` encodes inside it, not through the embedder's `embed` -- plus the Chroma upsert), so the curve
is measured, not assumed. Embedding never reads the index, so its cost per paper is flat in the corpus size (the
table shows the measured rate along the run; on a shared machine only load moves it); 100k = the chunk-size-
weighted median seconds per paper x 100k, plus the rest of the ingest (parse, catalogue, BM25) of this run scaled
linearly (§5 measures that part at 100k directly).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import Section, clean_env, log, run_worker
from benchmarks.data import scifact_docs, scifact_jsonl, synthetic_jsonl

TARGET_N = 100_000
RSS_TARGET_MB = 2048


def corpus(n: int) -> list[Path]:
    """SciFact first (real abstracts), then synthetic ones built from its sentences."""
    real = min(n, len(scifact_docs()))
    paths = [scifact_jsonl(real)]
    if n > real:
        synth = synthetic_jsonl(n - real, spliced=True)
        paths.append(synth)
    return paths


def per_unit(points: list[tuple[int, int, float]]) -> float:
    """Median seconds per paper over the chunks, weighted by chunk size (robust to load spikes)."""
    rates = sorted((sec / count, count) for _, count, sec in points if count)
    half, seen = sum(c for _, c in rates) / 2, 0
    for rate, count in rates:
        seen += count
        if seen >= half:
            return rate
    return float("nan")


def run(quick: bool) -> Section:
    section = Section("7. Ingest at scale: real embedding, measured curve, extrapolation to 100k")
    n = int(os.environ.get("BENCH_SCALE_N") or (2000 if quick else 20_000))
    paths = corpus(n)
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        home = Path(tmp) / "home"
        log(f"ingest_scale: real embedding of {n:,} abstracts (this is the long one)")
        got = run_worker("ingest_scale", {"home": str(home), "paths": [str(p) for p in paths]},
                         clean_env(home), timeout=6 * 3600)
        shutil.rmtree(home, ignore_errors=True)
    points = [tuple(p) for p in got["chunks"]]
    seconds_per_paper = per_unit(points)  # type: ignore[arg-type]
    index_100k = seconds_per_paper * TARGET_N
    other = (got["seconds"] - got["index_seconds"]) * TARGET_N / got["papers"]
    rate = got["papers"] / got["seconds"]
    full = [p for p in points if p[1] >= max(q[1] for q in points) / 2]
    trend = (full[-1][1] / full[-1][2]) / (full[0][1] / full[0][2]) if len(full) > 1 else float("nan")
    plan = got["settings"]
    section.add(f"real ingest of {got['papers']:,} abstracts ({'SciFact + synthetic' if len(paths) > 1 else 'SciFact'})",
                f"{rate:.1f} papers/s", "(measured)", None,
                f"{got['seconds'] / 60:.1f} min wall, indexing (embedding + Chroma) {got['index_seconds'] / got['seconds']:.0%}"
                f" of it; index model {plan['index_model']}, plan {plan['paper_vector']}; load average during the run "
                f"{got['load']}")
    section.add("extrapolated ingest of 100,000 abstracts (measured per-paper indexing cost x 100k)",
                f"{(index_100k + other) / 3600:.2f} h", "(study)", None,
                f"median {seconds_per_paper * 1000:.1f} ms/paper over the indexed chunks; last/first full chunk rate "
                f"{trend:.2f} (embedding never reads the index, so only load moves it); the rest of the ingest scaled "
                f"linearly: {other / 60:.1f} min")
    section.add(f"peak RSS of the real {got['papers']:,}-abstract ingest", f"{got['rss_mb']:.0f} MB",
                f"< {RSS_TARGET_MB} MB at 100k (see §5)", got["rss_mb"] < RSS_TARGET_MB)
    rows = [[f"{before:,}", f"{count:,}", f"{count / s:.1f}"] for before, count, s in points[:: max(1, len(points) // 12)]]
    section.lines.append("Indexing rate along the run (every few chunks of 256 papers):")
    section.lines.append("")
    section.table(["papers indexed before", "papers in chunk", "papers/s"], rows)
    section.lines.append("```json")
    section.lines.append(json.dumps({k: v for k, v in got.items() if k != "chunks"}, indent=1))
    section.lines.append("```")
    return section


def task_ingest_scale(args: dict[str, Any]) -> dict[str, Any]:
    """Worker: reviewer.ingest.pipeline.ingest_paths with the real session, clock recorded per embedded chunk."""
    import time

    import reviewer.embed as embed_mod
    import reviewer.index as index_mod
    import reviewer.vector_cache as vc_mod
    from benchmarks.worker import _rss_mb
    from reviewer.ingest.pipeline import ingest_paths
    from reviewer.settings import Settings

    settings = Settings(home=Path(args["home"]), auto_ingest_seeds=False, **args.get("settings", {}))
    index = settings.index_settings
    embed_mod.get_embedder(index.embed_max_length, index.embed_batch_size, index.embed_threads,
                           index.minilm_model).embed(["warm up the session"])
    chunks: list[list[float]] = []
    state = {"papers": 0, "seconds": 0.0, "mark": 0.0}
    original_add, original_put = index_mod.VectorStore.add, vc_mod.VectorCache.put_papers

    def add(self: Any, papers: list[Any], quiet: bool | None = None, *rest: Any) -> int:
        t0 = state["mark"] = time.perf_counter()
        out = original_add(self, papers, quiet, *rest)
        state["seconds"] += time.perf_counter() - t0
        return out

    def put_papers(self: Any, rows: list[Any]) -> None:  # once per indexed chunk, after its embedding
        original_put(self, rows)
        now = time.perf_counter()
        chunks.append([state["papers"], len(rows), now - state["mark"]])  # since the previous chunk's rows
        state["papers"] += len(rows)
        state["mark"] = now

    index_mod.VectorStore.add = add  # type: ignore[method-assign]
    vc_mod.VectorCache.put_papers = put_papers  # type: ignore[method-assign]
    start = time.perf_counter()
    report = ingest_paths(settings, [Path(p) for p in args["paths"]], quiet=True)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "index_seconds": state["seconds"], "papers": report.total_papers,
            "chunks": chunks, "rss_mb": _rss_mb(), "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
            "settings": {"paper_vector": settings.paper_vector, "index_model": index.minilm_model,
                         "batch": index.embed_batch_size, "max_length": index.embed_max_length}}
