"""LLM plumbing shared by `ask`, `survey` and the claim judge: prompts, client, cache, ledger.

Names are exported lazily (PEP 562) so importing this package -- and so `reviewer --help` --
does not pull in LangChain or openai; they load on first use of the client.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "LLMClient": "reviewer.llm.client",
    "make_chat_model": "reviewer.llm.factory",
    "estimate_tokens": "reviewer.llm.usage",
    "StructuredOutputError": "reviewer.llm.structured",
    "LLMEndpointError": "reviewer.llm.retry",
    "ResponseCache": "reviewer.llm.cache",
    "CachedReply": "reviewer.llm.cache",
    "Ledger": "reviewer.llm.ledger",
    "LedgerEntry": "reviewer.llm.ledger",
    "LedgerSummary": "reviewer.llm.ledger",
    "summarize_ledgers": "reviewer.llm.ledger",
    "load_prompt": "reviewer.llm.prompts",
    "clear_prompt_cache": "reviewer.llm.prompts",
}

__all__ = [
    "CachedReply",
    "LLMClient",
    "LLMEndpointError",
    "Ledger",
    "LedgerEntry",
    "LedgerSummary",
    "ResponseCache",
    "StructuredOutputError",
    "clear_prompt_cache",
    "estimate_tokens",
    "load_prompt",
    "make_chat_model",
    "summarize_ledgers",
]

if TYPE_CHECKING:
    from reviewer.llm.cache import CachedReply, ResponseCache
    from reviewer.llm.client import LLMClient
    from reviewer.llm.factory import make_chat_model
    from reviewer.llm.ledger import Ledger, LedgerEntry, LedgerSummary, summarize_ledgers
    from reviewer.llm.prompts import clear_prompt_cache, load_prompt
    from reviewer.llm.retry import LLMEndpointError
    from reviewer.llm.structured import StructuredOutputError
    from reviewer.llm.usage import estimate_tokens


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'reviewer.llm' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
