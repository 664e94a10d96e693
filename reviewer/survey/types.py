"""Typed outputs of every survey stage; each one is saved as JSON in the run directory so runs resume."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import ClassVar, Literal

from pydantic import AliasChoices, BaseModel, Field, field_validator, model_validator

from reviewer.models import EvidenceSentence, Paper

Mode = Literal["llm", "offline", "mixed", "skipped"]
Action = Literal["kept", "rewritten", "dropped", "framing"]


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


class SurveyOptions(BaseModel):
    """Everything that changes a survey's result; hashed into the run directory name."""

    topic: str
    max_papers: int = 40
    year_min: int | None = None
    year_max: int | None = None
    source: str | None = None
    llm_model: str | None = Field(default=None, description="Chat model name, or None for offline runs.")
    corpus_version: str | None = Field(default=None, description="Catalogue version: new papers mean a new run.")


class StageInfo(BaseModel):
    """How a stage ran: with the LLM, offline, or offline after an LLM failure (`reason`)."""

    stage: str
    mode: Mode = "offline"
    reason: str | None = None
    computed_at: str = Field(default_factory=now_iso)
    seconds: float = 0.0


class StageOutput(BaseModel):
    """Base of every saved stage: carries its StageInfo."""

    info: StageInfo


# ---- 1. scope & retrieve -------------------------------------------------------------------------


class ScopeReply(BaseModel):
    """LLM reply: 3-5 focused search queries that together cover the survey topic."""

    queries: list[str] = Field(description="3 to 5 short search queries, each a distinct facet of the topic.")

    @field_validator("queries")
    @classmethod
    def _three_to_five(cls, value: list[str]) -> list[str]:
        cleaned = list(dict.fromkeys(q.strip() for q in value if q and q.strip()))
        if not 3 <= len(cleaned) <= 5:
            raise ValueError(f"give 3 to 5 distinct non-empty queries, not {len(cleaned)}")
        return cleaned


class RetrievedPaper(BaseModel):
    paper: Paper
    score: float = Field(description="RRF score pooled across the sub-queries.")
    queries: list[int] = Field(default_factory=list, description="Indexes of the queries that found it.")


class Acronym(BaseModel):
    """A topic phrase and the acronym the corpus defines for it ('process reward models' -> 'PRM')."""

    phrase: str
    short: str

    def apply(self, text: str) -> str:
        return re.sub(re.escape(self.phrase), self.short, text, flags=re.IGNORECASE)


class ScopeResult(StageOutput):
    topic: str
    queries: list[str]
    weights: list[float] = Field(default_factory=list, description="RRF weight of each query.")
    acronyms: list[Acronym] = Field(default_factory=list)
    papers: list[RetrievedPaper]
    bridges: list[str] = Field(default_factory=list, description="Corpus terms nearest the topic, run as facets.")
    # Empty in runs saved before it existed, and when no query is the topic word for word: evidence then searches.
    topic_ranking: list[str] = Field(default_factory=list, description="Paper ids as the topic's own search ranks "
                                     "them (the pool's first query), for the evidence stage's search-top rule.")


# ---- 2. evidence ---------------------------------------------------------------------------------

class Cell(BaseModel):
    """A comparison-table cell: a span of the title or abstract (verified), or blank."""

    text: str = ""
    source: Literal["llm", "offline", "none"] = "none"


