"""Every facet of a topic must be addressed: 'X for Y' needs both X and Y, 'X and Y' either of them.

A paper on the topic's setting ('reinforcement learning' papers for 'reinforcement learning for
vision-language reasoning') resembles the whole topic as much as one on its subject, so relevance alone
surveys the whole setting. The topic's parts joined by a preposition ('for', 'in', 'with', ...) are facets a
paper must all address; parts joined by 'and', 'or' or a comma are alternatives, of which one suffices.
A facet counts by its *title words*: words at most `TITLE_SHARE` of the corpus's titles use, which name
subjects ('vision-language', 'benchmarks', 'datasets'), unlike the setting's words ('language',
'reasoning'). A paper addresses a word when its title uses it (also inside a hyphenated compound), or else as much as the word alone matches
its title and best sentence (the same relevance model as the topic's). A paper covering the facets under
`FACET_BAR` loses up to `FACET_PENALTY` of relevance: a fixed, absolute amount, so the count still does
not follow the wording.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from pydantic import BaseModel

from reviewer.models import Paper
from reviewer.textutil import content_stems

if TYPE_CHECKING:
    from reviewer.catalog import Catalog

TITLE_SHARE = 0.05  # a word at most this share of titles use names a subject
FACET_BAR = 0.3  # coverage under this bar costs relevance
FACET_PENALTY = 0.25  # relevance lost per unit of coverage missing under the bar (at most 0.075)
# 'of' joins no facets: 'theory of mind', 'chain of thought' and 'benchmarks of X' are one noun phrase each.
_JOINS = re.compile(r"\s+(?:for|in|with|on|via|using|under|towards?|by|from|into|between|to)\s+", re.I)
_ALTERNATIVES = re.compile(r"\s*[,;]\s*|\s+(?:and|or)\s+", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]+")


class TitleStats(BaseModel):
    """How many corpus titles use each stem."""

    papers: int
    df: dict[str, int]


_STATS: dict[tuple[str, str], TitleStats] = {}


def title_stats(catalog: Catalog) -> TitleStats:
    """Title document frequencies, read once per corpus version."""
    key = (str(catalog.path), catalog.version())
    if key not in _STATS:
        _STATS.clear()
        titles = [set(content_stems(p.title)) for p in catalog.iter_papers()]
        _STATS[key] = TitleStats(papers=len(titles), df=dict(Counter(s for t in titles for s in t)))
    return _STATS[key]


Facets = list[list[dict[str, float]]]  # facets -> alternatives -> title word -> IDF weight


def topic_facets(topic: str, stats: TitleStats) -> Facets:
    """The topic's facets, each a list of alternatives holding their title words (with IDF weights).

    A facet without a title word names the setting, not the subject, and is left out; so is a facet one
    of whose alternatives has none ('reward hacking and reward model overoptimization' when no title says
    'hacking'): a paper may address that alternative in words the test cannot see."""
    facets: Facets = []
    for part in _JOINS.split(topic.strip()):
        alternatives = []
        for alt in _ALTERNATIVES.split(part):
            if not content_stems(alt):
                continue
            words = {}
            for word in _WORD.findall(alt):
                stems = content_stems(word)
                df = stats.df.get(stems[0], 0) if stems else 0
                if 0 < df <= TITLE_SHARE * stats.papers:
                    words[word] = math.log(stats.papers / df)
            alternatives.append(words)
        if alternatives and all(alternatives):
            facets.append(alternatives)
    return facets


def facet_words(facets: Facets) -> list[str]:
    """Every title word of the facets, once."""
    return list(dict.fromkeys(w for alts in facets for words in alts for w in words))


def coverage(paper: Paper, facets: Facets, word_rel: dict[str, dict[str, float]]) -> tuple[float, list[str]]:
    """How well a paper addresses every facet (mean over facets of its best alternative), and the words of
    the facets it addresses least (those under the bar in its best alternative), for the appendix."""
    title = set(content_stems(paper.title)) | set(content_stems(paper.title.replace("-", " ")))  # 'Theory-of-Mind'
    scores, weak = [], []
    for alternatives in facets:
        best, best_weak = -1.0, []
        for words in alternatives:
            got = {w: 1.0 if content_stems(w)[0] in title else word_rel[w][paper.id] for w in words}
            score = sum(words[w] * got[w] for w in words) / sum(words.values())
            if score > best:
                best, best_weak = score, [w for w in words if got[w] < FACET_BAR]
        scores.append(best)
        if best < FACET_BAR:
            weak += best_weak
    return sum(scores) / len(scores), weak


def facet_penalty(
    relevance: dict[str, float], papers: list[Paper], topic: str, stats: TitleStats | None,
    word_relevance: Callable[[str], dict[str, float]],
) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Lower the relevance of papers that leave a facet of the topic unaddressed; also return, per penalised
    paper, the facet words it addresses least. `word_relevance(word)` scores every paper for one word."""
    facets = topic_facets(topic, stats) if stats else []
    if not facets:
        return relevance, {}
    word_rel = {w: word_relevance(w) for w in facet_words(facets)}
    out, weak = dict(relevance), {}
    for paper in papers:
        cov, words = coverage(paper, facets, word_rel)
        if cov < FACET_BAR:
            out[paper.id] = relevance[paper.id] - FACET_PENALTY * (FACET_BAR - cov)
            weak[paper.id] = words
    return out, weak
