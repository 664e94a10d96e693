"""The table's method column on real seed text: a name the paper gives its method, or a phrase that says
what the method is; never an empty head a reader cannot tell apart ('framework', 'A lightweight
alternative'), never the paper's task."""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.models import Paper
from reviewer.survey.types import TableRow

# Written for the test: words that name no method on their own, and words that only qualify one.
_EMPTY = {"framework", "method", "approach", "pipeline", "solution", "alternative", "design", "generator", "way",
          "technique", "strategy", "system", "model", "algorithm", "paradigm", "module", "mechanism"}
_QUALIFIER = {"a", "an", "the", "new", "novel", "simple", "efficient", "effective", "lightweight", "general",
              "unified", "yet", "and", "adaptive", "scalable", "robust", "our"}


def test_method_cells_are_never_empty_heads_or_tasks(seed_papers: dict[str, Paper], table_row: Callable[..., TableRow]) -> None:
    """Across all seed papers, no method cell is made only of empty heads and qualifiers, opens with a
    filler ('yet', 'and') or names a task; most rows still have a method."""
    filled = 0
    for p in seed_papers.values():
        cell = table_row(p).method.text
        filled += bool(cell)
        words = [w.lower().strip(",.") for w in cell.split()]
        if not words:
            continue
        assert not all(w in _EMPTY or w in _QUALIFIER for w in words), (p.key, cell)
        assert words[0] not in {"yet", "and", "but", "or"}, (p.key, cell)
        assert not re.match(r"(?:the )?(?:task|problem) of\b", cell, re.IGNORECASE), (p.key, cell)
    # 72% on the seeds while descriptions counted ('theoretically bounded metric'); 64% once only names fill the
    # column (branch t23: 27 description cells left blank). The rule must still not empty the column.
    assert filled >= 0.62 * len(seed_papers), filled


def test_a_one_word_title_prefix_the_abstract_proposes_is_the_method_name(seed_papers: dict[str, Paper], table_row: Callable[..., TableRow]) -> None:
    """'Name: ...' titles whose abstract proposes or introduces that name: the cell is the name itself,
    even when the abstract writes it glued to a parenthesis ('Name(Expansion ...)')."""
    seen = 0
    for p in seed_papers.values():
        m = re.match(r"([A-Z][a-z]+):", p.title)
        if not m or not re.search(rf"\b(?:propose|introduce|present)s?\s+{m.group(1)}\b", p.abstract):
            continue
        seen += 1
        assert table_row(p).method.text == m.group(1), (p.key, table_row(p).method.text)
    assert seen >= 3, seen
