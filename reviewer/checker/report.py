"""Check a finished text: every cited sentence of a report or answer against the abstracts it cites.

Used by `reviewer check` and by the citation eval (evals/citations.py), which adds the ALCE metrics:
- citation recall: share of cited sentences that their cited abstracts, read together, support;
- citation precision: share of citations that support their sentence on their own, or without which
  the remaining citations no longer support it (ALCE's "needed" test);
- invalid keys: share of cited keys that are not papers of the corpus.
"""

from __future__ import annotations

import html
import re

from pydantic import BaseModel, Field

from reviewer.catalog import Catalog
from reviewer.citations import cited_sentences
from reviewer.errors import NotFoundError
from reviewer.models import Paper
from reviewer.settings import Settings

# Sections of a report that list papers rather than state findings.
_NON_PROSE = re.compile(r"^#+\s*(references|bibliography|coverage|appendix|comparison)", re.IGNORECASE)


class CitationCheck(BaseModel):
    """One cited sentence: its keys, which of them are unknown, the verdict and the keys it needs."""

    sentence: str
    keys: list[str]
    invalid_keys: list[str] = Field(default_factory=list)
    label: str
    score: float
    supporting_keys: list[str] = Field(default_factory=list, description="Citations judged needed.")
    reasons: list[str] = Field(default_factory=list)


class CitationScores(BaseModel):
    """ALCE-style totals of one text (or, pooled, of many)."""

    sentences: int = 0
    cited_sentences: int = 0
    citations: int = 0
    citation_recall: float = 0.0
    citation_precision: float = 0.0
    invalid_key_share: float = 0.0
    supported: int = 0
    contradicted: int = 0
    unsupported: int = 0


class TextCheck(BaseModel):
    """Every cited sentence of one text (a report or an answer), checked."""

    source: str
    scores: CitationScores
    checks: list[CitationCheck] = Field(default_factory=list)


def prose_of_report(markdown: str) -> str:
    """The report body: headings, tables and the bibliography/appendix sections are left out."""
    keep: list[str] = []
    skipping = False
    for line in markdown.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            skipping = bool(_NON_PROSE.match(stripped))
            keep.append("")
            continue
        if skipping or stripped.startswith("|") or stripped.startswith(">"):
            continue
        keep.append(_plain(re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line)))
    return "\n".join(keep)


def _plain(line: str) -> str:
    """Undo the report's Markdown escaping ('K&amp;K', '\\*'), so a sentence is checked as the abstract has it;
    citation groups ('[@key]') are written unescaped and stay as they are."""
    line = re.sub(r"\\([\\`*_~|$#>+=\-.)])", r"\1", line)
    return html.unescape(line)


def check_text(text: str, settings: Settings, source: str = "text", checker: object | None = None) -> TextCheck:
    """Check every cited sentence of `text` against the abstracts it cites."""
    from reviewer.checker import ClaimChecker

    checker = checker or ClaimChecker(settings)
    sentences = [s for block in re.split(r"\n\s*\n", text) for s in cited_sentences(block) if s.text.strip()]
    checks: list[CitationCheck] = []
    n_citations = n_invalid = needed = 0
    with Catalog(settings.catalog_path) as catalog:
        for sent in sentences:
            if not sent.keys:
                continue
            papers: list[Paper] = []
            invalid: list[str] = []
            for key in sent.keys:
                try:
                    papers.append(catalog.resolve(key))
                except NotFoundError:
                    invalid.append(key)
            n_citations += len(sent.keys)
            n_invalid += len(invalid)
            if not papers:
                checks.append(CitationCheck(sentence=sent.text, keys=sent.keys, invalid_keys=invalid,
                                            label="UNSUPPORTED", score=0.0, reasons=["no valid citation"]))
                continue
            verdict = checker.check(sent.text, papers)  # type: ignore[attr-defined]
            supporting = _needed(checker, sent.text, papers, verdict.label == "SUPPORTED")
            needed += len(supporting)
            checks.append(CitationCheck(sentence=sent.text, keys=sent.keys, invalid_keys=invalid,
                                        label=verdict.label, score=round(verdict.score, 3),
                                        supporting_keys=supporting, reasons=verdict.reasons[:3]))
    cited = len(checks)
    scores = CitationScores(
        sentences=len(sentences),
        cited_sentences=cited,
        citations=n_citations,
        citation_recall=round(sum(c.label == "SUPPORTED" for c in checks) / cited, 4) if cited else 0.0,
        citation_precision=round(needed / n_citations, 4) if n_citations else 0.0,
        invalid_key_share=round(n_invalid / n_citations, 4) if n_citations else 0.0,
        supported=sum(c.label == "SUPPORTED" for c in checks),
        contradicted=sum(c.label == "CONTRADICTED" for c in checks),
        unsupported=sum(c.label == "UNSUPPORTED" for c in checks),
    )
    return TextCheck(source=source, scores=scores, checks=checks)


def _needed(checker: object, sentence: str, papers: list[Paper], together: bool) -> list[str]:
    """Keys that support the sentence alone, or whose removal breaks the joint support."""
    if len(papers) == 1:
        return [papers[0].key] if together else []
    alone = checker.check_each(sentence, papers)  # type: ignore[attr-defined]
    keys = []
    for i, (paper, verdict) in enumerate(zip(papers, alone, strict=True)):
        if verdict.label == "SUPPORTED":
            keys.append(paper.key)
        elif together:
            rest = papers[:i] + papers[i + 1 :]
            if checker.check(sentence, rest).label != "SUPPORTED":  # type: ignore[attr-defined]
                keys.append(paper.key)
    return keys
