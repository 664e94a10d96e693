"""Papers that no shared phrase groups (the left-overs of a catch-all section): studies and benchmarks
apart from methods, methods grouped by technique family or placed with their nearest named theme, and
only a few left under 'Further work'. Also the scope line every section opens with."""

from __future__ import annotations

import re

import numpy as np

from reviewer.models import Paper
from reviewer.survey.families import (
    adopt_where_supported,
    families_of,
    family_groups,
    family_pattern,
    family_title,
    own_method_text,
)
from reviewer.survey.kinds import kind_title, paper_kind, reading_groups
from reviewer.survey.themes import GENERIC_THEME_WORDS, ThemeDoc
from reviewer.survey.titles import CATCH_ALL_MAX, _stems, needed_support
from reviewer.survey.types import PaperEvidence, Section
from reviewer.textutil import content_stems

GENERIC_STEMS = {" ".join(content_stems(w)) for w in GENERIC_THEME_WORDS} | {"further", "work", "method", "other",
                                                                        "relat", "empir", "studi", "benchmark",
                                                                        "dataset"}


def _scope_line(title: str, n: int, terms: list[str]) -> str:
    """One readable sentence: how many papers, on what, and the phrases they share."""
    from reviewer.survey.synthesis import count_word

    words = title.split()
    first = words[0] if words else ""
    plain = first[1:].islower() and first.replace("-", "").isalpha()  # 'Policy', not 'CoT' or 'GRPO'
    # 'Monte Carlo tree search': a capitalised word after the first (sentence-case titles) makes it a name.
    plain = plain and not (len(words) > 1 and words[1][:1].isupper() and words[1][1:].islower())
    what = title[:1].lower() + title[1:] if plain else title
    line = f"{count_word(n).capitalize()} paper{'s' if n != 1 else ''} on {what}"
    if what.lower().startswith("further work on "):  # the fallback title: no phrase is shared by most papers
        line = f"{count_word(n).capitalize()} further paper{'s' if n != 1 else ''} on {what[16:]}"
    elif what.lower().startswith("work on "):  # not 'papers on work on X'
        line = f"{count_word(n).capitalize()} paper{'s' if n != 1 else ''} on {what[8:]}"
    elif what.lower().startswith("empirical studies of ") and n > 1:  # not 'papers on empirical studies of X'
        line = f"{count_word(n).capitalize()} empirical studies of {what[21:]}"
    terms = [t for t in dict.fromkeys(terms) if t.lower() not in what.lower()][:3]
    if terms:
        listed = ", ".join(f"“{t}”" for t in terms[:-1]) + (" and " if len(terms) > 1 else "") + f"“{terms[-1]}”"
        line += f", whose titles and abstracts share {listed}"
    return line + "."


def _adopt(left: list[int], targets: list[Section], evidence: list[PaperEvidence], docs: list[ThemeDoc],
           x: np.ndarray, ignore: set[str]) -> list[int]:
    """Move a left-over paper into a named section whose title words (beyond the topic's) its own title
    uses, the most similar such section first; the section's title then holds for it too. Returns the
    papers still left."""
    index = {e.key: i for i, e in enumerate(evidence)}
    still = []
    for i in left:
        text = _stems(docs[i].title)
        fits = []
        for t in targets:
            words = _stems(t.title) - ignore - GENERIC_STEMS
            if words and words <= text:
                members = [index[k] for k in t.keys if k in index]
                fits.append((float(x[i] @ x[members].mean(axis=0)) if members else 0.0, t))
        if not fits:
            still.append(i)
            continue
        _, best = max(fits, key=lambda f: f[0])
        best.keys.append(evidence[i].key)
        best.scope = _scope_line(best.title, len(best.keys), _scope_terms(best.scope))
    return still


def _scope_terms(scope: str) -> list[str]:
    """The shared phrases a scope line quotes, so a re-counted scope keeps them."""
    return re.findall(r"“([^”]+)”", scope)


