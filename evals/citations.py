"""Citation quality of generated text, ALCE-style, judged by the pipeline's own ClaimChecker.

- citation recall: share of cited sentences that their cited abstracts, read together, support;
- citation precision: share of citations that support their sentence on their own, or without which
  the remaining citations no longer support it (ALCE's "needed" test);
- invalid keys: share of cited keys that are not papers of the corpus.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import BaseModel, Field

from reviewer.catalog import Catalog
from reviewer.citations import cited_sentences
from reviewer.errors import NotFoundError
from reviewer.models import Paper
from reviewer.settings import Settings

TOPICS = Path(__file__).resolve().parent / "datasets" / "seed_topics.json"
# Sections of a report that list papers rather than state findings.
_NON_PROSE = re.compile(r"^#+\s*(references|bibliography|coverage|appendix|comparison)", re.IGNORECASE)


class SentenceCheck(BaseModel):
    sentence: str
    keys: list[str]
    invalid_keys: list[str] = Field(default_factory=list)
    label: str
    score: float
    supporting_keys: list[str] = Field(default_factory=list, description="Citations judged needed.")
    reasons: list[str] = Field(default_factory=list)


class CitationScores(BaseModel):
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
    source: str
    scores: CitationScores
    checks: list[SentenceCheck] = Field(default_factory=list)


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
        keep.append(re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line))
    return "\n".join(keep)


def check_text(text: str, settings: Settings, source: str = "text", checker: object | None = None) -> TextCheck:
    """Check every cited sentence of `text` against the abstracts it cites."""
    from reviewer.checker import ClaimChecker

    checker = checker or ClaimChecker(settings)
    sentences = [s for block in re.split(r"\n\s*\n", text) for s in cited_sentences(block) if s.text.strip()]
    checks: list[SentenceCheck] = []
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
                checks.append(SentenceCheck(sentence=sent.text, keys=sent.keys, invalid_keys=invalid,
                                            label="UNSUPPORTED", score=0.0, reasons=["no valid citation"]))
                continue
            verdict = checker.check(sent.text, papers)  # type: ignore[attr-defined]
            supporting = _needed(checker, sent.text, papers, verdict.label == "SUPPORTED")
            needed += len(supporting)
            checks.append(SentenceCheck(sentence=sent.text, keys=sent.keys, invalid_keys=invalid,
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


def misattributed(item: TextCheck, settings: Settings, checker: object) -> list[SentenceCheck]:
    """The instrument's control: each cited sentence re-checked against another paper that the same
    answer or report cites (on topic, but not the source). Its recall should be far below the real one."""
    checks = [c for c in item.checks if not c.invalid_keys]
    out: list[SentenceCheck] = []
    with Catalog(settings.catalog_path) as catalog:
        for i, c in enumerate(checks):
            other = next((o for o in checks[i + 1 :] + checks[:i] if not set(o.keys) & set(c.keys)), None)
            if other is None:
                continue
            papers = [catalog.resolve(k) for k in other.keys]
            verdict = checker.check(c.sentence, papers)  # type: ignore[attr-defined]
            out.append(SentenceCheck(sentence=c.sentence, keys=other.keys, label=verdict.label,
                                     score=round(verdict.score, 3), reasons=verdict.reasons[:1]))
    return out


class CitationEvalResult(BaseModel):
    corpus: str = "seeds"
    mode: str
    ask: CitationScores
    survey: CitationScores
    control_recall: float = Field(description="Citation recall of the same sentences citing another paper of the "
                                  "same output (misattribution control; lower = the checker catches it).")
    control_sentences: int = 0
    per_item: list[TextCheck] = Field(default_factory=list)


def _pool(items: list[TextCheck]) -> CitationScores:
    checks = [c for item in items for c in item.checks]
    citations = sum(len(c.keys) for c in checks)
    return CitationScores(
        sentences=sum(i.scores.sentences for i in items),
        cited_sentences=len(checks),
        citations=citations,
        citation_recall=round(sum(c.label == "SUPPORTED" for c in checks) / len(checks), 4) if checks else 0.0,
        citation_precision=round(sum(len(c.supporting_keys) for c in checks) / citations, 4) if citations else 0.0,
        invalid_key_share=round(sum(len(c.invalid_keys) for c in checks) / citations, 4) if citations else 0.0,
        supported=sum(c.label == "SUPPORTED" for c in checks),
        contradicted=sum(c.label == "CONTRADICTED" for c in checks),
        unsupported=sum(c.label == "UNSUPPORTED" for c in checks),
    )


def run_citation_eval(settings: Settings, topics_file: Path = TOPICS, quiet: bool | None = True,
                      limit: int | None = None) -> CitationEvalResult:
    """Answer the fixed questions and write the fixed surveys over the seeds, then check their citations."""
    from reviewer.answer import answer_question
    from reviewer.services import make_llm, open_retriever
    from reviewer.survey.report import render_markdown
    from reviewer.survey.run import run_survey

    topics = json.loads(topics_file.read_text(encoding="utf-8"))
    questions = topics["questions"][:limit]
    surveys = topics["surveys"][:limit]
    retriever = open_retriever(settings, quiet)
    llm = make_llm(settings)
    asks = [check_text(answer_question(q, settings, retriever, llm=llm).answer, settings, source=f"ask: {q}")
            for q in questions]
    reports = []
    for topic in surveys:
        run = run_survey(topic, settings, retriever=retriever, llm=llm, quiet=quiet)
        markdown = render_markdown(run.report)
        reports.append(check_text(prose_of_report(markdown), settings, source=f"survey: {topic}"))
    from reviewer.checker import ClaimChecker

    checker = ClaimChecker(settings)
    control = [c for item in asks + reports for c in misattributed(item, settings, checker)]
    control_recall = sum(c.label == "SUPPORTED" for c in control) / len(control) if control else 0.0
    return CitationEvalResult(mode="llm" if llm else "offline", ask=_pool(asks), survey=_pool(reports),
                              control_recall=round(control_recall, 4), control_sentences=len(control),
                              per_item=asks + reports)
