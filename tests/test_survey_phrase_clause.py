"""A mined phrase never runs across a subordinating conjunction, on real seed text: 'the essential aspects of AI
safety because in the real world ...' once gave a section the title 'AI safety because'."""

from __future__ import annotations

from evals.seed_claims import seed_papers_by_title
from reviewer.survey.terms import phrases


def test_no_phrase_ends_or_runs_through_because() -> None:
    paper = next(p for t, p in seed_papers_by_title().items() if t.startswith("Of Models and Tin Men"))
    surfaces = [s.lower() for _, s in phrases(paper.abstract)]
    assert "ai safety" in surfaces  # the phrase itself is still mined
    assert not [s for s in surfaces if "because" in s.split()], surfaces
