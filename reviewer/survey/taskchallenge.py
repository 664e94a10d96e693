"""The last source of the table's Task cell: the activity an abstract says is hard.

Abstracts state the problem they address as an activity that is difficult: 'Controlling the length of generated
reasoning without sacrificing accuracy remains an open challenge', 'evaluating LLMs in the medical field is
challenging due to ...'. The gerund phrase before such a predicate names the task, when it speaks of what the title is
about (tasktitle.on_title: the same check that keeps a method step out of the column) and points outside itself
nowhere ('analyzing these systems' is no task).
"""

from __future__ import annotations

import re

from reviewer.models import Paper
from reviewer.survey.tasks import task_ok
from reviewer.survey.tasktitle import on_title
from reviewer.textutil import split_sentences

_OPENER = (r"(?:(?:However|Yet|But|Still|Moreover|Unfortunately|Nevertheless|Nonetheless|In practice|In particular|"
           r"Meanwhile|Currently|Notably|Consequently|As a result|Importantly),?\s+)?")
_HARD = (r"(?:challenging|difficult|hard|costly|expensive|non-?trivial|underexplored|under-explored|unexplored|unsolved|"
         r"elusive|time-consuming|infeasible|impractical|prohibitive|a challenge|an? (?:[\w-]+\s+)?(?:challenge|problem|"
         r"question|obstacle|bottleneck))")
_PREDICATE = (rf"(?:is|are|remains?|has been|have been|can be|becomes?|poses?)\s+(?:still\s+|often\s+|\w+ly\s+)?"
              rf"{_HARD}\b")
# The subject: an activity ('Controlling ...'), at most ten words, no clause inside; a manner adverb before it
# ('directly collecting human preferences can be expensive') says how it is hard, the activity is the task.
_CHALLENGE = re.compile(rf"^{_OPENER}(?:\w+ly\s+)?(?P<task>[A-Za-z][a-z-]{{3,}}ing\b(?:\s+[\w'/-]+){{1,9}}?)\s+"
                        rf"{_PREDICATE}")
_NOT_GERUNDS = frozenset("during according including regarding following concerning considering notwithstanding".split())


def stated_challenge(paper: Paper) -> str:
    """The first activity the abstract says is hard that shares a word with the title, or ''."""
    for sentence in split_sentences(paper.abstract):
        m = _CHALLENGE.search(sentence)
        if not m or m.group("task").split()[0].lower() in _NOT_GERUNDS:
            continue
        task = task_ok(m.group("task"), 2, 10)
        if task and on_title(task, paper.title, paper.abstract):
            return task
    return ""
