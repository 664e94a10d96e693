"""Issue 10, on real seed text: a theme's title is true of every paper in it, the Open problems section quotes
only limitations, the Task cell is not the title restated, and a long result sentence gives its numbered clause."""

from __future__ import annotations

import re

from evals.judge_terms import Terms
from evals.survey_fit import RESULT_CELL_WORDS, misfit, task_is_title
from reviewer.models import Paper
from reviewer.survey.fit import refit
from reviewer.survey.synthesis import open_problem_quotes
from reviewer.survey.table import MAX_RESULT_WORDS, headline_result, method_name, offline_row, task_of
from reviewer.survey.tasktitle import on_title
from reviewer.survey.themes import topic_exclusions
from reviewer.survey.titles import _stems
from reviewer.survey.types import PaperEvidence, Section, TableRow
from reviewer.textutil import split_sentences

TOPIC = "process reward models for LLM reasoning"


def test_a_paper_leaves_a_theme_whose_title_it_does_not_use(seed_papers: dict[str, Paper]) -> None:
    """A text-only step-verification paper under 'PRMs for multimodal reasoning' moves to the theme whose title
    it uses; a paper that uses neither title is returned loose; every paper left in a theme uses its title in a
    form the independent judge accepts."""
    sections = [Section(title="PRMs for multimodal reasoning", scope="", keys=["dreamprmdomain", "mmprm",
                                                                               "reasoningconfidence", "bagtricks"]),
                Section(title="Uncertainty quantification in PRMs", scope="",
                        keys=["uncertaintyquantification", "maqa2024evaluating"])]
    ignore = topic_exclusions(TOPIC) | _stems("PRMs")
    kept, loose = refit(sections, seed_papers, {}, ignore, lambda s: None)
    titles = {s.title: s.keys for s in kept}
    assert titles["PRMs for multimodal reasoning"] == ["dreamprmdomain", "mmprm"]
    assert "reasoningconfidence" in titles["Uncertainty quantification in PRMs"]
    assert loose == ["bagtricks"]
    terms = Terms([f"{p.title}. {p.abstract}" for p in seed_papers.values()])
    for s in kept:
        for k in s.keys:
            assert not misfit(s.title, TOPIC, f"{seed_papers[k].title}. {seed_papers[k].abstract}", terms), (s.title, k)


def test_a_theme_left_with_one_of_its_papers_is_dissolved(seed_papers: dict[str, Paper]) -> None:
    """When all but one paper of a theme leave it, the one left is no theme: it is placed like the others."""
    sections = [Section(title="PRMs for multimodal reasoning", scope="", keys=["dreamprmdomain", "bagtricks"])]
    kept, loose = refit(sections, seed_papers, {}, topic_exclusions(TOPIC) | _stems("PRMs"), lambda s: None)
    assert kept == [] and sorted(loose) == ["bagtricks", "dreamprmdomain"]


def _evidence(paper: Paper) -> PaperEvidence:
    return PaperEvidence(key=paper.key, paper_id=paper.id, relevance=1.0, row=TableRow(key=paper.key))


def test_open_problems_quote_limitations_not_problems_the_paper_removed(seed_papers: dict[str, Paper]) -> None:
    """A sentence whose problem word is what the paper removes ('while minimizing ... trade-offs', 'combat
    reward hacking'), what it studies, an ablation's evidence ('..., demonstrating the ... contribution') or other
    work's ('Unlike other ...') is no open problem; 'still meets challenges ... future efforts' is one."""
    solved = re.compile(r"\b(?:minimi[sz]ing|combat|mitigat\w+)\b[^.]{0,50}\b(?:trade-?offs?|reward hacking|collapse)"
                        r"|demonstrating the [^.]{0,40}contribution|^Unlike other|\bstudying [^.]{0,30}trade-?offs",
                        re.IGNORECASE)
    seen = positive = 0
    for p in seed_papers.values():
        sentences = split_sentences(p.abstract)
        quoted = [q.text for q in open_problem_quotes([_evidence(p)], {p.key: p})]
        for s in sentences:
            if solved.search(s):
                seen += 1
                assert s not in quoted, (p.key, s)
            if re.search(r"\bstill (?:meets|faces) challenges\b", s):
                positive += 1
                assert s in quoted, (p.key, s)
    assert seen >= 3 and positive >= 1, (seen, positive)


