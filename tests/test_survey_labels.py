"""Theme titles name what most of a section's papers share; scope lines quote whole phrases as the corpus writes
them, on real seed text.

A label picked for being distinctive can be incidental ('testing sets', one paper's phrase, over papers on
multimodal reasoning) or generic ('Testing sets', 'RL reward'); a quoted phrase can be cut out of a name
('carlo tree search'), lower-cased ('monte carlo') or a modifier the papers complete differently ('inference
time' scaling / computation). The judge in evals/theme_judge.py flags each of these.
"""

from __future__ import annotations

import re
from functools import lru_cache

from evals.seed_claims import seed_papers_by_title
from evals.theme_judge import Corpus, judge_section
from reviewer.models import Paper
from reviewer.survey.fieldwide import field_weights_of
from reviewer.survey.labelpick import better_label, generic_head
from reviewer.survey.terms import PhraseStats
from reviewer.survey.themes import ThemeDoc, topic_exclusions
from reviewer.survey.titles import shared_terms, supported_title

TOPIC = "process reward models for LLM reasoning"


@lru_cache(maxsize=1)
def _corpus() -> tuple[str, ...]:
    return tuple(f"{p.title}. {p.abstract}" for p in seed_papers_by_title().values())


def _papers(*starts: str) -> list[Paper]:
    papers = seed_papers_by_title()
    found = [next(p for t, p in papers.items() if t.startswith(s)) for s in starts]
    return found


def _docs(papers: list[Paper]) -> list[ThemeDoc]:
    return [ThemeDoc(title=p.title, body=p.abstract) for p in papers]


MCTS = ("AlphaMath Almost Zero", "What Are Step-Level Reward Models Rewarding", "MM-PRM")
MULTIMODAL = ("DreamPRM", "MM-PRM", "Reasoning with Confidence")
INFERENCE = ("Accelerating LLM Reasoning via Early Rejection", "Simultaneous Multi-objective Alignment",
             "Bag of Tricks for Inference-time Computation")


def test_a_quoted_phrase_cut_from_a_name_is_completed_and_cased_as_the_abstracts_write_it() -> None:
    """'carlo tree search' is always 'Monte Carlo tree search' in the seeds; the scope quotes the whole name with
    'Monte Carlo' capitalised, however the phrase finder spelled it."""
    docs = _docs(_papers(*MCTS))
    exclude = topic_exclusions(TOPIC)
    for term in ("carlo tree search", "monte carlo tree search"):
        quoted = shared_terms([term], [0, 1, 2], docs, exclude, list(_corpus()))
        assert len(quoted) == 1, quoted
        assert quoted[0].startswith("Monte Carlo "), quoted
        assert quoted[0].lower() == "monte carlo tree search", quoted


def test_a_modifier_the_papers_complete_differently_is_not_quoted_as_shared() -> None:
    """'inference time' is followed by a noun in most of its seed uses (scaling, compute, computation); the
    three papers put different nouns after it, so 'inference time' is no phrase they share."""
    docs = _docs(_papers(*INFERENCE))
    texts = [f"{d.title}. {d.body}" for d in docs]
    assert sum("inference time" in t.lower() or "inference-time" in t.lower() for t in texts) >= 2
    quoted = shared_terms(["inference time"], [0, 1, 2], docs, topic_exclusions(TOPIC), list(_corpus()))
    assert not any(q.lower().replace("-", " ") == "inference time" for q in quoted), quoted


def test_a_phrase_is_quoted_as_shared_only_when_the_papers_use_it_word_for_word() -> None:
    """'testing sets': DreamPRM writes it, the others only have 'testing' and 'sets' apart (or not at all)."""
    docs = _docs(_papers(*MULTIMODAL))
    quoted = shared_terms(["testing sets", "multimodal reasoning"], [0, 1, 2], docs, topic_exclusions(TOPIC),
                          list(_corpus()))
    assert [q.lower() for q in quoted] == ["multimodal reasoning"], quoted


