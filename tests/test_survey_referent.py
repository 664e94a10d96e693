"""A paper's first quote that speaks of a thing the abstract introduced earlier comes with the sentence introducing it.

Real seed abstracts: a coined name used before the reader met it ('R^3 significantly improves ...', 'STICK
self-refinement ...'), 'our method' / 'the resulting chain' / 'these reward models' with nothing before them. The
introducing sentence must be the paper's own: background before the quote is never pulled in.
"""

from __future__ import annotations

from reviewer.models import EvidenceSentence, Paper
from reviewer.roles import sentence_roles
from reviewer.survey.referent import coins, introducers
from reviewer.survey.synthesis import with_context
from reviewer.survey.table import method_name
from reviewer.textutil import split_sentences


def _introducers(paper: Paper, index: int) -> list[int]:
    sentences = split_sentences(paper.abstract)
    return introducers(sentences, sentence_roles(sentences), index, paper.title)


def _first_quotes(paper: Paper, index: int) -> list[int]:
    sentence = split_sentences(paper.abstract)[index]
    ev = EvidenceSentence(paper_id=paper.id, key=paper.key, index=index, text=sentence, score=0.5)
    return [e.index for e in with_context(paper, [ev], method_name(paper))]


def test_a_coined_name_comes_with_the_sentence_that_coins_it(seed_papers: dict[str, Paper]) -> None:
    """'R^3 significantly improves performance ...' after '... a mixture of reward functions: Regularized Relevance
    Reward (R^3).'; 'RewardMATH strongly correlates ...' after 'we construct RewardMATH, a benchmark ...'."""
    paper = seed_papers["preferencefree"]
    sentences = split_sentences(paper.abstract)
    assert sentences[5].startswith("R^3 significantly improves")
    assert _first_quotes(paper, 5) == [4, 5]
    assert "(R^3)" in sentences[4]
    assert _first_quotes(seed_papers["evaluatingrobustness"], 6) == [5, 6]


def test_a_coinage_that_goes_on_from_its_sentence_brings_that_one_too(seed_papers: dict[str, Paper]) -> None:
    """TICK: 'We then show that STICK (Self-TICK) can be used ...' coins STICK but is a later step of 'We demonstrate
    that using TICK ...': the quote 'STICK self-refinement on LiveBench ...' comes with both."""
    assert _first_quotes(seed_papers["tickingboxes"], 8) == [6, 7, 8]


def test_the_paper_own_thing_comes_with_what_introduces_it(seed_papers: dict[str, Paper]) -> None:
    """'... show that our method substantially outperforms ...' after 'we ... propose a theoretically grounded
    approach'; UQAC's 'the resulting chain' after the sentence building the 'attention chain', and that one after
    'we propose UQAC' (two steps back); not after 'We validate our approach' (the thing spoken of again)."""
    assert _first_quotes(seed_papers["uncertaintyfeature"], 7) == [1, 7]
    assert _first_quotes(seed_papers["uncertaintyquantification"], 7) == [4, 5, 7]
    assert _introducers(seed_papers["toolaugmentedb"], 7) == [2]


def test_nothing_is_pulled_in_from_background_or_for_a_sentence_that_stands_alone(
        seed_papers: dict[str, Paper]) -> None:
    """One Token to Fool LLM-as-a-Judge: 'this weakness' points to sentences that are background or point back
    themselves, so the quote stands as before; a sentence that introduces its own method needs nothing."""
    paper = seed_papers["onetoken"]
    index = next(i for i, s in enumerate(split_sentences(paper.abstract)) if "this weakness" in s)
    assert _introducers(paper, index) == []
    uqac = seed_papers["uncertaintyquantification"]
    assert _introducers(uqac, 4) == []  # 'To address this, we propose UQAC, ...'


def test_coinage_is_the_papers_own_not_a_field_acronym() -> None:
    assert coins("To mitigate it, we integrate ... resulting in a mixture: Regularized Relevance Reward (R^3).", "R^3")
    assert coins("We then show that STICK (Self-TICK) can be used to improve generation quality.", "STICK")
    assert not coins("Large Language Models (LLMs) have achieved remarkable success.", "LLMs")
    assert not coins("Direct Preference Optimization (DPO) is a popular alternative to RLHF.", "DPO")


def test_background_is_never_the_introducer(seed_papers: dict[str, Paper]) -> None:
    """B-STaR: 'However, the critical factors underlying the mechanism of these iterative self-improving methods
    remain poorly understood' points back to the field's background sentence before it; that sentence is not the
    paper's own, so nothing is pulled in."""
    paper = seed_papers["b2024star"]
    assert "these iterative self-" in split_sentences(paper.abstract)[1]
    assert _introducers(paper, 1) == []
