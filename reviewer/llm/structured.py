"""Structured output that works on real OpenAI and on local servers with partial support.

Methods are tried in order json_schema -> function_calling -> json_object -> text (JSON asked for in
the prompt). llama-cpp-python, for one, answers `json_schema` with HTTP 500 but handles tools and
`json_object`; the method that worked is remembered per (endpoint, model). Replies are validated
with pydantic only -- no regex repair: a reply that does not validate is retried once with the
validation error, then reported as StructuredOutputError so callers can take their offline path.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from reviewer.errors import LLMError

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import AIMessage
    from langchain_core.runnables import Runnable

METHODS = ("json_schema", "function_calling", "json_object", "text")
_FEEDBACK_ECHO_LIMIT = 1500



class StructuredOutputError(LLMError):
    """The model did not produce output matching the schema, even after one corrective retry."""

    retryable = False

    def __init__(self, message: str, *, schema: str, method: str | None, hint: str | None = None) -> None:
        super().__init__(message, hint=hint, retryable=False)
        self.schema = schema
        self.method = method


class InvalidReply(ValueError):
    """A reply that cannot be validated; the message is what the model is told on the retry."""


def is_openai_compatible(model: BaseChatModel) -> bool:
    """True for ChatOpenAI (and subclasses): only they understand `response_format`."""
    # If langchain_openai was never imported, no ChatOpenAI can exist: skip its ~1 s import.
    module = sys.modules.get("langchain_openai.chat_models.base")
    base = getattr(module, "BaseChatOpenAI", None)
    return base is not None and isinstance(model, base)


def candidate_methods(model: BaseChatModel) -> list[str]:
    """Methods worth trying for this model, best first; `text` always works."""
    from langchain_core.language_models import BaseChatModel

    if is_openai_compatible(model):
        return list(METHODS)
    if type(model).bind_tools is not BaseChatModel.bind_tools:
        return ["function_calling", "text"]
    return ["text"]


def tool_name(schema: type[BaseModel]) -> str:
    return schema.__name__


def bind_method(model: BaseChatModel, method: str, schema: type[BaseModel]) -> Runnable[Any, Any]:
    """The model configured for a method. We parse replies ourselves, so no LangChain output parser."""
    if method == "json_schema":
        return model.bind(
            response_format={
                "type": "json_schema",
                "json_schema": {
                    "name": tool_name(schema),
                    "description": (schema.__doc__ or "").strip()[:500],
                    "schema": schema.model_json_schema(),
                    # strict mode rejects ordinary pydantic schemas (optional fields, defaults);
                    # we validate every reply anyway.
                    "strict": False,
                },
            }
        )
    if method == "function_calling":
        choice = tool_name(schema) if is_openai_compatible(model) else "any"
        return model.bind_tools([schema], tool_choice=choice)
    if method == "json_object":
        return model.bind(response_format={"type": "json_object"})
    if method == "text":
        return model
    raise ValueError(f"unknown structured-output method {method!r}")


def schema_instructions(schema: type[BaseModel]) -> str:
    """Instructions appended to the prompt when the API itself does not carry the schema."""
    return (
        "Reply with a single JSON object and nothing else (no prose, no code fence). "
        "It must validate against this JSON Schema:\n"
        + json.dumps(schema.model_json_schema(), ensure_ascii=False)
    )


def needs_instructions(method: str) -> bool:
    return method in ("json_object", "text")


def strip_fence(text: str) -> str:
    """Remove one surrounding ``` / ```json fence; not a repair -- the inside must be valid JSON."""
    stripped = text.strip()
    if not (stripped.startswith("```") and stripped.endswith("```") and len(stripped) >= 6):
        return stripped
    inner = stripped[3:-3]
    first_newline = inner.find("\n")
    if first_newline != -1 and inner[:first_newline].strip().isalnum():
        inner = inner[first_newline + 1 :]  # drop the language tag, e.g. ```json
    elif inner[:4].lower() == "json":
        inner = inner[4:]
    return inner.strip()


def reply_payload(message: AIMessage) -> str:
    """The text that carries the answer: tool-call arguments if any, else the message text."""
    if message.tool_calls:
        return json.dumps(message.tool_calls[0]["args"], ensure_ascii=False)
    if message.invalid_tool_calls:
        return str(message.invalid_tool_calls[0].get("args") or "")
    return str(message.text)


def format_validation_error(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors(include_url=False):
        loc = ".".join(str(p) for p in err.get("loc", ())) or "(root)"
        parts.append(f"{loc}: {err.get('msg', 'invalid')}")
    return "; ".join(parts)


def parse_reply(message: AIMessage, schema: type[BaseModel], *, truncated: bool = False) -> BaseModel:
    """Validate a reply against `schema`; raise InvalidReply with a message meant for the model.

    `truncated` (finish_reason=length) only changes the message: a reply that still validates is used.
    """
    try:
        if message.tool_calls:
            return schema.model_validate(message.tool_calls[0]["args"])
        text = strip_fence(reply_payload(message))
        if not text and not truncated:
            raise InvalidReply("your reply was empty; a JSON object was required")
        return schema.model_validate_json(text)
    except ValidationError as exc:
        if truncated:
            raise InvalidReply(
                "your reply was cut off at the token limit before the JSON was complete; answer more briefly"
            ) from exc
        raise InvalidReply(format_validation_error(exc)) from exc


def feedback_text(previous: str, error: str, method: str) -> str:
    """The corrective message for the single retry; it quotes the validation error verbatim."""
    echo = previous if len(previous) <= _FEEDBACK_ECHO_LIMIT else previous[:_FEEDBACK_ECHO_LIMIT] + "..."
    how = "by calling the tool" if method == "function_calling" else "as a single JSON object"
    return (
        f"Your previous reply could not be used. Validation error: {error}\n"
        f"Previous reply:\n{echo}\n"
        f"Answer again {how}, matching the required schema exactly."
    )


def message_from_finish_error(exc: BaseException) -> AIMessage | None:
    """openai's parse() raises LengthFinishReasonError on finish_reason=length; recover the reply.

    ChatOpenAI uses `chat.completions.parse` whenever `response_format` is set, so a truncated
    JSON reply arrives as this exception rather than as a message; we turn it back into one so
    it is counted (tokens) and handled like any other invalid reply.
    """
    completion = getattr(exc, "completion", None)
    choices = getattr(completion, "choices", None)
    if type(exc).__name__ != "LengthFinishReasonError" or not choices:
        return None
    from langchain_core.messages import AIMessage

    msg = choices[0].message
    content = msg.content or ""
    if not content and getattr(msg, "tool_calls", None):
        content = msg.tool_calls[0].function.arguments or ""
    usage = getattr(completion, "usage", None)
    usage_metadata = None
    if usage is not None:
        usage_metadata = {
            "input_tokens": int(usage.prompt_tokens or 0),
            "output_tokens": int(usage.completion_tokens or 0),
            "total_tokens": int(usage.total_tokens or 0),
        }
    return AIMessage(content=content, usage_metadata=usage_metadata)  # type: ignore[arg-type]
