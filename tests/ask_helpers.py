"""The first cited sentence of a real offline answer: what the lead-selection tests assert on."""

from __future__ import annotations

from reviewer.ask.answer import answer_question
from reviewer.citations import CitedSentence, cited_sentences
from reviewer.models import Answer
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings


def first_cited(question: str) -> tuple[CitedSentence, Answer]:
    """Answer with the seeded home's index; fail clearly when the question was refused."""
    settings = Settings()
    answer = answer_question(question, settings, HybridRetriever(settings))
    assert not answer.refused, answer.answer
    return next(c for c in cited_sentences(answer.answer) if c.keys), answer
