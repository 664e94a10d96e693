"""Typed records passed between pipeline stages."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, field_validator


class PaperRecord(BaseModel):
    """A paper as read from one input file, before deduplication and key assignment."""

    title: str
    abstract: str
    authors: list[str] = Field(default_factory=list)
    year: int | None = None
    url: str | None = None
    doi: str | None = None
    arxiv_id: str | None = None
    source_id: str | None = Field(default=None, description="The id the input file gave the paper, if any.")
    date: str | None = Field(default=None, description="Date as printed by the source, e.g. 'Jun 16, 2024'.")
    n_authors: int | None = None
    organization: str | None = None
    upvotes: int | None = None
    venue: str | None = Field(default=None, description="Journal, conference or repository name.")
    kind: str | None = Field(default=None, description="article, inproceedings, preprint or misc, when known.")
    abstract_source: str | None = Field(default=None, description="'tldr' when the text is a TLDR, not an abstract.")
    source: str = Field(default="", description="File the record came from.")
    line: int | None = Field(default=None, description="1-based line of the record in its file.")
    raw_title: str | None = Field(default=None, description="Title as read, when markup cleaning changed it.")
    raw_abstract: str | None = Field(default=None, description="Abstract as read, when markup cleaning changed it.")


class Paper(BaseModel):
    """A deduplicated paper in the catalogue, with a stable id and a citation key."""

    id: str
    key: str
    title: str
    abstract: str
    authors: list[str] = Field(default_factory=list)
    year: int | None = None
    url: str | None = None
    doi: str | None = None
    arxiv_id: str | None = None
    date: str | None = None
    n_authors: int | None = None
    organization: str | None = None
    upvotes: int | None = None
    venue: str | None = None
    kind: str | None = None
    abstract_source: str | None = None
    source_ids: list[str] = Field(default_factory=list, description="Ids the input files gave the paper.")
    sources: list[str] = Field(default_factory=list)
    raw_title: str | None = Field(default=None, description="Title as read, when markup cleaning changed it.")
    raw_abstract: str | None = Field(default=None, description="Abstract as read, when markup cleaning changed it.")

    @property
    def text(self) -> str:
        """What gets embedded and BM25-indexed."""
        return f"{self.title}. {self.abstract}"


class SearchHit(BaseModel):
    id: str
    key: str
    title: str
    year: int | None = None
    score: float
    dense_rank: int | None = None
    bm25_rank: int | None = None


class EvidenceSentence(BaseModel):
    """A verbatim sentence of an abstract with its index, scored against a query."""

    paper_id: str
    key: str
    index: int
    text: str
    score: float = 0.0
    similarity: float = Field(default=0.0, description="Embedding cosine to the query alone.")


class Citation(BaseModel):
    key: str
    id: str
    title: str
    authors: list[str] = Field(default_factory=list)
    year: int | None = None
    venue: str | None = None
    link: str | None = Field(default=None, description="DOI, else arXiv, else the paper's URL.")
    reference: str = Field(default="", description="The formatted reference, as printed.")


class AnswerSentence(BaseModel):
    """One printed sentence of an answer: its text, the keys it cites, its role and selection score."""

    text: str
    keys: list[str] = Field(default_factory=list)
    role: str = Field(default="", description="Rhetorical role of the source sentence, or 'answer' (LLM).")
    score: float | None = None


class EvidenceQuote(BaseModel):
    """A verbatim abstract sentence the answer was built from."""

    key: str
    index: int
    quote: str


class Answer(BaseModel):
    question: str
    answer: str
    citations: list[Citation] = Field(default_factory=list)
    refused: bool = False
    mode: Literal["llm", "offline"] = Field(
        default="offline", description="Who wrote the answer: the LLM, or the offline extractive writer."
    )
    notes: list[str] = Field(default_factory=list, description="Degradations and removed citations.")
    question_type: str = "general"
    sentences: list[AnswerSentence] = Field(default_factory=list)
    evidence: list[EvidenceQuote] = Field(default_factory=list)
    closest_names: list[str] = Field(default_factory=list, description="When refused for an unknown name.")
    best_similarity: float | None = Field(default=None, description="Best sentence-to-question cosine seen.")

    @field_validator("mode", mode="before")
    @classmethod
    def _one_name_for_offline(cls, value: object) -> object:
        """'extractive' was the old name of the offline mode; both mean the same, only 'offline' is printed."""
        return "offline" if value == "extractive" else value
