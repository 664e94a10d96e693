"""Which supporting points another paper may add under the lead (follow-up 23 of evals/RESULTS.md).

A paraphrased question usually asks about one paper. Points from other papers that clear the general relevance
bar (0.7 of the best sentence) are mostly neighbours of the topic, not answers to the question: "LLMs are most
aligned with the self-expression over survival values ..." under a question on how many scenarios one benchmark
holds. A point from a paper other than the lead's must be nearly as relevant as the lead itself. Points from the
lead's own paper keep the general bar; questions asking for methods or a definition, whose answers span papers,
keep it too.
"""

from __future__ import annotations

from reviewer.ask.lead import Scored

# Share of the lead's relevance another paper's point needs: the largest share at which no expected paper of the
# dev-read sets drops out of the citations (simulated over their candidate pools; evals/RESULTS.md, follow-up 23).
OTHER_PAPER_SHARE = 0.75


def on_question(points: list[Scored], lead: Scored, share: float = OTHER_PAPER_SHARE) -> list[Scored]:
    """The points from the lead's paper, and those from other papers at least `share` as relevant as the lead."""
    return [p for p in points if p.ev.paper_id == lead.ev.paper_id or p.ev.score >= share * lead.ev.score]


def distinct(pool: list[Scored], n: int, per_paper: int) -> list[Scored]:
    """The first n items, at most per_paper from one paper, none a near repeat of one taken."""
    taken: list[Scored] = []
    count: dict[str, int] = {}
    for item in pool:
        if len(taken) >= n:
            break
        if count.get(item.ev.paper_id, 0) >= per_paper or any(near(item.ev.text, t.ev.text) for t in taken):
            continue
        taken.append(item)
        count[item.ev.paper_id] = count.get(item.ev.paper_id, 0) + 1
    return taken


def near(a: str, b: str) -> bool:
    """Most words of the shorter sentence occur in the other: the same point said twice."""
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) / max(1, min(len(wa), len(wb))) > 0.8
