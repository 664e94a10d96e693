"""One place that turns paper metadata into references: text, Markdown, BibTeX, CSL-JSON and RIS.

The survey bibliography, `ask` references and `reviewer export` all call these functions, so a paper is
cited the same way everywhere. An unknown field is left out entirely: no "(n.d.)", no "Anonymous".
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`()\[\]{}|\\^]+$")
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_ORG_WORDS = {"team", "group", "consortium", "collaboration", "lab", "laboratory", "institute", "university",
              "organization", "organisation", "committee", "project", "inc", "inc.", "ltd", "ai"}
# A literal brace cannot be escaped inside a BibTeX value (BibTeX and bibtexparser count every brace, even
# after a backslash), and pandoc's BibTeX reader drops \textbraceleft, so braces are written as math symbols.
_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"$\lbrace$", "}": r"$\rbrace$", "&": r"\&", "%": r"\%",
    "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}


class Citable(Protocol):
    """What a reference needs; both catalogue papers and survey bibliography entries have it."""

    key: str
    title: str
    authors: list[str]
    year: int | None
    doi: str | None
    arxiv_id: str | None
    url: str | None

    @property
    def venue(self) -> str | None: ...


def _get(ref: object, name: str) -> str | None:
    value = getattr(ref, name, None)
    return value if isinstance(value, str) and value.strip() else None


def is_organisation(name: str) -> bool:
    words = name.split()
    return len(words) == 1 or any(w.lower().strip(".,") in _ORG_WORDS for w in words) or name.isupper()


def split_name(name: str) -> tuple[str, str, str]:
    """'Ludwig van Beethoven Jr' -> ('Ludwig', 'van Beethoven', 'Jr'): given, family, suffix.

    A name already written 'Last, First' (or 'Last, Jr, First') is split at its commas.
    """
    parts = [p.strip() for p in name.split(",")]
    if len(parts) == 2 and all(parts):
        return parts[1], parts[0], ""
    if len(parts) == 3 and all(parts):
        return parts[2], parts[0], parts[1]
    words = name.split()
    suffix = words.pop() if len(words) > 2 and words[-1].lower() in _SUFFIXES else ""
    if len(words) < 2:
        return "", " ".join(words), suffix
    family = [words.pop()]
    while len(words) > 1 and words[-1][:1].islower():
        family.insert(0, words.pop())
    return " ".join(words), " ".join(family), suffix


def surname(name: str) -> str:
    return name.strip() if is_organisation(name) else split_name(name)[1]


def short_authors(authors: Sequence[str]) -> str:
    """'Wang', 'Wang and Li', 'Wang et al.'; '' when no author is known."""
    names = [surname(a) for a in authors if a.strip()]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} et al."


def safe_url(url: str | None) -> str | None:
    """Only plain http(s) URLs; anything else (javascript:, data:, spaces, brackets) is dropped."""
    if url and _SAFE_URL.match(url.strip()):
        return url.strip()
    return None


def link(ref: object) -> str | None:
    """DOI, else arXiv, else the paper's own URL; None when none is known (or none is safe)."""
    doi, arxiv = _get(ref, "doi"), _get(ref, "arxiv_id")
    for candidate in (f"https://doi.org/{doi}" if doi else None,
                      f"https://arxiv.org/abs/{arxiv}" if arxiv else None, _get(ref, "url")):
        if (safe := safe_url(candidate)) is not None:
            return safe
    return None


def format_reference(ref: object, *, escape: Callable[[str], str] = str, markdown: bool = False) -> str:
    """'Wang et al. (2025). Title. Venue. https://doi.org/…' with every unknown part left out."""
    authors = short_authors(getattr(ref, "authors", []) or [])
    year = getattr(ref, "year", None)
    head = " ".join(p for p in (escape(authors), f"({year})" if year else "") if p)
    title = escape(" ".join(str(getattr(ref, "title", "")).split()).rstrip("."))
    venue = _get(ref, "venue")
    parts = [head, title]
    if venue:
        parts.append(f"*{escape(venue.rstrip('.'))}*" if markdown else venue.rstrip("."))
    text = ""
    for part in (p for p in parts if p):  # 'Zou et al.' without a year ends in its own period: no 'al..'
        text += part if not text else (" " if text.endswith((".", "?", "!")) else ". ") + part
    text += "" if text.endswith((".", "?", "!")) else "."
    url = link(ref)
    if url:
        text += f" <{url}>" if markdown else f" {url}"
    return text


# ---------------------------------------------------------------- BibTeX


def escape_bibtex(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in " ".join(text.split()))


def _verbatim(value: str) -> str:
    """DOIs and URLs are not TeX-escaped; the few characters that would break the file are %-encoded."""
    return value.strip().replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def _bib_name(name: str) -> str:
    if is_organisation(name):
        return "{" + escape_bibtex(name) + "}"
    given, family, suffix = split_name(name)
    parts = [family, suffix, given] if suffix else [family, given]
    return ", ".join(escape_bibtex(p) for p in parts if p)


def bibtex_key(ref: object, fallback: str = "ref") -> str:
    return re.sub(r"[^A-Za-z0-9_:.\-]", "", str(getattr(ref, "key", ""))) or fallback


