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


def test_vocabulary_is_kept_in_the_home_per_corpus_version(settings: Settings, retriever: HybridRetriever,
                                                          tmp_path) -> None:
    """A new process reads the stored vocabulary instead of re-reading every abstract; a changed corpus
    version makes it rebuild."""
    catalog = retriever.catalog
    bridges._VOCAB.clear()
    built = bridges.vocabulary(catalog, tmp_path)
    stored = tmp_path / bridges._FILE
    assert stored.is_file() and built.version == catalog.version()
    marked = built.model_copy(update={"phrases": ["stored marker phrase", *built.phrases[1:]]})
    stored.write_text(marked.model_dump_json(), encoding="utf-8")
    bridges._VOCAB.clear()  # as in a new process
    assert bridges.vocabulary(catalog, tmp_path).phrases[0] == "stored marker phrase"
    stale = marked.model_copy(update={"version": "another corpus"})
    stored.write_text(stale.model_dump_json(), encoding="utf-8")
    bridges._VOCAB.clear()
    assert bridges.vocabulary(catalog, tmp_path).phrases == built.phrases
    bridges._VOCAB.clear()
