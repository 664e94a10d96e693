"""Citation quality of generated text, ALCE-style, judged by the pipeline's own ClaimChecker.

The per-text check lives in reviewer/checker/report.py (the `check` command uses it too); this module
adds the fixed question/topic sets, the misattribution control and the pooled scores.

- citation recall: share of cited sentences that their cited abstracts, read together, support;
- citation precision: share of citations that support their sentence on their own, or without which
  the remaining citations no longer support it (ALCE's "needed" test);
- invalid keys: share of cited keys that are not papers of the corpus.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field

from reviewer.catalog import Catalog
from reviewer.checker.report import CitationCheck, CitationScores, TextCheck, check_text, prose_of_report
from reviewer.settings import Settings

TOPICS = Path(__file__).resolve().parent / "datasets" / "seed_topics.json"


def misattributed(item: TextCheck, settings: Settings, checker: object) -> list[CitationCheck]:
    """The instrument's control: each cited sentence re-checked against another paper that the same
    answer or report cites (on topic, but not the source). Its recall should be far below the real one."""
    checks = [c for c in item.checks if not c.invalid_keys]
    out: list[CitationCheck] = []
    with Catalog(settings.catalog_path) as catalog:
        for i, c in enumerate(checks):
            other = next((o for o in checks[i + 1 :] + checks[:i] if not set(o.keys) & set(c.keys)), None)
            if other is None:
                continue
            papers = [catalog.resolve(k) for k in other.keys]
            verdict = checker.check(c.sentence, papers)  # type: ignore[attr-defined]
            out.append(CitationCheck(sentence=c.sentence, keys=other.keys, label=verdict.label,
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
    from reviewer.ask.answer import answer_question
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
