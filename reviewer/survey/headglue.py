"""A theme title that glues the survey's head onto its label says each of its papers is about that head.

themes.theme_title names a theme '<label> in/for/with/of <head>' ('Outcome reward in PRMs', 'Reinforcement learning
for RL ...') or '<head> for <label>' ('PRMs for mathematical reasoning'), where the head is the topic's own phrase
(outline.topic_head). The fit test (fit.py) passes over the topic's words, since every selected paper is taken to be
on the topic; but a selected paper is often only near it (a 'thinking reward model' in a survey of process reward
models), and under '<label> in PRMs' a reader takes it for a PRM paper. When some paper of the section is not about
the head (central.about, on the head or the long form the corpus gives its acronym), the head is a claim the title
cannot make: the section keeps its label alone, when that label names a subject of its own (alone.stands_alone:
'Outcome reward', 'Process supervision'); a technique family whose name is too generic to stand alone is named as
the family of methods it is ('Reinforcement learning methods', families.py). Another label that needs the head to
read as a title ('Chain-of-Thought') keeps it, and so do the kind titles ('Empirical studies of X'), which name a
kind, not a label.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.models import Paper
from reviewer.survey.alone import stands_alone
from reviewer.survey.catchall import KIND_TITLE
from reviewer.survey.central import about
from reviewer.survey.families import FAMILIES
from reviewer.survey.fit import family_uses
from reviewer.survey.types import Acronym, Section

_LINKS = r"(?:in|for|with|of|on|and)"  # not "from": "Reinforcement learning from human feedback" is one name


def split_glued(title: str, head: str) -> str:
    """The label of a title glued to HEAD ('Outcome reward in PRMs' -> 'Outcome reward'), or ''."""
    if not head or KIND_TITLE.match(title):
        return ""
    h = re.escape(head)
    m = re.fullmatch(rf"(?i)(.+?)\s+{_LINKS}\s+{h}", title.strip()) or re.fullmatch(rf"(?i){h}\s+(?:for|in)\s+(.+)",
                                                                                    title.strip())
    return m.group(1).strip() if m else ""


def head_forms(head: str, acronyms: list[Acronym]) -> list[str]:
    """The head and the long forms of its acronym ('PRMs' -> 'process reward models')."""
    bare = head.rstrip("s") if head[:-1].isupper() else head
    return [head] + [a.phrase for a in acronyms if a.short.lower() == bare.lower()]


def about_head(head: str, paper: Paper, acronyms: list[Acronym]) -> bool:
    """The paper is about the head itself (central.about), or a member of the technique family it names."""
    return any(about(f, paper) or family_uses(f, paper) for f in head_forms(head, acronyms))


def _alone(label: str) -> str:
    """The label as a title without the head: itself when it stands alone, a generic family's name as its methods
    ('Reinforcement learning' -> 'Reinforcement learning methods'), else ''."""
    if stands_alone(label):
        return label[:1].upper() + label[1:]
    if len(label.split()) >= 2 and any(f.name.lower() == label.lower() for f in FAMILIES):
        return f"{label[:1].upper() + label[1:]} methods"
    return ""


def unglue(sections: list[Section], papers: dict[str, Paper], head: str, acronyms: list[Acronym],
           rescope: Callable[[Section], None]) -> None:
    """Each section whose title glues the head onto a label that stands alone, and which holds a paper not about
    the head, is titled by its label alone (see the module docstring)."""
    for section in sections:
        label = split_glued(section.title, head)
        if not label or not (title := _alone(label)):
            continue
        if all(about_head(head, papers[k], acronyms) for k in section.keys if k in papers):
            continue
        if any(s.title.lower() == title.lower() for s in sections):
            continue
        section.title = title
        rescope(section)
