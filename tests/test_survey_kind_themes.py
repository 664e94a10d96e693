"""Kinds of contribution on real seed papers, and the kind title that follows from them (branch h27).

A paper whose title's subtitle is a dataset or benchmark ('COIG-P: A ... Chinese Preference Dataset ...') or whose
evaluation title reports on a benchmark it constructs is a benchmark paper, so two of them in a survey form a
'Benchmarks and datasets for X' theme instead of sitting apart in the overview; and that title holds only for
benchmark papers (fit.fits), as 'Empirical studies of X' holds only for studies. The section lead names a method by
the table's method cell when the writer's own name finder has none.
"""

from __future__ import annotations

from reviewer.models import Paper
from reviewer.survey.fit import fits
from reviewer.survey.kinds import contribution_kind
from reviewer.survey.lead import section_lead
from reviewer.survey.regroup import regroup
from reviewer.survey.table import method_name, offline_row
from reviewer.survey.types import PaperEvidence, Section

_DATASETS = ("coighigh", "casimedicosarg", "benchmarkingcmexam", "boardgameqadataset", "cultivatingpluralism")


def _kind(paper: Paper) -> str:
    return contribution_kind(paper.title, paper.abstract)


def test_a_dataset_subtitle_or_an_evaluation_on_a_built_benchmark_is_a_benchmark_paper(
        seed_papers: dict[str, Paper]) -> None:
    """Five seeds titled 'X: A ... Dataset' and the RewardMATH paper are benchmarks; method papers stay methods."""
    assert {k: _kind(seed_papers[k]) for k in _DATASETS} == dict.fromkeys(_DATASETS, "benchmark")
    assert _kind(seed_papers["evaluatingrobustness"]) == "benchmark"  # 'we construct RewardMATH, a benchmark'
    for key in ("rewardanythinggeneralizable", "aligningfollow", "stepdpo", "salmon2023self"):
        assert _kind(seed_papers[key]) == "method", key


def test_a_benchmark_theme_holds_only_benchmark_papers(seed_papers: dict[str, Paper]) -> None:
    """'Benchmarks and datasets for reward models' fits M-RewardBench and RewardMATH, not RewardAnything or FLR
    (methods whose abstracts speak of datasets too)."""
    title = "Benchmarks and datasets for reward models"
    ignore = {"reward", "model"}
    assert fits(title, seed_papers["mrewardbench"], ignore)
    assert fits(title, seed_papers["evaluatingrobustness"], ignore)
    assert not fits(title, seed_papers["rewardanythinggeneralizable"], ignore)
    assert not fits(title, seed_papers["aligningfollow"], ignore)


def test_two_loose_benchmarks_form_their_kind_theme(seed_papers: dict[str, Paper]) -> None:
    """The papers no theme title fits in a survey of reward-model accuracy: the two benchmark papers form
    'Benchmarks and datasets for reward models'; the methods stay loose."""
    loose = ["evaluatingrobustness", "mrewardbench", "skyworkreward", "onetoken"]
    sections: list[Section] = []
    out, left = regroup(loose, sections, seed_papers, "reward models", "benchmarking how accurate reward models are",
                        {"reward", "model", "benchmark", "accur"}, lambda s: None)
    bench = next((s for s in out if s.title == "Benchmarks and datasets for reward models"), None)
    assert bench is not None and sorted(bench.keys) == ["evaluatingrobustness", "mrewardbench"], out
    assert "evaluatingrobustness" not in left and "mrewardbench" not in left


def test_the_lead_names_a_method_by_its_table_cell(seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str]) -> None:
    """Reasoning with Confidence has no name the writer's name finder gives, but its table row names UHeads: the
    count sentence over it, UQAC and SAR lists all three methods."""
    keys = ["uncertaintyquantification", "reasoningconfidence", "shifting2023attention"]
    gazetteer = seed_gazetteer
    evidence = {k: PaperEvidence(key=k, paper_id=seed_papers[k].id, relevance=0.9, sentences=[],
                                 row=offline_row(seed_papers[k], gazetteer)) for k in keys}
    assert method_name(seed_papers["reasoningconfidence"]) == ""
    names = {k: method_name(seed_papers[k]) for k in keys}
    lead = section_lead(keys, evidence, names, seed_papers)
    assert "UHeads" in lead[0] and "UQAC" in lead[0] and "SAR" in lead[0], lead[0]