def bibtex_type(ref: object) -> str:
    kind, venue = _get(ref, "kind"), _get(ref, "venue")
    if kind == "article" and venue:
        return "article"
    if kind == "inproceedings" and venue:
        return "inproceedings"
    return "misc"


def bibtex_entry(ref: object, fallback_key: str = "ref") -> str:
    """@article / @inproceedings with journal / booktitle, or @misc (with eprint for arXiv papers)."""
    etype = bibtex_type(ref)
    fields = [("title", "{" + escape_bibtex(str(getattr(ref, "title", ""))) + "}")]
    authors = getattr(ref, "authors", []) or []
    if authors:
        fields.append(("author", " and ".join(_bib_name(a) for a in authors)))
    if getattr(ref, "year", None):
        fields.append(("year", str(ref.year)))  # type: ignore[attr-defined]
    venue = _get(ref, "venue")
    if venue and etype == "article":
        fields.append(("journal", escape_bibtex(venue)))
    elif venue and etype == "inproceedings":
        fields.append(("booktitle", escape_bibtex(venue)))
    elif venue:
        fields.append(("howpublished", escape_bibtex(venue)))
    if doi := _get(ref, "doi"):
        fields.append(("doi", _verbatim(doi)))
    if arxiv := _get(ref, "arxiv_id"):
        fields += [("eprint", _verbatim(arxiv)), ("archiveprefix", "arXiv")]
    if url := safe_url(_get(ref, "url")):
        fields.append(("url", url))
    if abstract := _get(ref, "abstract"):  # catalogue exports keep it, so the file can be ingested again
        fields.append(("abstract", escape_bibtex(abstract)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{etype}{{{bibtex_key(ref, fallback_key)},\n{body}\n}}"


def render_bibtex(refs: Iterable[object]) -> str:
    blocks = [bibtex_entry(r, f"ref{n}") for n, r in enumerate(refs, start=1)]
    return "\n\n".join(blocks) + ("\n" if blocks else "")


# ---------------------------------------------------------------- CSL-JSON and RIS

_CSL_TYPE = {"article": "article-journal", "inproceedings": "paper-conference"}
_RIS_TYPE = {"article": "JOUR", "inproceedings": "CPAPER"}


def _csl_name(name: str) -> dict[str, str]:
    if is_organisation(name):
        return {"literal": name}
    given, family, suffix = split_name(name)
    out = {"family": family, "given": given}
    if suffix:
        out["suffix"] = suffix
    return out


def csl_item(ref: object) -> dict[str, object]:
    kind = _get(ref, "kind") or ""
    arxiv = _get(ref, "arxiv_id")
    item: dict[str, object] = {
        "id": str(getattr(ref, "key", "")),
        "type": _CSL_TYPE.get(kind, "article" if arxiv else "document"),
        "title": getattr(ref, "title", ""),
    }
    if authors := getattr(ref, "authors", []):
        item["author"] = [_csl_name(a) for a in authors]
    if year := getattr(ref, "year", None):
        item["issued"] = {"date-parts": [[year]]}
    if venue := _get(ref, "venue"):
        item["container-title"] = venue
    if doi := _get(ref, "doi"):
        item["DOI"] = doi
    if arxiv:
        item["number"] = f"arXiv:{arxiv}"
        item.setdefault("publisher", "arXiv")
    if url := _get(ref, "url"):
        item["URL"] = url
    if abstract := _get(ref, "abstract"):
        item["abstract"] = abstract
    return item


def render_csljson(refs: Iterable[object]) -> str:
    return json.dumps([csl_item(r) for r in refs], indent=2, ensure_ascii=False) + "\n"


def _ris_line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(value.split())}"


def ris_entry(ref: object) -> str:
    kind = _get(ref, "kind") or ""
    arxiv = _get(ref, "arxiv_id")
    lines = [_ris_line("TY", _RIS_TYPE.get(kind, "UNPB" if arxiv else "GEN")),
             _ris_line("TI", str(getattr(ref, "title", "")))]
    for name in getattr(ref, "authors", []) or []:
        given, family, suffix = split_name(name)
        lines.append(_ris_line("AU", name if is_organisation(name) or not given else
                               ", ".join(p for p in (family, given, suffix) if p)))
    if year := getattr(ref, "year", None):
        lines.append(_ris_line("PY", str(year)))
    if venue := _get(ref, "venue"):
        lines.append(_ris_line("T2", venue))
    if doi := _get(ref, "doi"):
        lines.append(_ris_line("DO", doi))
    url = _get(ref, "url") or (f"https://arxiv.org/abs/{arxiv}" if arxiv else None)
    if url:
        lines.append(_ris_line("UR", url))
    if abstract := _get(ref, "abstract"):
        lines.append(_ris_line("AB", abstract))
    lines += [_ris_line("ID", str(getattr(ref, "key", ""))), "ER  - "]
    return "\n".join(lines)


def render_ris(refs: Iterable[object]) -> str:
    blocks = [ris_entry(r) for r in refs]
    return "\n\n".join(blocks) + ("\n" if blocks else "")
