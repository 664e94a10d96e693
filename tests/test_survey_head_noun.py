"""A theme title never glues on a topic 'head' that is no noun phrase (reviewer/survey/headclean.py)."""

from __future__ import annotations

from reviewer.survey.kinds import kind_title
from reviewer.survey.outline import topic_head


def test_question_topics_leave_no_verb_or_dangling_word_in_the_head() -> None:
    """A topic worded as a question leaves a head with a verb ('handle'), a dangling 'other' or 'about', a second
    subject ('norms AI systems'), or a relational noun ('ways', 'changes'): none is a noun phrase a title could carry."""
    heads = {t: topic_head(t, []) for t in [
        "how reward models handle prompts other than math",
        "which safety norms AI systems should respect",
        "the signal about what annotators prefer",
        "new ways to score chatbot answers",
        "when and how self-reflection can help or hurt reasoning models",
        "changes to the PPO objective for reasoning",
    ]}
    for topic, head in heads.items():
        words = head.lower().split()
        assert not {"handle", "help", "about", "other", "ways", "changes"} & set(words), (topic, head)
        assert "AI" not in head.split()[1:], (topic, head)
    assert heads["which safety norms AI systems should respect"] == "safety norms"
    # A clean noun phrase stays whole.
    assert topic_head("process reward models for step-level supervision", []) == "process reward models"


def test_a_kind_title_never_ends_on_a_cut_clause() -> None:
    """Without a head, a kind title names the topic cut to five words; a question-like topic cut before its clause
    ('studies of when ...' -> 'studies of') is no noun phrase, so the title says 'the topic', which regroup.py
    never fills."""
    title = kind_title("study", "", "studies of when reward models fail on long answers")
    assert not title.endswith((" of", " when")), title
    assert kind_title("study", "", "tool use by language model agents") == "Empirical studies of tool use"
