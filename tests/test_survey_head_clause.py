"""A topic worded as a clause leaves its verb out of the head every theme title carries (headclean.py, outline.py).

The verb list in headclean.py cannot know every verb; a plain word right after the plural noun that ends a
subject is the clause's verb. A quantifier ('several') says how many, not what; neither belongs in a title.
"""

from __future__ import annotations

from reviewer.survey.kinds import kind_title
from reviewer.survey.outline import topic_head
from reviewer.survey.themes import theme_title


def test_a_verb_outside_the_list_ends_the_subject() -> None:
    """'waste', 'drift', 'memorize', 'ignore' are in no list; the head stops at the plural noun before each."""
    cases = {
        "how reasoning models waste tokens when thinking": "reasoning models",
        "whether reward models drift during long RL runs": "reward models",
        "how LLMs memorize puzzles instead of reasoning": "LLMs",
        "why vision-language models ignore the image": "vision-language models",
    }
    for topic, head in cases.items():
        assert topic_head(topic, []) == head, (topic, topic_head(topic, []))


def test_a_noun_after_a_plural_or_a_phrase_without_a_clause_stays_whole() -> None:
    """A preposition, a noun ending and a participle are no verb of a clause: such heads keep their words."""
    assert topic_head("process reward models for step-level supervision", []) == "process reward models"
    assert topic_head("LLMs as judges of long answers", []).startswith("LLMs as judges")
    assert topic_head("reward models trained on synthetic preferences", []) != "reward models"[:6]
    assert topic_head("multi-agent debate and collaboration between LLMs", []) == "multi-agent debate"


def test_a_quantifier_is_no_part_of_the_head() -> None:
    assert topic_head("several language models discussing to reach better answers", []) == "language models"
    assert topic_head("various reward models trained on the same data", []).split()[0] != "various"


def test_titles_on_a_clause_topic_carry_no_verb() -> None:
    """The titles built on such a head ('Empirical studies of models waste tokens') read as noun phrases."""
    head = topic_head("how reasoning models waste tokens when thinking", [])
    titles = [kind_title("study", head, "how reasoning models waste tokens when thinking"),
              theme_title("Reasoning traces", head), theme_title("Reinforcement learning", head)]
    for title in titles:
        assert "waste" not in title.split(), title


def test_a_verb_object_and_its_goal_leave_one_noun_phrase() -> None:
    """'distilling reasoning into small language models' leaves 'reasoning into small language models', which no
    title can carry ('Test-time scaling of reasoning into ...'); the object names the subject when it is a phrase
    of its own, else the goal does."""
    assert topic_head("distilling reasoning into small language models", []) == "small language models"
    assert topic_head("integrating knowledge graphs into LLM agents", []) == "knowledge graphs"
