"""c38: a value range in a claim read against the range of the same unit in its best sentence (`ranges.py`), and
cost words as a polar pair (`stance.py`).

'from 10% to 89%' against the abstract's 'increased from 10% to 99%': the changed end is a value the abstract never
gives, and no word beside it names what it measures, so the number reader called it unverifiable (UNSUPPORTED).
Read by position, the claim's other end equal to one end of a sentence range makes the changed end that range's
other end; with no end shared, the sentence's only range of that unit is the one the claim restates.
"""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.numbers import check_numbers, extract_numbers
from reviewer.checker.ranges import spans_in
from seed_text import assert_contradicted_twin, paper_with, sentence_with

SGRPO = "S-GRPO achieves a substantial reduction in sequence length (35.4% - 61.1%)"
SIMPLETOM = "judgment accuracies (e.g., from 15.3% to 94.7% in GPT-4o)"
FOREAL = "FoReaL-Decoding reduces theoretical FLOPs by 30 to 50%"
TICK = "leads to a significant increase (46.4% to 52.2%) in the frequency of exact agreements"
DICES = "Preserving such variance in content and diversity in datasets is often expensive and laborious"


def _caught_and_twin_supported(checker: ClaimChecker, fragment: str, changed: str, faithful: str) -> None:
    """The changed range is CONTRADICTED and the same claim with the abstract's range is SUPPORTED."""
    paper = paper_with(fragment)
    assert checker.check(changed, [paper]).label == "CONTRADICTED", changed
    assert checker.check(faithful, [paper]).label == "SUPPORTED", faithful


def test_a_changed_end_in_brackets_is_read_against_the_other_end_of_the_sentences_range(checker: ClaimChecker) -> None:
    # '(35.4% - 61.1%)': no word beside the bracketed values, so only their place in the range says what they are
    _caught_and_twin_supported(
        checker, SGRPO,
        "S-GRPO cuts sequence length by between 35.4% and 71.1% and still improves accuracy.",
        "S-GRPO cuts sequence length by between 35.4% and 61.1% and still improves accuracy.")


def test_the_range_sharing_the_claims_other_end_is_chosen_among_two(checker: ClaimChecker) -> None:
    # the sentence gives two 'from A to B' ranges (action prediction 49.5-93.5%, judgment 15.3-94.7%)
    _caught_and_twin_supported(
        checker, SIMPLETOM,
        "Reminding GPT-4o of its earlier mental-state answer lifts its judgment accuracy from 15.3% to 84.7%.",
        "Reminding GPT-4o of its earlier mental-state answer lifts its judgment accuracy from 15.3% to 94.7%.")


def test_a_first_end_without_its_unit_takes_the_second_ends() -> None:
    # 'by 30 to 50%': the range's first end is a percent too, so '30 to 70%' changes the upper end only
    sentence = sentence_with(FOREAL)
    assert [(s.low.raw, s.low.unit, s.high.raw) for s in spans_in(sentence, extract_numbers(sentence))][0] == \
        ("30", "%", "50%")


def test_with_no_end_shared_the_only_range_of_a_well_aligned_sentence_is_the_one_restated() -> None:
    sentence = sentence_with(TICK)
    claim = ("Using TICK raises the frequency of exact agreements between LLM judgements and human preferences "
             "from 36.4% to 42.2%.")
    assert check_numbers(claim, sentence, [(0, sentence, 0.6)]).conflicts == [("36.4%", "46.4%", 0),
                                                                             ("42.2%", "52.2%", 0)]
    # a sentence that states less than half the claim binds no range
    assert not check_numbers(claim, sentence, [(0, sentence, 0.3)]).conflicts


def test_cheap_is_the_opposite_of_expensive_and_laborious(checker: ClaimChecker) -> None:
    assert_contradicted_twin(
        checker, DICES,
        "Keeping variance in content and diversity in datasets is usually cheap.",
        "Keeping variance in content and diversity in datasets is usually costly.")
