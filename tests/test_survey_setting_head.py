"""A topic's head phrase is never made only of the corpus's setting words (real seeds: most papers say
'language models'), so 'large language models for code generation' is about code generation."""

from __future__ import annotations

from reviewer.retrieve import HybridRetriever
from reviewer.survey import bridges, evidence, scope
from reviewer.textutil import content_stems

SETTING_FIRST = "large language models for code generation"
CLAUSE = "language models that browse the web and retrieve documents while they reason"


def _setting(retriever: HybridRetriever) -> frozenset[str]:
    return bridges.setting_stems(bridges.vocabulary(retriever.catalog, retriever.settings.home))


def test_setting_stems_are_the_words_most_seed_papers_use(retriever: HybridRetriever) -> None:
    setting = _setting(retriever)
    papers = list(retriever.catalog.iter_papers())
    for stem in ("languag", "llms"):
        assert stem in setting
        assert sum(stem in content_stems(f"{p.title}. {p.abstract}") for p in papers) > len(papers) / 2
    assert not {"code", "web", "brows", "educ"} & setting


def test_the_core_phrase_skips_a_setting_only_chunk(retriever: HybridRetriever) -> None:
    """Relevance averages in the head phrase; 'large language models' would reward every paper alike."""
    setting = _setting(retriever)
    assert evidence._core_phrase(SETTING_FIRST, setting) == "code generation"
    assert evidence._core_phrase("process reward models for LLM reasoning", setting) == "process reward models"


def test_no_sub_query_of_setting_words_alone(retriever: HybridRetriever) -> None:
    """The clause's first chunk 'language models' is not searched on its own as the head (weight 1.0): the
    first chunk that names something is."""
    queries, weights = scope.offline_queries(CLAUSE, retriever)
    lowered = [q.lower() for q in queries]
    assert "language models" not in lowered, queries
    assert queries[0] == CLAUSE
    assert dict(zip(lowered, weights, strict=True)).get("browse the web") == 1.0, list(zip(queries, weights, strict=True))


def test_every_chunk_setting_keeps_them_all() -> None:
    """With nothing but setting words the chunks stay as they are (there is no subject to prefer)."""
    assert bridges.subject_chunks(["language models", "LLMs"], frozenset({"languag", "llms"})) == [
        "language models", "LLMs"]
    assert bridges.subject_chunks(["language models", "web agents"], frozenset({"languag"})) == ["web agents"]
