"""LLM judge: the model labels the claim and quotes the abstract; we believe only quotes we can find.

Each quote is verified against the cited abstracts (`verify_quote`: exact, normalised, then fuzzy);
unverifiable quotes are dropped, and a SUPPORTED or CONTRADICTED label left without a verified quote
becomes UNSUPPORTED -- a verdict must rest on text the sources contain. If the call fails (endpoint
error, invalid structured output, budget) the offline checker answers and the verdict says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from reviewer.checker.types import ClaimVerdict, Label
from reviewer.errors import BudgetExceeded, LLMError
from reviewer.llm.blocks import abstracts_block
from reviewer.models import EvidenceSentence, Paper
from reviewer.quotes import quote_sentences, verify_quote
from reviewer.textutil import split_sentences

if TYPE_CHECKING:
    from reviewer.checker.offline import OfflineChecker
    from reviewer.llm import LLMClient

PROMPT = "judge"
STAGE = "check"


class JudgeReply(BaseModel):
    """What the judge prompt asks the model for."""

    label: Label
    quotes: list[str] = Field(default_factory=list, description="Verbatim sentences from the abstracts.")
    rationale: str = Field(default="", description="One short sentence explaining the label.")


def locate_quote(quote: str, papers: list[Paper]) -> list[EvidenceSentence]:
    """The abstract sentences a verified quote comes from (empty when it cannot be verified)."""
    for paper in papers:
        match = verify_quote(quote, paper.abstract)
        if match is None:
            continue
        sentences = split_sentences(paper.abstract)
        return [
            EvidenceSentence(paper_id=paper.id, key=paper.key, index=i, text=sentences[i], score=match.score / 100)
            for i in quote_sentences(match.text, sentences)
        ]
    return []


class LLMJudge:
    def __init__(self, llm: LLMClient, offline: OfflineChecker) -> None:
        self.llm = llm
        self.offline = offline

    def check(self, claim: str, papers: list[Paper]) -> ClaimVerdict:
        try:
            reply = self.llm.structured(
                STAGE, PROMPT, {"claim": claim, "abstracts": abstracts_block(papers)}, JudgeReply
            )
        except (LLMError, BudgetExceeded) as exc:
            verdict = self.offline.check(claim, papers)
            verdict.reasons.append(
                f"LLM judge failed ({type(exc).__name__}: {exc.message}); fell back to the offline checker"
            )
            return verdict
        evidence: list[EvidenceSentence] = []
        reasons = [f"LLM judge: {reply.label}" + (f" -- {reply.rationale}" if reply.rationale else "")]
        for quote in reply.quotes:
            found = locate_quote(quote, papers)
            if not found:
                reasons.append(f"dropped a quote not found in the abstracts: {quote[:120]!r}")
            for e in found:
                if not any((e.paper_id, e.index) == (o.paper_id, o.index) for o in evidence):
                    evidence.append(e)
        label = reply.label
        if label != "UNSUPPORTED" and not evidence:
            reasons.append(f"{label} without a verified quote: downgraded to UNSUPPORTED")
            label = "UNSUPPORTED"
        # The judge gives no probability: support confidence is the quote match quality when supported.
        score = min(e.score for e in evidence) if label == "SUPPORTED" else 0.0
        return ClaimVerdict(label=label, score=round(score, 4), evidence=evidence, reasons=reasons, mode="llm")
