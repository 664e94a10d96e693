"""Does the evidence speak of what the question asks about the things it names? (`ask`'s off-topic guard)

A question that names corpus methods or models ("Does GRPO lower household electricity bills?") clears the
evidence-similarity bar on the strength of the names alone, and the names are known, so the name check
passes too. What it asks *about* them, its predicate, is what no abstract states. So a question naming
corpus things is refused when the abstracts that name them (among the retrieved papers) use none of the
predicate's words (the question less its names and the asking words) and the predicate alone is not similar
to any of their sentences either (< `PREDICATE_MIN_SIMILARITY`, so a predicate worded wholly in synonyms
still passes). Every answerable named question of the eval sets shares at least one predicate word with
the papers naming its subject; margins in evals/RESULTS.md, follow-up 9.

Likewise a "which/what N ...?" question about a named thing ("Under which license is X released?") asks for a
thing of kind N: when no abstract naming X uses N, and the predicate is not clearly similar to their sentences
(< `KIND_MIN_SIMILARITY`), it is refused, even if its other words ("released") occur there.

A second rule, for questions with or without names: a content word that no title or abstract of the corpus
uses ("watermarking", "carbon footprint") in a question whose evidence is only moderately similar
(< `ABSENT_WORD_MAX_SIMILARITY`) names a topic the corpus does not cover; so does such a word in a yes/no question
whose best evidence is closer to the question without it (`topic.pulled_away`). A third: a date question ("When was
X released?", "In what year ...?") is refused when no sentence of the papers naming X gives a date or year. A fourth:
a comparison whose compared side ("... compare with human doctors?") no close abstract names (`compared`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import BaseModel

from reviewer.ask.compared import unmentioned_side
from reviewer.ask.topic import TOPIC_PULL, pulled_away
from reviewer.models import EvidenceSentence, Paper
from reviewer.textutil import content_stems, stems_with_parts, words

PREDICATE_MIN_SIMILARITY = 0.35
# "When was X released?", "In what year ...": a date question, answered only by a sentence that gives a date.
_ASKS_DATE = re.compile(r"^\s*(?:when\s+(?:was|were|did)\b|(?:in\s+)?(?:what|which)\s+(?:year|date|month)\b)",
                        re.IGNORECASE)
_DATE = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b|\b(?:January|February|March|April|May|June|July|August|September|"
                   r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d")
# How many of the best-ranked sentences a date question's date is looked for in, when it names nothing.
DATE_SENTENCES = 10
ABSENT_WORD_MAX_SIMILARITY = 0.47
# Question scaffolding: words that ask, not words that say what is asked about.
_ASKING = frozenset(content_stems(
    "able good well help helps make makes true possible way ways kind kinds really actually people researchers "
    "work works does mean say tell know exist exists take takes took taken get gets got go goes went put puts "
    # what a "what problem does X solve?" or "what does the X system do?" question asks with: its form, not its topic
    "problem problems solve solves address addresses tackle tackles fix fixes issue issues challenge challenges "
    "limitation limitations shortcoming shortcomings weakness weaknesses system systems framework frameworks "
    "technique techniques algorithm algorithms paper papers contain contains offer offers provide provides"
))
# "Which license ...?", "What GPU ...?": the answer is a thing of that kind, so the abstracts naming the asked thing
# must mention the kind. A result measure ("What accuracy ...?") is answered by a number instead.
_KIND = re.compile(r"^\s*(?:(?:under|on|in|at|from|by|with|for|to)\s+)?(?:what|which)\s+"
                   r"(?:(?:kinds?|types?|sorts?)\s+of\s+)?([A-Za-z][\w-]*)", re.IGNORECASE)
# Words every machine-learning abstract uses ("trains", "network", "model"): covering only these says nothing of the
# asked predicate ("Can PPO plan trains on a rail network?").
_GENERIC = frozenset(content_stems("train trains training model models network networks data learn learning task tasks"))
_AUXILIARY = frozenset("is are was were do does did has have had can could will would should may might must".split())
_MEASURE = frozenset(content_stems(
    "way ways accuracy score scores performance gain gains improvement improvements speedup rate rates percentage "
    "result results number amount size share fraction cost costs value values metric metrics"
))
KIND_MIN_SIMILARITY = 0.40
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# A predicate of one word ("What does X achieve?") is too little to judge the abstracts by.
MIN_PREDICATE_WORDS = 2


class OffTopic(BaseModel):
    """Why the evidence does not answer: the words it never uses, and the similarity it reached."""

    words: list[str]
    similarity: float
    # "predicate" (names known, predicate unstated), "kind" (the asked kind unstated), "absent", "date", "compared"
    reason: str


def without_names(question: str, names: list[str]) -> str:
    """The question with its proper names blanked out: what it asks about them."""
    out = question
    for name in sorted(names, key=len, reverse=True):
        out = re.sub(re.escape(name) + r"(?:'s)?", " ", out)
    return re.sub(r"\s+", " ", out).strip()


def _norm(text: str) -> str:
    return " " + re.sub(r"[^0-9a-z]+", " ", text.lower()).strip() + " "


def names_paper(name: str, paper: Paper) -> bool:
    """The paper's title or abstract uses the name (as a word sequence, case and punctuation aside)."""
    base = re.sub(r"-(?:based|style|like|driven|trained|tuned)$", "", name)
    return _norm(base) in _norm(f"{paper.title} {paper.abstract}")


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


