"""Issue 10, on real seed text: papers no theme title fits are placed under a named theme when an honest name
exists (their kind, their technique family, a phrase their titles share), and every such title is true of each
of its papers by the independent judge (evals/survey_fit.misfit)."""

from __future__ import annotations

from evals.judge_terms import Terms
from evals.survey_fit import misfit
from reviewer.models import Paper
from reviewer.survey.regroup import by_family, by_kind, by_title_phrase, singles
from reviewer.survey.themes import topic_exclusions
from reviewer.survey.titles import _stems
from reviewer.survey.types import Section


def _ignore(topic: str, head: str) -> set[str]:
    return topic_exclusions(topic) | _stems(head)


def _no_misfit(sections: list[Section], topic: str, papers: dict[str, Paper]) -> None:
    terms = Terms([f"{p.title}. {p.abstract}" for p in papers.values()])
    for s in sections:
        for k in s.keys:
            assert not misfit(s.title, topic, f"{papers[k].title}. {papers[k].abstract}", terms), (s.title, k)


def test_loose_empirical_studies_are_a_theme_of_their_kind(seed_papers: dict[str, Paper]) -> None:
    """Two studies ('Are Reasoning Models More Prone to Hallucination?', 'Towards Understanding the Cognitive
    Habits of Large Reasoning Models') that no theme took are 'Empirical studies of ...'; a method of no family
    (Best-of-N selection via self-certainty) stays apart."""
    topic = head = "large reasoning models"
    sections: list[Section] = []
    loose = by_kind(["reasoningprone", "understandingcognitive", "scalablebest"], sections, seed_papers, head, topic,
                    lambda s: None)
    assert [(s.title, s.keys) for s in sections] == [
        ("Empirical studies of large reasoning models", ["reasoningprone", "understandingcognitive"])]
    assert loose == ["scalablebest"]
    _no_misfit(sections, topic, seed_papers)


def test_loose_methods_of_one_family_are_a_theme_unless_the_topic_names_it(seed_papers: dict[str, Paper]) -> None:
    """Two methods whose own sentences name tree search (MCTS with iterative preference learning; AlphaLLM's
    imagination, searching and criticizing) are 'Tree search for LLM reasoning'; in a survey of tree search the
    family separates nothing and names no theme."""
    topic = head = "LLM reasoning"
    keys = ["monte2024carlo", "selfimprovement", "scalablebest"]
    sections: list[Section] = []
    loose = by_family(keys, sections, seed_papers, head, topic, _ignore(topic, head), lambda s: None)
    assert ("Tree search for LLM reasoning", ["monte2024carlo", "selfimprovement"]) in [(s.title, s.keys) for s in sections]
    assert "scalablebest" in loose
    _no_misfit(sections, topic, seed_papers)
    topic = "tree search for LLM reasoning"
    sections = []
    by_family(keys, sections, seed_papers, head, topic, _ignore(topic, head), lambda s: None)
    assert not any(s.title.lower().startswith("tree search") for s in sections), [s.title for s in sections]


def test_papers_whose_titles_share_a_phrase_are_a_theme_named_by_it(seed_papers: dict[str, Paper]) -> None:
    """Three titles say 'Test-Time Scaling' (compute-optimal TTS, Plan and Budget, EconProver): a theme named by
    it; two titles sharing only 'Reinforcement Learning' join none."""
    topic, head = "inference compute for LLM reasoning", "inference compute"
    sections: list[Section] = []
    loose = by_title_phrase(["1bsurpass", "planbudget", "econprovereconomical", "scalablebest"], sections,
                            seed_papers, head, _ignore(topic, head), lambda s: None)
    assert len(sections) == 1 and "test-time scaling" in sections[0].title.lower()
    assert sorted(sections[0].keys) == ["1bsurpass", "econprovereconomical", "planbudget"] and loose == ["scalablebest"]
    _no_misfit(sections, topic, seed_papers)
    sections = []  # the field's common words ('via Reinforcement Learning' in both titles) name no theme
    loose = by_title_phrase(["trainingself", "parallelthinking"], sections, seed_papers, head,
                            _ignore(topic, head), lambda s: None)
    assert sections == [] and loose == ["trainingself", "parallelthinking"]


def test_one_paper_joins_its_family_section_but_never_opens_one(seed_papers: dict[str, Paper]) -> None:
    """MedS^3 (Monte Carlo tree search for medical reasoning) joins a 'Tree search for ...' section the survey
    already has; alone it opens none, since a one-paper theme is thin support."""
    topic, head = "medical reasoning with large language models", "medical reasoning"
    sections: list[Section] = []
    assert singles(["medsmedical"], sections, seed_papers, head, topic, _ignore(topic, head), lambda s: None) \
        == ["medsmedical"] and sections == []
    sections = [Section(title="Tree search for medical reasoning", scope="", keys=["k1", "k2"])]
    assert singles(["medsmedical"], sections, seed_papers, head, topic, _ignore(topic, head), lambda s: None) == []
    assert sections[0].keys == ["k1", "k2", "medsmedical"]
    _no_misfit([Section(title=sections[0].title, scope="", keys=["medsmedical"])], topic, seed_papers)


def test_no_paper_joins_empirical_studies_of_the_topic(seed_papers: dict[str, Paper]) -> None:
    """A question for a topic gives no head phrase, and its kind title would be 'Empirical studies of the topic':
    the same two studies then stay apart rather than sit under a title that names nothing."""
    topic, head = "why do the models that think longer answer differently, and when does it help?", ""
    sections = [Section(title="Empirical studies of the topic", scope="", keys=["prmnecessary"])]
    loose = by_kind(["reasoningprone", "understandingcognitive"], sections, seed_papers, head, topic, lambda s: None)
    assert sections[0].keys == ["prmnecessary"] and loose == ["reasoningprone", "understandingcognitive"]
    assert singles(["reasoningprone"], sections, seed_papers, head, topic, _ignore(topic, head),
                   lambda s: None) == ["reasoningprone"]
