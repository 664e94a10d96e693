"""Late chunking (REVIEWER_PAPER_VECTOR=late): one encoder pass per paper, unit vectors pooled from it.

Its paper vector must be the `whole` plan's (the first window is that plan's truncated input), each unit
vector must come from that unit's own tokens (also past the first window), and its unit rows must never be
read as units embedded alone, nor stored under a sentence's content hash (the checker and evidence ranking
read those and were fitted on sentences embedded alone).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from evals.seed_claims import seed_papers_by_title
from reviewer.catalog import Catalog
from reviewer.embed import embed_texts, get_embedder
from reviewer.errors import ConfigError
from reviewer.index import VectorStore, collection_name
from reviewer.late_chunk import late_embed, late_vectors
from reviewer.settings import Settings
from reviewer.vector_cache import VectorCache, paper_sentences

pytestmark = pytest.mark.usefixtures("one_model")  # the late plan's mechanics, one model for both roles


def _long_seed_papers(n: int) -> list:
    """Seed papers longer than one 256-position window, so the second window is exercised."""
    tokenizer = get_embedder()._tokenizer  # truncates at 256: a full window means the text is longer
    return [p for p in seed_papers_by_title().values() if len(tokenizer.encode(p.text).ids) == 256][:n]


def test_each_unit_pools_exactly_the_word_pieces_it_has_when_embedded_alone() -> None:
    """Over every seed paper: the tokens a unit's vector is pooled from are that unit's own tokenization."""
    from reviewer.late_chunk import Plan, _full_tokenizer

    tokenizer = _full_tokenizer()
    for paper in seed_papers_by_title().values():
        plan = Plan(paper.title, paper.abstract, 254)
        for unit, members in zip(plan.units, plan.members, strict=True):
            assert [plan.ids[i] for i in members] == tokenizer.encode(unit).ids[1:-1], unit


def test_the_paper_vector_is_the_whole_text_one_and_each_unit_is_pooled_from_its_own_tokens() -> None:
    papers = _long_seed_papers(4)
    assert len(papers) == 4
    whole, matrices, plans = late_embed(get_embedder(), [(p.title, p.abstract) for p in papers])
    alone = embed_texts([p.text for p in papers], Settings())
    assert (1 - np.sum(whole * alone, axis=1)).max() < 1e-5
    hits = total = later = 0
    for m, plan in zip(matrices, plans, strict=True):
        assert len(plan.windows) == 2 and len(m) == len(plan.units)
        sims = m @ embed_texts(plan.units, Settings()).T  # each unit against every unit of its paper, embedded alone
        own = sims.argmax(axis=1) == np.arange(len(m))
        hits, total = hits + int(own.sum()), total + len(m)
        past = [i for i, idx in enumerate(plan.members) if len(idx) and idx.min() >= 254]  # wholly in window 2
        later += int(own[past].sum())
    assert hits / total >= 0.7  # measured 35 of 42; a unit pooled from the wrong span matches its own ~never
    assert later >= 2


def test_a_late_chunked_home_has_its_own_collection_and_unit_rows(tmp_path: Path) -> None:
    from reviewer.ingest.pipeline import ensure_ready, ingest_paths

    source = tmp_path / "five.jsonl"
    picked = list(seed_papers_by_title().values())[:5]
    source.write_text("".join(json.dumps({"title": p.title, "abstract": p.abstract}) + "\n" for p in picked))
    home = tmp_path / "home"
    late = Settings(home=home, paper_vector="late", auto_ingest_seeds=False, seed_vectors=False)
    whole = Settings(home=home, paper_vector="whole", auto_ingest_seeds=False, seed_vectors=False)
    assert collection_name(late) != collection_name(whole)
    ingest_paths(late, [source], quiet=True)
    with Catalog(late.catalog_path) as catalog:
        papers = catalog.papers()
    ids = [p.id for p in papers]
    stored = VectorStore(late).vectors(ids)
    alone = embed_texts([p.text for p in papers], late)
    assert min(float(stored[p.id] @ v) for p, v in zip(papers, alone, strict=True)) > 0.9999
    with sqlite3.connect(late.vectors_path) as db:  # only the whole texts: no late unit under a content hash
        assert db.execute("SELECT COUNT(*) FROM vec16").fetchone()[0] == len(papers)

    cache = VectorCache(late)
    rows = cache.paper_matrices(ids)
    cache.close()
    assert [len(rows[p.id]) for p in papers] == [len(paper_sentences(p.title, p.abstract)) for p in papers]
    cache = VectorCache(whole)
    assert cache.paper_matrices(ids) == {}  # the `whole` plan does not read late-chunked unit rows
    cache.close()

    ensure_ready(whole)  # its own collection: units embedded alone, written over the late rows
    cache = VectorCache(whole)
    units = cache.paper_matrices(ids)
    cache.close()
    first = papers[0]
    fresh = embed_texts(paper_sentences(first.title, first.abstract), whole)
    assert np.sum(units[first.id] * fresh, axis=1).min() > 0.999
    assert np.sum(units[first.id] * rows[first.id], axis=1).min() < 0.99  # late units really differ


def test_late_chunking_needs_the_local_model() -> None:
    settings = Settings(embedding="openai", llm_base_url="http://127.0.0.1:9/v1", paper_vector="late")
    with pytest.raises(ConfigError, match="REVIEWER_PAPER_VECTOR=late"):
        late_vectors([("A title", "One sentence.")], settings)


def test_late_title_alone_replaces_only_the_title_row_and_keeps_its_own_unit_rows(tmp_path: Path) -> None:
    """REVIEWER_LATE_TITLE_ALONE: the title row is the title embedded alone (cached by content hash), every
    sentence row stays late-chunked, and the rows are stored under their own tag (never read as plain late rows)."""
    from reviewer.ingest.pipeline import ingest_paths

    picked = list(seed_papers_by_title().values())[:4]
    source = tmp_path / "four.jsonl"
    source.write_text("".join(json.dumps({"title": p.title, "abstract": p.abstract}) + "\n" for p in picked))
    home = tmp_path / "home"
    titled = Settings(home=home, paper_vector="late", late_title_alone=True, auto_ingest_seeds=False,
                      seed_vectors=False)
    plain = Settings(home=home, paper_vector="late", auto_ingest_seeds=False, seed_vectors=False)
    assert collection_name(titled) != collection_name(plain)  # switching the option rebuilds the unit rows
    ingest_paths(titled, [source], quiet=True)
    with Catalog(titled.catalog_path) as catalog:
        papers = catalog.papers()
    ids = [p.id for p in papers]
    cache = VectorCache(titled)
    rows = cache.paper_matrices(ids)
    cache.close()
    _, pooled = late_vectors([(p.title, p.abstract) for p in papers], plain)
    alone = embed_texts([p.title for p in papers], titled)
    for p, late, title in zip(papers, pooled, alone, strict=True):
        assert float(rows[p.id][0] @ title) > 0.9999  # the title alone, not pooled
        assert float(late[0] @ title) < 0.99
        assert np.sum(rows[p.id][1:] * late[1:], axis=1).min() > 0.9999  # sentences: the late rows
    with sqlite3.connect(titled.vectors_path) as db:  # whole texts + titles, both embedded alone
        assert db.execute("SELECT COUNT(*) FROM vec16").fetchone()[0] == 2 * len(papers)
    cache = VectorCache(plain)
    assert cache.paper_matrices(ids) == {}  # plain late rows are another tag
    cache.close()


def test_late_centre_takes_the_shared_paper_context_out_of_every_unit_row() -> None:
    """REVIEWER_LATE_CENTRE=b: each row is normalise(late row - b x whole-text vector), so a paper's rows are
    less alike (what the best-unit re-score tells apart); the paper vector is unchanged; its own collection."""
    papers = [(p.title, p.abstract) for p in list(seed_papers_by_title().values())[:3]]
    plain, centred = Settings(paper_vector="late"), Settings(paper_vector="late", late_centre=0.3)
    assert collection_name(plain) != collection_name(centred)
    whole, rows = late_vectors(papers, plain)
    same_whole, moved = late_vectors(papers, centred)
    assert np.abs(same_whole - whole).max() < 1e-6
    for w, m, c in zip(whole, rows, moved, strict=True):
        expected = m - 0.3 * w
        expected /= np.linalg.norm(expected, axis=1, keepdims=True)
        assert np.abs(c - expected).max() < 1e-5
        off = ~np.eye(len(m), dtype=bool)
        assert (c @ c.T)[off].mean() < (m @ m.T)[off].mean() - 0.02


def test_a_saved_survey_run_is_stale_when_a_late_option_changes(tmp_path: Path) -> None:
    """The options change the unit rows surveys rank with, so a run saved under other options must not be reused."""
    from reviewer.ingest.pipeline import corpus_version

    base = Settings(home=tmp_path / "h", paper_vector="late", auto_ingest_seeds=False)
    with Catalog(base.catalog_path) as catalog:
        versions = {corpus_version(base.model_copy(update=u), catalog=catalog)
                    for u in ({}, {"late_title_alone": True}, {"late_centre": 0.3})}
    assert len(versions) == 3
