"""Fetch pages politely and save them, resumably, as a file `reviewer ingest` reads offline.

Politeness: a descriptive User-Agent with the contact setting, at most one request per documented interval,
tenacity retries with backoff on 429/5xx/timeouts/malformed pages that honour Retry-After, and no retry on
other 4xx. After every page the output file and a small state file (`FILE.fetch-state.json`: cursor, count,
byte size) are saved, so an interrupted fetch resumes where it stopped when the same command is run again.
"""

from __future__ import annotations

import email.utils
import json
import os
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt

from reviewer.errors import ReviewerError
from reviewer.fetch.settings import FetchSettings
from reviewer.fetch.sources import (
    ATOM_FOOTER,
    ATOM_HEADER,
    ApiError,
    MalformedPage,
    Page,
    build_request,
    first_cursor,
    page_size,
    parse_page,
)
from reviewer.progress import progress

SOURCES = ("arxiv", "openalex", "s2")


class FetchError(ReviewerError):
    """The API could not be reached or kept failing; what was saved so far is kept for a resume."""


class _Retryable(Exception):
    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class FetchState(BaseModel):
    source: str
    query: str
    year_min: int | None = None
    cursor: str
    fetched: int = 0
    size: int = 0  # bytes of the output file that hold whole pages
    done: bool = False


class FetchResult(BaseModel):
    path: str
    fetched: int
    pages: int
    resumed: bool


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class PoliteClient:
    """One HTTP client per fetch: spaced requests, retries, clean one-line errors."""

    def __init__(self, settings: FetchSettings, source: str) -> None:
        self.settings = settings
        self.interval = settings.interval(source)
        self._last = 0.0
        self._client = httpx.Client(
            timeout=settings.fetch_timeout, follow_redirects=True, trust_env=False,
            headers={"User-Agent": settings.user_agent(), "Accept-Encoding": "gzip"},
        )

    def close(self) -> None:
        self._client.close()

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        backoff = min(self.settings.fetch_max_wait, max(self.interval, 1.0) * 2 ** (state.attempt_number - 1))
        if isinstance(exc, _Retryable) and exc.retry_after is not None:
            return min(self.settings.fetch_max_wait, exc.retry_after)
        return backoff

    def _get_once(self, source: str, url: str, params: dict[str, str], headers: dict[str, str],
                  cursor: str) -> Page:
        # The interval runs from the previous reply, not the previous send: the server then sees its requests
        # at least `interval` apart however long one of them took to arrive (a send-to-send spacing does not).
        pause = self._last + self.interval - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        host = urlsplit(url).netloc or url
        try:
            response = self._client.get(url, params=params, headers=headers)
        except httpx.TimeoutException:
            raise _Retryable(f"{host} timed out after {self.settings.fetch_timeout:g} s") from None
        except httpx.TransportError as exc:
            raise _Retryable(f"cannot reach {host}: {_reason(exc)}") from None
        finally:
            self._last = time.monotonic()
        if response.status_code == 429 or response.status_code >= 500:
            raise _Retryable(f"HTTP {response.status_code} from {host}",
                             _retry_after(response.headers.get("Retry-After")))
        if response.status_code >= 400:
            detail = " ".join(response.text.split())[:200]
            raise FetchError(f"HTTP {response.status_code} from {host}: {detail}",
                             hint="check the query and the REVIEWER_*_API_URL settings")
        try:
            return parse_page(source, response.content, cursor)
        except MalformedPage as exc:
            raise _Retryable(f"malformed page from {host}: {exc}") from None
        except ApiError as exc:
            raise FetchError(str(exc)) from None

    def page(self, source: str, url: str, params: dict[str, str], headers: dict[str, str], cursor: str) -> Page:
        retrying = Retrying(
            stop=stop_after_attempt(self.settings.fetch_max_retries + 1),
            wait=self._wait, retry=retry_if_exception(lambda e: isinstance(e, _Retryable)), reraise=True,
        )
        try:
            return retrying(self._get_once, source, url, params, headers, cursor)
        except _Retryable as exc:
            raise FetchError(f"{exc} (gave up after {self.settings.fetch_max_retries + 1} attempts)",
                             hint="run the same command again later to resume", retryable=True) from None


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.split("] ", 1)[-1][:160]


def state_path(output: Path) -> Path:
    return output.with_name(output.name + ".fetch-state.json")


def _save_state(path: Path, state: FetchState) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(state.model_dump_json())
    os.replace(tmp, path)


def _load_state(output: Path, source: str, query: str, year_min: int | None) -> FetchState | None:
    path = state_path(output)
    if not path.exists():
        if output.exists() and output.stat().st_size > 0:
            raise FetchError(f"{output} already exists", hint="choose another -o FILE, or delete it to fetch again")
        return None
    try:
        state = FetchState.model_validate_json(path.read_text())
    except ValueError:
        raise FetchError(f"{path}: unreadable fetch state", hint="delete it and the output to start over") from None
    if (state.source, state.query, state.year_min) != (source, query, year_min):
        raise FetchError(f"{output} holds an unfinished fetch of {state.source} {state.query!r}",
                         hint="run that command again to finish it, or choose another -o FILE")
    return state


def fetch_to_file(source: str, query: str, output: Path, *, limit: int, year_min: int | None = None,
                  settings: FetchSettings | None = None, quiet: bool | None = None) -> FetchResult:
    """Fetch up to `limit` records into `output` (JSONL for OpenAlex/S2, an Atom feed for arXiv)."""
    settings = settings or FetchSettings()
    state = _load_state(output, source, query, year_min)
    resumed = state is not None
    if state is None:
        state = FetchState(source=source, query=query, year_min=year_min, cursor=first_cursor(source))
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(ATOM_HEADER if source == "arxiv" else "", encoding="utf-8")
        state.size = output.stat().st_size
        _save_state(state_path(output), state)
    client = PoliteClient(settings, source)
    pages = 0
    try:
        with open(output, "r+b") as fh, progress(f"fetching {source}", total=limit, quiet=quiet) as bar:
            fh.truncate(state.size)  # drop a page written after the last saved state, and any closing tag
            fh.seek(state.size)
            bar.advance(state.fetched)
            while state.fetched < limit and not state.done:
                req = build_request(source, settings, query, state.cursor, page_size(source, limit - state.fetched),
                                    year_min)
                page = client.page(source, req.url, req.params, req.headers, state.cursor)
                pages += 1
                kept = [item for item, year in zip(page.items, page.years, strict=True)
                        if not (year_min and year is not None and year < year_min)][: limit - state.fetched]
                fh.write("".join(item + "\n" for item in kept).encode("utf-8"))
                fh.flush()
                os.fsync(fh.fileno())
                state.fetched += len(kept)
                state.size = fh.tell()
                state.done = page.cursor is None
                state.cursor = page.cursor or state.cursor
                _save_state(state_path(output), state)
                bar.advance(len(kept))
            if source == "arxiv":
                fh.write(ATOM_FOOTER.encode())
    finally:
        client.close()
    state_path(output).unlink(missing_ok=True)
    return FetchResult(path=str(output), fetched=state.fetched, pages=pages, resumed=resumed)


def json_line(result: FetchResult) -> str:
    return json.dumps(result.model_dump())
