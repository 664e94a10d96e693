"""The paper catalogue: deduplicated papers with stable ids and citation keys, in SQLite.

SQLite gives atomic transactions, so a process killed mid-ingest leaves either the whole batch or none.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from reviewer.errors import CorruptFileError, NotFoundError
from reviewer.models import Paper, PaperRecord
from reviewer.sqlite_schema import Schema
from reviewer.textutil import normalize, normalize_title, surname

_SCHEMA = """
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
# Between a title and the id of a same-title paper kept apart (normalised titles never hold controls).
SEP = "\x1f"
# Version 1 is the DDL above (frozen). Version 2 adds year, authors, venue, url, upvotes and sources as
# columns (they used to live only inside `data`), so they can be queried and exported.
CATALOG_SCHEMA = Schema("catalogue", _SCHEMA)
_META_COLUMNS = {
    "year": ("INTEGER", "json_extract(data, '$.year')"),
    "authors": ("TEXT", "(SELECT group_concat(value, '; ') FROM json_each(data, '$.authors'))"),
    "venue": ("TEXT", "json_extract(data, '$.venue')"),
    "url": ("TEXT", "json_extract(data, '$.url')"),
    "upvotes": ("INTEGER", "json_extract(data, '$.upvotes')"),
    "sources": ("TEXT", "(SELECT group_concat(value, '; ') FROM json_each(data, '$.sources'))"),
}
_MERGE_FIELDS = ("year", "url", "doi", "arxiv_id", "date", "n_authors", "organization", "upvotes", "venue", "kind")


@CATALOG_SCHEMA.migration(2)
def _add_metadata_columns(conn: sqlite3.Connection) -> None:
    have = {row[1] for row in conn.execute("PRAGMA table_info(papers)")}
    for column, (sql_type, expr) in _META_COLUMNS.items():
        if column not in have:
            conn.execute(f"ALTER TABLE papers ADD COLUMN {column} {sql_type}")
            conn.execute(f"UPDATE papers SET {column} = {expr}")


@CATALOG_SCHEMA.migration(3)
def _unicode_titles_and_reindex_queue(conn: sqlite3.Connection) -> None:
    """Version 3: titles keyed by the Unicode-aware normalize_title (the old key kept only a-z0-9, so
    "C" and "C++" or any two Chinese titles collided), and a queue of merged papers to re-index."""
    conn.execute("CREATE TABLE IF NOT EXISTS reindex (id TEXT PRIMARY KEY)")
    rows = conn.execute("SELECT id, data FROM papers ORDER BY seq").fetchall()
    conn.execute("UPDATE papers SET norm_title = char(31) || id")  # free every value first
    seen: set[str] = set()
    for pid, data in rows:
        norm = title_key(Paper.model_validate_json(data).title)
        norm = norm if norm not in seen else f"{norm}{SEP}{pid}"
        seen.add(norm)
        conn.execute("UPDATE papers SET norm_title=? WHERE id=?", (norm, pid))


_STOP = {
    "a", "an", "the", "on", "of", "for", "and", "in", "to", "with", "via", "is", "are", "do", "does",
    "what", "how", "why", "can", "we", "towards", "toward", "from", "by", "at", "as", "its", "it", "be",
    "your", "our", "when", "not", "all", "more", "than", "into", "beyond", "using", "through",
}
# Words too common in ML titles to identify a paper in a key (used only if other words remain).
_GENERIC = {"large", "language", "model", "models", "llm", "llms", "learning", "neural", "deep", "based", "study"}


class IngestStats(BaseModel):
    added: int = 0
    merged: int = 0
    unchanged: int = 0
    near_duplicates: list[str] = Field(default_factory=list, description="Same title, kept apart: why.")


def title_key(title: str) -> str:
    """normalize_title, never empty: a title of punctuation only is compared as its casefolded text."""
    return normalize_title(title) or " ".join(title.casefold().split())


def paper_id(title: str, discriminator: str = "") -> str:
    """Stable id from the normalised title, so re-ingesting in any order gives the same id.

    A different paper with the same title gets the discriminator (its authors and year) hashed in too.
    """
    text = title_key(title) + (f"\0{discriminator}" if discriminator else "")
    return "p" + hashlib.sha1(text.encode()).hexdigest()[:11]


def _name_tokens(authors: list[str]) -> set[str]:
    return {t for a in authors for t in normalize_title(a).split() if len(t) > 1}


def conflict(paper: Paper, rec: PaperRecord) -> str | None:
    """Why a record with the same title is a different paper (different ids, authors or year), else None."""
    if paper.doi and rec.doi and paper.doi != rec.doi:
        return f"DOI {rec.doi} differs from {paper.doi}"
    if paper.arxiv_id and rec.arxiv_id and paper.arxiv_id != rec.arxiv_id:
        return f"arXiv id {rec.arxiv_id} differs from {paper.arxiv_id}"
    if paper.authors and rec.authors and not _name_tokens(paper.authors) & _name_tokens(rec.authors):
        return f"authors ({rec.authors[0]}) differ from ({paper.authors[0]})"
    if paper.year and rec.year and abs(paper.year - rec.year) > 1:
        return f"year {rec.year} differs from {paper.year}"
    return None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", normalize(text))


