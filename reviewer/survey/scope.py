"""Stage 1: expand the topic into sub-queries and pool what each retrieves.

Several queries find facets that the topic's own wording misses; reciprocal rank fusion with the topic
weighted highest keeps the pool centred on the topic. One more ranking joins the fusion: the topic's vector
moved toward its search's first papers (reviewer.survey.feedback), for papers a rewording's words miss.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from reviewer.retrieve import Filters, HybridRetriever, rrf
from reviewer.settings import Settings
from reviewer.survey.bridges import bridge_phrases, setting_stems, subject_chunks, vocabulary
from reviewer.survey.context import Previous, SurveyContext
from reviewer.survey.feedback import FEEDBACK_PAPERS, feedback_ranking
from reviewer.survey.terms import PhraseStats, head_chunk, phrases, topic_chunks
from reviewer.survey.types import Acronym, RetrievedPaper, ScopeReply, ScopeResult, StageInfo
from reviewer.textutil import content_stems

if TYPE_CHECKING:
    from reviewer.llm.client import LLMClient

TOPIC_WEIGHT = 2.0
PRF_DOCS = 8
MAX_QUERIES = 5
BRIDGE_WEIGHT = 0.7  # a corpus term near the topic's wording: a facet, below the topic and its head phrase
FEEDBACK_POOL_WEIGHT = 1.0  # the feedback ranking (reviewer.survey.feedback) in the pool's fusion, as a facet query


def llm_queries(topic: str, llm: LLMClient) -> list[str]:
    """3-5 sub-queries from the LLM; the topic itself always runs first."""
    reply = llm.structured("scope", "scope", {"topic": topic}, ScopeReply)
    assert isinstance(reply, ScopeReply)
    queries = [topic] + [q for q in reply.queries if q.strip().lower() != topic.strip().lower()]
    return queries[: MAX_QUERIES + 1]


def acronym(chunk: str, texts: list[str]) -> str | None:
    """The acronym the papers define for a phrase, e.g. 'process reward models (PRMs)' -> 'PRM'."""
    words_ = chunk.split()
    if len(words_) < 2:
        return None
    body = r"[\s-]+".join(re.escape(w[:-1] if w.endswith("s") else w) + r"s?" for w in words_)
    pattern = re.compile(body + r"\s*\(([A-Z][A-Za-z0-9-]{1,9})\)", re.IGNORECASE)
    found: Counter[str] = Counter()
    for text in texts:
        for m in pattern.finditer(text):
            acr = m.group(1)
            if sum(c.isupper() for c in acr) >= 2:
                found[acr[:-1] if acr.endswith("s") and acr[:-1].isupper() else acr] += 1
    return found.most_common(1)[0][0] if found else None


_GLUE_WORDS = frozenset("a an the of for in on with and to via by from at as".split())


def spells(short: str, phrase: str) -> bool:
    """The acronym's letters are the phrase's word initials in order, each word giving at least its first letter
    ('PRM' spells 'process reward models', 'RLAIF' 'reinforcement learning from AI feedback'); 'PRM' does not
    spell 'reward models', whose definition '(process) reward models (PRMs)' the acronym search also finds."""
    letters = "".join(c for c in short if c.isupper() or c.isdigit()).lower()
    letters = letters[:-1] if short.endswith("s") and short[:-1].isupper() else letters
    words = [w.lower() for w in re.split(r"[\s-]+", phrase) if w and w.lower() not in _GLUE_WORDS]

    def match(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        if i == len(letters) or words[j][0] != letters[i]:
            return False
        return any(match(i + 1 + k, j + 1) for k in range(len(letters) - i)
                   if _in_order(letters[i + 1:i + 1 + k], words[j][1:]))

    return bool(letters) and bool(words) and match(0, 0)


def _in_order(sub: str, word: str) -> bool:
    """Every letter of `sub` occurs in `word` in that order ('LM' in 'LLM'-like run-ins)."""
    it = iter(word)
    return all(c in it for c in sub)


def topic_acronyms(topic: str, retriever: HybridRetriever, filters: Filters | None = None) -> list[Acronym]:
    """Acronyms the topic's top papers define for its phrases, so 'DPO' counts as 'direct preference ...'."""
    papers = retriever.papers_for(retriever.search(topic, k=20, filters=filters))
    texts = [f"{p.title}. {p.abstract}" for p in papers]
    found = [(chunk, acronym(chunk, texts)) for chunk in topic_chunks(topic)]
    return [Acronym(phrase=chunk, short=acr) for chunk, acr in found if acr]


