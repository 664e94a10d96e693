"""A theme's title is true of every paper in it, not only of most.

The label picker and the weak-label mender (weaklabels.py) keep a title that half of a theme's papers use; the
other half still sit under a title that says something false of them ('PRMs for multimodal reasoning' over a
text-only paper). Here each paper that is not about every label phrase of its section's title leaves the section
(catchall.label_phrases; central.about: its title uses the phrase or its initials, or its abstract comes back to it,
or uses it in its own method sentence, never only as the other work it sets itself against; a family title also by
the family's own members, families.py, in the same way). It joins the theme whose title it does use and whose papers it is closest to;
else it is returned, to be named with other loose papers by a phrase they share or cited apart from the themes
(catchall.name_aside). A section left with a single paper of several is no theme: its paper is placed the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from reviewer.models import Paper
from reviewer.survey.catchall import _GLUE, KIND_TITLE, _similarity, label_phrases
from reviewer.survey.central import about, about_pattern
from reviewer.survey.families import FAMILIES, own_method_text
from reviewer.survey.kinds import contribution_kind, is_survey_text, paper_kind
from reviewer.survey.leftover import GENERIC_STEMS
from reviewer.survey.titles import _stems, is_catch_all
from reviewer.survey.types import Section


def family_uses(phrase: str, paper: Paper) -> bool:
    """A family title's phrase ('Reinforcement learning') holds for a paper whose own method sentences use one
    of the family's members ('GRPO', 'policy optimization')."""
    family = next((f for f in FAMILIES if f.name.lower() == phrase.lower()), None)
    return family is not None and re.search(family.pattern, own_method_text(paper.title, paper.abstract),
                                            re.IGNORECASE) is not None and about_pattern(family.pattern, paper)


def claims(title: str, ignore: set[str]) -> list[str]:
    """What the title says its papers share: its label phrases (catchall.label_phrases), and also a noun phrase
    of common words only ('Reinforcement learning', 'Empirical analysis'), which the label picker counts as
    generic but which a reader takes as true of every paper under it."""
    out = label_phrases(title, ignore)
    for seg in _GLUE.split(title):
        words = [w for w in re.findall(r"[\w-]+", seg) if _stems(w) - ignore]
        if words and not any(_stems(w) - ignore - GENERIC_STEMS for w in words):
            out.append(" ".join(words))
    return list(dict.fromkeys(out))


# A title naming a kind of paper ('Empirical analysis of ...', 'Work on systematic studies') claims that kind:
# a method paper whose abstract mentions 'empirical analysis' in passing is not one.
_STUDY_LABEL = re.compile(r"\b(?:empirical|systematic|comprehensive|large-scale)\s+(?:analys[ie]s|stud(?:y|ies)|"
                          r"investigations?|evaluations?|comparisons?)\b", re.IGNORECASE)


_BENCHMARK_LABEL = re.compile(r"benchmarks and datasets\b", re.IGNORECASE)  # kinds.kind_title's benchmark title


def fits(title: str, paper: Paper, ignore: set[str]) -> bool:
    """The paper is about every phrase the title claims (central.about: its title uses it, or its abstract comes
    back to it), not only mentions it; a catch-all or a kind title ('Empirical studies of X')
    names no phrase, so every paper fits it. A label naming a kind of paper fits only papers of that kind."""
    if _STUDY_LABEL.search(title) and (contribution_kind(paper.title, paper.abstract) != "study"
                                       or is_survey_text(paper.title, paper.abstract)):
        return False  # ... and a survey article is no empirical study
    # ... and 'Benchmarks and datasets for X' only papers whose own contribution is one (a method evaluated on
    # benchmarks, or trained on a dataset it mentions, is not).
    if _BENCHMARK_LABEL.match(title) and contribution_kind(paper.title, paper.abstract) != "benchmark":
        return False
    if title.lower().startswith("surveys of ") and not is_survey_text(paper.title, paper.abstract):
        return False  # kinds.kind_title's survey title
    if title.lower().startswith("studies and surveys of ") and paper_kind(paper.title, paper.abstract) not in (
            "study", "survey"):
        return False
    if is_catch_all(title) or KIND_TITLE.match(title):
        return True
    return all(about(p, paper, ignore) or family_uses(p, paper) for p in claims(title, ignore))


def _home(key: str, sections: list[Section], papers: dict[str, Paper], vec: dict[str, np.ndarray],
          ignore: set[str]) -> Section | None:
    """The named theme whose title the paper uses, closest by its own-text vector to the theme's papers."""
    best: tuple[float, int] | None = None
    for n, s in enumerate(sections):
        if not s.keys or is_catch_all(s.title) or KIND_TITLE.match(s.title) or not fits(s.title, papers[key], ignore):
            continue
        members = [vec[k] for k in s.keys if k in vec]
        sim = _similarity(vec[key], members) if key in vec and members else 0.0
        if best is None or sim > best[0]:
            best = (sim, n)
    return sections[best[1]] if best else None


def refit(sections: list[Section], papers: dict[str, Paper], vec: dict[str, np.ndarray], ignore: set[str],
          rescope: Callable[[Section], None]) -> tuple[list[Section], list[str]]:
    """Every paper under a title it does not use moves to a theme whose title it uses; the papers no title
    fits are returned (in their sections' order) with the sections that remain."""
    loose: list[str] = []
    changed: list[Section] = []
    for s in sections:
        bad = [k for k in s.keys if k in papers and not fits(s.title, papers[k], ignore)]
        if not bad:
            continue
        s.keys = [k for k in s.keys if k not in bad]
        changed.append(s)
        if len(s.keys) == 1:  # one paper of several is left: no theme
            bad += s.keys
            s.keys = []
        loose += bad
    kept = [s for s in sections if s.keys]
    left = []
    for key in loose:
        home = _home(key, kept, papers, vec, ignore)
        if home is None:
            left.append(key)
            continue
        home.keys.append(key)
        changed.append(home)
    for s in kept:
        if any(s is c for c in changed):
            rescope(s)
    return kept, left
