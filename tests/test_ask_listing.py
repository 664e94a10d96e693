"""The lead of a question asking for the members of a kind ("Which board games ...?", reviewer/ask/listing.py), on real
seed sentences at scores like the ranker's. Questions are paraphrases written for these tests, not eval wording."""

from __future__ import annotations

from reviewer.ask.listing import asked_kind, list_first, lists_kind
from reviewer.roles import Role
from reviewer.textutil import content_stems
from seed_text import scored

GAMES_ASIDE = "is not specific to board games, suggesting direct extensions"
GAMES_LISTED = "across several board games (Chess, Fischer Random / Chess960, Connect Four, and Hex)"
ONI_INTRO = "a distributed architecture that simultaneously learns an RL policy and an intrinsic reward function"
ONI_LISTED = "including hashing, classification, and ranking models"
EPO_INTRO = "we propose explicit policy optimization (EPO) for strategic reasoning"
EPO_TASKS = "achieving state-of-the-art performance on social dialogue and web navigation tasks"


def test_a_plural_or_counted_kind_is_asked_for_its_members_and_a_verb_is_no_kind() -> None:
    assert asked_kind("Which card games did the planning study play?") == "card games"
    assert asked_kind("In which three settings was the agent tested?") == "settings"
    assert asked_kind("What kinds of reward models were compared?") == "reward models"
    assert asked_kind("What four tasks does the benchmark hold?") == "tasks"
    # "estimates" is the verb of "Which method ...", "process" is singular, "Which is ..." asks for one.
    assert asked_kind("Which method estimates uncertainty per pair?") == ""
    assert asked_kind("Which process does the agent follow?") == ""
    assert asked_kind("Which is better, A or B?") == ""


def test_a_sentence_lists_the_kind_only_with_members_and_the_kind_named() -> None:
    stems = content_stems
    assert lists_kind(scored(GAMES_LISTED, 0.7).ev.text, "board games", stems)
    assert not lists_kind(scored(GAMES_ASIDE, 0.7).ev.text, "board games", stems)  # names the kind, lists nothing
    assert lists_kind(scored(EPO_TASKS, 0.7).ev.text, "tasks", stems)  # two members before the kind
    assert not lists_kind(scored(GAMES_LISTED, 0.7).ev.text, "tasks", stems)  # a list of another kind


def test_the_sentence_listing_the_asked_members_leads_over_one_that_only_mentions_them() -> None:
    aside = scored(GAMES_ASIDE, 0.75)
    listed = scored(GAMES_LISTED, 0.70)
    question = "Which board games did the search-and-planning language model play?"
    assert list_first([aside, listed], question, content_stems)[0] is listed
    # A lead that already lists them stays; a question not asking for members leaves the order alone.
    assert list_first([listed, aside], question, content_stems)[0] is listed
    assert list_first([aside, listed], "How does search improve the language model's play?", content_stems)[0] is aside


def test_an_introduction_yields_to_the_listing_sentence_of_its_abstract() -> None:
    intro = scored(ONI_INTRO, 0.93)
    listed = scored(ONI_LISTED, 0.55)
    assert list_first([intro, listed], "What kinds of reward models did the LLM-feedback intrinsic reward system try?",
                      content_stems)[0] is listed
    epo = scored(EPO_INTRO, 0.94)
    tasks = scored(EPO_TASKS, 0.72)
    assert list_first([epo, tasks], "On which tasks is the strategic-reasoning policy optimiser best?",
                      content_stems)[0] is tasks


def test_a_listing_far_below_the_lead_or_in_the_background_does_not_lead() -> None:
    intro = scored(ONI_INTRO, 0.93)
    weak = scored(ONI_LISTED, 0.2)
    question = "What kinds of reward models did the LLM-feedback intrinsic reward system try?"
    assert list_first([intro, weak], question, content_stems)[0] is intro
    background = scored(ONI_LISTED, 0.55).model_copy(update={"role": Role.BACKGROUND})
    assert list_first([intro, background], question, content_stems)[0] is intro
