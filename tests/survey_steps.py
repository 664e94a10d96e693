"""The survey's scope and evidence stages run on a topic, for selection tests on the real seeds."""

from __future__ import annotations

from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings
from reviewer.survey.types import EvidenceResult, ScopeResult


def scope_and_evidence(settings: Settings, retriever: HybridRetriever, topic: str) -> tuple[ScopeResult, EvidenceResult]:
    """What the pipeline's first two stages decide for `topic`: the pooled papers, then the surveyed ones."""
    from reviewer.survey import evidence, scope
    from reviewer.survey.context import Previous, SurveyContext
    from reviewer.survey.types import SurveyOptions

    ctx = SurveyContext(options=SurveyOptions(topic=topic), settings=settings, _retriever=retriever)
    prev = Previous(scope=scope.run(ctx, Previous()))
    ctx.papers = {r.paper.key: r.paper for r in prev.need_scope().papers}
    return prev.need_scope(), evidence.run(ctx, prev)


def surveyed(settings: Settings, retriever: HybridRetriever, topic: str) -> EvidenceResult:
    """The evidence stage's result for `topic` (the papers it surveys and those it leaves out)."""
    return scope_and_evidence(settings, retriever, topic)[1]
