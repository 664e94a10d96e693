"""Stage 2: per paper, the verbatim abstract sentences bearing on the topic, and its table row.

Selection is by rank, so rewording a topic does not swing the count: every pooled paper (the fused top of
each facet query and of the topic's feedback ranking, scope.py) is re-scored by one relevance model (title and best
sentence against the topic, blended with closeness to the topic's best few papers by it and by the
topic's own search, those both place high weighing double (reviewer.survey.anchors), less a fixed penalty
for never using the topic's rare subject words and one for leaving a facet of the topic unaddressed, reviewer.survey.facets), and up to `MAX_SURVEYED` papers above a floor
(absolute, or `TOP_MARGIN` under the pool's best paper when higher) are surveyed, and so is a paper a little
under it that the topic's own hybrid search ranks among its first few; past the first `AGREE_FROM` papers, a
paper must also rank high in the topic's search or the pooled ranking, and so must one at any rank that never uses
one of the topic's rare words. The appendix says which floor or rank
left each other paper out. Only a paper's own method, result and conclusion sentences are quoted
(reviewer.survey.quotepick); its limitation sentences feed the open-problems section. With an LLM, papers go in batches
(`REVIEWER_EVIDENCE_BATCH_SIZE` per call) for a relevance grade that decides membership, a summary, quotes and
table fields; every quote and span is verified against the abstract and dropped if it is not there.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

import numpy as np

from reviewer.errors import BudgetExceeded, LLMError
from reviewer.evidence import rank_sentences
from reviewer.llm.blocks import papers_block
from reviewer.models import EvidenceSentence, Paper
from reviewer.quotes import quote_sentences, verify_quote
from reviewer.settings import Settings
from reviewer.survey.anchors import anchored
from reviewer.survey.bridges import setting_stems, subject_chunks, vocabulary
from reviewer.survey.context import Previous, SurveyContext
from reviewer.survey.facets import TitleStats, facet_penalty, title_stats
from reviewer.survey.leftout import below_floor, unconfirmed
from reviewer.survey.quotepick import INJECTED, pick_quotes
from reviewer.survey.scales import TODAY, floors
from reviewer.survey.subject import FIRST_PAPERS, supported
from reviewer.survey.table import llm_benchmarks, mine_gazetteer, offline_row, verified_cell
from reviewer.survey.terms import head_chunk, is_clause, topic_chunks
from reviewer.survey.types import (
    Acronym,
    EvidenceReply,
    EvidenceResult,
    PaperEvidence,
    RetrievedPaper,
    ScopeResult,
    StageInfo,
    WeakPaper,
)
from reviewer.textutil import chunks, content_stems, split_sentences

if TYPE_CHECKING:
    from reviewer.catalog import Catalog
    from reviewer.index import LexicalIndex
    from reviewer.llm.client import LLMClient

SUBQUERY_DISCOUNT = 0.9
BRIDGE_DISCOUNT = 0.9  # a paper about a bridging facet (reviewer.survey.bridges), like one found by a sub-query
MAX_SURVEYED = 20  # papers surveyed, by rank; a count, never a share of the best score
# Today's model's values; each embedding model has its own (reviewer.survey.scales, keyed by its identity).
RELEVANCE_FLOOR = TODAY.relevance  # absolute: below it a paper is off topic whatever its rank
TOP_MARGIN = TODAY.top_margin  # ... as is one this far under the pool's best (a dense setting clears the absolute floor)
# Under the floor, a paper the topic's own hybrid search ranks among its first SEARCH_TOP pooled papers is still
# surveyed, never under RESCUE_FLOOR: a rewording's search holds more of its papers than its wording's relevance.
RESCUE_FLOOR = TODAY.rescue
SEARCH_TOP = 5
RARE_SHARE = 0.1  # a topic word found in at most this share of the corpus names what the topic is about
RARE_PENALTY = 0.05  # relevance lost by a paper that names none of the topic's rare words
# Past the first AGREE_FROM surveyed papers, relevance alone no longer decides: the paper must also be among
# the first AGREE_TOP of the topic's own hybrid search or of the pooled (fused) ranking of the facet queries.
AGREE_FROM = 8
AGREE_TOP = 20


def offline_evidence(
    topic: str,
    queries: list[str],
    retrieved: list[RetrievedPaper],
    settings: Settings,
    acronyms: list[Acronym] | None = None,
    stored: dict[str, np.ndarray] | None = None,
    every: bool = False,
    rare: dict[str, float] | None = None,
    bridges: list[str] | None = None,
    searched: list[str] | None = None,
    titles: TitleStats | None = None,
    setting: frozenset[str] = frozenset(),
) -> EvidenceResult:
    """Evidence for the surveyed papers (`every`: for every pooled paper, best first, for the LLM to grade).

    `searched`: paper ids in the order the topic's own hybrid search ranks them (see `_agreed`); `titles`:
    the corpus's title word counts, which find the topic's facets (reviewer.survey.facets); `setting`: the stems
    most corpus papers use, which never make the topic's head phrase (reviewer.survey.bridges)."""
    papers = [r.paper for r in retrieved]
    topic_scores = _scores(topic, papers, settings)
    combined = dict(topic_scores)
    for query in queries[1:]:
        for loc, score in _scores(query, papers, settings).items():
            combined[loc] = max(combined.get(loc, 0.0), SUBQUERY_DISCOUNT * score)
    acronyms = acronyms or []
    relevance = _relevance([topic] + [a.apply(topic) for a in acronyms], papers, settings)
    core = _core_phrase(topic, setting)
    if core:
        # "X for Y": a paper must be about X, not merely about Y, so the head phrase weighs half.
        core_rel = _relevance([core] + [a.apply(core) for a in acronyms], papers, settings)
        relevance = {pid: (rel + core_rel[pid]) / 2 for pid, rel in relevance.items()}
    for bridge in bridges or []:
        # A corpus term near the topic's wording (reviewer.survey.bridges): a paper about it is about the topic.
        bridge_rel = _relevance([bridge], papers, settings)
        relevance = {pid: max(rel, BRIDGE_DISCOUNT * bridge_rel[pid]) for pid, rel in relevance.items()}
    relevance = anchored(relevance, stored or {}, searched or [])
    relevance, lacking = _about(relevance, papers, rare or {})
    relevance, unaddressed = facet_penalty(
        relevance, papers, topic, titles, lambda word: _relevance([word], papers, settings))
    ranked = sorted(papers, key=lambda p: (-relevance[p.id], p.key))
    scale = floors(settings)
    floor = max(scale.relevance, max(relevance.values(), default=0.0) - scale.top_margin)
    agreed = _agreed(relevance, searched or [], floor, scale.rescue)
    high = set([pid for pid in (searched or []) if pid in relevance][:AGREE_TOP]) | {p.id for p in papers[:AGREE_TOP]}
    gazetteer = mine_gazetteer(papers)
    kept: list[PaperEvidence] = []
    weak: list[WeakPaper] = []
    for rank, paper in enumerate(ranked, start=1):
        rel = relevance[paper.id]
        if rel < floor and paper.id not in agreed and not every:
            weak.append(WeakPaper(key=paper.key, title=paper.title, reason=below_floor(
                rel, floor, lacking.get(paper.id), unaddressed.get(paper.id))))
            continue
        # The cap counts surveyed papers: one left out for lacking agreement takes no place from the next.
        if len(kept) >= MAX_SURVEYED and not every:
            weak.append(WeakPaper(key=paper.key, title=paper.title, reason=(
                f"ranked {rank} of {len(ranked)} by topic relevance; the survey already holds {MAX_SURVEYED} papers, "
                "its most")))
            continue
        # A paper that never uses one of the topic's rare words owes its relevance to similarity alone (the
        # setting's phrases, closeness to the anchors): it must rank high in another ranking from the first rank on.
        if (len(kept) >= AGREE_FROM or paper.id in lacking) and paper.id not in high and paper.id not in agreed \
                and not every:
            weak.append(WeakPaper(key=paper.key, title=paper.title, reason=unconfirmed(
                rank, len(ranked), AGREE_FROM, AGREE_TOP, lacking.get(paper.id) if len(kept) < AGREE_FROM else None)))
            continue
        sentences, limitations = pick_quotes(paper, combined)
        kept.append(PaperEvidence(
            key=paper.key, paper_id=paper.id, relevance=round(rel, 4), sentences=sentences,
            limitations=limitations, row=offline_row(paper, gazetteer),
        ))
    return EvidenceResult(
        info=StageInfo(stage="evidence"), papers=kept, weak=weak, threshold=round(floor, 4),
        gazetteer=sorted(gazetteer),
    )


