"""Quote verification: where an LLM's (or our own) quote stands in an abstract, and which sentences it is.

Quotes are checked against the abstract exactly, then normalised, then fuzzily, so nothing reaches a
report that the source does not say.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from reviewer.textutil import normalize, split_sentences

FUZZY_THRESHOLD = 90.0


class QuoteMatch(BaseModel):
    method: Literal["exact", "normalized", "fuzzy"]
    score: float
    text: str


def verify_quote(quote: str, source: str, threshold: float = FUZZY_THRESHOLD) -> QuoteMatch | None:
    """Where the quote stands in the source: exactly, after normalisation, or fuzzily above threshold."""
    quote = quote.strip().strip('"“”')
    if not quote:
        return None
    if quote in source:
        return QuoteMatch(method="exact", score=100.0, text=quote)
    nq = normalize(quote)
    if not nq:  # punctuation only: nothing to verify (an empty string fuzzy-matches everything)
        return None
    if nq in normalize(source):
        return QuoteMatch(method="normalized", score=100.0, text=quote)
    from rapidfuzz import fuzz

    best: tuple[float, str] = (0.0, "")
    for sentence in split_sentences(source):
        score = fuzz.ratio(nq, normalize(sentence)) if len(nq) > 0.6 * len(normalize(sentence)) else 0.0
        if len(nq) <= len(normalize(sentence)):
            score = max(score, fuzz.partial_ratio(nq, normalize(sentence)))
        if score > best[0]:
            best = (score, sentence)
    if best[0] >= threshold:
        return QuoteMatch(method="fuzzy", score=round(best[0], 1), text=best[1])
    return None


def quote_sentences(quote: str, sentences: list[str]) -> list[int]:
    """Indices of the sentences a (verified) quote lies in or covers; else the one it overlaps best."""
    nq = normalize(quote)
    hits = [i for i, s in enumerate(sentences) if (ns := normalize(s)) and (ns in nq or nq in ns)]
    if hits or not sentences:
        return hits
    from rapidfuzz import fuzz  # a quote spanning a sentence boundary partially

    scores = [fuzz.partial_ratio(nq, normalize(s)) for s in sentences]
    return [max(range(len(sentences)), key=lambda i: scores[i])]
