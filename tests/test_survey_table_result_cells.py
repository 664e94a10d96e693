"""Result cells of the comparison table on real seed abstracts: a cell starts with its subject, not with the
connective that tied its sentence to the one before; it never stops on a modifier whose noun follows a comma; and a
sentence that states a limitation or an aim is not a paper's headline result."""

from __future__ import annotations

import re

from reviewer.models import Paper
from reviewer.roles import Role, sentence_roles
from reviewer.survey.table import headline_result, row_name
from reviewer.textutil import split_sentences

_CONNECTIVE = re.compile(r"^(?:Notably|In contrast|Empirically|Specifically|Moreover|Furthermore|Additionally|"
                         r"Importantly|Interestingly|Overall|In particular),", re.IGNORECASE)


def _source(paper: Paper, cell: str) -> tuple[list[str], int]:
    sentences = split_sentences(paper.abstract)
    return sentences, next((i for i, s in enumerate(sentences) if cell[1:] in s), -1)


def test_a_result_cell_opens_with_its_subject_not_a_connective(seed_papers: dict[str, Paper]) -> None:
    """'Notably, PPO outperforms DPO by ...' in the abstract gives the cell 'PPO outperforms DPO by ...'."""
    stripped = 0
    for paper in seed_papers.values():
        cell = headline_result(paper)
        if not cell:
            continue
        assert not _CONNECTIVE.match(cell), (paper.key, cell)
        sentences, at = _source(paper, cell)
        stripped += at >= 0 and bool(_CONNECTIVE.match(sentences[at])) and sentences[at].rstrip(" .").endswith(cell[1:])
    assert stripped >= 4, stripped


def test_a_result_cell_keeps_the_noun_its_last_modifier_needs(seed_papers: dict[str, Paper]) -> None:
    """'... across a range of challenging, sparse reward tasks from the NetHack Learning Environment': the comma
    after 'challenging' is inside the noun phrase, so the cell goes on to the noun instead of ending on the modifier."""
    for key, modifier, noun in (("onlineintrinsic", "challenging", "sparse reward tasks"),
                                ("invariantgraph", "fine-grained", "node-level")):
        cell = headline_result(seed_papers[key])
        assert modifier in cell and noun in cell, (key, cell)
    for paper in seed_papers.values():
        cell = headline_result(paper)
        at = paper.abstract.find(cell[1:]) if cell else -1
        if at < 0:
            continue
        after = paper.abstract[at + len(cell) - 1:]
        # Never '..., challenging' + ', sparse reward tasks': a modifier left without the noun that follows it.
        assert not (re.search(r"\b\w+(?:ing|grained)$", cell) and re.match(r", [a-z][\w-]* [a-z]+ tasks\b|, more ", after)), \
            (paper.key, cell, after[:50])


def test_a_stated_limitation_or_aim_is_no_headline_result(seed_papers: dict[str, Paper]) -> None:
    """'..., analysis exposes persistent challenges: The approach exhibits low precision (<10%) ...' has a number but
    states what fails; 'We seek to identify ...' states an aim. Neither is the paper's headline result. (A paper that
    names no method of its own evaluates others': what it finds fails, in its own voice, 'we highlight that existing
    LLMs fail ... drops by at least 50%', is its result; t28.)"""
    checked = 0
    for paper in seed_papers.values():
        cell = headline_result(paper)
        if not cell:
            continue
        assert not re.match(r"We (?:seek|aim|set out) to\b", cell), (paper.key, cell)
        sentences, at = _source(paper, cell)
        if at < 0:
            continue
        checked += 1
        evaluation_finding = not row_name(paper) and re.search(
            r"\bwe\s+(?:\w+\s+)?(?:find|show|highlight|observe|reveal)s?\s+that\b", sentences[at], re.I)
        if sentence_roles(sentences)[at] == Role.LIMITATION and not evaluation_finding:
            tail = re.split(r":\s", sentences[at])[-1]
            assert re.search(r"\b(?:outperform|surpass|improv|achiev|exceed|boost|increas|reduc|gain)\w*", tail, re.I), \
                (paper.key, cell)
    assert checked >= 150, checked
    assert "low precision" not in headline_result(seed_papers["prmnecessary"])


def test_a_task_cut_from_a_title_is_written_as_the_abstract_writes_its_words(seed_papers: dict[str, Paper]) -> None:
    """'Enhancing Multimodal Mathematical Reasoning' (a title's Title Case) reads 'Enhancing multimodal mathematical
    reasoning' in the Task column: a word the abstract writes only in lower case is not capitalised in the cell,
    while a name the abstract capitalises ('Monte Carlo') keeps its capitals."""
    from reviewer.survey.table import method_name
    from reviewer.survey.tasks import task_of

    lowered = kept = 0
    for paper in seed_papers.values():
        task = task_of(paper, method_name(paper))
        for word in re.findall(r"(?<=\s)[A-Z][a-z]+(?![\w-])", task):
            lower_only = re.search(rf"\b{word.lower()}\b", paper.abstract) and word not in paper.abstract
            assert not lower_only, (paper.key, task, word)
        for word in re.findall(r"(?<=\s)[a-z]+(?![\w-])", task):
            lowered += word.capitalize() in paper.title.split()
        kept += bool(re.search(r"\s[A-Z][a-z]+ [A-Z][a-z]+", task))
    assert lowered >= 50 and kept >= 3, (lowered, kept)
