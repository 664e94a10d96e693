"""Survey selection on the real seeds: the papers that steady relevance (its anchors) come from two rankers,
the relevance model and the topic's own hybrid search, so a reworded topic whose best-scored papers are
off topic is not pulled toward them."""

from __future__ import annotations

from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings
from reviewer.survey import evidence
from reviewer.survey.types import EvidenceResult

# The seeds' papers on LLMs in medicine (titles name medical or clinical work, a medical exam or dataset).
MEDICAL = {"limitedimpact", "medicaladaptation", "casimedicosarg", "benchmarkingcmexam", "medsmedical",
           "dr2024llava", "stabilizingreasoning", "distillationpushing"}
WORDING = "language models answering doctors' questions and diagnosing patients"


def _survey(settings: Settings, retriever: HybridRetriever, topic: str) -> EvidenceResult:
    from reviewer.survey import scope
    from reviewer.survey.context import Previous, SurveyContext
    from reviewer.survey.types import SurveyOptions

    ctx = SurveyContext(options=SurveyOptions(topic=topic), settings=settings, _retriever=retriever)
    prev = Previous(scope=scope.run(ctx, Previous()))
    ctx.papers = {r.paper.key: r.paper for r in prev.need_scope().papers}
    return evidence.run(ctx, prev)


def test_a_wording_without_the_corpus_terms_surveys_the_medical_papers(
    settings: Settings, retriever: HybridRetriever
) -> None:
    """'doctors' and 'patients' are not the seeds' words ('medical', 'clinical'): with anchors from the
    relevance model alone, general question-answering and reasoning papers took three places."""
    keys = {e.key for e in _survey(settings, retriever, WORDING).papers}
    assert len(keys & MEDICAL) >= 7, sorted(keys)
    assert len(keys - MEDICAL) <= 1, sorted(keys - MEDICAL)

