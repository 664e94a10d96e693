"""Chroma embedding functions for the index: registered so a reopened collection rebuilds its function.

Kept apart from `reviewer.embed` because importing Chroma costs ~0.9 s, which commands that only embed a few
sentences (`reviewer check`) should not pay.
"""

from __future__ import annotations

from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

from reviewer.embed import OpenAIEmbedder, get_embedder, openai_embedder
from reviewer.errors import ConfigError
from reviewer.settings import Settings


class _CosineSpaces(EmbeddingFunction[Documents]):
    """What both of our functions tell Chroma about distance: the vectors are normalised, so cosine is the default."""

    def default_space(self) -> str:  # type: ignore[override]
        return "cosine"

    def supported_spaces(self) -> list[str]:  # type: ignore[override]
        return ["cosine", "ip", "l2"]


@register_embedding_function
class ReviewerMiniLM(_CosineSpaces):
    """Chroma embedding function for the bundled offline MiniLM model."""

    def __init__(self, max_length: int = 256, batch_size: int = 32, threads: int | None = None,
                 model: str = "wheel") -> None:
        self.max_length = max_length
        self.batch_size = batch_size
        self.threads = threads
        self.model = model

    def __call__(self, input: Documents) -> Embeddings:
        vectors = get_embedder(self.max_length, self.batch_size, self.threads, self.model).embed(list(input))
        return [row for row in vectors]

    @staticmethod
    def name() -> str:
        return "reviewer_minilm_int8"

    def get_config(self) -> dict[str, Any]:
        return {"max_length": self.max_length, "batch_size": self.batch_size, "threads": self.threads,
                "model": self.model}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ReviewerMiniLM:
        return ReviewerMiniLM(
            max_length=int(config.get("max_length", 256)),
            batch_size=int(config.get("batch_size", 32)),
            threads=config.get("threads"),
            model=str(config.get("model", "wheel")),  # collections from before the choice used the wheel's
        )


@register_embedding_function
class ReviewerOpenAIEmbedding(_CosineSpaces):
    """Embeddings from an OpenAI-compatible endpoint (`reviewer.embed.OpenAIEmbedder`) as Chroma calls them."""

    def __init__(self, model: str, base_url: str | None = None, api_key: str | None = None,
                 batch_size: int = 256, max_retries: int = 4, embedder: OpenAIEmbedder | None = None) -> None:
        self.embedder = embedder or OpenAIEmbedder(model, base_url, api_key, batch_size, max_retries)
        self.model = model
        self.base_url = base_url

    def __call__(self, input: Documents) -> Embeddings:
        return [row for row in self.embedder.embed(list(input))]

    @staticmethod
    def name() -> str:
        return "reviewer_openai_compat"

    def get_config(self) -> dict[str, Any]:
        return {"model": self.model, "base_url": self.base_url}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ReviewerOpenAIEmbedding:
        return ReviewerOpenAIEmbedding(model=str(config["model"]), base_url=config.get("base_url"))


def embedding_function(settings: Settings) -> EmbeddingFunction[Documents]:
    """The embedding function the settings ask for."""
    if settings.embedding == "minilm":
        return ReviewerMiniLM(settings.embed_max_length, settings.embed_batch_size, settings.embed_threads,
                              settings.minilm_model)
    if settings.embedding == "openai":
        embedder = openai_embedder(settings)
        return ReviewerOpenAIEmbedding(embedder.model, embedder.base_url, embedder=embedder)
    raise ConfigError(f"unknown embedding backend {settings.embedding!r}")
