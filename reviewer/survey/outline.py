"""Stage 3: group the on-topic papers into 3-7 themed sections with readable titles.

Offline: readable key phrases are picked first and papers assigned to them (themes.py), with
spherical k-means + c-TF-IDF naming as the fallback.
With an LLM: a structured outline whose validator drops keys that were not retrieved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from reviewer.models import Paper
from reviewer.settings import Settings
from reviewer.survey.models import (
    EvidenceResult,
    Outline,
    OutlineReply,
    PaperEvidence,
    Section,
    StageInfo,
    WeakPaper,
)
from reviewer.survey.terms import PhraseStats, title_case
from reviewer.survey.themes import MIN_K, ThemeDoc, find_themes, name_group
from reviewer.textutil import content_stems

if TYPE_CHECKING:
    from reviewer.llm.client import LLMClient



def paper_vectors(
    evidence: list[PaperEvidence],
    papers: dict[str, Paper],
    settings: Settings,
    stored: dict[str, np.ndarray] | None = None,
) -> np.ndarray:
    """One unit vector per paper: its whole text plus, at half weight, its topic evidence.

    The whole abstract says what a paper is about (what themes group); the evidence keeps the
    grouping anchored on the survey's topic. `stored` (paper id -> indexed whole-text vector) spares
    re-embedding the longest texts of the survey.
    """
    from reviewer.vector_cache import VectorCache

    stored = stored or {}
    cache = VectorCache(settings)
    try:
        todo = [e for e in evidence if papers[e.key].id not in stored]
        fresh = dict(zip((e.key for e in todo), cache.embed([papers[e.key].text for e in todo]), strict=True))
        full = np.stack([stored.get(papers[e.key].id, fresh.get(e.key)) for e in evidence]).astype(np.float64)
        focus = np.zeros_like(full)
        for i, ev in enumerate(evidence):
            if ev.sentences:
                focus[i] = cache.embed([s.text for s in ev.sentences]).mean(axis=0)
    finally:
        cache.close()
    out = full + 0.5 * focus
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def _embedder(settings: Settings) -> Callable[[list[str]], np.ndarray]:
    def embed(texts: list[str]) -> np.ndarray:
        from reviewer.vector_cache import VectorCache

        cache = VectorCache(settings)
        try:
            return cache.embed(texts)
        finally:
            cache.close()

    return embed


def _scope_line(terms: list[str]) -> str:
    if not terms:
        return "Papers that share no strong common phrase."
    listed = ", ".join(terms[:-1]) + f" and {terms[-1]}" if len(terms) > 1 else terms[0]
    return f"Papers whose titles and evidence centre on {listed}."


def offline_outline(
    topic: str,
    result: EvidenceResult,
    papers: dict[str, Paper],
    settings: Settings,
    stored: dict[str, np.ndarray] | None = None,
) -> Outline:
    evidence = result.papers
    info = StageInfo(stage="outline")
    if not evidence:
        return Outline(info=info, sections=[], not_covered=list(result.weak))
    docs = [ThemeDoc(title=papers[e.key].title, body=papers[e.key].abstract) for e in evidence]
    if len(evidence) < 2 * MIN_K:
        stats = PhraseStats([f"{d.title}. {d.body}" for d in docs])
        _, terms = name_group(stats, list(range(len(docs))), set(content_stems(topic)), set())
        section = Section(title=title_case(topic), scope=_scope_line(terms), keys=[e.key for e in evidence])
        return Outline(info=info, sections=[section], not_covered=list(result.weak))
    x = paper_vectors(evidence, papers, settings, stored)
    themes = find_themes(topic, docs, x, _embedder(settings))
    # Most central theme first: by the mean topic relevance of its papers.
    themes.sort(key=lambda t: -float(np.mean([evidence[i].relevance for i in t.members])))
    sections = [
        Section(title=t.title, scope=_scope_line(t.terms),
                keys=[evidence[i].key for i in sorted(t.members, key=lambda i: -evidence[i].relevance)])
        for t in themes
    ]
    return Outline(info=info, sections=sections, not_covered=list(result.weak))


def outline_block(result: EvidenceResult, papers: dict[str, Paper]) -> str:
    """One line per paper for the outline prompt: key, title and its summary or best evidence."""
    lines = []
    for ev in result.papers:
        gist = ev.summary or (ev.sentences[0].text if ev.sentences else "")
        lines.append(f"[@{ev.key}] {papers[ev.key].title} — {gist}")
    return "\n".join(lines)


def llm_outline(topic: str, result: EvidenceResult, papers: dict[str, Paper], llm: LLMClient) -> Outline:
    """Structured outline; papers the model leaves out are listed as not covered, never silently lost."""
    keys = {e.key for e in result.papers}
    schema = OutlineReply.for_keys(keys)
    variables = {
        "topic": topic,
        "papers": outline_block(result, papers),
        "keys": ", ".join(f"@{e.key}" for e in result.papers),
    }
    reply = llm.structured("outline", "outline", variables, schema)
    assert isinstance(reply, OutlineReply)
    sections = [Section(title=s.title, scope=s.scope.strip(), keys=s.keys) for s in reply.sections]
    assigned = {k for s in sections for k in s.keys}
    left_out = [
        WeakPaper(key=e.key, title=papers[e.key].title, reason="not placed in any theme by the LLM outline")
        for e in result.papers
        if e.key not in assigned
    ]
    return Outline(info=StageInfo(stage="outline", mode="llm"), sections=sections,
                   not_covered=list(result.weak) + left_out)
