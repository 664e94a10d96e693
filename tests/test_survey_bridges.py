"""Bridging facets on the real seeds: a topic worded without the corpus's own term still searches for it."""

from __future__ import annotations

from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings
from reviewer.survey import bridges, scope
from reviewer.survey.context import Previous, SurveyContext
from reviewer.survey.types import SurveyOptions

TOPIC = "ethical dilemmas posed to chatbots"  # the seeds say 'moral', never in this wording


def test_reworded_topic_gets_the_corpus_term_as_a_facet(settings: Settings, retriever: HybridRetriever) -> None:
    """The nearest corpus title phrase to 'ethical dilemmas' is a 'moral ...' phrase; it runs as a facet
    query (shown in the appendix's queries) next to the topic's head phrase."""
    titles = " ".join(p.title.lower() for p in retriever.catalog.iter_papers())
    assert "moral" not in TOPIC and "moral" in titles
    ctx = SurveyContext(options=SurveyOptions(topic=TOPIC), settings=settings, _retriever=retriever)
    result = scope.run(ctx, Previous())
    assert any("moral" in b.lower() for b in result.bridges), result.bridges
    assert set(result.bridges) <= set(result.queries)
    assert any("moral" in q.lower() for q in result.queries), result.queries


def test_no_facet_below_the_similarity_floor(settings: Settings, retriever: HybridRetriever) -> None:
    """With an unreachable floor nothing is added: a facet is a near synonym, never merely the nearest term."""
    assert bridges.bridge_phrases(TOPIC, retriever.catalog, settings, floor=1.01) == []
