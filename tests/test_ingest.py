"""Ingest through the CLI: dedup of the seeds, idempotent and incremental re-ingest, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEEDS
from reviewer.catalog import Catalog
from reviewer.cli import cli
from reviewer.index import VectorStore
from reviewer.settings import Settings


def _papers(runner: CliRunner) -> list[dict]:
    result = runner.invoke(cli, ["papers", "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_seeds_dedup_to_343_with_unique_keys(seeded_home: Path) -> None:
    rows = _papers(CliRunner())
    assert len(rows) == 343
    assert len({r["key"] for r in rows}) == 343
    assert len({r["id"] for r in rows}) == 343
    titles = {r["title"] for r in rows}
    assert "What Is Preference Optimization Doing, How and Why?" in titles
    assert not any(t in titles for t in ("Subscribe", "Daily Papers", "Get trending papers in your email inbox!"))
    # papers listed in several seed files carry every source
    assert any(len(r["sources"]) > 1 for r in rows)


def test_reingest_changes_nothing(seeded_home: Path) -> None:
    runner = CliRunner()
    before = _papers(runner)
    result = runner.invoke(cli, ["ingest", str(SEEDS), "--json", "-q"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["stats"]["added"] == 0
    assert report["index"]["embedded"] == 0
    after = _papers(runner)
    assert [(r["id"], r["key"]) for r in after] == [(r["id"], r["key"]) for r in before]
    assert len(VectorStore(Settings()).ids()) == 343


def test_adding_a_file_indexes_only_new_papers(seeded_home: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra.jsonl"
    extra.write_text(
        json.dumps({"title": "Sparse Autoencoders Find Interpretable Features in Reward Models",
                    "abstract": "We train sparse autoencoders on reward model activations. They reveal "
                                "interpretable features that predict preference labels.",
                    "authors": ["Ada Lovelace"], "year": 2025}) + "\n"
        + json.dumps({"title": "What Is Preference Optimization Doing, How and Why?",
                      "abstract": "duplicate of a seed paper with a year added", "year": 2025}) + "\n"
    )
    result = CliRunner().invoke(cli, ["ingest", str(extra), "--json", "-q"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["stats"]["added"] == 1
    assert report["stats"]["merged"] == 1
    assert report["index"]["embedded"] == 1
    with Catalog(Settings().catalog_path) as catalog:
        assert catalog.count() == 344
        new = catalog.resolve("Sparse Autoencoders Find Interpretable Features in Reward Models")
        assert new.key == "lovelace2025sparse"
        merged = catalog.resolve("What Is Preference Optimization Doing, How and Why?")
        assert merged.year == 2025  # metadata merged ...
        assert merged.abstract.startswith("Preference optimization (PO) is indispensable")  # ... text kept


def test_bad_files_are_reported_and_good_papers_still_ingested(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.jsonl").write_text(
        json.dumps({"title": "Paper One on Tool Use", "abstract": "Agents call tools to finish tasks."}) + "\n"
        + "this line is not a paper\n"
        + json.dumps({"title": "Paper Two on Planning", "abstract": "Planning helps agents reason."}) + "\n"
    )
    (folder / "blob.bin").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.csv").write_text("")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "-q"])
    assert result.exit_code == 1
    assert "good.jsonl:2" in result.stderr
    assert "blob.bin" in result.stderr
    assert "empty.csv" in result.stderr
    with Catalog(Settings().catalog_path) as catalog:
        assert {p.title for p in catalog.papers()} == {"Paper One on Tool Use", "Paper Two on Planning"}


def test_keys_are_stable_across_fresh_homes(tmp_path: Path, monkeypatch) -> None:
    rows = []
    for name in ("a", "b"):
        monkeypatch.setenv("REVIEWER_HOME", str(tmp_path / name))
        with Catalog(Settings().catalog_path) as catalog:
            from reviewer.ingest.parse import parse_file

            for f in sorted(SEEDS.iterdir()):
                catalog.add_records(r for r in parse_file(f) if not isinstance(r, Exception))
            rows.append([(p.id, p.key) for p in catalog.papers()])
    assert rows[0] == rows[1]
    assert len(rows[0]) == 343


def test_the_mean_paper_vector_is_the_mean_of_the_title_and_sentence_vectors(tmp_path: Path) -> None:
    """REVIEWER_PAPER_VECTOR=mean embeds no whole text: Chroma holds the centroid of the rows ingest cached."""
    import sqlite3

    from reviewer.ingest.pipeline import ingest_paths
    from reviewer.vector_cache import VectorCache, mean_vectors

    settings = Settings(home=tmp_path / "mean-home", paper_vector="mean", paper_title_weight=None,
                        auto_ingest_seeds=False)
    ingest_paths(settings, [sorted(SEEDS.iterdir())[0]], quiet=True)
    with Catalog(settings.catalog_path) as catalog:
        papers = catalog.papers()[:40]
    ids = [p.id for p in papers]
    cache = VectorCache(settings.index_settings)  # the unit rows and any whole text: the index model's
    rows = cache.paper_matrices(ids)
    hashes = [cache._hash(p.text) for p in papers]
    cache.close()
    stored = VectorStore(settings).vectors(ids)
    expected = mean_vectors([rows[i] for i in ids])
    cosines = [float(stored[i] @ expected[k]) for k, i in enumerate(ids)]
    assert min(cosines) > 0.999, min(cosines)
    with sqlite3.connect(settings.home / "vectors.sqlite") as db:
        found = db.execute(f"SELECT COUNT(*) FROM vec16 WHERE h IN ({','.join('?' * len(hashes))})", hashes).fetchone()
    assert found[0] == 0  # no whole "title. abstract" text was embedded


def test_a_title_weight_puts_that_share_of_the_title_vector_in_the_paper_vector(tmp_path: Path) -> None:
    """paper_title_weight w: Chroma holds normalise(w * title + (1 - w) * mean of the sentence vectors)."""
    import numpy as np

    from reviewer.ingest.pipeline import ingest_paths
    from reviewer.vector_cache import VectorCache

    settings = Settings(home=tmp_path / "w-home", paper_vector="mean", paper_title_weight=0.4, auto_ingest_seeds=False)
    ingest_paths(settings, [sorted(SEEDS.iterdir())[0]], quiet=True)
    with Catalog(settings.catalog_path) as catalog:
        papers = [p for p in catalog.papers() if p.title.strip()][:40]
    ids = [p.id for p in papers]
    cache = VectorCache(settings.index_settings)  # the unit rows are the index model's
    rows = cache.paper_matrices(ids)
    cache.close()
    stored = VectorStore(settings).vectors(ids)
    weighted, centroid = [], []
    for i in ids:
        m = rows[i]
        want = 0.4 * m[0] + 0.6 * m[1:].mean(axis=0)
        plain = m.mean(axis=0)
        weighted.append(float(stored[i] @ want / np.linalg.norm(want)))
        centroid.append(float(stored[i] @ plain / np.linalg.norm(plain)))
    assert min(weighted) > 0.999, min(weighted)
    assert min(centroid) < 0.99  # the title really moved the vector away from the plain centroid


def test_an_empty_title_weight_selects_the_plain_centroid(monkeypatch: pytest.MonkeyPatch) -> None:
    """REVIEWER_PAPER_TITLE_WEIGHT= (or none) means no title weight; a number is used as given."""
    for value in ("", "none", "None"):
        monkeypatch.setenv("REVIEWER_PAPER_TITLE_WEIGHT", value)
        assert Settings().paper_title_weight is None
    monkeypatch.setenv("REVIEWER_PAPER_TITLE_WEIGHT", "0.45")
    assert Settings().paper_title_weight == 0.45


def test_switching_the_paper_vector_plan_rebuilds_the_paper_vectors(tmp_path: Path) -> None:
    """A home built with whole-text vectors, reopened with REVIEWER_PAPER_VECTOR=mean, holds mean vectors
    (not the old whole-text ones), and switching back finds the whole-text vectors again."""
    from reviewer.ingest.pipeline import ensure_ready, ingest_paths
    from reviewer.vector_cache import VectorCache, mean_vectors

    home = tmp_path / "switch-home"
    whole = Settings(home=home, paper_vector="whole", auto_ingest_seeds=False)
    ingest_paths(whole, [sorted(SEEDS.iterdir())[0]], quiet=True)
    with Catalog(whole.catalog_path) as catalog:
        ids = [p.id for p in catalog.papers()[:20]]
    before = VectorStore(whole).vectors(ids)

    mean = Settings(home=home, paper_vector="mean", paper_title_weight=None, auto_ingest_seeds=False)
    ensure_ready(mean, quiet=True)
    cache = VectorCache(mean.index_settings)  # the unit rows are the index model's
    rows = cache.paper_matrices(ids)
    cache.close()
    expected = mean_vectors([rows[i] for i in ids])
    stored = VectorStore(mean).vectors(ids)
    assert min(float(stored[i] @ expected[k]) for k, i in enumerate(ids)) > 0.999
    assert min(float(stored[i] @ before[i]) for i in ids) < 0.99  # really other vectors than the whole-text ones

    ensure_ready(whole, quiet=True)
    again = VectorStore(whole).vectors(ids)
    assert min(float(again[i] @ before[i]) for i in ids) > 0.999
