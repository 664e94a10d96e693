"""Theme titles are noun phrases, checked on real seed text: a label opening with a verb in -ing takes its noun
form or gives way, a bare singular count noun goes plural (and papers writing it singular still fit the title),
a label of only the topic's and the field's generic words gives way, and a long one-section topic is cut before
an adverbial clause rather than titled 'Work on X'."""

from __future__ import annotations

import pytest

from evals.theme_judge import uses_phrase as judge_uses
from reviewer.models import Paper
from reviewer.survey.labelpick import uses_phrase
from reviewer.survey.onetitle import single_title
from reviewer.survey.themes import topic_exclusions
from reviewer.survey.titles import noun_title, says_more
from reviewer.survey.titlewords import counted_noun, nominal, plural_head


@pytest.fixture
def texts(seed_papers: dict[str, Paper]) -> list[str]:
    return [f"{p.title}. {p.abstract}" for p in seed_papers.values()]


def _paper(seed_papers: dict[str, Paper], title_start: str) -> Paper:
    return next(p for p in seed_papers.values() if p.title.startswith(title_start))


def test_a_label_opening_with_a_verb_in_ing_takes_its_noun_form(seed_papers: dict[str, Paper], texts: list[str]) -> None:
    """'Aligning LLM Agents by Learning Latent Preference ...' (a seed title) gives the label 'Aligning LLM agents',
    a verb phrase; the seeds write 'alignment', so the title says 'Alignment of LLM agents'."""
    assert _paper(seed_papers, "Aligning LLM Agents")
    assert nominal("Aligning LLM agents", texts) == "Alignment of LLM agents"
    assert nominal("Optimizing reasoning length", texts).startswith("Optimization of ")
    # A noun in -ing stays as it is.
    assert nominal("Reasoning traces", texts) == "Reasoning traces"
    # A verb the seeds never name as a noun gives way to its object, when that is a phrase, ...
    assert nominal("Teaching small models", texts) == ""
    assert noun_title("Unraveling feedback acquisition", [], texts, set()) == "Feedback acquisition"
    # ... else to the theme's next term; a term that is no name ('every token s', cut from "every token's") is
    # passed over too.
    assert noun_title("Teaching reasoning", ["every token s", "knowledge distillation"], texts, set()) == \
        "knowledge distillation"


def test_a_bare_singular_count_noun_head_goes_plural(seed_papers: dict[str, Paper], texts: list[str]) -> None:
    """The seeds count trajectories and solutions ('multiple reasoning trajectories', 'a correct solution.'), so
    neither heads a title bare; mass nouns ('process supervision', 'human feedback') stay singular."""
    assert plural_head("Reasoning trajectory", texts) == "Reasoning trajectories"
    assert plural_head("Practical solution", texts) == "Practical solutions"
    assert plural_head("Process supervision", texts) == "Process supervision"
    assert plural_head("Human feedback", texts) == "Human feedback"
    # A few stray plurals ('accuracies' 3 times beside 125 'accuracy') do not make a count noun, nor do plurals in
    # under a quarter of the uses ('rewards' 89 times beside 471 'reward', mostly a modifier: 'reward model'),
    # nor, for a noun of process, in under three quarters ('functions' 23 beside 42 'function').
    assert plural_head("Final accuracy", texts) == "Final accuracy"
    assert counted_noun("trajectory", texts) and counted_noun("solution", texts)
    assert not counted_noun("reward", texts)
    assert not counted_noun("function", texts)
    assert plural_head("Preference optimization", texts) == "Preference optimization"
    # A paper that writes the singular still uses the plural title's phrase (fit.py keeps it in the section).
    singular = [p for p in seed_papers.values() if "reasoning trajectory" in p.abstract.lower()
                and "reasoning trajectories" not in p.abstract.lower()]
    assert singular
    assert all(uses_phrase("reasoning trajectories", f"{p.title}. {p.abstract}") for p in singular)
    assert all(judge_uses("reasoning trajectories", f"{p.title}. {p.abstract}") for p in singular)  # the eval's too
    # ... and one that writes 'training pipeline' uses 'Training pipelines' (a plural in -es of a base in -e).
    pipeline = [p for p in seed_papers.values() if "training pipeline" in p.abstract.lower()
                and "training pipelines" not in p.abstract.lower()]
    assert pipeline
    assert all(uses_phrase("training pipelines", f"{p.title}. {p.abstract}") for p in pipeline)


def test_a_label_of_only_topic_and_generic_words_gives_way(texts: list[str]) -> None:
    """In a survey of RL for vision-language reasoning, 'RL training' names nothing beyond the topic ('RL') and
    the field ('training'); the theme's next term names it instead. A generic word before a head of its own
    ('AI feedback' in a survey of human feedback) does name something."""
    ignore = topic_exclusions("reinforcement learning for vision-language reasoning")
    assert not says_more("RL training", ignore)
    assert says_more("Tree search", ignore)
    assert says_more("AI feedback", topic_exclusions("collecting human feedback data to train reward models"))
    assert noun_title("RL training", ["tree search"], texts, ignore) == "tree search"
    assert noun_title("RL training", [], texts, ignore) == ""


def test_a_long_topic_is_cut_before_an_adverbial_clause() -> None:
    """A one-section survey titled from a long topic keeps its noun phrase ('... that work out a multi-step plan')
    instead of 'Work on language models', which names no theme."""
    title = single_title("language models that work out a multi-step plan before they act", "language models")
    assert title == "Language models that work out a multi-step plan"
    assert single_title("agents that learn from user edits after they deploy", "agents") == \
        "Agents that learn from user edits"
