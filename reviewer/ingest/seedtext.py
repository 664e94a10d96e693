"""Parsers for the two plain-text seed formats: the HF "Daily Papers" page scrape and the result list.

Neither format marks which line is what, so lines are classified (prose, author list, metadata,
page chrome) and a small state machine with one line of lookahead assembles the papers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from reviewer.errors import InputError
from reviewer.ingest.detect import (
    HF_CHROME,
    HF_MARKERS,
    MAX_ABSTRACT_CHARS,
    MAX_TEXT_LINE_BYTES,
    build_record,
    is_prose,
    iter_lines,
)
from reviewer.models import PaperRecord

T = TypeVar("T")

_AUTHORS = re.compile(r"^[•*·-]?\s*(\d{1,6})\s+authors?$", re.IGNORECASE)
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_DATE = re.compile(
    rf"^((?:{_MONTHS})[a-z]*\.?)\s+(\d{{1,2}})(?:,\s*(\d{{4}})|\s+((?:19|20)\d\d)(?=\s|$))?(?:\s+(\d{{1,7}}))?$"
)
_NAME_PARTICLES = frozenset({
    "de", "del", "della", "der", "den", "di", "da", "das", "dos", "du", "la", "le", "van", "von", "ter", "ten",
    "zu", "y", "e", "bin", "ibn", "al", "el", "st",
})
_NOT_IN_NAMES = re.compile(r"[?!:;()\[\]{}<>=+*/\\|@#$%^&_0-9\"]")


class _Peekable(Generic[T]):
    """Iterator with one item of lookahead."""

    def __init__(self, it: Iterator[T]) -> None:
        self._it = it
        self._next: T | None = None
        self._has = False

    def __iter__(self) -> _Peekable[T]:
        return self

    def __next__(self) -> T:
        if self._has:
            self._has = False
            return self._next  # type: ignore[return-value]
        return next(self._it)

    def peek(self) -> T | None:
        if not self._has:
            try:
                self._next = next(self._it)
            except StopIteration:
                return None
            self._has = True
        return self._next


def parse_author_line(text: str) -> list[str] | None:
    """'Last, First, Last, First' -> ['First Last', ...]; None if the line is not such a list.

    Names are returned as "First Last" ("Yue Wang", "Paul de Font-Reaulx"): given names first, surname last.
    """
    parts = [p.strip() for p in text.split(",")]
    if len(parts) < 2 or len(parts) % 2 or not all(parts):
        return None
    words: list[str] = []
    for part in parts:
        if len(part) > 60 or len(part.split()) > 5 or _NOT_IN_NAMES.search(part):
            return None
        words.extend(part.split())
    good = sum(1 for w in words if w[:1].isupper() or w.lower() in _NAME_PARTICLES or w[:1] == "'")
    if good < 0.9 * len(words):
        return None
    return [f"{parts[i + 1]} {parts[i]}" for i in range(0, len(parts), 2)]


def _lines(path: Path) -> Iterator[tuple[int, str | None, bool]]:
    """Non-blank lines as (line number, stripped text or None if too long, blank line before it)."""
    blank = False
    for lineno, raw in iter_lines(path, MAX_TEXT_LINE_BYTES):
        if raw is None:
            yield lineno, None, blank
            blank = False
            continue
        text = raw.strip()
        if not text:
            blank = True
            continue
        yield lineno, (None if len(text) > MAX_ABSTRACT_CHARS else text), blank
        blank = False


def _short_abstract(text: str) -> bool:
    """A short line can still be an abstract ("Withdrawn.") if it ends like a sentence; titles rarely do."""
    return text.endswith(".") and not text.endswith("et al.")


def _too_long(path: Path, line: int, title: str | None = None) -> InputError:
    what = f"abstract of {title[:80]!r}" if title else "line"
    return InputError(str(path), f"{what} is longer than {MAX_ABSTRACT_CHARS:,} characters; skipped", line=line)


# ---------------------------------------------------------------- result list ("final response")


def parse_result_list(path: Path) -> Iterator[PaperRecord | InputError]:
    """Groups of title, optional 'Last, First, ...' author line, abstract, after a 'final response' line."""
    where = str(path)
    toks = _Peekable(_lines(path))
    first = toks.peek()
    if first is not None and first[1] is not None and first[1].lower() == "final response":
        next(toks)
    title: tuple[int, str] | None = None
    authors: list[str] | None = None
    for line, text, _ in toks:
        if text is None:
            yield _too_long(path, line, title[1] if title else None)
            title = None
            continue
        if title is None:
            if is_prose(text):
                yield InputError(where, "text looks like an abstract but has no title before it", line=line)
            else:
                title, authors = (line, text), None
            continue
        if authors is None and (names := parse_author_line(text)) is not None:
            authors = names
            continue
        nxt = toks.peek()
        nxt_text = nxt[1] if nxt is not None else None
        next_is_body = nxt_text is not None and (is_prose(nxt_text) or parse_author_line(nxt_text) is not None)
        if is_prose(text) or _short_abstract(text) and not next_is_body:
            yield build_record(path, title[0], title=title[1], abstract=text, authors=authors or [])
            title = None
            continue
        yield InputError(where, f"title {title[1][:80]!r} is not followed by an abstract", line=title[0])
        title, authors = (line, text), None
    if title is not None:
        yield InputError(where, f"title {title[1][:80]!r} at end of file has no abstract", line=title[0])


# ---------------------------------------------------------------- Hugging Face Daily Papers page


@dataclass(slots=True)
class _Tok:
    line: int
    kind: str  # text | chrome | authors | dot | date | long
    text: str = ""
    blank_before: bool = False
    prose: bool = False
    number: int | None = None
    date: str | None = None
    year: int | None = None


@dataclass(slots=True)
class _Entry:
    line: int
    title: str
    abstract: list[str]
    size: int
    n_authors: int | None = None
    organization: str | None = None
    date: str | None = None
    year: int | None = None
    upvotes: int | None = None


def _meta_tok(line: int, text: str) -> _Tok | None:
    """A metadata token (author count, '·', date) for `text`, or None if it is not metadata."""
    if text == "·":
        return _Tok(line, "dot")
    if m := _AUTHORS.match(text):
        return _Tok(line, "authors", text, number=int(m.group(1)))
    if (m := _DATE.match(text)) and 1 <= int(m.group(2)) <= 31:
        month, day, year = m.group(1), m.group(2), m.group(3) or m.group(4)
        date = f"{month} {day}, {year}" if year else f"{month} {day}"
        votes = int(m.group(5)) if m.group(5) else None
        return _Tok(line, "date", text, number=votes, date=date, year=int(year) if year else None)
    return None


def _hf_tokens(path: Path) -> Iterator[_Tok]:
    for line, text, blank in _lines(path):
        if text is None:
            yield _Tok(line, "long", blank_before=blank)
            continue
        if text.lower() in HF_CHROME:
            yield _Tok(line, "chrome", text, blank)
            continue
        if (meta := _meta_tok(line, text)) is not None:
            meta.blank_before = blank
            yield meta
            continue
        if "·" in text and len(text) <= 300:
            # A flattened metadata line such as "tencent Tencent · Sep 9 3" or "• 5 authors · Jun 13".
            head, *rest = (p.strip() for p in text.split("·"))
            metas = [_meta_tok(line, p) for p in rest if p]
            if all(metas) and not is_prose(head):
                if head:
                    yield _meta_tok(line, head) or _Tok(line, "text", head, blank, is_prose(head))
                yield _Tok(line, "dot")
                yield from (m for m in metas if m is not None)
                continue
        yield _Tok(line, "text", text, blank, is_prose(text))


def _finish(path: Path, e: _Entry) -> PaperRecord | InputError:
    if e.size > MAX_ABSTRACT_CHARS:  # a wrapped abstract whose later parts were not even kept
        return InputError(str(path), f"abstract of {e.title[:80]!r} is over {MAX_ABSTRACT_CHARS:,} characters", line=e.line)
    return build_record(
        path, e.line, title=e.title, abstract=" ".join(e.abstract), date=e.date, year=e.year,
        n_authors=e.n_authors, organization=e.organization, upvotes=e.upvotes,
    )


def _organization(text: str) -> str:
    """'tencent Tencent' (org handle, then display name) -> 'Tencent'; a single word is kept as is."""
    words = text.split()
    return " ".join(words[1:]) if len(words) > 1 else text


def parse_hf_daily(path: Path) -> Iterator[PaperRecord | InputError]:
    """Entries of title, abstract, then optional '• N authors' or organisation, '·', date [upvotes]."""
    where = str(path)
    toks = _Peekable(_hf_tokens(path))
    entry: _Entry | None = None
    title: _Tok | None = None  # a title waiting for its abstract
    after_abstract = False  # previous token was the abstract (for wrapped abstracts)
    skip_meta = False  # metadata of a paper already reported as broken is dropped quietly
    seen_paper = False
    for tok in toks:
        nxt = toks.peek()
        next_is_dot = nxt is not None and nxt.kind == "dot"
        next_is_prose = nxt is not None and nxt.kind == "text" and nxt.prose
        if tok.kind == "chrome":
            if title is not None or not next_is_prose or tok.text.lower() in HF_MARKERS:
                continue
            tok.kind = "text"  # a paper that happens to be titled e.g. "Search" keeps its title
        if title is not None:
            if tok.kind == "text" and (tok.prose or _short_abstract(tok.text) and not (next_is_dot or next_is_prose)):
                entry = _Entry(title.line, title.text, [tok.text], len(tok.text))
                title, after_abstract, seen_paper = None, True, True
                continue
            if tok.kind == "long":
                yield _too_long(path, tok.line, title.text)
                title, skip_meta = None, True
                continue
            yield InputError(where, f"title {title.text[:80]!r} is not followed by an abstract", line=title.line)
            title, skip_meta = None, True
        elif entry is not None:
            if tok.kind in ("authors", "dot", "date"):
                if tok.kind == "authors" and entry.n_authors is None:
                    entry.n_authors = tok.number
                elif tok.kind == "date" and entry.date is None:
                    entry.date, entry.year, entry.upvotes = tok.date, tok.year, tok.number
                after_abstract = False
                continue
            if tok.kind == "text":
                if tok.text.isdecimal() and len(tok.text) <= 7 and entry.date is not None and entry.upvotes is None:
                    entry.upvotes = int(tok.text)
                    continue
                if next_is_dot and not tok.prose and len(tok.text) <= 200:
                    entry.organization = _organization(tok.text)
                    after_abstract = False
                    continue
                wrapped = tok.prose or tok.text[-1] in ".!?)" or tok.text[0].islower()
                if after_abstract and not tok.blank_before and wrapped and not (next_is_prose or next_is_dot):
                    if entry.size <= MAX_ABSTRACT_CHARS:
                        entry.abstract.append(tok.text)
                    entry.size += len(tok.text) + 1
                    continue
            yield _finish(path, entry)
            entry = None
        after_abstract = False
        # Expecting a title.
        if tok.kind == "long":
            yield _too_long(path, tok.line)
            skip_meta = True
        elif tok.kind in ("authors", "dot", "date"):
            if not (skip_meta or (tok.kind == "date" and not seen_paper)):
                yield InputError(where, f"metadata line {tok.text or '·'!r} does not follow a paper", line=tok.line)
        elif tok.prose:
            yield InputError(where, "text looks like an abstract but has no title before it", line=tok.line)
            skip_meta = True
        else:
            title, skip_meta = tok, False
    if entry is not None:
        yield _finish(path, entry)
    if title is not None:
        yield InputError(where, f"title {title.text[:80]!r} at end of file has no abstract", line=title.line)
