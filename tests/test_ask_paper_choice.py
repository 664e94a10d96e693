"""Which paper's sentence leads (real seed text, a question worded for this test): between close sentences of two
papers, the one from the paper whose title is about the question's subject leads, not one from a paper that only
touches the subject (a benchmark of pragmatic-vs-safe choices answering a question about computer-use agents)."""

from __future__ import annotations

from pathlib import Path

from ask_helpers import first_cited


def test_the_paper_whose_title_is_about_the_subject_leads(seeded_home: Path) -> None:
    cited, _ = first_cited("Do agents operating a computer's graphical interface keep chasing goals that are unsafe?")
    assert "justcomputer" in cited.keys and "Blind Goal-Directedness" in cited.text


def test_a_why_question_is_not_ordered_by_title(seeded_home: Path) -> None:
    # A cause is a general statement any paper's background may make: the title of a paper about implicit PRMs
    # must not pull its method sentence ahead of the sentence that gives the reason.
    cited, _ = first_cited("Why might per-step reward models handle credit assignment better than outcome reward models?")
    assert "potentially improving credit assignment" in cited.text
