"""Where a certainty word must be asserted: in a sentence about the same thing, not anywhere in the abstract.

A claim's 'every' or 'eliminates' is read as asserted when the evidence says 'all', 'each' or 'eliminating'
somewhere, and an abstract nearly always does ('the winner of each confrontation', 'eliminating the need for
manual annotation'). So 'SPC eliminates every error from the reasoning of LLMs' passed as SUPPORTED. The strong
reading now counts only in a sentence that also holds one of the words next to the claim's certainty word
('error', 'reasoning'): the thing the claim says is always / completely / every-wise so.
"""

from __future__ import annotations

import re

from reviewer.textutil import STOPWORDS, split_sentences, stemmer, words

WINDOW = 4  # content words either side of the certainty word that name what it is said of
# words whose certainty is about what follows them: what is proved, guaranteed, eliminated, every what
_FORWARD = re.compile(r"(?:prov|guarant|eliminat|every)\w*")


def _content(tokens: list[str]) -> list[str]:
    return [t.lower() for t in tokens if t.lower() not in STOPWORDS and len(t) > 1 and t[:1].isalpha()]


def context_stems(claim: str, word: str, absolute: re.Pattern[str]) -> set[str]:
    """Stems of the content words within WINDOW of each occurrence of `word` in the claim (certainty words out)."""
    toks = words(claim)
    low = [t.lower() for t in toks]
    out: set[str] = set()
    for i, t in enumerate(low):
        if t != word:
            continue
        before = [] if _FORWARD.fullmatch(t) else [w for w in _content(toks[:i]) if not absolute.fullmatch(w)][-WINDOW:]
        # what is proved / eliminated / every-wise so is the object right after the word
        after = [w for w in _content(toks[i + 1:]) if not absolute.fullmatch(w)][:2 if _FORWARD.fullmatch(t) else WINDOW]
        out |= set(stemmer().stemWords([*before, *after]))
    return out


def asserted_near(claim: str, word: str, reading: str | None, evidence_text: str, absolute: re.Pattern[str]) -> bool:
    """Some evidence sentence states `word` (or its strong `reading`) and shares a word the claim puts beside it."""
    near = context_stems(claim, word, absolute)
    pattern = re.compile(rf"\b{re.escape(word)}\b" + (f"|{reading}" if reading else ""), re.IGNORECASE)
    for sentence in split_sentences(evidence_text) or [evidence_text]:
        if not pattern.search(sentence):
            continue
        if not near or near & set(stemmer().stemWords([w.lower() for w in words(sentence)])):
            return True
    return False
