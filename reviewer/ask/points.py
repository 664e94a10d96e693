"""Which supporting points another paper may add under the lead (follow-up 23 of evals/RESULTS.md).

A paraphrased question usually asks about one paper. Points from other papers that clear the general relevance
bar (0.7 of the best sentence) are mostly neighbours of the topic, not answers to the question: "LLMs are most
aligned with the self-expression over survival values ..." under a question on how many scenarios one benchmark
holds. A point from a paper other than the lead's must be nearly as relevant as the lead itself. Points from the
lead's own paper keep the general bar; questions asking for methods or a definition, whose answers span papers,
keep it too.
"""

from __future__ import annotations

from collections.abc import Callable

from reviewer.ask.lead import Scored
from reviewer.models import Paper
from reviewer.textutil import content_stems

# Share of the lead's relevance another paper's point needs: the largest share at which no expected paper of the
# dev-read sets drops out of the citations (simulated over their candidate pools; evals/RESULTS.md, follow-up 23).
OTHER_PAPER_SHARE = 0.75
# How much less of the question's words another paper's abstract may state than the lead's abstract does
# (follow-up 26): 0.15 drops 271 of the 768 points citing no expected paper over the dev-read sets, 1 cited
# expected paper lost; 0.1 drops 357 and loses 4.
COVERAGE_MARGIN = 0.15


def on_question(points: list[Scored], lead: Scored, share: float = OTHER_PAPER_SHARE, anchor: float = 0.0) -> list[Scored]:
    """The points from the lead's paper, and those from other papers at least `share` as relevant as the lead, or as
    `anchor` (the best score of the lead's paper) when a lead rule opened with a lower-scored sentence of it."""
    bar = share * max(lead.ev.score, anchor)
    return [p for p in points if p.ev.paper_id == lead.ev.paper_id or p.ev.score >= bar]


def share(stems: set[str], text: str) -> float:
    """Share of the given stems that the text contains."""
    return len(stems & set(content_stems(text))) / len(stems) if stems else 0.0


def stated_share(asked: set[str], paper: Paper) -> float:
    """Share of the question's content stems that the paper's title and abstract state."""
    return share(asked, f"{paper.title} {paper.abstract}")


def same_question(points: list[Scored], lead: Scored, papers: list[Paper], asked: set[str],
                  margin: float = COVERAGE_MARGIN, names: tuple[str, ...] = (),
                  mentions: Callable[[str, str], bool] | None = None) -> list[Scored]:
    """The points from papers whose abstracts state the question's words about as fully as the lead's does.

    A paraphrased question describes one work ("the method that splits rollouts into budget groups"); the lead's
    abstract states most of that description. A neighbour of the topic that shares one striking sentence but
    little of the description answers another question, however similar that one sentence scores. A question
    naming a work the lead's abstract names ("How does TO-GATE ...?") is about that work: another paper's point
    must come from an abstract naming it too.
    """
    by_id = {p.id: p for p in papers}
    if lead.ev.paper_id not in by_id:
        return points
    bar = stated_share(asked, by_id[lead.ev.paper_id]) - margin
    text = {pid: f"{p.title} {p.abstract}" for pid, p in by_id.items()}
    named = [n for n in names if mentions and mentions(text[lead.ev.paper_id], n)]
    shares: dict[str, float] = {}
    kept = []
    for p in points:
        pid = p.ev.paper_id
        if pid != lead.ev.paper_id and pid in by_id:
            if pid not in shares:
                shares[pid] = stated_share(asked, by_id[pid])
            if shares[pid] < bar or (named and mentions and not any(mentions(text[pid], n) for n in named)):
                continue
        kept.append(p)
    return kept


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
