"""JSON records from reference managers and scholarly APIs: CSL-JSON, OpenAlex, Semantic Scholar, arXiv.

Each JSON object is recognised by its keys, not by the file it came from, so a JSONL snapshot, an API
results page and a single saved object all go through `records_from_json`. API wrappers (`results` of an
OpenAlex page, `data` of a Semantic Scholar page) are unwrapped. Shapes follow each API's public docs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from reviewer.errors import InputError
from reviewer.ingest.detect import (
    MAX_AUTHORS,
    MAX_JSONL_LINE_BYTES,
    build_record,
    iter_lines,
)
from reviewer.ingest.identifiers import normalize_arxiv_id, normalize_doi, parse_year
from reviewer.ingest.tabular import record_from_mapping
from reviewer.models import PaperRecord

MAX_JSON_DOCUMENT_BYTES = 512 * 1024 * 1024
_CSL_KIND = {"article-journal": "article", "paper-conference": "inproceedings", "article": "preprint"}
_S2_KIND = {"JournalArticle": "article", "Conference": "inproceedings"}
_OA_SOURCE_KIND = {"journal": "article", "conference": "inproceedings", "repository": "preprint"}


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _entry_error(err: InputError, entry: int | None) -> InputError:
    if entry is None:
        return err
    return InputError(err.path, f"entry {entry}: {err.reason}", line=err.line, hint=err.hint)


def _fail(path: Path, line: int | None, entry: int | None, message: str) -> InputError:
    return _entry_error(InputError(str(path), message, line=line), entry)


def kind_of(obj: Mapping[str, object]) -> str:
    """Which documented shape a JSON object has: openalex, s2, arxiv, csl or plain."""
    if "abstract_inverted_index" in obj or "authorships" in obj or str(obj.get("id", "")).startswith(
        "https://openalex.org/"
    ):
        return "openalex"
    if "paperId" in obj or "externalIds" in obj:
        return "s2"
    if "authors_parsed" in obj or ("versions" in obj and "submitter" in obj):
        return "arxiv"
    authors = obj.get("author")
    csl_names = isinstance(authors, list) and any(
        isinstance(a, dict) and ("family" in a or "literal" in a) for a in authors
    )
    if "issued" in obj or "container-title" in obj or "citation-key" in obj or csl_names:
        return "csl"
    return "plain"


def unwrap(value: object) -> list[object] | None:
    """The paper objects of a document: a list, an API page's results/data, or one object."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        for wrapper in ("results", "data"):
            items = value.get(wrapper)
            if isinstance(items, list) and ("meta" in value or "total" in value or "next" in value
                                            or "offset" in value or "token" in value):
                return items
        return [value]
    return None


def records_from_json(
    path: Path, line: int | None, value: object, *, numbered: bool
) -> Iterator[PaperRecord | InputError]:
    """Records of one parsed JSON value; `numbered` adds 'entry N' to errors (no line per entry)."""
    items = unwrap(value)
    if items is None:
        yield _fail(path, line, None, f"expected a JSON object or list of papers, got {type(value).__name__}")
        return
    several = numbered or len(items) > 1
    for n, item in enumerate(items, start=1):
        entry = n if several else None
        if not isinstance(item, dict):
            yield _fail(path, line, entry, f"expected a paper object, got {type(item).__name__}")
            continue
        shape = kind_of(item)
        parser = _PARSERS.get(shape)
        result = parser(path, line, item) if parser else record_from_mapping(path, line or 0, item)
        if isinstance(result, InputError):
            if line is None and result.line == 0:
                result = InputError(str(path), result.reason, hint=result.hint)
            result = _entry_error(result, entry)
        yield result


def parse_json_document(path: Path) -> Iterator[PaperRecord | InputError]:
    """A whole-file JSON document: a CSL-JSON array, an API results page, or one saved object."""
    size = path.stat().st_size
    if size > MAX_JSON_DOCUMENT_BYTES:
        yield InputError(str(path), f"JSON document of {size // 2**20} MiB is too large",
                         hint="save it as JSONL (one object per line) instead")
        return
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(str(path), f"malformed JSON: {exc.msg} (column {exc.colno})", line=exc.lineno)
        return
    except (ValueError, RecursionError) as exc:
        yield InputError(str(path), f"malformed JSON: {str(exc)[:200]}")
        return
    yield from records_from_json(path, None, value, numbered=isinstance(value, list))


# ---------------------------------------------------------------- CSL-JSON (Zotero, Mendeley, pandoc)


def _csl_names(value: object) -> list[str]:
    names = []
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, dict):
            continue
        literal = _str(item.get("literal"))
        parts = [_str(item.get(k)) for k in ("given", "non-dropping-particle", "family", "suffix")]
        full = literal or " ".join(p for p in parts if p)
        if full:
            names.append(full)
    return names[: MAX_AUTHORS + 1]


