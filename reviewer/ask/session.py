"""A warm `ask` session: the index, the models and the corpus's names are loaded once for many questions.

`reviewer chat` and `reviewer ask` reading questions from stdin both use it, so a follow-up question
pays only retrieval and evidence ranking, not the start-up (imports, Chroma, onnxruntime, BM25).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

import click

from reviewer.settings import Settings

if TYPE_CHECKING:
    from reviewer.models import Answer
    from reviewer.retrieve import Filters

JSON_FIELDS = {"answer", "citations", "refused", "mode", "notes", "question_type", "sentences", "evidence",
               "closest_names"}


class AskSession:
    """Everything `ask` needs, opened once."""

    def __init__(self, settings: Settings, quiet: bool | None = None) -> None:
        from reviewer.ask.names import corpus_names
        from reviewer.services import make_llm, open_retriever

        self.settings = settings
        self.retriever = open_retriever(settings, quiet=quiet)
        self.llm = make_llm(settings)
        self.names = corpus_names(self.retriever.catalog, settings.home)

    def warm(self) -> None:
        """Load the embedding model and build the name index now, so the first question is fast too."""
        self.retriever.index_query("warm up")
        _ = self.names.names, self.names.expansions, self.names.known("warm"), self.names.vocabulary, self.names.common

    def ask(self, question: str, k: int | None = None, filters: Filters | None = None) -> Answer:
        from reviewer.ask.answer import answer_question

        return answer_question(question, self.settings, self.retriever, k=k, llm=self.llm, filters=filters,
                               names=self.names)

    def references(self, answer: Answer) -> list[str]:
        from reviewer.references import format_reference

        found = self.retriever.catalog.get_many(c.id for c in answer.citations)
        return [f"[{n}] @{c.key}: {format_reference(found.get(c.id) or c)}"
                for n, c in enumerate(answer.citations, start=1)]

    def print_answer(self, answer: Answer, as_json: bool, compact: bool = False, out: TextIO | None = None) -> None:
        """Human form: wrapped answer, then references, then notes on stderr. JSON: one object."""
        from reviewer.ask.render import wrap
        from reviewer.termsafe import sanitize, sanitize_json

        if as_json:
            payload = answer.model_dump(include=JSON_FIELDS)
            click.echo(sanitize_json(json.dumps(payload, ensure_ascii=False, indent=None if compact else 2)), file=out)
            return
        width = None if _is_tty(out) else 0
        click.echo(sanitize(_wrap_or_not(answer.answer, width, wrap)), file=out)  # LLM text: no escape codes
        refs = self.references(answer)
        if refs:
            click.echo("\nReferences", file=out)
            click.echo(sanitize(_wrap_or_not("\n".join(f"  {r}" for r in refs), width, wrap)), file=out)
        for note in answer.notes:
            click.echo(sanitize(f"note: {note}"), err=True)


def _is_tty(out: TextIO | None) -> bool:
    stream = out or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


def _wrap_or_not(text: str, width: int | None, wrap) -> str:  # type: ignore[no-untyped-def]
    """Wrap to the terminal on a terminal; piped output keeps one line per paragraph for other tools."""
    return text if width == 0 else wrap(text, width)


def questions_from(stream: TextIO) -> Iterator[str]:
    """One question per non-empty line, read as it arrives; lines starting with # are comments."""
    for line in stream:
        if line.strip() and not line.lstrip().startswith("#"):
            yield line.strip()
