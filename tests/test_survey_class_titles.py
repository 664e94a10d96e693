"""Theme titles that name the section's own subject, not '<label> in <the model class every paper is about>'.

A survey on 'teaching compact models to reason' is about compact models in every section, so 'Adversarial
conditions in compact models' says no more than 'Adversarial conditions' (alone.model_class); and a citation's
'et al' is no phrase a theme can be named by (terms.py)."""

from __future__ import annotations

from evals.title_judge import title_problem
from reviewer.models import Paper
from reviewer.survey.alone import model_class, stands_alone
from reviewer.survey.families import family_title
from reviewer.survey.terms import phrases
from reviewer.survey.themes import theme_title


def test_label_alone_under_a_model_class_head() -> None:
    """Labels and heads as the before-runs of themes2/holdout gave them: the label alone is the title when it
    stands alone, and the judge accepts it; a head that names a subject of its own ('PRMs', 'reward models')
    keeps its relation."""
    for raw, head in (("Reasoning traces", "language models"), ("Adversarial conditions", "compact models"),
                      ("Instruction tuning", "multimodal models"), ("Reward function", "policies")):
        title = theme_title(raw, head)
        assert title == raw, (raw, head, title)
        assert not title_problem(title, topic=f"work on {head}"), title
    assert family_title("Supervised fine-tuning", "language models") == "Supervised fine-tuning"
    assert theme_title("Majority voting", "PRMs") == "Majority voting in PRMs"
    assert not model_class("reward models") and not model_class("diffusion models")
    # A label that does not stand alone keeps its head ('Reinforcement learning' names no subject).
    assert not stands_alone("Reinforcement learning")
    assert family_title("Reinforcement learning", "compact models") != "Reinforcement learning"


def test_no_phrase_is_a_citation(seed_papers: dict[str, Paper]) -> None:
    """Over every seed abstract that cites 'X et al.', no extracted phrase holds 'et' or 'al' (the themes2 run of
    'spending more inference compute' titled a section 'Et al')."""
    citing = [p for p in seed_papers.values() if "et al" in p.abstract]
    assert citing
    found = [s for p in citing for s, _ in phrases(p.abstract) if {"et", "al"} & set(s.lower().split())]
    assert not found, found[:5]
