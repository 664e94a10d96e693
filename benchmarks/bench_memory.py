"""Peak RSS of ingesting abstracts from JSONL (streamed), each measurement in its own process.

Embedding 100k abstracts with MiniLM takes hours here, so the ingest is measured in parts, all through
`reviewer.ingest.pipeline.ingest_paths`:
  A. parse + catalogue + BM25 at 10k and 100k (VectorStore.add stubbed out: no vectors at all);
  B. the whole path at 100k with the real MiniLM session loaded and run on the first 256-paper chunk
     (its output discarded) and random-but-fixed vectors stored for every paper: Chroma upserts and the
     sentence-vector cache writes included. This is how the cached synthetic search home is built, so
     it is measured whenever that home is built (the synthetic abstracts reuse SciFact sentences, so
     the sentence cache holds ~145k distinct texts, not the ~800k of a real 100k corpus);
  C. for scale, the model's own share: real vs fake-embedder ingest of the same 32 SciFact abstracts
     (ingest embeds in chunks of 256 papers, so this part does not grow with the corpus).
Peak RSS is each worker's own VmHWM (/proc/self/status).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import Section, clean_env, log, ratio, run_worker
from benchmarks.data import scifact_jsonl, synthetic_home, synthetic_home_cached, synthetic_jsonl

TARGET_MB = 2048


def _ingest(tmp: Path, name: str, corpus: Path, **flags: Any) -> dict[str, Any]:
    home = tmp / name
    try:
        return run_worker("ingest", {"home": str(home), "paths": [str(corpus)], **flags}, clean_env(home),
                          timeout=3600)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def run(quick: bool) -> Section:
    section = Section("5. Memory: peak RSS of ingest from JSONL")
    sizes = [10_000] if quick else [10_000, 100_000]
    small = 32
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp_name:
        tmp = Path(tmp_name)
        stub: dict[int, dict[str, Any]] = {}
        for n in sizes:
            log(f"memory: parse + catalogue + BM25 of {n:,} synthetic abstracts")
            stub[n] = _ingest(tmp, f"stub-{n}", synthetic_jsonl(n),
                              stub_vectors=True)
            rows.append([f"A. parse + catalogue + BM25, {n:,} abstracts", f"{stub[n]['rss_mb']:.0f} MB",
                         f"{stub[n]['seconds']:.0f} s", _phases(stub[n])])
        log(f"memory: fake- and real-MiniLM ingest of {small} SciFact abstracts")
        corpus = scifact_jsonl(small)
        fake_small = _ingest(tmp, "fake-small", corpus, fake=True)
        real_small = _ingest(tmp, "real-small", corpus)
        model_mb = real_small["rss_mb"] - fake_small["rss_mb"]
        rows.append([f"C. full path, fake vectors, {small} abstracts", f"{fake_small['rss_mb']:.0f} MB",
                     f"{fake_small['seconds']:.1f} s", _phases(fake_small)])
        rows.append([f"C. full path, real MiniLM (max_length 256), {small} abstracts",
                     f"{real_small['rss_mb']:.0f} MB", f"{real_small['seconds']:.1f} s", _phases(real_small)])
    big = max(sizes)
    section.add(f"peak RSS, parse + catalogue + BM25 of {big:,} abstracts (measured this run)",
                f"{stub[big]['rss_mb']:.0f} MB", f"< {TARGET_MB} MB", stub[big]["rss_mb"] < TARGET_MB,
                f"{stub[10_000]['rss_mb']:.0f} MB at 10,000")
    section.add("MiniLM model + embedding buffers on top of the fake-vector path", f"{model_mb:+.0f} MB", "(part C)",
                None, f"real {real_small['rss_mb']:.0f} MB vs fake {fake_small['rss_mb']:.0f} MB on {small} abstracts")
    if not quick or synthetic_home_cached():
        info = synthetic_home()[1]
        full = float(info["rss_mb"])
        rows.append(["B. full path, MiniLM session (first chunk real), random vectors, 100,000 abstracts",
                     f"{full:.0f} MB",
                     f"{info['seconds']:.0f} s", ", ".join(f"{k} {v:.0f} s" for k, v in info["phases"].items())])
        section.add("peak RSS, whole ingest of 100,000 abstracts with the MiniLM session (first chunk real), "
                    "Chroma and sentence cache included", f"{full:.0f} MB", f"< {TARGET_MB} MB", full < TARGET_MB,
                    f"measured when the cached synthetic home was built ({info['built']})"
                    + (f"; {ratio(full / stub[big]['rss_mb'])} of part A" if big == 100_000 else ""))
    section.table(["measurement (own process, `ingest_paths`)", "peak RSS", "ingest time here", "phases"], rows)
    return section


def _phases(result: dict[str, Any]) -> str:
    return ", ".join(f"{k} {v:.1f} s" for k, v in result["phases"].items())
