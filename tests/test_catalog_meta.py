"""Catalogue metadata: schema version and migration from the first schema, merges that fill gaps,
citation keys from first author and year, and every field of a CSL-JSON import kept."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reviewer.catalog import CATALOG_SCHEMA, Catalog
from reviewer.errors import ConfigError
from reviewer.ingest.parse import parse_file
from reviewer.models import PaperRecord

FIX = Path(__file__).parent / "fixtures" / "formats"
# The catalogue schema of the first release (PRAGMA user_version 0), verbatim.
_V0_SCHEMA = """
CREATE TABLE IF NOT EXISTS papers (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT UNIQUE NOT NULL,
    key TEXT UNIQUE NOT NULL,
    norm_title TEXT UNIQUE NOT NULL,
    doi TEXT,
    arxiv_id TEXT,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS papers_doi ON papers(doi);
CREATE INDEX IF NOT EXISTS papers_arxiv ON papers(arxiv_id);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def _records(name: str) -> list[PaperRecord]:
    return [r for r in parse_file(FIX / name) if isinstance(r, PaperRecord)]


def test_first_schema_is_migrated_with_metadata_backfilled(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite"
    db = sqlite3.connect(path)
    db.executescript(_V0_SCHEMA)
    old = {"id": "p1", "key": "wang2024reward", "title": "Reward Hacking in RLHF", "abstract": "An abstract.",
           "authors": ["Yi Wang", "Ana Li"], "year": 2024, "url": "https://example.org/p1", "doi": None,
           "arxiv_id": None, "date": None, "n_authors": 2, "organization": None, "sources": ["a.jsonl"]}
    db.execute("INSERT INTO papers (id, key, norm_title, doi, arxiv_id, data) VALUES (?,?,?,?,?,?)",
               ("p1", "wang2024reward", "reward hacking in rlhf", None, None, json.dumps(old)))
    db.commit()
    db.close()
    with Catalog(path) as catalog:
        paper = catalog.resolve("wang2024reward")
        assert paper.authors == ["Yi Wang", "Ana Li"] and paper.upvotes is None and paper.venue is None
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == CATALOG_SCHEMA.version == 3
    row = db.execute("SELECT year, authors, url, sources, venue, upvotes FROM papers").fetchone()
    assert row == (2024, "Yi Wang; Ana Li", "https://example.org/p1", "a.jsonl", None, None)
    db.close()
    with Catalog(path) as catalog:  # opening again is a no-op
        assert catalog.count() == 1


def test_newer_schema_is_refused_with_the_file_named(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(ConfigError, match="catalog.sqlite: catalogue schema version 99"):
        Catalog(path)


def test_every_field_kept_in_the_catalogue_and_columns(tmp_path: Path) -> None:
    with Catalog(tmp_path / "c.sqlite") as catalog:
        catalog.add_records(_records("zotero-csl.json"))
        paper = catalog.resolve("The Lessons of Developing Process Reward Models in Mathematical Reasoning")
        assert paper.key == "zhang2025lessons"  # first author + year + first distinctive word
        assert paper.authors == ["Zhenru Zhang", "Chujie Zheng", "Yangzhen Wu"] and paper.year == 2025
        assert paper.venue == "Transactions on Machine Learning Research" and paper.kind == "article"
        assert (paper.doi, paper.arxiv_id, paper.date) == ("10.48550/arxiv.2501.07301", "2501.07301", "2025-01-13")
        assert paper.source_ids == ["http://zotero.org/users/1/items/ABCD1234"]
        free = catalog.resolve("Free Process Rewards without Process Labels")
        assert free.key == "team2024free"  # a literal first author: its last word
    db = sqlite3.connect(tmp_path / "c.sqlite")
    rows = dict(db.execute("SELECT key, venue FROM papers").fetchall())
    assert rows["cao2025dreamprm"] == "Advances in Neural Information Processing Systems"


def test_merges_fill_missing_fields_and_a_real_abstract_replaces_a_tldr(tmp_path: Path) -> None:
    with Catalog(tmp_path / "c.sqlite") as catalog:
        catalog.add_records(_records("openalex-page.json"))  # AURORA: authors, year, venue, no upvotes
        hf = PaperRecord(title="AURORA:Automated Training Framework of Universal Process Reward Models via "
                         "Ensemble Prompting and Reverse Verification", abstract="Short.", upvotes=42,
                         organization="INF", source="daily.txt")
        stats = catalog.add_records([hf])
        assert stats.merged == 1
        aurora = catalog.resolve("tan2025aurora")
        assert aurora.upvotes == 42 and aurora.organization == "INF" and aurora.venue.startswith("arXiv")
        assert aurora.abstract.startswith("The reasoning capabilities")  # a shorter abstract does not replace
        assert aurora.sources == ["openalex-page.json", "daily.txt"]

        catalog.add_records(_records("s2-search.json"))
        think = catalog.resolve("Process reward models that think")
        assert think.abstract_source == "tldr"
        real = PaperRecord(title="Process Reward Models That Think", abstract="We build ThinkPRM.",
                           venue="ACL", source="acl.jsonl")
        catalog.add_records([real])
        think = catalog.resolve(think.key)
        assert think.abstract == "We build ThinkPRM." and think.abstract_source is None
        assert think.venue == "ACL"  # the S2 record had an empty venue: filled by the merge
