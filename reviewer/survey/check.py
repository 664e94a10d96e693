"""Stage 5: check every sentence before it can reach the report.

Citations to papers that were not retrieved are removed (never remapped); each cited sentence is
checked by the shared ClaimChecker against the abstracts it cites; an unsupported one is rewritten
once by the LLM (then re-checked) or dropped; an uncited sentence survives only as short framing with
no numbers and no finding vocabulary. Citations that add nothing (check_each) are pruned.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reviewer.ask.answer import evidence_block
from reviewer.checker import ClaimChecker, ClaimVerdict
from reviewer.checker.sharedfact import holds_for
from reviewer.citations import cited_sentences, keys_in, strip_citations
from reviewer.errors import BudgetExceeded, LLMError
from reviewer.models import EvidenceSentence, Paper
from reviewer.settings import Settings
from reviewer.survey.context import Previous, SurveyContext
from reviewer.survey.orphans import drop_empty_announcements, fix_orphans
from reviewer.survey.prose import is_framing
from reviewer.survey.table import method_name
from reviewer.survey.types import (
    CheckedSection,
    CheckResult,
    Drafts,
    Paragraph,
    RevisionReply,
    SectionDraft,
    Sentence,
    SentenceCheck,
    StageInfo,
)
from reviewer.textutil import split_sentences

if TYPE_CHECKING:
    from reviewer.llm.client import LLMClient


class _Pending:
    """A cited sentence that failed the check and waits for its single revision."""

    def __init__(self, ident: int, check: SentenceCheck, keys: list[str], verdict: ClaimVerdict) -> None:
        self.ident = ident
        self.check = check
        self.keys = keys
        self.verdict = verdict


class SectionChecker:
    """Checks drafts against the retrieved papers; `llm` enables the one-shot revision of failures."""

    def __init__(self, settings: Settings, papers: dict[str, Paper], llm: LLMClient | None = None) -> None:
        self.papers = papers
        self.llm = llm
        # The offline checker for every sentence keeps LLM calls at about sections + 3 per survey.
        self.checker = ClaimChecker(settings)

    def check_sentence(self, text: str, keys: list[str]) -> tuple[SentenceCheck, ClaimVerdict | None]:
        known = [k for k in keys if k in self.papers]
        unknown = [k for k in keys if k not in self.papers]
        if not known:
            if not unknown and is_framing(text):
                return SentenceCheck(text=text, action="framing", reason="uncited framing"), None
            reason = "cites only papers that were not retrieved" if unknown else "uncited statement of a finding"
            return SentenceCheck(text=text, action="dropped", reason=reason, unknown_keys=unknown), None
        cited = [self.papers[k] for k in known]
        verdict = self.checker.check(text, cited)
        check = SentenceCheck(text=text, keys=known, action="kept", label=verdict.label, score=verdict.score,
                              unknown_keys=unknown, reason=verdict.reasons[0] if verdict.reasons else "")
        if verdict.label != "SUPPORTED":
            check.action = "dropped"
            return check, verdict
        if len(known) > 1:
            each = self.checker.check_each(text, cited)
            # A paper the sentence names by its method keeps its citation: pruning it would leave a claim
            # about that method cited only to the others ('A and B are both evaluated on MATH [@a]').
            # So does a paper the lead's shared fact holds for ('Two of them use RL'), whatever the combiner makes of
            # the claim against its abstract alone.
            backing = [k for k, v in zip(known, each, strict=True) if v.label == "SUPPORTED"
                       or _names(text, self.papers[k]) or holds_for(text, self.papers[k])]
            if backing and len(backing) < len(known):
                check.pruned_keys = [k for k in known if k not in backing]
                check.keys = backing
        return check, verdict

    def run(self, drafts: Drafts) -> CheckResult:
        sections: list[CheckedSection] = []
        pending: list[_Pending] = []
        layout: list[list[list[SentenceCheck]]] = []
        for draft in drafts.sections:
            paragraphs: list[list[SentenceCheck]] = []
            for raw in _paragraphs(draft):
                row: list[SentenceCheck] = []
                for cs in cited_sentences(raw):
                    if not cs.text.strip():
                        continue
                    check, verdict = self.check_sentence(cs.text, cs.keys)
                    if check.label is not None and check.action == "dropped" and verdict is not None:
                        pending.append(_Pending(len(pending), check, check.keys, verdict))
                    row.append(check)
                paragraphs.append(row)
            layout.append(paragraphs)
        revise_info = self._revise(pending)
        for draft, paragraphs in zip(drafts.sections, layout, strict=True):
            if draft.mode != "llm":  # the extractive writer's quote chains
                for row in paragraphs:
                    fix_orphans(row, self.papers)  # a quote whose antecedent was just dropped
                    drop_empty_announcements(row)  # 'They differ ...' before one surviving contrast
            sections.append(_assemble(draft, paragraphs))
        revised = self.llm is not None and bool(pending) and revise_info is None
        info = StageInfo(stage="check", mode="llm" if revised else "offline", reason=revise_info)
        return CheckResult(info=info, sections=sections)

    def _revise(self, pending: list[_Pending]) -> str | None:
        """One batched LLM call rewrites every failed sentence; each rewrite is re-checked or dropped."""
        for item in pending:
            item.check.reason = f"{item.verdict.label}: {item.check.reason}"
        if self.llm is None or not pending:
            return None
        try:
            reply = self.llm.structured("revise", "revise", {"items": _revision_items(pending, self.papers)},
                                        RevisionReply)
        except (LLMError, BudgetExceeded) as exc:
            for item in pending:
                item.check.reason += f"; revision failed ({exc.message})"
            return f"revision call failed, unsupported sentences dropped: {exc.message}"
        assert isinstance(reply, RevisionReply)
        by_id = {r.id: r.text for r in reply.revisions}
        for item in pending:
            rewrite = by_id.get(item.ident, "").strip()
            if not rewrite:
                item.check.reason += "; the reviser dropped it"
                continue
            allowed = set(item.keys)
            keys = [k for k in keys_in(rewrite) if k in allowed] or list(item.keys)
            text = strip_citations(rewrite)
            if len(split_sentences(text)) != 1:
                item.check.reason += "; the revision was not a single sentence"
                continue
            new, _ = self.check_sentence(text, keys)
            if new.action != "kept":
                item.check.reason += f"; revision still {new.label or 'unsupported'}"
                continue
            item.check.rewritten_from = item.check.text
            item.check.text, item.check.keys, item.check.action = new.text, new.keys, "rewritten"
            item.check.label, item.check.score, item.check.reason = new.label, new.score, new.reason
            item.check.pruned_keys = new.pruned_keys
        return None


def _names(text: str, paper: Paper) -> bool:
    name = method_name(paper)
    return bool(name) and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def _paragraphs(draft: SectionDraft) -> list[str]:
    return [p.strip() for p in draft.text.split("\n\n") if p.strip()]


def _assemble(draft: SectionDraft, paragraphs: list[list[SentenceCheck]]) -> CheckedSection:
    """Rebuild the section from what survived; a paragraph needs a cited sentence to stand."""
    out: list[Paragraph] = []
    opening: list[SentenceCheck] = []
    checks: list[SentenceCheck] = []
    for row in paragraphs:
        for check in row:
            check.section = draft.title
        checks.extend(row)
        survivors = [c for c in row if c.action in ("kept", "rewritten", "framing")]
        if any(c.keys for c in survivors):
            out.append(Paragraph(sentences=[Sentence(text=c.text, keys=c.keys) for c in opening + survivors]))
            opening = []
        elif not out:
            opening.extend(survivors)  # opening framing joins the first paragraph that cites something
    return CheckedSection(title=draft.title, scope=draft.scope, paragraphs=out, checks=checks)


def _revision_items(pending: list[_Pending], papers: dict[str, Paper]) -> str:
    blocks = []
    for item in pending:
        cited = [papers[k] for k in item.keys]
        evidence = [
            EvidenceSentence(paper_id=p.id, key=p.key, index=i, text=s)
            for p in cited
            for i, s in enumerate(split_sentences(p.abstract))
        ]
        blocks.append(
            f"id: {item.ident}\nsentence: {item.check.text}\nmay cite: "
            + ", ".join(f"@{k}" for k in item.keys)
            + f"\nchecker: {item.verdict.label}\nabstracts:\n{evidence_block(cited, evidence)}"
        )
    return "\n\n---\n\n".join(blocks)


def run(ctx: SurveyContext, previous: Previous) -> CheckResult:
    """Check every drafted sentence; the LLM (when present) only revises the ones that fail."""
    return SectionChecker(ctx.settings, ctx.papers, ctx.llm).run(previous.need_sections())