def _csl_date(value: object) -> tuple[int | None, str | None]:
    """`issued`: {"date-parts": [[2020, 5, 1]]}, {"raw": "2020-05"} or {"literal": "Spring 2020"}."""
    if not isinstance(value, dict):
        return None, None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        first = [str(p) for p in parts[0] if isinstance(p, (int, str))]
        year = parse_year(first[0]) if first else None
        date = "-".join(p if i == 0 else p.zfill(2) for i, p in enumerate(first))
        return (year if isinstance(year, int) else None), date or None
    for key in ("raw", "literal"):
        raw = _str(value.get(key))
        if raw:
            year = parse_year(raw)
            return (year if isinstance(year, int) else None), raw
    return None, None


def _csl(path: Path, line: int | None, obj: Mapping[str, object]) -> PaperRecord | InputError:
    year, date = _csl_date(obj.get("issued"))
    doi = normalize_doi(_str(obj.get("DOI")))
    url = _str(obj.get("URL"))
    arxiv = None
    number = _str(obj.get("number"))
    publisher = (_str(obj.get("publisher")) or "").lower()
    for text in (number, url, doi, _str(obj.get("archive_location"))):
        if arxiv is None and text and ("arxiv" in text.lower() or (text is number and "arxiv" in publisher)):
            arxiv = normalize_arxiv_id(text)
    ctype = _str(obj.get("type")) or ""
    return build_record(
        path, line or 0, title=_str(obj.get("title")) or "", abstract=_str(obj.get("abstract")) or "",
        authors=_csl_names(obj.get("author")), year=year, date=date, doi=doi, url=url, arxiv_id=arxiv,
        venue=_str(obj.get("container-title")) or (None if ctype == "article-journal" else _str(obj.get("publisher"))),
        kind=_CSL_KIND.get(ctype) or ("preprint" if arxiv else "misc"),
        source_id=_str(obj.get("id")) if isinstance(obj.get("id"), str) else None,
    )


# ---------------------------------------------------------------- OpenAlex works


def rebuild_abstract(index: object) -> str:
    """OpenAlex ships abstracts as {word: [positions]}; put each word back at its positions."""
    if not isinstance(index, dict):
        return ""
    slots: dict[int, str] = {}
    for word, positions in index.items():
        for pos in positions if isinstance(positions, list) else []:
            if isinstance(pos, int) and 0 <= pos < 200_000:
                slots[pos] = str(word)
    return " ".join(slots[i] for i in sorted(slots))


def _openalex(path: Path, line: int | None, obj: Mapping[str, object]) -> PaperRecord | InputError:
    ids = obj.get("ids") if isinstance(obj.get("ids"), dict) else {}
    assert isinstance(ids, dict)
    location = obj.get("primary_location") if isinstance(obj.get("primary_location"), dict) else {}
    assert isinstance(location, dict)
    source = location.get("source") if isinstance(location.get("source"), dict) else {}
    assert isinstance(source, dict)
    authors = []
    for authorship in obj.get("authorships") or []:
        if isinstance(authorship, dict):
            author = authorship.get("author") if isinstance(authorship.get("author"), dict) else {}
            assert isinstance(author, dict)
            name = _str(author.get("display_name")) or _str(authorship.get("raw_author_name"))
            if name:
                authors.append(name)
    doi = normalize_doi(_str(obj.get("doi")) or _str(ids.get("doi")))
    landing = _str(location.get("landing_page_url"))
    arxiv = normalize_arxiv_id(_str(ids.get("arxiv")))
    for candidate in (landing, doi):
        if arxiv is None and candidate and "arxiv" in candidate.lower():
            arxiv = normalize_arxiv_id(candidate)
    year = obj.get("publication_year")
    kind = _OA_SOURCE_KIND.get(str(source.get("type")), "preprint" if obj.get("type") == "preprint" else "misc")
    return build_record(
        path, line or 0, title=_str(obj.get("title")) or _str(obj.get("display_name")) or "",
        abstract=rebuild_abstract(obj.get("abstract_inverted_index")), authors=authors,
        year=year if isinstance(year, int) and not isinstance(year, bool) else None,
        date=_str(obj.get("publication_date")), doi=doi, arxiv_id=arxiv,
        url=landing or (f"https://doi.org/{doi}" if doi else None), venue=_str(source.get("display_name")),
        kind=kind, source_id=_str(obj.get("id")),
    )


# ---------------------------------------------------------------- Semantic Scholar Graph API


