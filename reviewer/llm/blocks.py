"""The text blocks prompts show papers in, next to the prompt loader so every format lives in one place.

`[@key] Title (year)` heads each paper with the only key it may be cited with; `(sN)` numbers the
abstract's sentences so a model can quote by index. Fakes in tests/fakes.py parse this format back.
"""

from __future__ import annotations

from reviewer.models import EvidenceSentence, Paper
from reviewer.textutil import split_sentences


def _paper_block(paper: Paper, sentences: list[tuple[int, str]]) -> str:
    lines = "\n".join(f"  (s{i}) {text}" for i, text in sentences)
    return f"[@{paper.key}] {paper.title} ({paper.year or 'n.d.'})\n{lines}"


def evidence_block(papers: list[Paper], evidence: list[EvidenceSentence]) -> str:
    """Selected evidence grouped by paper (papers without evidence are left out), sentences in source order."""
    by_paper: dict[str, list[EvidenceSentence]] = {}
    for ev in evidence:
        by_paper.setdefault(ev.paper_id, []).append(ev)
    blocks = []
    for paper in papers:
        sentences = sorted(by_paper.get(paper.id, []), key=lambda e: e.index)
        if sentences:
            blocks.append(_paper_block(paper, [(e.index, e.text) for e in sentences]))
    return "\n\n".join(blocks)


def papers_block(papers: list[Paper]) -> str:
    """Each paper's whole abstract, sentence by sentence, under the only key it may be cited with."""
    return "\n\n".join(_paper_block(p, list(enumerate(split_sentences(p.abstract)))) for p in papers)


def abstracts_block(papers: list[Paper]) -> str:
    """Whole abstracts as running text under `[key] Title` (the judge reads them as prose)."""
    return "\n\n".join(f"[{p.key}] {p.title}\n{p.abstract}" for p in papers)
