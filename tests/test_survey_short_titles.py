"""A theme title of one or two words is qualified into a 3-8 word noun phrase true of every paper (branch h32).

qualify.qualify adds the topic's own phrase when every paper of the section is about it (the head) or uses it (a
setting phrase), else a 2-3 word phrase every paper is about. It never adds back a head headglue removed because a
paper is not about it. All on real seed abstracts.
"""

from __future__ import annotations

from reviewer.models import Paper
from reviewer.survey.catchall import rescope
from reviewer.survey.outline import topic_head, topic_phrases
from reviewer.survey.qualify import qualify
from reviewer.survey.types import Acronym, Section

PRM = [Acronym(phrase="process reward models", short="PRM")]


def _qualified(title: str, keys: list[str], topic: str, papers: dict[str, Paper],
               acronyms: list[Acronym] | None = None) -> str:
    section = Section(title=title, scope=f"Papers on {title.lower()}.", keys=keys)
    sub = {k: papers[k] for k in keys}
    qualify([section], sub, [topic_head(topic, acronyms or [])] + topic_phrases(topic), acronyms or [], rescope, topic)
    return section.title


def test_a_topic_phrase_every_paper_uses_qualifies_the_label(seed_papers: dict[str, Paper]) -> None:
    """Three preference-annotation papers (domain-knowledge reward modelling, CDR, follow-up-likelihood reward) all
    train reward models: the topic's 'reward models' says what the annotation is for."""
    topic = "collecting human feedback data to train reward models and align LLMs"
    keys = ["leveraging2024domain", "cdrcustomizable", "aligningfollow"]
    assert _qualified("Preference annotation", keys, topic, seed_papers) == "Preference annotation for reward models"


def test_a_phrase_every_paper_is_about_qualifies_the_label(seed_papers: dict[str, Paper]) -> None:
    """Continued pretraining over three medical papers, none of which the topic's phrases fit all: all three are
    about medical LLMs, which is what they pretrain."""
    topic = "clinical question answering and diagnosis with LLMs"
    keys = ["stabilizingreasoning", "limitedimpact", "medicaladaptation"]
    assert _qualified("Continued pretraining", keys, topic, seed_papers) == "Continued pretraining for medical LLMs"


def test_a_head_is_not_added_over_a_paper_not_about_it(seed_papers: dict[str, Paper]) -> None:
    """SophiaVL-R1 trains a thinking reward model, no PRM (h31 removed 'in PRMs' for it): the title does not get
    the head back; two PRM papers do."""
    topic = "process reward models for LLM reasoning"
    mixed = _qualified("Outcome reward", ["freeprocess", "sophiavlreinforcing"], topic, seed_papers, PRM)
    assert "PRM" not in mixed and "process reward" not in mixed.lower(), mixed
    both = _qualified("Outcome reward", ["freeprocess", "mmprm"], topic, seed_papers, PRM)
    assert both == "Outcome reward in PRMs", both


def test_the_head_needs_papers_about_it_not_one_mention(seed_papers: dict[str, Paper]) -> None:
    """Reasoning with Confidence names reward models once, as other work; it is not about them: the topic's head
    'reward models' is not put on a section holding it (one mention is enough only for a setting phrase)."""
    topic = "reward models for aligning LLMs"
    keys = ["reasoningconfidence", "cdrcustomizable"]
    assert "reward models" not in _qualified("Preference annotation", keys, topic, seed_papers)
    assert _qualified("Preference annotation", ["leveraging2024domain", "cdrcustomizable"], topic,
                      seed_papers) == "Preference annotation for reward models"


def test_three_word_titles_and_kind_titles_are_left_alone(seed_papers: dict[str, Paper]) -> None:
    topic = "clinical question answering and diagnosis with LLMs"
    keys = ["stabilizingreasoning", "limitedimpact", "medicaladaptation"]
    assert _qualified("Medical continued pretraining", keys, topic, seed_papers) == "Medical continued pretraining"
    assert _qualified("Empirical studies", keys, topic, seed_papers) == "Empirical studies"
