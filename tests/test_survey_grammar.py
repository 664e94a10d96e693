"""Grammatical theme titles and quotes that do not point outside themselves, on real seed text.

Titles: a shared title word is named with the noun its titles give it, past modifiers ('Multimodal
reasoning', never 'Multimodal mathematical and reasoning'); a label the texts use as a modifier is
completed by the noun the group's papers put after it or refused ('Inference time'); a count noun heads a
title in the plural. Quotes: a pronoun subject after a leading phrase ('Across ..., they match ...') is an
anaphor, quoted after its antecedent or resolved to the method's name; a quote whose antecedent the
checker dropped re-names the authors or goes. The eval's detectors catch each of these.
"""

from __future__ import annotations

from functools import lru_cache

from evals.seed_claims import seed_papers_by_title
from evals.survey_text import grammar_problem, pointing_subject
from reviewer.models import EvidenceSentence, Paper
from reviewer.survey.orphans import fix_orphans
from reviewer.survey.outline import topic_head
from reviewer.survey.prose import is_anaphoric
from reviewer.survey.synthesis import resolve_subject, with_context
from reviewer.survey.themes import ThemeDoc
from reviewer.survey.titles import _title_word_groups, whole_label
from reviewer.survey.titlewords import Uses, plural_head
from reviewer.survey.types import SentenceCheck
from reviewer.textutil import split_sentences
from tests.seed_text import paper_with


@lru_cache(maxsize=1)
def _texts() -> tuple[str, ...]:
    return tuple(f"{p.title}. {p.abstract}" for p in seed_papers_by_title().values())


def _titled(word: str) -> list[Paper]:
    return [p for p in seed_papers_by_title().values() if word.lower() in p.title.lower().split()]


def test_a_title_word_group_is_named_by_the_noun_past_its_modifiers() -> None:
    """Seed titles with 'Multimodal' go on with a noun ('Multimodal Reasoning') or with a modifier first
    ('Multimodal Mathematical Reasoning'); the group's name is a noun phrase either way."""
    papers = _titled("multimodal")
    assert any("Multimodal Mathematical" in p.title for p in papers), [p.title for p in papers]
    docs = [ThemeDoc(title=p.title, body=p.abstract) for p in papers]
    groups = _title_word_groups(list(range(len(docs))), docs, {"process", "reward", "model", "prm"}, set())
    named = [name for _, name, _ in groups if name.lower().startswith("multimodal")]
    assert named, groups
    for name in named:
        assert grammar_problem(name) is None, name
        assert not name.lower().endswith(("mathematical", "multimodal", "reward")), name
    # The two seed PRM papers on multimodal reasoning: one title says 'Multimodal Reasoning', the other
    # 'Multimodal Mathematical Reasoning'; what both share is the noun.
    pair = [p for p in papers if p.title.startswith(("DreamPRM", "MM-PRM"))]
    docs = [ThemeDoc(title=p.title, body=p.abstract) for p in pair]
    groups = _title_word_groups([0, 1], docs, {"process", "reward", "model", "prm"}, set())
    assert [name for _, name, _ in groups] == ["Multimodal reasoning"], groups


def test_a_modifier_label_is_completed_by_the_groups_noun_or_refused() -> None:
    """'Inference time' is followed by a noun in most of its seed uses ('inference-time scaling'): over papers
    that share 'inference-time scaling' it becomes that phrase; over papers sharing no such noun, nothing."""
    texts = list(_texts())
    scaling = [t for t in texts if "inference-time scaling" in t.lower()]
    assert len(scaling) >= 2, len(scaling)
    assert whole_label("Inference time", texts, scaling, 2).lower() == "inference-time scaling"
    plain = [t for t in texts if "at inference time" in t.lower() and "scaling" not in t.lower()][:3]
    assert len(plain) >= 2 and all(len(v) < 2 for v in Uses("Inference time", plain).after.values())
    assert whole_label("Inference time", texts, plain, 2) == ""
    assert whole_label("Human feedback", texts, texts[:4], 2) == "Human feedback"  # a noun where it stands


def test_count_noun_heads_are_plural_and_mass_nouns_stay() -> None:
    texts = list(_texts())
    assert plural_head("intermediate step", texts) == "intermediate steps"
    assert plural_head("learning algorithm", texts) == "learning algorithms"
    for mass in ("Human feedback", "Process supervision", "Reinforcement learning", "Reward hacking"):
        assert plural_head(mass, texts) == mass
    assert topic_head("rewarding each intermediate step of a model's solution instead of only the final answer",
                      []) == "intermediate steps"