def _s2(path: Path, line: int | None, obj: Mapping[str, object]) -> PaperRecord | InputError:
    ext = obj.get("externalIds") if isinstance(obj.get("externalIds"), dict) else {}
    assert isinstance(ext, dict)
    abstract = _str(obj.get("abstract")) or ""
    abstract_source = None
    tldr = obj.get("tldr")
    if not abstract and isinstance(tldr, dict) and _str(tldr.get("text")):
        abstract, abstract_source = _str(tldr.get("text")) or "", "tldr"
    authors = [n for a in obj.get("authors") or [] if isinstance(a, dict) and (n := _str(a.get("name")))]
    journal = obj.get("journal") if isinstance(obj.get("journal"), dict) else {}
    assert isinstance(journal, dict)
    types = [t for t in obj.get("publicationTypes") or [] if isinstance(t, str)]
    kind = "inproceedings" if "Conference" in types else next((_S2_KIND[t] for t in types if t in _S2_KIND), None)
    arxiv = normalize_arxiv_id(_str(ext.get("ArXiv")))
    year = obj.get("year")
    return build_record(
        path, line or 0, title=_str(obj.get("title")) or "", abstract=abstract, authors=authors,
        year=year if isinstance(year, int) and not isinstance(year, bool) else None,
        date=_str(obj.get("publicationDate")), doi=normalize_doi(_str(ext.get("DOI"))), arxiv_id=arxiv,
        url=_str(obj.get("url")), venue=_str(obj.get("venue")) or _str(journal.get("name")),
        kind=kind or ("preprint" if arxiv else "misc"), source_id=_str(obj.get("paperId")),
        abstract_source=abstract_source,
    )


# ---------------------------------------------------------------- arXiv metadata snapshot (Kaggle JSONL)

_GMT_YEAR = re.compile(r"\b(19|20)\d\d\b")


def _arxiv_snapshot(path: Path, line: int | None, obj: Mapping[str, object]) -> PaperRecord | InputError:
    from reviewer.ingest.bibtex import latex_to_text
    from reviewer.ingest.identifiers import split_authors

    authors: list[str] = []
    for parts in obj.get("authors_parsed") or []:
        if isinstance(parts, list) and parts and all(isinstance(p, str) for p in parts):
            last, first, suffix = (list(parts) + ["", ""])[:3]
            authors.append(" ".join(p for p in (first, last, suffix) if p.strip()))
    if not authors and _str(obj.get("authors")):
        authors = split_authors(latex_to_text(str(obj["authors"])))
    arxiv = normalize_arxiv_id(_str(obj.get("id")) if isinstance(obj.get("id"), str) else None)
    year = None
    versions = obj.get("versions")
    first_version = versions[0] if isinstance(versions, list) and versions else None
    if isinstance(first_version, dict) and (m := _GMT_YEAR.search(str(first_version.get("created", "")))):
        year = int(m.group(0))
    date = _str(obj.get("update_date"))
    if year is None and date:
        parsed = parse_year(date)
        year = parsed if isinstance(parsed, int) else None
    journal = _str(obj.get("journal-ref"))
    return build_record(
        path, line or 0, title=latex_to_text(_str(obj.get("title")) or ""),
        abstract=_str(obj.get("abstract")) or "", authors=authors, year=year, date=date,
        doi=normalize_doi((_str(obj.get("doi")) or "").split()[0] if _str(obj.get("doi")) else None),
        arxiv_id=arxiv, url=f"https://arxiv.org/abs/{arxiv}" if arxiv else None,
        venue=journal, kind="article" if journal else "preprint", source_id=arxiv,
    )


_PARSERS = {"csl": _csl, "openalex": _openalex, "s2": _s2, "arxiv": _arxiv_snapshot}


# ---------------------------------------------------------------- JSONL


def parse_jsonl(path: Path) -> Iterator[PaperRecord | InputError]:
    """One JSON object per line; blank lines are skipped."""
    for lineno, text in iter_lines(path, MAX_JSONL_LINE_BYTES):
        if text is None:
            yield InputError(str(path), f"line is longer than {MAX_JSONL_LINE_BYTES // 2**20} MiB; skipped", line=lineno)
            continue
        if not text or text.isspace():
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield InputError(str(path), f"malformed JSON: {exc.msg} (column {exc.colno})", line=lineno)
            continue
        except (ValueError, RecursionError) as exc:
            yield InputError(str(path), f"malformed JSON: {str(exc)[:200]}", line=lineno)
            continue
        if not isinstance(obj, dict):
            yield InputError(str(path), f"expected a JSON object with title and abstract, got {type(obj).__name__}", line=lineno)
            continue
        if kind_of(obj) == "plain" and unwrap(obj) == [obj]:
            yield record_from_mapping(path, lineno, obj)
        else:  # an OpenAlex / Semantic Scholar / arXiv snapshot / CSL object, or an API page on one line
            yield from records_from_json(path, lineno, obj, numbered=False)
