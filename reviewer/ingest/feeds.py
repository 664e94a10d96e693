"""RIS (Zotero, Mendeley, EndNote exports), arXiv Atom API responses and PubMed XML.

RIS is read line by line so every entry knows its start line; the XML formats are streamed with
iterparse and each finished entry is cleared, so a 1 GB PubMed baseline file never sits in memory.
Entries there are reported by number (and PMID / arXiv id), as XML lines are not tracked.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from reviewer.errors import InputError
from reviewer.ingest.detect import (
    MAX_TEXT_LINE_BYTES,
    build_record,
    iter_lines,
)
from reviewer.ingest.identifiers import flip_name, normalize_arxiv_id, normalize_doi, parse_year
from reviewer.models import PaperRecord

# ---------------------------------------------------------------- RIS

_RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*)|\s*)$")
_RIS_KIND = {"JOUR": "article", "JFULL": "article", "MGZN": "article", "CONF": "inproceedings",
             "CPAPER": "inproceedings"}
_RIS_AUTHORS = ("AU", "A1")
_RIS_MULTI = {"AU", "A1", "UR", "L1", "L2", "KW", "N1"}


def _ris_record(path: Path, line: int, tags: dict[str, list[str]]) -> PaperRecord | InputError:
    def first(*names: str) -> str:
        return next((tags[n][0] for n in names if tags.get(n)), "")

    authors = [flip_name(a) for n in _RIS_AUTHORS for a in tags.get(n, [])]
    date = first("DA", "PY", "Y1")
    year = parse_year(first("PY", "Y1", "DA"))
    urls = tags.get("UR", [])
    doi = normalize_doi(first("DO")) or next((normalize_doi(u) for u in urls if "doi.org/" in u.lower()), None)
    arxiv = next((normalize_arxiv_id(t) for t in (*urls, first("DO"), first("M1"), first("SN"), first("ID"))
                  if t and "arxiv" in t.lower()), None)
    ty = first("TY").upper()
    venue = first("T2", "JO", "JF", "BT", "J2", "JA") or None
    return build_record(
        path, line, title=first("TI", "T1", "CT"), abstract=" ".join(tags.get("AB") or tags.get("N2") or []),
        authors=authors, year=year if isinstance(year, int) else None, date=date.strip("/") or None,
        doi=doi, arxiv_id=arxiv, url=urls[0] if urls else None, venue=venue,
        kind="preprint" if arxiv and ty not in _RIS_KIND else _RIS_KIND.get(ty, "misc"),
        source_id=first("ID") or None,
    )


def parse_ris(path: Path) -> Iterator[PaperRecord | InputError]:
    """`TY  - ` opens an entry, `ER  - ` closes it; untagged lines continue the previous tag's value."""
    tags: dict[str, list[str]] = {}
    start, last = 0, ""
    for lineno, text in iter_lines(path, MAX_TEXT_LINE_BYTES):
        if text is None:
            yield InputError(str(path), f"line is longer than {MAX_TEXT_LINE_BYTES // 2**20} MiB; skipped",
                             line=lineno)
            continue
        raw = text.rstrip("\r\n")
        m = _RIS_LINE.match(raw)
        if m is None:
            if raw.strip() and tags and last:
                tags[last][-1] = (tags[last][-1] + " " + raw.strip()).strip()
            continue
        tag, value = m.group(1), (m.group(2) or "").strip()
        if tag == "TY":
            if tags:
                yield InputError(str(path), "RIS entry has no 'ER  -' terminator before the next 'TY  -'",
                                 line=start)
                yield _ris_record(path, start, tags)
            tags, start, last = {"TY": [value]}, lineno, "TY"
            continue
        if tag == "ER":
            if tags:
                yield _ris_record(path, start, tags)
            tags, last = {}, ""
            continue
        if not tags:
            continue
        values = tags.setdefault(tag, [])
        if tag in _RIS_MULTI or not values or tag in ("AB", "N2"):
            values.append(value)
        last = tag
    if tags:
        yield InputError(str(path), "RIS entry is not closed with 'ER  -' at end of file", line=start)
        yield _ris_record(path, start, tags)


# ---------------------------------------------------------------- XML helpers

_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"


def _text(el: ET.Element | None) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _iter_elements(path: Path, tag: str) -> Iterator[ET.Element | InputError]:
    """Each complete `tag` element, cleared after use; a syntax error ends the file with one InputError."""
    try:
        context = ET.iterparse(str(path), events=("end",))
        for _, el in context:
            if el.tag == tag:
                yield el
                el.clear()
    except ET.ParseError as exc:
        line = exc.position[0] if hasattr(exc, "position") else None
        yield InputError(str(path), f"malformed XML: {exc}", line=line)


