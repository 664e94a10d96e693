"""The `reviewer fetch` command."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("source", type=click.Choice(["arxiv", "openalex", "s2"]))
@click.argument("query")
@click.option("--limit", type=click.IntRange(1, 100_000), default=100, show_default=True, help="Records to fetch.")
@click.option("--year-min", type=click.IntRange(1000, 2999), help="Only papers from this year on.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Save the raw API records here (default: fetched-SOURCE.jsonl, or .xml for arXiv).")
@click.option("--no-ingest", is_flag=True, help="Only save the file; do not add the papers to the corpus.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def fetch(source: str, query: str, limit: int, year_min: int | None, output: Path | None, no_ingest: bool,
          quiet: bool) -> None:
    """Build a corpus from arXiv, OpenAlex or Semantic Scholar (s2) search results.

    The raw records are saved to a file first (re-ingestable offline, so the corpus is reproducible),
    then ingested. Requests are spaced by each API's documented rate limit, identify themselves with
    a User-Agent naming REVIEWER_FETCH_CONTACT, retry 429/5xx with backoff honouring Retry-After, and
    an interrupted fetch resumes when the same command is run again.
    """
    from reviewer.fetch.run import fetch_to_file

    output = output or Path(f"fetched-{source}.{'xml' if source == 'arxiv' else 'jsonl'}")
    result = fetch_to_file(source, query, output, limit=limit, year_min=year_min, quiet=quiet or None)
    resumed = " (resumed)" if result.resumed else ""
    click.echo(f"saved {result.fetched} {source} records to {output}{resumed}", err=True)
    if no_ingest:
        return
    from reviewer.ingest.pipeline import ingest_paths
    from reviewer.settings import Settings

    report = ingest_paths(Settings(), [output], quiet=quiet or None)
    s = report.stats
    click.echo(f"{s.added} new, {s.merged} merged, {s.unchanged} unchanged; {report.total_papers} papers in corpus")
    for error in report.errors:
        click.echo(f"note: {error}", err=True)
