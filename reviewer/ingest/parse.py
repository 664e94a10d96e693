"""Public entry point: detect a corpus file's format and stream its papers.

    for item in parse_file(path):
        if isinstance(item, InputError): report(item)   # names file and 1-based line
        else: use(item)                                  # PaperRecord, source=str(path), line=start line

A bad line or entry yields an InputError and parsing continues; a whole-file problem (unreadable,
binary, empty, not UTF-8, unknown format) yields a single InputError and nothing else.
Authors are always "First Last" strings, so the surname is the last word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from reviewer.errors import InputError
from reviewer.ingest.bibtex import parse_bibtex
from reviewer.ingest.detect import Format, check_utf8, detect_format
from reviewer.ingest.feeds import parse_arxiv_atom, parse_pubmed, parse_ris
from reviewer.ingest.scholarly import parse_json_document, parse_jsonl
from reviewer.ingest.seedtext import parse_hf_daily, parse_result_list
from reviewer.ingest.tabular import parse_csv
from reviewer.models import PaperRecord

__all__ = ["Format", "InputError", "PaperRecord", "detect_format", "parse_file", "PARSERS"]

PARSERS: dict[str, Callable[[Path], Iterator[PaperRecord | InputError]]] = {
    "hf_daily": parse_hf_daily,
    "result_list": parse_result_list,
    "jsonl": parse_jsonl,
    "csv": parse_csv,
    "bibtex": parse_bibtex,
    "json": parse_json_document,
    "ris": parse_ris,
    "arxiv_atom": parse_arxiv_atom,
    "pubmed": parse_pubmed,
}


def parse_file(path: Path) -> Iterator[PaperRecord | InputError]:
    """Stream PaperRecords (and per-entry InputErrors) from one corpus file of any supported format."""
    path = Path(path)
    try:
        fmt = detect_format(path)
        bad = check_utf8(path)
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    if bad is not None:
        yield bad
        return
    try:
        yield from PARSERS[fmt](path)
    except OSError as exc:  # e.g. the file vanished or a disk error mid-read
        yield InputError(str(path), f"reading stopped: {exc.strerror or exc}")
