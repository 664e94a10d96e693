"""'What is reward overoptimization?': a sentence on reward models that defines the head word alone
("overoptimization, wherein ...") defines the compound term. Seed text, paraphrased question."""

from __future__ import annotations

from pathlib import Path

from ask_helpers import first_cited
from reviewer.ask.define import definition_strength

# A seed sentence (the composite reward models abstract).
WHEREIN = ("Compounding this difficulty, because any RM is only a proxy for human evaluation, this process is "
           "vulnerable to overoptimization, wherein past a certain point, accumulating higher reward is associated "
           "with worse human ratings.")


def test_the_head_word_defined_with_wherein_defines_the_compound_term() -> None:
    assert definition_strength(WHEREIN, "reward overoptimization") == 2
    # Every modifier must be in the sentence: it does not define "policy overoptimization".
    assert definition_strength(WHEREIN, "policy overoptimization") == 0


def test_what_does_reward_overoptimization_mean_leads_with_the_definition(seeded_home: Path) -> None:
    lead = first_cited("What does reward overoptimization mean?")[0].text
    assert "accumulating higher reward is associated with worse human ratings" in lead
