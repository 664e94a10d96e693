"""`python -m evals.survey_curve SET ...`: how recall, precision and Jaccard move with the number of papers kept.

A survey keeps up to `evidence.MAX_SURVEYED` papers in relevance order. Whether a shorter survey would be more
precise without losing recall or stability is a question about the whole curve, not one cap, and about many sets
pooled, not one. For every topic and paraphrase of the named survey sets this runs the offline scope and evidence
stages once (no report is written) and scores the evidence stage's papers cut to their first N, for each N in
`CAPS`, as `reviewer eval survey` scores a bibliography: recall of each wording, precision averaged over the two
wordings, and Jaccard of the two kept sets. Rows are means of the set means (each set weighs the same).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from evals import sets
from evals.survey import DevTopic, load_dev
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings

CAPS = (3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 18, 20)
# One topic: its relevant keys, and the papers the evidence stage keeps for the topic and for its paraphrase.
Pair = tuple[list[str], list[str], list[str]]
Figures = tuple[float, float, float, float, float]  # recall, paraphrase recall, precision, Jaccard, papers


def kept(settings: Settings, retriever: HybridRetriever, topic: str) -> list[str]:
    """The keys the offline evidence stage keeps for `topic`, in its (relevance) order."""
    from reviewer.survey import evidence, scope
    from reviewer.survey.context import Previous, SurveyContext
    from reviewer.survey.types import SurveyOptions

    ctx = SurveyContext(options=SurveyOptions(topic=topic), settings=settings, _retriever=retriever)
    prev = Previous(scope=scope.run(ctx, Previous()))
    ctx.papers = {r.paper.key: r.paper for r in prev.need_scope().papers}
    return [e.key for e in evidence.run(ctx, prev).papers]


def pairs(settings: Settings, retriever: HybridRetriever, topics: Sequence[DevTopic]) -> list[Pair]:
    return [(t.relevant, kept(settings, retriever, t.topic), kept(settings, retriever, t.paraphrase)) for t in topics]


def figures(topics: Sequence[Pair], cap: int) -> Figures:
    """The eval's figures for the first `cap` kept papers of each wording, averaged over the topics."""
    rows = []
    for relevant, a_list, b_list in topics:
        rel, a, b = set(relevant), set(a_list[:cap]), set(b_list[:cap])
        rows.append((len(a & rel) / len(rel), len(b & rel) / len(rel),
                     (len(a & rel) / max(1, len(a)) + len(b & rel) / max(1, len(b))) / 2,
                     len(a & b) / max(1, len(a | b)), (len(a) + len(b)) / 2))
    n = max(1, len(rows))
    r, rp, p, j, k = (sum(row[i] for row in rows) / n for i in range(5))
    return r, rp, p, j, k


def curve(by_set: dict[str, list[Pair]], caps: Sequence[int] = CAPS) -> list[tuple[int, Figures]]:
    """Per cap, the mean over sets of each set's figures."""
    out = []
    for cap in caps:
        per = [figures(topics, cap) for topics in by_set.values()]
        n = max(1, len(per))
        r, rp, p, j, k = (sum(f[i] for f in per) / n for i in range(5))
        out.append((cap, (r, rp, p, j, k)))
    return out


def markdown(rows: list[tuple[int, Figures]]) -> str:
    lines = ["| cap | recall / paraphrase recall / precision / Jaccard | papers per wording |", "|---|---|---|"]
    lines += [f"| {cap} | {f[0]:.3f} / {f[1]:.3f} / {f[2]:.3f} / {f[3]:.3f} | {f[4]:.1f} |" for cap, f in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m evals.survey_curve", description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="survey set names (default: every set not excluded)")
    parser.add_argument("--exclude", action="append", default=[], help="a set to leave out (a blind set)")
    args = parser.parse_args(argv)
    from reviewer.ingest.pipeline import ensure_ready
    from reviewer.services import open_retriever

    settings = Settings()
    ensure_ready(settings)
    retriever = open_retriever(settings, quiet=True)
    offline = settings.model_copy(update={"llm_offline": True})
    names = [n for n in (args.sets or sets.names("survey")) if n not in set(args.exclude)]
    by_set = {n: pairs(offline, retriever, load_dev(sets.path("survey", n))) for n in names}
    for name, topics in by_set.items():
        f = figures(topics, max(CAPS))
        print(f"{name}: {f[0]:.3f} / {f[1]:.3f} / {f[2]:.3f} / {f[3]:.3f}, {f[4]:.1f} papers", flush=True)
    print(markdown(curve(by_set)))


if __name__ == "__main__":
    main()