def base_key(record: PaperRecord | Paper) -> str:
    """`surname` + `year` + first content word of the title, e.g. wang2025preference."""
    title_words = [w for w in map(_slug, normalize(record.title).split()) if w and w not in _STOP and not w.isdigit()]
    title_words = [w for w in title_words if w not in _GENERIC] or title_words
    first = _slug(surname(record.authors[0])) if record.authors else ""
    if not first:
        first = title_words.pop(0) if title_words else "anon"
    word = next((w for w in title_words if len(w) > 2 and w != first), title_words[0] if title_words else "")
    year = str(record.year) if record.year else ""
    return (first[:20] + year + _slug(word)[:20]) or "paper"


def _columns(paper: Paper) -> tuple[object, ...]:
    """The queryable metadata columns, in _META_COLUMNS order."""
    return (paper.year, "; ".join(paper.authors) or None, paper.venue, paper.url, paper.upvotes,
            "; ".join(paper.sources) or None)


class Catalog:
    """Papers by id and key, with dedup by normalised title, DOI and arXiv id."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(str(path), timeout=60, isolation_level=None)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            CATALOG_SCHEMA.ensure(self._db, path)
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise CorruptFileError(path, exc, "restore it from a backup, or move it away and re-ingest "
                                   "your files (reviewer ingest PATH)") from exc

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------------
    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM papers").fetchone()[0])

    def version(self) -> str:
        """Changes whenever papers are added or merged; the BM25 index records which one it saw."""
        row = self._db.execute("SELECT value FROM meta WHERE name='version'").fetchone()
        return row[0] if row else "0"

    def ids(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT id FROM papers ORDER BY seq")]

    def iter_papers(self) -> Iterator[Paper]:
        for (data,) in self._db.execute("SELECT data FROM papers ORDER BY seq"):
            yield Paper.model_validate_json(data)

    def papers(self) -> list[Paper]:
        return list(self.iter_papers())

    def get_many(self, ids: Iterable[str]) -> dict[str, Paper]:
        wanted = list(dict.fromkeys(ids))
        found: dict[str, Paper] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for (data,) in self._db.execute(f"SELECT data FROM papers WHERE id IN ({marks})", chunk):
                paper = Paper.model_validate_json(data)
                found[paper.id] = paper
        return found

    def lazy(self, ids: list[str]) -> Sequence[Paper]:
        """These papers, read a slice at a time: the index embeds them in chunks, so a 100k-paper ingest never
        holds every Paper at once (benchmarks/RESULTS.md §5)."""
        return _LazyPapers(self, ids)

    def resolve(self, ref: str) -> Paper:
        """A paper by id, citation key (with or without @) or exact title."""
        ref = ref.strip().lstrip("@")
        row = self._db.execute(
            "SELECT data FROM papers WHERE id=? OR key=? OR norm_title=?", (ref, ref, title_key(ref))
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no paper with id or key {ref!r}", hint="list them with: reviewer papers")
        return Paper.model_validate_json(row[0])

    # -- writing -------------------------------------------------------------------------------
    def _find(self, rec: PaperRecord, norm: str) -> tuple[Paper | None, str | None]:
        """The paper this record is (same DOI or arXiv id, or same title without conflicting authors,
        year or ids), else None and, for a same-title paper kept apart, the reason."""
        for column, value in (("doi", rec.doi), ("arxiv_id", rec.arxiv_id)):
            if value:
                row = self._db.execute(f"SELECT data FROM papers WHERE {column}=?", (value,)).fetchone()
                if row:
                    return Paper.model_validate_json(row[0]), None
        reason = None
        rows = self._db.execute(
            "SELECT data FROM papers WHERE norm_title=? OR (norm_title > ? AND norm_title < ?) ORDER BY seq",
            (norm, norm + SEP, norm + chr(ord(SEP) + 1)),
        )
        for (data,) in rows:
            paper = Paper.model_validate_json(data)
            why = conflict(paper, rec)
            if why is None:
                return paper, None
            reason = reason or f"{paper.key}: {why}"
        return None, reason

    def sources(self) -> list[str]:
        """Every ingested file name, as `--source` accepts it."""
        rows = self._db.execute("SELECT DISTINCT j.value FROM papers, json_each(papers.data, '$.sources') AS j")
        return sorted(str(r[0]) for r in rows)

    def pending_reindex(self) -> list[str]:
        """Ids of merged papers whose vectors, sentence rows and metadata must be written again."""
        return [r[0] for r in self._db.execute("SELECT id FROM reindex ORDER BY id")]

    def clear_reindex(self, ids: list[str]) -> None:
        self._db.executemany("DELETE FROM reindex WHERE id=?", [(i,) for i in ids])

    def _unique_key(self, base: str) -> str:
        key, suffix = base, ord("b")
        while self._db.execute("SELECT 1 FROM papers WHERE key=?", (key,)).fetchone():
            key = f"{base}{chr(suffix)}" if suffix <= ord("z") else f"{base}{suffix - ord('z')}"
            suffix += 1
        return key

    @staticmethod
    def _merge(paper: Paper, rec: PaperRecord) -> Paper | None:
        """Fill fields the stored paper lacks; return None when nothing changes."""
        update: dict[str, object] = {}
        for field in _MERGE_FIELDS:
            if getattr(paper, field) in (None, "") and getattr(rec, field) not in (None, ""):
                update[field] = getattr(rec, field)
        if not paper.authors and rec.authors:
            update["authors"] = list(rec.authors)
        real_over_tldr = paper.abstract_source == "tldr" and rec.abstract_source != "tldr"
        tldr_over_real = rec.abstract_source == "tldr" and paper.abstract_source != "tldr"
        if real_over_tldr or (len(rec.abstract) > len(paper.abstract) * 1.2 and not tldr_over_real):
            update["abstract"] = rec.abstract
            update["abstract_source"] = rec.abstract_source
        if rec.source_id and rec.source_id not in paper.source_ids:
            update["source_ids"] = [*paper.source_ids, rec.source_id]
        source = Path(rec.source).name if rec.source else ""
        if source and source not in paper.sources:
            update["sources"] = [*paper.sources, source]
        return paper.model_copy(update=update) if update else None

    def add_records(self, records: Iterable[PaperRecord], batch_size: int = 500) -> IngestStats:
        """Insert or merge records, committing every `batch_size` so progress survives a crash."""
        stats = IngestStats()
        batch: list[PaperRecord] = []
        for rec in records:
            batch.append(rec)
            if len(batch) >= batch_size:
                self._add_batch(batch, stats)
                batch = []
        if batch:
            self._add_batch(batch, stats)
        return stats

    def _add_batch(self, batch: list[PaperRecord], stats: IngestStats) -> None:
        changed = False
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for rec in batch:
                norm = title_key(rec.title)
                existing, near = self._find(rec, norm)
                if existing is not None:
                    merged = self._merge(existing, rec)
                    if merged is None:
                        stats.unchanged += 1
                        continue
                    self._db.execute(
                        "UPDATE papers SET doi=?, arxiv_id=?, data=?, year=?, authors=?, venue=?, url=?, upvotes=?,"
                        " sources=? WHERE id=?",
                        (merged.doi, merged.arxiv_id, merged.model_dump_json(), *_columns(merged), merged.id),
                    )
                    self._db.execute("INSERT OR IGNORE INTO reindex VALUES (?)", (merged.id,))
                    stats.merged += 1
                    changed = True
                    continue
                pid = paper_id(rec.title)
                if near is not None:
                    pid = paper_id(rec.title, f"{'; '.join(rec.authors)}\0{rec.year or ''}\0{rec.doi or ''}")
                    where = f"{Path(rec.source).name}:{rec.line}" if rec.line else Path(rec.source).name
                    stats.near_duplicates.append(f"{where}: {rec.title[:80]!r} kept as a separate paper ({near})")
                    norm = f"{norm}{SEP}{pid}"
                paper = Paper(
                    id=pid,
                    key=self._unique_key(base_key(rec)),
                    title=rec.title,
                    abstract=rec.abstract,
                    raw_title=rec.raw_title,
                    raw_abstract=rec.raw_abstract,
                    authors=rec.authors,
                    year=rec.year,
                    url=rec.url,
                    doi=rec.doi,
                    arxiv_id=rec.arxiv_id,
                    date=rec.date,
                    n_authors=rec.n_authors if rec.n_authors is not None else (len(rec.authors) or None),
                    organization=rec.organization,
                    upvotes=rec.upvotes,
                    venue=rec.venue,
                    kind=rec.kind,
                    abstract_source=rec.abstract_source,
                    source_ids=[rec.source_id] if rec.source_id else [],
                    sources=[Path(rec.source).name] if rec.source else [],
                )
                self._db.execute(
                    "INSERT INTO papers (id, key, norm_title, doi, arxiv_id, data, year, authors, venue, url, upvotes,"
                    " sources) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (paper.id, paper.key, norm, paper.doi, paper.arxiv_id, paper.model_dump_json(), *_columns(paper)),
                )
                stats.added += 1
                changed = True
            if changed:
                self._db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (uuid.uuid4().hex,))
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def get_meta(self, name: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE name=?", (name,)).fetchone()
        return row[0] if row else None

    def set_meta(self, name: str, value: object) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, json.dumps(value)))


class _LazyPapers(Sequence[Paper]):
    """A list-like view of catalogue papers by id whose slices are fetched when asked for."""

    def __init__(self, catalog: Catalog, ids: list[str]) -> None:
        self.catalog, self.ids = catalog, ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index: int | slice) -> Any:
        ids = self.ids[index] if isinstance(index, slice) else [self.ids[index]]
        found = self.catalog.get_many(ids)
        papers = [found[i] for i in ids if i in found]
        return papers if isinstance(index, slice) else papers[0]
