"""A loopback server speaking the documented shapes of the arXiv, OpenAlex and Semantic Scholar search APIs.

    with ScholarlyServer(papers, page_cap=10) as server:
        server.faults.append(Fault(status=429, retry_after="1"))   # the next request gets a 429
        ... FetchSettings(openalex_api_url=server.url, ...)

Paging follows each API: arXiv `start`/`max_results` with opensearch:totalResults, OpenAlex `cursor`
with meta.next_cursor, Semantic Scholar `offset`/`limit` with `next`. Every request is recorded.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape


@dataclass
class FakePaper:
    title: str
    abstract: str
    authors: list[str]
    year: int
    arxiv_id: str
    doi: str


@dataclass
class Fault:
    status: int = 500
    retry_after: str | None = None
    body: bytes | None = None  # a 200 with this body when status == 200 (a malformed page)
    path: str | None = None  # only for requests to this path
    sticky: bool = False


@dataclass
class Seen:
    path: str
    params: dict[str, str]
    headers: dict[str, str]
    at: float
    done: float = 0.0  # when its reply body started to be written


@dataclass
class ScholarlyServer:
    papers: list[FakePaper]
    page_cap: int = 10
    faults: list[Fault] = field(default_factory=list)
    requests: list[Seen] = field(default_factory=list)
    broken_cursor: str | None = None  # OpenAlex pages at this cursor are malformed until it is cleared
    reply_delay: float = 0.0  # seconds each reply waits before it is sent (a slow server)

    def __post_init__(self) -> None:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                return None

            def do_GET(self) -> None:  # noqa: N802 - http.server API
                parts = urlsplit(self.path)
                params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                server.requests.append(Seen(parts.path, params, dict(self.headers), time.monotonic()))
                fault = server._fault(parts.path)
                if fault is not None:
                    body = fault.body if fault.body is not None else b'{"error": "injected"}'
                    self.send_response(fault.status)
                    if fault.retry_after is not None:
                        self.send_header("Retry-After", fault.retry_after)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                status, ctype, body = server._route(parts.path, params)
                time.sleep(server.reply_delay)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                # Stamped before the body goes out: the client cannot hold the reply earlier. Stamped after the
                # flush, a thread switch could date it after the client had the reply and started its pause.
                server.requests[-1].done = time.monotonic()
                self.wfile.write(body)
                self.wfile.flush()

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self) -> ScholarlyServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _fault(self, path: str) -> Fault | None:
        for i, fault in enumerate(self.faults):
            if fault.path is None or fault.path == path:
                return fault if fault.sticky else self.faults.pop(i)
        return None

    def _matching(self, params: dict[str, str], year_key: str) -> list[FakePaper]:
        year_min = params.get(year_key, "")
        if year_key == "year" and year_min.endswith("-"):
            return [p for p in self.papers if p.year >= int(year_min[:-1])]
        if year_key == "filter" and year_min.startswith("from_publication_date:"):
            return [p for p in self.papers if p.year >= int(year_min.split(":")[1][:4])]
        if year_key == "search_query" and "submittedDate:[" in year_min:
            start = int(year_min.split("submittedDate:[")[1][:4])
            return [p for p in self.papers if p.year >= start]
        return self.papers

    def _route(self, path: str, params: dict[str, str]) -> tuple[int, str, bytes]:
        if path == "/api/query":
            return 200, "application/atom+xml", self._arxiv(params)
        if path == "/works":
            return 200, "application/json", self._openalex(params)
        if path == "/graph/v1/paper/search":
            return 200, "application/json", self._s2(params)
        return 404, "application/json", b'{"error": "not found"}'

    def _arxiv(self, params: dict[str, str]) -> bytes:
        papers = self._matching(params, "search_query")
        start, size = int(params.get("start", "0")), min(int(params.get("max_results", "10")), self.page_cap)
        entries = "".join(
            f"<entry><id>http://arxiv.org/abs/{p.arxiv_id}v2</id><published>{p.year}-03-01T00:00:00Z</published>"
            f"<title>{escape(p.title)}</title><summary>{escape(p.abstract)}</summary>"
            + "".join(f"<author><name>{escape(a)}</name></author>" for a in p.authors)
            + f"<arxiv:doi>{p.doi}</arxiv:doi><arxiv:primary_category term='cs.CL'/></entry>\n"
            for p in papers[start : start + size]
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
            'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">'
            f"<title>ArXiv Query</title><opensearch:totalResults>{len(papers)}</opensearch:totalResults>"
            f"<opensearch:startIndex>{start}</opensearch:startIndex>{entries}</feed>"
        ).encode()

    def _openalex(self, params: dict[str, str]) -> bytes:
        papers = self._matching(params, "filter")
        cursor = params.get("cursor", "*")
        if cursor == self.broken_cursor:
            return b'{"meta": {}, "results": "oops"}'
        start = 0 if cursor == "*" else int(cursor.removeprefix("c"))
        size = min(int(params.get("per-page", "25")), self.page_cap)
        chunk = papers[start : start + size]
        results: list[dict[str, Any]] = []
        for n, p in enumerate(chunk):
            index: dict[str, list[int]] = {}
            for pos, word in enumerate(p.abstract.split()):
                index.setdefault(word, []).append(pos)
            results.append({
                "id": f"https://openalex.org/W{start + n}", "doi": f"https://doi.org/{p.doi}", "title": p.title,
                "display_name": p.title, "publication_year": p.year, "ids": {"doi": f"https://doi.org/{p.doi}"},
                "primary_location": {"landing_page_url": f"https://arxiv.org/abs/{p.arxiv_id}",
                                     "source": {"display_name": "arXiv (Cornell University)", "type": "repository"}},
                "authorships": [{"author": {"display_name": a}, "raw_author_name": a} for a in p.authors],
                "abstract_inverted_index": dict(sorted(index.items())),
            })
        nxt = f"c{start + size}" if start + size < len(papers) else None
        return json.dumps({"meta": {"count": len(papers), "per_page": size, "next_cursor": nxt},
                           "results": results, "group_by": []}).encode()

    def _s2(self, params: dict[str, str]) -> bytes:
        papers = self._matching(params, "year")
        offset, size = int(params.get("offset", "0")), min(int(params.get("limit", "10")), self.page_cap)
        data = [{
            "paperId": f"{offset + n:040x}", "externalIds": {"ArXiv": p.arxiv_id, "DOI": p.doi},
            "url": f"https://www.semanticscholar.org/paper/{offset + n:040x}", "title": p.title,
            "abstract": None if n == 0 else p.abstract, "tldr": {"model": "tldr@v2.0.0", "text": p.abstract},
            "year": p.year, "venue": "", "authors": [{"authorId": str(i), "name": a} for i, a in enumerate(p.authors)],
        } for n, p in enumerate(papers[offset : offset + size])]
        body: dict[str, Any] = {"total": len(papers), "offset": offset, "data": data}
        if offset + size < len(papers):
            body["next"] = offset + size
        return json.dumps(body).encode()
