"""What every survey stage receives: the request, the services it may use, and earlier stages' outputs.

Every stage module (scope, evidence, outline, sections, check, report) exposes
`run(ctx: SurveyContext, previous: Previous) -> StageOutput`; the runner (run.py) owns caching, resume
and the single LLM -> offline fallback, so a stage only says how it computes its output.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from reviewer.models import Paper
from reviewer.retrieve import Filters
from reviewer.settings import Settings
from reviewer.survey.types import (
    CheckResult,
    Drafts,
    EvidenceResult,
    Outline,
    ScopeResult,
    SurveyOptions,
)

if TYPE_CHECKING:
    from reviewer.llm.client import LLMClient
    from reviewer.retrieve import HybridRetriever


@dataclass
class SurveyContext:
    """The topic, settings, retriever (opened on first use), the LLM or None, and the pooled papers by key."""

    options: SurveyOptions
    settings: Settings
    filters: Filters = field(default_factory=Filters)
    llm: LLMClient | None = None
    quiet: bool | None = None
    papers: dict[str, Paper] = field(default_factory=dict)
    _retriever: HybridRetriever | None = None

    @property
    def topic(self) -> str:
        return self.options.topic

    @property
    def retriever(self) -> HybridRetriever:
        if self._retriever is None:
            from reviewer.services import open_retriever

            self._retriever = open_retriever(self.settings, quiet=self.quiet)
        return self._retriever

    def offline(self) -> SurveyContext:
        """The same context without the LLM: what a stage reruns with after an LLM failure."""
        return replace(self, llm=None)


@dataclass
class Previous:
    """Outputs of the stages that already ran, in chain order; a stage reads only what it needs."""

    scope: ScopeResult | None = None
    evidence: EvidenceResult | None = None
    outline: Outline | None = None
    sections: Drafts | None = None
    check: CheckResult | None = None

    def need_scope(self) -> ScopeResult:
        assert self.scope is not None, "the scope stage runs first"
        return self.scope

    def need_evidence(self) -> EvidenceResult:
        assert self.evidence is not None, "the evidence stage runs before this one"
        return self.evidence

    def need_outline(self) -> Outline:
        assert self.outline is not None, "the outline stage runs before this one"
        return self.outline

    def need_sections(self) -> Drafts:
        assert self.sections is not None, "the sections stage runs before this one"
        return self.sections

    def need_check(self) -> CheckResult:
        assert self.check is not None, "the check stage runs before this one"
        return self.check
