"""Command-line interface. Heavy libraries are imported inside commands so `reviewer --help` stays fast."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from reviewer import __version__
from reviewer.cli_common import check_source, filters_from, nonempty
from reviewer.errors import ReviewerError
from reviewer.termsafe import echo, sanitize_json


def _settings(**overrides: object):  # type: ignore[no-untyped-def]
    from reviewer.settings import Settings

    return Settings(**{k: v for k, v in overrides.items() if v is not None})  # type: ignore[arg-type]


def echo_json(value: object) -> None:
    click.echo(sanitize_json(json.dumps(value, indent=2, ensure_ascii=False)))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reviewer")
def cli() -> None:
    """reviewer: cited answers and checked literature surveys over a corpus of paper abstracts.

    Works offline on the bundled seeds corpus. Set OPENAI_API_KEY and/or REVIEWER_LLM_BASE_URL
    (OpenAI, Ollama, vLLM, llama.cpp server) to let an LLM write answers and surveys.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--json", "as_json", is_flag=True, help="Print the ingest report as JSON.")
@click.option("--wait", is_flag=True, help="If another ingest is running, wait for it instead of failing.")
def ingest(paths: tuple[Path, ...], quiet: bool, as_json: bool, wait: bool) -> None:
    """Add papers from files or folders (JSONL, CSV, BibTeX, RIS, CSL-JSON, OpenAlex, Semantic Scholar,
    arXiv snapshot/Atom, PubMed XML, result lists, HF Daily Papers scrapes).

    Re-running is safe: known papers are merged, never duplicated. Bad files or lines are reported
    by name and line as `Error: FILE:LINE: reason`; every valid paper is still ingested, and the exit
    code is 1 if anything was rejected (0 otherwise).
    """
    from reviewer.ingest.pipeline import ingest_paths

    report = ingest_paths(_settings(), list(paths), quiet=quiet or None, wait=wait)
    if as_json:
        echo_json(report.model_dump(mode="json"))
    else:
        s = report.stats
        click.echo(
            f"read {sum(f.records for f in report.files)} records from {len(report.files)} file(s): "
            f"{s.added} new, {s.merged} merged, {s.unchanged} unchanged; {report.total_papers} papers in corpus"
        )
        if report.index:
            click.echo(f"indexed {report.index.embedded} new vectors"
                       + (f", re-indexed {report.index.reindexed} changed papers" if report.index.reindexed else ""))
    for note in report.stats.near_duplicates:
        echo(f"note: near-duplicate: {note}", err=True)
    for error in report.errors:
        echo(f"Error: {error}", err=True)
    if report.errors:
        sys.exit(1)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def papers(as_json: bool) -> None:
    """List the corpus: id, citation key, year and title."""
    from reviewer.catalog import Catalog
    from reviewer.ingest.pipeline import ensure_ready

    settings = _settings()
    ensure_ready(settings)
    with Catalog(settings.catalog_path) as catalog:
        rows = [
            {"id": p.id, "key": p.key, "title": p.title, "year": p.year, "sources": p.sources}
            for p in catalog.iter_papers()
        ]
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        echo(f"{r['id']}  {r['key']:<32} {r['year'] or '----'}  {r['title']}")
    click.echo(f"{len(rows)} papers", err=True)


filter_options = [
    click.option("--year-min", type=int, help="Only papers from this year on."),
    click.option("--year-max", type=int, help="Only papers up to this year."),
    click.option("--source", help="Only papers from this ingested file name."),
]


def with_filters(f):  # type: ignore[no-untyped-def]
    for option in reversed(filter_options):
        f = option(f)
    return f