def test_a_single_lower_case_word_is_not_quoted_but_a_name_is() -> None:
    docs = _docs(_papers(*MCTS))
    quoted = shared_terms(["reasoning", "steps", "MCTS"], [0, 1, 2], docs, set(), list(_corpus()))
    assert "MCTS" in quoted and "steps" not in quoted and "reasoning" not in quoted, quoted


def test_the_title_names_the_phrase_more_papers_use_over_an_incidental_label() -> None:
    """The theme finder labelled DreamPRM, MM-PRM and the uncertainty-heads paper 'Testing sets' (DreamPRM's
    phrase); two of the three titles say 'Multimodal Reasoning', which names the section."""
    # The survey's other papers, against which the section's phrases are distinctive.
    docs = _docs(_papers(*MULTIMODAL, *MCTS[:2], *INFERENCE, "Free Process Rewards", "Rewarding Progress",
                         "On Designing Effective RL Reward", "ReasonFlux-PRM", "RM-R1"))
    stats = PhraseStats([f"{d.title}. {d.title}. {d.body}" for d in docs])
    stats.corpus = list(_corpus())
    stats.field = field_weights_of(list(_corpus()))  # 'reasoning steps' is field-wide in the seeds
    exclude = topic_exclusions(TOPIC)
    title = supported_title("Testing sets", ["testing sets", "multimodal reasoning"], [0, 1, 2], docs, stats, "PRMs",
                            exclude, set())
    assert "multimodal reasoning" in title.lower(), title
    assert "testing" not in title.lower(), title


def test_a_generic_label_gives_way_to_a_phrase_as_many_papers_use() -> None:
    """'Testing sets' (a generic head) and 'multimodal reasoning' are each used word for word by one paper of
    the pair; the phrase with a head of its own names them, and a generic option never replaces a label."""
    group = [f"{p.title}. {p.abstract}" for p in _papers("DreamPRM", "Reasoning with Confidence")]
    titles = [p.title for p in _papers("DreamPRM", "Reasoning with Confidence")]
    assert generic_head("Testing sets") and not generic_head("multimodal reasoning")
    assert better_label("Testing sets", ["multimodal reasoning"], group, titles, 1) == "multimodal reasoning"
    assert better_label("multimodal reasoning", ["testing sets"], group, titles, 1) == "multimodal reasoning"
    # 'Verifiable rewards' is in both RLVR titles, 'policy valuation' in one; a generic head still says less.
    pair = _papers("Random Policy Valuation", "Lookahead Tree-Based Rollouts")
    texts = [f"{p.title}. {p.abstract}" for p in pair]
    assert better_label("policy valuation", ["verifiable rewards"], texts, [p.title for p in pair], 1) \
        == "policy valuation"


def test_judge_flags_cut_lowercased_generic_and_unused_phrases() -> None:
    corpus = Corpus(list(_corpus()))
    texts = [f"{p.title}. {p.abstract}" for p in _papers(*MULTIMODAL)]
    flags = judge_section(TOPIC, "Testing sets in PRMs", "Three papers on testing sets in PRMs, whose titles and "
                          "abstracts share “multimodal reasoning” and “carlo tree search”.", texts, corpus)
    kinds = {f.kind for f in flags}
    assert {"unused", "cut", "case", "generic"} <= kinds, flags
    clean = judge_section(TOPIC, "PRMs for multimodal reasoning", "Three papers on PRMs for multimodal reasoning, "
                          "whose titles and abstracts share “Monte Carlo tree search”.", texts, corpus)
    assert not clean, clean


