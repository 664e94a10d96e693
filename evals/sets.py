"""The eval sets under evals/datasets/, found by file name so that adding a set is adding its file.

A set of kind `survey` is `survey_<name>.jsonl`, `ask` is `ask_<name>.jsonl`, `claims` is
`seed_claims_<name>.jsonl` and `table` is `table_fields_<name>.jsonl`. `evals/datasets/sets.toml` says how each
set was written and used; a set without an entry there is still found.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import click
import tomllib

DATA = Path(__file__).resolve().parent / "datasets"
Kind = Literal["survey", "ask", "claims", "table"]
KINDS: tuple[Kind, ...] = ("survey", "ask", "claims", "table")
PREFIX: dict[Kind, str] = {"survey": "survey_", "ask": "ask_", "claims": "seed_claims_", "table": "table_fields_"}
# Files that share a prefix but hold something else than cases to score.
NOT_SETS = frozenset({"ask_hand_labels.jsonl"})


class UnknownSet(click.BadParameter):
    """A set name with no file behind it: a usage error of `--set` whose message lists the names that exist."""

    def __init__(self, message: str) -> None:
        super().__init__(message, param_hint="'--set'")


def _natural(name: str) -> list[object]:
    """blind3 before blind10: digits compare as numbers."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def names(kind: Kind, root: Path = DATA) -> list[str]:
    prefix = PREFIX[kind]
    found = (p.name[len(prefix):-len(".jsonl")] for p in root.glob(f"{prefix}*.jsonl") if p.name not in NOT_SETS)
    return sorted(found, key=_natural)


def path(kind: Kind, name: str, root: Path = DATA) -> Path:
    known = names(kind, root)
    if name not in known:
        raise UnknownSet(f"no {kind} eval set {name!r} (no file evals/datasets/{PREFIX[kind]}{name}.jsonl); "
                         f"known: {', '.join(known)}")
    return root / f"{PREFIX[kind]}{name}.jsonl"


def descriptions(kind: Kind, root: Path = DATA) -> dict[str, str]:
    """How each set of `kind` was written and used, from sets.toml ('' for a set it does not describe)."""
    table = root / "sets.toml"
    described = tomllib.loads(table.read_text(encoding="utf-8")).get(kind, {}) if table.exists() else {}
    return {name: str(described.get(name, "")) for name in names(kind, root)}
