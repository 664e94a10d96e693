"""Real-embedding scale run: ingest N abstracts with the real MiniLM session and extrapolate to 100k.

`python -m benchmarks.run --only ingest_scale` ingests N = 20,000 abstracts (BENCH_SCALE_N overrides;
--quick uses 2,000): SciFact's 5,183, then synthetic abstracts built from real SciFact sentences
(`data.synthetic_jsonl(spliced=True)`: no sentence repeats a SciFact one, so the vector cache
cannot answer them), all embedded for real with today's defaults into a fresh home. The worker
records the clock at every embedded chunk (256 papers), so the curve is measured, not assumed.
Embedding never reads the index, so its cost per text is flat in the corpus size (the table shows
the measured rate along the run; on a shared machine only load moves it); 100k = the chunk-size-
weighted median seconds per text x the 100k papers' texts (at the last papers' texts per paper),
plus the non-embedding work (parse, catalogue, Chroma, BM25) of this run scaled linearly (§5 measures
that part at 100k directly).
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


def per_text(points: list[tuple[int, int, float]]) -> float:
    """Median seconds per embedded text over the chunks, weighted by chunk size (robust to load spikes)."""
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
    seconds_per_text = per_text(points)  # type: ignore[arg-type]
    texts_per_paper = got["texts_per_paper_last"]
    embed_100k = seconds_per_text * TARGET_N * texts_per_paper
    other = (got["seconds"] - got["embed_seconds"]) * TARGET_N / got["papers"]
    rate = got["papers"] / got["seconds"]
    full = [p for p in points if p[1] >= max(q[1] for q in points) / 2]
    trend = (full[-1][1] / full[-1][2]) / (full[0][1] / full[0][2]) if len(full) > 1 else float("nan")
    section.add(f"real ingest of {got['papers']:,} abstracts ({'SciFact + synthetic' if len(paths) > 1 else 'SciFact'})",
                f"{rate:.1f} papers/s", "(measured)", None,
                f"{got['seconds'] / 60:.1f} min wall, embedding {got['embed_seconds'] / got['seconds']:.0%} of it; "
                f"{got['texts']:,} texts embedded; load average during the run {got['load']}")
    section.add("extrapolated ingest of 100,000 abstracts (measured per-text cost x texts)",
                f"{(embed_100k + other) / 3600:.1f} h", "(study)", None,
                f"median {seconds_per_text * 1000:.1f} ms/text over the chunks x {texts_per_paper:.1f} texts/paper; "
                f"last/first full chunk rate {trend:.2f} (embedding never reads the index, so only load moves it); "
                f"non-embedding work scaled linearly: {other / 60:.1f} min")
    section.add(f"peak RSS of the real {got['papers']:,}-abstract ingest", f"{got['rss_mb']:.0f} MB",
                f"< {RSS_TARGET_MB} MB at 100k (see §5)", got["rss_mb"] < RSS_TARGET_MB)
    rows = [[f"{before:,}", f"{count:,}", f"{count / s:.1f}"] for before, count, s in points[:: max(1, len(points) // 12)]]
    section.lines.append("Embedding rate along the run (every few chunks of 256 papers):")
    section.lines.append("")
    section.table(["texts indexed before", "texts in chunk", "texts/s"], rows)
    section.lines.append("```json")
    section.lines.append(json.dumps({k: v for k, v in got.items() if k != "chunks"}, indent=1))
    section.lines.append("```")
    return section


def task_ingest_scale(args: dict[str, Any]) -> dict[str, Any]:
    """Worker: reviewer.ingest.pipeline.ingest_paths with the real session, clock recorded per embedded chunk."""
    import time

    import reviewer.embed as embed_mod
    import reviewer.index as index_mod
    from benchmarks.worker import _rss_mb
    from reviewer.ingest.pipeline import ingest_paths
    from reviewer.settings import Settings

    settings = Settings(home=Path(args["home"]), auto_ingest_seeds=False, **args.get("settings", {}))
    real = embed_mod.get_embedder(settings.embed_max_length, settings.embed_batch_size, settings.embed_threads,
                                  settings.minilm_model)
    real.embed(["warm up the session"])
    inner = real.embed
    chunks: list[list[float]] = []
    state = {"texts": 0, "embed": 0.0, "papers_last": 0, "texts_last": 0}

    def recording(texts: list[str], sort_by_length: bool = True) -> Any:
        t0 = time.perf_counter()
        out = inner(texts, sort_by_length)
        seconds = time.perf_counter() - t0
        chunks.append([state["texts"], len(texts), seconds])
        state["texts"] += len(texts)
        state["embed"] += seconds
        return out

    real.embed = recording  # type: ignore[method-assign]
    original_add = index_mod.VectorStore.add

    def add(self: Any, papers: list[Any], quiet: bool | None = None, *rest: Any) -> int:
        tail = papers[-1000:]
        from reviewer.vector_cache import paper_sentences

        state["papers_last"] = len(tail)
        whole = int(settings.paper_vector == "whole")  # the whole "title. abstract" is one more text
        state["texts_last"] = sum(len(paper_sentences(p.title, p.abstract)) + whole for p in tail)
        return original_add(self, papers, quiet, *rest)

    index_mod.VectorStore.add = add  # type: ignore[method-assign]
    start = time.perf_counter()
    report = ingest_paths(settings, [Path(p) for p in args["paths"]], quiet=True)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "embed_seconds": state["embed"], "papers": report.total_papers,
            "texts": state["texts"], "chunks": chunks, "rss_mb": _rss_mb(),
            "texts_per_paper_last": state["texts_last"] / max(1, state["papers_last"]),
            "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
            "settings": {"paper_vector": settings.paper_vector, "model": settings.minilm_model,
                         "batch": settings.embed_batch_size,
                         "max_length": settings.embed_max_length}}