def test_eval_title_check_flags_broken_noun_phrases() -> None:
    for bad in ("Multimodal mathematical and reasoning", "Inference time in PRMs", "Further work on intermediate step",
                "Medical adaptation and zero few-shot prompting", "Which ethical values LLMs hold"):
        assert grammar_problem(bad) is not None, bad
    for good in ("Multimodal reasoning with PRMs", "Mathematical and logical reasoning", "Inference-time scaling with PRMs",
                 "Step-level and outcome rewards", "Process supervision for math reasoning", "Generative reward models"):
        assert grammar_problem(good) is None, good


_ACROSS = "Across multiple domains, including mathematics, planning, and general knowledge question answering, they"


def test_a_pronoun_after_a_leading_phrase_is_quoted_after_its_antecedent() -> None:
    """The seed abstract's 'Across multiple domains, including ..., they match ...' points to UHeads in the
    sentence before; quoted alone, 'they' points nowhere."""
    paper = paper_with(_ACROSS)
    sentences = split_sentences(paper.abstract)
    i = next(n for n, s in enumerate(sentences) if s.startswith(_ACROSS))
    assert is_anaphoric(sentences[i]) and pointing_subject(sentences[i])
    chosen = [EvidenceSentence(paper_id=paper.id, key=paper.key, index=i, text=sentences[i], score=1.0)]
    quoted = with_context(paper, chosen, "")
    assert [q.index for q in quoted] == [i - 1, i] and "UHeads" in quoted[0].text


def test_a_singular_pronoun_after_a_leading_phrase_resolves_to_the_methods_name() -> None:
    paper = paper_with("Utilizing PRM, it refines")
    sentence = next(s for s in split_sentences(paper.abstract) if s.startswith("Utilizing PRM, it refines"))
    assert resolve_subject(sentence, "R2-LLMs") == sentence.replace(", it refines", ", R2-LLMs refines", 1)
    assert resolve_subject("Across three domains, they match larger PRMs.", "UHeads") is None  # 'they' may be the authors
    assert resolve_subject("In experiments, it is clear that X holds.", "R2-LLMs") is None  # expletive


def test_a_quote_whose_antecedent_was_dropped_names_the_authors_or_goes() -> None:
    """The writer quotes 'We ...' as 'They ...' after the paper's first quote; when the checker drops that
    first quote, 'They' is re-anchored to the authors, and a 'This ...' that needs it is left out."""
    paper, another = paper_with(_ACROSS), paper_with("Utilizing PRM, it refines")
    sentences = split_sentences(paper.abstract)
    we = next(s for s in sentences if s.startswith("We "))
    this = "This introduces verifiable dense rewards into the reasoning process."
    other = SentenceCheck(text="Another paper's claim.", keys=["other"], action="kept")
    first = SentenceCheck(text="Dropped first quote.", keys=[paper.key], action="dropped")
    they = SentenceCheck(text="They" + we[2:], keys=[paper.key], action="kept")
    row = [other, first, they]
    fix_orphans(row, {paper.key: paper, "other": another})
    assert not they.text.startswith("They") and they.text[:1].isupper() and they.text.endswith(we[2:]) \
        and they.action == "kept", they.text
    ours = next(s for s in sentences if s.startswith("Our "))
    their = SentenceCheck(text="Their" + ours[3:], keys=[paper.key], action="kept")
    fix_orphans([other, their], {paper.key: paper, "other": another})
    assert their.text == "The authors'" + ours[3:], their.text  # the paper lists no authors
    pointer = SentenceCheck(text=this, keys=[paper.key], action="kept")
    row = [other, SentenceCheck(text="Dropped.", keys=[paper.key], action="dropped"), pointer]
    fix_orphans(row, {paper.key: paper, "other": another})
    assert pointer.action == "dropped"
    kept = SentenceCheck(text=this, keys=[paper.key], action="kept")
    fix_orphans([SentenceCheck(text=we, keys=[paper.key], action="kept"), kept], {paper.key: paper})
    assert kept.action == "kept"  # its antecedent survived


