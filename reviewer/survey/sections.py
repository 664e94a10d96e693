"""Stage 4: write each section from its own papers' evidence only, then an open-problems section.

The LLM writer runs sections in parallel, one call per section. The offline writer is extractive: it
opens with a lead of facts (synthesis.py), picks non-repeating evidence sentences (MMR), orders
papers so related claims sit together, keeps each paper's sentences in source order with anaphora
resolved, and only changes who is speaking ("We propose" -> "Wang et al. propose") or names the
method ("their system" -> "Kaleido") so every sentence stays checkable.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from reviewer.citations import attach, keys_in
from reviewer.errors import BudgetExceeded, LLMError
from reviewer.evidence import mmr_select
from reviewer.llm.blocks import evidence_block
from reviewer.models import EvidenceSentence, Paper
from reviewer.settings import Settings
from reviewer.survey.catchall import rescope
from reviewer.survey.context import Previous, SurveyContext
from reviewer.survey.lead import section_lead
from reviewer.survey.openfit import points_back
from reviewer.survey.prose import dangling_list, is_anaphoric, is_context, strip_marker, third_person
from reviewer.survey.synthesis import (
    count_word,
    name_method,
    open_problem_quotes,
    related_order,
    with_context,
)
from reviewer.survey.table import method_name
from reviewer.survey.types import Drafts, EvidenceResult, Outline, Section, SectionDraft, StageInfo
from reviewer.survey.vacuous import continues, says_nothing

if TYPE_CHECKING:
    from reviewer.llm.client import LLMClient

PAPERS_PER_PARAGRAPH = 3
OPEN_PROBLEMS = "Open problems"
# Papers the outline kept out of every theme (Outline.aside): the report prints them under its overview,
# not as a numbered section, since no theme title is true of them.
ASIDE = "Papers outside the themes"
MAX_EXTRA_SENTENCES = 6
MAX_WORKERS = 4




def lead_sentence(ranked: list[EvidenceSentence]) -> EvidenceSentence:
    """The best-ranked sentence that stands alone: no opening anaphor ('This yields ...') and no early pointer back
    ('... identifies facets of annotator biases that explain this phenomena'; openfit.points_back), which as a
    paper's first quote would point at a sentence the reader never sees."""
    alone = [s for s in ranked if not is_anaphoric(s.text)]
    return next((s for s in alone if not _points_back(s.text)), alone[0] if alone else ranked[0])


def _points_back(text: str) -> bool:
    """As printed: the writer drops a leading 'To address this, ' (strip_marker), which then points nowhere; and a
    sentence that goes on from an earlier one ('We further show ...', vacuous.continues) is no first quote either."""
    return points_back(strip_marker(text)) or continues(text)


def _select(section: Section, result: EvidenceResult, settings: Settings) -> dict[str, list[EvidenceSentence]]:
    """Best sentence of every paper, plus non-repeating extra sentences chosen by MMR."""
    by_key = {e.key: e for e in result.papers}
    chosen: dict[str, list[EvidenceSentence]] = {}
    pool: list[EvidenceSentence] = []
    for key in section.keys:
        ev = by_key.get(key)
        if ev is None or not ev.sentences:
            continue
        # A list item whose list runs on into the next sentence does not stand as a quote.
        ranked = sorted(ev.sentences, key=lambda s: (-s.score, s.index))
        ranked = [s for s in ranked if not dangling_list(s.text)] or ranked
        # Lead with the paper's own contribution, in a sentence that stands on its own: background
        # about the field and "This yields..." (which needs its predecessor) only when nothing else is left.
        own = [s for s in ranked if not is_context(s.text, s.index)] or ranked
        # An appraisal that says nothing ('Our work provides crucial insights for ...') is not quoted while the
        # paper has a sentence that stands alone and says something (vacuous.says_nothing).
        informative = [s for s in own if not says_nothing(s.text)]
        if any(not is_anaphoric(s.text) for s in informative):
            own = informative
        lead = lead_sentence(own)
        chosen[key] = [lead]
        # An extra quote printed before the lead would become the paper's first one: it must not point back either.
        pool.extend(s for s in own if s is not lead and not (s.index < lead.index and _points_back(s.text)))
    pool.sort(key=lambda s: (-s.score, s.key, s.index))
    budget = min(len(pool), max(2, min(MAX_EXTRA_SENTENCES, len(chosen))))
    for extra in mmr_select(pool, k=budget, settings=settings, per_paper=1) if budget else []:
        chosen[extra.key].append(extra)
    return {k: sorted(v, key=lambda s: s.index) for k, v in chosen.items()}


