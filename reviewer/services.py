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
    from reviewer.corpus import ensure_ready
    from reviewer.retrieve import HybridRetriever

    ensure_ready(settings, quiet)
    return HybridRetriever(settings)


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