@cli.command()
@click.argument("query", callback=nonempty)
@click.option("-k", "k", type=click.IntRange(min=1), default=10, show_default=True, help="Number of results.")
@click.option("--mode", type=click.Choice(["hybrid", "dense", "bm25"]), default="hybrid", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON: id, key, title, year, score.")
@with_filters
def search(query: str, k: int, mode: str, as_json: bool, year_min: int | None, year_max: int | None,
           source: str | None) -> None:
    """Hybrid (dense + BM25) search over the corpus."""
    from reviewer.services import open_retriever

    settings = _settings()
    retriever = open_retriever(settings)
    check_source(settings, source)
    hits = retriever.search(query, k=k, filters=filters_from(year_min, year_max, source), mode=mode)  # type: ignore[arg-type]
    if as_json:
        echo_json([h.model_dump() for h in hits])
        return
    for rank, h in enumerate(hits, start=1):
        echo(f"{rank:>3}. {h.score:.4f}  [@{h.key}] {h.title}" + (f" ({h.year})" if h.year else ""))


@cli.command()
@click.argument("question", required=False)
@click.option("-k", "k", type=click.IntRange(min=1), default=None, help="Papers to retrieve (default REVIEWER_RETRIEVE_K).")
@click.option("--json", "as_json", is_flag=True,
              help="Print JSON: answer, citations, refused, mode, notes, question_type, sentences, evidence "
                   "(one object per line when reading several questions from stdin).")
@click.option("--offline", is_flag=True, help="Use the extractive writer even if an LLM is configured.")
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
@with_filters
def ask(question: str | None, k: int | None, as_json: bool, offline: bool, quiet: bool, year_min: int | None,
        year_max: int | None, source: str | None) -> None:
    """Answer a question from the corpus, citing the abstracts it uses as [@key].

    With no QUESTION (or "-"), reads one question per line from stdin and answers each in turn,
    loading the index and models once.
    """
    from reviewer.ask.session import AskSession, questions_from

    settings = _settings(llm_offline=True if offline else None)
    if question is not None and question != "-" and not question.strip():
        raise click.BadParameter("must not be empty", param_hint="'QUESTION'")
    filters = filters_from(year_min, year_max, source)
    if source:
        from reviewer.ingest.pipeline import ensure_ready

        ensure_ready(settings, quiet or None)
        check_source(settings, source)
    session = AskSession(settings, quiet=quiet or None)
    if question is not None and question != "-":
        session.print_answer(session.ask(question, k=k, filters=filters), as_json)
        return
    session.warm()
    for n, line in enumerate(questions_from(sys.stdin)):
        if not as_json:
            click.echo(("\n" if n else "") + f"Q: {line}\n")
        session.print_answer(session.ask(line, k=k, filters=filters), as_json, compact=True)


@cli.command()
@click.option("-k", "k", type=click.IntRange(min=1), default=None, help="Papers to retrieve per question.")
@click.option("--offline", is_flag=True, help="Use the extractive writer even if an LLM is configured.")
@with_filters
def chat(k: int | None, offline: bool, year_min: int | None, year_max: int | None, source: str | None) -> None:
    """Ask questions one after another; the index and models stay loaded (exit with Ctrl-D or 'quit')."""
    from reviewer.ask.session import AskSession

    settings = _settings(llm_offline=True if offline else None)
    session = AskSession(settings)
    session.warm()
    filters = filters_from(year_min, year_max, source)
    click.echo("Ask a question about the corpus (Ctrl-D or 'quit' to leave).", err=True)
    while True:
        try:
            line = input("? ")
        except EOFError:
            click.echo("", err=True)
            return
        line = line.strip()
        if line.lower() in {"quit", "exit", ":q"}:
            return
        if line:
            session.print_answer(session.ask(line, k=k, filters=filters), as_json=False)
            click.echo("")


@cli.command("settings")
def show_settings() -> None:
    """Show the effective settings (secrets masked) and where each comes from (REVIEWER_<NAME>)."""
    from reviewer.settings import setting_source

    settings = _settings()
    for name, field in type(settings).model_fields.items():
        value = getattr(settings, name)
        if "key" in name and value is not None:
            value = "********"
        elif isinstance(value, str) and "://" in value:
            from reviewer.llm.redact import mask_url

            value = mask_url(value)  # user:password@ and ?api-key= in endpoint URLs
        echo(f"{name} = {value}  [{setting_source(name)}]\n    {field.description}")


def _register_extras() -> None:
    from reviewer.cli_eval import register as register_eval
    from reviewer.cli_export import register as register_export
    from reviewer.cli_survey import register as register_survey

    register_survey(cli)
    register_eval(cli)
    register_export(cli)


def _exit_interrupted(message: str) -> None:
    """Exit 130 at once: finished stages, ledger lines and cache rows are already on disk, and the
    interpreter's own teardown (finalising the index and ONNX sessions) can take seconds."""
    click.echo(message, err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(130)


def main() -> None:
    """Entry point: user errors print one clean line (and a hint), never a traceback."""
    _register_extras()
    try:
        cli.main(standalone_mode=False)
    except SystemExit as exc:
        from click.utils import PacifyFlushWrapper

        # click turns EPIPE into exit 1; a reader that went away (`reviewer papers | head -1`) is success.
        if exc.code == 1 and isinstance(sys.stdout, PacifyFlushWrapper):
            sys.exit(0)
        raise
    except click.exceptions.Abort:  # click's form of Ctrl-C
        _exit_interrupted("Aborted.")
    except click.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else "reviewer"
        echo(f"Error: {exc.format_message()} (see: {command} --help)", err=True)
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        echo(f"Error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except ReviewerError as exc:
        echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        _exit_interrupted("Interrupted.")
    except BrokenPipeError:
        # The reader went away (`reviewer papers | head -1`): that is success, not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except Exception as exc:
        if os.environ.get("REVIEWER_DEBUG"):
            raise
        from pydantic import ValidationError

        from reviewer.settings import settings_error

        if isinstance(exc, ValidationError) and exc.title == "Settings":
            echo(f"Error: {settings_error(exc)}", err=True)
            sys.exit(1)
        echo(f"Error: unexpected {type(exc).__name__}: {exc} (set REVIEWER_DEBUG=1 for a traceback)", err=True)
        sys.exit(1)