# A contribution's purpose clause up to its first punctuation, when it names its object itself (no 'this', 'two', 'their').
_PURPOSE = re.compile(r"\bwe (?:propose|introduce|present|develop|design)\w*\b[^.]{0,80}\b(?:method|approach|framework|"
                      r"algorithm)s? (?:designed )?to "
                      r"(?!the\b|a\b)[a-z]{3,}\b(?![^,;:.()]*\b(?:this|these|its|their|two|three)\b)")


def test_the_task_cell_comes_from_the_abstract_not_the_title(seed_papers: dict[str, Paper]) -> None:
    """A paper whose own sentence says what its method is for ('we propose X, a method to align ...') has a Task
    cell, not its title or subtitle restated; the cell's words are the abstract's. (The row's cell: a purpose that
    is one step of a larger method and shares no word with the title -- DED's 'a method to select an optimal
    teacher model', 'we propose a method to measure the strength of preferences' under 'Reward Modeling' -- gives
    way to the next source, the kind of work the method is said to be, or leaves the cell blank.)"""
    seen = 0
    for p in seed_papers.values():
        purposes = [m.group(0) for s in split_sentences(p.abstract) for m in _PURPOSE.finditer(s)]
        if not purposes:
            continue
        seen += 1
        task = task_of(p, method_name(p)) or offline_row(p).task.text
        if not task and not any(on_title(q.split(" to ", 1)[1], p.title) for q in purposes):
            continue
        assert task and not task_is_title(task, p.title), (p.key, task)
        rest = [w for w in re.findall(r"[A-Za-z][\w-]*", task)[1:] if len(w) > 3]
        assert all(w.lower() in p.abstract.lower() for w in rest), (p.key, task)
    assert seen >= 5, seen


def test_a_long_result_sentence_gives_its_numbered_clause(seed_papers: dict[str, Paper]) -> None:
    """A headline result taken from a sentence longer than a cell is that sentence's clause with the number (and
    the numbered clauses that continue it), never the whole sentence; it is the abstract's own words."""
    seen = 0
    for p in seed_papers.values():
        cell = headline_result(p)
        if not cell or not re.search(r"\d(?:\.\d+)?\s?(?:%|×|x\b|points?\b|pp\b)", cell):
            continue
        source = next((s for s in split_sentences(p.abstract) if cell[1:] in s), "")
        assert source, (p.key, cell)
        assert len(cell.split()) <= MAX_RESULT_WORDS, (p.key, cell)
        if len(source.split()) > RESULT_CELL_WORDS:  # longer than the eval lets a cell be
            seen += 1
            assert len(cell.split()) < len(source.split()) - 3, (p.key, cell)
    assert seen >= 10, seen


def test_a_title_of_common_words_is_a_claim_too(seed_papers: dict[str, Paper]) -> None:
    """'Empirical analysis and ...' or 'Reinforcement learning for ...' is read as true of every paper under it,
    although the label picker calls those words generic: a paper that uses neither the phrase nor (for a
    technique family) one of its members does not fit; a paper whose own method sentences use GRPO does."""
    from reviewer.survey.fit import fits

    ignore = topic_exclusions(TOPIC) | _stems("PRMs")
    grpo = [p for p in seed_papers.values() if re.search(r"\bwe\b[^.]{0,60}\bGRPO\b", p.abstract)]
    neither = [p for p in seed_papers.values() if not re.search(
        r"reinforcement|\bRL|PPO|GRPO|policy|empirical analys", f"{p.title} {p.abstract}", re.IGNORECASE)]
    assert len(grpo) >= 3 and len(neither) >= 10
    assert all(fits("Reinforcement learning for PRMs", p, ignore) for p in grpo)
    assert not any(fits("Reinforcement learning for PRMs", p, ignore) for p in neither)
    assert not any(fits("Empirical analysis and test-time scaling", p, ignore) for p in neither)
