"""`reviewer survey` and `reviewer costs`: thin click commands over reviewer.survey (imported lazily)."""

from __future__ import annotations

import json
from pathlib import Path

import click


def register(cli: click.Group) -> None:
    """Add the `survey` and `costs` commands to the main group."""
    cli.add_command(survey)
    cli.add_command(costs)


def _nonempty(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from reviewer.cli_common import nonempty

    return nonempty(ctx, param, value)


@click.command()
@click.argument("topic", callback=_nonempty)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the Markdown report here (default: print it).")
@click.option("--json", "as_json", is_flag=True, help="Print the full structured report as JSON on stdout.")
@click.option("--bib", type=click.Path(dir_okay=False, path_type=Path), help="Write BibTeX of the cited papers.")
@click.option("--max-papers", type=click.IntRange(4, 200), help="Papers to pool (default REVIEWER_SURVEY_MAX_PAPERS).")
@click.option("--max-cost", type=click.FloatRange(min=0), help="Stop calling the LLM past this many USD.")
@click.option("--max-calls", type=click.IntRange(min=0), help="Stop calling the LLM past this many calls.")
@click.option("--offline", is_flag=True, help="Use the offline (extractive) path even if an LLM is configured.")
@click.option("--fresh", is_flag=True, help="Recompute every stage instead of resuming saved ones.")
@click.option("--quiet", "-q", is_flag=True, help="No progress output on stderr.")
@click.option("--year-min", type=int, help="Only papers from this year on.")
@click.option("--year-max", type=int, help="Only papers up to this year.")
@click.option("--source", help="Only papers from this ingested file name.")
def survey(topic: str, output: Path | None, as_json: bool, bib: Path | None, max_papers: int | None,
           max_cost: float | None, max_calls: int | None, offline: bool, fresh: bool, quiet: bool,
           year_min: int | None, year_max: int | None, source: str | None) -> None:
    """Write a checked, cited literature survey on TOPIC from the corpus.

    Retrieves papers with several sub-queries, extracts verbatim evidence, groups the papers into
    3-7 themes, writes each theme from its own evidence, checks every cited sentence against the
    abstracts it cites (unsupported sentences are rewritten or dropped), and renders Markdown with a
    comparison table, a coverage appendix and the references. Every stage is saved under the run
    directory, so re-running the same command resumes where it stopped (--fresh recomputes); after an
    ingest the corpus version differs, so the survey starts a new run.
    """
    from reviewer.cli_common import check_source, filters_from
    from reviewer.ingest.pipeline import ensure_ready
    from reviewer.output import check_outputs, write_output
    from reviewer.retrieve import Filters
    from reviewer.settings import Settings
    from reviewer.survey.report import render_bibtex, render_markdown
    from reviewer.survey.run import run_survey
    from reviewer.termsafe import echo, sanitize
    from reviewer.textutil import atomic_write_text

    check_outputs({"-o": output, "--bib": bib})  # before any work, not after the survey has run
    filters_from(year_min, year_max, source)
    settings = Settings(**({"llm_offline": True} if offline else {}))  # type: ignore[arg-type]
    if source:
        ensure_ready(settings, quiet=True if quiet else None)
        check_source(settings, source)
    result = run_survey(
        topic, settings, max_papers=max_papers, filters=Filters(year_min=year_min, year_max=year_max, source=source),
        offline=offline, fresh=fresh, quiet=True if quiet else None, max_calls=max_calls, max_cost=max_cost,
    )
    # No control sequences in the report either: it is meant to be read, and is often `cat` to a terminal.
    markdown = sanitize(render_markdown(result.report))
    atomic_write_text(result.run_dir / "report.md", markdown)
    if output is not None:
        write_output(output, markdown)
    if bib is not None:
        write_output(bib, sanitize(render_bibtex(result.report.bibliography)))
    if as_json:
        from reviewer.termsafe import sanitize_json

        click.echo(sanitize_json(result.report.model_dump_json(indent=2)))
    elif output is None:
        echo(markdown, nl=False)
    if not quiet:
        totals, report = result.report.totals, result.report
        where = f"wrote {output}" if output else "report above"
        click.echo(
            f"{where}: {len(report.sections)} sections, {len(report.bibliography)} cited papers; checker kept "
            f"{totals.kept}, rewrote {totals.rewritten}, dropped {totals.dropped} sentences; run dir {result.run_dir}",
            err=True,
        )
        for stage in report.stages:
            if stage.reason:
                click.echo(f"note: {stage.stage} ran {stage.mode}: {sanitize(stage.reason)}", err=True)


@click.command()
@click.argument("run_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--all", "all_runs", is_flag=True, help="Sum over every run instead of the latest.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def costs(run_dir: Path | None, all_runs: bool, as_json: bool) -> None:
    """Summarise LLM usage (calls, cache hits, tokens, cost) of the latest finished survey run, or of RUN_DIR.

    A --fresh rerun is a run of its own: earlier calls in the same directory are kept aside (ledger-*.jsonl).
    """
    from reviewer.errors import NotFoundError
    from reviewer.llm.ledger import summarize_ledgers
    from reviewer.settings import Settings

    settings = Settings()
    ledgers = sorted(settings.runs_dir.glob("*/ledger*.jsonl")) if settings.runs_dir.exists() else []
    if run_dir is not None:
        if not run_dir.is_dir():
            candidate = settings.runs_dir / run_dir
            if not candidate.is_dir():
                raise NotFoundError(f"no run directory {run_dir}", hint=f"runs live under {settings.runs_dir}")
            run_dir = candidate
        paths = [run_dir / "ledger.jsonl"]
        label = str(run_dir)
    elif all_runs:
        paths, label = ledgers, f"all runs under {settings.runs_dir}"
    else:
        # A run counts once it finished (report.json saved): a failed survey is never "the latest".
        runs = sorted((p for p in settings.runs_dir.glob("*/report.json")), key=lambda p: p.stat().st_mtime) \
            if settings.runs_dir.exists() else []
        if not runs:
            raise NotFoundError("no survey runs yet", hint="run: reviewer survey TOPIC -o survey.md")
        paths, label = [runs[-1].parent / "ledger.jsonl"], str(runs[-1].parent)
    summary = summarize_ledgers(paths)
    if as_json:
        click.echo(json.dumps({"run": label, **summary.model_dump(), "total_tokens": summary.total_tokens}, indent=2))
        return
    approx = " (estimated)" if summary.estimated else ""
    click.echo(f"{label}")
    click.echo(f"  calls {summary.calls} ({summary.cache_hits} cache hits, {summary.errors} errors)")
    click.echo(f"  tokens {summary.total_tokens}{approx}: {summary.prompt_tokens} prompt + "
               f"{summary.completion_tokens} completion")
    click.echo(f"  cost ${summary.cost_usd:.4f}{approx}")
    for stage, totals in sorted(summary.by_stage.items()):
        click.echo(f"    {stage:<10} calls {totals.calls:>3}  hits {totals.cache_hits:>3}  "
                   f"tokens {totals.prompt_tokens + totals.completion_tokens:>7}  ${totals.cost_usd:.4f}")
