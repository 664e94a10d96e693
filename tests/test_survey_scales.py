"""Per-model survey thresholds on the real seeds (reviewer.survey.scales, branch e33): today's model keeps today's
values, the survey reads the values of the model that embeds, and evals/survey_floors.py maps a value to the
same quantile of another similarity distribution."""

from __future__ import annotations

import numpy as np
import pytest

from evals.survey_floors import margin_map, quantile_map, relevance_sample
from reviewer.retrieve import HybridRetriever
from reviewer.settings import MINILM_IDENTITY, Settings
from reviewer.survey import bridges, evidence, scales
from tests.survey_steps import surveyed

DENSE = "evaluating reward models on benchmarks"  # every reward-model paper scores 0.64-0.9 (test_survey_top_margin)
REWORDED = "ethical dilemmas posed to chatbots"  # its nearest corpus phrases say 'moral' (test_survey_bridges)
# A paper under the floor that the topic's own search ranks among its first five (test_survey_top_margin).
DENOISING, RESCUED = "producing an agent's actions by iterative denoising of trajectories", "goalconditioned"


def test_todays_model_keeps_todays_values(settings: Settings) -> None:
    """The wheel's model surveys with the values the survey was built with, and every model with its own
    values is one the settings can select (a mistyped identity would silently fall back to today's)."""
    assert settings.embedding_model_id == "minilm"
    assert scales.floors(settings) == scales.Floors(relevance=0.58, rescue=0.5, top_margin=0.25, bridge=0.6)
    assert (evidence.RELEVANCE_FLOOR, evidence.RESCUE_FLOOR, evidence.TOP_MARGIN, bridges.BRIDGE_FLOOR) == (
        0.58, 0.5, 0.25, 0.6)
    assert "minilm" not in scales.BY_MODEL
    assert set(scales.BY_MODEL) <= set(MINILM_IDENTITY.values())


def test_the_survey_reads_the_embedding_models_floors(settings: Settings, retriever: HybridRetriever,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Give today's model other values: the evidence stage's floor, margin and rescue floor follow them."""
    before = surveyed(settings, retriever, DENSE)
    own = scales.Floors(relevance=0.72, rescue=0.7, top_margin=0.08, bridge=0.6)
    monkeypatch.setitem(scales.BY_MODEL, settings.embedding_model_id, own)
    after = surveyed(settings, retriever, DENSE)
    best = max(e.relevance for e in after.papers)
    assert abs(after.threshold - max(own.relevance, best - own.top_margin)) < 1e-3
    assert all(e.relevance >= own.rescue for e in after.papers), [(e.key, e.relevance) for e in after.papers]
    assert len(after.papers) < len(before.papers)


def test_the_rescue_reads_the_embedding_models_floor(legacy_settings: Settings, legacy_retriever: HybridRetriever,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A paper the topic's search ranks first but whose relevance is under the model's rescue floor stays out."""
    settings, retriever = legacy_settings, legacy_retriever  # pinned on the pre-split index (conftest LEGACY_INDEX)
    before = {e.key: e for e in surveyed(settings, retriever, DENOISING).papers}
    assert RESCUED in before and before[RESCUED].relevance < evidence.RELEVANCE_FLOOR
    own = scales.Floors(relevance=0.58, rescue=before[RESCUED].relevance + 0.01, top_margin=0.25, bridge=0.6)
    monkeypatch.setitem(scales.BY_MODEL, settings.embedding_model_id, own)
    after = surveyed(settings, retriever, DENOISING)
    assert RESCUED not in {e.key for e in after.papers}
    assert RESCUED in {w.key for w in after.weak}


def test_bridges_read_the_embedding_models_floor(settings: Settings, retriever: HybridRetriever,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A model whose phrase similarities run higher needs a higher floor for a synonym: above every cosine,
    no corpus phrase bridges the reworded topic, while today's floor finds a 'moral' phrase."""
    assert any("moral" in b.lower() for b in bridges.bridge_phrases(REWORDED, retriever.catalog, settings))
    monkeypatch.setitem(scales.BY_MODEL, settings.embedding_model_id,
                        scales.Floors(relevance=0.58, rescue=0.5, top_margin=0.25, bridge=1.01))
    assert bridges.bridge_phrases(REWORDED, retriever.catalog, settings) == []


def test_thresholds_map_to_the_same_quantile_of_corpus_relevances(settings: Settings,
                                                                  retriever: HybridRetriever) -> None:
    """Corpus phrases as topics under today's model: mapped onto the same relevances a value stays itself;
    onto relevances raised by 0.03 a floor rises by 0.03 and a margin under the best stays; onto relevances
    spread 1.2x about each topic's best a margin grows 1.2x."""
    values, best = relevance_sample(settings, topics=6, kind="phrases")
    assert len(best) == 6 and len(values) == 6 * retriever.catalog.count()
    assert abs(quantile_map(values, values, 0.58)[1] - 0.58) < 0.01
    q, raised = quantile_map(values, values + 0.03, 0.58)
    assert 0.5 < q < 1 and abs(raised - 0.61) < 0.01
    assert abs(margin_map(values, best, values + 0.03, best + 0.03, 0.25) - 0.25) < 0.01
    spread = np.repeat(best, len(values) // len(best)) - 1.2 * (np.repeat(best, len(values) // len(best)) - values)
    assert abs(margin_map(values, best, spread, best, 0.25) - 0.3) < 0.01
