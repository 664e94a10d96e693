"""CSV records that may span lines, read so that one stray quote costs one row, never the rest of the file.

A quoted field may continue over lines (an abstract with paragraphs). A quote that never closes, closes
with the wrong number of fields, or swallows lines that are rows themselves is reported on its line and
reading restarts at the next line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from reviewer.errors import InputError
from reviewer.ingest.detect import MAX_TEXT_LINE_BYTES

MAX_CSV_RECORD_CHARS = 4 * 100_000  # a quoted field may span lines, but no further than this


def _err(path: Path, line: int, message: str) -> InputError:
    return InputError(str(path), message, line=line)


def csv_row(text: str, delimiter: str) -> list[str] | None | Exception:
    """One record's fields; None if a quoted field is still open at the end; the csv.Error otherwise."""
    try:
        rows = list(csv.reader([text], delimiter=delimiter, strict=True))
    except csv.Error as exc:
        return None if "unexpected end of data" in str(exc) else exc
    return rows[0] if rows else []


def _row_like(text: str, delimiter: str, width: int) -> bool:
    """`text` alone reads as a complete row: `width` fields, none empty."""
    row = csv_row(text, delimiter)
    return isinstance(row, list) and len(row) == width and all(c.strip() for c in row)


def csv_records(path: Path, delimiter: str, width: int, lines: Iterator[tuple[int, str | None]]
                ) -> Iterator[tuple[int, list[str]] | InputError]:
    """(first line, fields) per record. A quoted field may continue over lines; a quote that never
    closes, or closes with the wrong number of fields, or swallows lines that are rows themselves, is
    reported on its line and reading restarts at the next line, so no valid row is lost."""
    pending: list[tuple[int, str | None]] = []

    def take() -> tuple[int, str | None] | None:
        return pending.pop(0) if pending else next(lines, None)

    while (item := take()) is not None:
        lineno, text = item
        if text is None:
            yield _err(path, lineno, f"line is longer than {MAX_TEXT_LINE_BYTES // 2**20} MiB; row skipped")
            continue
        if not text.strip():
            continue
        row = csv_row(text, delimiter)
        used: list[tuple[int, str | None]] = []
        joined = text
        while row is None:
            nxt = take()
            if nxt is None or nxt[1] is None or len(joined) > MAX_CSV_RECORD_CHARS:
                if nxt is not None:
                    used.append(nxt)
                break
            used.append(nxt)
            joined += nxt[1]
            if joined.count('"') % 2 == 0:
                row = csv_row(joined, delimiter)
        if isinstance(row, list) and used:
            # Lines inside the field that would be complete rows on their own. With 3+ columns that is
            # a runaway quote (only lines with balanced quotes count: an odd count closes the field);
            # with 2 columns a line of a quoted abstract may look like a row too, so it is only reported.
            alone = [n for n, t in used if t and t.count('"') % 2 == 0 and _row_like(t, delimiter, width)]
            maybe = [n for n, t in used if t and _row_like(t.replace('"', ""), delimiter, width)]
            if len(row) != width or (alone and width > 2):
                row = ValueError(f"has {len(row)} fields" if len(row) != width else "swallows rows")
            elif width == 2 and (alone := maybe):
                yield _err(path, lineno, f"a quoted field runs from here to line {used[-1][0]}, and line(s) "
                                         f"{', '.join(map(str, alone[:5]))} also read as rows; kept as one row — "
                                         "check for a stray quote")
        if isinstance(row, list):
            yield lineno, row
            continue
        if not used:
            yield _err(path, lineno, f"malformed CSV row: {row}")
            continue
        reason = "never closes" if row is None else f"does not end a valid row ({row})"
        yield _err(path, lineno, f"malformed CSV row: unbalanced quote: the quoted field opened here {reason} "
                                 f"(read up to line {used[-1][0]}); row skipped, reading on from line {lineno + 1}")
        pending[:0] = used  # re-read the swallowed lines as rows of their own
