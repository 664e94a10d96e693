"""Table cells a reader can take at their word, on every seed paper (table.method_name, tasks.task_of)."""

from __future__ import annotations

import re

from reviewer.models import Paper
from reviewer.survey.table import method_name
from reviewer.survey.tasks import task_of

_CALLED_LONG = re.compile(r"\b(?:called|named|dubbed|termed)\s+((?:[A-Z][\w-]*\s){2,5})\(([A-Z][A-Za-z0-9-]{1,14})\)")


def test_a_name_with_its_acronym_is_never_cut_to_its_first_words(seed_papers: dict[str, Paper]) -> None:
    """'a methodology called Reinforcing Cognitive Experts (RICE)': the Method cell is the name, not the first two
    of its words ('Reinforcing Cognitive')."""
    seen = 0
    for paper in seed_papers.values():
        m = _CALLED_LONG.search(paper.abstract)
        if not m:
            continue
        seen += 1
        name, long_form = method_name(paper), m.group(1).strip()
        assert not (name and long_form.startswith(name) and name != long_form), (paper.key, name, long_form)
    assert seen >= 2


def test_task_cells_end_on_their_noun_and_name_no_models_or_removed_need(seed_papers: dict[str, Paper]) -> None:
    """A Task cell never ends on a preposition cut from a relative clause ('reasoning traces in'), never names the
    models a study examines ('models ranging from 1', cut inside '1.5B'), and is never what the method removes
    the need for ('eliminating the need for manual step-level annotation')."""
    for paper in seed_papers.values():
        task = task_of(paper, method_name(paper))
        if not task:
            continue
        words = task.split()
        assert words[-1].lower() not in {"in", "of", "for", "on", "with", "to", "by", "from", "at"}, (paper.key, task)
        assert not re.search(r"\b(?:ranging from|from \d+$)", task), (paper.key, task)
        assert not re.search(rf"need (?:for|of) {re.escape(task)}", paper.abstract, re.IGNORECASE), (paper.key, task)


def test_a_title_that_makes_a_claim_is_no_method_name(seed_papers: dict[str, Paper]) -> None:
    """'LLMs are Single-threaded Reasoners: ...': the title's head holds a name-like word but says something of
    it; the Method column names a method, never a claim."""
    for paper in seed_papers.values():
        name = method_name(paper)
        assert not re.search(r"\b(?:is|are|was|were|can|do|does|will)\b", name), (paper.key, name)
