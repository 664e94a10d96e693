"""BibTeX: entries split by line-leading '@type{', read by a fast scanner, or by bibtexparser 1.x with
brace-counted line numbers when the scanner declines. Each bad entry is an InputError naming its line."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from bibtexparser.bibdatabase import BibDatabase
from bibtexparser.bparser import BibTexParser
from bibtexparser.latexenc import latex_to_unicode

from reviewer.errors import InputError
from reviewer.ingest.bibfast import parse_entry, split_chunks
from reviewer.ingest.detect import (
    MAX_TEXT_LINE_BYTES,
    build_record,
    iter_lines,
)
from reviewer.ingest.identifiers import flip_name, normalize_arxiv_id, normalize_doi, parse_year
from reviewer.models import PaperRecord

MAX_ENTRY_CHARS = 1024 * 1024


def _err(path: Path, line: int | None, message: str) -> InputError:
    return InputError(str(path), message, line=line)


_ENTRY_START = re.compile(r"\s*@\s*([A-Za-z]+)\s*([{(])")
_BRACES = re.compile(r"[{}]")
_OPEN_AT_END = "is not closed at end of file (missing '}')"
_NOT_CLOSED = "is not closed before the next entry (missing '}')"
_DELIMS = re.compile(r'[{}()"]')
_ENTRY_KEY = re.compile(r"@\s*[A-Za-z]+\s*[{(]\s*([^,\s{}()]+)")
_FORMAT_CMD = re.compile(
    r"\\(?:emph|textit|textbf|texttt|textsc|textrm|textsf|textnormal|textup|mathrm|mathbf|mathit|mathsf|"
    r"mathtt|mathcal|mathbb|mbox|text|url)\s*(?=\{)"
)


def _chunk_lines(text: str, first_line: int) -> Iterator[tuple[int, str | None]]:
    """The lines of a piece of the file as iter_lines gives them (None for an over-long line)."""
    for n, line in enumerate(text.splitlines(keepends=True), start=first_line):
        yield n, None if len(line) * 4 > MAX_TEXT_LINE_BYTES and len(line.encode()) > MAX_TEXT_LINE_BYTES else line


def _bib_chunks(lines: Iterable[tuple[int, str | None]]) -> Iterator[tuple[int, str, str, str | None]]:
    """Split a .bib file into entries: (start line, type, text, problem or None). Text outside entries is
    ignored, except an over-long line, reported with type "" since it may have hidden an entry.

    Brace depth is tracked per character; a new '@type{' at the start of a line inside an open entry
    means the open one was never closed, so one bad entry cannot swallow the rest of the file.
    """
    parts: list[str] = []
    start, etype, size, depth = 0, "", 0, 0
    paren = in_quote = False
    open_entry = False
    for lineno, text in lines:
        if text is None:
            if open_entry:
                size = MAX_ENTRY_CHARS + 1
            else:
                yield lineno, "", "", f"line is longer than {MAX_TEXT_LINE_BYTES // 2**20} MiB; skipped"
            continue
        pos = 0
        while pos < len(text):
            m = _ENTRY_START.match(text, pos) if (not open_entry or pos == 0) else None
            if m and open_entry:
                yield start, etype, "".join(parts), _NOT_CLOSED
                open_entry = False
            if not open_entry:
                if m is None:
                    break
                open_entry, start, etype = True, lineno, m.group(1).lower()
                parts, size, depth, in_quote = [], 0, 0, False
                paren = m.group(2) == "("
                seg_start, pos = m.start(), m.end()
                if not paren:
                    depth = 1
            else:
                seg_start = pos
                closes = text.count("}")
                if not paren and closes < depth:  # the common line inside an entry: it cannot close it
                    depth += text.count("{") - closes
                    size += len(text)
                    if size <= MAX_ENTRY_CHARS:
                        parts.append(text)
                    break
            end = None
            for c in (_DELIMS if paren else _BRACES).finditer(text, pos):
                ch = c.group(0)
                if ch == "{":
                    depth += 1
                elif ch == "}":
                    depth -= 1
                    if depth == 0 and not paren:
                        end = c.end()
                        break
                    depth = max(depth, 0)
                elif paren and depth == 0 and ch == '"':
                    in_quote = not in_quote
                elif paren and depth == 0 and ch == ")" and not in_quote:
                    end = c.end()
                    break
            piece = text[seg_start:end] if end is not None else text[seg_start:]
            size += len(piece)
            if size <= MAX_ENTRY_CHARS:
                parts.append(piece)
            if end is None:
                break
            yield start, etype, "".join(parts), None if size <= MAX_ENTRY_CHARS else "is too large"
            open_entry, parts, pos = False, [], end
            if not _ENTRY_START.match(text, pos):
                break
    if open_entry:
        yield start, etype, "".join(parts), _OPEN_AT_END


_TEXT_SYMBOL = re.compile(r"\$\\(lbrace|rbrace)\$|\\(textbraceleft|textbraceright|textbackslash|textasciitilde|textasciicircum|"
                          r"textdollar|textunderscore|textpercent)(?:\{\}|(?![A-Za-z])\s?)")
_SYMBOLS = {"lbrace": "{", "rbrace": "}", "textbraceleft": "{", "textbraceright": "}", "textbackslash": "\\", "textasciitilde": "~",
            "textasciicircum": "^", "textdollar": "$", "textunderscore": "_", "textpercent": "%"}
_ESCAPED = re.compile(r"\\([&%$#_{}])")
_LATEX_CHARS = "\\{}$~"
_KEPT = re.compile("\ue000(\\d+)\ue001")


def _has_latex(value: str) -> bool:
    """Any of \\ { } $ ~: spelled out, since a generator over _LATEX_CHARS costs more than the scans."""
    return "\\" in value or "{" in value or "}" in value or "$" in value or "~" in value


def _single_spaced(value: str) -> str:
    """Collapse whitespace; C-level membership tests skip the split/join for the usual one-line value."""
    if "  " not in value and "\n" not in value and "\t" not in value and "\r" not in value:
        return value.strip()
    return " ".join(value.split())


def latex_to_text(value: str) -> str:
    """Plain text from a BibTeX value: accents to Unicode, formatting commands and braces dropped.

    Escaped specials (\\{, \\%, \\textbraceleft{} ...) are set aside first, so the literal characters
    they stand for survive the brace and command stripping.
    """
    # str.__contains__ is a C scan; a regex character class would cost ~20 us per abstract here.
    if "\\" in value:  # only \% \& \_ \#: plain replacements
        simple = value.replace("\\%", "%").replace("\\&", "&").replace("\\_", "_").replace("\\#", "#")
        if "\\" not in simple:
            value = simple
    if not _has_latex(value) and "``" not in value and "''" not in value:
        return _single_spaced(value)
    kept: list[str] = []

    def keep(char: str) -> str:
        kept.append(char)
        return f"\ue000{len(kept) - 1}\ue001"

    if "\\" in value:
        value = _TEXT_SYMBOL.sub(lambda m: keep(_SYMBOLS[m.group(1) or m.group(2)]), value)
        value = _ESCAPED.sub(lambda m: keep(m.group(1)), value)
    if "\\" in value:  # bibtexparser's table walk costs ~4 ms, so only for values with commands left
        value = re.sub(r"\\(LaTeX|TeX)\b(\{\})?", r"\1", value)
        value = _FORMAT_CMD.sub("", value)
        value = latex_to_unicode(value)
        value = re.sub(r"\\[A-Za-z]+\*?", "", value).replace("\\", "")
    else:  # what latex_to_unicode does to a value without commands
        if "{" in value or "}" in value:
            value = value.replace("{", "").replace("}", "")
        if not value.isascii():
            value = unicodedata.normalize("NFC", value)
    if "`" in value or "'" in value:
        value = value.replace("``", '"').replace("''", '"')
    if "~" in value:
        value = value.replace("~", " ")
    if "$" in value:
        value = value.replace("$", "")
    if kept:
        value = _KEPT.sub(lambda m: kept[int(m.group(1))], value)
    return _single_spaced(value)


def _split_top(value: str, sep: str) -> list[str]:
    """Split at the regex `sep` outside braces ('{Barnes and Noble}' stays whole)."""
    parts, depth, begin = [], 0, 0
    for m in re.finditer(rf"[{{}}]|{sep}", value, re.IGNORECASE):
        if m.group(0) == "{":
            depth += 1
        elif m.group(0) == "}":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(value[begin : m.start()])
            begin = m.end()
    parts.append(value[begin:])
    return parts


def _bib_names(value: str) -> list[str]:
    """'Last, First and First Last and others' -> ['First Last', 'First Last']."""
    if not _has_latex(value):  # plain names: no braces or commands to respect
        names = [flip_name(" ".join(n.split())) for n in re.split(r"(?i)\s+and\s+", value.strip())]
        return [n for n in names if n and n.lower() != "others"]
    out = []
    for name in _split_top(value, r"\s+and\s+"):
        parts = [latex_to_text(p) for p in _split_top(name, ",")]
        flipped = flip_name(", ".join(parts)) if len(parts) in (2, 3) else latex_to_text(name)
        if flipped and flipped.lower() != "others":
            out.append(flipped)
    return out


def _bib_record(path: Path, line: int, entry: Mapping[str, str]) -> PaperRecord | InputError:
    key = entry.get("ID", "?")
    title = latex_to_text(entry.get("title", ""))
    abstract = latex_to_text(entry.get("abstract", ""))
    if not title:
        return _err(path, line, f"BibTeX entry '{key}' has no title")
    if not abstract:
        return _err(path, line, f"BibTeX entry '{key}' has no abstract")
    year = parse_year(entry.get("year")) or parse_year(entry.get("date"))
    url = entry.get("url") or None
    doi = normalize_doi(entry.get("doi"))
    arxiv_id = None
    prefix = (entry.get("archiveprefix") or entry.get("eprinttype") or "arxiv").lower()
    if entry.get("eprint") and prefix == "arxiv":
        arxiv_id = normalize_arxiv_id(entry["eprint"])
    for field in ("arxivid", "arxiv", "url", "doi", "journal", "note", "howpublished"):
        if arxiv_id is not None:
            break
        value = entry.get(field)
        if value and (field.startswith("arxiv") or "arxiv" in value.lower()):
            arxiv_id = normalize_arxiv_id(value)
    if doi is None and url and "doi.org/" in url.lower():
        doi = normalize_doi(url)
    etype = entry.get("ENTRYTYPE", "").lower()
    venue = latex_to_text(entry.get("journal") or entry.get("booktitle") or entry.get("journaltitle")
                         or entry.get("howpublished") or "")
    kind = _BIB_KIND.get(etype) or ("preprint" if arxiv_id else "misc")
    return build_record(
        path, line, title=title, abstract=abstract, authors=_bib_names(entry.get("author", "")),
        year=year if isinstance(year, int) else None, url=url, doi=doi, arxiv_id=arxiv_id, source_id=key,
        venue=venue or None, kind=kind,
    )


_BIB_KIND = {"article": "article", "inproceedings": "inproceedings", "conference": "inproceedings"}
_local = threading.local()


def _bib_parser() -> BibTexParser:
    """One parser per thread: building its pyparsing grammar costs ~40 ms, far more than a small file."""
    parser: BibTexParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = BibTexParser(common_strings=False, ignore_nonstandard_types=False, interpolate_strings=True)
        parser.expect_multiple_parse = True
        _local.parser = parser
    return parser


def parse_bibtex(path: Path) -> Iterator[PaperRecord | InputError]:
    """Each piece from one line-leading '@type{' to the next is read by the fast scanner; a piece it
    does not accept is split by brace counting and parsed by bibtexparser 1.x, as before."""
    database = BibDatabase()  # per file: @string macros must not leak between files
    database.load_common_strings()
    pieces = split_chunks(path)
    following = next(pieces, None)
    while following is not None:
        start, offset, raw = following
        following = next(pieces, None)
        if raw is None:  # a huge entry or line: the rest of the file goes line by line, in bounded memory
            yield from _parse_careful(path, _bib_chunks(iter_lines(path, MAX_TEXT_LINE_BYTES, offset, start)),
                                      database)
            return
        piece = raw.decode("utf-8", errors="replace")
        head = _ENTRY_START.match(piece)
        etype = head.group(1).lower() if head else ""
        if etype in ("comment", "preamble") and "@" not in piece[head.end():]:  # type: ignore[union-attr]
            continue
        fast = parse_entry(piece, database.strings) if head and len(raw) <= MAX_TEXT_LINE_BYTES else None
        if fast is not None:  # the common case, without bibtexparser's slow grammar
            if etype != "string":
                yield _bib_record(path, start, fast)
            continue
        chunks = _bib_chunks(_chunk_lines(piece, start))
        if following is not None:  # an entry left open here is cut off by the next one, not by the end
            chunks = ((n, t, x, _NOT_CLOSED if p == _OPEN_AT_END else p) for n, t, x, p in chunks)
        yield from _parse_careful(path, chunks, database)


def _parse_careful(path: Path, chunks: Iterable[tuple[int, str, str, str | None]],
                   database: BibDatabase) -> Iterator[PaperRecord | InputError]:
    parser = _bib_parser()
    entries = database.entries
    for line, etype, text, problem in chunks:
        if etype in ("comment", "preamble"):
            continue
        m = _ENTRY_KEY.match(text.lstrip())
        key = m.group(1) if m else "?"
        if problem:
            yield _err(path, line, f"BibTeX entry '{key}' {problem}" if etype else problem)
            continue
        fast = parse_entry(text, database.strings)
        if fast is not None:
            if etype != "string":
                yield _bib_record(path, line, fast)
            continue
        before = len(entries)
        parser.bib_database = database  # re-set every time: another file's generator may share this parser
        try:
            parser.parse(text, partial=False)
        except Exception as exc:  # noqa: BLE001 - third-party parser on untrusted text: report, don't crash
            del entries[before:]
            what = "@string definition" if etype == "string" else f"entry '{key}'"
            yield _err(path, line, f"cannot parse BibTeX {what}: {type(exc).__name__}: {str(exc)[:200]}")
            continue
        new = entries[before:]
        del entries[before:]
        if etype == "string":
            continue
        if not new:
            yield _err(path, line, f"cannot parse BibTeX entry '{key}'")
            continue
        yield _bib_record(path, line, new[0])