def _agreed(relevance: dict[str, float], searched: list[str], floor: float = RELEVANCE_FLOOR,
            rescue: float = RESCUE_FLOOR) -> set[str]:
    """Papers under the floor that two signals agree on: the topic's own hybrid search (BM25 + dense)
    ranks them among its first `SEARCH_TOP` pooled papers, and their relevance is above `rescue` (the model's
    RESCUE_FLOOR, reviewer.survey.scales).

    The relevance model re-scores a reworded topic by its words and its best papers, and a rewording
    that avoids the corpus's term ('untrue content' for 'hallucination') leaves an on-topic paper a
    little short of the floor, while BM25 or the paper vectors may still put it first. A rank, not a
    score, decides, so the rule does not hang on the exact similarity values."""
    top = [pid for pid in searched if pid in relevance][:SEARCH_TOP]
    return {pid for pid in top if rescue <= relevance[pid] < floor}


def rare_words(
    topic: str, acronyms: list[Acronym], lexical: LexicalIndex, title_stems: frozenset[str]
) -> dict[str, float]:
    """The topic's words that few papers of the corpus use ('mind' in 'LLM theory-of-mind reasoning',
    not 'reasoning'), with an IDF weight: what the topic is about rather than its setting.

    Only words some paper puts in its title count: titles name subjects, so 'instead' or 'avoid' in a
    reworded topic is not taken for one. A word no paper uses (a paraphrase's own wording) says
    nothing about any paper and is skipped."""
    total = len(lexical.ids)
    out: dict[str, float] = {}
    seen: set[str] = set()
    for word in re.findall(r"[A-Za-z][A-Za-z0-9]+", " ".join([topic] + [a.short for a in acronyms])):
        stems = content_stems(word)
        if not stems or total == 0 or stems[0] not in title_stems or stems[0] in seen:
            continue
        seen.add(stems[0])
        df = len(lexical.query(word, total))
        if 0 < df <= RARE_SHARE * total:
            out[word] = math.log(total / df)
    return out


