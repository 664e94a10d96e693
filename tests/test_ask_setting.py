"""`ask` refuses a question asking FOR a setting of a method (a sampling temperature, a KL coefficient, a vocabulary
size) or the model it was built on when no close abstract states a value of it, and answers one whose abstract does
(reviewer/ask/setting.py, branch a30). Questions are written for these tests on real seed papers, in other words than
the eval sets use, and name no corpus name."""

from __future__ import annotations

from pathlib import Path

from reviewer.ask.answer import answer_question
from reviewer.ask.setting import MODEL_ROLE, asked_setting, states_setting
from reviewer.models import Answer
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings


def _ask(question: str) -> Answer:
    settings = Settings()
    return answer_question(question, settings, HybridRetriever(settings))


def test_the_setting_is_what_the_question_asks_for_not_what_it_mentions() -> None:
    assert asked_setting("What sampling temperature were the drafts generated at?") == "sampling temperature"
    assert asked_setting("Which KL coefficient did the RL phase use?") == "coefficient"
    assert asked_setting("How many training steps did the method need?") == "number of training steps"
    assert asked_setting("Which base model was fine-tuned?") == MODEL_ROLE
    assert asked_setting("What backbone does the judge use?") == MODEL_ROLE
    # A gain from tuning a setting, models a study compared, an ordering: no setting is asked for.
    assert asked_setting("By how much can tuning the sampling temperature improve reasoning?") is None
    assert asked_setting("Which three models did the study compare?") is None
    assert asked_setting("How do reward models rank responses?") is None


def test_a_setting_is_stated_only_by_a_value_beside_its_words() -> None:
    assert states_setting("sampling temperature", "Drafts are sampled at a temperature of 0.7.")
    # bagtricks: the setting is named, its value is not.
    assert not states_setting("sampling temperature", "Tuning temperature can improve reasoning task performance "
                                                      "by up to 5%.")
    # SALMON names its base model; SPC says only "a base model".
    assert states_setting(MODEL_ROLE, "Applying our method to the LLaMA-2-70b base language model, we developed an "
                                      "AI assistant named Dromedary-2.")
    assert not states_setting(MODEL_ROLE, 'SPC involves fine-tuning two copies of a base model to play two roles, '
                                          'namely a "sneaky generator" and a "critic".')


def test_an_unstated_setting_or_base_model_is_refused(seeded_home: Path) -> None:
    for question, said in (
        # Parallel-Distill-Refine's abstract (and its neighbours') give no temperature value.
        ("At what temperature were the parallel drafts sampled in the draft-distill-refine inference scheme?",
         "no value of the sampling temperature"),
        # SALMON's abstract names LLaMA-2-70b but no KL penalty or its coefficient.
        ("What KL coefficient did the principle-following self-alignment method use during its RL phase?",
         "no value of the coefficient"),
        # SPC's abstract: "fine-tuning two copies of a base model", never which.
        ("Which base model were the sneaky generator and the critic of the adversarial self-play critic copied from?",
         "name no model the method was built on"),
    ):
        answer = _ask(question)
        assert answer.refused, answer.answer
        assert said in answer.answer, answer.answer


def test_a_setting_or_base_model_the_closest_abstract_gives_is_answered(seeded_home: Path) -> None:
    for question, key in (
        # "a two-stage fine-tuning process on the Qwen2.5-72B base model".
        ("Which base model did the Japanese medical reasoning work fine-tune in two stages?", "stabilizingreasoning"),
        # Step-DPO: "fewer than 500 Step-DPO training steps can yield a nearly 3% gain in accuracy on MATH".
        ("How many training steps did step-wise preference optimisation need for its gain on MATH?", "stepdpo"),
        # CDR: "... with which we preference tune Llama-3-8B-Instruct with SimPO".
        ("Which backbone model did the customizable pairwise reward method preference-tune with SimPO?",
         "cdrcustomizable"),
    ):
        answer = _ask(question)
        assert not answer.refused, answer.answer
        assert key in {c.key for c in answer.citations}, answer.answer


def test_the_papers_own_model_beside_a_training_verb_is_not_the_model_it_was_built_on() -> None:
    # RM-R1's abstract trains "a family of ReasRMs, RM-R1": the name its title gives is what was built, not a base model.
    title = "RM-R1: Reward Modeling as Reasoning"
    own = "We propose a reasoning-oriented training pipeline and train a family of ReasRMs, RM-R1."
    assert not states_setting(MODEL_ROLE, f"{title}. {own}", title)
    # A size variant of the title's name is the paper's own too ("ReasonFlux-PRM-7B" under "ReasonFlux-PRM: ...").
    assert not states_setting(MODEL_ROLE, "We train ReasonFlux-PRM-7B on trajectories.", "ReasonFlux-PRM: Trajectory-Aware PRMs")
    # Another model beside the verb still states it, and without the title the own name counts as before.
    assert states_setting(MODEL_ROLE, f"{title}. We train RM-R1 from Qwen2.5-14B-Instruct.", title)
    assert states_setting(MODEL_ROLE, own)
