"""'What does X <verb> ...?' asks how X works through one verb: it is a mechanism question, and its lead is the
sentence of X's abstract that states that verb. Paraphrased questions on real seed text (not the eval wording).
"""

from __future__ import annotations

from pathlib import Path

from ask_helpers import first_cited
from reviewer.ask.question import QType, analyse
from reviewer.ask.verb import asked_verb, states_verb


def _lead(question: str) -> str:
    return first_cited(question)[0].text


def test_what_does_x_verb_is_a_mechanism_question() -> None:
    assert analyse("What does BVPO combine to lower the variance of its gradients?").qtype == QType.MECHANISM
    assert analyse("What does the Auto-CEI curriculum adjust over training?").qtype == QType.MECHANISM
    assert analyse("What does MultiRole-R1 rely on besides correctness rewards?").qtype == QType.MECHANISM
    # What X found or proposes as a whole is not one working step.
    assert asked_verb("What did the Policy Cliff paper find about reward design?") is None
    assert analyse("What does SEED-GRPO add to group relative policy optimization?").qtype == QType.NAMED


def test_the_asked_verb_must_be_used_as_a_verb_and_not_on_the_subject() -> None:
    assert states_verb("a simple, drop-in method that mixes two gradient estimators", "mix")
    assert not states_verb("BVPO strictly reduces trace-induced variance for any nontrivial mixture", "mix")
    assert states_verb("we further employ reinforcement learning via GRPO", "rely")
    assert not states_verb("the authors demonstrate that using TICK leads to a significant increase", "use", "TICK")
    # An "-ing" word is a verb after "by / via / while ..." or a comma, a noun elsewhere.
    assert states_verb("MiCRo enhances preference learning by leveraging large-scale binary preference data", "use")
    assert not states_verb("MiCRo enhances personalized preference learning from binary data", "learn")


def test_the_part_of_x_that_does_the_verb_leads(seeded_home: Path) -> None:
    assert "automatically adjusts rewards" in _lead("What does the Auto-CEI curriculum adjust over training?")


def test_the_introducing_sentence_that_states_the_verb_beats_a_result_sharing_the_nouns(seeded_home: Path) -> None:
    assert "mixes two gradient estimators" in _lead("What does BVPO mix together to stabilise its gradients?")


def test_the_authors_doing_the_verb_in_x_abstract_lead(seeded_home: Path) -> None:
    assert "multi-turn reinforcement learning" in _lead("What does EPO train its strategy model with?")


def test_a_result_that_uses_x_does_not_take_the_lead(seeded_home: Path) -> None:
    assert "instruction-specific checklists" in _lead("What does TICK use to evaluate whether instructions are followed?")


def test_a_result_sentence_stating_the_verb_does_not_displace_the_lead() -> None:
    """Seed sentences of the TICK abstract: in a result the verb reports an effect ("can be used to improve")."""
    from reviewer.ask.select import Scored
    from reviewer.ask.verb import verb_first
    from reviewer.models import EvidenceSentence
    from reviewer.roles import Role

    def scored(text: str, index: int, role: Role, score: float) -> Scored:
        return Scored(ev=EvidenceSentence(paper_id="tick", key="tick", index=index, text=text, score=score),
                      role=role, score=score)

    lead = scored("In this work, we propose TICK (Targeted Instruct-evaluation with ChecKlists), a fully automated, "
                  "interpretable evaluation protocol that structures evaluations with LLM-generated, "
                  "instruction-specific checklists.", 2, Role.METHOD, 0.8)
    result = scored("We then show that STICK (Self-TICK) can be used to improve generation quality across multiple "
                    "benchmarks via self-refinement and Best-of-N selection.", 6, Role.RESULT, 0.6)
    asked = asked_verb("What does TICK use to grade an answer?")
    assert verb_first([lead, result], asked, "TICK")[0] is lead
    # The same sentence as a method sentence would lead: the role is what keeps it out.
    method = result.model_copy(update={"role": Role.METHOD})
    assert verb_first([lead, method], asked, "TICK")[0] is method


def test_by_how_many_asks_for_a_number(seeded_home: Path) -> None:
    q = "By how many points does Parallel-R1 beat the baseline on AIME25?"
    assert analyse(q).qtype == QType.QUANTITATIVE
    assert "42.9%" in _lead(q)
