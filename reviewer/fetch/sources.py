"""What differs between the APIs: the request for a page, and how a page is read (items, next cursor).

Each page is parsed as the API documents it; anything else raises MalformedPage so the page is retried.
Items are kept raw (JSON objects, or the text of Atom <entry> elements) so the saved file is the API's own
data, which `reviewer ingest` reads offline.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from reviewer.fetch.settings import FetchSettings

ATOM_HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
    'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">\n'
)
ATOM_FOOTER = "</feed>\n"
_ENTRY = re.compile(r"<entry\b.*?</entry>", re.DOTALL)
_ATOM = "{http://www.w3.org/2005/Atom}"
_S2_FIELDS = "title,abstract,tldr,authors,year,venue,externalIds,url,publicationTypes,publicationDate,journal"


class MalformedPage(Exception):
    """The response was not the documented shape; retrying may help."""


class ApiError(Exception):
    """The API answered with an error document; retrying the same request will not help."""


@dataclass
class Page:
    items: list[str]  # one serialised item each: a JSON line, or an Atom <entry> element
    years: list[int | None]
    cursor: str | None  # where the next page starts; None when this was the last
    total: int | None = None


@dataclass
class Request:
    url: str
    params: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)


def first_cursor(source: str) -> str:
    return "*" if source == "openalex" else "0"


def build_request(source: str, settings: FetchSettings, query: str, cursor: str, size: int,
                  year_min: int | None) -> Request:
    if source == "arxiv":
        search = f"all:{query}"
        if year_min:
            search = f"({search}) AND submittedDate:[{year_min}01010000 TO 999912312359]"
        return Request(settings.arxiv_api_url, {"search_query": search, "start": cursor, "max_results": str(size),
                                                "sortBy": "relevance"})
    if source == "openalex":
        params = {"search": query, "per-page": str(size), "cursor": cursor}
        if year_min:
            params["filter"] = f"from_publication_date:{year_min}-01-01"
        if settings.fetch_contact:
            params["mailto"] = settings.fetch_contact
        return Request(settings.openalex_api_url.rstrip("/") + "/works", params)
    params = {"query": query, "offset": cursor, "limit": str(size), "fields": _S2_FIELDS}
    if year_min:
        params["year"] = f"{year_min}-"
    headers = {"x-api-key": settings.s2_api_key.get_secret_value()} if settings.s2_api_key else {}
    return Request(settings.s2_api_url.rstrip("/") + "/graph/v1/paper/search", params, headers)


def page_size(source: str, wanted: int) -> int:
    return max(1, min(wanted, {"arxiv": 100, "openalex": 200, "s2": 100}[source]))


def parse_page(source: str, body: bytes, cursor: str) -> Page:
    if source == "arxiv":
        return _arxiv_page(body, cursor)
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise MalformedPage(f"not JSON ({str(exc)[:80]})") from None
    if not isinstance(data, dict):
        raise MalformedPage(f"expected a JSON object, got {type(data).__name__}")
    key = "results" if source == "openalex" else "data"
    items = data.get(key, [] if source == "s2" and "total" in data else None)
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise MalformedPage(f"no '{key}' list of objects")
    if source == "openalex":
        meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
        nxt = meta.get("next_cursor") if items else None  # type: ignore[union-attr]
        total = meta.get("count")  # type: ignore[union-attr]
        years = [i.get("publication_year") for i in items]
    else:
        nxt = data.get("next")
        total = data.get("total")
        years = [i.get("year") for i in items]
    return Page(
        items=[json.dumps(i, ensure_ascii=False) for i in items],
        years=[y if isinstance(y, int) else None for y in years],
        cursor=str(nxt) if nxt not in (None, "") and items else None,
        total=total if isinstance(total, int) else None,
    )


def _arxiv_page(body: bytes, cursor: str) -> Page:
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise MalformedPage(f"not XML ({exc})") from None
    if root.tag != f"{_ATOM}feed":
        raise MalformedPage(f"not an Atom feed (root <{root.tag}>)")
    entries = root.findall(f"{_ATOM}entry")
    errors = [e for e in entries if "/api/errors" in (e.findtext(f"{_ATOM}id") or "")]
    if errors:
        raise ApiError(f"arXiv API error: {' '.join((errors[0].findtext(f'{_ATOM}summary') or '').split())}")
    text = body.decode("utf-8", errors="replace")
    raw = _ENTRY.findall(text)
    if len(raw) != len(entries):
        raise MalformedPage("entries could not be cut out of the response")
    total_text = root.findtext("{http://a9.com/-/spec/opensearch/1.1/}totalResults")
    total = int(total_text) if total_text and total_text.strip().isdigit() else None
    years = []
    for e in entries:
        published = e.findtext(f"{_ATOM}published") or ""
        years.append(int(published[:4]) if published[:4].isdigit() else None)
    start = int(cursor) + len(entries)
    more = bool(entries) and (total is None or start < total)
    return Page(items=raw, years=years, cursor=str(start) if more else None, total=total)
