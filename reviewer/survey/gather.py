"""Stage 2: per paper, the verbatim abstract sentences bearing on the topic, and its table row.

Offline, sentences are ranked against the topic and its sub-queries. With an LLM, papers go in batches
(REVIEWER_EVIDENCE_BATCH_SIZE per call, 40 by default) for a relevance grade, a summary, key quotes and
table spans; every quote and span is verified against the abstract and dropped if it is not there.
Papers whose best sentence is far below the topic's best go to a weakly-related list, so a narrow topic
does not pull unrelated papers into themes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer.errors import BudgetExceeded, LLMError
from reviewer.evidence import rank_sentences
from reviewer.llm.blocks import papers_block
from reviewer.models import EvidenceSentence, Paper
from reviewer.quotes import quote_sentences, verify_quote
from reviewer.settings import Settings
from reviewer.survey.models import (
    Acronym,
    EvidenceReply,
    EvidenceResult,
    PaperEvidence,
    RetrievedPaper,
    StageInfo,
    WeakPaper,
)
from reviewer.survey.prose import is_boilerplate, role_bonus
from reviewer.survey.table import offline_row, verified_cell
from reviewer.survey.terms import topic_chunks
from reviewer.textutil import chunks, content_stems, split_sentences

if TYPE_CHECKING:
    from reviewer.llm.client import LLMClient

SUBQUERY_DISCOUNT = 0.9
SENTENCES_PER_PAPER = 5
SENTENCE_MARGIN = 0.2
# A paper is on topic when its best sentence reaches this share of the best paper's, and an absolute floor.
RELATIVE_FLOOR = 0.62
ABSOLUTE_FLOOR = 1.35


def offline_evidence(
    topic: str,
    queries: list[str],
    retrieved: list[RetrievedPaper],
    settings: Settings,
    acronyms: list[Acronym] | None = None,
) -> EvidenceResult:
    papers = [r.paper for r in retrieved]
    topic_scores = _scores(topic, papers, settings)
    combined = dict(topic_scores)
    for query in queries[1:]:
        for loc, score in _scores(query, papers, settings).items():
            combined[loc] = max(combined.get(loc, 0.0), SUBQUERY_DISCOUNT * score)
    acronyms = acronyms or []
    relevance = _relevance([topic] + [a.apply(topic) for a in acronyms], papers, settings)
    core = _core_phrase(topic)
    if core:
        # "X for Y": a paper must be about X, not merely about Y, so the head phrase weighs half.
        core_rel = _relevance([core] + [a.apply(core) for a in acronyms], papers, settings)
        relevance = {pid: (rel + core_rel[pid]) / 2 for pid, rel in relevance.items()}
    top = max(relevance.values(), default=0.0)
    threshold = max(RELATIVE_FLOOR * top, ABSOLUTE_FLOOR * settings.min_evidence_score)
    core: list[PaperEvidence] = []
    weak: list[WeakPaper] = []
    for paper in papers:
        rel = relevance[paper.id]
        if rel < threshold:
            weak.append(WeakPaper(key=paper.key, title=paper.title, reason=(
                f"topic relevance {rel:.2f} (title and best sentence) below the threshold {threshold:.2f}")))
            continue
        core.append(PaperEvidence(
            key=paper.key, paper_id=paper.id, relevance=round(rel, 4),
            sentences=_pick(paper, combined), row=offline_row(paper),
        ))
    core.sort(key=lambda e: (-e.relevance, e.key))
    return EvidenceResult(
        info=StageInfo(stage="evidence"), papers=core, weak=weak, threshold=round(threshold, 4)
    )


def _core_phrase(topic: str) -> str | None:
    """The head phrase of a multi-part topic ('process reward models' of '... for LLM reasoning')."""
    chunks = topic_chunks(topic)
    return chunks[0] if len(chunks) > 1 and content_stems(chunks[0]) else None


def _relevance(forms: list[str], papers: list[Paper], settings: Settings) -> dict[str, float]:
    """How much a paper is about a query (in any of its forms, e.g. with its acronym): title and best
    abstract sentence count equally, so one on-topic sentence in an off-topic paper is not enough."""
    titles = [p.model_copy(update={"abstract": p.title}) for p in papers]
    out = {p.id: 0.0 for p in papers}
    for query in dict.fromkeys(forms):
        best = _best_per_paper(_scores(query, papers, settings), papers)
        title = _best_per_paper(_scores(query, titles, settings), papers)
        for pid in out:
            out[pid] = max(out[pid], (best[pid] + title[pid]) / 2)
    return out


def _best_per_paper(scores: dict[tuple[str, int], float], papers: list[Paper]) -> dict[str, float]:
    best = {p.id: 0.0 for p in papers}
    for (pid, _), score in scores.items():
        best[pid] = max(best[pid], score)
    return best


def _scores(query: str, papers: list[Paper], settings: Settings) -> dict[tuple[str, int], float]:
    return {(e.paper_id, e.index): e.score for e in rank_sentences(query, papers, settings)}


def _pick(paper: Paper, combined: dict[tuple[str, int], float]) -> list[EvidenceSentence]:
    """The paper's best sentences for the topic, favouring contributions and findings over background."""
    sentences = split_sentences(paper.abstract)
    scored = [
        EvidenceSentence(
            paper_id=paper.id, key=paper.key, index=i, text=s,
            score=round(combined.get((paper.id, i), 0.0) + role_bonus(s, i), 4),
        )
        for i, s in enumerate(sentences)
        if not is_boilerplate(s)
    ]
    scored.sort(key=lambda e: (-e.score, e.index))
    if not scored:
        return []
    best = scored[0].score
    return [e for e in scored[:SENTENCES_PER_PAPER] if e.score >= best - SENTENCE_MARGIN]


