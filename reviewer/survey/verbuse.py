"""Labels that name no subject: a verb phrase the texts use ('shed light'), or a phrase that points elsewhere.

Phrase mining finds what papers share, and papers share idioms of their own voice ('Our results shed light
on ...'); a title built on one ('Shed light in language models') is a verb phrase, not a subject. A closed list
of verbs cannot know every such idiom, so the texts decide: a phrase whose first word, in any of its verb
forms, follows a subject ('we', 'results'), a modal, or 'by' as a gerund, is used as a verb there.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Words a verb follows: subject pronouns, the nouns abstracts make subjects of, modals and adverbs between them.
# Not 'that', 'which' or 'this', which also open a noun phrase ('that reward models ...').
_SUBJECT = r"(?:we|they|it|can|could|may|might|will|would|should|must|thus|findings|results|analysis)"


def _forms(first: str) -> set[str]:
    """A word's verb forms: 'shed' -> shed, sheds, shedding, shedded...; 'sheds' -> the same."""
    bases = {first[:-1], first} if first.endswith("s") and not first.endswith("ss") else {first}
    out: set[str] = set()
    for b in bases:
        out |= {b, b + "s", b + "es", b + "ed", b + "d", b + "ing", b + b[-1:] + "ing", b + b[-1:] + "ed"}
        if b.endswith("e"):
            out.add(b[:-1] + "ing")
    return {f for f in out if len(f) > 2}


@lru_cache(maxsize=8192)
def folded(text: str) -> str:
    """The text case-folded once: a cheap test that a word occurs before a regex looks at the text."""
    return text.casefold()


def phrase_as_verb(phrase: str, texts: list[str]) -> bool:
    """True when the texts use the phrase as a verb and its object ('we shed light', 'by shedding light')."""
    words = phrase.split()
    if len(words) < 2 or not words[0].isalpha():
        return False
    # The phrase's last word must be in a text for the pattern to match there: a cheap test that leaves the regex
    # only the few texts that use the phrase (a survey's titles test hundreds of phrases against the whole corpus).
    last = words[-1].casefold()
    texts = [t for t in texts if last in folded(t)]
    if not texts:
        return False
    first = words[0].lower()
    every = _forms(first)
    finite = "|".join(sorted(map(re.escape, {f for f in every if not f.endswith("ing")}), key=len, reverse=True))
    # 'by shedding light' for 'shed light'; not 'by scaling laws', where the label's own '-ing' word is a noun.
    gerunds = "|".join(sorted(map(re.escape, {f for f in every if f.endswith("ing") and f != first}), key=len,
                              reverse=True)) or "(?!)"
    rest = r"[\s-]+".join(re.escape(w.lower()) for w in words[1:])
    pattern = re.compile(rf"\b(?:{_SUBJECT}\s+(?:{finite})|by\s+(?:{gerunds}))\s+{rest}\b", re.IGNORECASE)
    return any(pattern.search(t) for t in texts)


# Adjectives that relate a thing to another one named elsewhere ('same base models', 'other methods'): a title
# opening with one says nothing a reader can take without that other thing.
_POINTING = frozenset("""same other different similar such various certain specific given respective corresponding
    existing previous prior former latter above aforementioned""".split())


def points_elsewhere(phrase: str) -> bool:
    """'Same base models': the phrase's first word relates it to something the title does not say."""
    words = phrase.split()
    return bool(words) and words[0].lower() in _POINTING
