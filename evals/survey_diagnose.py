"""Where do a survey topic's relevant papers rank in each signal, and what pulls in the off-topic ones?

`python -m evals.survey_diagnose [dev|holdout|fresh ...]` (set REVIEWER_HOME). For every topic and its
paraphrase: the rank of each relevant paper over the whole corpus by BM25, by the dense paper vector, by
the best-matching sentence vector, by the hybrid search, its place in the survey's pool and in the
evidence stage's ranking; and for each cited off-topic paper, the queries that found it. Ends with
counts of the failure causes. A diagnostic, not a test: nothing in the package depends on it.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

from evals import sets
from evals.survey import load_dev
from reviewer.settings import Settings


def _ranks(scores: dict[str, float]) -> dict[str, int]:
    return {d: r for r, d in enumerate(sorted(scores, key=lambda d: (-scores[d], d)), start=1)}


def main(names: list[str]) -> None:
    from reviewer.catalog import Catalog
    from reviewer.services import open_retriever
    from reviewer.survey.run import run_survey
    from reviewer.survey.types import EvidenceResult, ScopeResult
    from reviewer.vector_cache import VectorCache

    settings = Settings().model_copy(update={"llm_offline": True})
    retriever = open_retriever(settings, quiet=True)
    with Catalog(settings.catalog_path) as catalog:
        papers = {p.key: p for p in catalog.iter_papers()}
    by_id = {p.id: p.key for p in papers.values()}
    ids = list(by_id)
    paper_vecs = retriever.store.vectors(ids)
    mats = VectorCache(settings.index_settings).paper_matrices(ids)
    causes: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="diag-") as tmp:
        for name in names:
            for dev in load_dev(sets.path("survey", name)):
                rel = set(dev.relevant)
                for kind, text in (("topic", dev.topic), ("paraphrase", dev.paraphrase)):
                    q = np.asarray(retriever.index_query(text), dtype=np.float64)
                    bm = _ranks({by_id[d]: s for d, s in retriever.lexical.query(text, len(ids))})
                    dv = _ranks({by_id[d]: float(np.asarray(v) @ q) for d, v in paper_vecs.items()})
                    sv = _ranks({by_id[d]: float((m @ q).max()) for d, m in mats.items() if len(m)})
                    hy = {h.key: r for r, h in enumerate(retriever.search(text, k=len(ids)), start=1)}
                    run = run_survey(text, settings, offline=True, fresh=True, quiet=True, retriever=retriever,
                                     runs_dir=Path(tmp))
                    d = run.run_dir
                    scope = ScopeResult.model_validate_json((d / "scope.json").read_text(encoding="utf-8"))
                    ev = EvidenceResult.model_validate_json((d / "evidence.json").read_text(encoding="utf-8"))
                    pool = {r.paper.key: r for r in scope.papers}
                    ranking = [e.key for e in ev.papers] + [w.key for w in ev.weak]
                    er = {k: i for i, k in enumerate(ranking, start=1)}
                    cited = {b.key for b in run.report.bibliography}
                    print(f"\n[{name}] {kind}: {text}   cited {len(cited)}, relevant {len(rel)}, "
                          f"hit {len(cited & rel)}; queries: {scope.queries}")
                    for key in sorted(rel):
                        where = "cited" if key in cited else ("pool" if key in pool else "NOT POOLED")
                        print(f"   gold {key:28s} bm25 {bm.get(key, '-')!s:>4} dense {dv.get(key)!s:>4} "
                              f"sent {sv.get(key)!s:>4} hybrid {hy.get(key, '-')!s:>4} evid {er.get(key, '-')!s:>4} "
                              f"{where}")
                        if key in cited:
                            causes[f"{name} {kind}: relevant, cited"] += 1
                            continue
                        best = min(bm.get(key, 999), dv.get(key, 999), sv.get(key, 999))
                        if key not in pool:
                            causes[f"{name} {kind}: relevant, never pooled"] += 1
                            if best > 40:
                                causes[f"{name} {kind}: relevant, never pooled, no single signal in the top 40"] += 1
                        else:
                            causes[f"{name} {kind}: relevant, pooled, left out by the floor or the count"] += 1
                            if best <= 10:
                                causes[f"{name} {kind}: relevant, pooled, left out, a single signal in the top 10"] += 1
                    for key in sorted(cited - rel):
                        qs = [scope.queries[i] for i in pool[key].queries] if key in pool else []
                        print(f"   off  {key:28s} evid {er.get(key)!s:>3} found by {qs}  | {papers[key].title[:70]}")
                        causes[f"{name} {kind}: off-topic cited"] += 1
                        if key in pool and 0 in pool[key].queries:
                            causes[f"{name} {kind}: off-topic cited, found by the survey's own wording"] += 1
    print("\nCauses:")
    for cause, n in sorted(causes.items()):
        print(f"  {n:4d}  {cause}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["dev", "fresh"])
