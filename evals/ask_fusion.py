"""Would another paper ranker put the expected paper of `ask` questions higher? (follow-up 16 of evals/RESULTS.md)

For every answerable question of the given ask sets this takes the two halves of the hybrid ranker once (the dense
candidates re-scored by their best sentence, and BM25, 100 each, as `HybridRetriever.search` does for `ask`) and
re-fuses them offline in several ways, printing for each the number of questions whose expected paper ranks 1st,
within 3, 8 (the papers `ask` retrieves), 12 and 20:

- convex fusion (the shipped one) at dense weights 0.3-1.0, reciprocal rank fusion, z-scored halves;
- a per-question dense weight raised when the dense ranker's first paper leads its second by a margin;
- the union of the fused first 8 with the dense ranker's first n papers (how many papers that adds);
- BM25 over the question without its frame words (interrogatives, auxiliaries, pronouns), dense unchanged;
- a clause-coverage dense score: the question cut into clauses (at commas, "when", "while", "before", "by", "and",
  ...), each paper scored by the mean over clauses of its best sentence's similarity (half) and its dense score
  (half) - a paper that answers should address every part of the question, not one.

    python -m evals.ask_fusion dev holdout fresh blind defs new para para2 ... para12
"""

from __future__ import annotations

import re
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from evals.ask import load_cases
from reviewer.retrieve import convex, rrf

DATASETS = Path(__file__).resolve().parent / "datasets"
POOL = 100
# The closed-class words of a question's frame tried for the BM25 query (not kept: see RESULTS follow-up 16).
FRAME = frozenset("""what which who whom whose when where why how whether do does did is are was were be been being
am has have had can could may might must shall should will would it its they them their he she his her we us our
you your i me my there""".split())

Ranked = list[tuple[str, float]]


class Lists(BaseModel):
    set: str
    q: str
    want: list[str]
    dense: Ranked
    bm25: Ranked
    bm25_frameless: Ranked
    dense_clauses: Ranked = []  # the clause-coverage dense score, for questions of two clauses or more


def frameless(question: str) -> str:
    words = [w for w in re.findall(r"[\w'-]+", question) if w.lower() not in FRAME]
    return " ".join(words) or question


_CLAUSE = re.compile(r",|;|\b(?:when|while|before|after|without|whether|if|because|even|by|than|instead of|rather than|"
                     r"so that|and|or)\b", re.IGNORECASE)


def clauses(question: str) -> list[str]:
    from reviewer.textutil import content_stems

    return [c for c in (p.strip(" ?") for p in _CLAUSE.split(question)) if len(content_stems(c)) >= 2]


def clause_coverage(question: str, dense: Ranked, cache, matrices) -> Ranked:  # type: ignore[no-untyped-def]
    """Dense candidates re-scored by how well their sentences cover every clause (empty for one clause)."""
    parts = clauses(question)
    if len(parts) < 2:
        return []
    vectors = cache.embed(parts)
    out = []
    for pid, score in dense:
        m = matrices.get(pid)
        cover = float((m @ vectors.T).max(axis=0).mean()) if m is not None and len(m) else 0.0
        out.append((pid, 0.5 * cover + 0.5 * score))
    return sorted(out, key=lambda t: -t[1])


def collect(sets: list[str]) -> list[Lists]:
    from reviewer.ask.session import AskSession
    from reviewer.ask.spelling import corpus_spelling
    from reviewer.settings import Settings

    session = AskSession(Settings(llm_offline=True), quiet=True)
    session.warm()
    r = session.retriever
    by_key = {p.key: p.id for p in session.names.papers}
    from reviewer.vector_cache import VectorCache

    cache = VectorCache(session.settings.index_settings)  # per-paper unit rows: the index role
    matrices = cache.paper_matrices(list(by_key.values()), len(r.index_query("warm up")))
    out = []
    for name in sets:
        for case in load_cases(DATASETS / f"ask_{name}.jsonl"):
            if case.answerable:
                text = corpus_spelling(case.q, session.names.vocabulary)
                dense = r.dense(text, POOL)
                out.append(Lists(set=name, q=case.q, want=[by_key[k] for k in case.papers if k in by_key],
                                 dense=dense, bm25=r.bm25(text, POOL), bm25_frameless=r.bm25(frameless(text), POOL),
                                 dense_clauses=clause_coverage(text, dense, cache, matrices)))
    return out


def rank_of(scores: dict[str, float], want: list[str]) -> int:
    order = sorted(scores, key=lambda d: (-scores[d], d))
    return next((i for i, d in enumerate(order, start=1) if d in want), 999)


def _z(ranking: Ranked) -> dict[str, float]:
    values = [v for _, v in ranking]
    mean, sd = statistics.mean(values), statistics.pstdev(values) or 1.0
    return {d: (v - mean) / sd for d, v in ranking}


def zfused(x: Lists) -> dict[str, float]:
    dz, bz = _z(x.dense), _z(x.bm25)
    low_d, low_b = min(dz.values()), min(bz.values())
    return {d: 0.5 * dz.get(d, low_d) + 0.5 * bz.get(d, low_b) for d in set(dz) | set(bz)}


def margin_weighted(x: Lists, margin: float, high: float) -> dict[str, float]:
    w = high if x.dense[0][1] - x.dense[1][1] >= margin else 0.5
    return convex([x.dense, x.bm25], [w, 1 - w])


def line(name: str, rows: list[Lists], fuse: Callable[[Lists], dict[str, float]]) -> str:
    ranks = [rank_of(fuse(x), x.want) for x in rows]
    cuts = " ".join(f"<={c}: {sum(r <= c for r in ranks):3d}" for c in (1, 3, 8, 12, 20))
    return f"{name:38s} {cuts}"


def union_line(rows: list[Lists], n: int) -> str:
    hit = added = 0
    for x in rows:
        fused = convex([x.dense, x.bm25], [0.5, 0.5])
        top = set(sorted(fused, key=lambda d: (-fused[d], d))[:8])
        joined = top | {d for d, _ in x.dense[:n]}
        added += len(joined) - len(top)
        hit += bool(joined & set(x.want))
    return f"fused 8 + dense first {n:<2d}: expected among them {hit:3d}, papers added per question {added / len(rows):.2f}"


def report(rows: list[Lists]) -> str:
    out = [f"{len(rows)} answerable questions; expected paper's rank under each fusion (count of questions)"]
    for w in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0):
        out.append(line(f"convex, dense weight {w}" + (" (shipped)" if w == 0.5 else ""), rows,
                        lambda x, w=w: convex([x.dense, x.bm25], [w, 1 - w])))
    for k in (5, 20, 60):
        out.append(line(f"rrf k={k}", rows, lambda x, k=k: rrf([[d for d, _ in x.dense], [d for d, _ in x.bm25]], k)))
    out.append(line("z-scored halves, 0.5 each", rows, zfused))
    for margin in (0.03, 0.06):
        out.append(line(f"dense weight 0.7 if dense margin >= {margin}", rows,
                        lambda x, m=margin: margin_weighted(x, m, 0.7)))
    out.append(line("BM25 without frame words", rows, lambda x: convex([x.dense, x.bm25_frameless], [0.5, 0.5])))
    out.append(line("clause coverage (dense half)", rows,
                    lambda x: convex([x.dense_clauses or x.dense, x.bm25], [0.5, 0.5])))
    out.extend(union_line(rows, n) for n in (0, 3, 5, 10))
    return "\n".join(out)


if __name__ == "__main__":
    print(report(collect(sys.argv[1:])))
