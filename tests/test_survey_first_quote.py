"""A paper's first quote in a section stands alone: no early 'this phenomena' pointing at an unseen sentence."""

from __future__ import annotations

from reviewer.models import EvidenceSentence, Paper
from reviewer.settings import Settings
from reviewer.survey.openfit import points_back
from reviewer.survey.sections import _select, lead_sentence
from reviewer.survey.types import EvidenceResult, PaperEvidence, Section, StageInfo, TableRow
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


def test_no_extra_before_the_lead_points_back(seed_papers: dict[str, Paper], settings: Settings) -> None:
    """The blind-topic survey quoted 'We identify that this failure stems from ...' first for this paper: it was
    an extra quote whose index precedes the lead's. With every abstract sentence as evidence, the one ranked
    best first, the sentences the section prints for the paper never open with an early pointer back."""
    paper = seed_papers["theirown"]
    sentences = split_sentences(paper.abstract)
    ranked = [EvidenceSentence(paper_id=str(paper.id), key=paper.key, index=i, text=s, score=1.0 - abs(i - 1) / 10)
              for i, s in enumerate(sentences)]
    result = EvidenceResult(info=StageInfo(stage="evidence"), papers=[PaperEvidence(
        key=paper.key, paper_id=str(paper.id), relevance=1.0, sentences=ranked, row=TableRow(key=paper.key))])
    chosen = _select(Section(title="t", scope="s", keys=[paper.key]), result, settings)[paper.key]
    assert not points_back(chosen[0].text), [s.text for s in chosen]


def test_a_dropped_marker_does_not_count(seed_papers: dict[str, Paper]) -> None:
    """'To address these limitations, we propose Reason-RFT, ...' prints as 'The authors propose Reason-RFT, ...' (the writer
    drops the marker), so ranked first it stays the paper's lead; only what is printed can point back."""
    paper = seed_papers["reasonrft"]
    first = next(s for s in split_sentences(paper.abstract) if "we propose Reason-RFT" in s)
    assert lead_sentence(_ranked(paper, first[:25])).text == first
