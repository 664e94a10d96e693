"""Weak theme labels: a title phrase fewer than half of the section's papers use ('RL reward in PRMs' over five
papers of which one says 'RL reward') is not a name for the section. Its papers that do not use it move to the
named theme they fit (catchall.closest_theme), or, failing that, the section takes the name of the technique
family most of its papers' own method sentences share (families.py); else the title stays.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from reviewer.models import Paper
from reviewer.survey.catchall import closest_theme, weak_phrase
from reviewer.survey.central import about
from reviewer.survey.families import families_of, family_title, own_method_text
from reviewer.survey.titles import is_catch_all, needed_support
from reviewer.survey.types import Section


def mend(sections: list[Section], papers: dict[str, Paper], vec: dict[str, np.ndarray], ignore: set[str],
         head: str, topic: str, rescope: Callable[[Section], None]) -> list[Section]:
    """Each section with a weak label: its papers that lack the phrase move to a theme that fits them, when that
    leaves the label true of half of the rest; else the family most of its papers use names it."""
    for s in sections:
        phrase = weak_phrase(s, papers, ignore)
        if not phrase:
            continue
        lacking = [k for k in s.keys if k in papers and not about(phrase, papers[k], ignore)]
        others = [o for o in sections if o is not s and not is_catch_all(o.title)]
        moves = {k: closest_theme(k, others, vec, papers, ignore) for k in lacking if k in vec}
        staying = [k for k in s.keys if moves.get(k) is None]
        if len(staying) >= 2 and not weak_phrase(Section(title=s.title, scope=s.scope, keys=staying), papers, ignore):
            for k, target in moves.items():
                if target is not None:
                    target.keys.append(k)
                    rescope(target)
            s.keys = staying
            rescope(s)
            continue
        own = [families_of(own_method_text(papers[k].title, papers[k].abstract), topic) for k in s.keys if k in papers]
        counts = {name: sum(1 for f in own if name in f) for name in {n for f in own for n in f}}
        best = max(sorted(counts), key=lambda n: counts[n], default="")
        title = family_title(best, head) if best else ""
        if best and counts[best] >= needed_support(len(own)) and all(o.title != title for o in sections):
            s.title = title
            rescope(s)
    return sections
