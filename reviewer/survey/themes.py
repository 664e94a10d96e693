"""Offline themes: label first, then group (in the spirit of Lingo / suffix-tree clustering).

Picking readable key phrases first ("test-time search", "process supervision") and then assigning each
paper to the phrase it matches best gives section titles a reader recognises, where naming k-means
clusters afterwards tends to produce bags of words. When too few good phrases exist, spherical k-means
(K in 3..7 by silhouette) groups the papers and c-TF-IDF names the groups.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np
from pydantic import BaseModel

from reviewer.survey.alone import GENERIC_THEME_WORDS, model_class, stands_alone
from reviewer.survey.terms import PhraseStats, norm_stems, phrases, title_case
from reviewer.survey.titlewords import (
    _METHOD_END,
    _NOUN_ING,
    _TASK_END,
    _drop_leading_glue,
    _lower_first,
    _names_a_thing,
    _process_link,
    _tidy_case,
    acronym_head,
    inside_longer_name,
    opens_with_verb,
    serves_goal,
    technique_title,
)
from reviewer.textutil import content_stems

MIN_K, MAX_K = 3, 7
SEED = 0
N_INIT = 8
MAX_LABEL_SHARE = 0.5
MIN_NEW_DOCS = 2
MAX_OVERLAP = 0.5
COVERAGE_TARGET = 0.9
SAME_MEANING = 0.7
SPLIT_SHARE = 0.45
# Glue inside a label makes it read like a fragment ("Capability in LLMs"); "of" is kept ("mixture of experts").
_FUNCTION_WORDS = frozenset({"a", "an", "the", "of", "for", "in", "on", "with", "and", "to", "via", "by", "from"})
_INNER_GLUE = frozenset({"in", "on", "for", "with", "to", "and", "via"})


class Theme(BaseModel):
    title: str
    terms: list[str]
    members: list[int]


class ThemeDoc(BaseModel):
    """A paper as the theme finder sees it: its title and the text of its evidence sentences."""

    title: str
    body: str


def kmeans(x: np.ndarray, k: int, seed: int = SEED, n_init: int = N_INIT, iters: int = 50) -> np.ndarray:
    """Spherical k-means with k-means++ seeding; the best of n_init runs by within-cluster similarity."""
    rng = np.random.default_rng(seed)
    best_labels, best_obj = np.zeros(len(x), dtype=int), -np.inf
    for _ in range(n_init):
        centers = [x[rng.integers(len(x))]]
        for _ in range(1, k):
            dist = np.clip(1 - np.max(x @ np.array(centers).T, axis=1), 0, None)
            probs = dist / dist.sum() if dist.sum() > 0 else np.full(len(x), 1 / len(x))
            centers.append(x[rng.choice(len(x), p=probs)])
        c = np.array(centers)
        labels = np.full(len(x), -1)
        for _ in range(iters):
            new = np.argmax(x @ c.T, axis=1)
            if np.array_equal(new, labels):
                break
            labels = new
            for j in range(k):
                members = x[labels == j]
                if len(members):
                    m = members.sum(axis=0)
                    c[j] = m / max(np.linalg.norm(m), 1e-9)
        obj = float(np.sum(np.max(x @ c.T, axis=1)))
        if obj > best_obj:
            best_obj, best_labels = obj, labels.copy()
    mapping: dict[int, int] = {}
    return np.array([mapping.setdefault(int(label), len(mapping)) for label in best_labels])


def silhouette(x: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette with cosine distance; singletons score 0."""
    dist = 1 - x @ x.T
    clusters = sorted(set(labels.tolist()))
    if len(clusters) < 2:
        return -1.0
    scores = []
    for i in range(len(x)):
        own = labels == labels[i]
        if own.sum() <= 1:
            scores.append(0.0)
            continue
        a = dist[i, own].sum() / (own.sum() - 1)
        b = min(dist[i, labels == c].mean() for c in clusters if c != labels[i])
        scores.append((b - a) / max(a, b, 1e-9))
    return float(np.mean(scores))


