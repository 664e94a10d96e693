"""Every 'rather than' of a sentence is read, and 'P ..., rather than R' takes P from the clause before the comma:
'(1) aligning ... , rather than indiscriminately fitting predictions, and (2) focusing on fitting preference-bearing
tokens ..., rather than treating all tokens uniformly' against a claim that treats all tokens uniformly instead of
focusing on preference-bearing tokens (issue 12, twentieth pass; `exchanged.preference_exchanged`).
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.exchanged import preference_exchanged
from seed_text import assert_contradicted_twin, sentence_with

NEXTQUILL = "rather than treating all tokens uniformly"


def test_the_second_rather_than_after_a_comma_is_read(checker: ClaimChecker) -> None:
    assert preference_exchanged("NextQuill treats all tokens uniformly rather than focusing on preference-bearing "
                                "tokens.", sentence_with(NEXTQUILL))
    assert_contradicted_twin(
        checker, NEXTQUILL,
        "NextQuill treats all tokens uniformly rather than focusing on preference-bearing tokens.",
        "NextQuill focuses on fitting preference-bearing tokens rather than treating all tokens uniformly.")


def test_the_preference_kept_is_no_exchange() -> None:
    assert not preference_exchanged("NextQuill focuses on fitting preference-bearing tokens instead of treating all "
                                    "tokens uniformly.", sentence_with(NEXTQUILL))
