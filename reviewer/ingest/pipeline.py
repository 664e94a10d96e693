"""Corpus ingest: parse files, add papers to the catalogue, bring the indexes up to date, under a lock."""

from __future__ import annotations

import json
import os
import stat
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel, Field

from reviewer.catalog import Catalog, IngestStats
from reviewer.errors import CorruptFileError, EmptyCorpusError, InputError, ReviewerError
from reviewer.index import METADATA_FORMAT, SyncStats, collection_name, lexical_tag, sync_index
from reviewer.models import PaperRecord
from reviewer.settings import Settings

INDEXED_MARK = "indexed_version"


class FileReport(BaseModel):
    path: str
    records: int = 0
    errors: list[str] = Field(default_factory=list)


class IngestReport(BaseModel):
    files: list[FileReport] = Field(default_factory=list)
    stats: IngestStats = Field(default_factory=IngestStats)
    index: SyncStats | None = None
    total_papers: int = 0

    @property
    def errors(self) -> list[str]:
        return [e for f in self.files for e in f.errors]


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given, and the non-hidden entries under any directory that are not directories, in a
    stable order (a FIFO or device among them is then reported, not silently skipped or opened)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(
                sorted(p for p in path.rglob("*") if not p.is_dir() and not any(x.startswith(".") for x in p.parts))
            )
        else:
            out.append(path)
    return out


def _not_regular(path: Path) -> str | None:
    """Why `path` cannot be read as a corpus file (missing, FIFO, device, socket), else None.

    Opening a FIFO or a terminal blocks, so anything but a regular file is refused before it is opened.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "no such file"
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a character device" if stat.S_ISCHR(mode)
            else "a block device" if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else "a special file")
    return f"is {kind}, not a regular file or directory; skipped"


def _records(path: Path, report: FileReport) -> Iterator[PaperRecord]:
    from reviewer.ingest.markup import clean_record
    from reviewer.ingest.parse import parse_file

    problem = _not_regular(path)
    if problem is not None:
        report.errors.append(str(InputError(str(path), problem)))
        return
    try:
        for item in parse_file(path):
            if isinstance(item, InputError):
                report.errors.append(str(item))
            else:
                report.records += 1
                yield clean_record(item)
    except OSError as exc:
        report.errors.append(str(InputError(str(path), f"cannot read: {exc.strerror or exc}")))


class IngestRunning(ReviewerError):
    """Another process holds the ingest lock."""

    retryable = True


def _lock_info_path(settings: Settings) -> Path:
    return settings.lock_path.with_name(settings.lock_path.name + ".json")


def _holder(settings: Settings) -> str:
    """'pid N, since HH:MM:SS' of the process holding the ingest lock, as it recorded itself."""
    try:
        info = json.loads(_lock_info_path(settings).read_text())
        since = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(float(info["since"])))
        return f"pid {int(info['pid'])}, since {since}"
    except (OSError, ValueError, KeyError, TypeError):
        return "pid unknown"


@contextmanager
def writer_lock(settings: Settings, wait: bool = False, quiet: bool | None = None) -> Iterator[None]:
    """Hold the ingest lock. Busy: fail at once naming the holder, or with `wait` say so and block."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(settings.lock_path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if not wait:
            raise IngestRunning(f"an ingest is already running ({_holder(settings)})",
                                hint="wait for it to finish, or add --wait to queue behind it") from None
        if quiet is not True:  # shown even when not on a terminal: otherwise the wait looks like a hang
            print(f"note: waiting for the running ingest ({_holder(settings)}) …", file=sys.stderr, flush=True)
        lock.acquire()
    try:
        info = _lock_info_path(settings)
        info.write_text(json.dumps({"pid": os.getpid(), "since": time.time()}))
        yield
    finally:
        _lock_info_path(settings).unlink(missing_ok=True)
        lock.release()


def ingest_paths(settings: Settings, paths: list[Path], quiet: bool | None = None, wait: bool = False) -> IngestReport:
    """Ingest every readable paper; a bad file or line is reported and never stops the others."""
    settings.ensure_home()
    report = IngestReport()
    with writer_lock(settings, wait, quiet):
        _refuse_truncated_catalog(settings)  # under the lock: a catalogue being created is briefly 0 bytes
        _ingest_locked(settings, paths, quiet, report)
    return report


def _ingest_locked(settings: Settings, paths: list[Path], quiet: bool | None, report: IngestReport) -> None:
    with Catalog(settings.catalog_path) as catalog:
        for path in expand_paths(paths):
            file_report = FileReport(path=str(path))
            report.files.append(file_report)
            stats = catalog.add_records(_records(path, file_report))
            report.stats.added += stats.added
            report.stats.merged += stats.merged
            report.stats.unchanged += stats.unchanged
            report.stats.near_duplicates += stats.near_duplicates
        report.index = _sync(settings, catalog, quiet)
        report.total_papers = catalog.count()