def llm_evidence(
    topic: str, result: EvidenceResult, papers: dict[str, Paper], llm: LLMClient, batch_size: int
) -> EvidenceResult:
    """Grade, summarise and quote the on-topic papers in batched calls; verify every quote and cell."""
    by_key = {e.key: e for e in result.papers}
    failures: list[str] = []
    batches = list(chunks([papers[e.key] for e in result.papers], batch_size))
    dropped: list[str] = list(result.dropped_quotes)
    unrelated: set[str] = set()
    for batch in batches:
        variables = {
            "topic": topic,
            "papers": papers_block(batch),
            "keys": ", ".join(f"@{p.key}" for p in batch),
        }
        try:
            reply = llm.structured("evidence", "evidence", variables, EvidenceReply)
        except (LLMError, BudgetExceeded) as exc:
            failures.append(exc.message)
            continue
        assert isinstance(reply, EvidenceReply)
        allowed = {p.key for p in batch}
        for note in reply.papers:
            key = note.key.lstrip("@")
            if key not in allowed:
                continue
            paper, ev = papers[key], by_key[key]
            ev.llm_relevance = note.relevance
            ev.summary = note.summary.strip() or None
            if note.relevance == 0:
                unrelated.add(key)
            sentences = split_sentences(paper.abstract)
            have = {s.index for s in ev.sentences}
            for quote in note.quotes:
                idx = next(iter(quote_sentences(quote, sentences)), None) if verify_quote(quote, paper.abstract) else None
                if idx is None:
                    dropped.append(f"{key}: {quote[:120]}")
                    continue
                if idx not in have:
                    have.add(idx)
                    ev.sentences.append(EvidenceSentence(
                        paper_id=paper.id, key=key, index=idx, text=sentences[idx], score=ev.relevance))
            for column in ("method", "evaluation", "result"):
                span = getattr(note, column)
                cell = verified_cell(span, paper.abstract)
                if cell is not None:
                    setattr(ev.row, column, cell)
                elif span.strip():
                    dropped.append(f"{key} ({column} cell): {span[:120]}")
    kept = [e for e in result.papers if e.key not in unrelated]
    weak = result.weak + [
        WeakPaper(key=k, title=papers[k].title, reason="the LLM graded it unrelated to the topic")
        for k in sorted(unrelated)
    ]
    if not failures:
        info = StageInfo(stage="evidence", mode="llm")
    else:
        mode = "offline" if len(failures) == len(batches) else "mixed"
        info = StageInfo(stage="evidence", mode=mode, reason=f"{len(failures)} of {len(batches)} LLM batches "
                         f"failed, offline evidence kept for them: {failures[0]}")
    return result.model_copy(update={"papers": kept, "weak": weak, "dropped_quotes": dropped, "info": info})
