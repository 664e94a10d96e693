"""Headline-result cells in the survey's voice: no 'we' or 'our' pointing at an unseen author (survey/voice.py)."""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.models import Paper
from reviewer.survey.table import offline_row
from reviewer.survey.types import TableRow


def test_no_result_cell_speaks_as_the_paper(seed_papers: dict[str, Paper], table_row: Callable[..., TableRow]) -> None:
    """Over every seed paper, no Headline result cell says 'we' or 'our' (53 of 227 did), and as many cells as
    before are filled: the voice changes, the result stays."""
    cells = {k: table_row(p).result.text for k, p in seed_papers.items()}
    voiced = {k: c for k, c in cells.items() if re.search(r"\b(?:we|our)\b", c, re.IGNORECASE)}
    assert not voiced, voiced
    assert sum(bool(c) for c in cells.values()) >= 0.6 * len(seed_papers)


def test_own_method_is_named_in_the_result(seed_papers: dict[str, Paper]) -> None:
    """'Our method achieves 77% length reduction' is DRPO's result, 'Our SophiaVL-R1-7B' is SophiaVL-R1-7B, and
    'We notice 22--25% entropy reduction' gives what was noticed; the numbers stay."""
    assert offline_row(seed_papers["drpoefficient"]).result.text.startswith("DRPO achieves 77% length reduction")
    assert offline_row(seed_papers["sophiavlreinforcing"]).result.text.startswith("SophiaVL-R1-7B outperforms") or \
        offline_row(seed_papers["sophiavlreinforcing"]).result.text.startswith("SophiaVL-R1-7B even outperforms")
    assert offline_row(seed_papers["diffadaptdifficulty"]).result.text.startswith("22--25% entropy reduction")
    assert offline_row(seed_papers["truthfew"]).result.text.startswith("The RAP method")
