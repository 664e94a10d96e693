"""Parsers for the structured formats: JSONL and CSV (BibTeX lives in reviewer.ingest.bibtex).

Each bad line, row or entry becomes an InputError naming its line, and parsing goes on with the next.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from reviewer.errors import InputError
from reviewer.ingest.csvrows import csv_records, csv_row
from reviewer.ingest.detect import (
    ABSTRACT_KEYS,
    CSV_DELIMITERS,
    MAX_AUTHORS,
    MAX_TEXT_LINE_BYTES,
    TITLE_KEYS,
    build_record,
    iter_lines,
    norm_key,
)
from reviewer.ingest.identifiers import (
    flip_name,
    normalize_arxiv_id,
    normalize_doi,
    parse_year,
    split_authors,
)
from reviewer.models import PaperRecord

# Accepted spellings (after norm_key) per PaperRecord field, most specific first.
FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "title": TITLE_KEYS,
    "abstract": ABSTRACT_KEYS,
    "authors": ("authors", "author", "authorlist", "creators", "creator"),
    "year": ("year", "publicationyear", "pubyear"),
    "date": ("date", "publicationdate", "published", "publishedat"),
    "url": ("url", "link", "pdfurl", "href"),
    "source_id": ("id", "paperid", "key", "citationkey", "entryid"),
    "doi": ("doi",),
    "arxiv_id": ("arxivid", "arxiv", "eprint"),
}
_ARXIV_ONLY = re.compile(r"^(?:arxiv:\s*)?\d{4}\.\d{4,5}(?:v\d+)?$", re.IGNORECASE)


def _err(path: Path, line: int | None, message: str) -> InputError:
    return InputError(str(path), message, line=line)


def _authors(value: object) -> list[str] | str:
    """Author names from a list (of strings or {name|given/family} dicts) or a string; str = error."""
    if value is None:
        return []
    if isinstance(value, str):
        return split_authors(value)
    if not isinstance(value, list):
        return f"'authors' must be a list or string, not {type(value).__name__}"
    if len(value) > MAX_AUTHORS:
        return f"{len(value)} authors is more than the limit of {MAX_AUTHORS}"
    names: list[str] = []
    for item in value:
        if isinstance(item, str):
            names.append(flip_name(item))
        elif isinstance(item, dict):
            full = item.get("name") or item.get("full_name")
            given = item.get("given") or item.get("first") or item.get("firstName") or ""
            family = item.get("family") or item.get("last") or item.get("lastName") or ""
            if not isinstance(full, str):
                full = f"{given} {family}".strip() if isinstance(given, str) and isinstance(family, str) else ""
            if not full:
                return "an entry in 'authors' has no name"
            names.append(full)
        else:
            return f"'authors' entries must be strings, not {type(item).__name__}"
    return names


_ALIASES: dict[str, tuple[str, int]] = {
    alias: (field, rank) for field, keys in FIELD_KEYS.items() for rank, alias in enumerate(keys)
}
_STR_FIELDS = ("title", "abstract", "date", "url", "source_id", "doi", "arxiv_id")


def _pick_fields(raw: Mapping[str, object]) -> dict[str, object]:
    """One pass over the keys: for each field, the non-empty value under its most specific spelling."""
    best: dict[str, tuple[int, object]] = {}
    for key, value in raw.items():
        hit = _ALIASES.get(norm_key(key if isinstance(key, str) else str(key)))
        if hit is None or value is None or (isinstance(value, str) and not value.strip()):
            continue
        field, rank = hit
        if field not in best or rank < best[field][0]:
            best[field] = (rank, value)
    return {field: value for field, (_, value) in best.items()}


def record_from_mapping(path: Path, line: int, raw: Mapping[str, object]) -> PaperRecord | InputError:
    """Build a record from a JSON object or CSV row, accepting the key spellings in FIELD_KEYS."""
    data = _pick_fields(raw)
    values: dict[str, str | None] = {}
    for field in _STR_FIELDS:
        value = data.get(field)
        if value is None or isinstance(value, str):
            values[field] = value.strip() if value else None
        elif field in ("source_id", "date", "arxiv_id") and isinstance(value, int) and not isinstance(value, bool):
            values[field] = str(value)
        else:
            return _err(path, line, f"'{field}' must be a string, not {type(value).__name__}")
    title, abstract = values["title"], values["abstract"]
    if not title:
        return _err(path, line, "paper has no 'title'")
    if not abstract:
        return _err(path, line, f"paper {title[:80]!r} has no 'abstract'")
    authors = _authors(data.get("authors"))
    if isinstance(authors, str):
        return _err(path, line, authors)
    year = parse_year(data.get("year"))
    if isinstance(year, str):
        return _err(path, line, year)
    if year is None and values["date"]:
        year = parse_year(values["date"])  # a string, so never an error message here
    url, doi, source_id = values["url"], normalize_doi(values["doi"]), values["source_id"]
    arxiv_id = normalize_arxiv_id(values["arxiv_id"])
    if arxiv_id is None and url and "arxiv" in url.lower():
        arxiv_id = normalize_arxiv_id(url)
    if arxiv_id is None and doi and doi.startswith("10.48550/arxiv."):
        arxiv_id = normalize_arxiv_id(doi)
    if arxiv_id is None and source_id and _ARXIV_ONLY.match(source_id):
        arxiv_id = normalize_arxiv_id(source_id)
    if doi is None and url and "doi.org/" in url.lower():
        doi = normalize_doi(url)
    return build_record(
        path, line, title=title, abstract=abstract, authors=authors,
        year=year if isinstance(year, int) else None, date=values["date"], url=url, doi=doi,
        arxiv_id=arxiv_id, source_id=source_id,
    )


# ---------------------------------------------------------------- CSV


def parse_csv(path: Path) -> Iterator[PaperRecord | InputError]:
    """A header row naming title and abstract columns (case-insensitive, common aliases), then one paper per row."""
    lines = iter_lines(path, MAX_TEXT_LINE_BYTES)
    header_line, header_text = next(lines, (0, None))
    while header_text is not None and not header_text.strip():
        header_line, header_text = next(lines, (header_line, None))
    if header_text is None or not header_text.strip():
        yield _err(path, None if header_text is None and not header_line else header_line,
                   "CSV file has no header row")
        return
    delimiter = max(CSV_DELIMITERS, key=header_text.count)
    row = csv_row(header_text, delimiter)
    if not isinstance(row, list):
        yield _err(path, header_line, f"malformed CSV header: {row or 'unbalanced quote'}")
        return
    header = [norm_key(col) for col in row]
    missing = [f for f in ("title", "abstract") if not set(FIELD_KEYS[f]) & set(header)]
    if missing:
        yield InputError(
            str(path), f"CSV header has no {' or '.join(missing)} column (columns: {', '.join(header)[:200]})",
            line=header_line, hint="name the columns 'title' and 'abstract'",
        )
        return
    for item in csv_records(path, delimiter, len(header), lines):
        if isinstance(item, InputError):
            yield item
            continue
        start, row = item
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header):]):
            yield _err(path, start, f"row has {len(row)} fields but the header has {len(header)} (unquoted delimiter?)")
            continue
        mapping: dict[str, object] = {}
        for name, cell in zip(header, row, strict=False):
            mapping.setdefault(name, cell)
        yield record_from_mapping(path, start, mapping)
