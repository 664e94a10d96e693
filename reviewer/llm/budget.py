"""The run's spend on a chat model: calls and dollars checked before a call and added after it.

Kept apart from the client so the rule "refuse before spending, a cache hit is free" lives in one small place
that every call path (plain, structured, probing) goes through.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from reviewer.errors import BudgetExceeded
from reviewer.llm.ledger import Ledger, LedgerEntry
from reviewer.llm.usage import CallStats, estimate_tokens, messages_text
from reviewer.settings import Settings

if TYPE_CHECKING:
    from langchain_core.messages import BaseMessage


class Budget:
    """Counts logical calls against `max_calls` and dollars against `max_cost`, and writes the ledger line."""

    def __init__(self, settings: Settings, ledger: Ledger, max_calls: int | None, max_cost: float | None) -> None:
        self.settings = settings
        self.ledger = ledger
        self.max_calls = max_calls
        self.max_cost = max_cost
        self.calls_made = 0
        self.cost_usd = 0.0
        self.lock = threading.Lock()

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        s = self.settings
        return (prompt_tokens * s.llm_price_in + completion_tokens * s.llm_price_out) / 1_000_000

    def reserve(self, messages: list[BaseMessage]) -> None:
        """Raise BudgetExceeded before a call that could break --max-calls / --max-cost."""
        with self.lock:
            if self.max_calls is not None and self.calls_made + 1 > self.max_calls:
                raise BudgetExceeded(
                    f"call budget exhausted: {self.calls_made} of max {self.max_calls} LLM calls made",
                    hint="raise --max-calls, or re-run: cached replies cost no calls",
                )
            if self.max_cost is not None:
                worst = self.cost(estimate_tokens(messages_text(messages)), self.settings.llm_max_tokens)
                if self.cost_usd >= self.max_cost or self.cost_usd + worst > self.max_cost:
                    raise BudgetExceeded(
                        f"cost budget exhausted: ${self.cost_usd:.4f} spent of max ${self.max_cost:.4f}, "
                        f"and the next call may cost up to ${worst:.4f}",
                        hint="raise --max-cost, or re-run: cached replies cost nothing",
                    )
            self.calls_made += 1

    def record(
        self,
        stage: str,
        prompt: str,
        model: str,
        kind: str,
        started: float,
        stats: CallStats,
        *,
        method: str | None = None,
        cache_hit: bool = False,
        error: str | None = None,
    ) -> None:
        """Add the call's cost (zero on a cache hit) and write its ledger line."""
        cost = 0.0 if cache_hit else self.cost(stats.prompt_tokens, stats.completion_tokens)
        if not cache_hit:
            with self.lock:
                self.cost_usd += cost
        self.ledger.record(
            LedgerEntry(
                stage=stage,
                prompt=prompt,
                model=model,
                kind=kind,
                method=method,
                prompt_tokens=stats.prompt_tokens,
                completion_tokens=stats.completion_tokens,
                estimated=stats.estimated,
                cost_usd=cost,
                latency_s=round(time.monotonic() - started, 4),
                cache_hit=cache_hit,
                retries=stats.retries,
                validation_retries=stats.validation_retries,
                fallbacks=list(stats.fallbacks),
                error=error,
            )
        )
