"""Identifiers, author names and years as every parser normalises them.

Kept apart from format sniffing so each parser imports only the small helpers it needs.
"""

from __future__ import annotations

import re

_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|2[01]\d\d)(?!\d)")
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_PREFIX = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)
_ARXIV_NEW = re.compile(r"(?<!\d)(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?(?!\d)")
_ARXIV_OLD = re.compile(r"(?<![\w.-])([a-z][a-z-]*(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?(?!\d)")


def normalize_doi(value: str | None) -> str | None:
    """Lower-case DOI without 'doi:' or resolver URL prefix; None if it is not a DOI."""
    if not value:
        return None
    doi = _DOI_PREFIX.sub("", value.strip()).strip().lower()
    return doi if _DOI.match(doi) else None


def normalize_arxiv_id(value: str | None) -> str | None:
    """'arXiv:2401.12345v2', '.../abs/2401.12345', 'hep-th/9901001v1' -> id without version; else None."""
    if not value:
        return None
    if m := _ARXIV_NEW.search(value):
        return m.group(1)
    if m := _ARXIV_OLD.search(value):
        return m.group(1)
    return None


def flip_name(name: str) -> str:
    """'Last, First' -> 'First Last' and 'Last, Jr, First' -> 'First Last Jr'; other names unchanged."""
    parts = [p.strip() for p in name.split(",")]
    if len(parts) == 2 and all(parts):
        return f"{parts[1]} {parts[0]}"
    if len(parts) == 3 and all(parts):
        return f"{parts[2]} {parts[0]} {parts[1]}"
    return name.strip()


def split_authors(text: str) -> list[str]:
    """Split an author string: 'A and B', 'A; B', 'Last, First; Last, First', 'A B, C D'."""
    text = text.strip()
    if not text:
        return []
    if ";" in text:
        parts = text.split(";")
    elif re.search(r"\s+and\s+", text):
        parts = [q for p in re.split(r"\s+and\s+", text) for q in _split_full_names(p)]
    else:
        parts = _split_full_names(text)
    return [flip_name(p) for p in parts if p.strip() and p.strip().lower() not in ("others", "et al.", "et al")]


def _split_full_names(text: str) -> list[str]:
    """'A B, C D' is two full names; 'Last, First' (or pairs of them) is kept for flip_name."""
    pieces = [p.strip() for p in text.split(",")]
    if len(pieces) < 2:
        return [text]
    surname_first = pieces[0][:1].islower() or len(pieces[0].split()) == 1  # 'de Font-Reaulx, Paul'
    if all(len(p.split()) >= 2 for p in pieces) and not (len(pieces) == 2 and surname_first):
        return pieces
    if len(pieces) % 2 == 0 and len(pieces) > 2:
        return [f"{pieces[i]}, {pieces[i + 1]}" for i in range(0, len(pieces), 2)]
    return [text]


def parse_year(value: object) -> int | None | str:
    """An int year, None when absent or unreadable, or an error message for a wrong type/range."""
    if value is None or isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return f"'year' must be a number or string, not {type(value).__name__}"
    if isinstance(value, float):
        if not value.is_integer():
            return f"'year' {value!r} is not a whole number"
        value = int(value)
    if isinstance(value, int):
        return value if 1000 <= value <= 2999 else f"'year' {value} is out of range"
    m = _YEAR.search(value)
    return int(m.group(1)) if m else None
