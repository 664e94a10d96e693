"""The lead sentence of `ask` answers the question: subject and predicate shared, the right shape per type.

Questions here are paraphrases, not the dev-set wording; the expected sentences are the seed abstracts' own.
"""

from __future__ import annotations

from pathlib import Path

from ask_helpers import first_cited
from reviewer.ask.question import analyse
from reviewer.ask.render import display
from reviewer.ask.select import Scored, mentions, subject_forms
from reviewer.models import EvidenceSentence
from reviewer.roles import Role
from reviewer.settings import Settings


def _lead(question: str) -> tuple[str, list[str], str]:
    first, answer = first_cited(question)
    return first.text, first.keys, answer.question_type


def test_subject_forms_drop_a_generic_head_noun_only_after_a_name() -> None:
    assert "Delethink" in subject_forms("Delethink environment", {})
    assert subject_forms("reward models", {}) == ["reward models"]


def test_an_acronym_inside_a_system_name_is_not_the_term() -> None:
    assert mentions("PRMs provide feedback at each step.", "process reward models")
    assert not mentions("ReasonFlux-PRM incorporates step-level supervision.", "process reward models")


def test_why_question_subject_stops_at_a_reporting_verb() -> None:
    assert analyse("Why is reward hacking thought to be so hard to prevent?").subject == "reward hacking"


def test_a_pronoun_lead_is_printed_with_its_antecedent() -> None:
    ev = EvidenceSentence(paper_id="p", key="p", index=1, text="They tend to latch on to response length.", score=1)
    assert display(Scored(ev=ev, role=Role.BACKGROUND, score=1, antecedent="reward models")).startswith(
        "Reward models tend to latch")


def test_why_lead_gives_the_cause_about_the_subject(seeded_home: Path) -> None:
    text, keys, qtype = _lead("Why do reward models end up relying on things like response length?")
    assert qtype == "mechanism"
    assert keys == ["robustreward"] and text.startswith("Reward models tend to latch on to superficial")


def test_mechanism_lead_names_the_asked_system(seeded_home: Path) -> None:
    text, keys, _ = _lead("How does the Delethink environment bound memory when the model thinks for a long time?")
    assert keys == ["markovianthinker"] and "Delethink" in text and "plateau" not in text


def test_why_lead_is_about_the_term_not_a_system_named_after_it(seeded_home: Path) -> None:
    text, keys, _ = _lead("Why might process reward models assign credit better than outcome-level rewards?")
    assert "ReasonFlux" not in text and keys[0] in {"rewardingprogress", "freeprocess"}


def test_what_does_x_add_leads_with_x_itself(seeded_home: Path) -> None:
    text, keys, qtype = _lead("What does SEED-GRPO bring to group relative policy optimization?")
    assert qtype == "named"
    assert keys == ["seedgrpo"] and "SEED-GRPO" in text and "semantic entropy" in text.lower()


def test_the_named_paper_answers_although_it_never_names_its_title(seeded_home: Path) -> None:
    text, keys, _ = _lead("What does the Policy Cliff paper identify as the reason policies are brittle?")
    assert keys == ["policycliff"] and "non-unique optimal actions" in text


def test_definition_lead_may_define_in_a_parenthesis(seeded_home: Path) -> None:
    text, _, qtype = _lead("What is reward hacking?")
    assert qtype == "definition" and "exploit misspecification of the reward model" in text


def test_definition_lead_may_be_a_hypothesis_that_posits(seeded_home: Path) -> None:
    text, keys, _ = _lead("What is meant by the Superficial Alignment Hypothesis?")
    assert keys == ["revisiting2024superficial"] and "posits" in text


def test_the_head_claim_judge_cuts_at_the_first_clause_but_keeps_comparisons_whole() -> None:
    from evals.ask import head_claim

    ref = "CRM maintains two reward models that filter noisy preferences by peer review, with curriculum learning."
    assert head_claim(ref, "mechanism") == "CRM maintains two reward models that filter noisy preferences by peer review."
    both = "DPO follows stable targets like supervised learning, whereas PPO follows dynamic targets."
    assert head_claim(both, "comparison") == both
    short = "S-GRPO differs: it samples one reasoning path and exits at several positions."
    assert head_claim(short, "mechanism") == short


def test_the_head_claim_cuts_a_participial_clause() -> None:
    from evals.ask import head_claim

    ref = "SEC learns a curriculum policy concurrently with RL fine-tuning, formulating selection as a bandit problem."
    assert head_claim(ref, "mechanism") == "SEC learns a curriculum policy concurrently with RL fine-tuning."


def test_the_head_judge_reads_the_lead_as_an_answer_to_the_question(settings: Settings) -> None:
    from evals.ask import AskCase, judge_first
    from reviewer.checker import ClaimChecker

    checker = ClaimChecker(settings)
    # Seed sentence (thoughtcrime), printed as the answer attributes it.
    reported = ("As background, this abstract reports earlier work: prior work shows that LLMs finetuned on malicious "
                "behaviors in a narrow domain (e.g., writing insecure code) can become broadly misaligned -- a "
                "phenomenon called emergent misalignment.")
    case = AskCase(q="What does emergent misalignment refer to?", type="definition", papers=["thoughtcrime"],
                   reference="Emergent misalignment is the phenomenon where LLMs finetuned on malicious behaviors in "
                             "a narrow domain become broadly misaligned.")
    assert judge_first(checker, case, reported)[1]
    # A sentence on something else does not answer, however it is attributed.
    other = reported.split(": ", 1)[0] + ": prior work shows that reward models latch on to response length."
    assert not judge_first(checker, case, other)[1]