def test_a_one_section_survey_quotes_only_whole_non_generic_phrases() -> None:
    """Too few papers for themes: the one section's scope quotes phrases through the same rules, so not
    'language models' (every paper's), 'findings' (one lower-case word) or 'claude sonnet' (lower-cased)."""
    from reviewer.settings import Settings
    from reviewer.survey.outline import offline_outline
    from reviewer.survey.types import EvidenceResult, PaperEvidence, StageInfo, TableRow

    papers = _papers("AI Agent Behavioral Science", "ManagerBench", "Utility Engineering", "The PacifAIst Benchmark",
                     "Just Do It!?")
    evidence = EvidenceResult(info=StageInfo(stage="evidence"), papers=[
        PaperEvidence(key=p.key, paper_id=p.id, relevance=1.0, row=TableRow(key=p.key)) for p in papers])
    outline = offline_outline("AI agents taking harmful or reckless actions while pursuing goals", evidence,
                              {p.key: p for p in papers}, Settings(), corpus=list(_corpus()))
    assert len(outline.sections) == 1
    quoted = re.findall(r"“([^”]+)”", outline.sections[0].scope)
    for q in quoted:
        assert len(q.split()) > 1 or any(c.isupper() for c in q[1:]), quoted
        assert q.lower() not in {"language models", "llms", "findings"}, quoted
        assert q != "claude sonnet", quoted


def test_a_scope_line_keeps_a_titles_leading_name_capitalised() -> None:
    """'Monte Carlo tree search' (a theme title in a seed survey on search-augmented LLMs) is a name: the scope
    says 'papers on Monte Carlo tree search'; a plain title word is lowered ('papers on process supervision')."""
    from reviewer.survey.leftover import _scope_line

    assert "on Monte Carlo tree search" in _scope_line("Monte Carlo tree search", 3, [])
    assert "on process supervision with PRMs" in _scope_line("Process supervision with PRMs", 3, [])


def test_a_better_label_must_name_more_than_the_topic() -> None:
    """In a survey of multimodal reward models, 'multimodal reasoning' adds only 'reasoning' (a word every paper of
    the field uses) to the topic: it does not replace 'Testing sets', and the title passes the eval's check."""
    from evals.title_judge import title_problem

    topic = "multimodal reward models"
    docs = _docs(_papers(*MULTIMODAL, *MCTS[:2], *INFERENCE, "Free Process Rewards", "Rewarding Progress",
                         "On Designing Effective RL Reward", "ReasonFlux-PRM", "RM-R1"))
    stats = PhraseStats([f"{d.title}. {d.title}. {d.body}" for d in docs])
    stats.corpus = list(_corpus())
    stats.field = field_weights_of(list(_corpus()))
    title = supported_title("Testing sets", ["testing sets", "multimodal reasoning"], [0, 1, 2], docs, stats, "RMs",
                            topic_exclusions(topic), set())
    assert title_problem(title, topic, 3) is None, title


def test_one_paper_shares_nothing_and_a_one_word_option_names_nothing() -> None:
    """A one-paper section's scope quotes no 'shared' phrase; and its label 'Highlight one-shot CFT' (a clause the
    abstract begins with a verb) may give way to a phrase of its title, never to a bare '-ing' word ('Unleashing')."""
    paper = _papers("Unleashing the Reasoning Potential")[0]
    docs = _docs([paper] + _papers(*MCTS, *INFERENCE))
    assert shared_terms(["reasoning potential", "one-shot CFT"], [0], docs, set(), list(_corpus())) == []
    stats = PhraseStats([f"{d.title}. {d.title}. {d.body}" for d in docs])
    stats.corpus = list(_corpus())
    stats.field = field_weights_of(list(_corpus()))
    title = supported_title("Highlight one-shot CFT", ["Unleashing", "one-shot CFT"], [0], docs, stats, "LLMs",
                            topic_exclusions("narrow fine-tuning of LLMs"), set())
    assert not title.lower().startswith("unleashing"), title
    # 'highlight' is in a result sentence; what the paper is about (title, objective, method) is its title's phrase.
    assert "reasoning potential" in title.lower(), title


def test_the_eval_accepts_the_topics_own_phrase_only_as_the_sole_theme() -> None:
    """A survey with one theme is titled by the topic's own noun phrase; a theme beside others that only restates
    the topic names nothing."""
    from evals.title_judge import title_problem

    topic = "how reliable are reward models trained on synthetic preference data"
    assert title_problem("Reward models trained on synthetic preference data", topic, 4, only_theme=True) is None
    assert title_problem("Reward models trained on synthetic preference data", topic, 4) == \
        "names nothing beyond the topic"
