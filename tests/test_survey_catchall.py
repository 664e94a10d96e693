"""Theme titles a researcher would write, on real seed text: no large 'Further work' catch-all, no title
that opens with a preposition, no invented relation between a label and an activity ('X in reward
hacking'), contribution kinds, and a section lead that says what separates its papers."""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.models import Paper
from reviewer.survey.run import SurveyRun
from reviewer.survey.terms import phrases
from reviewer.survey.themes import theme_title

_PREPOSITION = re.compile(r"^(?:during|in|on|for|with|by|from|of|to|via|at|after|before|through|towards?|"
                          r"without|under|over|across|among|between|about|as|into)\s", re.IGNORECASE)
_CATCH_ALL = re.compile(r"^(?:further )?work on\b", re.IGNORECASE)


def test_no_large_catch_all_and_no_preposition_openers(offline_survey: Callable[[str], SurveyRun]) -> None:
    """On seed topics whose themes left many papers unnamed, a 'Further work on X' section keeps at most
    three papers, and no theme title opens with a preposition."""
    sections = 0
    for topic in ("process reward models for LLM reasoning", "reward model benchmarks and evaluation",
                  "preference datasets for aligning language models"):
        report = offline_survey(topic).report
        for section in report.sections:
            keys = {k for p in section.paragraphs for s in p.sentences for k in s.keys}
            sections += 1
            assert not (_CATCH_ALL.match(section.title) and len(keys) > 3), (topic, section.title, len(keys))
            assert not _PREPOSITION.match(section.title), (topic, section.title)
    assert sections >= 9


def test_labels_never_invent_a_relation_with_an_activity(seed_papers: dict[str, Paper]) -> None:
    """Two-word phrases from seed titles joined to a head: an activity or phenomenon ('reward hacking') takes
    no 'in'/'of' (that would claim a relation), a thing ('reward models') may; a label never keeps an
    opening preposition, and an optimization or learning label is used WITH a thing, not OF it."""
    labels = list(dict.fromkeys(surface for p in seed_papers.values() for stems, surface in phrases(p.title)
                                if len(surface.split()) == 2))[:400]
    assert len(labels) >= 200
    joined = 0
    for label in labels:
        for head in ("reward hacking", "curriculum learning", "PPO", "DPO"):  # activities and method acronyms
            title = theme_title(label, head, [])
            assert f" in {head}" not in title and f" of {head}" not in title, (label, title)
            assert not _PREPOSITION.match(title), (label, title)
        thing = theme_title(label, "reward models", [])
        joined += " in reward models" in thing or " of reward models" in thing
        if re.search(r"(?:optimization|learning)$", label, re.IGNORECASE) and "reward" not in label.lower():
            assert " of reward models" not in thing, (label, thing)
    assert joined >= 20
    for label in ("During training", "Towards reasoning", "Without verification"):
        assert not _PREPOSITION.match(theme_title(label, "PRMs", ["step-level verification"]))


def test_contribution_kinds_on_seed_papers(seed_papers: dict[str, Paper]) -> None:
    """Independent markers: a title that is a question or says 'survey'/'empirical study' is a study; a title
    naming a benchmark ('...Bench', 'Benchmark') whose abstract introduces it is a benchmark; a title
    'Name: ...' whose abstract proposes that name is a method."""
    from reviewer.survey.kinds import contribution_kind

    seen = {"study": 0, "benchmark": 0, "method": 0}
    # Question titles over abstracts whose own named method wins ('we introduce ... Foresee and Reflect (FaR) ... FaR
    # boosts GPT-4's performance ..., outperforming other prompting methods'): methods (branch h30,
    # tests/test_survey_kind_fit.py).
    own_method_wins = {"far2023agents", "reasons2023reject"}
    for p in seed_papers.values():
        kind = contribution_kind(p.title, p.abstract)
        if p.key in own_method_wins:
            assert kind == "method", (p.key, p.title)
        elif p.title.rstrip().endswith("?") or re.search(r"\bsurvey\b|empirical study", p.title, re.IGNORECASE):
            assert kind == "study", (p.key, p.title)
            seen["study"] += 1
        elif re.search(r"Bench\b|Benchmark\b", p.title) and re.search(r"\bwe (?:introduce|present)\b", p.abstract, re.I):
            assert kind == "benchmark", (p.key, p.title)
            seen["benchmark"] += 1
        elif ":" in p.title and "bench" not in p.title.lower() and re.search(
                rf"\bwe (?:propose|introduce) {re.escape(p.title.split(':')[0])}, an? (?:[\w-]+ ){{0,4}}"
                rf"(?:method|framework|algorithm|approach|technique|training|paradigm)\b", p.abstract, re.IGNORECASE):
            assert kind == "method", (p.key, p.title)
            seen["method"] += 1
    assert min(seen.values()) >= 3, seen


