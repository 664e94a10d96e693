"""A section's lead says what two or more of its papers share, on real seed papers: a technique family a method's own
text uses (never one it does without, never one a benchmark only mentions), a setting, or a phrase of the theme's
title; never what the survey's topic already names; the papers named or counted, each cited, and the checker's rule
reads the same sentence back against each abstract."""

from __future__ import annotations

from collections.abc import Callable

from reviewer.checker.sharedfact import holds_for, shares
from reviewer.models import Paper
from reviewer.survey.lead import section_lead
from reviewer.survey.table import method_name
from reviewer.survey.types import PaperEvidence, TableRow


def _lead(keys: list[str], seed_papers: dict[str, Paper], table_row: Callable[..., TableRow],
          gazetteer: frozenset[str], head: str = "", title: str = "") -> list[str]:
    evidence = {k: PaperEvidence(key=k, paper_id=seed_papers[k].id, relevance=0.9, sentences=[],
                                 row=table_row(seed_papers[k], gazetteer)) for k in keys}
    return section_lead(keys, evidence, {k: method_name(seed_papers[k]) for k in keys}, seed_papers, head, title)


def test_a_shared_family_is_said_of_the_methods_that_use_it(seed_papers: dict[str, Paper],
                                                            table_row: Callable[..., TableRow],
                                                            seed_gazetteer: frozenset[str]) -> None:
    """R1-Reward and RM-R1 train with RL; V-Reason tunes 'without using any RL or supervised fine-tuning', so the
    sentence names the two and not the third."""
    lead = _lead(["r1reward", "rmreward", "videoreasoning"], seed_papers, table_row, seed_gazetteer)
    assert "R1-Reward and RM-R1 both use reinforcement learning [@r1reward; @rmreward]." in lead, lead
    assert not any("V-Reason" in s and "reinforcement" in s for s in lead[1:]), lead


def test_a_fact_the_topic_names_is_not_said(seed_papers: dict[str, Paper], table_row: Callable[..., TableRow],
                                            seed_gazetteer: frozenset[str]) -> None:
    """In a survey of RL for reward models every paper uses RL and concerns reward models: saying so separates
    nothing."""
    lead = _lead(["r1reward", "rmreward", "videoreasoning"], seed_papers, table_row, seed_gazetteer,
                 head="reinforcement learning for reward models")
    assert not any("reinforcement learning" in s or "reward models" in s for s in lead[1:]), lead


def test_a_benchmark_that_mentions_a_technique_does_not_use_it(seed_papers: dict[str, Paper],
                                                               table_row: Callable[..., TableRow],
                                                               seed_gazetteer: frozenset[str]) -> None:
    """RewardBench 2's abstract names RLHF and proximal policy optimization as where reward models are used
    downstream; SPCT trains with online RL. A family is a method's technique, so no 'both use RL'; the setting
    they both concern is said instead."""
    lead = _lead(["rewardbenchadvancing", "inferencetime"], seed_papers, table_row, seed_gazetteer)
    assert not any("use reinforcement learning" in s for s in lead), lead
    assert "RewardBench 2 and SPCT both concern reward models [@rewardbenchadvancing; @inferencetime]." in lead, lead


def test_unnamed_sharers_are_counted_and_a_title_phrase_is_shared(seed_papers: dict[str, Paper],
                                                                  table_row: Callable[..., TableRow],
                                                                  seed_gazetteer: frozenset[str]) -> None:
    """Three emergent-misalignment papers, two of them unnamed: they are counted, not pointed at ('both', 'them'),
    and the title's phrase each one uses is what they share -- unless the topic is that phrase."""
    keys = ["learndeceive", "thoughtcrime", "elicitinganalyzing"]
    lead = _lead(keys, seed_papers, table_row, seed_gazetteer, title="Emergent misalignment")
    assert lead[1] == "All three papers concern emergent misalignment [@learndeceive; @thoughtcrime; @elicitinganalyzing].", lead
    lead = _lead(keys, seed_papers, table_row, seed_gazetteer, head="emergent misalignment in language models",
                 title="Emergent misalignment")
    assert len(lead) == 1, lead
    some = _lead(["skyworkreward", "hybridpreferences", "human2022preference"], seed_papers, table_row, seed_gazetteer)
    assert "Two of the three papers concern reward models [@skyworkreward; @hybridpreferences]." in some, some


def test_the_checker_reads_a_shared_fact_paper_by_paper(seed_papers: dict[str, Paper]) -> None:
    """The rule holds when the cited papers are the ones named or counted and each one's own text uses the fact."""
    r1, rm, vreason = seed_papers["r1reward"], seed_papers["rmreward"], seed_papers["videoreasoning"]
    assert shares("R1-Reward and RM-R1 both use reinforcement learning.", [r1, rm])
    assert not shares("R1-Reward and V-Reason both use reinforcement learning.", [r1, vreason])  # 'without any RL'
    assert not shares("R1-Reward and RM-R1 both use reinforcement learning.", [r1])  # RM-R1 checked against nothing
    assert shares("The two papers use reinforcement learning.", [r1, rm])
    assert not shares("Two of the three papers use reinforcement learning.", [r1])
    assert holds_for("Two of the three papers use reinforcement learning.", rm)
    assert not holds_for("Two of the three papers use reinforcement learning.", vreason)


def test_one_item_of_a_listing_is_no_shared_setting(seed_papers: dict[str, Paper]) -> None:
    """COIG-P's pairs span 'Chat, Code, Math, Logic, Novel, and Role': mathematics is one domain of six, not the
    setting the dataset concerns; a paper that works on mathematical reasoning does concern it."""
    from reviewer.survey.families import own_method_text
    from reviewer.survey.shared import settings_of

    coig = seed_papers["coighigh"]
    assert "Math, Logic" in coig.abstract
    assert "mathematical reasoning" not in settings_of(own_method_text(coig.title, coig.abstract), "")
    champ = seed_papers["champcompetition"]
    assert "mathematical reasoning" in settings_of(own_method_text(champ.title, champ.abstract), "")
