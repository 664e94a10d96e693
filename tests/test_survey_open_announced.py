"""Open problems name a problem, not the announcement that a paper discusses some (synthesis.names_open_problem)."""

from __future__ import annotations

import re

from reviewer.models import Paper
from reviewer.survey.synthesis import names_open_problem
from reviewer.textutil import split_sentences

_ANNOUNCING = re.compile(r"\b(?:conclude with open challenges and future research directions|laying out future "
                         r"directions|revealing their advantages and limitations|and warrant future research|outline "
                         r"promising future directions|outlines potential future directions)\b", re.IGNORECASE)


def _sentences(seed_papers: dict[str, Paper], pattern: re.Pattern[str]) -> list[str]:
    return [s for p in seed_papers.values() for s in split_sentences(p.abstract) if pattern.search(s)]


def test_a_sentence_that_only_announces_problems_names_none(seed_papers: dict[str, Paper]) -> None:
    """'We ... conclude with open challenges and future research directions' says that the paper discusses problems,
    not which; quoted under Open problems it tells a reader nothing."""
    announcing = _sentences(seed_papers, _ANNOUNCING)
    assert len(announcing) >= 4
    for sentence in announcing:
        assert not names_open_problem(sentence), sentence


def test_an_announcement_that_says_which_problems_stays(seed_papers: dict[str, Paper]) -> None:
    """'outlining open problems in oversight, value pluralism, ...' names them; a plain limitation stays too."""
    which = _sentences(seed_papers, re.compile(r"outlining open problems in \w"))
    assert which
    assert all(names_open_problem(s) for s in which)
    plain = _sentences(seed_papers, re.compile(r"\bstill meets challenges\b|\bis not only expensive but also unstable\b"))
    assert plain and all(names_open_problem(s) for s in plain)