_TITLE_STEMS: dict[tuple[str, str], frozenset[str]] = {}


def corpus_title_stems(catalog: Catalog) -> frozenset[str]:
    """Every stem any corpus title uses, read once per corpus version."""
    key = (str(catalog.path), catalog.version())
    if key not in _TITLE_STEMS:
        _TITLE_STEMS.clear()
        _TITLE_STEMS[key] = frozenset(st for p in catalog.iter_papers() for st in content_stems(p.title))
    return _TITLE_STEMS[key]


def _about(
    relevance: dict[str, float], papers: list[Paper], rare: dict[str, float]
) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Lower the relevance of a paper by the IDF-weighted share of the topic's rare words it never uses;
    also return, per paper, the rare words it lacks (the appendix says so when it leaves a paper out).

    Similarity rewards a paper on the topic's setting ('LLM reasoning') as much as one on its subject
    ('theory of mind'); a paper about the topic uses the subject's own words somewhere in its title or
    abstract. The penalty is absolute (a share of a fixed amount), so the count does not follow wording.
    """
    if not rare:
        return relevance, {}
    total = sum(rare.values())
    wanted = {word: content_stems(word)[0] for word in rare}
    out, lacking = dict(relevance), {}
    for paper in papers:
        stems = set(content_stems(f"{paper.title} {paper.abstract}"))
        missing = [word for word, stem in wanted.items() if stem not in stems]
        out[paper.id] = relevance[paper.id] - RARE_PENALTY * sum(rare[w] for w in missing) / total
        if missing:
            lacking[paper.id] = missing
    return out, lacking


def _core_phrase(topic: str, setting: frozenset[str] = frozenset()) -> str | None:
    """The head phrase of a multi-part topic ('process reward models' of '... for LLM reasoning'), never one
    only of the corpus's `setting` words ('large language models' of '... in education', reviewer.survey.bridges)."""
    if is_clause(topic):  # a question's first noun phrase is not necessarily its subject
        return None
    chunks = topic_chunks(topic)
    head = head_chunk(subject_chunks(chunks, setting))
    return head if len(chunks) > 1 and head and content_stems(head) else None


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
            if note.relevance <= 1:
                unrelated.add(key)
            sentences = split_sentences(paper.abstract)
            have = {s.index for s in ev.sentences}
            for quote in note.quotes:
                idx = next(iter(quote_sentences(quote, sentences)), None) if verify_quote(quote, paper.abstract) else None
                if idx is None or INJECTED.search(sentences[idx]):
                    dropped.append(f"{key}: {quote[:120]}")
                    continue
                if idx not in have:
                    have.add(idx)
                    ev.sentences.append(EvidenceSentence(
                        paper_id=paper.id, key=key, index=idx, text=sentences[idx], score=ev.relevance))
            for column in ("method", "task", "result"):
                span = getattr(note, column)
                cell = verified_cell(span, paper.abstract, paper.title)
                if cell is not None:
                    setattr(ev.row, column, cell)
                elif span.strip():
                    dropped.append(f"{key} ({column} cell): {span[:120]}")
            names = llm_benchmarks(note.benchmarks, paper.abstract, frozenset(result.gazetteer))
            if names is not None:
                ev.row.benchmarks = names
            elif note.benchmarks.strip():
                dropped.append(f"{key} (benchmarks cell): {note.benchmarks[:120]}")
    kept = [e for e in result.papers if e.key not in unrelated]
    weak = result.weak + [
        WeakPaper(key=k, title=papers[k].title, reason="the LLM graded it unrelated or only tangential to the topic")
        for k in sorted(unrelated)
    ]
    if not failures:
        info = StageInfo(stage="evidence", mode="llm")
    else:
        mode = "offline" if len(failures) == len(batches) else "mixed"
        info = StageInfo(stage="evidence", mode=mode, reason=f"{len(failures)} of {len(batches)} LLM batches "
                         f"failed, offline evidence kept for them: {failures[0]}")
    return result.model_copy(update={"papers": kept, "weak": weak, "dropped_quotes": dropped, "info": info})


