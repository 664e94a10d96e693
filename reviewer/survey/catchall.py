"""No 'Further work on X' section: the papers a catch-all holds are named by what they share, or placed
with the named theme their own sentences are closest to, or, when neither is honest, kept out of the
section list (the outline's `aside`: the report's lead names them, the sections stage cites them).

A researcher's survey has no section of unrelated papers: its title says nothing about them, and a reader
cannot tell why they sit together.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from reviewer.models import Paper
from reviewer.roles import Role, sentence_roles
from reviewer.survey.central import about
from reviewer.survey.labelpick import uses_phrase
from reviewer.survey.leftover import _scope_line, _scope_terms
from reviewer.survey.terms import PhraseStats, norm_stems
from reviewer.survey.themes import ThemeDoc, theme_title
from reviewer.survey.titles import (
    _stems,
    better_named,
    complete_name,
    is_catch_all,
    needed_support,
    restore_case,
    shared_terms,
    split_by_phrases,
)
from reviewer.survey.titlewords import plural_head
from reviewer.survey.types import Acronym, PaperEvidence, Section
from reviewer.textutil import content_stems, split_sentences


def own_text(paper: Paper) -> str:
    """The title and every abstract sentence that is not background: what the paper itself did and found."""
    sentences = split_sentences(paper.abstract)
    roles = sentence_roles(sentences)
    return " ".join([paper.title] + [s for s, r in zip(sentences, roles, strict=True) if r != Role.BACKGROUND])


_GLUE = re.compile(r"\s+(?:in|with|for|of|and|on)\s+")
# Titles that name a kind of paper ('Empirical studies of X', 'Benchmarks and datasets for X', 'Surveys of X',
# 'Studies and surveys of X'), not a phrase.
KIND_TITLE = re.compile(r"^(?:empirical studies|benchmarks and datasets|surveys of|studies and surveys of)\b", re.IGNORECASE)


def label_phrases(title: str, ignore: set[str]) -> list[str]:
    """What the title claims its papers share, per noun phrase (between its glue words): the phrase's words
    beyond the topic's ('Base LLMs' of 'Base LLMs and entropy collapse'), and the whole phrase with generic
    words at its edges cut, the topic's words inside it too ('RL reward' in a survey of reward models claims
    more than 'RL'). A phrase of the topic's own or generic words only ('PRMs', 'LLMs') claims nothing."""
    from reviewer.survey.leftover import GENERIC_STEMS

    out = []
    for seg in _GLUE.split(title):
        words = re.findall(r"[\w-]+", seg)
        if not any(_stems(w) - ignore - GENERIC_STEMS for w in words):
            continue
        out.append(" ".join(w for w in words if _stems(w) - ignore))
        while words and not _stems(words[-1]) - GENERIC_STEMS:  # 'Preference optimization methods'
            words.pop()
        while words and not _stems(words[0]) - GENERIC_STEMS:
            words.pop(0)
        out.append(" ".join(words))
    return list(dict.fromkeys(out))


def uses_label(phrase: str, paper: Paper) -> bool:
    """The paper's title or abstract uses the phrase, or its initials ('reinforcement learning' as 'RL')."""
    text = f"{paper.title}. {paper.abstract}"
    words = phrase.split()
    return uses_phrase(phrase, text) or (len(words) > 1 and uses_phrase("".join(w[0] for w in words).upper(), text))


def weak_phrase(section: Section, papers: dict[str, Paper], ignore: set[str]) -> str:
    """The first title phrase fewer than half of the section's papers are about (central.about), or ''."""
    if is_catch_all(section.title) or KIND_TITLE.match(section.title):
        return ""
    keys = [k for k in section.keys if k in papers]
    for phrase in label_phrases(section.title, ignore):
        if sum(1 for k in keys if about(phrase, papers[k], ignore)) < needed_support(len(keys)):
            return phrase
    return ""


def _similarity(v: np.ndarray, others: list[np.ndarray]) -> float:
    """Cosine of a unit vector with the centre of `others`."""
    centre = np.mean(others, axis=0)
    return float(v @ centre) / max(float(np.linalg.norm(centre)), 1e-9)


def closest_theme(key: str, named: list[Section], vec: dict[str, np.ndarray], papers: dict[str, Paper],
                  ignore: set[str]) -> Section | None:
    """The named theme a paper joins: the one its own sentences are most similar to, when the paper is at
    least as close to that theme's centre as the theme's median paper is to the centre of the others (it sits
    inside the theme, not at its edge), and every title phrase stays used by half of its papers (weak_phrase)."""
    fits = []
    for s in named:
        members = [k for k in s.keys if k in vec]
        if not members:
            continue
        # How close the theme's own papers sit to the rest of it: a newcomer must sit as close as the median one,
        # not merely as close as its outlier (a diverse theme would take anything).
        inner = [_similarity(vec[k], [vec[o] for o in members if o != k]) for k in members if len(members) > 1]
        spread = float(np.median(inner)) if inner else 1.0
        sim = _similarity(vec[key], [vec[k] for k in members])
        joined = Section(title=s.title, scope=s.scope, keys=s.keys + [key])
        if sim >= spread and not weak_phrase(joined, papers, ignore):
            fits.append((sim, s))
    return max(fits, key=lambda f: f[0])[1] if fits else None


def own_vectors(sections: list[Section], papers: dict[str, Paper],
                embed: Callable[[list[str]], np.ndarray]) -> dict[str, np.ndarray]:
    """One unit vector per surveyed paper from its own sentences (own_text), for closest_theme."""
    keys = list(dict.fromkeys(k for s in sections for k in s.keys if k in papers))
    if not keys:
        return {}
    vectors = np.asarray(embed([own_text(papers[k]) for k in keys]), dtype=np.float64)
    vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    return dict(zip(keys, vectors, strict=True))