def test_a_verb_with_only_a_generic_object_does_not_name_a_theme(seed_papers: dict[str, Paper]) -> None:
    """Seed titles open with 'Aligning Language ...', 'Enhancing LLMs ...': the first two words, a verb whose
    object is only a generic word, are a fragment; the theme takes its next phrase instead."""
    seen = 0
    for p in seed_papers.values():
        words = p.title.split()
        if len(words) < 3 or not re.fullmatch(r"[A-Z][a-z]+ing", words[0]) or words[0].lower() in {
                "reasoning", "learning", "training", "scaling", "thinking", "planning", "understanding"}:
            continue
        if words[1].lower().rstrip(":,") not in {"language", "llms", "models", "large"}:
            continue
        seen += 1
        label = " ".join(words[:2]).rstrip(":,")
        title = theme_title(label, "reward models", ["preference data"])
        assert not title.lower().startswith(label.lower()), (p.title, title)
    assert seen >= 3


def test_fragments_of_longer_names_are_recognised(seed_papers: dict[str, Paper]) -> None:
    """Three-word names that recur in the seeds ('... policy optimization'): their inner two-word piece, when
    it never occurs outside the name, is a fragment; a phrase used on its own in many ways is not."""
    from reviewer.survey.titlewords import inside_longer_name

    texts = [f"{p.title}. {p.abstract}" for p in seed_papers.values()]
    low = " ".join(texts).lower()
    names = re.findall(r"\b([a-z]+ [a-z]+ [a-z]+) \(([A-Z]{3,6})\)", " ".join(p.abstract for p in seed_papers.values()))
    checked = 0
    for name, _ in dict.fromkeys(names):
        name = name.lower()
        inner = " ".join(name.split()[1:])
        uses = len(re.findall(rf"(?<![\w-]){re.escape(inner)}(?![\w-])", low))
        if uses >= 3 and uses == len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", low)):
            assert inside_longer_name(inner, texts), (name, inner)
            checked += 1
    assert checked >= 2
    assert not inside_longer_name("reward hacking", texts)
    assert not inside_longer_name("chain-of-thought", texts)


def test_papers_whose_titles_end_in_the_same_phrase_are_grouped_by_it(seed_papers: dict[str, Paper]) -> None:
    """Seed titles that share a two-word phrase right before their end or a colon ('... Preference
    Optimization: ...', 'Joint Preference Optimization'): split out of a catch-all, they form one group named
    by that phrase, not by the word after it."""
    from collections import Counter

    from reviewer.survey.terms import PhraseStats
    from reviewer.survey.themes import ThemeDoc
    from reviewer.survey.titles import _title_word_groups, split_by_phrases

    ends: Counter[str] = Counter()
    owners: dict[str, list[Paper]] = {}
    for p in seed_papers.values():
        for m in re.finditer(r"\b([A-Z][a-z]+ [A-Z][a-z]+)(?=:|$)", p.title.split(" for ")[0].split(" with ")[0]):
            ends[m.group(1).lower()] += 1
            owners.setdefault(m.group(1).lower(), []).append(p)
    checked = 0
    generic = {"language", "models", "model", "large", "llms", "reasoning", "learning", "alignment", "reinforcement"}
    for phrase, n in [(ph, n) for ph, n in ends.most_common() if not set(ph.split()) & generic][:3]:
        if n < 3:
            continue
        group = owners[phrase][:4]
        others = [p for p in seed_papers.values() if p not in group][:3]
        docs = [ThemeDoc(title=p.title, body=p.abstract) for p in group + others]
        stats = PhraseStats([f"{d.title}. {d.title}. {d.body}" for d in docs])
        groups, _ = split_by_phrases(list(range(len(docs))), docs, stats, set(), set())
        named = [name.lower() for name, members in groups if set(range(len(group))) <= set(members)]
        assert any(phrase in name for name in named), (phrase, groups)
        # The title words alone name the group (before any abstract phrase is consulted).
        by_titles = _title_word_groups(list(range(len(docs))), docs, set(), set())
        assert any(phrase in name.lower() for _, name, members in by_titles if set(range(len(group))) <= set(members)), \
            (phrase, by_titles)
        checked += 1
    assert checked >= 1, ends.most_common(5)
