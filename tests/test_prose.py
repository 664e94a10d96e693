"""The offline writer's sentence surgery: what a quoted sentence loses when it stands alone."""

from __future__ import annotations

import pytest

from reviewer.survey.prose import is_anaphoric, strip_marker


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("(3) Existing PRMs concentrate minimum scores on the final step.",
         "Existing PRMs concentrate minimum scores on the final step."),
        ("ii) Moreover, we release the data.", "We release the data."),
        ("Furthermore, the method scales.", "The method scales."),
        ("(GPT-4) judges agree with humans.", "(GPT-4) judges agree with humans."),  # not a list marker
        ("(2024) was a busy year.", "(2024) was a busy year."),  # four digits: a year, kept
    ],
)
def test_strip_marker(sentence: str, expected: str) -> None:
    assert strip_marker(sentence) == expected


def test_anaphora_is_seen_behind_a_list_marker() -> None:
    assert is_anaphoric("(2) This makes training unstable.")
    assert not is_anaphoric("(2) Reward models make training unstable.")
