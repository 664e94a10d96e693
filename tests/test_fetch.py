"""`reviewer fetch` against a loopback server with the documented API shapes: paging, limits, year
filters, 429 with Retry-After, malformed pages, resume after a failure, and one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from fake_scholarly_server import FakePaper, Fault, ScholarlyServer

from conftest import SEEDS
from helpers_servers import free_port
from reviewer.cli import _register_extras, cli
from reviewer.fetch.run import FetchError, fetch_to_file, state_path
from reviewer.fetch.settings import FetchSettings
from reviewer.ingest.parse import parse_file
from reviewer.models import PaperRecord


@pytest.fixture(scope="module")
def papers() -> list[FakePaper]:
    records = [r for f in sorted(SEEDS.iterdir()) for r in parse_file(f) if isinstance(r, PaperRecord)][:25]
    return [FakePaper(title=r.title, abstract=r.abstract, authors=[f"Ana Author{i}", "Bo Second"],
                      year=2021 + i % 5, arxiv_id=f"2403.{10000 + i}", doi=f"10.5555/fetch.{i}")
            for i, r in enumerate(records)]


def _settings(server: ScholarlyServer, **kw: object) -> FetchSettings:
    values: dict[str, object] = {
        "arxiv_api_url": server.url + "/api/query", "openalex_api_url": server.url, "s2_api_url": server.url,
        "fetch_interval": 0.0, "fetch_max_retries": 3, "fetch_max_wait": 5.0, "fetch_contact": "me@example.org",
    }
    values.update(kw)
    return FetchSettings(**values)  # type: ignore[arg-type]


def _records(path: Path) -> list[PaperRecord]:
    items = list(parse_file(path))
    assert all(isinstance(i, PaperRecord) for i in items), [str(i) for i in items if not isinstance(i, PaperRecord)]
    return items  # type: ignore[return-value]


def test_openalex_cursor_paging_limit_polite_headers_and_offline_reingest(tmp_path: Path, papers) -> None:
    out = tmp_path / "oa.jsonl"
    with ScholarlyServer(papers, page_cap=10) as server:
        result = fetch_to_file("openalex", "process reward", out, limit=23,
                               settings=_settings(server, fetch_interval=None), quiet=True)
    assert result.fetched == 23 and result.pages == 3 and not state_path(out).exists()
    assert [r.params["cursor"] for r in server.requests] == ["*", "c10", "c20"]
    assert all(r.params["mailto"] == "me@example.org" and r.params["search"] == "process reward"
               for r in server.requests)
    agent = server.requests[0].headers["User-Agent"]
    assert agent.startswith("reviewer/") and "mailto:me@example.org" in agent
    gaps = [b.at - a.at for a, b in zip(server.requests, server.requests[1:], strict=False)]
    assert min(gaps) >= 0.09  # OpenAlex's documented 10 requests/s
    recs = _records(out)
    assert [r.title for r in recs] == [p.title for p in papers[:23]]
    assert [r.abstract for r in recs] == [p.abstract for p in papers[:23]]  # rebuilt from the inverted index
    assert recs[4].authors == ["Ana Author4", "Bo Second"] and recs[4].year == papers[4].year


def test_the_interval_runs_from_the_previous_reply(tmp_path: Path, papers) -> None:
    """A slow server still sees its requests `interval` apart: the pause starts when a reply has arrived."""
    with ScholarlyServer(papers, page_cap=10, reply_delay=0.3) as server:
        fetch_to_file("openalex", "process reward", tmp_path / "oa.jsonl", limit=23,
                      settings=_settings(server, fetch_interval=0.2), quiet=True)
    assert len(server.requests) == 3
    assert all(b.at - a.done >= 0.2 for a, b in zip(server.requests, server.requests[1:], strict=False))


def test_s2_honours_retry_after_on_429_and_sends_year_filter(tmp_path: Path, papers) -> None:
    out = tmp_path / "s2.jsonl"
    with ScholarlyServer(papers, page_cap=10) as server:
        server.faults.append(Fault(status=429, retry_after="2"))
        result = fetch_to_file("s2", "process reward", out, limit=100, year_min=2024, settings=_settings(server),
                               quiet=True)
    first, retried = server.requests[0], server.requests[1]
    assert retried.at - first.at >= 1.95  # waited as Retry-After said (the backoff alone is 1 s)
    assert first.params["year"] == "2024-" and "tldr" in first.params["fields"]
    wanted = [p for p in papers if p.year >= 2024]
    assert result.fetched == len(wanted)
    recs = _records(out)
    assert [r.title for r in recs] == [p.title for p in wanted] and all(r.year >= 2024 for r in recs)
    assert recs[0].abstract_source == "tldr" and recs[1].abstract_source is None  # first of each page: tldr only
    assert recs[3].arxiv_id == wanted[3].arxiv_id and recs[3].doi == wanted[3].doi


def test_arxiv_malformed_page_is_retried_and_the_feed_reingests(tmp_path: Path, papers) -> None:
    out = tmp_path / "arxiv.xml"
    with ScholarlyServer(papers, page_cap=10) as server:
        server.faults.append(Fault(status=200, body=b"<feed><entry>cut off", path="/api/query"))
        result = fetch_to_file("arxiv", "process reward", out, limit=15, year_min=2022,
                               settings=_settings(server, fetch_max_wait=0.2), quiet=True)
    assert "submittedDate:[202201010000 TO" in server.requests[0].params["search_query"]
    assert [r.params["start"] for r in server.requests] == ["0", "0", "10"]
    wanted = [p for p in papers if p.year >= 2022][:15]
    assert result.fetched == 15
    recs = _records(out)
    assert [(r.title, r.arxiv_id, r.doi, r.year) for r in recs] == [
        (p.title, p.arxiv_id, p.doi, p.year) for p in wanted]


def test_failure_keeps_whole_pages_and_the_same_command_resumes(tmp_path: Path, papers) -> None:
    out = tmp_path / "oa.jsonl"
    with ScholarlyServer(papers, page_cap=10, broken_cursor="c20") as server:
        settings = _settings(server, fetch_max_retries=1, fetch_max_wait=0.1)
        with pytest.raises(FetchError) as info:
            fetch_to_file("openalex", "q", out, limit=25, settings=settings, quiet=True)
        assert "malformed page" in str(info.value) and "gave up after 2 attempts" in str(info.value)
        assert state_path(out).exists() and len(out.read_text().splitlines()) == 20  # two whole pages kept
        with pytest.raises(FetchError, match="unfinished fetch of openalex 'q'"):
            fetch_to_file("openalex", "other query", out, limit=25, settings=settings, quiet=True)
        server.broken_cursor = None
        server.requests.clear()
        result = fetch_to_file("openalex", "q", out, limit=25, settings=settings, quiet=True)
        assert result.resumed and result.fetched == 25
        assert [r.params["cursor"] for r in server.requests] == ["c20"]  # resumed at the failed page
        with pytest.raises(FetchError, match="already exists"):
            fetch_to_file("openalex", "q", out, limit=25, settings=settings, quiet=True)
    recs = _records(out)
    assert [r.title for r in recs] == [p.title for p in papers[:25]]  # nothing lost, nothing twice


def test_client_error_is_not_retried(tmp_path: Path, papers) -> None:
    with ScholarlyServer(papers) as server:
        server.faults.append(Fault(status=400, body=b'{"error": "Unrecognized field: bogus"}'))
        with pytest.raises(FetchError, match=r"HTTP 400 from 127\.0\.0\.1:\d+: .*Unrecognized field"):
            fetch_to_file("s2", "q", tmp_path / "x.jsonl", limit=5, settings=_settings(server), quiet=True)
    assert len(server.requests) == 1


def test_unreachable_host_is_one_clean_line(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI", "HTTP", "HTTPS"))}
    env.update({"REVIEWER_OPENALEX_API_URL": f"http://127.0.0.1:{port}", "REVIEWER_FETCH_MAX_RETRIES": "1",
                "REVIEWER_FETCH_MAX_WAIT": "0.1", "REVIEWER_HOME": str(tmp_path / "home")})
    proc = subprocess.run([sys.executable, "-m", "reviewer", "fetch", "openalex", "q", "-q", "-o",
                           str(tmp_path / "x.jsonl")], capture_output=True, text=True, env=env, timeout=60,
                          check=False)
    assert proc.returncode == 1
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert lines[0].startswith(f"Error: cannot reach 127.0.0.1:{port}") and "Traceback" not in proc.stderr
    assert "gave up after 2 attempts" in lines[0] and len(lines) <= 2  # the error and its hint


def test_fetch_command_builds_the_corpus(tmp_path: Path, papers, monkeypatch: pytest.MonkeyPatch) -> None:
    _register_extras()
    with ScholarlyServer(papers, page_cap=10) as server:
        env = {"REVIEWER_AUTO_INGEST_SEEDS": "false", "REVIEWER_QUIET": "1", "REVIEWER_S2_API_URL": server.url,
               "REVIEWER_FETCH_INTERVAL": "0"}
        out = tmp_path / "s2.jsonl"
        result = CliRunner().invoke(cli, ["fetch", "s2", "process reward", "--limit", "12", "-o", str(out), "-q"],
                                    env=env)
        assert result.exit_code == 0, result.output
        assert "12 new" in result.output and "12 papers in corpus" in result.output
        listed = CliRunner().invoke(cli, ["papers", "--json"], env=env)
    assert listed.exit_code == 0 and listed.output.count('"key"') == 12
