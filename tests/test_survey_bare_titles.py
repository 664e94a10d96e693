"""A theme label that names a subject on its own is its section's title, without the survey's head glued on
('Human values', not 'Human values and reward design'); labels that name no subject alone (a model class, an
acronym, a modifier cut from its noun) keep the glue. Checked on real seed text against the eval's own judge
(evals/title_judge.py), which is written apart from the writer's rules."""

from __future__ import annotations

import re
from pathlib import Path

from evals.title_judge import title_problem
from reviewer.models import Paper
from reviewer.settings import Settings
from reviewer.survey.themes import theme_title
from reviewer.survey.titles import noun_title, whole_label

# Survey heads written for the test: neither a thing, a task nor a technique, so no relation to a label is known.
_TOPICS = {"reward design": "reward design and reward learning for RL agents",
           "chain-of-thought behaviour": "empirical analyses of chain-of-thought behaviour"}


def _seed_labels(seed_papers: dict[str, Paper]) -> list[str]:
    """Two-word runs of the seed titles' parts, in sentence case, as a theme's label would be."""
    runs = set()
    for p in seed_papers.values():
        for part in re.split(r"[:?,()]", p.title):
            words = re.findall(r"[A-Za-z][\w-]*", part)
            for i in range(len(words) - 1):
                pair = words[i:i + 2]
                if {w.lower() for w in pair} & {"and", "of", "for", "in", "with", "to", "via", "the", "a", "on", "from",
                                                "by", "are", "is", "can", "do", "does", "not", "we", "how", "what"}:
                    continue
                # Names and acronyms keep their case ('GRPO', 'AlpacaEval'); Title Case goes ('Reward Hacking').
                first = pair[0].capitalize() if pair[0][1:].islower() else pair[0]
                second = pair[1].lower() if pair[1][1:].islower() else pair[1]
                runs.add(f"{first} {second}")
    return sorted(runs)


def _labels_as_themes_get_them(seed_papers: dict[str, Paper]) -> list[str]:
    """The two-word seed phrases as a theme's title code hands them on: whole in the texts (whole_label, over the
    papers that use them) and as noun phrases (noun_title)."""
    bodies = [f"{p.title}. {p.abstract}" for p in seed_papers.values()]
    out = set()
    for label in _seed_labels(seed_papers):
        group = [b for b in bodies if label.lower() in b.lower()]
        whole = whole_label(label, bodies, group, 2) if len(group) >= 2 else ""
        named = noun_title(whole, [], bodies, set()) if whole else ""
        if len(named.split()) == 2:
            out.add(named)
    return sorted(out)


def test_a_label_that_names_a_subject_is_not_glued_to_the_head(seed_papers: dict[str, Paper]) -> None:
    """Where no relation to the head is known, a label the judge accepts alone is the title; the glue stays only
    for labels the judge rejects alone, and no bare title is one the judge rejects."""
    labels = _labels_as_themes_get_them(seed_papers)
    assert len(labels) > 150
    bare = glued = 0
    for head, topic in _TOPICS.items():
        for label in labels:
            title = theme_title(label, head, [])
            if title.lower().endswith(f" and {head}"):
                glued += 1
                assert title_problem(label, topic, 3) is not None, (label, title)
            elif title == label:
                bare += 1
                assert title_problem(title, topic, 3) is None, (label, title)
    assert bare >= 120 and glued >= 20, (bare, glued)


def test_model_classes_and_fragments_never_stand_alone() -> None:
    """'Reasoning models', 'Small LLMs', 'Multilingual', a verb phrase: no subject of a section by themselves."""
    for label in ("Small LLMs", "Vision-language models", "Aligning LLMs", "Step-level", "LLM agents"):
        assert theme_title(label, "reward design", []) != label, label


def test_survey_titles_are_distinct_and_none_is_glued_when_the_label_stands(settings: Settings, tmp_path: Path) -> None:
    """On offline surveys of seed topics: no two sections share a title, and a title '<label> and <head>' that the
    judge flags as glued has a label the judge would reject alone."""
    from reviewer.survey.run import run_survey

    seen = 0
    for n, topic in enumerate(("reward design and reward learning for RL agents",
                               "empirical analyses of chain-of-thought behaviour in language models")):
        report = run_survey(topic, settings, runs_dir=tmp_path / str(n), quiet=True).report
        titles = [s.title for s in report.sections]
        assert len(titles) == len(set(titles)), titles
        for title in titles:
            seen += 1
            if title_problem(title, topic, 3) == "the topic glued on with 'and'":
                assert title_problem(title.split(" and ")[0], topic, 3) is not None, (topic, title)
    assert seen >= 6
