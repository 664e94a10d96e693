"""The survey runner: scope -> evidence -> outline -> sections -> check -> report.

Every stage is a module of this package with `run(ctx, previous) -> StageOutput`; its output is saved
as `<stage>.json` in a run directory named after the topic and a hash of the options, so an
interrupted run resumes from the last saved stage (`fresh=True` recomputes). The runner owns the one
LLM -> offline fallback: a stage whose LLM call fails is rerun without the LLM and says why.
"""

from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from reviewer.errors import BudgetExceeded, LLMError
from reviewer.progress import status
from reviewer.retrieve import Filters
from reviewer.settings import Settings
from reviewer.survey import check, evidence, outline, report, scope, sections
from reviewer.survey.context import Previous, SurveyContext
from reviewer.survey.types import (
    CheckResult,
    Drafts,
    EvidenceResult,
    Outline,
    ScopeResult,
    StageOutput,
    SurveyOptions,
    SurveyReport,
)
from reviewer.textutil import atomic_write_text, normalize

if TYPE_CHECKING:
    from reviewer.llm.client import LLMClient
    from reviewer.retrieve import HybridRetriever

# Stage name == module name == saved JSON file name; the order is the chain's.
STAGE_MODULES: dict[str, tuple[ModuleType, type[BaseModel]]] = {
    "scope": (scope, ScopeResult),
    "evidence": (evidence, EvidenceResult),
    "outline": (outline, Outline),
    "sections": (sections, Drafts),
    "check": (check, CheckResult),
    "report": (report, SurveyReport),
}
STAGES = tuple(STAGE_MODULES)


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


def _fallback(stage: str, exc: Exception) -> str:
    message = exc.message if isinstance(exc, LLMError | BudgetExceeded) else str(exc)
    return f"{stage}: LLM failed ({type(exc).__name__}: {message}); used the offline path"


class _Runner:
    """Load a stage's saved JSON or compute and save it; once one stage recomputes, all later ones do."""

    def __init__(self, ctx: SurveyContext, run_dir: Path, fresh: bool) -> None:
        self.ctx, self.run_dir, self.fresh = ctx, run_dir, fresh
        self.loaded: list[str] = []
        self.computed: list[str] = []

    def stage(self, name: str, previous: Previous) -> BaseModel:
        module, schema = STAGE_MODULES[name]
        step = f"[{STAGES.index(name) + 1}/{len(STAGES)}] {name}"
        path = self.run_dir / f"{name}.json"
        if not self.fresh and path.exists():
            try:
                value = schema.model_validate_json(path.read_text(encoding="utf-8"))
                self.loaded.append(name)
                status(f"{step}: resumed from {path}", self.ctx.quiet)
                return value
            except (ValidationError, ValueError, OSError):
                status(f"{step}: saved stage unreadable, recomputing", self.ctx.quiet)
        status(f"{step} …", self.ctx.quiet)
        started = time.monotonic()
        value = self._compute(name, module, previous)
        if isinstance(value, StageOutput):
            value.info.seconds = round(time.monotonic() - started, 3)
        atomic_write_text(path, value.model_dump_json(indent=1))
        self.fresh = True  # later stages depend on this one
        self.computed.append(name)
        return value

    def _compute(self, name: str, module: ModuleType, previous: Previous) -> BaseModel:
        try:
            return module.run(self.ctx, previous)
        except (LLMError, BudgetExceeded) as exc:
            if self.ctx.llm is None:
                raise
            value = module.run(self.ctx.offline(), previous)
            if isinstance(value, StageOutput):
                value.info.reason = _fallback(name, exc)
            return value


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
    from reviewer.ingest.pipeline import corpus_version
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
    ctx = SurveyContext(options=options, settings=settings, filters=filters, llm=llm if use_llm else None,
                        quiet=quiet, _retriever=retriever)
    runner = _Runner(ctx, run_dir, fresh)
    previous = Previous()
    for name in STAGES[:-1]:
        setattr(previous, name, runner.stage(name, previous))
        if name == "scope":
            ctx.papers = {r.paper.key: r.paper for r in previous.need_scope().papers}
    final = runner.stage("report", previous)
    assert isinstance(final, SurveyReport)
    return SurveyRun(report=final, run_dir=run_dir, loaded=runner.loaded, computed=runner.computed)
