"""The learned lead picker's tooling (evals/lead_features.py, evals/fit_lead.py; follow-up 25, not kept in `ask`).

Real Step-DPO abstract sentences from the seeds; the weights are hand-set so each test checks one behaviour.
"""

from __future__ import annotations

import numpy as np

from evals import lead_features
from evals.ask_leads import Candidate, QuestionLeads
from evals.fit_lead import own

_DATA = ("Additionally, we have developed a data construction pipeline for Step-DPO, enabling the creation of a "
         "high-quality dataset containing 10K step-wise preference pairs.")
_UNIT = ("We propose a simple, effective, and data-efficient method called Step-DPO, which treats individual "
         "reasoning steps as units for preference optimization rather than evaluating answers holistically.")
_GAIN = ("Our findings demonstrate that as few as 10K preference data pairs and fewer than 500 Step-DPO training steps "
         "can yield a nearly 3% gain in accuracy on MATH for models with over 70B parameters.")
_Q = "In what way does Step-DPO change the unit that preference optimization works on?"


def _coverage_model(margin: float) -> tuple[np.ndarray, float, float]:
    w = np.zeros(len(lead_features.names()))
    w[lead_features.names().index("coverage")] = 4.0
    return w, 0.0, margin


def test_question_forms() -> None:
    assert lead_features.question_form("How large a gain on MATH does Step-DPO get from about 10K pairs?") == "howmany"
    assert lead_features.question_form(
        "According to the benchmark of managerial dilemmas, why do frontier models pick harmful actions?") == "why"
    assert lead_features.question_form(
        "When models are fine-tuned with the chain of thought off, do monitors catch the misalignment?") == "yesno"
    assert lead_features.question_form("How does Step-DPO build its preference pairs?") == "how"
    assert lead_features.question_form(_Q) == "what"


def test_pick_moves_only_past_the_margin() -> None:
    cands = [(_DATA, "method", 1.0, 6), (_UNIT, "method", 0.9, 5), (_GAIN, "result", 0.8, 8)]
    assert lead_features.pick(_Q, cands, _coverage_model(0.5)) == 1
    assert lead_features.pick(_Q, cands, _coverage_model(5.0)) == 0


def test_only_the_leads_own_abstract_is_ranked() -> None:
    def cand(text: str, key: str) -> Candidate:
        return Candidate(printed=text, key=key, index=0, role="method", score=1.0, relevance=1.0, similarity=0.5,
                         prior=0.0, order=0.0, expected_paper=key == "stepdpo", label=False, hand=False)

    row = QuestionLeads(set="dev", q=_Q, qtype="general", reference="",
                        candidates=[cand(_DATA, "stepdpo"), cand(_GAIN, "other"), cand(_UNIT, "stepdpo")])
    assert [c.printed for c in own(row)] == [_DATA, _UNIT]
