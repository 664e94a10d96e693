"""Bridging facets: the corpus's own terms nearest to a topic's wording.

A user's rewording ("how confident a model is") often avoids the term the papers use ("uncertainty",
"confidence"); BM25 then never connects the two. The corpus's distinctive title phrases are embedded
once per corpus version, and the few nearest to the topic's subject words (its setting words such as
"language models" removed, since every paper shares them) become extra facet queries, so a paraphrase
converges on the same canonical terms as the original wording.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from pydantic import BaseModel

from reviewer.survey.scales import TODAY, floors
from reviewer.survey.terms import PhraseStats, phrases, topic_chunks
from reviewer.textutil import atomic_write_text, content_stems

if TYPE_CHECKING:
    from reviewer.catalog import Catalog
    from reviewer.settings import Settings

COMMON_SHARE = 0.1  # a word more papers than this share use names the setting, not the subject
SAMPLE = 3000  # a larger corpus is read in an even sample: shares, not exact counts, decide
BRIDGES = 2  # facet phrases added per topic
BRIDGE_FLOOR = TODAY.bridge  # absolute cosine (today's model; reviewer.survey.scales): under it a nearest term is a guess
SETTING_SHARE = 0.5  # a word most papers use names the corpus's setting ('language models'), never a topic's head


class Vocabulary(BaseModel):
    """The corpus's distinctive title phrases and the document frequency of each word stem."""

    version: str = ""
    phrases: list[str]
    stems: list[str]
    word_df: dict[str, int]
    papers: int


_VOCAB: dict[tuple[str, str], Vocabulary] = {}
_FILE = "bridge-vocabulary.json"


def vocabulary(catalog: Catalog, home: Path | None = None) -> Vocabulary:
    """Phrases some title uses and 2+ papers share, with at least one uncommon word; once per corpus
    version, kept in the home so a new process does not re-read every abstract."""
    key = (str(catalog.path), catalog.version())
    if key in _VOCAB:
        return _VOCAB[key]
    path = Path(home) / _FILE if home is not None else None
    vocab = None
    if path is not None and path.is_file():
        with contextlib.suppress(OSError, ValueError):
            vocab = Vocabulary.model_validate_json(path.read_text(encoding="utf-8"))
    if vocab is None or vocab.version != key[1]:
        vocab = _build(catalog, key[1])
        if path is not None:
            with contextlib.suppress(OSError):  # a read-only home only costs the recomputation next time
                atomic_write_text(path, vocab.model_dump_json())
    _VOCAB.clear()
    _VOCAB[key] = vocab
    return vocab


def _build(catalog: Catalog, version: str) -> Vocabulary:
    papers = list(catalog.iter_papers())
    papers = papers[:: max(1, -(-len(papers) // SAMPLE))]
    docs = [f"{p.title}. {p.abstract}" for p in papers]
    word_df = Counter(st for doc in docs for st in set(content_stems(doc)))
    stats = PhraseStats(docs)
    titled = sorted({st for p in papers for st, _ in phrases(p.title)})
    limit = COMMON_SHARE * len(papers)
    keep = [st for st in titled if 2 <= stats.df[st] <= limit and any(word_df[w] <= limit for w in st.split())]
    return Vocabulary(version=version, phrases=[stats.surface(st) for st in keep], stems=keep,
                      word_df=dict(word_df), papers=len(papers))


def subject_words(text: str, vocab: Vocabulary) -> str:
    """The text without its setting words (those most papers use): what it is about."""
    limit = COMMON_SHARE * vocab.papers
    kept = [w for w in re.findall(r"[A-Za-z][\w'-]*", text)
            if not (stems := content_stems(w)) or vocab.word_df.get(stems[0], 0) <= limit]
    return " ".join(kept) if any(content_stems(w) for w in kept) else ""


def setting_stems(vocab: Vocabulary) -> frozenset[str]:
    """The stems most papers of the corpus use: its setting ('languag', 'llms' in a corpus on LLMs)."""
    return frozenset(st for st, df in vocab.word_df.items() if df > SETTING_SHARE * vocab.papers)


def subject_chunks(chunks: list[str], setting: frozenset[str]) -> list[str]:
    """The chunks that say something besides the corpus's setting: 'language models' of 'language models that
    browse the web' names what every paper is about, not the topic, so it is neither the topic's head phrase
    nor a sub-query of its own. All chunks when every one is setting."""
    subject = [c for c in chunks if any(st not in setting for st in content_stems(c))]
    return subject or chunks


def bridge_phrases(
    topic: str, catalog: Catalog, settings: Settings, k: int | None = None, floor: float | None = None
) -> list[str]:
    """Up to `k` corpus phrases nearest (cosine >= `floor`) to the topic's subject words or to one of
    its chunks' subject words, leaving out phrases the topic already says."""
    from reviewer.vector_cache import VectorCache

    k = BRIDGES if k is None else k
    floor = floors(settings).bridge if floor is None else floor
    vocab = vocabulary(catalog, settings.home)
    if k <= 0 or not vocab.phrases:
        return []
    probes = [p for p in dict.fromkeys(subject_words(t, vocab) for t in [topic, *topic_chunks(topic)]) if p]
    if not probes:
        return []
    cache = VectorCache(settings)
    table = _unit(cache.embed(vocab.phrases))
    sims = _unit(cache.embed(probes)) @ table.T
    said = set(content_stems(topic))
    best: dict[int, float] = {}
    new = np.array([not set(st.split()) <= said for st in vocab.stems])
    for row in sims:
        for i in [i for i in np.argsort(-row) if new[i] and row[i] >= floor][:k]:
            best[int(i)] = max(best.get(int(i), 0.0), float(row[i]))
    return [vocab.phrases[i] for i in sorted(best, key=lambda i: (-best[i], vocab.phrases[i]))[:k]]


def _unit(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float64)
    return m / np.clip(np.linalg.norm(m, axis=1, keepdims=True), 1e-9, None)
