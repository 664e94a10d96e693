"""Issue 16 §6k: screened model files on the seed bars, through production ingest and retrieval.

    python -m benchmarks.mixed_seeds default DIR/ffn.onnx:late DIR/skip3.onnx:whole ...

Each arm is `default` (the fused fp32 graph, `whole`, its bundled seed vectors), MODEL:PLAN for a shipped
`minilm_model` value (e.g. `wheel:late`), or FILE:PLAN: a model file built by scripts/build_fused_int8_model.py
VARIANT --out FILE, run as `minilm_model="qint8-fused"` (one text or window per call) with `paper_vector=PLAN`;
FILE:PLAN:POOL also sets `candidate_pool=POOL` (§6i's best production point on SciFact train was 200). Every arm ingests the seeds into a fresh home, so a file's arm embeds every seed
paper and every query with that file. Printed per arm: benchmarks/plan_seeds' bars through the production
HybridRetriever (15 paraphrased known items, the `ask` cited papers, the survey topics) and the hybrid ranks
(late_seeds.detail) that moved against the first arm.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import reviewer.embed as embed
from benchmarks.late_seeds import detail, moved_ranks, seed_bars
from reviewer.settings import Settings

MODELS = ("wheel", "wheel-export", "qint8", "qint8-fused")
_SHIPPED = embed.model_path
_FILE: list[Path] = []


def _model_path(model: str) -> Path:
    """`qint8-fused` is the arm's file; MiniLMEmbedder looks the file up when it is built."""
    return _FILE[0] if model == "qint8-fused" and _FILE else _SHIPPED(model)


def main() -> None:
    embed.model_path = _model_path
    print("| arm | known-item hybrid MRR / top-1 | dense | ask hybrid MRR | topics recall@20 / nDCG@10 |")
    print("|---|---|---|---|---|")
    first: list[int] = []
    with tempfile.TemporaryDirectory(prefix="mixed-seeds-") as tmp:
        for n, arm in enumerate(sys.argv[1:]):
            extra: dict[str, str | int] = {}
            _FILE.clear()
            if arm != "default":
                file, plan, *pool = arm.split(":")
                if file not in MODELS:
                    _FILE.append(Path(file).resolve())
                model = file if file in MODELS else "qint8-fused"
                extra = {"minilm_model": model, "index_model": model, "paper_vector": plan}
                extra |= {"candidate_pool": int(pool[0])} if pool else {}
            embed.get_embedder.cache_clear()  # a session per file, not per model name
            settings = Settings(home=Path(tmp) / str(n), auto_ingest_seeds=False, **extra)
            retriever, bars = seed_bars(settings)
            print(f"| `{arm}` | {bars} |", flush=True)
            ranks = detail(retriever)
            first = first or ranks
            if n:
                print(f"  hybrid ranks moved vs the first arm: {moved_ranks(first, ranks)}", flush=True)


if __name__ == "__main__":
    main()