def test_a_title_word_group_name_never_runs_across_a_titles_colon() -> None:
    """'Beyond Binary Rewards: Training LMs ...' and 'R1-Reward: Training Multimodal Reward Model ...' share
    'reward' and 'training', but no title says 'Rewards training': a name is a phrase inside one part of a
    title. The papers are those a survey on entropy collapse left to be grouped by their title words."""
    import re

    from reviewer.survey.themes import topic_exclusions

    topic = "avoiding entropy collapse and encouraging exploration when training reasoning models with RL"
    starts = ("On Designing Effective RL Reward at Training Time", "Is PRM Necessary?", "Video Reasoning without Training",
              "Representation-Based Exploration for Language", "R1-Reward: Training Multimodal",
              "Revisiting Reinforcement Learning for LLM Reason", "GTR: Guided Thought Reinforcement",
              "Beyond Binary Rewards: Training LMs", "Self-Evolving Curriculum for LLM", "APO: Enhancing Reasoning",
              "Towards Large Reasoning Models: A Survey", "MMR1: Enhancing Multimodal", "REX-RAG: Reasoning Exploration")
    papers = [p for p in seed_papers_by_title().values() if p.title.startswith(starts)]
    assert len(papers) == len(starts), [p.title for p in papers]
    docs = [ThemeDoc(title=p.title, body=p.abstract) for p in papers]
    exclude = topic_exclusions(topic) | {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z][\w-]+", topic)}
    groups = _title_word_groups(list(range(len(docs))), docs, exclude, set())
    for _, name, members in groups:
        first, second = [w.lower().rstrip("s") for w in name.split()[:2]]
        parts = [seg for i in members for seg in re.split(r"[:;,()?!]", docs[i].title)]
        assert any(re.search(rf"(?i)\b{re.escape(first)}s?\s+{re.escape(second)}", seg) for seg in parts), name


def test_a_question_topic_is_titled_by_its_noun_phrase() -> None:
    from reviewer.survey.outline import single_title

    title = single_title("which ethical values LLMs hold when facing dilemmas", "ethical values")
    assert title == "Ethical values LLMs hold when facing dilemmas" and grammar_problem(title) is None
    assert not single_title("how accurate reward models are", "reward models").lower().startswith("how")


def test_a_long_or_question_topic_gives_a_noun_phrase_not_work_on() -> None:
    """A one-section title: 'how <adjective> are X ...' is about X, and a long topic is cut before a conjunction,
    an infinitive or a preposition rather than falling back to 'Work on <head>', which names no theme."""
    from reviewer.survey.outline import single_title

    cases = {
        "how robust are reward models trained on synthetic preference data under distribution shift":
            "Reward models trained on synthetic preference data",
        "LLM agents that browse websites and fill in forms for their users": "LLM agents that browse websites",
        "selecting a compact set of prompts to tune a model on": "Compact set of prompts",
    }
    for topic, expected in cases.items():
        title = single_title(topic, "language models")
        assert title == expected and grammar_problem(title) is None, (topic, title)


def test_a_half_compound_joins_no_phrase() -> None:
    """The seed abstract's 'zero-/few-shot prompting' gives 'few-shot prompting', never 'zero few-shot prompting'."""
    from reviewer.survey.terms import phrases

    paper = paper_with("zero-/few-shot prompting regime")
    found = {surface.lower() for _, surface in phrases(paper.abstract)}
    assert "few-shot prompting" in found and not any(f.startswith("zero few-shot") for f in found), sorted(found)[:20]


def test_eval_finds_entities_in_the_rendered_report_only_where_markup_was_escaped() -> None:
    from evals.survey_text import rendered_entities
    from reviewer.survey.report import escape_md

    sentence = next(s for s in split_sentences(paper_with("low precision (<10").abstract) if "<10" in s)
    assert rendered_entities(escape_md(sentence)) == []
    assert rendered_entities("low precision (&lt;10%)") == ["&lt;"]


def test_a_label_opened_by_a_verb_is_refused_and_names_keep_their_case() -> None:
    """Seed abstracts write 'we highlight' and 'results highlight the ...': a label 'Highlight one-shot CFT' is
    a clause. 'Bradley-Terry' is written so in the abstracts, so a title does not print 'bradley-terry'."""
    from reviewer.survey.titles import restore_case
    from reviewer.survey.titlewords import used_as_verb

    texts = list(_texts())
    assert used_as_verb("highlight", texts)
    assert not any(used_as_verb(w, texts) for w in ("reward", "preference", "policy", "search", "reasoning", "design"))
    assert whole_label("Highlight one-shot CFT", texts, texts[:3], 1) == ""
    assert restore_case("Conventional bradley-terry reward models", texts) == "Conventional Bradley-Terry reward models"
