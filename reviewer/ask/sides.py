"""Which papers may speak for one side of a compared pair ("How do X differ from Y?").

A sentence that merely names one side is on topic for that side only when its paper is about the comparison:
an abstract that uses "outcome reward models" for ranking SQL queries says nothing about how they differ from
process reward models. So when some candidate abstract names both sides, a side's points come from such
abstracts; when none does, or the lead leaves a side unaddressed and these abstracts say nothing more about it,
any abstract naming the side may speak for it (the previous behaviour).
"""

from __future__ import annotations

from collections.abc import Callable

from reviewer.models import Paper


def comparing_papers(papers: list[Paper], sides: list[str], mentions: Callable[[str, str], bool]) -> set[str]:
    """Ids of the candidate papers whose title or abstract names every compared side."""
    return {p.id for p in papers if all(mentions(f"{p.title}. {p.abstract}", side) for side in sides)}