class TableRow(BaseModel):
    """Typed fields of one paper: its method's name, the task, the benchmarks it names, a headline result."""

    key: str
    method: Cell = Field(default_factory=Cell, description="Name of the method, system or resource.")
    task: Cell = Field(default_factory=Cell, description="The problem or task it addresses.")
    benchmarks: Cell = Field(default_factory=Cell, description="Benchmark and dataset names, comma-separated.")
    result: Cell = Field(default_factory=Cell, description="A headline result with its number and metric.")

    def cells(self) -> list[str]:
        return [self.method.text, self.task.text, self.benchmarks.text, self.result.text]

    def filled(self) -> int:
        return sum(1 for c in self.cells() if c.strip())

    def facts(self) -> int:
        """Filled cells that each say something of their own: a Benchmarks cell naming only the row's Method (a
        dataset paper's 'MAQA' in both) repeats it, so such a row holds one fact, not two. A row needs
        MIN_TABLE_FIELDS of these (report.table_groups); `filled` still counts the cells shown."""
        names = {n.strip().lower() for n in self.benchmarks.text.split(",") if n.strip()}
        repeats = bool(names) and names == {self.method.text.strip().lower()}
        return self.filled() - repeats


class PaperEvidence(BaseModel):
    """The verbatim abstract sentences of one paper that bear on the topic."""

    key: str
    paper_id: str
    relevance: float = Field(description="Best sentence score against the topic and sub-queries.")
    sentences: list[EvidenceSentence] = Field(default_factory=list)
    limitations: list[EvidenceSentence] = Field(default_factory=list, description="Own limitation/future-work sentences.")
    summary: str | None = Field(default=None, description="LLM summary; prompt input only, never printed.")
    llm_relevance: int | None = None
    row: TableRow


class WeakPaper(BaseModel):
    key: str
    title: str
    reason: str


class EvidenceResult(StageOutput):
    papers: list[PaperEvidence] = Field(description="Papers on topic, best first.")
    weak: list[WeakPaper] = Field(default_factory=list, description="Retrieved but weakly related.")
    threshold: float = Field(default=0.0, description="The absolute relevance floor.")
    gazetteer: list[str] = Field(default_factory=list, description="Benchmark/dataset names known for this pool.")
    dropped_quotes: list[str] = Field(default_factory=list, description="LLM quotes that failed verification.")


class PaperNote(BaseModel):
    """What the LLM says about one paper; every quote and cell is verified against the abstract."""

    key: str = Field(description="The paper's citation key, exactly as given.")
    relevance: int = Field(ge=0, le=3, description="0 unrelated, 1 tangential, 2 related, 3 central.")
    summary: str = Field(default="", description="One or two sentences on what the paper contributes.")
    quotes: list[str] = Field(default_factory=list, description="Verbatim abstract sentences on the topic.")
    method: str = Field(default="", description="Verbatim name of the method, system or resource.")
    task: str = Field(default="", description="Verbatim short span naming the problem or task.")
    benchmarks: str = Field(default="", validation_alias=AliasChoices("benchmarks", "evaluation"),
                            description="Verbatim benchmark and dataset names, comma-separated.")
    result: str = Field(default="", description="Verbatim span stating a headline result with its number.")


class EvidenceReply(BaseModel):
    """LLM reply for one batch of papers."""

    papers: list[PaperNote]


# ---- 3. outline ----------------------------------------------------------------------------------


class SectionPlan(BaseModel):
    title: str = Field(description="A readable theme title, 3-10 words.")
    scope: str = Field(description="One sentence saying what the section covers.")
    keys: list[str] = Field(description="Citation keys of the papers that belong in this section.")


class OutlineReply(BaseModel):
    """LLM outline: 3-7 themed sections; keys not on the allow-list are dropped."""

    allowed_keys: ClassVar[frozenset[str]] = frozenset()
    sections: list[SectionPlan]

    @model_validator(mode="after")
    def _check(self) -> OutlineReply:
        allowed = type(self).allowed_keys
        kept: list[SectionPlan] = []
        seen: set[str] = set()
        for plan in self.sections:
            keys = [k.lstrip("@") for k in plan.keys]
            keys = [k for k in dict.fromkeys(keys) if (not allowed or k in allowed) and k not in seen]
            seen.update(keys)
            if keys and plan.title.strip():
                kept.append(plan.model_copy(update={"keys": keys, "title": plan.title.strip()}))
        if not 3 <= len(kept) <= 7:
            raise ValueError(
                f"the outline needs 3 to 7 sections that each cite at least one allowed key; got {len(kept)}"
            )
        self.sections = kept
        return self

    @classmethod
    def for_keys(cls, keys: set[str]) -> type[OutlineReply]:
        """A subclass whose validator knows the allow-list (the LLM client validates with the class only)."""
        return type("OutlineReply", (cls,), {"allowed_keys": frozenset(keys), "__doc__": cls.__doc__})


