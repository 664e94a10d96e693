"""Follow-up 15: a why-question's lead from another paper yields to the cause sentence of the paper ranker's first
paper when it scores nearly as well. Real seed sentences at ranker-like scores; questions worded for these tests."""

from __future__ import annotations

from pathlib import Path

from reviewer.ask.answer import answer_question
from reviewer.ask.lead import CAUSE
from reviewer.ask.whypaper import WHY_PAPER_SHARE, why_from_first_paper
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings
from seed_text import paper_with
from seed_text import scored as _scored

_OTHER = "Our algorithm eliminates the need for human involvement in training data generation"
_CAUSE_SENTENCE = "directly applying existing RL algorithms, such as Reinforce++, to reward modeling often leads to"
_RESULT = "trained using the StableReinforce algorithm on this dataset, significantly improves performance"


def _has_cause(text: str) -> bool:
    return bool(CAUSE.search(text))


def test_the_first_papers_cause_leads_over_another_papers_sentence() -> None:
    first = paper_with(_CAUSE_SENTENCE).id
    out = [_scored(_OTHER, 0.93), _scored(_RESULT, 0.79), _scored(_CAUSE_SENTENCE, 0.75)]
    led = why_from_first_paper(out, first, _has_cause)
    assert _CAUSE_SENTENCE in led[0].ev.text
    # Its result sentence, though higher, says how well, not why: it is passed over.
    assert _RESULT in led[2].ev.text


def test_the_lead_stays_when_the_cause_is_far_below_or_the_lead_is_the_first_papers() -> None:
    first = paper_with(_CAUSE_SENTENCE).id
    far = [_scored(_OTHER, 0.93), _scored(_CAUSE_SENTENCE, WHY_PAPER_SHARE * 0.93 - 0.01)]
    assert _OTHER in why_from_first_paper(far, first, _has_cause)[0].ev.text
    other_first = paper_with(_OTHER).id
    near = [_scored(_OTHER, 0.93), _scored(_CAUSE_SENTENCE, 0.9)]
    assert _OTHER in why_from_first_paper(near, other_first, _has_cause)[0].ev.text


def test_a_why_question_opens_with_the_cause_its_paper_gives(seeded_home: Path) -> None:
    settings = Settings()
    answer = answer_question("Why was a new reinforcement learning algorithm needed to train multimodal reward models?",
                             settings, HybridRetriever(settings))
    lead = answer.answer.split("\n")[0]
    assert "[@r1reward]" in lead and "training instability" in lead


def test_a_result_that_leads_to_gains_is_no_cause() -> None:
    # "incorporating TRM into policy optimization leads to significant gains": a finding of how well, not a reason.
    gains = "incorporating TRM into policy optimization leads to significant gains"
    challenge = "RLVR faces significant challenges due to the difficulty of verifying correctness"
    first = paper_with(gains).id
    out = [_scored("the relevance score obtained by a retriever alone is vulnerable to reward hacking", 0.59),
           _scored(gains, 0.55), _scored(challenge, 0.50)]
    assert challenge in why_from_first_paper(out, first, _has_cause)[0].ev.text
