"""Where `ask` loses the expected paper: its rank at each stage, for every answerable question of the ask sets.

Stages: the hybrid paper ranker over the whole question (and its dense and BM25 halves alone), the retrieved set
(`retrieve_scored`: the top k plus sub-queries' papers), the candidate set (plus the papers recalled by one close
sentence), and the lead (the paper of the first cited sentence). A question whose expected paper never reaches the
candidates cannot be fixed by choosing among them.

    python -m evals.ask_rank dev holdout para5 ... [--out ranks.jsonl]
"""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import BaseModel

from evals.ask import load_cases

DATASETS = Path(__file__).resolve().parent / "datasets"


class RankRow(BaseModel):
    set: str
    q: str
    hybrid: int | None = None  # 1-based rank of the best expected paper (None: not in the pool)
    dense: int | None = None
    bm25: int | None = None
    retrieved: bool = False
    candidate: bool = False
    lead: bool = False
    cited: bool = False
    refused: bool = False
    lead_key: str = ""
    lead_text: str = ""
    answers: bool | None = None  # the hand label of this exact lead, when there is one


def _rank(ids: list[str], want: set[str]) -> int | None:
    return next((i for i, d in enumerate(ids, start=1) if d in want), None)


def rank_rows(sets: list[str], root: Path = DATASETS) -> list[RankRow]:
    """One row per answerable question of each set (`root`/ask_<set>.jsonl)."""
    from evals.ask_labels import load_labels, normalise
    from reviewer.ask.answer import _with_recalled, retrieve_scored
    from reviewer.ask.question import analyse
    from reviewer.ask.session import AskSession
    from reviewer.ask.spelling import corpus_spelling
    from reviewer.settings import Settings

    session = AskSession(Settings(llm_offline=True), quiet=True)
    session.warm()
    r = session.retriever
    by_key = {p.key: p.id for p in session.names.papers}
    from reviewer.citations import cited_sentences

    labels = {(lab.set, normalise(lab.question), normalise(lab.lead)): lab.answers for lab in load_labels()}
    rows: list[RankRow] = []
    for name in sets:
        for case in load_cases(root / f"ask_{name}.jsonl"):
            if not case.answerable:
                continue
            want = {by_key[k] for k in case.papers if k in by_key}
            text = corpus_spelling(case.q, session.names.vocabulary)
            row = RankRow(set=name, q=case.q)
            row.hybrid = _rank([h.id for h in r.search(text, k=400)], want)
            row.dense = _rank([d for d, _ in r.dense(text, 400)], want)
            row.bm25 = _rank([d for d, _ in r.bm25(text, 400)], want)
            q = analyse(text)
            aliases = {n: session.names.expansions[n] for n in q.names if n in session.names.expansions}
            for alias in aliases.values():
                q.sub_queries.append(alias[0])
            papers, prior = retrieve_scored(q, r, session.settings.retrieve_k, None)
            row.retrieved = bool(want & {p.id for p in papers})
            papers, _ = _with_recalled(q.text, papers, prior, r, session.names, session.settings)
            row.candidate = bool(want & {p.id for p in papers})
            answer = session.ask(case.q)
            row.refused = answer.refused
            row.cited = bool({c.key for c in answer.citations} & set(case.papers))
            first = next((s for s in cited_sentences(answer.answer) if s.keys), None)
            if first:
                row.lead_key = first.keys[0]
                row.lead = first.keys[0] in case.papers
                row.lead_text = first.text
            row.answers = labels.get((name, normalise(case.q), normalise(row.lead_text))) if row.lead_text else False
            rows.append(row)
    return rows


def summary(rows: list[RankRow]) -> str:
    n = len(rows)
    top = lambda k: sum(1 for x in rows if x.hybrid and x.hybrid <= k)  # noqa: E731
    lines = [f"{n} answerable questions",
             f"hybrid rank 1: {top(1)}  <=3: {top(3)}  <=8: {top(8)}  <=20: {top(20)}",
             f"dense rank 1: {sum(1 for x in rows if x.dense == 1)}  bm25 rank 1: {sum(1 for x in rows if x.bm25 == 1)}",
             f"retrieved: {sum(x.retrieved for x in rows)}  candidate: {sum(x.candidate for x in rows)}  "
             f"cited: {sum(x.cited for x in rows)}  lead from expected: {sum(x.lead for x in rows)}  "
             f"refused: {sum(x.refused for x in rows)}  hand-labelled answering: "
             f"{sum(x.answers is True for x in rows)} / {sum(x.answers is not None for x in rows)} labelled"]
    for x in rows:
        if not x.candidate:
            lines.append(f"  not a candidate [{x.set}] hybrid {x.hybrid} dense {x.dense} bm25 {x.bm25}: {x.q[:80]}")
    return "\n".join(lines)


def compare(before: Path, after: Path) -> str:
    """Questions whose candidate set, lead paper or lead changed between two `--out` files."""
    old = {(r.set, r.q): r for r in map(RankRow.model_validate_json, before.read_text().splitlines())}
    lines = []
    for r in map(RankRow.model_validate_json, after.read_text().splitlines()):
        o = old.get((r.set, r.q))
        if o is None or (o.candidate, o.lead_key, o.lead_text) == (r.candidate, r.lead_key, r.lead_text):
            continue
        lines.append(f"[{r.set}] {r.q}\n  candidate {o.candidate}->{r.candidate} lead {o.lead_key}->{r.lead_key} "
                     f"label {o.answers}->{r.answers}\n  new lead: {r.lead_text[:160]}")
    return "\n".join(lines) or "no change"


def main(argv: list[str]) -> None:
    if argv[:1] == ["compare"]:
        print(compare(Path(argv[1]), Path(argv[2])))
        return
    out = None
    if "--out" in argv:
        i = argv.index("--out")
        out = Path(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    rows = rank_rows(argv)
    if out:
        out.write_text("".join(r.model_dump_json() + "\n" for r in rows), encoding="utf-8")
    print(summary(rows))


if __name__ == "__main__":
    main(sys.argv[1:])
