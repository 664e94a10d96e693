"""Whether a task phrase read from an abstract sentence speaks of what the paper's title is about.

A title names the problem a paper addresses ('Confronting Reward Model Overoptimization with Constrained RLHF');
the abstract's method sentences also describe the steps of the method ('... weighting component RMs ...', '...
selecting an optimal teacher model ...'). A task phrase read from such a sentence that shares no content word with
the title is a step of the method, not the paper's task.
"""

from __future__ import annotations

from reviewer.checker.degrees import expand_acronyms
from reviewer.textutil import STOPWORDS, stemmer, words


def _stems(text: str) -> set[str]:
    """Content stems of `text`, a hyphenated word counted whole, by its parts and joined ('role-playing' ->
    'role-play', 'role', 'play', 'roleplay')."""
    out: list[str] = []
    for w in words(text):
        w = w.lower()
        parts = [p for p in w.split("-") if p]
        out.extend([w, *parts, "".join(parts)] if len(parts) > 1 else [w])
    return set(stemmer().stemWords([w for w in out if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]))


def on_title(task: str, title: str, abstract: str = "") -> bool:
    """True when `task` shares a content word with `title` (or has no content word to compare); an acronym of the
    title counts by the words the abstract spells it with ('Robust DPO' -> 'Direct Preference Optimization')."""
    mine = _stems(task)
    return not mine or bool(mine & (_stems(title) | _stems(expand_acronyms(title, abstract))))


def subtitle(title: str) -> str:
    """The title after its name ('STEER-ME: Assessing ...' -> 'Assessing ...'), or the whole title without one."""
    return title.split(":", 1)[1].strip() if ":" in title else title.strip()