def settle(sections: list[Section], papers: dict[str, Paper], vec: dict[str, np.ndarray], ignore: set[str],
           rescope: Callable[[Section], None]) -> tuple[list[Section], list[str]]:
    """Dissolve every catch-all section: each of its papers joins its closest named theme (closest_theme),
    the others are returned as the aside list. `rescope` re-counts a theme's scope line after it grew."""
    catch = [s for s in sections if is_catch_all(s.title)]
    named = [s for s in sections if not is_catch_all(s.title)]
    if not catch or not named:
        return sections, []
    keys = [key for s in catch for key in s.keys]
    return named, place(keys, lambda key: closest_theme(key, named, vec, papers, ignore) if key in vec else None,
                        rescope)


def place(keys: list[str], home_of: Callable[[str], Section | None], rescope: Callable[[Section], None]) -> list[str]:
    """Each key joins the theme `home_of` picks (its scope re-counted at once, so later picks see it grown);
    returns the keys no theme took, in order."""
    left: list[str] = []
    for key in keys:
        home = home_of(key)
        if home is None:
            left.append(key)
            continue
        home.keys.append(key)
        rescope(home)
    return left


def name_aside(aside: list[str], sections: list[Section], evidence: list[PaperEvidence], papers: dict[str, Paper],
                docs: list[ThemeDoc], stats: PhraseStats, head: str, exclude: set[str], bodies: list[str],
                x: np.ndarray, topic_title: str = "", acronyms: list[Acronym] | None = None,
                fit: Callable[[str, Paper], bool] | None = None) -> tuple[list[Section], list[str]]:
    """Papers no theme took, named by a phrase two or more of them share (the label picker's own share
    rules), or by the topic itself (`topic_title`) when most of them use its head phrase; the rest stay aside.
    With `fit` (fit.fits: is a title true of a paper), a phrase names only the papers its title is true of, so
    fit.refit does not take the new theme apart again, and the others may share another phrase."""
    acronyms = acronyms or []
    if len(aside) < 2:
        return [], aside
    index = {e.key: i for i, e in enumerate(evidence)}
    taken = {" ".join(norm_stems(content_stems(s.title))) for s in sections}
    texts = [f"{d.title}. {d.body}" for d in docs]
    named: dict[tuple[str, tuple[int, ...]], str] = {}

    def title_of(raw: str, members: list[int]) -> str:
        if (raw, tuple(members)) not in named:
            whole = complete_name(raw, texts)
            whole = better_named(whole, [], members, docs, stats, exclude, exclude | _stems(head), taken,
                                 needed_support(len(members)))
            # A count noun heads a title in the plural ('Process reward models'), as regroup.by_title_phrase does.
            whole = plural_head(whole, [texts[i] for i in members], any_plural=True)
            named[raw, tuple(members)] = restore_case(theme_title(whole, head, []), bodies)
        return named[raw, tuple(members)]

    def holds(raw: str, members: list[int]) -> list[int]:
        title = title_of(raw, members)
        if fit is None or is_catch_all(title):
            return members if fit is None else []
        kept = [i for i in members if fit(title, papers[evidence[i].key])]
        # The group's own title is what the section gets: true of every member it keeps.
        return kept if len(kept) < 2 or all(fit(title_of(raw, kept), papers[evidence[i].key]) for i in kept) else []

    groups, left = split_by_phrases([index[k] for k in aside], docs, stats, exclude, taken, x, keep=1,
                                    holds=holds if fit is not None else None)
    out = []
    for raw, members in groups:
        title = title_of(raw, members)
        if is_catch_all(title) or any(s.title == title for s in sections + out):
            left += members
            continue
        terms = shared_terms([p.surface for p in stats.distinctive(members, exclude=exclude, top=8)],
                             members, docs, exclude, stats.corpus)
        out.append(Section(title=title, scope=_scope_line(title, len(members), terms),
                           keys=[evidence[i].key for i in members]))
    rest = [evidence[i].key for i in sorted(left)]
    # Papers on the topic itself, which no narrower phrase unites: a section titled by the topic, when it is
    # a noun phrase (single_title), and most of them use the topic's head.
    core = [k for k in rest if uses_label(head, papers[k]) or any(
        uses_label(a.phrase, papers[k]) for a in acronyms if a.short.rstrip("s").lower() == head.rstrip("s").lower())]
    title = topic_title if head else ""  # the topic as a one-section title (outline.single_title)
    # Beside named themes, a section titled by the topic names no theme of its own (a reader takes it for
    # 'other work'): its papers are cited apart from the themes instead.
    if len(core) >= max(2, needed_support(len(rest))) and title and not is_catch_all(title) \
            and not sections and not out:
        out.append(Section(title=title, scope=_scope_line(title, len(rest), []), keys=rest))
        rest = []
    return out, rest


def rescope(section: Section) -> None:
    """A theme that grew: its scope line re-counted, its shared phrases kept."""
    section.scope = _scope_line(section.title, len(section.keys), _scope_terms(section.scope))


def merge_same_titles(sections: list[Section]) -> list[Section]:
    """Two sections with one title ('Preference optimization methods' named twice) are one theme."""
    out: list[Section] = []
    for s in sections:
        same = next((o for o in out if o.title == s.title), None)
        if same is None:
            out.append(s)
            continue
        same.keys += [k for k in s.keys if k not in same.keys]
        same.scope = _scope_line(same.title, len(same.keys), _scope_terms(same.scope) + _scope_terms(s.scope))
    return out