def offline_queries(
    topic: str, retriever: HybridRetriever, filters: Filters | None = None
) -> tuple[list[str], list[float]]:
    """The topic, its keyword sub-phrases, their acronyms, and a pseudo-relevance-feedback expansion.

    Returns queries and their fusion weights: the topic counts most, its head phrase and acronym next,
    broad context phrases ("LLM reasoning") least, so they add recall without taking over the pool.
    """
    queries: list[tuple[str, float]] = [(topic, TOPIC_WEIGHT)]
    chunks = topic_chunks(topic)
    multi = len(chunks) > 1
    subject = subject_chunks(chunks, setting_stems(vocabulary(retriever.catalog, retriever.settings.home)))
    if multi:
        head = head_chunk(subject)
        queries += [(c, 1.0 if c == head else 0.5) for c in subject if len(c.split()) >= 2]
    hits = retriever.search(topic, k=max(PRF_DOCS * 5, 30), filters=filters)
    papers = retriever.papers_for(hits)
    texts = [f"{p.title}. {p.abstract}" for p in papers]
    for i, chunk in enumerate(chunks):
        acr = acronym(chunk, texts[:20])
        if acr:
            rest = " ".join(c for j, c in enumerate(chunks) if j != i)
            queries.append((f"{acr} {rest}".strip(), 1.0))
    if len(papers) > PRF_DOCS:
        stats = PhraseStats(texts)
        exclude = set(content_stems(topic))
        titled = {stems for p in papers[:15] for stems, _ in phrases(p.title)}
        found = [
            p for p in stats.distinctive(list(range(PRF_DOCS)), exclude=exclude, min_df=2, top=20)
            if len(p.stems.split()) >= 2 or p.stems in titled
        ]
        core = head_chunk(subject) or topic
        queries += [(f"{core} {phrase.surface}", 0.7) for phrase in found[:1]]
    seen: dict[str, float] = {}
    for query, weight in queries:
        key = query.strip()
        if key and key.lower() not in {q.lower() for q in seen}:
            seen[key] = weight
    picked = list(seen.items())[:MAX_QUERIES]
    return [q for q, _ in picked], [w for _, w in picked]


def pool(
    queries: list[str],
    retriever: HybridRetriever,
    settings: Settings,
    max_papers: int,
    filters: Filters | None = None,
    weights: list[float] | None = None,
    rankings: list[list[str]] | None = None,
    extra: list[tuple[list[str], float]] | None = None,
) -> list[RetrievedPaper]:
    """Retrieve every query, fuse the rankings by RRF (topic first and weighted), dedupe, cap. `rankings`, when
    given, receives each query's own ranking (paper ids), in the order of `queries`; `extra` are rankings
    made otherwise (reviewer.survey.feedback), fused with their weights."""
    rankings = [] if rankings is None else rankings
    found_by: dict[str, list[int]] = {}
    for qi, query in enumerate(queries):
        hits = retriever.search(query, k=max_papers, filters=filters)
        rankings.append([h.id for h in hits])
        for h in hits:
            found_by.setdefault(h.id, []).append(qi)
    weights = weights or [TOPIC_WEIGHT] + [1.0] * (len(queries) - 1)
    fused = rrf(rankings + [r for r, _ in extra or []], settings.rrf_k, weights + [w for _, w in extra or []])
    top = sorted(fused, key=lambda d: (-fused[d], d))[:max_papers]
    papers = retriever.catalog.get_many(top)
    return [
        RetrievedPaper(paper=papers[d], score=round(fused[d], 6), queries=found_by.get(d, []))
        for d in top
        if d in papers
    ]


def run(ctx: SurveyContext, previous: Previous) -> ScopeResult:
    """Queries (LLM or offline), their pooled papers, and the acronyms the corpus defines for the topic."""
    topic, info = ctx.topic, StageInfo(stage="scope")
    weights: list[float] | None = None
    bridges: list[str] = []
    if ctx.llm is not None:
        queries, info = llm_queries(topic, ctx.llm), StageInfo(stage="scope", mode="llm")
    else:
        queries, weights = offline_queries(topic, ctx.retriever, ctx.filters)
        # Each corpus term joins the topic's head phrase, so a term near a modifier ('vision-language')
        # still asks for the topic's subject ('reward models').
        setting = setting_stems(vocabulary(ctx.retriever.catalog, ctx.settings.home))
        core = head_chunk(subject_chunks(topic_chunks(topic), setting)) or topic
        bridges = [f"{core} {b}" for b in bridge_phrases(topic, ctx.retriever.catalog, ctx.settings)]
        bridges = [b for b in bridges if b.lower() not in {q.lower() for q in queries}]
        queries, weights = queries + bridges, weights + [BRIDGE_WEIGHT] * len(bridges)
    weights = weights or [TOPIC_WEIGHT] + [1.0] * (len(queries) - 1)
    rankings: list[list[str]] = []
    first = [h.id for h in ctx.retriever.search(topic, k=FEEDBACK_PAPERS, filters=ctx.filters)]
    feedback = feedback_ranking(topic, first, ctx.retriever, ctx.options.max_papers, ctx.filters)
    extra = [(feedback, FEEDBACK_POOL_WEIGHT)] if feedback and FEEDBACK_POOL_WEIGHT > 0 else []
    found = pool(queries, ctx.retriever, ctx.settings, ctx.options.max_papers, ctx.filters, weights, rankings, extra)
    acronyms = topic_acronyms(topic, ctx.retriever, ctx.filters)
    # The topic's own ranking, saved so the evidence stage need not run the same search again (LLM queries
    # may not hold the topic word for word: then none is saved and evidence searches).
    ranking = next((r for q, r in zip(queries, rankings, strict=True) if q == topic), [])
    return ScopeResult(info=info, topic=topic, queries=queries, weights=weights, papers=found, acronyms=acronyms,
                       bridges=bridges, topic_ranking=ranking)
