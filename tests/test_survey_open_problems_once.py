"""The closing open-problems section on real seed text: a sentence that contrasts the paper's own result with other
work's failure ('Importantly, unlike other ... that often degrade ..., View-R1-3B maintains ...') names no open
problem, and a sentence a theme section already quotes is never quoted a second time at the end."""

from __future__ import annotations

import re

from reviewer.models import Paper
from reviewer.survey.synthesis import names_open_problem, open_problem_quotes
from reviewer.survey.table import offline_row
from reviewer.survey.types import PaperEvidence
from reviewer.textutil import split_sentences


def test_a_contrast_with_other_work_after_a_connective_names_no_open_problem(seed_papers: dict[str, Paper]) -> None:
    """A leading 'Importantly,' does not turn other models' degradation into the paper's own limitation."""
    contrasts = [s for p in seed_papers.values() for s in split_sentences(p.abstract)
                 if re.match(r"\w+ly, (?:unlike|in contrast to|compared (?:to|with)) [^,;]*\b(?:degrad|fail|struggl)", s,
                             re.IGNORECASE)]
    assert contrasts, "no seed sentence of this form"
    for sentence in contrasts:
        assert not names_open_problem(sentence), sentence


def test_a_limitation_the_sections_already_quote_is_not_repeated(seed_papers: dict[str, Paper]) -> None:
    """Every paper whose own limitation is picked for the closing section loses it there once a section quotes it
    (the section may have rewritten its opening words, so a changed first word still counts as quoted)."""
    picked = 0
    for paper in seed_papers.values():
        ev = PaperEvidence(paper_id=paper.id, key=paper.key, relevance=1.0, row=offline_row(paper))
        quotes = open_problem_quotes([ev], seed_papers)
        if not quotes:
            continue
        picked += 1
        section_text = "Their " + quotes[0].text.split(" ", 1)[1] + f" [@{paper.key}]"
        again = open_problem_quotes([ev], seed_papers, written=section_text)
        assert all(q.index != quotes[0].index for q in again), (paper.key, quotes[0].text)
    assert picked >= 20, picked
