"""Benchmark cells and lead facts only from evaluation clauses (benchclause.py, wording.compact_name in lead.py), on real seed text."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from reviewer.models import Paper
from reviewer.survey.kinds import contribution_kind
from reviewer.survey.lead import section_lead
from reviewer.survey.table import method_name, offline_row
from reviewer.survey.tasks import task_of
from reviewer.survey.types import PaperEvidence, TableRow


def _by_title(papers: dict[str, Paper], start: str) -> Paper:
    return next(p for p in papers.values() if p.title.startswith(start))


def _lead_for(paper: Paper, papers: dict[str, Paper], gazetteer: frozenset[str],
              row: Callable[..., TableRow] = offline_row) -> list[str]:
    """The lead of a section holding the paper and three other named method papers with benchmark cells (so the lead
    has contrasts to draw)."""
    others = [p for p in papers.values() if p.key != paper.key and method_name(p) and row(p, gazetteer)
              .benchmarks.text and contribution_kind(p.title, p.abstract) == "method"][:3]
    group = [paper, *others]
    evidence = {p.key: PaperEvidence(key=p.key, paper_id=p.id, relevance=0.9, sentences=[],
                                     row=row(p, gazetteer)) for p in group}
    names = {p.key: method_name(p) or "Ours" for p in group}
    return section_lead([p.key for p in group], evidence, names, papers)


@pytest.mark.parametrize(("title", "bench", "why"), [
    ("How FaR Are Large Language Models", "ToMi", "Existing question answering benchmarks such as ToMi"),
    ("Reasoning Transfer for an Extremely Low-Resource", "LC2024", "we also release LC2024"),
    ("Done Is Better than Perfect", "MATH", "Trained on the MATH dataset"),
])
def test_lead_is_not_evaluated_on_a_contrasted_released_or_training_benchmark(
        seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str], title: str, bench: str, why: str) -> None:
    """The benchmark is in the paper's Benchmarks cell (or would be), but the abstract names it only as the prior
    benchmark it contrasts, a resource it releases, or its training data: the lead never says the paper is
    evaluated on it."""
    paper = _by_title(seed_papers, title)
    assert re.search(rf"{re.escape(why)}", paper.abstract.replace("\\emph{", "").replace("}", ""), re.IGNORECASE)
    gazetteer = seed_gazetteer | {bench}
    row = offline_row(paper, gazetteer)
    assert bench in row.benchmarks.text.split(", "), row.benchmarks.text  # the table still lists it
    lead = _lead_for(paper, seed_papers, gazetteer)
    mine = [s for s in lead if f"[@{paper.key}]" in s]
    assert [s for s in lead if " is evaluated on " in s], lead  # the lead does contrast where papers are evaluated
    assert not [s for s in mine if re.search(rf"evaluated on [^\[]*(?<![\w-]){re.escape(bench)}(?![\w-])", s)], lead


def test_table_leaves_out_an_objective_the_method_integrates_with(seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str]) -> None:
    """THR 'integrates seamlessly with other RL objectives such as GSPO': GSPO is no benchmark of THR's."""
    paper = _by_title(seed_papers, "Token Hidden Reward")
    gazetteer = seed_gazetteer
    assert "GSPO" in gazetteer and "GSPO" in paper.abstract
    assert "GSPO" not in offline_row(paper, gazetteer).benchmarks.text.split(", ")


def test_table_leaves_out_a_word_made_of_the_method_name(seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str]) -> None:
    """RSD: 'the same model trained on RSD-generated reasoning traces' names no benchmark 'RSD-generated'."""
    paper = _by_title(seed_papers, "In Their Own Words")
    gazetteer = seed_gazetteer
    assert "RSD-generated" in gazetteer and method_name(paper) == "RSD"
    assert "RSD-generated" not in offline_row(paper, gazetteer).benchmarks.text.split(", ")


def test_lead_own_name_ignores_hyphens_and_spaces(seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str],
                                                  table_row: Callable[..., TableRow]) -> None:
    """'LMRL Gym' (title) introduces 'the LMRL-Gym benchmark': never 'LMRL Gym is evaluated on LMRL-Gym'."""
    paper = _by_title(seed_papers, "LMRL Gym")
    gazetteer = seed_gazetteer
    assert method_name(paper) == "LMRL Gym" and "LMRL-Gym" in offline_row(paper, gazetteer).benchmarks.text
    lead = _lead_for(paper, seed_papers, gazetteer, table_row)
    assert [s for s in lead if " is evaluated on " in s], lead  # the lead does contrast where papers are evaluated
    assert not [s for s in lead if re.search(r"LMRL Gym (?:targets .+? and )?is evaluated on [^\[]*LMRL-Gym", s)], lead



@pytest.mark.parametrize(("title", "resource"), [("RewardAnything", "RABench"), ("PixelThink", "ReasonSeg-Diff")])
def test_task_is_not_that_of_a_named_benchmark_the_paper_builds_besides_its_method(
        seed_papers: dict[str, Paper], title: str, resource: str) -> None:
    """'we develop RABench, a comprehensive benchmark for RMs focusing on generalization across diverse principles',
    'we introduce ReasonSeg-Diff, an extended benchmark ... metrics designed to assess segmentation accuracy': what
    the benchmark is for is not the method's task (RewardAnything, PixelThink)."""
    paper = _by_title(seed_papers, title)
    sentence = next(s for s in re.split(r"(?<=\.)\s", paper.abstract) if f"{resource}, a" in s or f"{resource}, an" in s)
    cell = task_of(paper, method_name(paper))
    stems = {w[:5] for w in re.findall(r"[a-z]{4,}", cell.lower())}  # 'assessing' is 'assess' cut to 5 letters
    assert not (stems and stems <= {w[:5] for w in re.findall(r"[a-z]{4,}", sentence.lower())}), (cell, sentence)
