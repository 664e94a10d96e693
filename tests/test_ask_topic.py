"""`ask` refuses a yes/no question whose words no abstract uses pull it away from the closest evidence (the evidence is
closer to the question without them: a topic the corpus does not cover), and answers one whose unused words restate
what the evidence says in other words (reviewer/ask/topic.py, branch a30). Questions are written for these tests."""

from __future__ import annotations

from pathlib import Path

from reviewer.ask.answer import answer_question
from reviewer.ask.topic import pulled_away, without_words
from reviewer.models import Answer
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings


def _ask(question: str) -> Answer:
    settings = Settings()
    return answer_question(question, settings, HybridRetriever(settings))


def test_the_unused_words_are_struck_whole_and_only_yes_no_questions_are_judged() -> None:
    assert without_words("Does CoT help time-series forecasting of sales?", ["forecasting", "sales"]) == \
        "Does CoT help time-series of ?"
    assert without_words("Does text-to-music help?", ["music"]) == "Does text-to-music help?"
    never = lambda text: []  # noqa: E731 - a ranker that must not be asked for a wh-question
    assert pulled_away("Which tongues does the benchmark cover?", ["tongues"], 0.6, never) is None
    assert pulled_away("Does CoT help?", [], 0.6, never) is None
    assert pulled_away("Does CoT help Klingon?", ["Klingon"], 0.6, never) == -0.6


def test_a_yes_no_question_on_a_topic_no_abstract_covers_is_refused(seeded_home: Path) -> None:
    for question, word in (
        ("Do reward models trained on English work for Klingon?", "Klingon"),
        ("Does preference optimisation make weather forecasts from LLMs more accurate?", "weather"),
        ("Can GRPO teach a model to compose chess problems for magazines?", "magazines"),
    ):
        answer = _ask(question)
        assert answer.refused, answer.answer
        assert f"'{word}'" in answer.answer, answer.answer


def test_a_yes_no_question_in_other_words_than_its_abstract_is_answered(seeded_home: Path) -> None:
    # enableimplicitly: "those methods usually require explicitly and thoroughly written rubrics as inputs to LLMs";
    # "rubrics by hand" and "anyone" are the question's own words, "anyone" in no abstract.
    answer = _ask("Can a model pick up self-improvement from data without anyone writing out grading rubrics by hand?")
    assert not answer.refused, answer.answer
    assert "enableimplicitly" in {c.key for c in answer.citations}, answer.answer
    # "wordier" and "rambling" are in no abstract; they restate "denser responses" and "overthinking", so striking
    # them out does not bring either question closer to its evidence.
    for question in ("Do people who rate responses one at a time favour wordier replies?",
                     "Can a reasoning model learn to stop its thinking early instead of rambling on?"):
        answer = _ask(question)
        assert not answer.refused, answer.answer
