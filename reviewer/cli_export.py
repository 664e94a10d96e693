"""`reviewer export` and `reviewer fetch`: move reference data out of and into the corpus."""

from __future__ import annotations

from pathlib import Path

import click

from reviewer.errors import InputError, NotFoundError


def register(cli: click.Group) -> None:
    cli.add_command(export)
    from reviewer.fetch.cli import fetch

    cli.add_command(fetch)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["bibtex", "csljson", "ris"]), default="bibtex", show_default=True)
@click.option("--cited-in", "cited_in", type=click.Path(dir_okay=False, path_type=Path),
              help="Only the papers cited ([@key]) in this report.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (default: print).")
def export(fmt: str, cited_in: Path | None, output: Path | None) -> None:
    """Export the corpus, or one report's references, as BibTeX, CSL-JSON or RIS with full metadata."""
    from reviewer.catalog import Catalog
    from reviewer.citations import keys_in
    from reviewer.ingest.pipeline import ensure_ready
    from reviewer.references import render_bibtex, render_csljson, render_ris
    from reviewer.settings import Settings
    from reviewer.textutil import atomic_write_text

    settings = Settings()
    ensure_ready(settings, quiet=True)
    with Catalog(settings.catalog_path) as catalog:
        if cited_in is None:
            papers = catalog.papers()
        else:
            try:
                text = cited_in.read_text(encoding="utf-8")
            except FileNotFoundError:
                raise NotFoundError(f"{cited_in}: no such report") from None
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(str(cited_in), f"cannot read report: {exc}") from None
            keys = keys_in(text)
            if not keys:
                raise InputError(str(cited_in), "cites no [@key]", hint="pass a report written by reviewer survey")
            papers = [catalog.resolve(k) for k in keys]
    render = {"bibtex": render_bibtex, "csljson": render_csljson, "ris": render_ris}[fmt]
    body = render(papers)
    if output is None:
        click.echo(body, nl=False)
    else:
        atomic_write_text(output, body)
        click.echo(f"wrote {len(papers)} references to {output}", err=True)
