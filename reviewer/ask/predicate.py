"""Does the evidence speak of what the question asks about the things it names? (`ask`'s off-topic guard)

A question that names corpus methods or models ("Does GRPO lower household electricity bills?") clears the
evidence-similarity bar on the strength of the names alone, and the names are known, so the name check
passes too. What it asks *about* them, its predicate, is what no abstract states. Two signals, both needed
(calibrated on the dev-type sets; margins in evals/RESULTS.md, follow-up 9):

- the question with its names taken out is not similar to any evidence sentence (best similarity below
  `PREDICATE_MIN_SIMILARITY`: answerable named questions with a predicate >= 0.37 on the dev-type sets, the
  off-topic ones <= 0.34 on ask_refuse);
- some predicate word occurs in none of the best-ranked papers (so the low similarity is not a paraphrase
  of something those papers do say).

A third, for questions with or without names: a content word that no title or abstract of the corpus uses
("watermarking", "carbon footprint") in a question whose evidence is only moderately similar
(< `ABSENT_WORD_MAX_SIMILARITY`) names a topic the corpus does not cover.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import BaseModel

from reviewer.models import EvidenceSentence, Paper
from reviewer.textutil import content_stems, words

PREDICATE_MIN_SIMILARITY = 0.31
ABSENT_WORD_MAX_SIMILARITY = 0.47
# How many of the best-ranked papers the predicate words are looked for in.
COVERING_PAPERS = 3
# Question scaffolding: words that ask, not words that say what is asked about.
_ASKING = frozenset(content_stems(
    "able good well help helps make makes true possible way ways kind kinds really actually people researchers "
    "work works does mean say tell know exist exists"
))


class OffTopic(BaseModel):
    """Why the evidence does not answer: the words it never uses, and the similarity it reached."""

    words: list[str]
    similarity: float
    reason: str  # "predicate" (names known, predicate unstated) or "absent" (a word the corpus never uses)


def without_names(question: str, names: list[str]) -> str:
    """The question with its proper names blanked out: what it asks about them."""
    out = question
    for name in sorted(names, key=len, reverse=True):
        out = re.sub(re.escape(name) + r"(?:'s)?", " ", out)
    return re.sub(r"\s+", " ", out).strip()


def _predicate_words(text: str) -> list[str]:
    """Content words of the text that carry its topic (not the asking scaffolding), in order."""
    seen: list[str] = []
    for w in words(text):
        stems = content_stems(w)
        if stems and stems[0] not in _ASKING and w not in seen:
            seen.append(w)
    return seen


def _covered(word: str, stems: set[str]) -> bool:
    """The word, or every part of a hyphenated word, is used by the covering text."""
    parts = [p for p in re.split(r"-", word) if p]
    return any(st in stems for st in content_stems(word)) or bool(parts) and all(
        any(st in stems for st in content_stems(p)) for p in parts if content_stems(p))


def off_topic(
    question: str,
    names: list[str],
    ranked: list[EvidenceSentence],
    papers: list[Paper],
    vocabulary: set[str],
    rank: Callable[[str], list[EvidenceSentence]],
    is_definition: bool = False,
) -> OffTopic | None:
    """Why the retrieved evidence does not answer `question`, or None when it may.

    `ranked` is the evidence for the whole question, `rank` ranks the same papers' sentences for other text,
    `vocabulary` holds every content stem of the corpus.
    """
    best = max((e.similarity for e in ranked), default=0.0)
    absent = [w for w in _predicate_words(question) if not _covered(w, vocabulary)]
    if absent and best < ABSENT_WORD_MAX_SIMILARITY:
        return OffTopic(words=absent, similarity=best, reason="absent")
    if not names or is_definition:
        return None
    predicate = without_names(question, names)
    asked = _predicate_words(predicate)
    if not asked:
        return None
    top = list(dict.fromkeys(e.paper_id for e in ranked))[:COVERING_PAPERS]
    by_id = {p.id: p for p in papers}
    stems = {st for pid in top if pid in by_id for st in content_stems(f"{by_id[pid].title} {by_id[pid].abstract}")}
    uncovered = [w for w in asked if not _covered(w, stems)]
    if not uncovered:
        return None
    similarity = max((e.similarity for e in rank(predicate)), default=0.0)
    if similarity >= PREDICATE_MIN_SIMILARITY:
        return None
    return OffTopic(words=uncovered, similarity=similarity, reason="predicate")


def refusal_text(found: OffTopic, names: list[str]) -> str:
    """One line saying why: which words no evidence uses, and how similar the best sentence was."""
    quoted = ", ".join(f"'{w}'" for w in found.words[:4])
    if found.reason == "absent":
        return (f"The indexed abstracts do not cover this question: no title or abstract uses {quoted} (best "
                f"sentence similarity {found.similarity:.2f}). Try rephrasing it, or ingest papers on the topic.")
    named = ", ".join(names)
    return (f"The indexed abstracts mention {named} but do not say what this question asks about it: none of the "
            f"best-matching abstracts uses {quoted} (best sentence similarity without the names "
            f"{found.similarity:.2f}). Try rephrasing it, or ingest papers on the topic.")
