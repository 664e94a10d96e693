"""The evidence stage reuses the topic ranking the scope stage saved instead of searching the topic again: the
saved ranking is the search it replaces, and a run saved before the field existed still resumes to the same
evidence (real seeds)."""

from __future__ import annotations

import json
from pathlib import Path

from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings
from reviewer.survey.evidence import saved_ranking
from reviewer.survey.types import EvidenceResult, ScopeResult


def test_saved_topic_ranking_is_the_search_evidence_would_run(settings: Settings, tmp_path: Path,
                                                              retriever: HybridRetriever) -> None:
    """For two topics, the scope's saved ranking cut to the pooled count equals a fresh search of the topic for
    that many papers, and an older scope (no ranking saved) resumes to the same evidence."""
    from reviewer.survey.run import run_survey

    for n, topic in enumerate(("tree search over reasoning steps of language models",
                               "reward models that write out a critique before scoring")):
        runs = tmp_path / str(n)
        run_survey(topic, settings, runs_dir=runs, quiet=True)
        run_dir = next(runs.iterdir())
        scope = ScopeResult.model_validate_json((run_dir / "scope.json").read_text(encoding="utf-8"))
        saved = saved_ranking(scope, settings.candidate_pool, settings.survey_max_papers)
        searched = [h.id for h in retriever.search(topic, k=len(scope.papers))]
        assert saved and saved == searched, topic
        before = EvidenceResult.model_validate_json((run_dir / "evidence.json").read_text(encoding="utf-8"))
        # A scope saved by an older version: no ranking field; the later stages are recomputed from it.
        data = json.loads((run_dir / "scope.json").read_text(encoding="utf-8"))
        del data["topic_ranking"]
        (run_dir / "scope.json").write_text(json.dumps(data), encoding="utf-8")
        for stage in ("evidence", "outline", "sections", "check", "report"):
            (run_dir / f"{stage}.json").unlink(missing_ok=True)
        run_survey(topic, settings, runs_dir=runs, quiet=True)
        old = ScopeResult.model_validate_json((run_dir / "scope.json").read_text(encoding="utf-8"))
        assert old.topic_ranking == [] and saved_ranking(old, settings.candidate_pool, settings.survey_max_papers) == []
        after = EvidenceResult.model_validate_json((run_dir / "evidence.json").read_text(encoding="utf-8"))
        assert [(e.key, e.relevance) for e in after.papers] == [(e.key, e.relevance) for e in before.papers], topic
