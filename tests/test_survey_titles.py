"""Offline survey rules on real seed text: quotes whose opening depends on an earlier sentence, list items
cut from their list, theme titles supported by most of the section's papers, and name casing."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from reviewer.catalog import Catalog
from reviewer.models import EvidenceSentence, Paper
from reviewer.settings import Settings
from reviewer.survey.prose import dangling_list, strip_marker
from reviewer.survey.run import SurveyRun
from reviewer.survey.sections import _select
from reviewer.survey.synthesis import with_context
from reviewer.survey.table import method_name
from reviewer.survey.titles import restore_case
from reviewer.survey.types import EvidenceResult, PaperEvidence, Section, StageInfo, TableRow
from reviewer.textutil import content_stems, split_sentences

# Written for the test, independently of the writer's patterns: openers that refer to something the
# abstract introduced before ("For the X method, ...", "The approach ...", "Building on X, ...").
_POINTS_BACK = re.compile(
    r"^(?:(?:In|For|During|Within) the (?:[\w-]+ ){0,2}(?:stage|phase|step|level|optimi[sz]ation|approach|"
    r"method|setting|module|part)s?,|The (?:proposed )?(?:framework|approach|method|algorithm|pipeline)\b|"
    r"The (?:only|key|main|first|second) [a-z]+ (?:is|was)\b|(?:Based on|Building on) [^,]{1,40},)")
_KIND_TITLE = re.compile(r"^Empirical studies of |^Benchmarks and datasets for |^Surveys of |^Studies and surveys of "
                         r"| and (?:other [\w-]+|related) methods$")
_ITEM = re.compile(r"(?:^|(?<=\s))\(([1-9]|i{1,3}|iv)\)\s")


def test_quotes_opening_with_a_backward_reference_come_after_their_antecedent(seed_papers: dict[str, Paper]) -> None:
    """A sentence whose opening points to an earlier sentence is kept only right after that sentence, or with
    its subject replaced by the method's name; never alone."""
    found = 0
    for paper in seed_papers.values():
        sentences = split_sentences(paper.abstract)
        for i, s in enumerate(sentences):
            # A pure discourse marker ("Building on these insights, ...") is dropped from the quote instead.
            if i == 0 or not _POINTS_BACK.match(strip_marker(s)):
                continue
            found += 1
            out = with_context(paper, [EvidenceSentence(paper_id=paper.id, key=paper.key, index=i, text=s)],
                               method_name(paper))
            kept = [e for e in out if e.index == i]
            if kept and kept[0].text == s:
                assert [e.index for e in out] == [i - 1, i], (paper.key, s)
    assert found >= 8


def test_list_items_cut_from_their_list_are_never_quoted(seed_papers: dict[str, Paper]) -> None:
    """Seed sentences carrying '(1)' without '(2)' (the list goes on in the next sentence), or a later item
    without the first, are dangling; a sentence holding the whole list is not. The section writer never
    quotes a dangling item while the paper has another sentence to offer."""
    partial = whole = 0
    for paper in seed_papers.values():
        sentences = split_sentences(paper.abstract)
        for i, s in enumerate(sentences):
            items = set(_ITEM.findall(s))
            if not items:
                continue
            complete = {"1", "2"} <= items or {"i", "ii"} <= items
            assert dangling_list(s) == (not complete), (paper.key, s)
            partial += not complete
            whole += complete
            if complete or len(sentences) < 3:
                continue
            other = next(j for j in range(len(sentences)) if j != i and not dangling_list(sentences[j]))
            evs = [EvidenceSentence(paper_id=paper.id, key=paper.key, index=i, text=s, score=0.9),
                   EvidenceSentence(paper_id=paper.id, key=paper.key, index=other, text=sentences[other], score=0.1)]
            result = EvidenceResult(info=StageInfo(stage="evidence"), papers=[PaperEvidence(
                key=paper.key, paper_id=paper.id, relevance=0.9, sentences=evs, row=TableRow(key=paper.key))])
            chosen = _select(Section(title="t", scope="s", keys=[paper.key]), result, Settings(llm_offline=True))
            assert all(not dangling_list(e.text) for e in chosen[paper.key]), (paper.key, s)
    assert partial >= 3 and whole >= 3


