"""Stage 3: group the on-topic papers into 3-7 themed sections with readable titles.

Offline: readable key phrases are picked first and papers assigned to them (themes.py), with
spherical k-means + c-TF-IDF naming as the fallback.
With an LLM: a structured outline whose validator drops keys that were not retrieved.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from reviewer.models import Paper
from reviewer.settings import Settings
from reviewer.survey.catchall import merge_same_titles, name_aside, own_vectors, rescope, settle
from reviewer.survey.context import Previous, SurveyContext
from reviewer.survey.fieldwide import field_weights
from reviewer.survey.fit import fits, refit
from reviewer.survey.headclean import clause_subject, noun_phrase_head, shared_head
from reviewer.survey.headglue import unglue
from reviewer.survey.leftover import _by_kind, _scope_line, cap_sections
from reviewer.survey.onetitle import _CONTRAST, _NOUN_ING_HEAD, _TRAINING_NOUN, _drop_gerund, single_title
from reviewer.survey.qualify import qualify
from reviewer.survey.regroup import regroup
from reviewer.survey.retitle import adopt_orphans, keep_shared
from reviewer.survey.scope import spells
from reviewer.survey.terms import _NOT_A_HEAD, LEADING_VERBS, PhraseStats, norm_stems, topic_chunks
from reviewer.survey.themes import (
    MAX_K,
    MIN_K,
    ThemeDoc,
    find_themes,
    name_group,
    theme_title,
    topic_exclusions,
)
from reviewer.survey.titles import (
    CATCH_ALL_MAX,
    _stems,
    better_named,
    complete_name,
    is_catch_all,
    needed_support,
    restore_case,
    shared_terms,
    split_by_phrases,
    supported_title,
)
from reviewer.survey.titlewords import _plural
from reviewer.survey.types import (
    Acronym,
    EvidenceResult,
    Outline,
    OutlineReply,
    PaperEvidence,
    Section,
    StageInfo,
    WeakPaper,
)
from reviewer.survey.weaklabels import mend
from reviewer.textutil import content_stems

if TYPE_CHECKING:
    from reviewer.catalog import Catalog
    from reviewer.llm.client import LLMClient



# Words that end no title: a title ending with one was cut mid-phrase.
_EDGE = frozenset("a an the of for in on with and or to by via from as at".split())

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


_NOT_NOUNY = re.compile(r"\b(?:how|what|why|when|which|whether|are|is|do|does|can|make|makes|used|using)\b",
                        re.IGNORECASE)


def _verb_ing(chunk: str) -> bool:
    """A chunk opening with a verb in -ing ('estimating ...'); not 'reasoning models' or 'training data'."""
    first = chunk.split()[0].lower() if chunk.split() else ""
    return first.endswith("ing") and first not in _NOUN_ING_HEAD and not _TRAINING_NOUN.match(chunk)


_INFINITIVE = re.compile(r"\bto\s+([a-z][\w-]*)(?:\s+(?:and|or)\s+([a-z][\w-]*))?")
_POSSESSIVE = re.compile(r"^(?:(?:the|a|an|their|its|his|her|our|your|own|each|every)\s+)+", re.IGNORECASE)


def _not_infinitives(topic: str, chunks: list[str]) -> list[str]:
    """'LLMs to spot and fix their own mistakes': the words after 'to' (and those joined to them) are verbs,
    not the subject; a chunk that is only such a verb goes, one that opens with it keeps its object."""
    verbs = {v.lower() for m in _INFINITIVE.finditer(topic) for v in m.groups() if v}
    kept = []
    for chunk in chunks:
        words = chunk.split()
        if words and words[0].lower() in verbs:
            rest = _POSSESSIVE.sub("", " ".join(words[1:]))
            if rest:
                kept.append(rest)
            continue
        kept.append(chunk)
    return kept


def _participle_cut(chunk: str) -> str:
    """'AI agents taking harmful', 'reward models used': a participle after a plural noun opens a clause
    about the subject."""
    words = chunk.split()
    for i in range(1, len(words)):
        word, before = words[i].lower(), words[i - 1].lower()
        plural = before.endswith("s") and not before.endswith(("ss", "is", "us", "as"))  # not 'process', 'analysis'
        if word.endswith(("ing", "ed")) and plural and not _TRAINING_NOUN.match(" ".join(words[i:])):
            return " ".join(words[:i])
    return chunk


_KIND_OF = re.compile(r"^(?:(?:empirical|systematic)\s+)?(?:studies|study|analyses|analysis|investigations?|surveys?)\s+"
                      r"(?:of|on)\s+", re.IGNORECASE)


def topic_phrases(topic: str) -> list[str]:
    """The topic's noun phrases of 1-5 words, its head's first ('entropy collapse', 'RL', 'LLM reasoning')."""
    # What a topic contrasts its subject with ('... instead of only the final answer') is not its subject.
    topic = _CONTRAST.split(topic, maxsplit=1)[0]
    # 'empirical analyses of chain-of-thought behaviour': the survey's subject is what the studies are of.
    topic = _KIND_OF.sub("", topic.strip()) or topic
    # 'how accurate reward models are': the word after 'how' is the question's predicate, not the subject's.
    # ... but 'how reasoning models waste tokens': a noun in '-ing' opens the subject ('reasoning models').
    topic = re.sub(r"\bhow\s+([a-z]+)(?=\s+\w+\s+\w+)",
                   lambda m: m.group(0) if m.group(1).lower() in _NOUN_ING_HEAD or not m.group(1).islower() else "how",
                   topic, flags=re.IGNORECASE)  # ... and so does an acronym ('how LLMs memorize ...')
    pieces = [clause_subject(_participle_cut(_drop_gerund(c))) for c in _not_infinitives(topic, topic_chunks(topic))]
    ok = [c for c in pieces if not _NOT_NOUNY.search(c) and not _verb_ing(c) and not _NOT_A_HEAD.match(c)]
    chunks = [c for c in ok if 1 <= len(c.split()) <= 5]  # 'trustworthy' left by a question names no subject
    # A long piece ('intermediate step of a model's solution') still has its head noun phrase before 'of'.
    return chunks or [c.split(" of ")[0] for c in ok if 1 <= len(c.split(" of ")[0].split()) <= 5]


def topic_head(topic: str, acronyms: list[Acronym]) -> str:
    """The topic's head phrase, in its short form when the corpus defines one ('PRMs')."""
    chunks = topic_phrases(topic)
    if not chunks:
        return ""
    # 'how confident a language model is' leaves 'confident a language model': the noun phrase is after the article.
    head = re.split(r"\s(?:a|an|the)\s", chunks[0])[-1]
    # 'more inference compute': a quantity word says how much, not what the subject is.
    # 'several language models', 'various LLMs': a quantifier says how many, and 'several' is no part of a theme's name.
    head = re.sub(r"^(?:more|less|fewer|much|many|several|various|multiple|numerous|some)\s+(?=\S+\s|[A-Z])", "",
                  head, flags=re.IGNORECASE)
    # 'train reward models' (from 'data to train reward models'): a leading verb is not part of the subject.
    words = head.split()
    if len(words) >= 3 and words[0].lower() in LEADING_VERBS:
        head = " ".join(words[1:])
    # 'how confident a language model is': the subject of the survey is language models.
    head = re.sub(r"(?i)(?<=\s)model$", lambda m: m.group(0) + "s", head) if len(head.split()) >= 2 else head
    # 'each intermediate step of a solution': a noun counted one at a time is a count noun, plural as a head.
    last = head.split()[-1] if head.split() else ""
    if last.isalpha() and last.islower() and not last.endswith(("s", "ing")) and re.search(
            rf"\b(?:each|every|a|an|one|any)\s+{re.escape(head)}\b", topic, re.IGNORECASE):
        head = " ".join(head.split()[:-1] + [_plural(last)])
    # 'handle languages other', 'think about': a question's clause is no subject, and nothing is glued on it.
    head = noun_phrase_head(shared_head(head, topic))
    for acr in acronyms:
        if acr.phrase.lower() == head.lower() and spells(acr.short, head):
            return acr.short + ("s" if head.lower().endswith("s") and not acr.short.endswith("s") else "")
    return head


