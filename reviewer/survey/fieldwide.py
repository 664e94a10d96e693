"""Phrases the whole corpus uses everywhere ("human feedback", "policy optimization" in a corpus on
alignment): they name the field, not one theme of a survey.

Theme labels are picked for being shared by some of a survey's papers and rare among the others; but a
phrase that one paper in twelve of the whole corpus uses is shared by chance in any group of twenty, and
a title built on it ("Human feedback with RMs") tells a reader nothing about the section. Scoring
labels against the corpus as well (a collection-level IDF) demotes them. The set is computed once per
corpus version and kept in the home directory, so a survey does not re-read every abstract.
"""

from __future__ import annotations

import contextlib
import math
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ValidationError

from reviewer.survey.terms import phrases
from reviewer.textutil import atomic_write_text

if TYPE_CHECKING:
    from reviewer.catalog import Catalog
    from reviewer.settings import Settings

FIELD_SHARE = 0.025  # a phrase this share of the corpus's papers use, or fewer, is a full-weight label
MIN_PAPERS = 50  # a smaller corpus is too small to tell the field from a theme
MAX_SAMPLE = 3000  # papers read to estimate the shares (every k-th paper of a larger corpus)
_FILE = "survey_field_weights.json"


class FieldPhrases(BaseModel):
    """The cached weights, with the catalog version they were computed for."""

    version: str
    weights: dict[str, float]


def field_weights_of(texts: list[str]) -> dict[str, float]:
    """Weight < 1 of each phrase (stem key) that more than FIELD_SHARE of `texts` use: (log(1/share) /
    log(1/FIELD_SHARE))^2, so a phrase one paper in eight uses weighs about 0.3 and one in five 0.2 (none
    for a corpus under MIN_PAPERS)."""
    if len(texts) < MIN_PAPERS:
        return {}
    step = max(1, len(texts) // MAX_SAMPLE)
    sample = texts[::step]
    df: Counter[str] = Counter()
    for text in sample:
        df.update({stems for stems, _ in phrases(text)})
    floor = math.log(1 / FIELD_SHARE)
    return {s: round(min(1.0, math.log(len(sample) / n) / floor) ** 2, 3) for s, n in df.items()
            if n > FIELD_SHARE * len(sample)}


def field_weights(settings: Settings, catalog: Catalog) -> dict[str, float]:
    """The corpus's field-wide phrase weights, read from the home's cache when the corpus has not changed."""
    path = Path(settings.home) / _FILE
    version = catalog.version()
    try:
        cached = FieldPhrases.model_validate_json(path.read_text(encoding="utf-8"))
        if cached.version == version:
            return cached.weights
    except (OSError, ValidationError):
        pass
    found = field_weights_of([f"{p.title}. {p.abstract}" for p in catalog.iter_papers()])
    with contextlib.suppress(OSError):  # a read-only home only costs the recomputation next time
        atomic_write_text(path, FieldPhrases(version=version, weights=found).model_dump_json())
    return found
