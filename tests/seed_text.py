"""Seed abstracts looked up by a sentence they contain: the checker tests quote real seed text."""

from __future__ import annotations

from functools import lru_cache

from evals.seed_claims import seed_papers_by_title
from reviewer.models import Paper


@lru_cache(maxsize=1)
def _papers() -> tuple[Paper, ...]:
    return tuple(seed_papers_by_title().values())


def paper_with(fragment: str) -> Paper:
    """The one seed paper whose abstract contains the fragment (a test quoting a changed sentence fails here)."""
    found = [p for p in _papers() if fragment in p.abstract]
    assert len(found) == 1, (len(found), fragment)
    return found[0]
