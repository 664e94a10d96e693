"""`ask`: retrieve, pick evidence sentences, answer with citations restricted to the retrieved papers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer.citations import attach, cited_sentences, filter_citations, keys_in
from reviewer.errors import LLMError
from reviewer.evidence import mmr_select, rank_sentences
from reviewer.llm.blocks import evidence_block
from reviewer.models import Answer, Citation, EvidenceSentence, Paper
from reviewer.retrieve import Filters, HybridRetriever
from reviewer.settings import Settings

if TYPE_CHECKING:
    from reviewer.llm.client import LLMClient

REFUSAL_MARK = "INSUFFICIENT_EVIDENCE"
EXTRACTIVE_HEADER = (
    "Extractive answer (no LLM endpoint configured): the most relevant sentences of the retrieved "
    "abstracts, quoted verbatim."
)
FALLBACK_HEADER = (
    "Extractive answer (the LLM's answer could not be used; see the notes): the most relevant sentences "
    "of the retrieved abstracts, quoted verbatim."
)


class UnusableAnswer(Exception):
    """The model replied, but with nothing grounded to print (empty, or citing no retrieved paper)."""


def extractive_answer(evidence: list[EvidenceSentence], header: str = EXTRACTIVE_HEADER) -> str:
    """Quoted evidence, one bullet per sentence, sentences of one paper kept together in source order."""
    order: list[str] = []
    groups: dict[str, list[EvidenceSentence]] = {}
    for ev in evidence:
        if ev.paper_id not in groups:
            order.append(ev.paper_id)
            groups[ev.paper_id] = []
        groups[ev.paper_id].append(ev)
    bullets = []
    for pid in order:
        for ev in sorted(groups[pid], key=lambda e: e.index):
            bullets.append(f"- {attach(ev.text, [ev.key])}")
    return header + "\n\n" + "\n".join(bullets)


def _citations(text: str, papers: list[Paper]) -> list[Citation]:
    by_key = {p.key: p for p in papers}
    from reviewer.references import format_reference, link

    return [
        Citation(key=k, id=by_key[k].id, title=by_key[k].title, authors=by_key[k].authors, year=by_key[k].year,
                 venue=by_key[k].venue, link=link(by_key[k]), reference=format_reference(by_key[k]))
        for k in keys_in(text) if k in by_key
    ]


def _refusal(question: str, best: float | None) -> Answer:
    detail = "no relevant passages" if best is None else f"best sentence similarity {best:.2f}"
    return Answer(
        question=question,
        answer=(
            "The indexed abstracts do not contain enough evidence to answer this question "
            f"({detail}). Try rephrasing it, or ingest papers on the topic."
        ),
        refused=True,
    )


def answer_question(
    question: str,
    settings: Settings,
    retriever: HybridRetriever,
    k: int | None = None,
    llm: LLMClient | None = None,
    filters: Filters | None = None,
) -> Answer:
    """Answer from retrieved abstracts only; refuse when the evidence is weak."""
    k = k or settings.retrieve_k
    hits = retriever.search(question, k=k, filters=filters)
    papers = retriever.papers_for(hits)
    top = max((h.score for h in hits), default=1.0) or 1.0
    ranked = rank_sentences(question, papers, settings, {h.id: h.score / top for h in hits})
    best = max((e.similarity for e in ranked), default=None)
    if best is None or best < settings.min_evidence_similarity:
        return _refusal(question, best)
    # A quoted sentence must be relevant on its own, not just come from a relevant paper.
    strong = [e for e in ranked if e.score >= 0.7 * ranked[0].score]
    selected = mmr_select(strong, k=6, settings=settings, per_paper=2)
    notes: list[str] = []
    if llm is not None:
        try:
            return _llm_answer(question, papers, ranked, llm, notes)
        except LLMError as exc:
            notes.append(f"LLM unavailable ({exc.message}); fell back to the extractive writer")
        except UnusableAnswer as exc:
            notes.append(f"{exc}; fell back to the extractive writer")
    text = extractive_answer(selected, FALLBACK_HEADER if notes else EXTRACTIVE_HEADER)
    return Answer(
        question=question, answer=text, citations=_citations(text, papers), mode="offline", notes=notes
    )


def _llm_answer(
    question: str, papers: list[Paper], ranked: list[EvidenceSentence], llm: LLMClient, notes: list[str]
) -> Answer:
    per_paper: dict[str, int] = {}
    evidence: list[EvidenceSentence] = []
    for ev in ranked:
        if per_paper.get(ev.paper_id, 0) < 4:
            evidence.append(ev)
            per_paper[ev.paper_id] = per_paper.get(ev.paper_id, 0) + 1
    allowed = [p.key for p in papers]
    raw = llm.complete(
        "ask",
        "answer",
        {
            "question": question,
            "evidence": evidence_block(papers, evidence),
            "allowed_keys": ", ".join(f"@{k}" for k in allowed),
            "refusal_mark": REFUSAL_MARK,
        },
    )
    if REFUSAL_MARK in raw:
        refused = _refusal(question, None)
        refused.mode = "llm"
        refused.answer = refused.answer.replace("(no relevant passages)", "(the model found them insufficient)")
        return refused
    filtered = filter_citations(raw, set(allowed))
    if filtered.removed:
        notes.append("removed citations to keys that were not retrieved: " + ", ".join(filtered.removed))
    text = _drop_contradicted(filtered.text, papers, llm, notes)
    if not raw.strip():
        raise UnusableAnswer("the model's answer was empty")
    if not any(s.keys for s in cited_sentences(text)):
        # Uncited prose (or a reply in another format) is not grounded in the abstracts: never print it.
        raise UnusableAnswer("the model's answer cited no retrieved paper")
    return Answer(question=question, answer=text, citations=_citations(text, papers), mode="llm", notes=notes)


def _drop_contradicted(text: str, papers: list[Paper], llm: LLMClient, notes: list[str]) -> str:
    """Run the shared claim checker on each cited sentence; drop what the cited abstracts contradict.

    Unsupported paraphrases are kept but counted: the offline checker is strict about paraphrase,
    while a contradiction (changed number, reversed direction, negation) is a clear error.
    """
    from reviewer.checker import ClaimChecker

    checker = ClaimChecker(llm.settings)
    by_key = {p.key: p for p in papers}
    kept: list[str] = []
    unsupported = 0
    for paragraph in text.split("\n\n"):
        out = []
        for sentence in cited_sentences(paragraph):
            cited = [by_key[k] for k in sentence.keys if k in by_key]
            rendered = attach(sentence.text, sentence.keys)
            if cited:
                label = checker.check(sentence.text, cited).label
                if label == "CONTRADICTED":
                    notes.append(f"dropped a sentence its cited abstracts contradict: {sentence.text[:100]}")
                    continue
                unsupported += label == "UNSUPPORTED"
            out.append(rendered)
        if out:
            kept.append(" ".join(out))
    if unsupported:
        notes.append(f"{unsupported} cited sentence(s) paraphrase beyond what the offline checker can confirm")
    return "\n\n".join(kept)
