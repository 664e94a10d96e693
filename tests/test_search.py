"""Hybrid retrieval: paraphrased queries, JSON output, filters and the LangChain retriever."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from reviewer.catalog import paper_id
from reviewer.cli import cli
from reviewer.lc_retriever import ReviewerRetriever
from reviewer.retrieve import Filters, HybridRetriever, rrf
from reviewer.settings import Settings

PARAPHRASED = Path(__file__).resolve().parent.parent / "evals" / "datasets" / "seeds_paraphrased.jsonl"


def test_rrf_rewards_agreement() -> None:
    fused = rrf([["a", "b", "c"], ["b", "c", "a"]], k=60)
    assert max(fused, key=fused.__getitem__) == "b"
    assert fused["b"] == 1 / 62 + 1 / 61


def test_hybrid_beats_both_parts_on_paraphrased_questions(legacy_index: Path) -> None:  # pinned on the pre-split index (conftest LEGACY_INDEX)
    retriever = HybridRetriever(Settings())
    rows = [json.loads(line) for line in PARAPHRASED.read_text().splitlines()]
    mrr: dict[str, float] = {}
    top1: dict[str, int] = {}
    for mode in ("dense", "bm25", "hybrid"):
        ranks = []
        for row in rows:
            ids = [h.id for h in retriever.search(row["query"], k=50, mode=mode)]
            target = paper_id(row["title"])
            ranks.append(ids.index(target) + 1 if target in ids else 1000)
        mrr[mode] = sum(1 / r for r in ranks) / len(ranks)
        top1[mode] = sum(r == 1 for r in ranks)
    assert mrr["hybrid"] > mrr["dense"] and mrr["hybrid"] > mrr["bm25"], mrr
    assert top1["hybrid"] >= len(rows) * 2 // 3, top1


def test_search_json_and_paraphrase_first(seeded_home: Path) -> None:
    result = CliRunner().invoke(
        cli, ["search", "Can a single meaningless token or punctuation mark trick a model that grades answers into "
             "giving a positive reward?", "-k", "3", "--json"]
    )
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert len(hits) == 3
    assert {"id", "key", "title", "score"} <= set(hits[0])
    assert hits[0]["title"] == "One Token to Fool LLM-as-a-Judge"
    assert hits[0]["score"] >= hits[1]["score"] >= hits[2]["score"]


def test_year_filter_applies_to_both_retrievers(seeded_home: Path) -> None:
    retriever = HybridRetriever(Settings())
    hits = retriever.search("preference alignment of language models", k=10, filters=Filters(year_min=2024))
    assert hits
    assert all(h.year is not None and h.year >= 2024 for h in hits)
    assert all(h.year is not None and h.year <= 2023 for h in
               retriever.search("reasoning", k=10, filters=Filters(year_max=2023)))


def test_langchain_retriever_returns_documents_with_keys(seeded_home: Path) -> None:
    lc = ReviewerRetriever(hybrid=HybridRetriever(Settings()), k=4)
    docs = lc.invoke("process reward models for step-level verification")
    assert len(docs) == 4
    assert all(d.metadata["key"] and d.metadata["id"].startswith("p") for d in docs)
    assert "reward" in docs[0].page_content.lower()


def test_sentence_rescoring_reads_ingest_rows_and_falls_back_without_them(legacy_index: Path) -> None:
    """The per-paper rows written at ingest and the slow path (split + embed from the catalogue) agree (under the
    `whole` plan: late rows are pooled from the whole text, so the fallback only approximates them),
    and re-scoring by best sentence actually reorders Chroma's whole-text ranking."""
    import sqlite3

    query = "Does a verifier that scores every reasoning step beat one that only checks the final answer?"
    settings = Settings()
    stored = HybridRetriever(settings).dense(query, 30)
    plain = HybridRetriever(settings.model_copy(update={"sentence_rerank": 0.0})).dense(query, 30)
    assert [d for d, _ in stored] != [d for d, _ in plain]
    with sqlite3.connect(settings.home / "vectors.sqlite") as db:
        assert db.execute("SELECT count(*) FROM paper16").fetchone()[0] == 343
        db.execute("DELETE FROM paper16")
    rebuilt = HybridRetriever(settings).dense(query, 30)
    assert [d for d, _ in rebuilt] == [d for d, _ in stored]
    assert all(abs(a - b) < 1e-3 for (_, a), (_, b) in zip(rebuilt, stored, strict=True))