def _by_kind(left: list[int], evidence: list[PaperEvidence], papers: dict[str, Paper], head: str,
             targets: list[Section], docs: list[ThemeDoc], x: np.ndarray, ignore: set[str],
             topic: str = "") -> list[tuple[str, list[int]]]:
    """Papers no shared phrase groups: studies and benchmarks apart from methods, each titled for its kind;
    a few left-over papers keep the catch-all title ('')."""
    if len(left) <= CATCH_ALL_MAX:
        return [("", left)] if left else []
    kinds = {i: paper_kind(papers[evidence[i].key].title, papers[evidence[i].key].abstract) for i in left}
    out: list[tuple[str, list[int]]] = []
    rest: list[int] = []
    for kind, members in reading_groups(kinds, head, topic):  # a survey article is no empirical study
        if len(members) >= 2:
            out.append((kind_title(kind, head, topic), members))
        else:
            rest += members
    rest += [i for i in left if kinds[i] == "method"]
    rest = _adopt(rest, targets, evidence, docs, x, ignore)
    if len(rest) > CATCH_ALL_MAX:  # methods no phrase unites: grouped by the technique they use
        own = {i: own_method_text(papers[evidence[i].key].title, papers[evidence[i].key].abstract) for i in rest}
        groups, rest = family_groups(own, topic)
        for name, members in list(groups):
            # A named theme whose title already names the family ('RL algorithms and ...' for RL) takes it.
            same = next((t for t in targets if re.search(family_pattern(name), t.title, re.IGNORECASE)), None)
            words = _stems(same.title) - ignore - GENERIC_STEMS if same is not None else set()
            keys = (same.keys if same is not None else []) + [evidence[i].key for i in members]
            index = {e.key: i for i, e in enumerate(evidence)}
            holding = sum(1 for k in keys if words <= _stems(f"{docs[index[k]].title}. {docs[index[k]].body}"))
            if same is None:
                continue
            # Else the family's own title, when the family holds for half of the joined papers.
            in_family = sum(1 for k in keys if name in families_of(own_method_text(papers[k].title, papers[k].abstract),
                                                                   topic))
            if words and holding >= needed_support(len(keys)) or in_family >= needed_support(len(keys)):
                if not (words and holding >= needed_support(len(keys))):
                    same.title = family_title(name, head)
                same.keys += [evidence[i].key for i in members if evidence[i].key not in same.keys]
                same.scope = _scope_line(same.title, len(same.keys), _scope_terms(same.scope))
                groups.remove((name, members))
        out += [(family_title(name, head), members) for name, members in groups]
        if len(rest) > CATCH_ALL_MAX:
            rest = _adopt_nearest(rest, groups, targets, evidence, papers, docs, x, ignore, topic)
    if rest:  # unrelated methods: a list of their names would claim a theme they lack, so 'Further work'
        out.append(("", rest))
    return out


def _adopt_nearest(rest: list[int], groups: list[tuple[str, list[int]]], targets: list[Section],
                   evidence: list[PaperEvidence], papers: dict[str, Paper], docs: list[ThemeDoc], x: np.ndarray,
                   ignore: set[str], topic: str) -> list[int]:
    """Left-over methods join their nearest family group or named section whose title stays true of at
    least half of its papers (families.adopt_where_supported); the rest are returned."""
    index = {e.key: i for i, e in enumerate(evidence)}
    every = range(len(evidence))
    lists = [members for _, members in groups]
    holds = [{j for j in every if name in families_of(own_method_text(papers[evidence[j].key].title,
                                                                       papers[evidence[j].key].abstract), topic)}
             for name, _ in groups]
    named = []
    for t in targets:
        words = _stems(t.title) - ignore - GENERIC_STEMS
        if words:
            named.append(t)
            lists.append([index[k] for k in t.keys if k in index])
            holds.append({j for j in every if words <= _stems(f"{docs[j].title}. {docs[j].body}")})
    still = adopt_where_supported(rest, lists, holds, x)
    for t, members in zip(named, lists[len(groups):], strict=True):
        added = [evidence[i].key for i in members if evidence[i].key not in t.keys]
        if added:
            t.keys += added
            t.scope = _scope_line(t.title, len(t.keys), _scope_terms(t.scope))
    return still


def cap_sections(sections: list[Section], evidence: list[PaperEvidence], papers: dict[str, Paper],
                 docs: list[ThemeDoc], x: np.ndarray, ignore: set[str], topic: str, head: str,
                 limit: int) -> list[Section]:
    """At most `limit` themes (the report adds an open-problems section): the smallest named theme is
    dissolved, its papers joining their nearest theme whose title stays true of half its papers, or the
    'Further work' section."""
    from reviewer.survey.themes import theme_title
    from reviewer.survey.titles import is_catch_all

    sections = list(sections)
    while len(sections) > limit:
        named = [s for s in sections if not is_catch_all(s.title)]
        if len(named) < 2:
            break
        small = min(named, key=lambda s: (len(s.keys), -sections.index(s)))
        sections.remove(small)
        index = {e.key: i for i, e in enumerate(evidence)}
        others = [s for s in sections if not is_catch_all(s.title)]
        left = _adopt_nearest([index[k] for k in small.keys if k in index], [], others, evidence, papers, docs,
                              x, ignore, topic)
        if left:
            rest = next((s for s in sections if is_catch_all(s.title)), None)
            if rest is None:
                title = theme_title("", head, [])
                rest = Section(title=title, scope="", keys=[])
                sections.append(rest)
            rest.keys += [evidence[i].key for i in left if evidence[i].key not in rest.keys]
            rest.scope = _scope_line(rest.title, len(rest.keys), [])
    return sections
