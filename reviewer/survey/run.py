"""The survey chain: scope -> evidence -> outline -> sections -> check -> report.

Each stage's output is saved as JSON in a run directory named after the topic and a hash of the
options, so an interrupted run resumes from the last saved stage (`fresh=True` recomputes). A stage
whose LLM call fails takes its offline path and the report says which stage fell back and why.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from reviewer.errors import BudgetExceeded, LLMError
from reviewer.models import Paper
from reviewer.progress import status
from reviewer.retrieve import Filters
from reviewer.settings import Settings
from reviewer.survey.models import (
    CheckResult,
    CheckTotals,
    Coverage,
    Drafts,
    EvidenceResult,
    Outline,
    ScopeResult,
    StageInfo,
    StageOutput,
    SurveyOptions,
    SurveyReport,
    WeakPaper,
)
from reviewer.textutil import atomic_write_text, normalize

if TYPE_CHECKING:
    from reviewer.llm.client import LLMClient
    from reviewer.retrieve import HybridRetriever

S = TypeVar("S", bound=BaseModel)
STAGES = ("scope", "evidence", "outline", "sections", "check", "report")
THIN_SECTION_PAPERS = 2


class SurveyRun(BaseModel):
    """A finished run: the report, where its stages live, and which stages were loaded vs computed."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    report: SurveyReport
    run_dir: Path
    loaded: list[str] = Field(default_factory=list)
    computed: list[str] = Field(default_factory=list)


def run_dir_for(options: SurveyOptions, runs_dir: Path) -> Path:
    """`<slug-of-topic>-<hash of topic + options>`: the same request always maps to the same directory."""
    slug = re.sub(r"[^a-z0-9]+", "-", normalize(options.topic)).strip("-")[:48].strip("-") or "survey"
    digest = hashlib.sha1(options.model_dump_json().encode()).hexdigest()[:8]
    return runs_dir / f"{slug}-{digest}"


class _Stages:
    """Load a stage's saved JSON or compute and save it; once one stage recomputes, all later ones do."""

    def __init__(self, run_dir: Path, fresh: bool, quiet: bool | None) -> None:
        self.run_dir, self.fresh, self.quiet = run_dir, fresh, quiet
        self.loaded: list[str] = []
        self.computed: list[str] = []

    def get(self, name: str, schema: type[S], compute: Callable[[], S]) -> S:
        step = f"[{STAGES.index(name) + 1}/{len(STAGES)}] {name}"
        path = self.run_dir / f"{name}.json"
        if not self.fresh and path.exists():
            try:
                value = schema.model_validate_json(path.read_text(encoding="utf-8"))
                self.loaded.append(name)
                status(f"{step}: resumed from {path}", self.quiet)
                return value
            except (ValidationError, ValueError, OSError):
                status(f"{step}: saved stage unreadable, recomputing", self.quiet)
        status(f"{step} …", self.quiet)
        started = time.monotonic()
        value = compute()
        if isinstance(value, StageOutput):
            value.info.seconds = round(time.monotonic() - started, 3)
        atomic_write_text(path, value.model_dump_json(indent=1))
        self.fresh = True  # later stages depend on this one
        self.computed.append(name)
        return value


def _fallback(stage: str, exc: Exception) -> str:
    message = exc.message if isinstance(exc, LLMError | BudgetExceeded) else str(exc)
    return f"{stage}: LLM failed ({type(exc).__name__}: {message}); used the offline path"


