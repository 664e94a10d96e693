"""Format sniffing plus the reading and record helpers every parser shares.

Everything here reads files in bounded pieces, so a 100k-line file or a single
50 MB line never has to sit in memory more than once.
"""

from __future__ import annotations

import codecs
import csv
import functools
import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Literal

from reviewer.errors import InputError
from reviewer.models import PaperRecord
from reviewer.textutil import clean_text

Format = Literal["hf_daily", "result_list", "jsonl", "json", "csv", "bibtex", "ris", "arxiv_atom", "pubmed"]

SNIFF_BYTES = 64 * 1024
# JSONL lines are parsed whole, so they get a generous cap; the line-oriented text formats a tight one.
MAX_JSONL_LINE_BYTES = 64 * 1024 * 1024
MAX_TEXT_LINE_BYTES = 1024 * 1024
MAX_TITLE_CHARS = 2_000
MAX_ABSTRACT_CHARS = 100_000
MAX_AUTHORS = 5_000
MAX_AUTHOR_CHARS = 300
MAX_SHORT_FIELD_CHARS = 2_000

# Page chrome of the Hugging Face "Daily Papers" listing; never part of a paper.
HF_MARKERS = frozenset({"get trending papers in your email inbox!", "daily papers", "byak and the research community"})
HF_CHROME = HF_MARKERS | frozenset({
    "new", "subscribe", "submit", "submit a paper", "search", "load more", "previous", "next", "trending",
    "trending papers", "hugging face", "papers", "daily", "weekly", "monthly", "models", "datasets", "spaces",
    "docs", "pricing", "log in", "login", "sign up", "collections", "community", "enterprise",
})

_BIB_START = re.compile(r"\s*@\s*[A-Za-z]+\s*[{(]")
_BIB_KNOWN = re.compile(
    r"^\s*@\s*(article|inproceedings|incollection|misc|book|inbook|proceedings|phdthesis|mastersthesis|"
    r"techreport|unpublished|online|preprint|conference|manual|booklet|report|thesis|software|dataset)\s*[{(]",
    re.IGNORECASE | re.MULTILINE,
)
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (e.g. .xlsx/.docx)",
    b"\x1f\x8b": "a gzip archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
}
_FORMATS_HINT = (
    "supported formats: JSONL (one {\"title\", \"abstract\", ...} object per line), CSV with title and "
    "abstract columns, BibTeX or RIS entries with an abstract, CSL-JSON, OpenAlex / Semantic Scholar / arXiv "
    "JSON, arXiv Atom or PubMed XML, a Hugging Face Daily Papers page copied as text, or a 'final response' "
    "result list"
)
# Deleting these from a byte string leaves only the control bytes that never occur in text.
_NOT_CTRL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))


