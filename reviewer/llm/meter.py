"""Call and cost budgets plus the ledger line of each call, apart from LLMClient's calling path.

Why a module of its own: the money rules (check the budget before spending, charge after, a cache hit
costs nothing) are one concern that every call path of the client shares, and keeping them here keeps
`client.py` about rendering, caching and talking to the endpoint.
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


class Meter:
    """Counts logical calls and spend against `max_calls` / `max_cost` and writes one ledger line per call.

    `max_calls` is the number of non-cached calls; `max_cost` is checked before each call against the
    spend so far plus a worst case for this call (estimated prompt tokens + llm_max_tokens completion
    tokens at the configured prices).
    """

    def __init__(self, settings: Settings, ledger: Ledger, max_calls: int | None, max_cost: float | None) -> None:
        self.settings = settings
        self.ledger = ledger
        self.max_calls = max_calls
        self.max_cost = max_cost
        self.calls_made = 0
        self.cost_usd = 0.0
        self._lock = threading.Lock()

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        s = self.settings
        return (prompt_tokens * s.llm_price_in + completion_tokens * s.llm_price_out) / 1_000_000

    def reserve(self, messages: list[BaseMessage]) -> None:
        """Raise BudgetExceeded before a call that could break --max-calls / --max-cost."""
        with self._lock:
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
        """Charge the call (nothing for a cache hit) and write its ledger line."""
        cost = 0.0 if cache_hit else self.cost(stats.prompt_tokens, stats.completion_tokens)
        if not cache_hit:
            with self._lock:
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
