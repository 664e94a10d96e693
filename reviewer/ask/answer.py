"""`ask`: retrieve, pick evidence sentences, answer with citations restricted to the retrieved papers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reviewer.ask.cite import clean
from reviewer.ask.count import asked_figure_first
from reviewer.ask.define import defining_papers
from reviewer.ask.detail import detail_refusal, unstated_detail
from reviewer.ask.figure import figure_first
from reviewer.ask.finding import finding_first
from reviewer.ask.forms import compared_with, two_parts
from reviewer.ask.names import NameIndex, corpus_names
from reviewer.ask.predicate import off_topic, refusal_text
from reviewer.ask.proper import proper_order
from reviewer.ask.question import QType, Question, analyse
from reviewer.ask.recall import recall_for
from reviewer.ask.render import render_extractive
from reviewer.ask.select import Scored, Selection, score_for_type, select, subject_forms
from reviewer.ask.spelling import corpus_spelling
from reviewer.citations import attach, cited_sentences, keys_in
from reviewer.errors import LLMError
from reviewer.evidence import rank_sentences
from reviewer.llm.blocks import evidence_block
from reviewer.models import Answer, AnswerSentence, Citation, EvidenceQuote, EvidenceSentence, Paper
from reviewer.retrieve import Filters, HybridRetriever
from reviewer.settings import Settings

if TYPE_CHECKING:
    from reviewer.llm.client import LLMClient

REFUSAL_MARK = "INSUFFICIENT_EVIDENCE"
# Off-domain by vocabulary: at least this share of the question's content words appear nowhere in the corpus
# (and no sentence is clearly similar). Dev set: answerable questions <= 0.17, off-domain >= 0.60.
OFF_DOMAIN_SHARE = 0.5
OFF_DOMAIN_MAX_SIMILARITY = 0.55
# Weight of the paper's retrieval score (best paper = 1) in each of its sentences' scores. 0.1 -> 0.2 gained one
# dev lead (a sentence of the paper the ranker puts far ahead) and changed no other; 0.3 scores the same on all sets.
PAPER_PRIOR = 0.2
# Weight of the question's dense similarity to each paper's title in the order of candidate sentences (not in their
# scores, which the lead rules compare within a paper). A title says what a paper is about; between close sentences,
# the one from a paper about the question's subject answers it, not one from a paper touching it in passing.
TITLE_WEIGHT = 0.3
EXTRACTIVE_HEADER = (
    "(Extractive answer, no LLM endpoint configured: sentences quoted from the retrieved abstracts, with "
    "enumerators dropped and first person put in the third person.)"
)
FALLBACK_HEADER = (
    "Extractive answer (the LLM's answer could not be used; see the notes): the most relevant sentences "
    "of the retrieved abstracts, quoted verbatim."
)


class UnusableAnswer(Exception):
    """The model replied, but with nothing grounded to print (empty, or citing no retrieved paper)."""




def _citations(text: str, papers: list[Paper]) -> list[Citation]:
    by_key = {p.key: p for p in papers}
    from reviewer.references import format_reference, link

    return [
        Citation(key=k, id=by_key[k].id, title=by_key[k].title, authors=by_key[k].authors, year=by_key[k].year,
                 venue=by_key[k].venue, link=link(by_key[k]), reference=format_reference(by_key[k]))
        for k in keys_in(text) if k in by_key
    ]


def _refusal(question: str, best: float | None, qtype: str = "general") -> Answer:
    detail = "no relevant passages" if best is None else f"best sentence similarity {best:.2f}"
    return Answer(
        question=question,
        answer=(
            "The indexed abstracts do not contain enough evidence to answer this question "
            f"({detail}). Try rephrasing it, or ingest papers on the topic."
        ),
        refused=True,
        question_type=qtype,
    )


def _unknown_name(q: Question, unknown: list[str], names: NameIndex) -> Answer:
    closest = names.closest(unknown[0])
    listed = ", ".join(closest) if closest else "none"
    return Answer(
        question=q.text,
        answer=(
            f"{', '.join(repr(u) for u in unknown)} is not in the corpus: no indexed title or abstract names "
            f"it, so nothing can be said about it. Closest names that are in the corpus: {listed}."
        ),
        refused=True,
        question_type=q.qtype.value,
        closest_names=closest,
    )


def retrieve_for(q: Question, retriever: HybridRetriever, k: int, filters: Filters | None) -> list[Paper]:
    """Papers for the whole question, plus the best few for each sub-query (each compared side, the term)."""
    return retrieve_scored(q, retriever, k, filters)[0]


def retrieve_scored(
    q: Question, retriever: HybridRetriever, k: int, filters: Filters | None
) -> tuple[list[Paper], dict[str, float]]:
    """`retrieve_for` plus each paper's retrieval score for the whole question, scaled to the best (1.0).

    The paper ranker decides well *which paper* answers; the score lets sentence ranking lean on it.
    Papers found only by a sub-query get the lowest score of the main list.
    """
    hits = retriever.search(q.text, k=k, filters=filters)
    top = max((h.score for h in hits), default=1.0) or 1.0
    prior = {h.id: h.score / top for h in hits}
    floor = min(prior.values(), default=0.0)
    seen = {h.id for h in hits}
    for sub in q.sub_queries[1:]:
        for h in retriever.search(sub, k=max(2, k // 2), filters=filters):
            if h.id not in seen:
                hits.append(h)
                seen.add(h.id)
                prior[h.id] = floor
    return retriever.papers_for(hits), prior


def answer_question(
    question: str,
    settings: Settings,
    retriever: HybridRetriever,
    k: int | None = None,
    llm: LLMClient | None = None,
    filters: Filters | None = None,
    names: NameIndex | None = None,
) -> Answer:
    """Answer from retrieved abstracts only; refuse unknown names and weak evidence.

    `names` (the corpus's vocabulary) may be passed in so a session builds it once. The question is read in the
    corpus's spelling ("prioritises" as "prioritizes"); the answer still quotes the question as asked.
    """
    names = names or corpus_names(retriever.catalog, settings.home)
    answer = _answer(corpus_spelling(question, names.vocabulary), settings, retriever, k, llm, filters, names)
    answer.question = question
    return answer


def _answer(question: str, settings: Settings, retriever: HybridRetriever, k: int | None, llm: LLMClient | None,
            filters: Filters | None, names: NameIndex) -> Answer:
    k = k or settings.retrieve_k
    q = analyse(question)
    unknown = [n for n in q.names if not names.known(n)]
    if unknown:
        return _unknown_name(q, unknown, names)
    aliases = {n: names.expansions[n] for n in q.names if n in names.expansions}
    for alias in aliases.values():
        q.sub_queries.append(alias[0])
    papers, prior = retrieve_scored(q, retriever, k, filters)
    if (q.qtype == QType.DEFINITION or q.qtype == QType.MECHANISM and q.subject in q.names) and q.subject \
            and not (filters and filters.active):
        # A widely used term's definition may sit in a paper that a search for the bare term ranks low.
        forms = subject_forms(q.subject, aliases)
        extra = defining_papers(names.papers, forms, {p.id for p in papers})
        floor = min(prior.values(), default=0.0)
        papers += extra
        prior.update({p.id: floor for p in extra})
    # Refusals judge the retrieved papers only; the papers one sentence of which matches the question join after.
    retrieved = list(papers)
    if not (filters and filters.active):
        papers, prior = _with_recalled(q.text, papers, prior, retriever, names, settings)
    ranked = _ranked(question, papers, prior, settings)
    kept = {p.id for p in retrieved}
    ranked_retrieved = [e for e in ranked if e.paper_id in kept]
    best = max((e.similarity for e in ranked_retrieved), default=None)
    off_domain = names.unknown_share(question) >= OFF_DOMAIN_SHARE and (best or 0.0) < OFF_DOMAIN_MAX_SIMILARITY
    if best is None or best < settings.min_evidence_similarity or off_domain:
        refused = _refusal(question, best, q.qtype.value)
        refused.best_similarity = best
        return refused
    asked_names = [*q.names, *(n for n in names.named_in(question) if n not in q.names)]
    unasked = off_topic(question, asked_names, ranked_retrieved, retrieved, names.vocabulary,
                        lambda text, some: _ranked(text, some, prior, settings), q.qtype == QType.DEFINITION,
                        lambda: names.common)
    if unasked is not None:
        return Answer(question=question, answer=refusal_text(unasked, asked_names), refused=True,
                      question_type=q.qtype.value, best_similarity=best)
    # A detail abstracts rarely give (hardware, learning rate, license, pay ...) that the closest abstracts do not.
    detail = unstated_detail(question, sorted(ranked_retrieved, key=lambda e: -e.score), retrieved)
    if detail is not None:
        return Answer(question=question, answer=detail_refusal(detail, best), refused=True,
                      question_type=q.qtype.value, best_similarity=best)
    # "Compared with Y, how does X ...?" asks the question after the comma, about X (Y's names do not count).
    compared = compared_with(question) if q.qtype != QType.COMPARISON else None
    parts = two_parts(compared[1] if compared else question) if q.qtype != QType.COMPARISON else None
    # "Why P, and what does X do about it?": the lead answers the first question, a point the second.
    focus = parts[0] if parts else compared[1] if compared else ""
    first_q = _part(focus, q, inherit=not compared) if focus else q
    scored = score_for_type(first_q, _ranked(f"{focus} {first_q.subject}", papers, prior, settings) if focus else ranked,
                            papers, aliases, title_order(focus or question, first_q, papers, settings))
    if not scored:
        return _refusal(question, best, q.qtype.value)
    scored = figure_first(first_q.text, scored)  # "How many ...?" opens with a close sentence that states a figure
    scored = asked_figure_first(first_q.text, scored)  # ... of the kind asked: 'which two parts', 'what share'
    scored = finding_first(first_q.text, scored)  # 'What did X find / conclude?' opens with a finding, not an aim
    notes: list[str] = []
    if llm is not None:
        try:
            return _llm_answer(q, papers, scored, llm, notes)
        except LLMError as exc:
            notes.append(f"LLM unavailable ({exc.message}); fell back to the extractive writer")
        except UnusableAnswer as exc:
            notes.append(f"{exc}; fell back to the extractive writer")
    sel = select(first_q, scored, papers)
    if parts:
        second = _part(parts[1], first_q)
        later = score_for_type(second, _ranked(f"{parts[1]} {second.subject}", papers, prior, settings), papers, aliases,
                               title_order(parts[1], second, papers, settings))
        sel = _with_point(sel, later, papers)
    text = render_extractive(sel, papers, "" if notes else EXTRACTIVE_HEADER).rstrip()
    if notes:
        text = FALLBACK_HEADER + "\n\n" + text
    used = [sel.lead, *sel.points]
    return Answer(
        question=question, answer=text, citations=_citations(text, papers), mode="offline", notes=notes,
        question_type=first_q.qtype.value, sentences=_sentences(text, used), evidence=_quotes(used),
        best_similarity=best,
    )


def _with_recalled(text: str, papers: list[Paper], prior: dict[str, float], retriever: HybridRetriever,
                   names: NameIndex, settings: Settings) -> tuple[list[Paper], dict[str, float]]:
    """The retrieved papers plus those whose single best sentence is closer to the question than any retrieved
    sentence (a paraphrase matches one sentence while its paper ranks far down); they get the lowest prior."""
    vector = retriever.index_query(text)  # the index model's: compared with the per-paper unit rows
    have = {p.id for p in papers}
    extra = recall_for(names.papers, settings, len(vector)).best_papers(vector, have)
    floor = min(prior.values(), default=0.0)
    return [*papers, *extra], {**prior, **{p.id: floor for p in extra}}


def _ranked(text: str, papers: list[Paper], prior: dict[str, float], settings: Settings) -> list[EvidenceSentence]:
    """Sentences by relevance to `text`, leaning on the paper ranker's score."""
    ranked = rank_sentences(text, papers, settings)
    for ev in ranked:
        ev.score += PAPER_PRIOR * prior.get(ev.paper_id, 0.0)
    return ranked


def title_order(text: str, q: Question, papers: list[Paper], settings: Settings) -> dict[str, float]:
    """TITLE_WEIGHT times each paper's title's dense similarity to the text (0 when negative): how much the paper
    is about it, added to its sentences' scores where candidates are ordered.

    Not for a definition, a comparison, a list of methods or a why-question: those are answered by general statements
    (a term's definition, a contrast of two sides, a survey of approaches, a cause) that any paper's background may
    make, whatever its topic. A proper noun the question names (`proper.proper_order`) counts for every question."""
    from reviewer.vector_cache import VectorCache

    proper = proper_order(text, q.names, papers)
    if not papers or q.qtype in (QType.DEFINITION, QType.COMPARISON, QType.METHODS) or q.text.lower().startswith("why"):
        return proper
    cache = VectorCache(settings)  # the reading model: titles embedded alone, TITLE_WEIGHT tuned on it
    try:
        vectors = cache.embed([text, *(p.title for p in papers)])
    finally:
        cache.close()
    sims = vectors[1:] @ vectors[0]
    return {p.id: TITLE_WEIGHT * max(0.0, float(v)) + proper.get(p.id, 0.0) for p, v in zip(papers, sims, strict=True)}


def _part(text: str, whole: Question, inherit: bool = True) -> Question:
    """One half of a two-part question, analysed alone; the subject named in the other half ("... and how
    does X get around it?") is its subject too when it names none (`inherit`; not Y of "compared with Y")."""
    part = analyse(text)
    part.names = list(dict.fromkeys([*part.names, *(whole.names if inherit else [])]))
    if inherit and not part.subject and whole.subject and part.qtype != QType.COMPARISON:
        part.subject = whole.subject
    return part


def _with_point(sel: Selection, later: list[Scored], papers: list[Paper]) -> Selection:
    """The selection with the best answer to the second question as its first point (unless already used)."""
    lead = (sel.lead.ev.paper_id, sel.lead.ev.index)
    # The best-scored answer to the second question: a point may lean on its neighbour ("These results ...").
    best = max((s for s in later if (s.ev.paper_id, s.ev.index) != lead), key=lambda s: s.score, default=None)
    if best is None:
        return sel
    points = [best, *[p for p in sel.points if (p.ev.paper_id, p.ev.index) != (best.ev.paper_id, best.ev.index)]]
    points = points[: max(len(sel.points), 1)]
    by_paper: dict[str, list[Scored]] = {}
    for p in points:
        by_paper.setdefault(p.ev.paper_id, []).append(p)
    title = {p.id: p.title for p in papers}
    # The answer to the second question opens its paper's group; the rest keep the abstract's order.
    groups = [(title[pid], sorted(items, key=lambda x: (x is not best, x.ev.index))) for pid, items in by_paper.items()]
    return Selection(lead=sel.lead, points=points, groups=groups, missing_sides=sel.missing_sides)


def _quotes(used: list[Scored]) -> list[EvidenceQuote]:
    return [EvidenceQuote(key=s.ev.key, index=s.ev.index, quote=s.ev.text) for s in used]


def _sentences(text: str, used: list[Scored]) -> list[AnswerSentence]:
    """The printed cited sentences with the role and score of the evidence each was quoted from."""
    by_key: dict[str, list[Scored]] = {}
    for s in used:
        by_key.setdefault(s.ev.key, []).append(s)
    out: list[AnswerSentence] = []
    for cs in cited_sentences(text):
        if not cs.keys:
            continue
        source = next((s for k in cs.keys for s in by_key.get(k, []) if _same(s.ev.text, cs.text)), None)
        out.append(AnswerSentence(text=cs.text, keys=cs.keys, role=source.role.value if source else "answer",
                                  score=round(source.score, 4) if source else None))
    return out


def _same(quote: str, printed: str) -> bool:
    tail = re.sub(r"\W+", " ", quote).strip().lower().split()[-5:]
    return " ".join(tail) in re.sub(r"\W+", " ", printed).lower()


def _llm_answer(q: Question, papers: list[Paper], scored: list[Scored], llm: LLMClient, notes: list[str]) -> Answer:
    """The same question analysis and evidence order as the extractive writer, written by the model."""
    per_paper: dict[str, int] = {}
    chosen: list[Scored] = []
    for s in scored:
        if per_paper.get(s.ev.paper_id, 0) < 4:
            chosen.append(s)
            per_paper[s.ev.paper_id] = per_paper.get(s.ev.paper_id, 0) + 1
    evidence: list[EvidenceSentence] = [s.ev for s in chosen]
    order = list(dict.fromkeys(s.ev.paper_id for s in chosen))
    ordered_papers = sorted(papers, key=lambda p: order.index(p.id) if p.id in order else len(order))
    allowed = [p.key for p in papers]
    focus = " vs ".join(q.sides) or q.subject or "(see the question)"
    raw = llm.complete(
        "ask",
        "answer",
        {
            "question": q.text,
            "question_type": q.qtype.value,
            "focus": focus,
            "evidence": evidence_block(ordered_papers, evidence),
            "allowed_keys": ", ".join(f"@{k}" for k in allowed),
            "refusal_mark": REFUSAL_MARK,
        },
    )
    if REFUSAL_MARK in raw:
        refused = _refusal(q.text, None, q.qtype.value)
        refused.mode = "llm"
        refused.answer = refused.answer.replace("(no relevant passages)", "(the model found them insufficient)")
        return refused
    if not raw.strip():
        raise UnusableAnswer("the model's answer was empty")
    cleaned = clean(raw, set(allowed))
    if cleaned.removed:
        notes.append("removed citations to keys that were not retrieved: " + ", ".join(cleaned.removed))
    for sentence in cleaned.dropped:
        notes.append(f"dropped a sentence whose only citations were not allowed: {sentence[:100]}")
    text = _drop_contradicted(cleaned.text, papers, llm, notes)
    if not any(s.keys for s in cited_sentences(text)):
        # Uncited prose (or a reply in another format) is not grounded in the abstracts: never print it.
        raise UnusableAnswer("the model's answer cited no retrieved paper")
    return Answer(question=q.text, answer=text, citations=_citations(text, papers), mode="llm", notes=notes,
                  question_type=q.qtype.value, sentences=_sentences(text, chosen), evidence=_quotes(chosen))


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