@functools.lru_cache(maxsize=1024)
def norm_key(name: str) -> str:
    """Column/key name reduced to lowercase letters and digits, so 'Publication Year' == 'publication_year'."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


_SENT_END = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)")
_ASCII_CTRL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_WS = re.compile(r"\s+")


def clean(text: str) -> str:
    """textutil.clean_text, with a fast path for plain ASCII (its per-character scan dominates big corpora)."""
    if text.isascii() and text.isprintable() and "  " not in text:
        return text.strip()  # the common case, decided by C scans alone
    if text.isascii() and not _ASCII_CTRL.search(text):
        if "  " not in text and "\n" not in text and "\t" not in text:
            return text.strip()  # already single-spaced: re-substituting every space is the slow part
        return " ".join(text.split())
    return clean_text(text)


TITLE_KEYS = ("title", "papertitle", "articletitle")
ABSTRACT_KEYS = ("abstract", "abstractnote", "summary", "abstracttext")


def iter_lines(
    path: Path, max_bytes: int, start_offset: int = 0, first_line: int = 1
) -> Iterator[tuple[int, str | None]]:
    """Yield (1-based line number, decoded line with its terminator); None for a line over max_bytes.

    An over-long line is skipped in 1 MiB reads, never held whole. A leading BOM is dropped.
    `start_offset` / `first_line` resume reading at a line start found earlier.
    """
    with open(path, "rb") as fh:
        fh.seek(start_offset)
        lineno = first_line - 1
        while True:
            raw = fh.readline(max_bytes + 1)
            if not raw:
                return
            lineno += 1
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                raw = b""
                while True:
                    rest = fh.readline(1024 * 1024)
                    if not rest or rest.endswith(b"\n"):
                        break
                yield lineno, None
                continue
            text = raw.decode("utf-8", errors="replace")
            raw = b""
            yield lineno, text


_UTF16_HINT = "re-save the file as UTF-8 (e.g. `iconv -f utf-16 -t utf-8 IN > OUT`)"


def utf16_error(path: Path) -> InputError | None:
    """An error for a UTF-16/32 file (by BOM, or NULs in every other byte of ASCII-range text), else None."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    for bom, name in ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                      (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16")):
        if head.startswith(bom):
            return InputError(str(path), f"file is {name} text, not UTF-8", hint=_UTF16_HINT.replace("16", name[4:]))
    pairs = head[: len(head) // 2 * 2]
    if len(pairs) >= 8:
        even, odd = pairs[0::2], pairs[1::2]
        if odd.count(0) > len(odd) * 0.9 and even.count(0) < len(even) * 0.1 or \
                even.count(0) > len(even) * 0.9 and odd.count(0) < len(odd) * 0.1:
            return InputError(str(path), "file is UTF-16 text (without a byte-order mark), not UTF-8",
                              hint=_UTF16_HINT)
    return None


def check_utf8(path: Path) -> InputError | None:
    """Validate the whole file as UTF-8 in 1 MiB chunks; the error names the line of the first bad byte."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    newlines = 0
    first = True
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(1024 * 1024)
            if first and chunk.startswith(codecs.BOM_UTF8):
                chunk = chunk[len(codecs.BOM_UTF8):]
            first = False
            pending = decoder.getstate()[0]
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                data = pending + chunk
                line = newlines + data.count(b"\n", 0, exc.start) + 1
                bad = data[exc.start] if exc.start < len(data) else 0
                return InputError(
                    str(path), f"not UTF-8 text: invalid byte 0x{bad:02x} on line {line}", line=line,
                    hint="re-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)",
                )
            if not chunk:
                return None
            newlines += chunk.count(b"\n")


def build_record(
    path: Path, line: int, *, title: str, abstract: str, authors: Sequence[str] = (), **fields: object
) -> PaperRecord | InputError:
    """Clean and bound-check one paper; too-long or empty fields become an InputError for that line."""
    where = str(path)
    if len(title) > MAX_TITLE_CHARS * 4 or len(abstract) > MAX_ABSTRACT_CHARS * 4:
        return _too_long(where, line, title, abstract)
    title, abstract = clean(title), clean(abstract)
    if len(title) > MAX_TITLE_CHARS or len(abstract) > MAX_ABSTRACT_CHARS:
        return _too_long(where, line, title, abstract)
    if not title:
        return InputError(where, "paper has no title", line=line)
    if not abstract:
        return InputError(where, f"paper {title[:80]!r} has no abstract", line=line)
    if len(authors) > MAX_AUTHORS:
        return InputError(where, f"{len(authors)} authors is more than the limit of {MAX_AUTHORS}", line=line)
    names: list[str] = []
    for name in authors:
        if len(name) > MAX_AUTHOR_CHARS:
            return InputError(where, f"author name of {len(name)} characters is too long", line=line)
        cleaned = clean(name)
        if cleaned:
            names.append(cleaned)
    for key, value in fields.items():
        if isinstance(value, str) and len(value) > MAX_SHORT_FIELD_CHARS:
            return InputError(where, f"field '{key}' is {len(value)} characters long", line=line)
    return PaperRecord(title=title, abstract=abstract, authors=names, source=where, line=line, **fields)  # type: ignore[arg-type]


def _too_long(where: str, line: int, title: str, abstract: str) -> InputError:
    if len(title) > MAX_TITLE_CHARS:
        return InputError(where, f"title is {len(title):,} characters (limit {MAX_TITLE_CHARS:,})", line=line)
    return InputError(where, f"abstract is {len(abstract):,} characters (limit {MAX_ABSTRACT_CHARS:,})", line=line)


def _read_sniff(path: Path) -> tuple[str, bool]:
    """First SNIFF_BYTES after leading whitespace, decoded, and whether that is the whole file."""
    where = str(path)
    skipped_newlines = 0
    try:
        if (wide := utf16_error(path)) is not None:
            raise wide
        with open(path, "rb") as fh:
            head = fh.read(8)
            for magic, what in _BINARY_MAGIC.items():
                if head.startswith(magic):
                    raise InputError(where, f"binary file ({what}), not a text corpus", hint=_FORMATS_HINT)
            data = head[len(codecs.BOM_UTF8):] if head.startswith(codecs.BOM_UTF8) else head
            while not (stripped := data.lstrip(b" \t\r\n\x0b\x0c")):
                skipped_newlines += data.count(b"\n")
                data = fh.read(SNIFF_BYTES)
                if not data:
                    raise InputError(where, "file is empty", hint=_FORMATS_HINT)
            skipped_newlines += data[: len(data) - len(stripped)].count(b"\n")
            data = stripped + fh.read(SNIFF_BYTES - len(stripped))
            complete = not fh.read(1)
    except OSError as exc:
        raise InputError(where, f"cannot read file: {exc.strerror or exc}") from exc
    window = data[:8192]
    if b"\x00" in window or len(window.translate(None, _NOT_CTRL)) > max(8, len(window) // 20):
        raise InputError(where, "binary file (contains NUL/control bytes), not a text corpus", hint=_FORMATS_HINT)
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(data, final=complete)
    except UnicodeDecodeError as exc:
        line = skipped_newlines + data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            where, f"not UTF-8 text: invalid byte 0x{data[exc.start]:02x} on line {line}", line=line,
            hint="re-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)",
        ) from exc
    return text, complete


def is_prose(text: str) -> bool:
    """True for abstract-like running text: many words, or sentences. Titles are short and unterminated."""
    n_words = len(text.split())
    if n_words >= 40:
        return True
    if n_words < 12:
        return False
    return text.rstrip().endswith(".") or len(_SENT_END.findall(text)) >= 2


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


CSV_DELIMITERS = ",;\t|"


def _csv_header(line: str) -> list[str] | None:
    """Normalised column names if `line` looks like a delimited header row, else None."""
    delim = max(CSV_DELIMITERS, key=line.count)
    if line.count(delim) == 0:
        return None
    try:
        row = next(csv.reader([line], delimiter=delim))
    except (csv.Error, StopIteration):
        return None
    return [norm_key(col) for col in row]


def detect_format(path: Path) -> Format:
    """Tell the format from the content (first 64 KiB); the extension only breaks ties.

    Raises InputError for unreadable, binary, empty, non-UTF-8 or unrecognised files.
    """
    path = Path(path)
    text, complete = _read_sniff(path)
    lines = text.splitlines()
    if not complete and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut off by the sniff window
    first = lines[0].strip()
    ext = path.suffix.lower()
    content = [ln.strip() for ln in lines if ln.strip()]

    if first.lower() == "final response":
        return "result_list"
    if first.startswith("{"):
        first_cut = not complete and len(text.splitlines()) == 1
        if first_cut or any(_is_json_object(ln) for ln in content[:50]) or ext in (".jsonl", ".ndjson"):
            return "jsonl"
        return "json"  # one pretty-printed object: a saved API work or results page
    if first.startswith("["):
        return "json"  # CSL-JSON array
    if first.startswith("<"):
        return _xml_format(path, text)
    if _RIS_TAG.match(first) and first.startswith("TY"):
        return "ris"
    non_comment = next((ln for ln in content if not ln.startswith("%")), "")
    if _BIB_START.match(non_comment):
        return "bibtex"
    if any(ln.lower() in HF_MARKERS for ln in content[:40]):
        return "hf_daily"
    header = _csv_header(first)
    if header is not None and set(header) & set(TITLE_KEYS) and set(header) & set(ABSTRACT_KEYS):
        return "csv"
    if _BIB_KNOWN.search(text):
        return "bibtex"
    if _looks_like_title_abstract(content):
        return "hf_daily"
    if ext in (".csv", ".tsv") and header is not None:
        return "csv"
    if ext in (".bib", ".bibtex"):
        return "bibtex"
    if ext in (".jsonl", ".ndjson"):
        return "jsonl"
    if header is not None and set(header) & set(TITLE_KEYS + ABSTRACT_KEYS):
        missing = "abstract" if set(header) & set(TITLE_KEYS) else "title"
        raise InputError(str(path), f"looks like CSV but the header has no {missing} column",
                         hint="name the columns 'title' and 'abstract'")
    raise InputError(str(path), "unrecognised file format", hint=_FORMATS_HINT)


_RIS_TAG = re.compile(r"^[A-Z][A-Z0-9]  -( |$)")


def _xml_format(path: Path, text: str) -> Format:
    if re.search(r"<PubmedArticle(Set)?\b", text):
        return "pubmed"
    if re.search(r"<feed\b[^>]*http://www\.w3\.org/2005/Atom", text):
        return "arxiv_atom"
    raise InputError(str(path), "XML, but neither an arXiv Atom feed nor a PubMed PubmedArticleSet",
                     hint=_FORMATS_HINT)


def _looks_like_title_abstract(content: list[str]) -> bool:
    """Title/abstract alternation (the HF page without its chrome): a short line then prose."""
    lines = [ln for ln in content[:60] if ln.lower() not in HF_CHROME]
    pairs = sum(
        1 for a, b in zip(lines, lines[1:], strict=False) if len(a) <= 400 and not is_prose(a) and is_prose(b)
    )
    return pairs >= 1 and pairs * 2 >= min(len(lines), 40) // 3
