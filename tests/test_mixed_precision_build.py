"""Which ops the mixed-precision variants of scripts/build_fused_int8_model.py keep fp32 (benchmarks §6k).

The variants are screened by name (`ffn` = only the FFN MatMuls int8, `skip3` = every layer int8 but layer 3, ...),
so a variant that quantized other ops than its name says would make the screen's table wrong.
"""

from __future__ import annotations

from scripts.build_fused_int8_model import ROLES, VARIANTS, mixed_exclude

OPS = [(layer, role, f"n{layer}-{role}") for layer in range(6) for role in ROLES]  # the fused graph: 6 layers x 4


def _quantized(variant: str) -> set[tuple[int, str]]:
    kept = set(mixed_exclude(variant, OPS))
    return {(layer, role) for layer, role, name in OPS if name not in kept}


def test_ffn_variants_quantize_only_the_feed_forward_matmuls() -> None:
    assert _quantized("ffn") == {(k, r) for k in range(6) for r in ("ffn-up", "ffn-down")}
    assert _quantized("ffn-up") == {(k, "ffn-up") for k in range(6)}
    assert _quantized("ffn-down") == {(k, "ffn-down") for k in range(6)}


def test_attn_variant_quantizes_attention_and_its_output_projection_only() -> None:
    assert _quantized("attn") == {(k, r) for k in range(6) for r in ("attention", "output")}


def test_skip_and_only_variants_split_the_layers() -> None:
    every = {(k, r) for k in range(6) for r in ROLES}
    for k in range(6):
        layer = {(k, r) for r in ROLES}
        assert _quantized(f"skip{k}") == every - layer
        assert _quantized(f"only{k}") == layer
        assert f"skip{k}" in VARIANTS and f"only{k}" in VARIANTS