def saved_ranking(scope: ScopeResult, candidate_pool: int, max_papers: int) -> list[str]:
    """The scope stage's saved topic ranking, cut to what a search for as many papers as were pooled returns:
    the same list, since both searches fuse the same `candidate_pool` candidates; [] when it was not saved
    (older runs) or the searches would differ (more papers pooled than candidates)."""
    if not scope.topic_ranking or max(candidate_pool, max_papers) != max(candidate_pool, len(scope.papers)):
        return []
    return scope.topic_ranking[:len(scope.papers)]


def run(ctx: SurveyContext, previous: Previous) -> EvidenceResult:
    """Offline evidence for every pooled paper; with an LLM, graded, quoted and verified on top of it."""
    scope = previous.need_scope()
    stored = ctx.retriever.reading_vectors([r.paper.id for r in scope.papers])
    args = (scope.topic, scope.queries, scope.papers, ctx.settings, scope.acronyms, stored)
    rare = rare_words(scope.topic, scope.acronyms, ctx.retriever.lexical, corpus_title_stems(ctx.retriever.catalog))
    setting = setting_stems(vocabulary(ctx.retriever.catalog, ctx.settings.home))
    if ctx.llm is None:
        searched = saved_ranking(scope, ctx.settings.candidate_pool, ctx.options.max_papers) or [
            h.id for h in ctx.retriever.search(scope.topic, k=len(scope.papers), filters=ctx.filters)]
        first = ctx.retriever.catalog.get_many(searched[:FIRST_PAPERS])
        rare = supported(rare, [first[pid] for pid in searched[:FIRST_PAPERS] if pid in first])
        return offline_evidence(*args, rare=rare, bridges=scope.bridges, searched=searched,
                                titles=title_stats(ctx.retriever.catalog), setting=setting)
    # With an LLM its relevance grade decides: every pooled paper is graded; a paper whose batch failed
    # keeps the offline decision (rank and floor).
    wide = offline_evidence(*args, every=True, rare=rare, setting=setting)
    if not wide.papers:
        return wide
    result = llm_evidence(scope.topic, wide, ctx.papers, ctx.llm, ctx.settings.evidence_batch_size)
    floor = floors(ctx.settings).relevance
    offline_keep = {e.key for e in [e for e in wide.papers if e.relevance >= floor][:MAX_SURVEYED]}
    ungraded = [e for e in result.papers if e.llm_relevance is None and e.key not in offline_keep]
    if not ungraded:
        return result
    left = {e.key for e in ungraded}
    weak = result.weak + [WeakPaper(key=e.key, title=ctx.papers[e.key].title, reason=(
        f"not graded by the LLM (its batch failed) and outside the offline top {MAX_SURVEYED} above the "
        f"relevance floor {floor:.2f}")) for e in ungraded]
    return result.model_copy(update={"papers": [e for e in result.papers if e.key not in left], "weak": weak})