def _paper_sentences(key: str, sentences: list[EvidenceSentence], paper: Paper) -> list[str]:
    """One paper's quotes as cited prose: the first names its authors, the method is named where it can be."""
    name = method_name(paper)
    out: list[str] = []
    named = False
    for sentence in with_context(paper, sentences, name):
        text = sentence.text
        if not named and not is_anaphoric(text):
            rewritten = third_person(text, paper, name_first=True)
            named = rewritten != strip_marker(text)
        else:
            rewritten = third_person(text, paper, name_first=False)
        out.append(attach(name_method(rewritten, name), [key], terminate=True))
    return out


def offline_section(
    section: Section, result: EvidenceResult, papers: dict[str, Paper], settings: Settings, reason: str | None = None,
    topic: str = "",
) -> SectionDraft:
    chosen = _select(section, result, settings)
    by_key = {e.key: e for e in result.papers}
    # The lead and the scope count the papers the section quotes: a paper whose every chosen sentence points at an
    # unquotable antecedent (with_context drops it) is not one of them ('Two papers fall under this theme' over one).
    quoted = {k: _paper_sentences(k, chosen[k], papers[k]) for k in section.keys if k in chosen}
    order = related_order(list(quoted), by_key)
    names = {k: method_name(papers[k]) for k in order}
    # ... while a paper the lead itself cites ('X is evaluated on Y [@x]') is one the section discusses.
    lead = section_lead(order, by_key, names, papers, topic, section.title)
    in_lead = set(keys_in(" ".join(lead)))
    discussed = [k for k in order if quoted[k] or k in in_lead]
    if discussed != order:  # the lead counts and compares the papers it is about: write it again for these
        order, lead = discussed, section_lead(discussed, by_key, names, papers, topic, section.title)
    paragraphs: list[list[str]] = [lead]
    for n, key in enumerate(order):
        if n % PAPERS_PER_PARAGRAPH == 0:
            paragraphs.append([])
        paragraphs[-1].extend(quoted[key])
    text = "\n\n".join(" ".join(p) for p in paragraphs if p)
    return SectionDraft(title=section.title, scope=recount_scope(section, len(order)), keys=list(section.keys),
                        text=text, mode="offline", reason=reason)


def recount_scope(section: Section, n: int) -> str:
    """The scope line with the count of papers quoted, when fewer than the theme holds (and at least one)."""
    if not 0 < n < len(section.keys):
        return section.scope
    recounted = Section(title=section.title, scope=section.scope, keys=section.keys[:n])
    rescope(recounted)
    return recounted.scope


def open_problems(outline: Outline, result: EvidenceResult, papers: dict[str, Paper],
                  written: list[SectionDraft] | None = None) -> SectionDraft | None:
    """The papers' own limitation and future-work sentences, cited, as a closing section (none the sections
    before it already quote)."""
    placed = {k for s in outline.sections for k in s.keys} | set(outline.aside)
    quotes = open_problem_quotes([e for e in result.papers if e.key in placed], papers,
                                 written=" ".join(d.text for d in written or []))
    if not quotes:  # one quote still closes the survey: the stricter test (synthesis.py) often leaves one
        return None
    lines = ["Several of the surveyed papers name limits of their own approach or questions they leave open."
             if len({q.key for q in quotes}) > 1 else "One of the surveyed papers names a limit of its own approach or a "
             "question it leaves open."]
    lines += [attach(third_person(q.text, papers[q.key], name_first=True), [q.key], terminate=True) for q in quotes]
    keys = list(dict.fromkeys(q.key for q in quotes))
    scope = "Limitations and future work that the surveyed papers state about themselves."
    return SectionDraft(title=OPEN_PROBLEMS, scope=scope, keys=keys, text=" ".join(lines), mode="offline")


def aside_section(outline: Outline, result: EvidenceResult, papers: dict[str, Paper], settings: Settings) -> list[SectionDraft]:
    """The papers no theme fits, each with its own quotes, after one framing sentence; none if there are none."""
    keys = [k for k in outline.aside if k in papers]
    if not keys:
        return []
    section = Section(title=ASIDE, scope="", keys=keys)
    chosen = _select(section, result, settings)
    quoted = {k: _paper_sentences(k, chosen[k], papers[k]) for k in keys if k in chosen}
    n = sum(1 for k in keys if quoted.get(k))
    if not n:
        return []
    # Framing only (no finding words), so the checker lets it stand uncited.
    lines = [f"Beyond these themes, the survey cites {count_word(n)} paper{'s' if n != 1 else ''} on the topic "
             f"that no theme's title fits."]
    # A paragraph per few papers, as in a theme: eleven papers in one block is a wall the reader skips.
    paragraphs = [lines]
    for n, k in enumerate(k for k in keys if quoted.get(k)):
        if n and n % PAPERS_PER_PARAGRAPH == 0:
            paragraphs.append([])
        paragraphs[-1].extend(quoted[k])
    scope = "Papers on the topic that no theme's title is true of."
    return [SectionDraft(title=ASIDE, scope=scope, keys=keys, text="\n\n".join(" ".join(p) for p in paragraphs),
                         mode="offline")]


