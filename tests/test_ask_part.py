"""The lead of a question about one part of a method that its abstract describes part by part ("For rollout sampling, we
propose ...", reviewer/ask/aspect.py `part_first`), on real seed sentences at scores like the ranker's. Questions are
paraphrases written for these tests, not eval wording."""

from __future__ import annotations

from reviewer.ask.aspect import framed_part, part_first
from reviewer.textutil import content_stems
from seed_text import scored

HAPO_INTRO = "we introduce Heterogeneous Adaptive Policy Optimization (HAPO)"
HAPO_SAMPLING = "For rollout sampling, we propose Adaptive Temperature Sampling"
HAPO_ADVANTAGE = "For advantage calculation, we introduce Token Level Group Average"
HAPO_CLIPPING = "For clipping loss, we design Asymmetric Adaptive Clipping"


def _asked(question: str) -> set[str]:
    return set(content_stems(question.replace("-", " ")))


def test_the_heading_counts_only_when_the_question_asks_for_that_part() -> None:
    sampling = scored(HAPO_SAMPLING, 0.5).ev.text
    assert framed_part(sampling, _asked("How does HAPO pick the temperature when sampling rollouts?"), content_stems)
    assert not framed_part(sampling, _asked("How does HAPO clip its loss?"), content_stems)
    # "For example, ..." / "For each pair, ..." head no part of a method.
    assert not framed_part("For example, sampling rollouts is costly.", _asked("How are rollouts sampled?"), content_stems)
    # A hyphenated compound in the question names the same part as the abstract's two words.
    assert framed_part("For action prediction, we propose a reward.", _asked("How is the action-prediction step "
                                                                             "rewarded?"), content_stems)


def test_the_sentence_headed_by_the_asked_part_beats_the_introduction_and_the_other_parts() -> None:
    intro = scored(HAPO_INTRO, 0.95)
    sampling = scored(HAPO_SAMPLING, 0.55)
    advantage = scored(HAPO_ADVANTAGE, 0.50)
    clipping = scored(HAPO_CLIPPING, 0.45)
    ranked = [intro, sampling, advantage, clipping]
    assert part_first(ranked, "How does the token-aware GRPO variant normalise advantages?", content_stems)[0] is advantage
    assert part_first(ranked, "What does the entropy-adaptive method change in its clipping of the loss?",
                      content_stems)[0] is clipping


def test_the_lead_stays_when_no_part_is_asked_or_the_part_scores_far_below() -> None:
    intro = scored(HAPO_INTRO, 0.95)
    advantage = scored(HAPO_ADVANTAGE, 0.50)
    assert part_first([intro, advantage], "What does HAPO adapt its optimisation to?", content_stems)[0] is intro
    weak = advantage.model_copy(update={"score": 0.2})
    assert part_first([intro, weak], "How does HAPO normalise advantages?", content_stems)[0] is intro


def test_a_question_about_one_part_of_a_two_part_method_is_led_by_that_part() -> None:
    intro = scored("Specifically, Shop-R1 decomposes the human behavior simulation task into two stages", 0.93)
    rationale = scored("For rationale generation, we leverage internal model signals", 0.37)
    action = scored("For action prediction, we propose a hierarchical reward structure", 0.40)
    ranked = [intro, action, rationale]
    assert part_first(ranked, "What rewards the rationale generation stage of the shopping simulator?",
                      content_stems)[0] is rationale
    assert part_first(ranked, "How is the action-prediction reward of the shopping simulator kept from being hacked?",
                      content_stems)[0] is action


def test_an_added_part_is_headed_after_its_connective() -> None:
    intro = scored("For the RM approach, we adopt pointwise generative reward modeling", 0.45)
    added = scored("Furthermore, for effective inference-time scaling, we use parallel sampling", 0.41)
    assert part_first([intro, added], "How does DeepSeek-GRM scale at inference time?", content_stems)[0] is added
