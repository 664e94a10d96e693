"""Seed abstracts looked up by a sentence they contain: the checker tests quote real seed text."""

from __future__ import annotations

from functools import lru_cache

from evals.seed_claims import seed_papers_by_title
from reviewer.ask.lead import Scored
from reviewer.checker import ClaimChecker
from reviewer.models import EvidenceSentence, Paper
from reviewer.roles import sentence_roles
from reviewer.textutil import split_sentences


@lru_cache(maxsize=1)
def _papers() -> tuple[Paper, ...]:
    return tuple(seed_papers_by_title().values())


def paper_with(fragment: str) -> Paper:
    """The one seed paper whose abstract contains the fragment (a test quoting a changed sentence fails here)."""
    found = [p for p in _papers() if fragment in p.abstract]
    assert len(found) == 1, (len(found), fragment)
    return found[0]


def sentence_with(fragment: str) -> str:
    """The whole seed sentence that contains the fragment (the evidence a checker test quotes)."""
    return next(s for s in split_sentences(paper_with(fragment).abstract) if fragment in s)


def assert_contradicted_twin(checker: ClaimChecker, fragment: str, contradicted: str, faithful: str) -> None:
    """A contradicted claim about the seed sentence holding `fragment` is caught, and its faithful twin is not
    (a rule that fires on both would pass the first half alone)."""
    paper = paper_with(fragment)
    assert checker.check(contradicted, [paper]).label == "CONTRADICTED", contradicted
    assert checker.check(faithful, [paper]).label != "CONTRADICTED", faithful


def scored(fragment: str, score: float) -> Scored:
    """The seed sentence containing `fragment`, scored as given (its index and role in its abstract kept): the
    ask lead rules are tested on real sentences at the scores the ranker gives them."""
    paper = paper_with(fragment)
    sentences = split_sentences(paper.abstract)
    index = next(i for i, s in enumerate(sentences) if fragment in s)
    ev = EvidenceSentence(paper_id=paper.id, key=paper.key, index=index, text=sentences[index], score=score,
                          similarity=score)
    return Scored(ev=ev, role=sentence_roles(sentences)[index], score=score)
