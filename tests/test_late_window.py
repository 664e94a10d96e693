"""Late chunking over short windows (REVIEWER_LATE_WINDOW; benchmarks/RESULTS.md §6j).

Each window holds whole sentences up to the budget, so a unit's vector must depend on its own window only;
the windows must tile the text; the paper vector (the mean of the windows' states) is not the whole text's,
so it must never be cached under the text's content hash, and the option must get its own collection.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from evals.seed_claims import seed_papers_by_title
from reviewer.catalog import Catalog
from reviewer.embed import get_embedder
from reviewer.index import collection_name
from reviewer.late_chunk import Plan, late_embed
from reviewer.settings import Settings

pytestmark = pytest.mark.usefixtures("one_model")  # the late plan's mechanics, one model for both roles


def test_short_windows_tile_each_seed_paper_in_whole_sentences_within_the_budget() -> None:
    """Over every seed paper: windows are contiguous and cover every token, each unit lies in exactly one
    window, and a window over the budget holds a single unit."""
    for paper in seed_papers_by_title().values():
        plan = Plan(paper.title, paper.abstract, 254, short=96)
        assert plan.windows[0][0] == 0 and plan.windows[-1][1] == len(plan.ids)
        assert all(a[1] == b[0] for a, b in zip(plan.windows, plan.windows[1:], strict=False))
        owner = [[w for w, (a, b) in enumerate(plan.windows) if a <= m[0] and m[-1] < b] for m in plan.members
                 if len(m)]
        assert all(len(o) == 1 for o in owner), paper.title
        for w, (a, b) in enumerate(plan.windows):
            held = sum(1 for o in owner if o == [w])
            assert b - a <= 96 or held == 1, (paper.title, w, b - a, held)


def test_a_unit_sees_only_its_own_window() -> None:
    """Rewriting the last sentence leaves every unit of the first window exactly as it was under short
    windows; with the plan's long windows the same units move (they attended to the rewritten sentence)."""
    paper = next(p for p in seed_papers_by_title().values()  # one long window, several short ones
                 if len(Plan(p.title, p.abstract, 254).ids) <= 240
                 and len(Plan(p.title, p.abstract, 254, short=96).windows) >= 2)
    edited = paper.abstract.rsplit(".", 2)[0] + ". Our code and models are released to the public."
    assert edited != paper.abstract
    embedder = get_embedder()
    pairs = [(paper.title, paper.abstract), (paper.title, edited)]
    _, (before, after), (plan, _) = late_embed(embedder, pairs, short=96, paper="windows")
    first = [i for i, m in enumerate(plan.members) if len(m) and m[-1] < plan.windows[0][1]]
    assert len(first) >= 1
    assert np.abs(before[first] - after[first]).max() < 1e-5
    _, (long_before, long_after), _ = late_embed(embedder, pairs)
    assert np.abs(long_before[first] - long_after[first]).max() > 1e-3


def test_a_short_window_home_caches_no_paper_vector_under_the_text_and_has_its_own_collection(
        tmp_path: Path) -> None:
    from reviewer.ingest.pipeline import corpus_version, ingest_paths

    picked = list(seed_papers_by_title().values())[:3]
    source = tmp_path / "three.jsonl"
    source.write_text("".join(json.dumps({"title": p.title, "abstract": p.abstract}) + "\n" for p in picked))
    short = Settings(home=tmp_path / "h", paper_vector="late", late_window=96, auto_ingest_seeds=False,
                     seed_vectors=False)
    plain = short.model_copy(update={"late_window": 0})
    assert collection_name(short) != collection_name(plain)
    with Catalog(short.catalog_path) as catalog:
        assert corpus_version(short, catalog=catalog) != corpus_version(plain, catalog=catalog)
    ingest_paths(short, [source], quiet=True)
    with sqlite3.connect(short.vectors_path) as db:  # the mean of the windows is not "title. abstract" embedded
        assert db.execute("SELECT COUNT(*) FROM vec16").fetchone()[0] == 0
