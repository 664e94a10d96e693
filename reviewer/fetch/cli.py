"""The `reviewer fetch` command (placeholder until the fetcher lands)."""

from __future__ import annotations

import click


@click.command()
def fetch() -> None:
    """Fetch papers from a scholarly API."""
