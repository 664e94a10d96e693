"""A question's words in the corpus's own spelling: "prioritises" -> "prioritizes", "behaviour" -> "behavior".

Researchers paraphrase in their own spelling. The abstracts mostly use American forms, and a word no abstract
uses counts against a question (it may be refused as off-domain, and it matches no sentence). A word the corpus
does not use is rewritten to a British/American or hyphen variant that it does use; the corpus decides, so a
corpus written in British spelling is left alone.
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems

# British -> American endings, tried in order on a word the corpus does not use.
_VARIANTS: list[tuple[str, str]] = [
    (r"is(e|es|ed|ing|ation|ations|er|ers)$", r"iz\1"),
    (r"ys(e|es|ed|ing)$", r"yz\1"),
    (r"our(s|ed|ing|al)?$", r"or\1"),
    (r"ll(ed|ing|er|ers)$", r"l\1"),
    (r"tre(s)?$", r"ter\1"),
    (r"ogue(s)?$", r"og\1"),
    (r"ence$", r"ense"),
]
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def _variant(word: str, vocabulary: set[str]) -> str | None:
    """A spelling of `word` whose stem the corpus uses, or None."""
    candidates = [re.sub(pattern, repl, word) for pattern, repl in _VARIANTS if re.search(pattern, word)]
    if "-" in word:
        candidates.append(word.replace("-", ""))  # "re-order" -> "reorder"
    for candidate in candidates:
        stems = content_stems(candidate)
        if candidate != word and stems and all(st in vocabulary for st in stems):
            return candidate
    return None


def corpus_spelling(question: str, vocabulary: set[str]) -> str:
    """The question with each word the corpus never uses replaced by a variant it does use (case kept)."""
    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        if not word[1:].islower() and not word.islower():  # a name (Dr-LLaVA, GRPO) is never respelled
            return word
        stems = content_stems(word)
        if not stems or all(st in vocabulary for st in stems):
            return word
        found = _variant(word.lower(), vocabulary)
        if found is None:
            return word
        return found.capitalize() if word[:1].isupper() else found

    return _WORD.sub(swap, question)
