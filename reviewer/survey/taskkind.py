"""Last sources for the table's Task cell: the kind of work the paper's own contribution sentence says its named
method is ('we introduce QAlign, a new test-time alignment approach'; 'a tool-augmented preference modeling
approach, named Themis'; 'Self-Evolving Curriculum (SEC), an automatic curriculum learning method').

The words between the article and the thing word name what the method does when they end on an activity noun
('alignment', 'modeling', 'learning', 'evaluation'). Only a sentence that names the row's method is read, so a
second contribution ('we also introduce an RL-based training strategy') does not stand for the paper's task; a
kind that is only adjectives ('a novel framework'), a part of the method's own name, or generic words gives none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reviewer.models import Paper
from reviewer.survey.tasks import (
    _BARE_DEFINITE,
    _CONTRIBUTION,
    _END,
    _NOT_VERBS,
    _THING,
    _sentences,
    _whole,
    generic_task,
    gerund,
    task_ok,
)

# Words that grade the method, not say what it does.
_GRADES = (r"(?:novel|new|simple|general|unified|effective|efficient|lightweight|principled|comprehensive|"
           r"large-scale|scalable|generic|flexible|powerful|robust|practical|first|systematic|yet|and)")
_KIND = re.compile(rf"\b(?:an?|the)\s+(?:{_GRADES},?\s+)*(?P<kind>(?:[\w-]+\s+){{2,4}}?){_THING}\b", re.IGNORECASE)
_ACTIVITY = re.compile(r"(?:ing|tion|sion|ment)$", re.IGNORECASE)
# Activities that are a method's means, not its problem ('a zero-shot prompting framework', 'a reasoning-oriented
# training pipeline').
_MEANS = frozenset("prompting training tuning fine-tuning finetuning decoding sampling".split())


def named_task(paper: Paper, method: str) -> str:
    """The kind of work the sentence naming the method says it is, else the purpose that sentence gives it."""
    return kind_task(paper, method) or purpose_task(paper, method)


def _naming_contributions(paper: Paper, method: str) -> Iterator[str]:
    """The object of each contribution sentence ('we propose ...') that names `method`, in abstract order."""
    if not method:
        return
    for sentence in _sentences(paper):
        c = _CONTRIBUTION.search(sentence)
        if c and re.search(rf"(?<![\w-]){re.escape(method)}(?![\w-])", sentence):
            yield c.group("obj")


def kind_task(paper: Paper, method: str) -> str:
    """The activity a contribution sentence that names `method` says it is a kind of, or ''."""
    for obj in _naming_contributions(paper, method):
        m = _KIND.search(obj)
        if not m:
            continue
        words = m.group("kind").split()
        lowered = [w for w in words if w[:1].islower() or w.isupper()]  # 'LLM personalization alignment'
        if len(lowered) != len(words) or not _ACTIVITY.search(words[-1]) or words[-1].lower() in _MEANS or "of" in words \
                or any(w.lower() in method.lower() for w in words if len(w) > 3):
            continue
        task = task_ok(" ".join(words), 2, 5)
        if task and not generic_task(task):
            return task
    return ""


# 'we develop RewardAnything, a novel RM designed to explicitly follow natural language principles': what the
# sentence that names the method says it is made to do (any thing word, an adverb allowed); a second purpose
# coordinated by 'and' is left out. A bare 'to V' is not read: 'integrates X to regulate ...' gives a means.
_END_OR_AND = _END.replace("|$)", r"|\sand\s[a-z]+\s|$)")
_PURPOSE = re.compile(rf"\b(?:designed|built|tailored|developed|trained|intended|aims?|aiming)\s+to\s+(?:\w+ly\s+)?(?P<verb>[a-z]{{3,}})\s+(?P<obj>(?:[\w\-'/]+\s+){{0,8}}?[\w\-/]+)"
                      rf"{_END_OR_AND}")
# Verbs whose object is the problem named before ('to address these issues') or a comparison, not a task.
_POINTING_VERBS = frozenset("better address tackle solve emphasize bring overcome mitigate fill bridge close".split())
_LIST_GOES_ON = re.compile(r",\s+(?:[\w-]+\s+)?[\w-]+,\s")  # 'a sequence of explicit, structured, and turn-wise ...'


def purpose_task(paper: Paper, method: str) -> str:
    """What the contribution sentence naming `method` says it is for ('to V X' -> 'V-ing X'), or ''."""
    for obj in _naming_contributions(paper, method):
        m = _PURPOSE.search(obj)
        if not m:
            continue
        verb = m.group("verb")
        if verb in _NOT_VERBS or verb in _POINTING_VERBS or verb.endswith(("ing", "ed", "ly")) \
                or _LIST_GOES_ON.match(obj, m.end()):
            return ""
        task = _whole(task_ok(f"{gerund(verb)} {m.group('obj')}", 3, 10))
        return "" if _BARE_DEFINITE.search(task) else task
    return ""
