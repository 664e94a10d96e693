"""The papers no theme took are named only by a phrase whose title is true of each of them.

On dev's "how trustworthy are language models used as evaluators of other models' outputs" fit.refit took the
papers out of a theme titled "Human annotators", and catchall.name_aside grouped them again under the same
title (a phrase two of them use in passing), which fit.refit then took apart once more: every paper ended in the
overview's aside, two of them titled "... LLM-as-a-Judge". With fit.fits passed to name_aside, a group keeps only
the papers its title holds for, and a phrase two papers share (even a hyphenated compound such as
'LLM-as-a-Judge', which is a term and not a bare acronym) is not hidden by a longer one only one paper uses.
Real seed abstracts and their indexed vectors.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from reviewer.models import Paper

if TYPE_CHECKING:
    from reviewer.retrieve import HybridRetriever

TOPIC = "how trustworthy are language models used as evaluators of other models' outputs"
HEAD = "language models"
THEMED = ["assumepeople"]
ASIDE = ["tickingboxes", "trustjudgeinconsistencies", "transforming2024combining", "compassjudgerone", "onetoken",
         "peeringpreferences", "consensusgame"]
JUDGE = {"onetoken", "trustjudgeinconsistencies"}


def _name_aside(seed_papers: dict[str, Paper], retriever: HybridRetriever, with_fit: bool):
    from reviewer.survey.catchall import name_aside
    from reviewer.survey.fit import fits
    from reviewer.survey.outline import single_title
    from reviewer.survey.terms import PhraseStats
    from reviewer.survey.themes import ThemeDoc, topic_exclusions
    from reviewer.survey.titles import _stems
    from reviewer.survey.types import PaperEvidence, Section, TableRow

    keys = THEMED + ASIDE
    papers = {k: seed_papers[k] for k in keys}
    evidence = [PaperEvidence(key=k, paper_id=papers[k].id, relevance=1.0, row=TableRow(key=k)) for k in keys]
    docs = [ThemeDoc(title=papers[k].title, body=papers[k].abstract) for k in keys]
    stats = PhraseStats([f"{d.title}. {d.title}. {d.body}" for d in docs])
    stored = retriever.store.vectors([papers[k].id for k in keys])
    x = np.stack([stored[papers[k].id] for k in keys]).astype(np.float64)
    exclude = topic_exclusions(TOPIC) | {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z][\w-]+", TOPIC)}
    ignore = exclude | _stems(HEAD)
    sections = [Section(title="Choice expected values", scope="", keys=list(THEMED))]
    fit = (lambda t, p: fits(t, p, ignore)) if with_fit else None
    named, rest = name_aside(ASIDE, sections, evidence, papers, docs, stats, HEAD, exclude, [d.body for d in docs],
                             x, single_title(TOPIC, HEAD), [], fit)
    return named, rest, papers, ignore


def test_aside_groups_are_named_by_a_title_true_of_each_paper(seed_papers: dict[str, Paper],
                                                              retriever: HybridRetriever) -> None:
    from reviewer.survey.fit import fits

    named, rest, papers, ignore = _name_aside(seed_papers, retriever, with_fit=True)
    # Every paper under a new title is about it (fit.fits), so fit.refit keeps the group whole.
    for s in named:
        assert len(s.keys) >= 2 and all(fits(s.title, papers[k], ignore) for k in s.keys), (s.title, s.keys)
    # The two papers titled "... LLM-as-a-Judge" form a theme named by that term; no paper is lost or doubled.
    judge = [s for s in named if "llm-as-a-judge" in s.title.lower()]
    assert judge and set(judge[0].keys) >= JUDGE, [(s.title, s.keys) for s in named]
    placed = [k for s in named for k in s.keys] + rest
    assert sorted(placed) == sorted(ASIDE)


def test_without_the_fit_test_a_group_title_is_false_of_its_papers(seed_papers: dict[str, Paper],
                                                                   retriever: HybridRetriever) -> None:
    """The failure the fit test prevents: the phrase picker's own share rules name a group by a phrase that is
    not about its papers, which fit.refit would take apart again."""
    from reviewer.survey.fit import fits

    named, _, papers, ignore = _name_aside(seed_papers, retriever, with_fit=False)
    assert any(not fits(s.title, papers[k], ignore) for s in named for k in s.keys), [(s.title, s.keys) for s in named]


def test_a_phrase_more_papers_share_is_not_hidden_by_a_longer_one() -> None:
    """split_by_phrases (for name_aside) reads the shared phrases with `overlapping`: 'reward' (of 'reward
    models'), used by four papers, stays beside 'process reward', which ranks higher but only two use."""
    from reviewer.survey.terms import PhraseStats

    texts = ["Process reward models score each step. Process reward models need labels.",
             "Process reward models for math. Process reward models guide search.",
             "Reward models for chat. We train reward models on preferences.",
             "Reward models judge images. Multimodal reward models are new.",
             "Policy gradient methods. Entropy regularisation for exploration."]
    stats = PhraseStats(texts)
    members = [0, 1, 2, 3]
    best = [p.stems for p in stats.distinctive(members, min_df=2, top=50)]
    every = [p.stems for p in stats.distinctive(members, min_df=2, top=50, overlapping=True)]
    assert best[0] == "process reward" and "reward" not in best
    assert every[0] == "process reward" and "reward" in every
