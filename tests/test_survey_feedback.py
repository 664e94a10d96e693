"""Pseudo-relevance feedback in the survey's pool (reviewer.survey.feedback), on the real seeds: the topic's
vector moved toward its search's first papers ranks those papers' neighbours high, and that ranking joins
the pool, so a reworded topic pools a paper on its subject that its own words miss."""

from __future__ import annotations

import pytest

from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings
from reviewer.survey import scope
from reviewer.survey.feedback import FEEDBACK_PAPERS, feedback_ranking
from tests.survey_steps import scope_and_evidence

# Wordings that avoid the seeds' terms ("latent reasoning", "curriculum").
LATENT = "language models that think with hidden states instead of writing out words"
EASY_FIRST = "ordering training problems from easy to hard when fine-tuning LLMs"
CURRICULUM = "automatic2024curriculum"  # Automatic Curriculum Expert Iteration for Reliable LLM Reasoning


@pytest.mark.parametrize("topic", [LATENT, EASY_FIRST])
def test_feedback_ranking_puts_the_first_papers_near_the_top(retriever: HybridRetriever, topic: str) -> None:
    """The feedback query lies between the topic and its first papers: each of them is among the feedback
    ranking's first 5, which the topic's own vector alone does not give (one of them ranks 24th or not
    at all in the first 40)."""
    first = [h.id for h in retriever.search(topic, k=FEEDBACK_PAPERS)]
    ranking = feedback_ranking(topic, first, retriever, 40)
    assert all(pid in ranking[:5] for pid in first), [ranking.index(p) + 1 if p in ranking else None for p in first]


def test_feedback_ranking_joins_the_pool(legacy_settings: Settings, legacy_retriever: HybridRetriever,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A curriculum paper the wording's own queries do not pool is pooled through the feedback ranking."""
    settings, retriever = legacy_settings, legacy_retriever  # pinned on the pre-split index (conftest LEGACY_INDEX)
    pooled = {r.paper.key for r in scope_and_evidence(settings, retriever, EASY_FIRST)[0].papers}
    assert CURRICULUM in pooled
    monkeypatch.setattr(scope, "FEEDBACK_POOL_WEIGHT", 0.0)
    assert CURRICULUM not in {r.paper.key for r in scope_and_evidence(settings, retriever, EASY_FIRST)[0].papers}