def offline_sections(
    outline: Outline, result: EvidenceResult, papers: dict[str, Paper], settings: Settings, topic: str = ""
) -> Drafts:
    drafts = [offline_section(s, result, papers, settings, topic=topic) for s in outline.sections]
    drafts += aside_section(outline, result, papers, settings)
    closing = open_problems(outline, result, papers, drafts)
    return Drafts(info=StageInfo(stage="sections"), sections=drafts + ([closing] if closing else []))


def section_variables(topic: str, section: Section, result: EvidenceResult, papers: dict[str, Paper]) -> dict[str, str]:
    """The prompt sees only this section's papers: their evidence sentences and summaries."""
    keys = [k for k in section.keys if k in papers]
    by_key = {e.key: e for e in result.papers}
    evidence = [s for k in keys if k in by_key for s in by_key[k].sentences]
    block = evidence_block([papers[k] for k in keys], evidence)
    summaries = "\n".join(f"[@{k}] {by_key[k].summary}" for k in keys if k in by_key and by_key[k].summary)
    return {
        "topic": topic,
        "title": section.title,
        "scope": section.scope,
        "evidence": block,
        "summaries": summaries or "(none)",
        "keys": ", ".join(f"@{k}" for k in keys),
    }


def _clean_llm_text(raw: str) -> str:
    """Drop headings and list markers the model may add; the renderer owns the layout."""
    lines = []
    for line in raw.strip().splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            continue
        if stripped[:2] in ("- ", "* "):
            stripped = stripped[2:]
        lines.append(stripped)
    return "\n".join(lines).strip()


def llm_sections(
    topic: str,
    outline: Outline,
    result: EvidenceResult,
    papers: dict[str, Paper],
    settings: Settings,
    llm: LLMClient,
) -> Drafts:
    """One LLM call per section, in parallel; a failed section falls back to the offline writer."""

    def write(section: Section) -> SectionDraft:
        try:
            raw = llm.complete("section", "section", section_variables(topic, section, result, papers))
        except (LLMError, BudgetExceeded) as exc:
            return offline_section(section, result, papers, settings, reason=exc.message, topic=topic)
        text = _clean_llm_text(raw)
        if not text:
            return offline_section(section, result, papers, settings, reason="the LLM returned an empty section", topic=topic)
        if not set(keys_in(text)) & set(section.keys):
            # Prose that cites none of its papers cannot be checked, so it never replaces the evidence.
            return offline_section(section, result, papers, settings,
                                   reason="the LLM's section cited none of its papers", topic=topic)
        return SectionDraft(title=section.title, scope=section.scope, keys=list(section.keys), text=text, mode="llm")

    if not outline.sections:
        return Drafts(info=StageInfo(stage="sections", mode="skipped"), sections=[])
    with ThreadPoolExecutor(max_workers=min(MAX_WORKERS, len(outline.sections))) as pool:
        drafts = list(pool.map(write, outline.sections))
    failed = [d for d in drafts if d.mode != "llm"]
    if not failed:
        info = StageInfo(stage="sections", mode="llm")
    else:
        info = StageInfo(
            stage="sections",
            mode="offline" if len(failed) == len(drafts) else "mixed",
            reason=f"{len(failed)} of {len(drafts)} sections fell back to the offline writer: {failed[0].reason}",
        )
    aside = aside_section(outline, result, papers, settings)
    closing = open_problems(outline, result, papers, drafts + aside)  # the papers' own limitation sentences, quoted
    return Drafts(info=info, sections=drafts + aside + ([closing] if closing else []))


def run(ctx: SurveyContext, previous: Previous) -> Drafts:
    """Every section drafted from its own papers' evidence (LLM per section, offline writer otherwise)."""
    outline, evidence = previous.need_outline(), previous.need_evidence()
    if ctx.llm is not None:
        return llm_sections(ctx.topic, outline, evidence, ctx.papers, ctx.settings, ctx.llm)
    return offline_sections(outline, evidence, ctx.papers, ctx.settings, ctx.topic)
