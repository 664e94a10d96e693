"""`python -m evals.survey_rules record OUT.json [SET ...]` then `score OUT.json RULE ...`: screen a rule that drops
papers from a survey's kept list, over every survey set at once, in seconds.

Selection branches (s22 .. p38) each rebuilt a replay like this in /tmp. `record` runs the offline scope and evidence
stages once per wording (through the pipeline's own `scope.run` and `evidence.run`, as evals/survey_curve.py does) and
keeps what a drop rule can read: the kept papers in relevance order with their relevance, the wording's floor, the
topic's own hybrid search order, the pool, the wording's queries and each query's own ranking (the first
`QUERY_DEPTH` papers of a hybrid search for it, as scope.pool searches). `score` applies named rules to the record
and prints, per rule, the mean of the set means (recall / paraphrase recall / precision / Jaccard / papers, as
`reviewer eval survey` scores a bibliography) and on how many sets each figure rose or fell. A rule only drops
papers, so it screens cuts and filters, not admissions; a rule worth keeping is then written into
reviewer/survey and checked with the real eval.

Rules (each `name:a,b,...`): `cap:N` keeps the first N; `margin:M` drops a paper less than M over the floor;
`search:P,K` drops a paper past position P outside the first K of the topic's search; `facets:P,K,N` drops a paper
past position P that fewer than N of the wording's sub-queries (all of them when fewer) rank in their first K.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from evals import sets
from evals.survey import load_dev
from evals.survey_curve import figures

if TYPE_CHECKING:
    from reviewer.retrieve import HybridRetriever
    from reviewer.settings import Settings

QUERY_DEPTH = 40  # scope.pool searches each query for the survey's pool size (40 by default)


class Wording(BaseModel):
    """What the evidence stage decided for one wording, and the rankings a drop rule may consult."""

    topic: str
    kept: list[tuple[str, float]]
    floor: float
    searched: list[str]
    pool: list[str]
    queries: list[str]
    rankings: dict[str, list[str]]


class Case(BaseModel):
    relevant: list[str]
    topic: Wording
    paraphrase: Wording


Rule = Callable[[Wording], list[str]]


def _record_one(settings: Settings, retriever: HybridRetriever, text: str, keys: dict[str, str]) -> Wording:
    from reviewer.survey import evidence, scope
    from reviewer.survey.context import Previous, SurveyContext
    from reviewer.survey.types import SurveyOptions

    ctx = SurveyContext(options=SurveyOptions(topic=text), settings=settings, _retriever=retriever)
    prev = Previous(scope=scope.run(ctx, Previous()))
    found = prev.need_scope()
    ctx.papers = {r.paper.key: r.paper for r in found.papers}
    result = evidence.run(ctx, prev)
    searched = evidence.saved_ranking(found, settings.candidate_pool, ctx.options.max_papers) or [
        h.id for h in retriever.search(text, k=len(found.papers))]
    rankings = {q: [keys[h.id] for h in retriever.search(q, k=QUERY_DEPTH)] for q in found.queries}
    return Wording(topic=text, kept=[(e.key, e.relevance) for e in result.papers], floor=result.threshold or 0.0,
                   searched=[keys[pid] for pid in searched if pid in keys], pool=[r.paper.key for r in found.papers],
                   queries=found.queries, rankings=rankings)


def record(out: Path, names: Sequence[str]) -> None:
    """Run every wording of the named sets once and write the record (a JSON object: set name -> cases)."""
    from reviewer.catalog import Catalog
    from reviewer.ingest.pipeline import ensure_ready
    from reviewer.services import open_retriever
    from reviewer.settings import Settings

    settings = Settings()
    ensure_ready(settings)
    retriever = open_retriever(settings, quiet=True)
    offline = settings.model_copy(update={"llm_offline": True})
    with Catalog(settings.catalog_path) as catalog:
        keys = {p.id: p.key for p in catalog.iter_papers()}
    data: dict[str, list[dict[str, object]]] = {}
    for name in names:
        data[name] = [Case(relevant=t.relevant, topic=_record_one(offline, retriever, t.topic, keys),
                           paraphrase=_record_one(offline, retriever, t.paraphrase, keys)).model_dump()
                      for t in load_dev(sets.path("survey", name))]
        out.write_text(json.dumps(data), encoding="utf-8")
        print(name, flush=True)


def rule(spec: str) -> Rule:
    """A drop rule from its `name:a,b,...` spec (see the module docstring)."""
    name, _, raw = spec.partition(":")
    args = [float(a) for a in raw.split(",") if a]
    if name == "cap":
        return lambda w: [k for k, _ in w.kept[:int(args[0])]]
    if name == "margin":
        return lambda w: [k for k, v in w.kept if v >= w.floor + args[0]]
    if name == "search":
        pos, depth = int(args[0]), int(args[1])
        return lambda w: [k for i, (k, _) in enumerate(w.kept) if i < pos or k in w.searched[:depth]]
    if name == "facets":
        pos, depth, need = int(args[0]), int(args[1]), int(args[2])

        def by_facets(w: Wording) -> list[str]:
            subs = [w.rankings[q][:depth] for q in w.queries[1:]]
            return [k for i, (k, _) in enumerate(w.kept)
                    if i < pos or not subs or sum(k in r for r in subs) >= min(need, len(subs))]
        return by_facets
    raise argparse.ArgumentTypeError(f"unknown rule {spec!r}: cap, margin, search or facets")


def set_figures(cases: Sequence[Case], keep: Rule | None = None) -> tuple[float, float, float, float, float]:
    """The eval's figures for one set after `keep` (None: the kept lists as recorded)."""
    pick = keep or (lambda w: [k for k, _ in w.kept])
    return figures([(c.relevant, pick(c.topic), pick(c.paraphrase)) for c in cases], cap=10**6)


