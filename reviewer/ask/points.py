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
