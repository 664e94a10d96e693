"""The scale-out path: ingest against an OpenAI-compatible embeddings server on loopback.

The fake server (tests/fake_openai_server.py) answers /v1/embeddings with deterministic vectors and
can inject 429/5xx replies; these tests check that ingest sends bounded batches, survives transient
errors, searches with the endpoint's vectors, and refuses vectors of another size with a clean error.
"""

from __future__ import annotations

import math
from pathlib import Path

from fake_openai_server import FakeOpenAIServer, Fault, fake_openai  # noqa: F401  (fixture)

from helpers_servers import cli_env, make_corpus, run_cli, write_jsonl
from reviewer.catalog import Catalog
from reviewer.index import VectorStore
from reviewer.ingest.pipeline import ingest_paths
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings
from reviewer.vector_cache import paper_sentences

BATCH = 16


def _settings(server: FakeOpenAIServer, home: Path) -> Settings:
    return Settings(home=home, embedding="openai", llm_base_url=server.base_url, llm_api_key="sk-test",
                    openai_embedding_model="fake-embed", openai_embedding_batch=BATCH, auto_ingest_seeds=False,
                    llm_max_retries=3, paper_vector="mean")  # requests then carry exactly the title + sentence texts


def test_ingest_sends_batches_retries_429_and_5xx_then_searches(fake_openai: FakeOpenAIServer,  # noqa: F811
                                                                 tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "papers.jsonl", make_corpus(40))
    fake_openai.script_embeddings([Fault.status(429, retry_after=0), Fault.status(503)])
    settings = _settings(fake_openai, tmp_path / "home")
    report = ingest_paths(settings, [corpus], quiet=True)

    with Catalog(settings.catalog_path) as catalog:
        texts = {u for p in catalog.iter_papers() for u in paper_sentences(p.title, p.abstract)}
    requests = fake_openai.embedding_requests
    assert [r.answered_with for r in requests[:3]] == ["status 429", "status 503", "embeddings"]
    answered = [len(r.body["input"]) for r in requests if r.answered_with == "embeddings"]
    assert max(answered) <= BATCH
    assert len(answered) == math.ceil(len(texts) / BATCH) and sum(answered) == len(texts)
    assert report.total_papers == 40 and len(VectorStore(settings).ids()) == 40

    hits = HybridRetriever(settings).search("retrieval augmented generation", k=5, mode="dense")
    assert len(hits) == 5  # the query went to the endpoint; the 8-dim sentence rows re-scored it


def test_a_dimension_change_at_the_endpoint_is_refused_with_one_clean_error(fake_openai: FakeOpenAIServer,  # noqa: F811
                                                                             tmp_path: Path) -> None:
    home = tmp_path / "home"
    ingest_paths(_settings(fake_openai, home), [write_jsonl(tmp_path / "a.jsonl", make_corpus(12))], quiet=True)
    fake_openai.embedding_dim = 16  # another model now answers under the same name
    more = write_jsonl(tmp_path / "b.jsonl", make_corpus(6, seed=99, topics=("quant",)))
    env = cli_env(home, REVIEWER_EMBEDDING="openai", REVIEWER_LLM_BASE_URL=fake_openai.base_url,
                  REVIEWER_LLM_API_KEY="sk-test", REVIEWER_OPENAI_EMBEDDING_MODEL="fake-embed",
                  REVIEWER_AUTO_INGEST_SEEDS="0")
    result = run_cli(["ingest", str(more)], env)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    first = result.stderr.strip().splitlines()[0]
    assert "16-dimensional" in first and "8-dimensional" in first, result.stderr
    assert len(VectorStore(_settings(fake_openai, home)).ids()) == 12  # nothing of another size was added