# ---------------------------------------------------------------- arXiv Atom API


def parse_arxiv_atom(path: Path) -> Iterator[PaperRecord | InputError]:
    """<entry> elements of an arXiv API response (one or many pages saved together)."""
    n = 0
    for el in _iter_elements(path, f"{_ATOM}entry"):
        if isinstance(el, InputError):
            yield el
            continue
        n += 1
        entry_id = _text(el.find(f"{_ATOM}id"))
        if "/api/errors" in entry_id:
            yield InputError(str(path), f"entry {n}: arXiv API error: {_text(el.find(f'{_ATOM}summary'))[:200]}")
            continue
        arxiv = normalize_arxiv_id(entry_id)
        doi = normalize_doi(_text(el.find(f"{_ARXIV}doi")) or None)
        journal = _text(el.find(f"{_ARXIV}journal_ref")) or None
        published = _text(el.find(f"{_ATOM}published"))
        year = parse_year(published[:4]) if published else None
        authors = [_text(a.find(f"{_ATOM}name")) for a in el.findall(f"{_ATOM}author")]
        record = build_record(
            path, 0, title=_text(el.find(f"{_ATOM}title")), abstract=_text(el.find(f"{_ATOM}summary")),
            authors=[a for a in authors if a], year=year if isinstance(year, int) else None,
            date=published[:10] or None, doi=doi, arxiv_id=arxiv,
            url=f"https://arxiv.org/abs/{arxiv}" if arxiv else entry_id or None, venue=journal,
            kind="article" if journal else "preprint", source_id=arxiv,
        )
        if isinstance(record, InputError):
            record = InputError(str(path), f"entry {n} (arXiv {arxiv or entry_id}): {record.reason}")
        yield record


# ---------------------------------------------------------------- PubMed XML


def _pubmed_abstract(article: ET.Element) -> str:
    """Structured abstracts keep their section labels: 'BACKGROUND: ... METHODS: ...'."""
    parts = []
    for block in article.findall("Abstract/AbstractText"):
        body = _text(block)
        label = (block.get("Label") or "").strip()
        if body:
            parts.append(f"{label.rstrip(':').upper()}: {body}" if label else body)
    return " ".join(parts)


def _pubmed_year(article: ET.Element) -> tuple[int | None, str | None]:
    for date in (article.find("Journal/JournalIssue/PubDate"), article.find("ArticleDate")):
        if date is None:
            continue
        year = _text(date.find("Year")) or _text(date.find("MedlineDate"))
        parsed = parse_year(year)
        if isinstance(parsed, int):
            month, day = _text(date.find("Month")), _text(date.find("Day"))
            return parsed, " ".join(p for p in (year, month, day) if p)
    return None, None


def parse_pubmed(path: Path) -> Iterator[PaperRecord | InputError]:
    """<PubmedArticle> elements of an efetch response or a baseline/update file."""
    n = 0
    for el in _iter_elements(path, "PubmedArticle"):
        if isinstance(el, InputError):
            yield el
            continue
        n += 1
        pmid = _text(el.find("MedlineCitation/PMID"))
        article = el.find("MedlineCitation/Article")
        what = f"entry {n} (PMID {pmid or '?'})"
        if article is None:
            yield InputError(str(path), f"{what}: no <Article> element")
            continue
        authors = []
        for author in article.findall("AuthorList/Author"):
            name = " ".join(p for p in (_text(author.find("ForeName")) or _text(author.find("Initials")),
                                        _text(author.find("LastName")), _text(author.find("Suffix"))) if p)
            name = name or _text(author.find("CollectiveName"))
            if name:
                authors.append(name)
        ids = {a.get("IdType"): _text(a) for a in el.findall("PubmedData/ArticleIdList/ArticleId")}
        doi = normalize_doi(ids.get("doi")) or next(
            (normalize_doi(_text(e)) for e in article.findall("ELocationID") if e.get("EIdType") == "doi"), None)
        year, date = _pubmed_year(article)
        title = _text(article.find("ArticleTitle"))
        if title.endswith(".") and not title.endswith(".."):
            title = title[:-1]  # MEDLINE ends every ArticleTitle with a period
        record = build_record(
            path, 0, title=title, abstract=_pubmed_abstract(article),
            authors=authors, year=year, date=date, doi=doi, venue=_text(article.find("Journal/Title")) or None,
            url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid else None, kind="article",
            source_id=f"pmid:{pmid}" if pmid else None,
        )
        if isinstance(record, InputError):
            record = InputError(str(path), f"{what}: {record.reason}")
        yield record
