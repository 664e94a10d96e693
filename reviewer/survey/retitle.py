"""A theme keeps the part of its title its papers share, and an orphan joins a theme whose title fits it.

The label picker names a theme by two phrases joined with 'and' ('Token usage and decoding'), and fit.py then
holds every paper to both: a paper on token usage alone leaves the theme, and a theme left with one paper is
dissolved, so its papers end in the overview's aside. A researcher would keep the theme under the phrase its
papers do share. Here a conjunction title whose papers do not all use it is cut to the conjunct that holds for
more of them (fit.fits, the same test that would move them out), before fit.py moves anyone.

After every grouping step (regroup.py), a paper still cited apart from the themes joins the theme whose title it
uses (fit.fits) and whose papers its own sentences are closest to, when there is one; and when no theme is left at
all, the survey's papers form one section titled by the topic, as a survey of too few papers for themes does.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from reviewer.models import Paper
from reviewer.survey.catchall import KIND_TITLE, place
from reviewer.survey.fit import _home, fits
from reviewer.survey.themes import theme_title
from reviewer.survey.titles import is_catch_all
from reviewer.survey.titlewords import is_cut_modifier
from reviewer.survey.types import Section

_AND = re.compile(r"\s+and\s+")


def _conjuncts(title: str, head: str, texts: list[str]) -> list[str]:
    """The titles each conjunct of an 'A and B' title makes alone ('Token usage' with the head glued on the way a
    theme title is formed, themes.theme_title); none for a title without 'and'. A conjunct the papers' texts use
    as a modifier cut from its noun ('Inference time' scaling) names nothing alone."""
    parts = _AND.split(title)
    if len(parts) != 2 or not all(p.strip() for p in parts):
        return []
    out = []
    for part in parts:
        part = part.strip()
        if is_cut_modifier(part, texts):
            continue
        part = part[:1].upper() + part[1:]
        title_ = theme_title(part, head, [])
        if not is_catch_all(title_):
            out.append(title_)
    return out


def keep_shared(sections: list[Section], papers: dict[str, Paper], head: str, ignore: set[str],
                rescope: Callable[[Section], None]) -> list[Section]:
    """Each 'A and B' theme some of whose papers do not use its whole title is retitled by the conjunct that holds
    for more of its papers (at least two), so fit.py keeps them; other sections are left as they are."""
    taken = {s.title.lower() for s in sections}
    for s in sections:
        if is_catch_all(s.title) or KIND_TITLE.match(s.title):
            continue
        keys = [k for k in s.keys if k in papers]
        held = sum(1 for k in keys if fits(s.title, papers[k], ignore))
        if held == len(keys):
            continue
        texts = [f"{papers[k].title}. {papers[k].abstract}" for k in keys]
        best = max(((sum(1 for k in keys if fits(t, papers[k], ignore)), t) for t in _conjuncts(s.title, head, texts)
                    if t.lower() not in taken and not is_catch_all(t)), default=(0, ""))
        if best[0] > held and best[0] >= 2:
            taken.discard(s.title.lower())
            s.title = best[1]
            taken.add(s.title.lower())
            rescope(s)
    return sections


def adopt_orphans(aside: list[str], sections: list[Section], papers: dict[str, Paper], vec: dict[str, np.ndarray],
                  ignore: set[str], rescope: Callable[[Section], None]) -> list[str]:
    """Each paper still apart from the themes joins the named theme whose title it uses and whose papers it is
    closest to (fit._home); returns the papers no title fits."""
    return place(aside, lambda key: _home(key, sections, papers, vec, ignore) if key in papers else None, rescope)
