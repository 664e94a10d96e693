"""Survey selection on the real seeds: a paper the topic's own hybrid search puts first is surveyed even
when a rewording leaves its relevance a little under the floor, and only such a paper is."""

from __future__ import annotations

from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings
from reviewer.survey import evidence
from reviewer.survey.types import EvidenceResult
from tests.survey_steps import surveyed

TOPIC = "judging answers with a language model"  # a wording of LLM-as-a-judge that no seed title uses
# A wording of LLMs in e-commerce that leaves "Towards Personality-Aware Recommendation" a little under the floor.
SHOP = "shopping assistants and recommender systems built on LLMs"
RECOMMEND = "personalityaware"


def _survey(settings: Settings, retriever: HybridRetriever, topic: str) -> EvidenceResult:
    return surveyed(settings, retriever, topic)


def test_search_top_paper_under_the_floor_is_surveyed(settings: Settings, retriever: HybridRetriever) -> None:
    """A recommendation paper the search ranks among its first for a reworded topic is surveyed although
    its relevance is under the floor; every surveyed paper under the floor is one of the search's first
    few pooled papers and above the lower absolute floor. (The LLM-as-a-judge wording this test used
    first no longer needs the rule: the search's first papers now also anchor relevance, see
    test_survey_anchors.py.)"""
    result = _survey(settings, retriever, SHOP)
    by_key = {e.key: e for e in result.papers}
    assert RECOMMEND in by_key, sorted(by_key)
    pooled = {e.paper_id for e in result.papers} | {
        p.id for p in retriever.catalog.iter_papers() if p.key in {w.key for w in result.weak}}
    top = [h.id for h in retriever.search(SHOP, k=len(pooled)) if h.id in pooled][: evidence.SEARCH_TOP]
    under = [e for e in result.papers if e.relevance < evidence.RELEVANCE_FLOOR]
    assert under, "the rule is not exercised: no surveyed paper is under the floor"
    for e in under:
        assert e.paper_id in top and e.relevance >= evidence.RESCUE_FLOOR, (e.key, e.relevance)


def test_search_rank_never_lifts_a_paper_under_the_lower_floor(
    settings: Settings, retriever: HybridRetriever
) -> None:
    """The search's first papers are not surveyed whatever their relevance: under `RESCUE_FLOOR` they
    stay out (here every pooled paper under it is given the search's top ranks in turn)."""
    from reviewer.survey import scope
    from reviewer.survey.context import Previous, SurveyContext
    from reviewer.survey.types import SurveyOptions

    ctx = SurveyContext(options=SurveyOptions(topic=TOPIC), settings=settings, _retriever=retriever)
    found = scope.run(ctx, Previous())
    # Without stored vectors relevance is not anchored, so ranking a paper first in the search cannot
    # raise its relevance (the search's first papers anchor it otherwise) and only the rescue rule acts.
    wide = evidence.offline_evidence(TOPIC, found.queries, found.papers, settings, found.acronyms, {},
                                     every=True)
    low = [e.paper_id for e in wide.papers if e.relevance < evidence.RESCUE_FLOOR]
    assert low
    result = evidence.offline_evidence(TOPIC, found.queries, found.papers, settings, found.acronyms, {},
                                       searched=low)
    assert not {e.paper_id for e in result.papers} & set(low)