def offline_outline(
    topic: str,
    result: EvidenceResult,
    papers: dict[str, Paper],
    settings: Settings,
    stored: dict[str, np.ndarray] | None = None,
    acronyms: list[Acronym] | None = None,
    field: dict[str, float] | None = None,
    corpus: list[str] | None = None,
) -> Outline:
    evidence = result.papers
    info = StageInfo(stage="outline")
    if not evidence:
        return Outline(info=info, sections=[], not_covered=list(result.weak))
    docs = [ThemeDoc(title=papers[e.key].title, body=papers[e.key].abstract) for e in evidence]
    if len(evidence) < 2 * MIN_K:
        stats = PhraseStats([f"{d.title}. {d.body}" for d in docs])
        _, terms = name_group(stats, list(range(len(docs))), set(content_stems(topic)), set())
        terms = shared_terms(terms, list(range(len(docs))), docs, topic_exclusions(topic), corpus)
        title = single_title(topic, topic_head(topic, acronyms or []))
        section = Section(title=title, scope=_scope_line(title, len(evidence), terms), keys=[e.key for e in evidence])
        return Outline(info=info, sections=[section], not_covered=list(result.weak))
    x = paper_vectors(evidence, papers, settings, stored)
    themes = find_themes(topic, docs, x, _embedder(settings), field)
    # Most central theme first: by the mean topic relevance of its papers.
    themes.sort(key=lambda t: -float(np.mean([evidence[i].relevance for i in t.members])))
    head = topic_head(topic, acronyms or [])
    stats = PhraseStats([f"{d.title}. {d.title}. {d.body}" for d in docs])
    stats.field = field or {}
    stats.corpus = corpus or []
    # The topic's own words, including those content_stems treats as stop words ('models' next to 'modeling').
    exclude = topic_exclusions(topic) | {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z][\w-]+", topic)}
    bodies = [d.body for d in docs]
    sections: list[Section] = []
    for t in themes:
        taken = {" ".join(norm_stems(content_stems(s.title))) for s in sections}
        title = restore_case(supported_title(t.title, t.terms, t.members, docs, stats, head, exclude, taken), bodies)
        if any(s.title == title for s in sections):
            title = restore_case(supported_title("", [], t.members, docs, stats, head, exclude, taken), bodies)
        same = next((s for s in sections if s.title == title), None)
        if same is not None:  # two themes with only the fallback title: one section of further work
            merged = same.keys + [evidence[i].key for i in sorted(t.members, key=lambda i: -evidence[i].relevance)]
            members = [i for i, e in enumerate(evidence) if e.key in set(merged)]
            same.keys = merged
            same.scope = _scope_line(title, len(merged), shared_terms(t.terms, members, docs, exclude, stats.corpus))
            continue
        terms = shared_terms(t.terms, t.members, docs, exclude, stats.corpus)
        sections.append(Section(title=title, scope=_scope_line(title, len(t.members), terms),
                                keys=[evidence[i].key for i in sorted(t.members, key=lambda i: -evidence[i].relevance)]))
    sections = _split_catch_alls(sections, evidence, papers, docs, stats, head, exclude, bodies, x, topic)
    sections = cap_sections(merge_same_titles(sections), evidence, papers, docs, x, exclude | _stems(head), topic,
                            head, MAX_K - 1)
    vec = own_vectors(sections, papers, _embedder(settings))
    sections, aside = settle(sections, papers, vec, exclude | _stems(head), rescope)
    sections = mend(sections, papers, vec, exclude | _stems(head), head, topic, rescope)
    sections = keep_shared(sections, papers, head, exclude | _stems(head), rescope)  # 'A and B' cut to what is shared
    # Every paper under a title it uses (fit.py); the papers no title fits are named together or set aside.
    sections, loose = refit(sections, papers, vec, exclude | _stems(head), rescope)
    ignore = exclude | _stems(head)
    named, aside = name_aside(aside + loose, sections, evidence, papers, docs, stats, head, exclude, bodies, x,
                              single_title(topic, head), acronyms or [], lambda t, p: fits(t, p, ignore))
    sections, loose = refit(keep_shared(sections + named, papers, head, ignore, rescope), papers, vec, ignore, rescope)
    # The papers still under no title: by kind, technique family or a phrase their titles share (regroup.py).
    sections, aside = regroup(aside + loose, sections, papers, head, topic, ignore, rescope)
    aside = adopt_orphans(aside, sections, papers, vec, ignore, rescope)
    unglue(sections, papers, head, acronyms or [], rescope)  # no '<label> in <head>' over a paper not about the head
    qualify(sections, papers, [head] + topic_phrases(topic), acronyms or [], rescope, topic)  # no two-word title
    title = single_title(topic, head)
    # No theme at all: one section on the topic, as for too few papers -- unless the topic makes no title of its
    # own ('Work on agents' names no theme; a topic cut before its last word leaves 'texts or').
    if not sections and len(aside) >= 2 and not is_catch_all(title) and title.split()[-1].lower() not in _EDGE:
        sections, aside = [Section(title=title, scope=_scope_line(title, len(aside), []), keys=aside)], []
    return Outline(info=info, sections=sections, not_covered=list(result.weak), aside=aside)


