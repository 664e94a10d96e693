"""A theme title never glues a topic 'head' that is no noun phrase, and prefers a phrase its papers share to
'<label> and <the head>' (reviewer/survey/headclean.py)."""

from __future__ import annotations

from pathlib import Path

from reviewer.survey.headclean import fits_every, unglued
from reviewer.survey.kinds import kind_title
from reviewer.survey.outline import topic_head

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed_papers(phrase: str) -> list[tuple[str, str]]:
    """The seed pages (as one text, under an empty title) that use the phrase."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return [("", t) for t in texts if phrase in t.lower()]


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


def test_a_label_glued_to_the_head_gives_way_to_a_phrase_every_paper_uses() -> None:
    papers = _seed_papers("process reward model")[:4]
    assert len(papers) >= 3, "the seeds hold several papers on process reward models"
    fits = fits_every(papers, set())
    assert not fits("monte carlo tree search"), "not every PRM paper uses MCTS"
    title = unglued("Step verifiers and math reasoning", "math reasoning",
                    ["monte carlo tree search", "process reward models"], fits)
    assert title == "Process reward models"
    # Nothing to prefer: the glue stays the last resort; a title with no glue stays as it was.
    assert unglued("Step verifiers and math reasoning", "math reasoning", ["monte carlo tree search"], fits) \
        == "Step verifiers and math reasoning"
    assert unglued("Process supervision for math reasoning", "math reasoning", ["process reward models"], fits) \
        == "Process supervision for math reasoning"


def test_a_kind_title_never_ends_on_a_cut_clause() -> None:
    """Without a head, a kind title names the topic cut to five words; a question-like topic cut before its clause
    ('studies of when ...' -> 'studies of') is no noun phrase, so the title says 'the topic', which regroup.py
    never fills."""
    title = kind_title("study", "", "studies of when reward models fail on long answers")
    assert not title.endswith((" of", " when")), title
    assert kind_title("study", "", "tool use by language model agents") == "Empirical studies of tool use"