def score(record_path: Path, specs: Sequence[str]) -> list[str]:
    """One line per rule: the mean of the set means, and per figure the sets where it rose / fell."""
    raw = json.loads(record_path.read_text(encoding="utf-8"))
    data = {n: [Case.model_validate(c) for c in cases] for n, cases in raw.items()}
    base = {n: set_figures(cases) for n, cases in data.items()}
    lines = []
    for spec in ["base"] + list(specs):
        keep = None if spec == "base" else rule(spec)
        per = base if keep is None else {n: set_figures(cases, keep) for n, cases in data.items()}
        mean = [sum(f[i] for f in per.values()) / max(1, len(per)) for i in range(5)]
        moved = " ".join(f"{label}+{sum(per[n][i] > base[n][i] + 1e-9 for n in per)}"
                         f"-{sum(per[n][i] < base[n][i] - 1e-9 for n in per)}"
                         for i, label in enumerate(("R", "Rp", "P", "J")))
        lines.append(f"{spec:22s} {' / '.join(f'{x:.3f}' for x in mean[:4])}, {mean[4]:.1f} papers | {moved}")
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m evals.survey_rules", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record", help="run every wording once and write the record")
    rec.add_argument("out", type=Path)
    rec.add_argument("sets", nargs="*", help="survey set names (default: every set not excluded)")
    rec.add_argument("--exclude", action="append", default=[], help="a set to leave out (a blind set)")
    sc = sub.add_parser("score", help="score drop rules over a record")
    sc.add_argument("record", type=Path)
    sc.add_argument("rules", nargs="*", help="cap:N, margin:M, search:P,K or facets:P,K,N")
    args = parser.parse_args(argv)
    if args.command == "record":
        record(args.out, [n for n in (args.sets or sets.names("survey")) if n not in set(args.exclude)])
    else:
        print("\n".join(score(args.record, args.rules)))


if __name__ == "__main__":
    main()
