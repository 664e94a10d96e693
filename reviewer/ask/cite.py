"""Every citation form an LLM writes, normalised to `[@key]` before the allow-list sees it.

Models cite as `[2]`, `(@key)`, `[key]`, `[key1, key2]` or a bare `@key` as often as `[@key]`. Left
alone those bypass the allow-list and print unchecked. Numbers are never mapped to papers (the prompt
numbers nothing, so a number is invented); a sentence whose every citation was removed is dropped
rather than printed as an uncited claim.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from reviewer.citations import CITE_GROUP, attach, cited_sentences

_KEYISH = r"[A-Za-z][A-Za-z0-9_:.\-]*[A-Za-z0-9]"
_PAREN_AT = re.compile(r"\(\s*(@[^()]*?)\s*\)")
_BRACKET = re.compile(r"\[([^\[\]@]{1,200})\]")
_BARE_AT = re.compile(rf"(?<![\w\[@;,])(?<!\[ )@({_KEYISH})")
# An unknown bracketed word still reads as a citation when it is shaped like a key: lower-case letters and
# digits, at least five characters ("smith2024reward", "freeprocess"); "[sic]" or "[MASK]" stay text.
_LOOKS_LIKE_KEY = re.compile(r"[a-z][a-z0-9_:.\-]{3,}[a-z0-9]")
_NUMERIC = re.compile(r"^\s*\d+(?:\s*[-–,;]\s*\d+)*\s*$")
INVALID = "invalid-citation"


class CleanedAnswer(BaseModel):
    text: str
    removed: list[str] = Field(default_factory=list, description="Keys (or numbers) that were not allowed.")
    dropped: list[str] = Field(default_factory=list, description="Sentences that lost their only citation.")


def normalise(text: str, known: set[str]) -> str:
    """Rewrite `(@k)`, `[k]`, `[k1, k2]`, `[2]` and bare `@k` as `[@...]` groups.

    `[word]` becomes a citation when the word is a known key or shaped like one (so `[sic]` stays text);
    numbers become the placeholder key `invalid-citation-N`, which no allow-list contains.
    """

    def paren(m: re.Match[str]) -> str:
        return "[" + m.group(1) + "]"

    def bracket(m: re.Match[str]) -> str:
        inner = m.group(1)
        nums = re.findall(r"\d+", inner)
        if _NUMERIC.match(inner) and "0" not in nums and not re.search(r"\d\.\d", inner):  # "[0, 1]" is an interval
            return "[" + "; ".join(f"@{INVALID}-{n}" for n in nums) + "]"
        parts = [p.strip() for p in re.split(r"[;,]", inner)]
        if parts and all(p in known or _LOOKS_LIKE_KEY.fullmatch(p) for p in parts):
            return "[" + "; ".join(f"@{p}" for p in parts) + "]"
        return m.group(0)

    text = _PAREN_AT.sub(paren, text)
    text = _BRACKET.sub(bracket, text)
    # Bare @key outside any [...] group.
    pieces: list[str] = []
    last = 0
    for group in CITE_GROUP.finditer(text):
        pieces.append(_BARE_AT.sub(r"[@\1]", text[last : group.start()]))
        pieces.append(group.group(0))
        last = group.end()
    pieces.append(_BARE_AT.sub(r"[@\1]", text[last:]))
    return "".join(pieces)


def clean(raw: str, allowed: set[str], known: set[str] | None = None) -> CleanedAnswer:
    """Normalise citations, keep only allowed keys, and drop sentences left without any citation."""
    text = normalise(raw, (known or set()) | allowed)
    removed: list[str] = []
    dropped: list[str] = []
    paragraphs: list[str] = []
    for paragraph in text.split("\n\n"):
        lines: list[str] = []
        for line in paragraph.splitlines():
            bullet = re.match(r"^\s*(?:[-*\u2022]|\d+[.)])\s+", line)
            out: list[str] = []
            for sentence in cited_sentences(line):
                good = [k for k in sentence.keys if k in allowed]
                for k in sentence.keys:
                    if k not in allowed:
                        label = k.removeprefix(f"{INVALID}-")
                        label = f"[{label}]" if k.startswith(INVALID) else k
                        if label not in removed:
                            removed.append(label)
                if sentence.keys and not good:
                    dropped.append(sentence.text)
                    continue
                out.append(attach(re.sub(r"[ \t]{2,}", " ", sentence.text), good))
            if out:
                lines.append((bullet.group(0) if bullet else "") + " ".join(out))
        if lines:
            paragraphs.append("\n".join(lines))
    return CleanedAnswer(text="\n\n".join(paragraphs).strip(), removed=removed, dropped=dropped)


def has_stray_citation(text: str) -> bool:
    """Whether any pseudo-citation survives outside a `[@key]` group (used by tests and the eval)."""
    outside = CITE_GROUP.sub("", text)
    return bool(re.search(r"\[\d+(?:[,;\s-]+\d+)*\]|\(@|(?<![\w])@[A-Za-z]|\[[a-z][a-z0-9_:.\-]{3,}[a-z0-9]\]",
                          outside))
