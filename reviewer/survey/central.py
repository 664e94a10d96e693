"""Is a paper about a phrase, or does it only mention it? The test a theme title must pass for each of its papers.

A section title is read as what its papers are about. fit.py used to hold a paper under a title as soon as its
abstract used the title's phrase once, and one mention is often a contrast or a motivation, not the subject:
"... improving credit assignment over outcome reward models (ORMs)" put a paper on progress-based process rewards
under "Outcome reward in PRMs"; "Inspired by recent advances of long chain-of-thought (CoT) ..." put a generative
reward model under "Long Chain-of-Thought in PRMs". A paper is about a phrase when its own title uses it, or when
its abstract comes back to it: two or more sentences use it (as a phrase or its initials); or one does, and it is
the paper's own method sentence ('we prompt a base policy model to perform Monte Carlo Tree Search ...'), not other
work it sets itself against ('over', 'unlike', 'inspired by', 'existing'); or one does and a word of the phrase
that is neither generic nor the topic's own recurs (in the title or two sentences: 'uncertainty quantification
heads' once, under a title '... via Uncertainty Heads'). The same holds for a technique family ('Reinforcement
learning'), found by the family's pattern instead of its name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reviewer.models import Paper
from reviewer.roles import Role, sentence_roles
from reviewer.survey.labelpick import uses_phrase
from reviewer.textutil import split_sentences

MIN_SENTENCES = 2  # abstract sentences that must use a phrase its title lacks


@lru_cache(maxsize=8192)  # pure; every placement step asks again for the same papers
def _sentences(abstract: str) -> tuple[str, ...]:
    return tuple(split_sentences(abstract))


def _forms(phrase: str) -> list[str]:
    """The phrase and, for a multi-word one, its initials ('reinforcement learning' as 'RL')."""
    words = phrase.split()
    return [phrase] + (["".join(w[0] for w in words).upper()] if len(words) > 1 else [])


def _uses(form: str, text: str) -> bool:
    """The text uses the form; initials only in capitals ('OF' for 'Offering fresh' is not the word 'of')."""
    if len(form) > 1 and form.isupper() and " " not in form:
        return re.search(rf"(?<![\w-]){re.escape(form)}s?(?![\w-])", text) is not None
    return uses_phrase(form, text)


def sentences_using(phrase: str, abstract: str) -> int:
    """How many abstract sentences use the phrase or its initials."""
    forms = _forms(phrase)
    return sum(1 for s in _sentences(abstract) if any(_uses(f, s) for f in forms))


@lru_cache(maxsize=8192)
def _own_sentences(abstract: str) -> tuple[str, ...]:
    """The abstract's objective and method sentences in the paper's own voice ('we', 'our', 'this paper')."""
    sentences = _sentences(abstract)
    return tuple(s for s, r in zip(sentences, sentence_roles(list(sentences)), strict=True)
                 if r in (Role.OBJECTIVE, Role.METHOD) and _VOICE.search(s))


_VOICE = re.compile(r"\b(?:we|our|this (?:paper|work|study))\b", re.IGNORECASE)
# Other work the paper sets itself against or starts from, just before the phrase.
_OTHERS = re.compile(r"\b(?:unlike|over|than|instead of|without|beyond|inspired by|motivated by|different from|"
                     r"compared (?:to|with)|in contrast to|existing|prior|previous|conventional|traditional|"
                     r"standard|typical|popular)\b(?:\W+[\w-]+){0,4}\W*$", re.IGNORECASE)


def _own_use(phrase: str, abstract: str) -> bool:
    """An own method sentence uses the phrase, not as the other work it contrasts with (see above)."""
    for s in _own_sentences(abstract):
        for form in _forms(phrase):
            words = [re.escape(w) for w in re.split(r"[\s-]+", form) if w]
            m = re.search(r"(?<![\w-])" + r"[\s-]+".join(words), s, re.IGNORECASE) if words else None
            if m and _uses(form, s) and not _OTHERS.search(s[:m.start()]):
                return True
    return False


@lru_cache(maxsize=65536)
def _stems_of(text: str) -> frozenset[str]:
    from reviewer.survey.titles import _stems

    return frozenset(_stems(text))


def _recurs(phrase: str, title: str, abstract: str, ignore: frozenset[str]) -> bool:
    """A word of the phrase that is neither generic nor the topic's is in the paper's title or MIN_SENTENCES of its
    abstract's sentences."""
    from reviewer.survey.leftover import GENERIC_STEMS

    own = _stems_of(phrase) - GENERIC_STEMS - ignore
    return any(w in _stems_of(title) or sum(1 for s in _sentences(abstract) if w in _stems_of(s))
               >= MIN_SENTENCES for w in own)


def about(phrase: str, paper: Paper, ignore: set[str] | frozenset[str] = frozenset()) -> bool:
    """The paper is about the phrase: its title uses it, MIN_SENTENCES of its abstract's sentences do, or one does
    and a word of the phrase beyond `ignore` (the topic's stems) and generic words recurs (see above)."""
    return about_text(phrase, paper.title, paper.abstract, frozenset(ignore))


@lru_cache(maxsize=65536)
def about_text(phrase: str, title: str, abstract: str, ignore: frozenset[str] = frozenset()) -> bool:
    """`about` on a title and an abstract (the theme finder's documents are no Paper)."""
    if any(_uses(f, title) for f in _forms(phrase)):
        return True
    n = sentences_using(phrase, abstract)
    return n >= MIN_SENTENCES or (n == 1 and (_own_use(phrase, abstract) or _recurs(phrase, title, abstract, ignore)))


def about_pattern(pattern: str, paper: Paper) -> bool:
    """The same test for a family's pattern: in the title, in MIN_SENTENCES abstract sentences, or in an own method
    sentence, not as the other work it contrasts with."""
    if re.search(pattern, paper.title, re.IGNORECASE):
        return True
    if sum(1 for s in _sentences(paper.abstract) if re.search(pattern, s, re.IGNORECASE)) >= MIN_SENTENCES:
        return True
    return any((m := re.search(pattern, s, re.IGNORECASE)) and not _OTHERS.search(s[:m.start()])
               for s in _own_sentences(paper.abstract))

