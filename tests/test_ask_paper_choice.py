"""Which paper's sentence leads (real seed text, a question worded for this test): between close sentences of two
papers, the one from the paper whose title is about the question's subject leads, not one from a paper that only
touches the subject (a benchmark of pragmatic-vs-safe choices answering a question about computer-use agents)."""

from __future__ import annotations

from pathlib import Path

from ask_helpers import first_cited


def test_the_paper_whose_title_is_about_the_subject_leads(seeded_home: Path) -> None:
    cited, _ = first_cited("Do agents operating a computer's graphical interface keep chasing goals that are unsafe?")
    assert "justcomputer" in cited.keys and "Blind Goal-Directedness" in cited.text
