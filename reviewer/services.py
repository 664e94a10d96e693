"""Wiring used by the CLI and the eval harness: a ready retriever and, when configured, an LLM client."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.settings import Settings

if TYPE_CHECKING:
    from reviewer.llm.client import LLMClient
    from reviewer.retrieve import HybridRetriever


def open_retriever(settings: Settings, quiet: bool | None = None) -> HybridRetriever:
    """Ingest the seeds on first use, bring the indexes up to date, then load them."""
    from reviewer.ingest.pipeline import ensure_ready
    from reviewer.retrieve import HybridRetriever

    ensure_ready(settings, quiet)
    retriever = HybridRetriever(settings)
    if retriever.lexical.version == "empty" or retriever.store.count() < retriever.catalog.count():
        # An index emptied behind our back (a collection deleted on a Chroma server, a damaged BM25
        # folder): rebuild it rather than search one retriever, or none, in silence.
        ensure_ready(settings, quiet, force=True)
        retriever = HybridRetriever(settings)
    return retriever


def make_llm(
    settings: Settings,
    ledger_path: Path | None = None,
    max_calls: int | None = None,
    max_cost: float | None = None,
) -> LLMClient | None:
    """An LLM client when an endpoint is configured, else None (the offline path)."""
    if not settings.llm_enabled:
        return None
    from reviewer.llm.cache import ResponseCache
    from reviewer.llm.client import LLMClient
    from reviewer.llm.ledger import Ledger

    settings.ensure_home()
    return LLMClient(
        settings,
        ledger=Ledger(ledger_path or settings.ledger_path),
        cache=ResponseCache(settings.cache_path) if settings.llm_cache else None,
        max_calls=max_calls,
        max_cost=max_cost,
    )
