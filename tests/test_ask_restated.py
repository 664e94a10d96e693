"""A lead that restates the question with a name yields to the sentence saying how; "what does X use in place
of Y" is answered by what stands in Y's place. Paraphrased questions on real seed text (not the eval wording).
"""

from __future__ import annotations

from pathlib import Path

from ask_helpers import first_cited
from reviewer.ask.lead import asks_replacement, names_method, restates
from reviewer.textutil import content_stems

# A seed sentence (the CritiQ abstract).
CRITIQ_INTRO = ("We introduce CritiQ, a novel data selection method that automatically mines criteria from human "
                "preferences for data quality with only sim30 human-annotated pairs and performs efficient data selection.")


def _lead(question: str) -> str:
    return first_cited(question)[0].text


def test_an_introducing_sentence_that_repeats_the_question_restates_it() -> None:
    asked = set(content_stems("quality criteria mined from human preferences"))
    assert restates(CRITIQ_INTRO, asked, content_stems)
    # A finding that repeats the question's words introduces nothing: it is not a restatement.
    finding = ("Experiments on multiple preference datasets demonstrate that MiCRo effectively captures diverse "
               "human preferences and significantly improves downstream personalization.")
    assert not restates(finding, set(content_stems("capture diverse human preferences")), content_stems)
    # An introducing sentence on another predicate does not restate this question.
    assert not restates(CRITIQ_INTRO, set(content_stems("reduce reasoning length entropy")), content_stems)


def test_how_question_led_by_a_restatement_takes_the_sentence_saying_how(seeded_home: Path) -> None:
    lead = _lead("How does CritiQ mine quality criteria from human preferences?")
    assert "employs a manager agent" in lead


def test_how_question_prefers_the_works_by_sentence_of_the_same_abstract(seeded_home: Path) -> None:
    lead = _lead("How does Self-Rationalization improve judge models?")
    assert lead.startswith("Self-rationalization works by having the model generate multiple judgments")


def test_staged_method_leads_with_its_first_stage_over_the_restating_intro(seeded_home: Path) -> None:
    lead = _lead("How does MiCRo capture personalized preferences from binary preference data?")
    assert "context-aware mixture modeling" in lead


def test_what_does_x_use_in_place_of_y_is_answered_by_the_stand_in(seeded_home: Path) -> None:
    assert asks_replacement("What does ROVER use in place of generalized policy iteration?")
    assert not asks_replacement("What does ROVER improve on math benchmarks?")
    lead = _lead("What does ROVER use in place of generalized policy iteration?")
    assert "Q-function of a fixed uniformly random policy" in lead


def test_a_method_name_is_a_coined_word_not_a_description() -> None:
    assert not names_method("We introduce a new, a training-free, game-theoretic procedure for language model decoding.")
    assert names_method("We propose Game-Theoretic Alignment (GTAlign), an alignment framework.")
    assert names_method("The authors introduce Crome (Causally Robust Reward Modeling), a novel framework.")


def test_list_question_lead_names_a_method(seeded_home: Path) -> None:
    lead = _lead("Which approaches apply game-theoretic ideas to language model generation?")
    assert names_method(lead) and "game" in lead.lower()


def test_a_restated_lead_yields_to_what_the_method_involves(seeded_home: Path) -> None:
    lead = _lead("How does SPC train a critic through adversarial self-play?")
    assert lead.startswith("SPC involves fine-tuning two copies of a base model")


def test_what_does_x_do_instead_of_y_leads_with_the_stand_in(seeded_home: Path) -> None:
    # "What does X do ...?" rewards X's own sentences; the sentence on what stands in Y's place still leads.
    lead = _lead("What does ROVER do instead of generalized policy iteration?")
    assert "Q-function of a fixed uniformly random policy" in lead