def kmeans_groups(x: np.ndarray) -> list[list[int]]:
    """K in 3..7 by silhouette, penalising clusters of one paper."""
    best: tuple[float, np.ndarray] | None = None
    for k in range(MIN_K, min(MAX_K, len(x) // 2) + 1):
        labels = kmeans(x, k)
        singletons = sum(1 for c in set(labels.tolist()) if (labels == c).sum() == 1)
        score = silhouette(x, labels) - 0.1 * singletons
        if best is None or score > best[0] + 1e-9:
            best = (score, labels)
    labels = best[1] if best else np.zeros(len(x), dtype=int)
    return [[i for i in range(len(x)) if labels[i] == c] for c in sorted(set(labels.tolist()))]


def _nameable(surface: str, stems: str, exclude: set[str]) -> bool:
    """Reads as a name: no inner glue ('Enough for LLM') and mostly not the topic's own words."""
    words = stems.split()
    topical = sum(1 for w in words if w in exclude)
    return not any(w.lower() in _INNER_GLUE for w in surface.split()) and topical * 2 < len(words) \
        and not opens_with_verb(surface) and not _METRIC_END.search(surface)


# A measurement ('average accuracy', 'accuracy gains', 'success rates') is what papers report, not what they
# are about: it never names a theme.
# Nor does a noun that only says how or where ('self-supervised manner', 'practical applications').
_METRIC_END = re.compile(r"\b(?:accurac(?:y|ies)|gains?|rates?|scores?|improvements?|performance|manner|fashion|"
                         r"ways?|necessity|applications?|aspects?|cases?|kinds?|types?|variety|range|number)$", re.IGNORECASE)


class _Candidate(BaseModel):
    stems: str
    surface: str
    score: float
    docs: set[int]


def _candidates(docs: list[ThemeDoc], exclude: set[str], field: dict[str, float] | None = None) -> list[_Candidate]:
    """Multi-word phrases (or acronyms) shared by 2+ papers but not by most, best first."""
    n = len(docs)
    texts = [f"{d.title}. {d.body}" for d in docs]
    found: list[dict[str, str]] = [dict(phrases(t)) for t in texts]
    in_title = [{s for s, _ in phrases(d.title)} for d in docs]
    df: Counter[str] = Counter(s for group in found for s in group)
    forms: dict[str, Counter[str]] = {}
    for group in found:
        for stems, surface in group.items():
            forms.setdefault(stems, Counter())[surface] += 1
    out = []
    for stems, count in df.items():
        words = stems.split()
        surface = forms[stems].most_common(1)[0][0]
        acronym = len(words) == 1 and sum(c.isupper() for c in surface) >= 2
        if count < 2 or count > max(2, MAX_LABEL_SHARE * n) or set(norm_stems(words)) <= exclude:
            continue
        if (len(words) == 1 and not acronym) or any(w.lower() in _INNER_GLUE for w in surface.split()) \
                or _METRIC_END.search(surface) or opens_with_verb(surface):
            continue
        if len(words) < 3 and inside_longer_name(surface, texts):
            continue
        title_df = sum(1 for t in in_title if stems in t)
        topical = sum(1 for w in norm_stems(words) if w in exclude) / len(words)
        # A phrase the papers put in their titles says what they are about; one only their abstracts use
        # ('preference pairs') often says how they work or what they measure.
        score = count**0.7 * math.log(1 + n / count) * (1.6 if len(words) > 1 else 1.2) * (0.5 + title_df / count)
        score *= 1 - 0.5 * topical  # "reasoning steps" says less than "test-time search" in a reasoning survey
        score *= (field or {}).get(stems, 1.0)  # "human feedback" in a corpus on alignment (fieldwide.py)
        docs_with = {i for i, group in enumerate(found) if stems in group}
        out.append(_Candidate(stems=stems, surface=surface, score=score, docs=docs_with))
    out.sort(key=lambda c: (-c.score, c.stems))
    return out


def _pick_labels(cands: list[_Candidate], n: int, embed: object) -> list[_Candidate]:
    """Greedy: each label must bring new papers and differ from the chosen ones in words and meaning."""
    chosen: list[_Candidate] = []
    covered: set[int] = set()
    vecs = np.asarray(embed([c.surface for c in cands]), dtype=np.float64) if cands else np.zeros((0, 1))  # type: ignore[operator]
    picked: list[int] = []
    for ci, cand in enumerate(cands):
        stems = set(cand.stems.split())
        if any(stems & set(c.stems.split()) for c in chosen):
            continue
        if any(float(vecs[ci] @ vecs[j]) > SAME_MEANING for j in picked):
            continue
        if len(cand.docs - covered) < MIN_NEW_DOCS:
            continue
        if any(len(cand.docs & c.docs) / len(cand.docs | c.docs) > MAX_OVERLAP for c in chosen):
            continue
        chosen.append(cand)
        picked.append(ci)
        covered |= cand.docs
        if len(chosen) >= MAX_K or len(covered) >= COVERAGE_TARGET * n:
            break
    return chosen


def label_groups(docs: list[ThemeDoc], x: np.ndarray, label_vecs: np.ndarray, labels: list[_Candidate]) -> list[list[int]]:
    """Each paper to the label it matches best: phrase presence first, then embedding similarity."""
    sims = x @ label_vecs.T
    assign = []
    for i in range(len(docs)):
        bonus = np.array([0.3 if i in lab.docs else 0.0 for lab in labels])
        assign.append(int(np.argmax(sims[i] + bonus)))
    groups = [[i for i, a in enumerate(assign) if a == j] for j in range(len(labels))]
    # A theme of fewer than two papers is folded into the nearest other theme.
    while len([g for g in groups if g]) > MIN_K and any(0 < len(g) < 2 for g in groups):
        small = next(j for j, g in enumerate(groups) if 0 < len(g) < 2)
        for i in groups[small]:
            options = [j for j, g in enumerate(groups) if j != small and g]
            target = max(options, key=lambda j: float(sims[i, j]) + (0.3 if i in labels[j].docs else 0.0))
            groups[target].append(i)
        groups[small] = []
    return [sorted(g) for g in groups]


def name_group(
    stats: PhraseStats, members: list[int], exclude: set[str], used: set[str], titled: set[str] | None = None
) -> tuple[str, list[str]]:
    """A title from the group's most distinctive phrases (c-TF-IDF against the other groups).

    Phrases from the members' titles, or shared by two members, name a group; a phrase seen once in
    one abstract ("along causal rubrics") does not.
    """
    titled = titled or set()
    found = [p for p in stats.distinctive(members, exclude=exclude, top=12, prefer=titled)
             if p.stems not in used and _nameable(p.surface, p.stems, exclude)
             and (p.stems in titled or stats.local_df(members, p.stems) >= 2)]
    if not found:
        return "", []
    multi = [p for p in found if len(p.stems.split()) > 1] or found
    title = title_case(multi[0].surface)
    second = next((p for p in multi[1:] if len(members) >= 3 and p.score >= 0.5 * multi[0].score), None)
    if second is not None:
        title += f" and {second.surface}"
    return title, [p.surface for p in found[:4]]


def topic_exclusions(topic: str) -> set[str]:
    """The topic's stems and the acronyms its word runs could form ('process reward models' -> 'prm')."""
    stems = norm_stems(content_stems(topic))
    initials = [w[0].lower() for w in topic.split() if w[:1].isalnum() and w.lower() not in _FUNCTION_WORDS]
    acronyms = {"".join(initials[i:j]) for i in range(len(initials)) for j in range(i + 2, len(initials) + 1)}
    return set(stems) | acronyms


def _split_large(
    themes: list[Theme], x: np.ndarray, stats: PhraseStats, exclude: set[str], docs: list[ThemeDoc]
) -> list[Theme]:
    """Split a theme holding most of the papers in two (k-means), so one section does not swallow the rest."""
    n = sum(len(t.members) for t in themes)
    out = list(themes)
    while len(out) < MAX_K:
        big = max(range(len(out)), key=lambda j: len(out[j].members))
        members = out[big].members
        if len(members) < max(8, SPLIT_SHARE * n):
            break
        labels = kmeans(x[members], 2)
        halves = [[members[i] for i in range(len(members)) if labels[i] == c] for c in (0, 1)]
        if min(len(h) for h in halves) < 2:
            break
        used = {" ".join(norm_stems(content_stems(part))) for theme in out for part in theme.title.split(" and ")}
        parts = []
        for half in halves:
            titled = {stems for i in half for stems, _ in phrases(docs[i].title)}
            title, terms = name_group(stats, half, exclude, used, titled)
            if not title:
                break
            used.update(" ".join(norm_stems(content_stems(part))) for part in title.split(" and "))
            parts.append(Theme(title=title, terms=terms, members=half))
        if len(parts) < 2:
            break
        out[big : big + 1] = parts
    return out


def find_themes(topic: str, docs: list[ThemeDoc], x: np.ndarray, embed: object,
                field: dict[str, float] | None = None) -> list[Theme]:
    """3-7 themes covering every paper; `embed` maps a list of strings to unit vectors; `field`: weights
    of the corpus's field-wide phrases (fieldwide.py), weak labels."""
    exclude = topic_exclusions(topic)
    stats = PhraseStats([f"{d.title}. {d.title}. {d.body}" for d in docs])
    stats.field = field or {}
    labels = _pick_labels(_candidates(docs, exclude, field), len(docs), embed)
    themes: list[Theme] = []
    if len(labels) >= MIN_K:
        label_vecs = np.asarray(embed([lab.surface for lab in labels]), dtype=np.float64)  # type: ignore[operator]
        groups = label_groups(docs, x, label_vecs, labels)
        for lab, members in zip(labels, groups, strict=True):
            if not members:
                continue
            titled = {stems for i in members for stems, _ in phrases(docs[i].title)}
            lab_stems = set(lab.stems.split())
            extra = [p for p in stats.distinctive(members, exclude=exclude | lab_stems, top=12, prefer=titled)
                     if len(p.stems.split()) > 1 and not set(p.stems.split()) & lab_stems
                     and _nameable(p.surface, p.stems, exclude)
                     and (p.stems in titled or stats.local_df(members, p.stems) >= 2)]
            title = title_case(lab.surface)
            shared = [p for p in extra if stats.local_df(members, p.stems) >= 2]
            if shared and len(members) >= 3:
                title += f" and {shared[0].surface}"
            themes.append(Theme(title=title, terms=[lab.surface] + [p.surface for p in extra[:3]], members=members))
        if len(themes) >= MIN_K:
            return _split_large(themes, x, stats, exclude, docs)
    themes = []
    used: set[str] = set()
    for members in kmeans_groups(x):
        titled = {stems for i in members for stems, _ in phrases(docs[i].title)}
        title, terms = name_group(stats, members, exclude, used, titled)
        used.update(" ".join(content_stems(t)) for t in terms[:1])
        themes.append(Theme(title=title or f"Further work on {topic}", terms=terms, members=members))
    return themes


_PROCESS_END = re.compile(
    r"(?:training|evaluation|verification|supervision|estimation|learning|optimi[sz]ation|scaling|design|"
    r"annotation|modell?ing|selection|tuning|fine-tuning|distillation|construction|labels?|feedback|data)$",
    re.IGNORECASE)


def _bare(raw: str) -> bool:
    """A bare acronym ('MLLMs'), only generic words ('AI systems'), or a verb with only generic words as
    its object ('Aligning language'): not a name for a theme."""
    content = [w for w in re.findall(r"[\w-]+", raw.lower()) if w not in _FUNCTION_WORDS]
    if len(content) > 1 and (content[0].endswith("ing") and content[0] not in _NOUN_ING or opens_with_verb(raw)):
        content = content[1:]
    words = raw.split()
    # ... but a hyphenated compound of three words or more ('LLM-as-a-Judge') is a term, not an acronym.
    acronym = len(words) == 1 and sum(c.isupper() for c in words[0]) >= 2 and words[0].count("-") < 2
    return acronym or not content or all(w in GENERIC_THEME_WORDS for w in content)


def theme_title(raw: str, topic_head: str, terms: list[str] | None = None) -> str:
    """A 2-8 word noun phrase for a theme, from its label, its other phrases and the survey's head phrase.

    'Mathematical reasoning' -> 'PRMs for mathematical reasoning'; 'Automated training' -> 'Automated
    training of PRMs'; a label of only generic words or a bare acronym ('LLMs') gives way to the
    theme's next phrase, or to 'Further work on PRMs'.
    """
    raw = _drop_leading_glue(" ".join(raw.split()))
    if len(raw.split()) > 8 and " and " in raw:
        raw = raw.split(" and ", 1)[0]
    head = topic_head.strip()
    raw_stems = set(norm_stems(content_stems(raw)))
    others = [t for t in (terms or []) if t.lower() not in raw.lower() and not _bare(t)
              and not set(norm_stems(content_stems(t))) <= raw_stems]
    if _bare(raw):
        if not others:
            return _tidy_case(f"Further work on {head}") if head else "Further work"
        raw = others.pop(0)
    words = raw.split()
    head_stems = set(norm_stems(content_stems(head))) if head else set()
    overlaps = bool(head_stems & set(norm_stems(content_stems(raw))))
    serves = bool(head) and not overlaps and bool(_METHOD_END.search(raw)) and serves_goal(head)
    if head and model_class(head) and stands_alone(raw):
        title = raw  # 'Reasoning traces', not '... in language models': every section is about the model class
    elif len(words) >= 3:
        title = f"{raw} for {_lower_first(head)}" if serves and len(words) + len(head.split()) <= 6 else raw
    elif head and not overlaps and _TASK_END.search(raw):
        title = f"{head} for {_lower_first(raw)}"
    elif head and not overlaps and _PROCESS_END.search(raw) and _names_a_thing(head):
        title = f"{raw} {_process_link(raw)} {head}"
    elif head and not overlaps and _names_a_thing(head):
        title = f"{raw} in {head}"
    elif serves:
        title = f"{raw} for {_lower_first(head)}"  # 'Process supervision for math reasoning'
    # Never '<label> and <the head>', which says nothing of what separates the section: a technique serves the
    # head, or a phenomenon arises in it; a method acronym ('DPO') serves nothing, so 'and' stays there.
    elif head and not overlaps and (_METHOD_END.search(raw) or _METHOD_END.search(raw.lower())) and not acronym_head(head):
        title = technique_title(raw, head)
    elif head and re.fullmatch(r"(?i)(?:empirical|systematic) (?:analys[ie]s|stud(?:y|ies)|evaluations?)", raw):
        title = f"Empirical studies of {_lower_first(head)}"  # a kind of paper, which fit.py holds to its kind
    elif head and not overlaps and acronym_head(head):
        title = raw if stands_alone(raw) else f"{raw} and {head}"  # a complete noun phrase needs no head (alone.py)
    elif others and len(f"{raw} and {others[0]}".split()) <= 8:
        title = f"{raw} and {others[0]}"  # a second phrase of the theme's own says more than the survey's head
    elif head and not overlaps and len(f"{raw} and {head}".split()) <= 8:
        # No relation known: the label alone when it names a subject; else the glue ('Work on X' reads as a catch-all).
        title = raw if stands_alone(raw) else f"{raw} and {_lower_first(head)}"
    elif _PROCESS_END.search(raw) or re.search(r"(?:optimi[sz]ation|alignment|modell?ing)$", raw, re.IGNORECASE):
        title = f"{raw} methods"  # 'Preference optimization methods': the phrase the papers share, as a family
    else:
        title = f"Work on {raw[:1].lower() + raw[1:]}" if not raw[1:2].isupper() else f"Work on {raw}"
    if len(title.split()) > 8:
        title = raw if len(raw.split()) >= 3 else " ".join(title.split()[:8])
    words = title.split()
    while len(words) > 3 and words[-1].lower() in _FUNCTION_WORDS:
        words.pop()
    if len(words) > 3 and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    return _tidy_case(" ".join(words))
