"""Argument checks shared by the CLI modules (kept apart so cli, cli_survey and cli_eval import no cycle)."""

from __future__ import annotations

import click

from reviewer.errors import NotFoundError


def nonempty(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Click callback: a query, question, topic or claim must have some text."""
    if value is not None and not value.strip():
        raise click.BadParameter("must not be empty", ctx=ctx, param=param)
    return value


def check_source(settings: object, source: str | None) -> None:
    """An unknown --source would silently match nothing; name the ingested files instead."""
    if not source:
        return
    from reviewer.catalog import Catalog

    with Catalog(settings.catalog_path) as catalog:  # type: ignore[attr-defined]
        known = catalog.sources()
    if source not in known:
        shown = ", ".join(known[:8]) + (" …" if len(known) > 8 else "")
        raise NotFoundError(f"no ingested file named {source!r} (--source)", hint=f"ingested files: {shown}")


def filters_from(year_min: int | None, year_max: int | None, source: str | None):  # type: ignore[no-untyped-def]
    from reviewer.retrieve import Filters

    if year_min is not None and year_max is not None and year_min > year_max:
        raise click.BadParameter(f"--year-min {year_min} is after --year-max {year_max}; nothing could match")
    return Filters(year_min=year_min, year_max=year_max, source=source)