class Section(BaseModel):
    title: str
    scope: str
    keys: list[str]


class Outline(StageOutput):
    sections: list[Section]
    not_covered: list[WeakPaper] = Field(default_factory=list)
    # Papers no theme fits and no phrase names (catchall.py): cited apart from the themes, never under a
    # 'Further work' title.
    aside: list[str] = Field(default_factory=list)


# ---- 4. sections ---------------------------------------------------------------------------------


class Sentence(BaseModel):
    text: str = Field(description="Plain text without citation markers.")
    keys: list[str] = Field(default_factory=list)


class Paragraph(BaseModel):
    sentences: list[Sentence] = Field(default_factory=list)


class SectionDraft(BaseModel):
    title: str
    scope: str
    keys: list[str]
    text: str = Field(description="Prose with [@key] citations, paragraphs separated by blank lines.")
    mode: Mode = "offline"
    reason: str | None = None


class Drafts(StageOutput):
    sections: list[SectionDraft]


# ---- 5. check ------------------------------------------------------------------------------------


class SentenceCheck(BaseModel):
    section: str = ""
    text: str
    keys: list[str] = Field(default_factory=list)
    action: Action
    reason: str = ""
    label: str | None = None
    score: float | None = None
    rewritten_from: str | None = None
    pruned_keys: list[str] = Field(default_factory=list)
    unknown_keys: list[str] = Field(default_factory=list)


class CheckedSection(BaseModel):
    title: str
    scope: str
    paragraphs: list[Paragraph]
    checks: list[SentenceCheck] = Field(default_factory=list)

    @property
    def cited_keys(self) -> list[str]:
        return list(dict.fromkeys(k for p in self.paragraphs for s in p.sentences for k in s.keys))

    def count(self, action: Action) -> int:
        return sum(1 for c in self.checks if c.action == action)


class CheckResult(StageOutput):
    sections: list[CheckedSection]


class RevisionItem(BaseModel):
    id: int = Field(description="The id of the sentence being revised.")
    text: str = Field(description="The rewritten sentence with [@key] citations, or '' to drop it.")


class RevisionReply(BaseModel):
    """LLM reply: one revision per unsupported sentence."""

    revisions: list[RevisionItem]


# ---- 6. report -----------------------------------------------------------------------------------


class BibEntry(BaseModel):
    number: int
    key: str
    title: str
    authors: list[str] = Field(default_factory=list)
    year: int | None = None
    url: str | None = None
    doi: str | None = None
    arxiv_id: str | None = None
    venue: str | None = None
    kind: str | None = None


class Coverage(BaseModel):
    queries: list[str]
    retrieved: int
    uncited: list[WeakPaper] = Field(default_factory=list)
    weak: list[WeakPaper] = Field(default_factory=list)
    thin_sections: list[str] = Field(default_factory=list)
    dropped: list[SentenceCheck] = Field(default_factory=list)
    thin_topic: bool = False
    notes: list[str] = Field(default_factory=list)


class CheckTotals(BaseModel):
    """Sentences the checker kept, rewrote, dropped, and framing sentences it let through."""

    kept: int = 0
    rewritten: int = 0
    dropped: int = 0
    framing: int = 0


class SurveyReport(BaseModel):
    topic: str
    created: str = Field(default_factory=now_iso)
    options: SurveyOptions
    sections: list[CheckedSection]
    table: list[TableRow]
    bibliography: list[BibEntry]
    coverage: Coverage
    stages: list[StageInfo]
    totals: CheckTotals = Field(default_factory=lambda: CheckTotals())