def _mark(settings: Settings, version: str) -> dict[str, object]:
    """What the indexes were last built for: corpus version, store, collection and metadata format."""
    mark = {"version": version, "target": settings.chroma_url or "embedded",
            "collection": collection_name(settings), "format": METADATA_FORMAT}
    tag = lexical_tag(settings)  # '' at the default BM25 settings: the marks of older homes still match
    return {**mark, "lexical": tag} if tag else mark


def _sync(settings: Settings, catalog: Catalog, quiet: bool | None) -> SyncStats:
    version = catalog.version()
    before = catalog.get_meta(INDEXED_MARK)
    old = json.loads(before) if before else {}
    relabel = isinstance(old, dict) and old.get("format") != METADATA_FORMAT
    previous = old.get("collection") if isinstance(old, dict) else None
    stats = sync_index(settings, catalog, quiet, all_metadata=relabel, previous_collection=previous)
    catalog.set_meta(INDEXED_MARK, _mark(settings, version))
    return stats


def _zero_bytes(path: Path) -> bool:
    return path.is_file() and path.stat().st_size == 0


def _refuse_truncated_catalog(settings: Settings, recheck_locked: bool = False) -> None:
    """A 0-byte catalogue is a damaged one (SQLite would treat it as new and the seeds would refill it).

    `recheck_locked`: look again holding the ingest lock, since a catalogue another process is creating
    is 0 bytes for a moment (it is created under the lock)."""
    path = settings.catalog_path
    if recheck_locked and _zero_bytes(path):
        with writer_lock(settings, wait=True, quiet=True):
            pass
    if _zero_bytes(path):
        raise CorruptFileError(path, ValueError("0 bytes"),
                               "restore it from a backup, or delete it to start an empty corpus (the bundled "
                               "seeds are ingested into a home with no catalogue)")


def _indexes_present(settings: Settings) -> bool:
    """The on-disk indexes the mark says exist are still there (a deleted chroma/ or bm25/ is rebuilt)."""
    pointer = settings.bm25_path / "current.json"
    try:
        folder = settings.bm25_path / json.loads(pointer.read_text())["folder"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if not (folder / "ids.json").is_file():
        return False
    return bool(settings.chroma_url) or (settings.chroma_path / "chroma.sqlite3").is_file()


def ensure_ready(settings: Settings, quiet: bool | None = None, force: bool = False) -> None:
    """First use ingests the bundled seeds; a catalogue changed since the last sync, or an index that is
    missing or was built for another collection, is (re)built. While another process ingests, readers
    do not wait: they use the last committed state."""
    settings.ensure_home()
    _refuse_truncated_catalog(settings, recheck_locked=True)
    with Catalog(settings.catalog_path) as catalog:
        empty = catalog.count() == 0
        mark = _mark(settings, catalog.version())
        fresh = not force and not empty and catalog.get_meta(INDEXED_MARK) == json.dumps(mark) \
            and _indexes_present(settings)
    if fresh:
        return
    if empty:
        if not settings.auto_ingest_seeds or not settings.seeds_dir.is_dir():
            raise EmptyCorpusError(
                "the corpus is empty", hint="add papers with: reviewer ingest PATH (JSONL, CSV, BibTeX or text)"
            )
        # First use: there is no committed state to read yet, so wait for a seeds ingest already running.
        ingest_paths(settings, [settings.seeds_dir], quiet, wait=True)
        return
    try:
        with writer_lock(settings), Catalog(settings.catalog_path) as catalog:
            _sync(settings, catalog, quiet)
    except IngestRunning:
        if not _indexes_present(settings):
            raise IngestRunning(f"the index is missing and an ingest is running ({_holder(settings)})",
                                hint="run the command again when the ingest has finished") from None


# Settings that change which papers and sentences a survey sees, so a saved run made under others is stale.
_RESULT_SETTINGS = ("embedding", "minilm_model", "index_model", "openai_embedding_model", "embed_max_length", "collection", "chroma_url",
                    "paper_vector", "late_title_alone", "late_centre", "late_window", "paper_title_weight", "fusion",
                    "dense_weight", "sentence_rerank", "rrf_k", "candidate_pool", "min_evidence_score",
                    "min_evidence_similarity", "evidence_batch_size", "llm_temperature", "llm_max_tokens")


def corpus_version(settings: Settings, quiet: bool | None = None, catalog: Catalog | None = None) -> str:
    """The catalogue version after ensure_ready (it changes whenever papers are added or merged), plus a
    digest of the retrieval settings: either changing means a saved survey run is stale."""
    import hashlib

    if catalog is not None:  # an open retriever's catalogue: already ready
        version = catalog.version()
    else:
        ensure_ready(settings, quiet)
        with Catalog(settings.catalog_path) as opened:
            version = opened.version()
    knobs_by_name = {name: str(getattr(settings, name)) for name in _RESULT_SETTINGS}
    tag = lexical_tag(settings)  # only when not the default: saved runs made before the BM25 settings stay fresh
    knobs = json.dumps({**knobs_by_name, "lexical": tag} if tag else knobs_by_name, sort_keys=True)
    return f"{version}-{hashlib.sha1(knobs.encode()).hexdigest()[:8]}"
