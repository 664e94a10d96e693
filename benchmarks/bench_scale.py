"""Real-embedding scale run: ingest N abstracts with the real MiniLM session and extrapolate to 100k.

`python -m benchmarks.run --only ingest_scale` ingests N = 20,000 abstracts (BENCH_SCALE_N overrides;
--quick uses 2,000): SciFact's 5,183, then synthetic abstracts built from real SciFact sentences
(`data.synthetic_jsonl`), all embedded for real with today's defaults into a fresh home. The worker
records the clock at every embedded chunk (256 papers), so the curve is measured, not assumed:
seconds per embedded text is fitted as a + b * (texts already indexed) by least squares, and 100k is
the sum of that fit over the 100k papers' texts (at the synthetic texts' texts-per-paper), plus the
parse/catalogue/BM25 time scaled linearly.
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
        synth = synthetic_jsonl(n - real)
        paths.append(synth)
    return paths


def fit(points: list[tuple[int, int, float]]) -> tuple[float, float]:
    """Least-squares a, b of seconds/text = a + b * texts-before, from (texts before, texts, seconds)."""
    xs = [before + count / 2 for before, count, _ in points]
    ys = [s / count for _, count, s in points]
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    var = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var if var else 0.0
    return my - b * mx, b


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
    a, b = fit(points)  # type: ignore[arg-type]
    texts_per_paper = got["texts_per_paper_last"]
    total_texts = TARGET_N * texts_per_paper
    embed_100k = a * total_texts + b * total_texts**2 / 2
    other = (got["seconds"] - got["embed_seconds"]) * TARGET_N / got["papers"]
    rate = got["papers"] / got["seconds"]
    section.add(f"real ingest of {got['papers']:,} abstracts ({'SciFact + synthetic' if len(paths) > 1 else 'SciFact'})",
                f"{rate:.1f} papers/s", "(measured)", None,
                f"{got['seconds'] / 60:.1f} min wall, embedding {got['embed_seconds'] / got['seconds']:.0%} of it; "
                f"{got['texts']:,} texts embedded; load average during the run {got['load']}")
    section.add("extrapolated ingest of 100,000 abstracts (fit of the measured curve)",
                f"{(embed_100k + other) / 3600:.1f} h", "(study)", None,
                f"seconds/text = {a * 1000:.2f} ms {'+' if b >= 0 else '-'} {abs(b) * 1e9:.3f} ns x texts indexed; "
                f"{texts_per_paper:.1f} texts/paper; parse+catalogue+BM25 scaled linearly ({other / 60:.1f} min)")
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
    """Worker: reviewer.corpus.ingest_paths with the real session, clock recorded per embedded chunk."""
    import time

    import reviewer.embed as embed_mod
    import reviewer.index as index_mod
    from benchmarks.worker import _rss_mb
    from reviewer.corpus import ingest_paths
    from reviewer.settings import Settings

    settings = Settings(home=Path(args["home"]), auto_ingest_seeds=False, **args.get("settings", {}))
    real = embed_mod.get_embedder(settings.embed_max_length, settings.embed_batch_size, settings.embed_threads)
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

    def add(self: Any, papers: list[Any], quiet: bool | None = None) -> int:
        tail = papers[-1000:]
        from reviewer.vector_cache import paper_sentences

        state["papers_last"] = len(tail)
        state["texts_last"] = sum(len(paper_sentences(p.title, p.abstract)) for p in tail)
        return original_add(self, papers, quiet)

    index_mod.VectorStore.add = add  # type: ignore[method-assign]
    start = time.perf_counter()
    report = ingest_paths(settings, [Path(p) for p in args["paths"]], quiet=True)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "embed_seconds": state["embed"], "papers": report.total_papers,
            "texts": state["texts"], "chunks": chunks, "rss_mb": _rss_mb(),
            "texts_per_paper_last": state["texts_last"] / max(1, state["papers_last"]),
            "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
            "settings": {"paper_vector": settings.paper_vector, "batch": settings.embed_batch_size,
                         "max_length": settings.embed_max_length}}
