"""A topic's head takes a short form only when the acronym spells the head itself, on real seed text: the seeds
define 'process reward models (PRMs)', which the acronym search also finds for the tail 'reward models'; a survey
of reward models in general must not title its sections 'PRMs'."""

from __future__ import annotations

from evals.seed_claims import seed_papers_by_title
from reviewer.survey.outline import topic_head
from reviewer.survey.scope import acronym
from reviewer.survey.types import Acronym


def _defining(phrase: str) -> list[str]:
    texts = [f"{p.title}. {p.abstract}" for p in seed_papers_by_title().values()]
    return [t for t in texts if f"{phrase} (" in t.lower()]


def test_a_tail_match_of_a_longer_definition_is_not_the_heads_short_form() -> None:
    texts = _defining("process reward models")
    short = acronym("reward models", texts)
    assert short == "PRM"  # the search finds the longer name's acronym for the tail
    head = topic_head("reward models that write out a critique before scoring", [Acronym(phrase="reward models", short=short)])
    assert head == "reward models"


def test_an_acronym_that_spells_the_head_is_used() -> None:
    short = acronym("process reward models", _defining("process reward models"))
    head = topic_head("process reward models for LLM reasoning", [Acronym(phrase="process reward models", short=short)])
    assert head == "PRMs"


def test_a_kind_title_without_a_head_names_a_short_topic_not_the_topic() -> None:
    from reviewer.survey.kinds import kind_title

    topic = "tool use by language model agents"
    head = topic_head(topic, [])
    assert head == ""  # the head rules find no subject phrase in this topic
    assert kind_title("study", head, topic) == "Empirical studies of tool use"  # at most eight words
