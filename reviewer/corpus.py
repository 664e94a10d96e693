"""Corpus ingest: parse files, add papers to the catalogue, bring the indexes up to date, under a lock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, Field

from reviewer.catalog import Catalog, IngestStats
from reviewer.errors import EmptyCorpusError, InputError
from reviewer.index import SyncStats, sync_index
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
    """Files as given, and the regular non-hidden files under any directory, in a stable order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and not any(x.startswith(".") for x in p.parts))
            )
        else:
            out.append(path)
    return out


def _records(path: Path, report: FileReport) -> Iterator[PaperRecord]:
    from reviewer.ingest.markup import clean_record
    from reviewer.ingest.parse import parse_file

    if not path.exists():
        report.errors.append(str(InputError(str(path), "no such file")))
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


def ingest_paths(settings: Settings, paths: list[Path], quiet: bool | None = None) -> IngestReport:
    """Ingest every readable paper; a bad file or line is reported and never stops the others."""
    from filelock import FileLock

    settings.ensure_home()
    report = IngestReport()
    with FileLock(str(settings.lock_path), timeout=600), Catalog(settings.catalog_path) as catalog:
        for path in expand_paths(paths):
            file_report = FileReport(path=str(path))
            report.files.append(file_report)
            stats = catalog.add_records(_records(path, file_report))
            report.stats.added += stats.added
            report.stats.merged += stats.merged
            report.stats.unchanged += stats.unchanged
        report.index = _sync(settings, catalog, quiet)
        report.total_papers = catalog.count()
    return report


def _sync(settings: Settings, catalog: Catalog, quiet: bool | None) -> SyncStats:
    version = catalog.version()
    stats = sync_index(settings, catalog, quiet)
    catalog.set_meta(INDEXED_MARK, {"version": version, "target": settings.chroma_url or "embedded"})
    return stats


def ensure_ready(settings: Settings, quiet: bool | None = None) -> None:
    """First use ingests the bundled seeds; a catalogue changed since the last sync is re-indexed."""
    from filelock import FileLock

    settings.ensure_home()
    with Catalog(settings.catalog_path) as catalog:
        empty = catalog.count() == 0
        mark = {"version": catalog.version(), "target": settings.chroma_url or "embedded"}
        fresh = not empty and catalog.get_meta(INDEXED_MARK) == _dumps(mark)
    if fresh:
        return
    if empty:
        if not settings.auto_ingest_seeds or not settings.seeds_dir.is_dir():
            raise EmptyCorpusError(
                "the corpus is empty", hint="add papers with: reviewer ingest PATH (JSONL, CSV, BibTeX or text)"
            )
        ingest_paths(settings, [settings.seeds_dir], quiet)
        return
    with FileLock(str(settings.lock_path), timeout=600), Catalog(settings.catalog_path) as catalog:
        _sync(settings, catalog, quiet)


def _dumps(value: object) -> str:
    import json

    return json.dumps(value)
