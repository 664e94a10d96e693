"""Table cells judged against the survey's topic: a Task cell that only restates the topic tells papers apart by nothing.

In a survey of personalized preference alignment, 'Aligning language models' or 'Enhancing LLM personalization' is
true of every paper in the table; a reader scanning the Task column learns nothing from it. Such a cell is left
blank (the paper is then listed under the table with its other fields when it has too few for a row): a blank cell
says the abstract gives no task of its own, which is closer to the truth than the topic's words.
"""

from __future__ import annotations

import re

from reviewer.survey.tasks import generic_task
from reviewer.survey.types import Cell, TableRow

_FUNCTION = frozenset("a an the of for in on with and or to via by from as at into their its".split())


def _stems(text: str) -> list[str]:
    """Content words cut to five letters ('aligning' and 'alignment' -> 'align'), hyphenated words kept whole too."""
    words = [w for w in re.findall(r"[a-z0-9][a-z0-9-]*", text.lower()) if w not in _FUNCTION]
    return [w[:5] for w in words]


def restates_topic(task: str, topic: str) -> bool:
    """True when every content word of the task is the topic's or a generic one (tasks.generic_task's words)."""
    own = set(_stems(topic))
    words = [w for w in re.findall(r"[a-z0-9][a-z0-9-]*", task.lower()) if w not in _FUNCTION]
    return bool(words) and all(w[:5] in own or generic_task(w) for w in words)


def for_topic(row: TableRow, topic: str) -> TableRow:
    """The row with its Task cell blank when it only restates the topic."""
    if row.task.text and restates_topic(row.task.text, topic):
        return row.model_copy(update={"task": Cell()})
    return row
