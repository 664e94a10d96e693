"""Structured-output negotiation for LLMClient: find a method the server accepts, validate, retry once.

Kept apart from the client so each file stays readable; see reviewer.llm.structured for the methods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from pydantic import BaseModel

from reviewer.llm.retry import MethodUnsupported
from reviewer.llm.structured import (
    InvalidReply,
    StructuredOutputError,
    bind_method,
    candidate_methods,
    feedback_text,
    needs_instructions,
    parse_reply,
    reply_payload,
    schema_instructions,
)
from reviewer.llm.usage import CallStats

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import AIMessage, BaseMessage

S = TypeVar("S", bound=BaseModel)


class LLMClient(Protocol):
    """What negotiation needs of reviewer.llm.client.LLMClient (a protocol, so the two import one way)."""

    @property
    def chat_model(self) -> BaseChatModel: ...

    def known_method(self) -> str | None: ...

    def _remember(self, method: str) -> None: ...

    def _invoke(
        self, runnable: Any, messages: list[BaseMessage], stage: str, stats: CallStats, *, probing: bool = False
    ) -> tuple[AIMessage, bool]: ...


def negotiate(
    client: LLMClient, stage: str, messages: list[BaseMessage], schema: type[S], stats: CallStats
) -> tuple[S, str]:
    """Try methods best-first (starting at the remembered one) until the server accepts one."""
    model = client.chat_model
    methods = candidate_methods(model)
    known = client.known_method()
    if known in methods:
        methods = methods[methods.index(known) :]
    for method in methods:
        try:
            runnable = bind_method(model, method, schema)
        except (NotImplementedError, TypeError, ValueError):
            stats.fallbacks.append(method)
            continue
        probing = method != known and method != "text"
        try:
            return structured_with(client, method, runnable, stage, messages, schema, stats, probing), method
        except MethodUnsupported:
            stats.fallbacks.append(method)
            continue
    raise AssertionError("the 'text' method never reports MethodUnsupported")  # pragma: no cover


def structured_with(
    client: LLMClient,
    method: str,
    runnable: Any,
    stage: str,
    messages: list[BaseMessage],
    schema: type[S],
    stats: CallStats,
    probing: bool,
) -> S:
    from langchain_core.messages import HumanMessage

    sent = list(messages)
    if needs_instructions(method):
        last = sent[-1]
        sent[-1] = HumanMessage(content=f"{last.text}\n\n{schema_instructions(schema)}")
    error = ""
    for attempt in range(2):
        reply, truncated = client._invoke(runnable, sent, stage, stats, probing=probing and attempt == 0)
        client._remember(method)  # the server accepted the method; validity is the model's part
        try:
            return cast(S, parse_reply(reply, schema, truncated=truncated))
        except InvalidReply as exc:
            error = str(exc)
        if attempt == 0:
            stats.validation_retries += 1
            sent = [*sent, HumanMessage(content=feedback_text(reply_payload(reply), error, method))]
    raise StructuredOutputError(
        f"the model's reply for stage '{stage}' did not match {schema.__name__} after a corrective "
        f"retry ({method}): {error}",
        schema=schema.__name__,
        method=method,
        hint="use a stronger model, raise REVIEWER_LLM_MAX_TOKENS, or run offline (REVIEWER_LLM_OFFLINE=1)",
    )
