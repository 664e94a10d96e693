"""A fast reader for one well-formed BibTeX entry, tried before bibtexparser's pyparsing grammar.

bibtexparser 1.x spends ~9 ms per entry; this hand-written scanner reads the usual shapes
(`field = {braced}`, `"quoted"`, numbers, @string macros joined with `#`) in a few microseconds. Anything
it does not fully understand returns None, and the caller falls back to bibtexparser, so odd entries keep
exactly the old behaviour and error messages.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator, MutableMapping
from pathlib import Path

_HEAD = re.compile(r"\s*@\s*([A-Za-z]+)\s*([{(])\s*")
_KEY = re.compile(r"([^,\s{}()=\"#]+)\s*,")
_NAME = re.compile(r"\s*([A-Za-z_][\w:.+/-]*)\s*=\s*")
_NUMBER = re.compile(r"\d+")
_MACRO = re.compile(r"[A-Za-z_][\w:.+/-]*")
_SPACE = re.compile(r"\s*")
# The usual field, `name = {braced}` followed by `,` or the closing `}`, read with two regex calls.
_BRACED_FIELD = re.compile(r"\s*([A-Za-z_][\w:.+/-]*)\s*=\s*\{")
_AFTER_VALUE = re.compile(r"\s*([,}#])")


def _braced(text: str, pos: int) -> tuple[str, int] | None:
    """Content of the balanced {...} starting at text[pos] == '{', and the index after it.

    str.find is a C scan; a regex over the value would cost ~20 us for an abstract."""
    depth, i = 0, pos
    while True:
        close = text.find("}", i)
        if close < 0:
            return None
        opening = text.find("{", i, close)
        if opening >= 0:
            depth, i = depth + 1, opening + 1
            continue
        depth -= 1
        if depth == 0:
            return text[pos + 1 : close], close + 1
        i = close + 1


def _quoted(text: str, pos: int) -> tuple[str, int] | None:
    """Content of "..." starting at text[pos] == '"'; quotes inside braces do not end it."""
    depth = 0
    i = pos + 1
    while i < len(text):
        ch = text[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return None
        elif ch == '"' and depth == 0:
            return text[pos + 1 : i], i + 1
        i += 1
    return None


def _value(text: str, pos: int, strings: MutableMapping[str, str]) -> tuple[str, int] | None:
    parts: list[str] = []
    while True:
        pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= len(text):
            return None
        ch = text[pos]
        if ch == "{":
            got = _braced(text, pos)
        elif ch == '"':
            got = _quoted(text, pos)
        elif m := _NUMBER.match(text, pos):
            got = (m.group(0), m.end())
        elif m := _MACRO.match(text, pos):
            name = m.group(0).lower()
            if name not in strings:
                return None  # undefined macro: let bibtexparser report it
            got = (strings[name], m.end())
        else:
            return None
        if got is None:
            return None
        parts.append(got[0])
        pos = _SPACE.match(text, got[1]).end()  # type: ignore[union-attr]
        if pos < len(text) and text[pos] == "#":
            pos += 1
            continue
        return "".join(parts), pos


def _clean(value: str) -> str:
    return re.sub(r"\n\s*", "\n", value.strip()) if "\n" in value else value.strip()


def parse_entry(text: str, strings: MutableMapping[str, str]) -> dict[str, str] | None:
    """{'ENTRYTYPE', 'ID', field: value} like bibtexparser, or None to fall back. An @string entry is
    added to `strings` and returns {'ENTRYTYPE': 'string'}. Text after the closing brace is ignored
    (BibTeX ignores text between entries) unless it could hold another entry."""
    head = _HEAD.match(text)
    if head is None or head.group(2) != "{":
        return None
    etype, pos = head.group(1).lower(), head.end()
    if etype == "string":
        name = _NAME.match(text, pos)
        got = _value(text, name.end(), strings) if name else None
        if name is None or got is None:
            return None
        end = _SPACE.match(text, got[1]).end()  # type: ignore[union-attr]
        if not text.startswith("}", end) or "@" in text[end + 1 :]:
            return None
        strings[name.group(1).lower()] = _clean(got[0])
        return {"ENTRYTYPE": "string"}
    key = _KEY.match(text, pos)
    if key is None:
        return None
    entry = {"ENTRYTYPE": etype, "ID": key.group(1)}
    pos = key.end()
    while True:
        fast = _BRACED_FIELD.match(text, pos)
        if fast is not None and (got := _braced(text, fast.end() - 1)) is not None:
            after = _AFTER_VALUE.match(text, got[1])
            sep = after.group(1) if after is not None else "#"
            if sep != "#":
                field = fast.group(1).lower()
                if field in entry:
                    return None  # duplicate field: bibtexparser decides which wins
                value = got[0]
                entry[field] = _clean(value) if "\n" in value else value.strip()
                if sep == ",":
                    pos = after.end()  # type: ignore[union-attr]
                    continue
                return None if "@" in text[after.end() :] else entry  # type: ignore[union-attr]
        pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if text.startswith("}", pos):
            return None if "@" in text[pos + 1 :] else entry
        name = _NAME.match(text, pos)
        if name is None:
            return None
        got = _value(text, name.end(), strings)
        if got is None:
            return None
        field = name.group(1).lower()
        if field in entry:
            return None  # duplicate field: bibtexparser decides which wins
        entry[field] = _clean(got[0])
        pos = got[1]
        if text.startswith(",", pos):
            pos += 1
        elif not text.startswith("}", pos):
            return None


_AT_ENTRY = re.compile(rb"@[ \t\r\f\v]*[A-Za-z]+[ \t\r\f\v]*[{(]")


def _entry_starts(data: bytes) -> list[int]:
    """Offsets (> 0) of the lines that start with '@type{' (after blanks); found with bytes.find."""
    starts = []
    at = data.find(b"@")
    while at >= 0:
        line_start = data.rfind(b"\n", 0, at) + 1
        if line_start > 0 and not data[line_start:at].strip() and _AT_ENTRY.match(data, at):
            starts.append(line_start)
        at = data.find(b"@", at + 1)
    return starts
BLOCK_BYTES = 4 * 1024 * 1024
MAX_PIECE_BYTES = 2 * 1024 * 1024  # longer than any acceptable entry; beyond it the caller streams


def split_chunks(path: Path) -> Iterator[tuple[int, int, bytes | None]]:
    """(start line, byte offset, bytes) pieces of a .bib file, each from one line-leading '@type{' to the
    next; text before the first entry is its own piece. Read in 4 MiB blocks. A piece growing past
    MAX_PIECE_BYTES (a huge entry or line) ends the split with (line, offset, None): the caller reads the
    rest line by line, so memory stays bounded."""
    carry, line, offset = b"", 1, 0
    with open(path, "rb") as fh:
        block = fh.read(BLOCK_BYTES)
        if block.startswith(codecs.BOM_UTF8):
            block, offset = block[len(codecs.BOM_UTF8) :], len(codecs.BOM_UTF8)
        while True:
            data = carry + block
            starts = _entry_starts(data)
            cuts = [0, *starts] if block else [0, *starts, len(data)]
            for a, b in zip(cuts, cuts[1:], strict=False):
                yield line, offset, data[a:b]
                line += data.count(b"\n", a, b)
                offset += b - a
            if not block:
                return
            carry = data[cuts[-1] :]
            if len(carry) > MAX_PIECE_BYTES:
                yield line, offset, None
                return
            block = fh.read(BLOCK_BYTES)
