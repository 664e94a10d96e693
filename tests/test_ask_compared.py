"""`ask` refuses a comparison no close abstract makes -- the side the question compares with is named by none of the
papers the answer would quote -- and answers comparisons whose side an abstract names, also in other words
(reviewer/ask/compared.py, branch a33). Questions are written for these tests on real seed papers, in other words than
the eval sets use."""

from __future__ import annotations

from pathlib import Path

from reviewer.ask.answer import answer_question
from reviewer.ask.compared import compared_side
from reviewer.models import Answer
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings
from reviewer.textutil import stems_with_parts


def _ask(question: str) -> Answer:
    settings = Settings()
    return answer_question(question, settings, HybridRetriever(settings))


def test_the_compared_side_is_read_up_to_the_setting_of_the_comparison() -> None:
    assert compared_side("How does the RL-only medical model compare with human doctors on licensing exams?") \
        == "human doctors"
    assert compared_side("Compared with GRPO, how does XRPO decide how many rollouts each prompt receives?") == "GRPO"
    assert compared_side("Is Arithmetic-GPT better than classic cognitive models at forecasting choices?") \
        == "classic cognitive models"
    assert compared_side("Does TPO beat DPO?") == "DPO"
    # A contrast of aims and a question comparing nothing name no compared side.
    assert compared_side("What does PIT maximize instead of how good a single response is?") is None
    assert compared_side("How does TPO build its preference trees?") is None


def test_a_hyphenated_word_of_an_abstract_names_its_parts() -> None:
    # "general models" is named by an abstract's "general-domain counterparts".
    assert "general" in stems_with_parts("than their general-domain counterparts")
    assert "doctor" not in stems_with_parts("than their general-domain counterparts")


def test_a_comparison_with_a_side_no_close_abstract_names_is_refused(seeded_home: Path) -> None:
    for question, side in (
        # AlphaMed's abstract (and its neighbours') compare it with SFT+RL pipelines, never with doctors.
        ("How do the licensing-exam results of the medical model trained only with minimalist rule-based RL rewards "
         "compare with those of human doctors?", "those of human doctors"),
        # "human" is in the close abstracts (as in 45% of the corpus), "doctors" in none: the common word does not
        # name the side.
        ("Does the medical LLM trained purely with rule-based RL rewards beat human doctors on medical QA?",
         "human doctors"),
        # TrustJudge's abstract measures judge inconsistency; no close abstract names radiologists.
        ("How accurate are LLM judges of radiology reports compared with expert radiologists?", "expert radiologists"),
    ):
        answer = _ask(question)
        assert answer.refused, answer.answer
        assert f"never mention '{side}'" in answer.answer, answer.answer


def test_a_comparison_whose_side_an_abstract_names_is_answered(seeded_home: Path) -> None:
    for question, key in (
        # RLHS: "consistently outperforms RLHF in helping users achieve their goals".
        ("Does hindsight-simulated feedback beat ordinary RLHF at helping users reach their goals?", "rlhsmitigating"),
        # TPO: "consistently outperforms DPO across three public large language models".
        ("How does the tree-structured preference optimisation compare with DPO across public language models?",
         "tpoaligning"),
        # The side in other words than the abstracts use.
        ("Do language models further pretrained on biomedical text beat the general models they started from?", ""),
    ):
        answer = _ask(question)
        assert not answer.refused, answer.answer
        assert key in {c.key for c in answer.citations} or not key, answer.answer