def _in_corpus(word: str, vocabulary: set[str]) -> bool:
    """The word is a corpus word, also after dropping a hyphenated prefix or letter of one or two letters ("re-order",
    "e-commerce"): such a part derives a word, it names no topic."""
    parts = word.split("-")
    core = [p for p in parts if len(p) > 2]
    return _covered(word, vocabulary) or bool(core) and len(core) < len(parts) and _covered("-".join(core), vocabulary)


def off_topic(
    question: str,
    names: list[str],
    ranked: list[EvidenceSentence],
    papers: list[Paper],
    vocabulary: set[str],
    rank: Callable[[str, list[Paper]], list[EvidenceSentence]],
    is_definition: bool = False,
    common: Callable[[], frozenset[str]] = frozenset,
) -> OffTopic | None:
    """Why the retrieved evidence does not answer `question`, or None when it may.

    `ranked` is the evidence for the whole question, `rank` ranks the given papers' sentences for other text,
    `vocabulary` holds every content stem of the corpus. The predicate is looked for in the papers that name
    what the question names: a predicate another paper speaks of ("teachers mark homework" in an education
    paper) says nothing about the named method.
    """
    best = max((e.similarity for e in ranked), default=0.0)
    absent = [w for w in _predicate_words(question) if not _in_corpus(w, vocabulary)]
    if absent and best < ABSENT_WORD_MAX_SIMILARITY:
        return OffTopic(words=absent, similarity=best, reason="absent")
    pull = pulled_away(question, absent, best, lambda text: rank(text, papers))
    if pull is not None and pull >= TOPIC_PULL:  # the evidence is about the question without its uncovered topic
        return OffTopic(words=absent, similarity=best, reason="absent")
    naming = [p for p in papers if any(names_paper(n, p) for n in names)]
    if _ASKS_DATE.search(question):
        sentences = [e.text for e in ranked if e.paper_id in {p.id for p in naming}] if naming \
            else [e.text for e in ranked[:DATE_SENTENCES]]
        if not any(_DATE.search(t) for t in sentences):
            return OffTopic(words=[], similarity=best, reason="date")
    side = unmentioned_side(question, ranked, papers, common)  # "compared with human doctors": no close abstract names them
    if side is not None:
        return OffTopic(words=[side], similarity=best, reason="compared")
    if not names or is_definition:
        return None
    predicate = without_names(question, names)
    asked = _predicate_words(predicate)
    if len(asked) < MIN_PREDICATE_WORDS or not naming:
        return None
    text = " ".join(f"{p.title} {p.abstract}" for p in naming)
    # "open-source" in the abstract covers "openly": its parts count as words too.
    stems = stems_with_parts(text)
    numbers = set(_NUMBER.findall(text))
    covered = [w for w in asked if _covered(w, stems) or _NUMBER.search(w) and set(_NUMBER.findall(w)) <= numbers]
    # "8B" is the abstract's "8-billion-parameter": a number the abstract gives covers it.
    head = _asked_kind(question)
    head = head if head in asked else None  # "What MT-bench score ...?": a name, then a measure, is no kind
    specific = [w for w in covered if not set(content_stems(w)) <= _GENERIC]
    if specific and (head is None or head in covered):
        return None
    similarity = max((e.similarity for e in rank(predicate, naming)), default=0.0)
    if not covered and similarity < PREDICATE_MIN_SIMILARITY:
        return OffTopic(words=asked, similarity=similarity, reason="predicate")
    if head is not None and head not in covered and similarity < KIND_MIN_SIMILARITY:
        return OffTopic(words=[head], similarity=similarity, reason="kind")
    if not specific and similarity < PREDICATE_MIN_SIMILARITY:
        return OffTopic(words=[w for w in asked if w not in covered] or asked, similarity=similarity, reason="predicate")
    return None  # a predicate worded in synonyms of what the abstract says


def _asked_kind(question: str) -> str | None:
    """The noun a "which/what N ...?" question asks for ("license", "GPU"), unless it is a measure or a form word."""
    m = _KIND.match(question)
    if m is None:
        return None
    word = m.group(1)
    stems = content_stems(word)
    if not stems or stems[0] in _ASKING or stems[0] in _MEASURE or word.lower() in _AUXILIARY:
        return None
    return word


def refusal_text(found: OffTopic, names: list[str]) -> str:
    """One line saying why: which words no evidence uses, and how similar the best sentence was."""
    quoted = ", ".join(f"'{w}'" for w in found.words[:4])
    if found.reason == "absent":
        return (f"The indexed abstracts do not cover this question: no title or abstract uses {quoted} (best "
                f"sentence similarity {found.similarity:.2f}). Try rephrasing it, or ingest papers on the topic.")
    named = ", ".join(names)
    if found.reason == "kind":
        return (f"The indexed abstracts mention {named} but not its {found.words[0]}: the abstracts that name it never "
                f"use '{found.words[0]}' (best sentence similarity without the names {found.similarity:.2f}). Try "
                "rephrasing it, or ingest papers on the topic.")
    if found.reason == "compared":
        return (f"The indexed abstracts do not make this comparison: the abstracts closest to the question never mention "
                f"'{found.words[0]}' (best sentence similarity {found.similarity:.2f}). Try rephrasing it, or ingest "
                "papers that make the comparison.")
    if found.reason == "date":
        where = f"the abstracts that name {named}" if names else "the most relevant abstracts"
        return (f"The indexed abstracts do not say when: {where} give no date or year (best sentence similarity "
                f"{found.similarity:.2f}). Try rephrasing it, or ingest papers on the topic.")
    return (f"The indexed abstracts mention {named} but do not say what this question asks about it: the "
            f"abstracts that name it never use {quoted} (best sentence similarity without the names "
            f"{found.similarity:.2f}). Try rephrasing it, or ingest papers on the topic.")
