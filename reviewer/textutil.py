"""The text primitives every stage shares: normalisation, sentence splitting, words, stems, overlap.

Also the stopword list of content words, the one Snowball stemmer, author surnames and atomic writes.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path

_WS = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# Abbreviations after which a period does not end a sentence.
_ABBREV = {
    "e.g", "i.e", "etc", "et al", "al", "vs", "fig", "figs", "eq", "eqs", "no", "dr", "mr", "mrs", "ms",
    "prof", "approx", "cf", "resp", "sec", "ref", "refs", "viz", "st", "vol", "pp", "ca",
}
_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-+.]*[A-Za-z0-9+]|[A-Za-z0-9]")


def clean_text(text: str) -> str:
    """NFC-normalise, drop control characters and collapse whitespace."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if ch in "\t\n" or unicodedata.category(ch)[0] != "C")
    return _WS.sub(" ", text).strip()


def normalize(text: str) -> str:
    """Lower-case accent-folded form used to compare strings loosely: letters and digits of every
    script (so a Chinese or Greek quote is compared as itself, not as an empty string)."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    if folded.isascii():
        return _WS.sub(" ", _NON_ALNUM.sub(" ", folded)).strip()
    return _WS.sub(" ", "".join(ch if ch.isalnum() else " " for ch in folded)).strip()


# Punctuation that changes what a title names ("C++" vs "C", "C#"); other punctuation is a gap.
_TITLE_SYMBOLS = frozenset("+#%@*$")


def normalize_title(title: str) -> str:
    """Dedup form of a title: NFKC, casefolded, letters/digits of every script and meaningful symbols.

    Accents on Latin letters are dropped (ASCII-folded sources must still match), but marks that belong
    to other scripts (e.g. Japanese dakuten) are kept, and so are Greek letters and math symbols, so
    "α-Divergence" and "β-Divergence" or "C" and "C++" stay different papers.
    """
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", title).casefold())
    out: list[str] = []
    latin = False
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] == "M":
            # Only the generic diacritics a Latin letter takes are folded; a mark of another script (a Devanagari
            # vowel sign) keeps its meaning even where a stray one follows a Latin letter.
            if not (latin and "\u0300" <= ch <= "\u036f"):
                out.append(ch)
            continue
        if cat[0] in "LN" or cat in ("Sm", "So", "Sc") or ch in _TITLE_SYMBOLS:
            out.append(ch)
            latin = ch.isascii() and ch.isalpha()
        else:
            out.append(" ")
            latin = False
    folded = unicodedata.normalize("NFC", "".join(out))
    return _WS.sub(" ", folded).strip()


def split_sentences(text: str) -> list[str]:
    """Split an abstract into sentences, keeping each one verbatim."""
    text = _WS.sub(" ", text).strip()
    if not text:
        return []
    pieces: list[str] = []
    start = 0
    for m in _SPLIT.finditer(text):
        candidate = text[start : m.start()].rstrip()
        last_word = candidate.rsplit(" ", 1)[-1].rstrip(".!?\"')]").lower()
        if last_word in _ABBREV or (len(last_word) == 1 and last_word.isalpha()):
            continue
        pieces.append(text[start : m.end()].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        pieces.append(tail)
    return [p for p in pieces if p]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


# Words that carry no topic: dropped from the stems that lexical overlap compares.
STOPWORDS = frozenset(
    """a an the of for and or in on to with by from as at is are was were be been being this that these those
    it its we our their they them which who whom what how why when where do does did can could should would
    may might will shall not no than then there here such via into over under about between among also
    more most less least very much many some any each both all other using use used based new approach
    paper propose proposed study show shows results result method methods model models""".split()
)


_local = threading.local()


def stemmer():  # type: ignore[no-untyped-def]
    """The English Snowball stemmer (PyStemmer), one per thread: its objects are not thread-safe."""
    found = getattr(_local, "stemmer", None)
    if found is None:
        import Stemmer

        found = _local.stemmer = Stemmer.Stemmer("english")
    return found


def content_stems(text: str) -> list[str]:
    """Stemmed content words: the unit of lexical overlap everywhere in reviewer."""
    toks = [w.lower() for w in words(text)]
    toks = [w for w in toks if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]
    return stemmer().stemWords(toks)


def stems_with_parts(text: str) -> set[str]:
    """content_stems of the text, a hyphenated word's parts counted too ("general-domain" also gives "general")."""
    return set(content_stems(text)) | set(content_stems(re.sub(r"(?<=\w)-(?=\w)", " ", text)))


def lexical_overlap(query_stems: list[str], sentence_stems: set[str], idf: dict[str, float]) -> float:
    """IDF-weighted share of the query's content stems that the sentence contains."""
    wanted = set(query_stems)
    if not wanted:
        return 0.0
    total = sum(idf.get(s, 1.0) for s in wanted)
    return sum(idf.get(s, 1.0) for s in wanted if s in sentence_stems) / total


def surname(author: str) -> str:
    """'Wang, Yue' -> 'Wang'; 'Yue Wang' -> 'Wang'."""
    author = author.strip()
    if "," in author:
        return author.split(",", 1)[0].strip()
    parts = author.split()
    return parts[-1] if parts else ""


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write via a temp file in the same directory and rename, so readers never see half a file.

    `mode` sets the file's permission bits (the temp file is created 0600).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if mode is not None:
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


_SENTENCE_END = re.compile(r"[.!?](?:\s*\[[^\]]*\])?[.!?]?(?=\s|$)")


def complete_sentences(text: str) -> str:
    """Text up to the end of its last whole sentence (citation group included); unchanged if it has none."""
    ends = list(_SENTENCE_END.finditer(text))
    return text[: ends[-1].end()].rstrip() if ends else text
