"""A paper's first quote in a section stands alone: no early 'this phenomena' pointing at an unseen sentence."""

from __future__ import annotations

from reviewer.models import EvidenceSentence, Paper
from reviewer.survey.sections import lead_sentence
from reviewer.textutil import split_sentences


def _ranked(paper: Paper, first: str) -> list[EvidenceSentence]:
    """The abstract's sentences, the one opening with `first` ranked best, the rest in abstract order."""
    sentences = split_sentences(paper.abstract)
    top = next(i for i, s in enumerate(sentences) if s.startswith(first))
    order = [top] + [i for i in range(len(sentences)) if i != top]
    return [EvidenceSentence(paper_id=str(paper.id), key=paper.key, index=i, text=sentences[i], score=1.0 - n / 100)
            for n, i in enumerate(order)]


def test_first_quote_does_not_point_back(seed_papers: dict[str, Paper]) -> None:
    """Ranked first, 'Our subsequent analysis identifies ... biases that explain this phenomena' (the fresh-set
    survey's first quote of the paper) gives way to the paper's next sentence that stands alone; a best sentence
    that stands alone stays first."""
    paper = seed_papers["peeringpreferences"]
    lead = lead_sentence(_ranked(paper, "Our subsequent analysis"))
    assert not lead.text.startswith("Our subsequent analysis"), lead.text
    assert "this phenomena" not in lead.text
    drpo = seed_papers["drpoefficient"]
    first = split_sentences(drpo.abstract)[0]
    assert lead_sentence(_ranked(drpo, first[:20])).text == first
