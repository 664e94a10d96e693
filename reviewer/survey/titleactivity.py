"""The last source of the table's Task cell: a title that is an activity on some models, without the models."""

from __future__ import annotations

import re

from reviewer.models import Paper
from reviewer.survey.sentcase import as_in_abstract
from reviewer.survey.tasks import task_ok
from reviewer.survey.tasktitle import subtitle

# The models a title says its activity is about ('... in Large Language Models', '... of LLMs', '... in State-of-the-Art
# Large Language Models'): the corpus's papers are all about some models, so the phrase names which ones, not the task.
_WHICH_MODELS = re.compile(
    r"\s+(?:in|of|for|on|across)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:models?|llms?|lms?|lrms?|mllms?|"
    r"vlms?|ais?|agents?|ai systems)\s*$", re.IGNORECASE)


def title_activity(paper: Paper) -> str:
    """A title (or its part after the name) that is an activity on some models ('STEER-ME: Assessing the
    Microeconomic Reasoning of Large Language Models', 'Revealing Fine-Grained Values and Opinions in Large Language
    Models'): the activity without the models it is done on, in the abstract's casing; '' for any other title.

    The last source of the Task cell, read only when the abstract states no task: it is the title's 'what' without
    its 'which models', as `tasks.task_of` reads the title's 'what' without its 'how' ('... via X')."""
    sub = subtitle(paper.title)
    m = _WHICH_MODELS.search(sub)
    first = sub.split()[0].lower() if sub.split() else ""
    if not m or not _GERUND.fullmatch(first) or first in _NOT_ACTIVITIES:
        return ""
    return as_in_abstract(task_ok(sub[:m.start()], 2, 10), paper.abstract)


_GERUND = re.compile(r"[a-z-]{3,}ing")
_NOT_ACTIVITIES = frozenset("towards toward during using being bring thing".split())
