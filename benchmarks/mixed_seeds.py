"""Issue 16 §6k: a screened model file on the seed bars, through production ingest and retrieval.

    MIXED_MODEL=DIR/ffn.onnx python -m benchmarks.mixed_seeds '{}' '{"minilm_model": "qint8-fused",
        "paper_vector": "late"}'

benchmarks/late_window_seeds with `minilm_model="qint8-fused"` read from MIXED_MODEL instead of the shipped
`model_fused_qint8.onnx` (built by scripts/build_fused_int8_model.py VARIANT --out PATH). Each arm ingests the
seeds into a fresh home, so a patched arm embeds every seed paper (and every query) with that file; the `{}` arm
is the default (the fused fp32 graph with its bundled vectors), against which the moved ranks are listed.
"""

from __future__ import annotations

import os
from pathlib import Path

import reviewer.embed as embed
from benchmarks import late_window_seeds


def main() -> None:
    path, shipped = Path(os.environ["MIXED_MODEL"]).resolve(), embed.model_path

    def patched(model: str) -> Path:
        return path if model == "qint8-fused" else shipped(model)

    embed.model_path = patched  # MiniLMEmbedder looks the file up at construction time
    late_window_seeds.main()


if __name__ == "__main__":
    main()
