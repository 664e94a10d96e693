"""Build the default chat model (ChatOpenAI) from Settings.

Kept apart from the client so tests and other callers can inject any LangChain BaseChatModel,
and so the ~1 s langchain_openai import happens only when a real endpoint is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reviewer.errors import ConfigError
from reviewer.settings import Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

KEYLESS_API_KEY = "not-needed"


def make_chat_model(settings: Settings) -> BaseChatModel:
    """ChatOpenAI from settings, with its own retries off (max_retries=0): LLMClient retries.

    Requests go through a guarded httpx client (reviewer.llm.transport): total deadline per request,
    capped reply size, malformed 200 replies turned into LLMErrors.
    """
    if settings.llm_base_url is None and settings.llm_api_key is None:
        raise ConfigError(
            "no LLM endpoint is configured",
            hint="set REVIEWER_LLM_BASE_URL (local server) and/or REVIEWER_LLM_API_KEY (OpenAI)",
        )
    from langchain_openai import ChatOpenAI
    from pydantic import SecretStr

    api_key = settings.llm_api_key if settings.llm_api_key is not None else SecretStr(KEYLESS_API_KEY)
    extra: dict[str, Any] = {}
    if not _is_openai_host(settings.llm_base_url):
        # ChatOpenAI sends only `max_completion_tokens`, which llama-cpp-python, Ollama and LM Studio
        # ignore (unbounded generations); repeat the limit under its legacy name for them.
        extra["extra_body"] = {"max_tokens": settings.llm_max_tokens}
    from reviewer.llm.transport import make_http_client

    http_client = make_http_client(settings.llm_timeout, settings.llm_connect_timeout, max_reply_bytes(settings))
    return ChatOpenAI(
        model=settings.llm_model,
        base_url=settings.llm_base_url,
        api_key=api_key,
        temperature=settings.llm_temperature,
        timeout=http_client.timeout,
        http_client=http_client,
        max_tokens=settings.llm_max_tokens,  # type: ignore[call-arg]
        max_retries=0,
        # Local OpenAI-compatible servers speak Chat Completions only.
        use_responses_api=False,
        **extra,
    )


def max_reply_bytes(settings: Settings) -> int:
    """Largest reply body read: generous for `llm_max_tokens` tokens, far below a runaway completion."""
    return 65536 + 64 * settings.llm_max_tokens


def _is_openai_host(base_url: str | None) -> bool:
    from urllib.parse import urlsplit

    return base_url is None or (urlsplit(base_url).hostname or "").endswith("openai.com")
