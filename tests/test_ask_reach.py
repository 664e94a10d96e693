"""A paraphrase that coins hyphenated compounds is not off-domain, and a count question asked with a comparative
("how much quicker") is led by its paper's figure wherever relevance placed it (reviewer/ask/names.py, aspect.py).
Questions are written for these tests, not eval wording; sentences are real seed text."""

from __future__ import annotations

from pathlib import Path

from reviewer.ask.answer import answer_question
from reviewer.ask.aspect import asks_count, figure_first
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings
from seed_text import scored


def test_a_comparative_how_much_question_asks_for_a_figure() -> None:
    assert asks_count("How much quicker is the new planner than the runner-up?")
    assert asks_count("How much longer do the reasoning traces get?")
    assert not asks_count("How much do LLM political stances depend on the prompt?")


def test_the_figure_sentence_leads_from_beyond_the_ten_best_candidates() -> None:
    # The driving-policy abstract states its speed only in a long result sentence that relevance places far down.
    lead = scored("we leverage Signal Temporal Logic (STL) and Diffusion Models", 0.62)
    others = [scored("BESO decouples the learning of the score model", 0.6 - 0.01 * i) for i in range(10)]
    figure = scored("with a runtime 1/17X to the second-best approach", 0.45)
    out = figure_first([lead, *others, figure])
    assert "1/17X" in out[0].ev.text


def test_a_paraphrase_with_coined_compounds_is_answered(seeded_home: Path) -> None:
    # "logic-guided", "diffusion-based", "road-agent": no abstract spells them so, but every part is the corpus's;
    # counted unknown, they made most of the question "off-domain" and it was refused.
    settings = Settings()
    question = "How much speedier is the logic-guided diffusion-based road-agent simulator than the runner-up?"
    answer = answer_question(question, settings, HybridRetriever(settings))
    assert not answer.refused, answer.answer
    assert "diversecontrollable" in {c.key for c in answer.citations}
