"""A theme title of one or two words names a label, not a theme ('Policy optimization', 'Human values'): issue 10
asks for a noun phrase of 3-8 words true of every paper under it. Applied last in the offline outline:
1. the topic's head, when every paper of the section is about it (headglue.about_head, the test h31's unglue uses,
   so a head it removed is never added back, nor as a setting phrase): 'Supervised fine-tuning in DPO';
2. else another noun phrase of the topic (its setting: 'reward models' in 'collecting human feedback data to train
   reward models'), when every paper uses it: 'Preference annotation for reward models';
3. else a 2-3 word phrase every paper is about (central.about), the one most of their titles use: 'Continued
   pretraining for medical LLMs', 'Verifiable rewards and policy optimization'.
'for' links a thing served (models, LLMs, agents), 'in' a setting, 'and' a shared subject. A model class
('language models') or a phrase the title already says (its words, initials or acronym) is not added.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.models import Paper
from reviewer.survey.alone import model_class
from reviewer.survey.catchall import KIND_TITLE
from reviewer.survey.central import about, sentences_using
from reviewer.survey.headglue import about_head, head_forms
from reviewer.survey.leftover import GENERIC_STEMS
from reviewer.survey.terms import LEADING_VERBS, phrases
from reviewer.survey.types import Acronym, Section
from reviewer.textutil import content_stems

_ARTICLES = re.compile(r"^(?:(?:a|an|the|their|its|each|every|more|less|several|various|multiple|some)\s+)+",
                       re.IGNORECASE)
_LEADING_VERBS = LEADING_VERBS | {"score"}  # 'score images' in a topic phrase is a verb too
# The thing a technique serves ('... for reasoning models', '... for LLM agents'); a field or setting it is used in
# otherwise ('... in LLM reasoning').
_SERVED = re.compile(r"(?:models?|LLMs?|LMs?|MLLMs?|VLMs?|agents?|polic(?:y|ies)|judges?|systems?)$")


def _nouny(phrase: str) -> bool:
    """A short noun phrase: 1-3 words, no adverb ('LLMs broadly misaligned'), no leading verb ('align LLMs',
    'score images')."""
    words = phrase.split()
    return 1 <= len(words) <= 3 and not any(re.fullmatch(r"[a-z]{3,}ly", w) for w in words) \
        and words[0].lower() not in _LEADING_VERBS and "'" not in phrase


def _uses_phrase(phrase: str, paper: Paper, acronyms: list[Acronym]) -> bool:
    """The paper's title or abstract uses the phrase, its initials or its acronym's long form."""
    text = f"{paper.title}. {paper.abstract}"
    return any(sentences_using(f, text) for f in head_forms(phrase, acronyms))


def _said(phrase: str, title: str, own: set[str], acronyms: list[Acronym]) -> bool:
    """The title already says the phrase, in its words, its initials or its acronym ('Multi-turn RL' and
    'reinforcement learning')."""
    if set(content_stems(phrase)) & own:
        return True
    forms = head_forms(phrase, acronyms) + [a.short for a in acronyms if a.phrase.lower() == phrase.lower()]
    initials = "".join(w[0] for w in phrase.split()).upper()
    return any(re.search(rf"(?<![\w-]){re.escape(f)}s?(?![\w-])", title, re.IGNORECASE) for f in forms[1:]) or (
        len(phrase.split()) > 1 and re.search(rf"(?<![\w]){initials}s?(?![\w])", title) is not None)


def _link(phrase: str) -> str:
    return "for" if _SERVED.search(phrase) else "in"


def _shared(members: list[Paper], own: set[str], topic: set[str], pool: list[Paper]) -> str:
    """A phrase of 2-3 words, not the title's or the topic's nor generic, that every member is about (central.about),
    the one most titles use, then the one most abstract sentences use; '' when none."""
    counts: dict[str, tuple[int, int, str]] = {}
    first = members[0]
    for key, surface in phrases(f"{first.title}. {first.abstract}"):
        stems = set(key.split())
        if len(surface.split()) < 2 or stems & (own | topic) or stems <= GENERIC_STEMS or key in counts:
            continue
        if not re.fullmatch(r"[A-Za-z][\w-]*(?: [\w-]+)*", surface) or not _nouny(surface):
            continue
        if _SERVED.search(surface) and not surface.endswith("s"):  # 'for RL-driven LLM' lacks its article
            continue
        if all(about(surface, p) for p in members[1:]):
            in_titles = sum(1 for p in members if sentences_using(surface, p.title))
            used = sum(sentences_using(surface, p.abstract) for p in members)
            counts[key] = (in_titles, used, surface)
    if not counts:
        return ""
    surface = max(counts.values())[2]
    # 'Process Reward Models' in a title is 'process reward models' in running text; 'Monte Carlo' stays a name.
    low = " ".join(w.lower() if w[1:].islower() else w for w in surface.split())
    return low if any(low in f"{p.title} {p.abstract}" for p in pool) else surface


def _fits(title: str, sections: list[Section]) -> bool:
    """A title of 3-8 words that no other section has."""
    return 3 <= len(title.split()) <= 8 and not any(s.title.lower() == title.lower() for s in sections)


def qualify(sections: list[Section], papers: dict[str, Paper], phrases: list[str], acronyms: list[Acronym],
            rescope: Callable[[Section], None], topic: str) -> None:
    """Each section titled by fewer than three words gets the first topic phrase every one of its papers is about,
    when the phrase adds words of its own and the title stays within 8 words (see the module docstring)."""
    for section in sections:
        words = section.title.split()
        if len(words) >= 3 or KIND_TITLE.match(section.title):
            continue
        own = set(content_stems(section.title))
        members = [papers[k] for k in section.keys if k in papers]
        if len(members) < 2:
            continue
        for i, raw in enumerate(phrases):
            phrase = _ARTICLES.sub("", raw.strip())
            if not _nouny(phrase) or model_class(phrase) or _said(phrase, section.title, own, acronyms):
                continue
            if i and len(phrase.split()) < 2 and not phrase.isupper():  # a lone word ('evaluation') sets nothing
                continue
            if i and phrases[0] and _said(phrase, phrases[0], set(content_stems(phrases[0])), acronyms):
                continue  # the head again, or a piece of it: only over papers about it (i == 0)
            title = f"{section.title} {_link(phrase)} {phrase}"
            if not _fits(title, sections):
                continue
            # The head only over papers about it (as headglue keeps it); a setting phrase over papers that use it.
            test = about_head if i == 0 else _uses_phrase
            if all(test(phrase, p, acronyms) for p in members):
                section.title = title
                rescope(section)
                break
        else:
            if topic and (other := _shared(members, own, set(content_stems(topic)), list(papers.values()))):
                title = f"{section.title} {'for' if _SERVED.search(other) else 'and'} {other}"
                if _fits(title, sections):
                    section.title = title
                    rescope(section)