def run_survey(
    topic: str,
    settings: Settings,
    *,
    max_papers: int | None = None,
    filters: Filters | None = None,
    llm: LLMClient | None = None,
    offline: bool = False,
    fresh: bool = False,
    quiet: bool | None = None,
    retriever: HybridRetriever | None = None,
    runs_dir: Path | None = None,
    max_calls: int | None = None,
    max_cost: float | None = None,
) -> SurveyRun:
    """Run (or resume) a survey and save every stage under the run directory."""
    from reviewer.corpus import corpus_version
    from reviewer.services import make_llm

    filters = filters or Filters()
    use_llm = not offline and (llm is not None or settings.llm_enabled)
    options = SurveyOptions(
        topic=topic.strip(), max_papers=max_papers or settings.survey_max_papers,
        year_min=filters.year_min, year_max=filters.year_max, source=filters.source,
        llm_model=(llm.model_name if llm is not None else settings.llm_model) if use_llm else None,
        corpus_version=corpus_version(settings, quiet, retriever.catalog if retriever is not None else None),
    )
    run_dir = run_dir_for(options, runs_dir or settings.runs_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    if fresh:  # a rerun is a new run: its costs and its finished report start from nothing
        (run_dir / "report.json").unlink(missing_ok=True)
        if (run_dir / "ledger.jsonl").exists():
            (run_dir / "ledger.jsonl").rename(run_dir / f"ledger-{time.strftime('%Y%m%d-%H%M%S')}-{time.time_ns()}.jsonl")
    atomic_write_text(run_dir / "options.json", options.model_dump_json(indent=1))
    if use_llm and llm is None:
        llm = make_llm(settings, ledger_path=run_dir / "ledger.jsonl", max_calls=max_calls, max_cost=max_cost)
    if not use_llm:
        llm = None
    stages = _Stages(run_dir, fresh, quiet)
    chain = _Chain(options, settings, llm, filters, retriever, quiet)
    scope = stages.get("scope", ScopeResult, chain.scope)
    chain.papers = {r.paper.key: r.paper for r in scope.papers}
    evidence = stages.get("evidence", EvidenceResult, lambda: chain.evidence(scope))
    outline = stages.get("outline", Outline, lambda: chain.outline(evidence))
    drafts = stages.get("sections", Drafts, lambda: chain.sections(outline, evidence))
    checked = stages.get("check", CheckResult, lambda: chain.check(drafts))
    report = stages.get("report", SurveyReport,
                        lambda: assemble_report(options, scope, evidence, outline, drafts, checked, chain.papers,
                                                settings))
    return SurveyRun(report=report, run_dir=run_dir, loaded=stages.loaded, computed=stages.computed)


class _Chain:
    """The stage computations, each with its LLM path and offline fallback."""

    def __init__(self, options: SurveyOptions, settings: Settings, llm: LLMClient | None, filters: Filters,
                 retriever: HybridRetriever | None, quiet: bool | None) -> None:
        self.options, self.settings, self.llm, self.filters = options, settings, llm, filters
        self._retriever, self.quiet = retriever, quiet
        self.papers: dict[str, Paper] = {}

    @property
    def retriever(self) -> HybridRetriever:
        if self._retriever is None:
            from reviewer.services import open_retriever

            self._retriever = open_retriever(self.settings, quiet=self.quiet)
        return self._retriever

    def scope(self) -> ScopeResult:
        from reviewer.survey.scope import TOPIC_WEIGHT, llm_queries, offline_queries, pool, topic_acronyms

        topic, info = self.options.topic, StageInfo(stage="scope")
        queries: list[str] | None = None
        weights: list[float] | None = None
        if self.llm is not None:
            try:
                queries, info = llm_queries(topic, self.llm), StageInfo(stage="scope", mode="llm")
            except (LLMError, BudgetExceeded) as exc:
                info = StageInfo(stage="scope", reason=_fallback("scope", exc))
        if queries is None:
            queries, weights = offline_queries(topic, self.retriever, self.filters)
        weights = weights or [TOPIC_WEIGHT] + [1.0] * (len(queries) - 1)
        found = pool(queries, self.retriever, self.settings, self.options.max_papers, self.filters, weights)
        acronyms = topic_acronyms(topic, self.retriever, self.filters)
        return ScopeResult(info=info, topic=topic, queries=queries, weights=weights, papers=found, acronyms=acronyms)

    def evidence(self, scope: ScopeResult) -> EvidenceResult:
        from reviewer.survey.gather import llm_evidence, offline_evidence

        result = offline_evidence(scope.topic, scope.queries, scope.papers, self.settings, scope.acronyms)
        if self.llm is not None and result.papers:
            result = llm_evidence(scope.topic, result, self.papers, self.llm, self.settings.evidence_batch_size)
        return result

    def outline(self, evidence: EvidenceResult) -> Outline:
        from reviewer.survey.outline import MIN_K, llm_outline, offline_outline

        reason = None
        if self.llm is not None and len(evidence.papers) >= 2 * MIN_K:
            try:
                return llm_outline(self.options.topic, evidence, self.papers, self.llm)
            except (LLMError, BudgetExceeded) as exc:
                reason = _fallback("outline", exc)
        elif self.llm is not None:
            reason = f"only {len(evidence.papers)} on-topic papers: too few for an LLM outline of 3+ themes"
        stored = self.retriever.store.vectors([self.papers[e.key].id for e in evidence.papers])
        result = offline_outline(self.options.topic, evidence, self.papers, self.settings, stored)
        result.info.reason = reason
        return result

    def sections(self, outline: Outline, evidence: EvidenceResult) -> Drafts:
        from reviewer.survey.sections import llm_sections, offline_sections

        if self.llm is not None:
            return llm_sections(self.options.topic, outline, evidence, self.papers, self.settings, self.llm)
        return offline_sections(outline, evidence, self.papers, self.settings)

    def check(self, drafts: Drafts) -> CheckResult:
        from reviewer.survey.check import SectionChecker

        return SectionChecker(self.settings, self.papers, self.llm).run(drafts)


def assemble_report(
    options: SurveyOptions,
    scope: ScopeResult,
    evidence: EvidenceResult,
    outline: Outline,
    drafts: Drafts,
    checked: CheckResult,
    papers: dict[str, Paper],
    settings: Settings,
) -> SurveyReport:
    """Bibliography of exactly the cited papers, their table rows, and the coverage appendix."""
    from reviewer.survey.render import bibliography
    from reviewer.survey.table import offline_row
    from reviewer.survey.themes import MIN_K

    kept = [s for s in checked.sections if s.paragraphs]
    bib = bibliography(kept, papers)
    cited = {b.key for b in bib}
    rows = {e.key: e.row for e in evidence.papers}
    table = [rows.get(b.key) or offline_row(papers[b.key]) for b in bib]
    where = {k: s.title for s in outline.sections for k in s.keys}
    weak_keys = {w.key for w in outline.not_covered}
    uncited = [
        WeakPaper(key=e.key, title=papers[e.key].title,
                  reason=f"in “{where[e.key]}” but none of its sentences passed the checker" if e.key in where
                  else "not placed in a theme")
        for e in evidence.papers
        if e.key not in cited and e.key not in weak_keys
    ]
    thin = [s.title + " (no sentence survived the checker)" for s in checked.sections if not s.paragraphs]
    thin += [s.title for s in kept if len(s.cited_keys) < THIN_SECTION_PAPERS]
    dropped = [c for s in checked.sections for c in s.checks if c.action == "dropped"]
    top = max((e.relevance for e in evidence.papers), default=0.0)
    notes = []
    if evidence.dropped_quotes:
        notes.append(f"{len(evidence.dropped_quotes)} LLM quotes or table spans failed verification and were dropped")
    coverage = Coverage(
        queries=scope.queries, retrieved=len(scope.papers), uncited=uncited, weak=outline.not_covered,
        thin_sections=thin, dropped=dropped, notes=notes,
        thin_topic=len(evidence.papers) < 2 * MIN_K or top < settings.min_evidence_score or len(kept) == 0,
    )
    totals = CheckTotals()
    for s in checked.sections:
        totals.kept += s.count("kept")
        totals.rewritten += s.count("rewritten")
        totals.dropped += s.count("dropped")
        totals.framing += s.count("framing")
    stages = [scope.info, evidence.info, outline.info, drafts.info, checked.info]
    return SurveyReport(topic=options.topic, options=options, sections=kept, table=table, bibliography=bib,
                        coverage=coverage, stages=stages, totals=totals)

