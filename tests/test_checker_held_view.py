"""c31: a view the sentence names as held ('the common belief that X'), restated as the paper's finding (`background.py`).

Pinned on real seed sentences, each with a twin that reports the view as a view and must not be read so.
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.background import held_view
from seed_text import paper_with, sentence_with

SOFT = "Contrary to the common belief that Soft Thinking enables the simultaneous exploration"
PRACTICE = "The dominant practice of AI alignment assumes (1) that preferences are an adequate representation"


def test_a_belief_the_sentence_turns_against_restated_as_found_is_contradicted(checker: ClaimChecker) -> None:
    claim = "The study confirms that Soft Thinking lets LLMs explore diverse reasoning paths simultaneously."
    assert held_view(claim, sentence_with(SOFT)) is True
    assert checker.check(claim, [paper_with(SOFT)]).label == "CONTRADICTED"
    # the paper's own finding, and the view reported as a view, are not read as the held view
    reported = "The authors refute that Soft Thinking enables the simultaneous exploration of diverse reasoning paths."
    assert held_view(reported, sentence_with(SOFT)) is None
    assert checker.check(reported, [paper_with(SOFT)]).label != "CONTRADICTED"


def test_an_assumption_of_the_dominant_practice_is_no_finding_of_the_paper(checker: ClaimChecker) -> None:
    claim = "The paper confirms that preferences are an adequate representation of human values."
    assert held_view(claim, sentence_with(PRACTICE)) is False  # held, not turned against in that sentence
    assert checker.check(claim, [paper_with(PRACTICE)]).label != "SUPPORTED"
