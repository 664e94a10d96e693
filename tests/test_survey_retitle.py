"""Issue 10, on real seed text: fewer papers end in the overview's aside, and a section lead counts kinds truly.

- a question title over an abstract that proposes a named method it keeps reporting on is a method paper
  (kinds.contribution_kind), so a lead does not call FoReaL-Decoding's paper 'an empirical study';
- a topic with no head phrase still names a family theme by the topic cut short ('Reinforcement learning for tool
  use', regroup.family_head);
- an 'A and B' theme whose papers share only A is retitled by A before fit.py moves them out (retitle.keep_shared);
- a paper left apart joins a theme whose title it uses (retitle.adopt_orphans).
Every title is checked against each of its papers by the independent judge (evals/survey_fit.misfit).
"""

from __future__ import annotations

import numpy as np

from evals.judge_terms import Terms
from evals.survey_fit import misfit
from reviewer.models import Paper
from reviewer.survey.kinds import contribution_kind
from reviewer.survey.lead import _count_sentence
from reviewer.survey.outline import topic_head
from reviewer.survey.regroup import by_family
from reviewer.survey.retitle import adopt_orphans, keep_shared
from reviewer.survey.themes import topic_exclusions
from reviewer.survey.titles import _stems
from reviewer.survey.types import Section

EFFICIENT = "efficient reasoning: shortening chain-of-thought without losing accuracy"
TOOLS = "tool use by language model agents"


def _no_misfit(sections: list[Section], topic: str, papers: dict[str, Paper]) -> None:
    terms = Terms([f"{p.title}. {p.abstract}" for p in papers.values()])
    for s in sections:
        for k in s.keys:
            assert not misfit(s.title, topic, f"{papers[k].title}. {papers[k].abstract}", terms), (s.title, k)


def test_question_title_with_a_named_method_is_a_method(seed_papers: dict[str, Paper]) -> None:
    """'What makes Reasoning Models Different? ...' proposes FoReaL-Decoding and reports on it: a method, and the
    lead over PEAR, TRAAC and it counts three methods; 'Are Reasoning Models More Prone to Hallucination?' names
    no method of its own and stays a study."""
    p = seed_papers["makesreasoning"]
    assert contribution_kind(p.title, p.abstract) == "method"
    q = seed_papers["reasoningprone"]
    assert contribution_kind(q.title, q.abstract) == "study"
    lead = _count_sentence(["pearphase", "thinkright", "makesreasoning"], {}, seed_papers)
    assert "empirical stud" not in lead and lead.startswith("Three papers")


def test_family_theme_for_a_topic_without_head(seed_papers: dict[str, Paper]) -> None:
    """Three reinforcement-learning papers of a tool-use survey (ArCHer, LMRL Gym, tool-augmented policy
    optimization) form 'Reinforcement learning for tool use' though the topic has no head phrase."""
    head = topic_head(TOOLS, [])
    sections: list[Section] = []
    keys = ["archertraining", "lmrlgym", "toolaugmented"]
    loose = by_family(keys, sections, seed_papers, head, TOOLS, topic_exclusions(TOOLS) | _stems(head), lambda s: None)
    assert [s.title for s in sections] == ["Reinforcement learning for tool use"]
    assert len(sections[0].keys) >= 2 and len(loose) <= 1
    _no_misfit(sections, TOOLS, seed_papers)


def test_and_title_cut_to_the_part_its_papers_share(seed_papers: dict[str, Paper]) -> None:
    """'Token usage and decoding' over MinD and DiffAdapt, which use 'token usage' but not 'decoding', becomes the
    'Token usage' theme instead of losing both papers."""
    head = topic_head(EFFICIENT, [])
    ignore = topic_exclusions(EFFICIENT) | _stems(head)
    section = Section(title="Token usage and decoding", scope="", keys=["donebetter", "diffadaptdifficulty"])
    keep_shared([section], seed_papers, head, ignore, lambda s: None)
    assert section.title.startswith("Token usage") and "decoding" not in section.title
    _no_misfit([section], EFFICIENT, seed_papers)


def test_orphan_joins_a_theme_whose_title_it_uses(seed_papers: dict[str, Paper]) -> None:
    """Tool-augmented policy optimization, left apart, joins 'Reinforcement learning for tool use'; a dynamic
    evaluation method with probing agents, which uses no reinforcement learning, stays apart."""
    ignore = topic_exclusions(TOOLS) | _stems(topic_head(TOOLS, []))
    theme = Section(title="Reinforcement learning for tool use", scope="", keys=["archertraining", "lmrlgym"])
    vec = {k: np.ones(4) / 2.0 for k in ["archertraining", "lmrlgym", "toolaugmented", "dynamicevaluation"]}
    left = adopt_orphans(["toolaugmented", "dynamicevaluation"], [theme], seed_papers, vec, ignore, lambda s: None)
    assert left == ["dynamicevaluation"]
    assert theme.keys == ["archertraining", "lmrlgym", "toolaugmented"]
    _no_misfit([theme], TOOLS, seed_papers)


def test_a_conjunct_cut_from_its_noun_is_no_title(seed_papers: dict[str, Paper]) -> None:
    """These abstracts say 'inference time' before another word ('inference-time scaling', 'inference time
    compute') too often for 'Inference time' to name a theme alone, so an 'A and B' title is never cut to it;
    the other conjunct still makes a title."""
    from reviewer.survey.retitle import _conjuncts

    keys = ["baseknow", "mind2024step", "simultaneousmulti", "auxthink", "justcomputer", "simbenchbenchmarking"]
    texts = [f"{seed_papers[k].title}. {seed_papers[k].abstract}" for k in keys]
    titles = _conjuncts("Inference time and process supervision", "PRMs", texts)
    assert titles == ["Process supervision with PRMs"]
