"""A reworded topic's own words do not count as its subject (reviewer.survey.subject), on the real seeds.

'tailoring language model alignment to the preferences of each user' rewords 'personalized preference
alignment for individual users': some title says 'tailored', so 'tailoring' passes for a rare subject word,
yet none of the rewording's first papers use it. Counting it cost every on-topic paper relevance."""

from __future__ import annotations

import re

from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings
from reviewer.survey.evidence import corpus_title_stems, rare_words
from reviewer.survey.subject import FIRST_PAPERS, supported
from tests.survey_steps import surveyed

REWORDED = "tailoring language model alignment to the preferences of each user"
TOPIC = "personalized preference alignment for individual users"


def _first(retriever: HybridRetriever, topic: str) -> list:
    return retriever.papers_for(retriever.search(topic, k=FIRST_PAPERS))


def test_a_word_only_the_user_says_is_not_a_subject_word(legacy_retriever: HybridRetriever) -> None:
    """'tailoring' is rare and titled, so it is taken for a subject word, but the rewording's first papers do
    not use it; 'personalized', which the topic's first papers share, stays."""
    retriever = legacy_retriever  # pinned on the pre-split index (conftest LEGACY_INDEX)
    titled = corpus_title_stems(retriever.catalog)
    reworded = rare_words(REWORDED, [], retriever.lexical, titled)
    assert "tailoring" in reworded  # the premise: without the test it counts
    assert "tailoring" not in supported(reworded, _first(retriever, REWORDED))
    topic = rare_words(TOPIC, [], retriever.lexical, titled)
    assert "personalized" in supported(topic, _first(retriever, TOPIC))


def test_no_paper_is_left_out_for_lacking_the_user_s_word(legacy_settings: Settings,
                                                         legacy_retriever: HybridRetriever) -> None:
    """The evidence stage reads the rewording's subject words from its first papers: no paper it leaves
    out is said to lack the rare word 'tailoring'."""
    settings, retriever = legacy_settings, legacy_retriever  # pinned on the pre-split index (conftest LEGACY_INDEX)
    result = surveyed(settings, retriever, REWORDED)
    reasons = [w.reason for w in result.weak]
    lacking = [r for r in reasons if re.search(r"rare words? [^;]*'tailoring'", r)]
    assert reasons and not lacking, lacking[:3]