def test_theme_title_words_are_used_by_half_the_sections_papers(settings: Settings,
                                                                offline_survey: Callable[[str], SurveyRun]) -> None:
    """Every offline theme title's own words (beyond the topic's) occur in at least half of that section's
    papers, and in two or more when it has two, on three seed topics."""
    from reviewer.survey.titles import needed_support

    with Catalog(settings.catalog_path) as catalog:
        texts = {p.key: set(content_stems(f"{p.title}. {p.abstract}")) for p in catalog.iter_papers()}
    checked = 0
    for topic in ("process reward models for LLM reasoning", "multimodal reward models",
                  "reward hacking in reinforcement learning from human feedback"):
        run = offline_survey(topic)
        ignore = set(content_stems(topic)) | {"prm", "prms", "rlhf", "llm", "llms", "rm", "rms", "work", "further"}
        topic_words = {w[:5] for w in re.findall(r"[a-z]+", topic.lower())}
        for section in run.report.sections:
            if section.title in ("Open problems", "Papers outside the themes"):
                continue  # no theme: the closing section, and the papers the overview names apart from the themes
            keys = [k for p in section.paragraphs for s in p.sentences for k in s.keys]
            keys = list(dict.fromkeys(keys))
            own = 0
            if _KIND_TITLE.search(section.title):
                continue  # named for the papers' kind of contribution (test_survey_catchall.py), not a phrase
            # Split at the function words between phrases, not inside a hyphenated name ('Chain-of-Thought').
            for part in re.split(r"(?<![\w-])(?:and|for|of|in)(?![\w-])", section.title):
                words = {w for w in content_stems(part) if w not in ignore and w.rstrip("s") not in ignore
                         and w[:5] not in topic_words}
                if not words:
                    continue
                own += 1
                # A paper that writes the phrase as its initialism ('RL training') uses it too.
                short = "".join(w[0] for w in re.findall(r"[A-Za-z]+", part.lower())) if len(words) > 1 else ""
                using = sum(1 for k in keys if words <= texts[k] or short in texts[k])
                assert using >= needed_support(len(keys)), (topic, section.title, part, using, len(keys))
                checked += 1
            # A title that only repeats the topic's words ('Reward modeling of RMs') names no theme; the
            # declared fallback for papers no phrase unites says so instead.
            assert own >= 1 or section.title.startswith("Further work on"), (topic, section.title)
    assert checked >= 6


def test_title_words_take_the_casing_the_abstracts_give_names(seed_papers: dict[str, Paper]) -> None:
    bodies = [p.abstract for p in seed_papers.values()]
    assert restore_case("Tree search and monte carlo rollouts", bodies) == "Tree search and Monte Carlo rollouts"
    assert restore_case("Uncertainty in bayesian reward models", bodies) == "Uncertainty in Bayesian reward models"
    assert restore_case("Planning as a markov decision process", bodies) == "Planning as a Markov decision process"
    # Words the abstracts write in lower case mid-sentence stay lower case.
    assert restore_case("Policy optimization and reinforcement learning", bodies) == \
        "Policy optimization and reinforcement learning"


def test_openers_pointing_to_an_unquoted_problem_or_to_the_paper_are_dropped(seed_papers: dict[str, Paper]) -> None:
    """'To address the <problem>, we ...' names a problem stated in a sentence that is not quoted, and 'In this
    paper, <phrase>, we ...' speaks from inside the abstract: the quote drops both openers and keeps the rest."""
    from reviewer.survey.prose import third_person

    to_problem = re.compile(r"^To (?:address|tackle|overcome|mitigate|solve) the (?:\w+ )?(?:issues?|problems?|"
                            r"challenges?|limitations?|gaps?),\s+we\b")
    in_paper = re.compile(r"^In this (?:paper|work|study), [^,.;]+, we\b")
    seen = 0
    for paper in seed_papers.values():
        for s in split_sentences(paper.abstract):
            if not (to_problem.match(s) or in_paper.match(s)):
                continue
            seen += 1
            out = third_person(s, paper, name_first=True)
            assert not out.startswith(("To ", "In this")), (paper.key, out)
            assert out.rstrip(".").lower().split()[-3:] == s.rstrip(".").lower().split()[-3:]
    assert seen >= 3


@pytest.mark.parametrize("question", [
    "how trustworthy are reward models used to rank responses",
    "how reliable are LLM judges of chat answers",
    "how faithful is chain-of-thought reasoning to the model's computation",
])
def test_a_lone_adjective_left_by_a_question_is_not_the_head_of_theme_titles(question: str) -> None:
    """Theme titles end in the topic's head phrase ('... in PRMs'); a question's adjective names no subject."""
    from reviewer.survey.outline import topic_head

    head = topic_head(question, [])
    assert head and len(head.split()) >= 2 or head.isupper(), head
