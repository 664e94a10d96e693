"""'Our paper introduces X' quoted in a survey: with no author names to give, it reads 'The paper introduces X',
not the stilted 'The authors' paper introduces X', and the checker still finds it in the abstract."""

from __future__ import annotations

import re

from reviewer.checker import ClaimChecker
from reviewer.models import Paper
from reviewer.survey.prose import author_label, third_person
from reviewer.textutil import split_sentences


def test_this_paper_reads_the_paper_and_is_still_supported(seed_papers: dict[str, Paper], checker: ClaimChecker) -> None:
    unnamed = 0
    for paper in seed_papers.values():
        for sentence in split_sentences(paper.abstract):
            m = re.match(r"(?:Our|This) (paper|work|study)\b", sentence)
            if not m:
                continue
            text = third_person(sentence, paper)
            assert not re.search(r"\bauthors' (?:paper|work|study)\b", text), (paper.key, text)
            if author_label(paper, sentence)[0].startswith("the authors"):
                unnamed += 1
                assert text.startswith(f"The {m.group(1)} "), (paper.key, text)
            assert checker.check(text, [paper]).label == "SUPPORTED", (paper.key, text)
    assert unnamed >= 10, unnamed