def _split_catch_alls(sections: list[Section], evidence: list[PaperEvidence], papers: dict[str, Paper], docs: list[ThemeDoc],
                      stats: PhraseStats, head: str, exclude: set[str], bodies: list[str],
                      x: np.ndarray, topic: str = "") -> list[Section]:
    """A 'Further work on X' section of many papers becomes sections named by the phrases they share.

    Only the few papers that share no phrase with another stay under the catch-all title.
    """
    index = {e.key: i for i, e in enumerate(evidence)}
    out: list[Section] = []
    for section in sections:
        if not is_catch_all(section.title) or len(section.keys) <= CATCH_ALL_MAX:
            out.append(section)
            continue
        taken = {" ".join(norm_stems(content_stems(s.title))) for s in sections + out}
        groups, left = split_by_phrases([index[k] for k in section.keys], docs, stats, exclude, taken, x)
        for raw, members in groups:
            whole = complete_name(raw, [f"{d.title}. {d.body}" for d in docs])
            whole = better_named(whole, [], members, docs, stats, exclude, exclude | _stems(head), taken,
                                 needed_support(len(members)))
            title = restore_case(theme_title(whole, head, []), bodies)
            terms = shared_terms([p.surface for p in stats.distinctive(members, exclude=exclude, top=8)],
                                 members, docs, exclude, stats.corpus)
            out.append(Section(title=title, scope=_scope_line(title, len(members), terms),
                               keys=[evidence[i].key for i in members]))
        targets = [s for s in sections + out if s is not section and not is_catch_all(s.title)]
        for title, members in _by_kind(left, evidence, papers, head, targets, docs, x, exclude | _stems(head), topic):
            keys = [evidence[i].key for i in members]
            title = title or section.title
            same = next((s for s in sections + out if s.title == title and s is not section), None)
            if same is not None:  # a family title an earlier theme already has: one section, not two alike
                same.keys += [k for k in keys if k not in same.keys]
                same.scope = _scope_line(title, len(same.keys), [])
                continue
            out.append(Section(title=title, scope=_scope_line(title, len(keys), []), keys=keys))
    return out


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


