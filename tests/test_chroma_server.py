"""reviewer against a real Chroma server (`chroma run`) on 127.0.0.1 instead of the embedded store.

One server per module (it takes ~10 s to start); each test uses its own collection so they never see
each other's vectors. Ingest, search, ask and survey run through the CLI; the server's collection is
then read back with a chromadb HttpClient.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers_servers import ChromaServer, cli_env, free_port, make_corpus, run_cli, write_jsonl
from reviewer.catalog import Catalog
from reviewer.citations import keys_in
from reviewer.cli import _register_extras, cli
from reviewer.index import collection_name
from reviewer.settings import Settings

pytestmark = pytest.mark.chroma_server

QUESTION = "Does retrieval-augmented generation reduce hallucination?"


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    server = ChromaServer(tmp_path_factory.mktemp("chroma-server") / "data")
    with server:
        yield server


@pytest.fixture
def on_server(chroma_server: ChromaServer, monkeypatch: pytest.MonkeyPatch, _isolated_home: Path) -> Settings:
    """REVIEWER_CHROMA_URL at the server and a collection of this test's own."""
    monkeypatch.setenv("REVIEWER_CHROMA_URL", chroma_server.url)
    monkeypatch.setenv("REVIEWER_COLLECTION", f"t{uuid.uuid4().hex[:10]}")
    monkeypatch.setenv("REVIEWER_AUTO_INGEST_SEEDS", "0")
    monkeypatch.setenv("REVIEWER_QUIET", "1")
    return Settings()


def invoke(*args: str) -> str:
    _register_extras()
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_ingest_search_ask_survey_use_the_server(
    on_server: Settings, chroma_server: ChromaServer, tmp_path: Path
) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", make_corpus(30))
    report = json.loads(invoke("ingest", str(corpus), "--json", "-q"))
    assert report["stats"]["added"] == 30 and report["index"]["embedded"] == 30

    # The vectors live in the server's collection, and nothing was written to the embedded store.
    with Catalog(on_server.catalog_path) as catalog:
        catalog_ids = catalog.ids()
        keys = {p.key for p in catalog.iter_papers()}
    remote = chroma_server.client().get_collection(collection_name(on_server))
    assert remote.count() == 30
    assert sorted(remote.get(include=[])["ids"]) == sorted(catalog_ids)
    assert not on_server.chroma_path.exists()

    hits = json.loads(invoke("search", "post-training quantization of language model weights", "--json", "-k", "5"))
    assert len(hits) == 5 and all("Quantization" in h["title"] for h in hits)
    dense = json.loads(invoke("search", "compressing weights to four bits", "--mode", "dense", "--json", "-k", "3"))
    assert dense and all("Quantization" in h["title"] for h in dense)

    answer = json.loads(invoke("ask", QUESTION, "--json", "-q"))
    assert answer["refused"] is False and answer["mode"] == "offline"
    cited = {c["key"] for c in answer["citations"]}
    assert cited and cited <= keys

    out = tmp_path / "survey.md"
    invoke("survey", "retrieval-augmented generation", "--offline", "-o", str(out), "-q", "--max-papers", "12")
    markdown = out.read_text()
    assert markdown.startswith("# Survey: ") and "## References" in markdown
    assert keys_in(markdown) and set(keys_in(markdown)) <= keys
    assert not on_server.chroma_path.exists()

    # Re-ingesting is a no-op on the server too.
    again = json.loads(invoke("ingest", str(corpus), "--json", "-q"))
    assert again["stats"]["added"] == 0 and again["index"]["embedded"] == 0
    assert remote.count() == 30


def test_a_second_home_on_the_same_server_gets_its_own_collection(
    on_server: Settings, chroma_server: ChromaServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Embedded store and server never mix: switching REVIEWER_CHROMA_URL re-indexes into the target."""
    corpus = write_jsonl(tmp_path / "corpus.jsonl", make_corpus(12, seed=3))
    monkeypatch.delenv("REVIEWER_CHROMA_URL")
    invoke("ingest", str(corpus), "-q")  # embedded first
    assert Settings().chroma_path.exists()
    monkeypatch.setenv("REVIEWER_CHROMA_URL", chroma_server.url)
    hits = json.loads(invoke("search", "process reward models", "--mode", "dense", "--json"))
    assert hits  # ensure_ready noticed the new target and indexed the catalogue on the server
    remote = chroma_server.client().get_collection(collection_name(Settings()))
    assert remote.count() == 12


def test_unreachable_server_is_one_clean_error_line(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", make_corpus(4))
    url = f"http://127.0.0.1:{free_port()}"
    env = cli_env(tmp_path / "home", REVIEWER_CHROMA_URL=url, REVIEWER_AUTO_INGEST_SEEDS="0")
    for args in (["ingest", str(corpus)], ["search", "retrieval"], ["ask", QUESTION]):
        proc = run_cli(args, env, timeout=180)
        assert proc.returncode == 1, (args, proc.stdout, proc.stderr)
        lines = proc.stderr.strip().splitlines()
        assert lines[0].startswith(f"Error: cannot reach the Chroma server at {url}"), proc.stderr
        assert len(lines) <= 2 and (len(lines) == 1 or lines[1].startswith("  hint: ")), proc.stderr
        assert "Traceback" not in proc.stderr and proc.stdout == ""

    bad = run_cli(["search", "retrieval"], {**env, "REVIEWER_CHROMA_URL": "ftp://nowhere"}, timeout=180)
    assert bad.returncode == 1 and bad.stderr.startswith("Error: REVIEWER_CHROMA_URL='ftp://nowhere' is not")
    assert "Traceback" not in bad.stderr
