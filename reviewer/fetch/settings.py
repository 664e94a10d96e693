"""Settings of `reviewer fetch` (REVIEWER_FETCH_*, REVIEWER_*_API_URL): endpoints, contact, politeness."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from reviewer import __version__

# Documented limits: arXiv asks for one request every 3 s; OpenAlex allows 10 requests/s;
# Semantic Scholar allows 1 request/s with an API key and about 100 per 5 minutes without one.
MIN_INTERVAL = {"arxiv": 3.0, "openalex": 0.1, "s2": 3.0, "s2_key": 1.0}


class FetchSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="REVIEWER_", extra="ignore", populate_by_name=True)

    fetch_contact: str | None = Field(
        default=None,
        description="Your e-mail, sent in the User-Agent (and as OpenAlex's mailto) so API operators can reach you.",
    )
    arxiv_api_url: str = Field(default="https://export.arxiv.org/api/query", description="arXiv API query URL.")
    openalex_api_url: str = Field(default="https://api.openalex.org", description="OpenAlex API base URL.")
    s2_api_url: str = Field(default="https://api.semanticscholar.org", description="Semantic Scholar API base URL.")
    s2_api_key: SecretStr | None = Field(default=None, description="Semantic Scholar API key (x-api-key header).")
    fetch_interval: float | None = Field(
        default=None, ge=0, description="Seconds between requests; default: each API's documented rate limit."
    )
    fetch_timeout: float = Field(default=30.0, gt=0, description="Seconds before one request times out.")
    fetch_max_retries: int = Field(default=5, ge=0, le=20, description="Retries of a page on 429/5xx/bad pages.")
    fetch_max_wait: float = Field(default=120.0, ge=0, description="Longest wait between retries (Retry-After is capped).")

    def user_agent(self) -> str:
        contact = f"; mailto:{self.fetch_contact}" if self.fetch_contact else ""
        return f"reviewer/{__version__} (literature review tool; +https://pypi.org/project/reviewer{contact})"

    def interval(self, source: str) -> float:
        if self.fetch_interval is not None:
            return self.fetch_interval
        return MIN_INTERVAL["s2_key" if source == "s2" and self.s2_api_key else source]