def corpus_sample(catalog: Catalog, most: int = 3000) -> list[str]:
    """An even sample of the corpus's titles and abstracts: how the field uses a phrase, which a survey's
    twenty papers are too few to tell."""
    texts = [f"{p.title}. {p.abstract}" for p in catalog.iter_papers()]
    return texts[::max(1, len(texts) // most)]


def run(ctx: SurveyContext, previous: Previous) -> Outline:
    """An LLM outline when there are enough papers for 3+ themes, else the offline one."""
    evidence = previous.need_evidence()
    if ctx.llm is not None and len(evidence.papers) >= 2 * MIN_K:
        return llm_outline(ctx.topic, evidence, ctx.papers, ctx.llm)
    reason = None
    if ctx.llm is not None:
        reason = f"only {len(evidence.papers)} on-topic papers: too few for an LLM outline of 3+ themes"
    stored = ctx.retriever.reading_vectors([ctx.papers[e.key].id for e in evidence.papers])
    acronyms = previous.scope.acronyms if previous.scope else []
    field = field_weights(ctx.settings, ctx.retriever.catalog)
    result = offline_outline(ctx.topic, evidence, ctx.papers, ctx.settings, stored, acronyms, field,
                             corpus_sample(ctx.retriever.catalog))
    result.info.reason = reason
    return result
