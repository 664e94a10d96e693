"""Token and cost accounting for one logical LLM call (which may span several requests)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reviewer.llm.structured import reply_payload

if TYPE_CHECKING:
    from langchain_core.messages import AIMessage, BaseMessage


def estimate_tokens(text: str) -> int:
    """Rough token count (chars/4) for when the server reports no usage."""
    return max(1, (len(text) + 3) // 4) if text else 0


def messages_text(messages: list[BaseMessage]) -> str:
    return "\n".join(str(m.text) for m in messages)


def serialize_messages(messages: list[BaseMessage]) -> list[dict[str, Any]]:
    return [{"role": m.type, "content": m.content} for m in messages]


@dataclass
class CallStats:
    """Accumulated over the requests of one logical call, for its ledger line."""

    retries: int = 0
    validation_retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    estimated: bool = False
    fallbacks: list[str] = field(default_factory=list)
    prompt: str = ""  # the prompt file, for the call log

    def add_usage(self, sent: list[BaseMessage], reply: AIMessage) -> None:
        usage = reply.usage_metadata
        if usage:
            self.prompt_tokens += int(usage.get("input_tokens", 0))
            self.completion_tokens += int(usage.get("output_tokens", 0))
        else:
            self.estimated = True
            self.prompt_tokens += estimate_tokens(messages_text(sent))
            self.completion_tokens += estimate_tokens(reply_payload(reply))
