"""Inline citations `[@key]` / `[@a; @b]`: parsing, and enforcing the allow-list.

A key not on the allow-list is removed, never mapped to a look-alike: a wrong citation is worse than none.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from reviewer.textutil import split_sentences

# [@key], [@a; @b], [@a, @b]; keys are letters, digits and a few joiners.
CITE_GROUP = re.compile(r"\[\s*@[^\]]*\]")
BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s+")
KEY = re.compile(r"@([A-Za-z0-9][A-Za-z0-9_:.\-]*[A-Za-z0-9]|[A-Za-z0-9])")


class CitedSentence(BaseModel):
    text: str = Field(description="The sentence without its citation markers.")
    keys: list[str] = Field(default_factory=list)


class FilterResult(BaseModel):
    text: str
    kept: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)


def keys_in(text: str) -> list[str]:
    """Cited keys in order of first appearance."""
    found: list[str] = []
    for group in CITE_GROUP.findall(text):
        for key in KEY.findall(group):
            if key not in found:
                found.append(key)
    return found


def strip_citations(text: str) -> str:
    return re.sub(r"\s+([.,;:!?])", r"\1", CITE_GROUP.sub("", text)).strip()


def format_group(keys: list[str]) -> str:
    return "[" + "; ".join(f"@{k}" for k in keys) + "]" if keys else ""


def attach(text: str, keys: list[str], *, terminate: bool = False) -> str:
    """Put a citation group before the sentence's final punctuation: `... step [@k].`

    `terminate` ends a sentence without final punctuation with a period (report prose); otherwise
    such text, and text given no keys, keeps its ending as it is.
    """
    group = format_group(keys)
    body = text.rstrip()
    end = body[-1] if body and body[-1] in ".!?" else ("." if terminate else "")
    if body and body[-1] in ".!?":
        body = body[:-1].rstrip()
    if not group:
        return f"{body}{end}" if terminate else text
    return f"{body} {group}{end}"


def filter_citations(text: str, allowed: set[str]) -> FilterResult:
    """Rewrite every citation group keeping only allowed keys; empty groups vanish."""
    kept: list[str] = []
    removed: list[str] = []

    def _rewrite(match: re.Match[str]) -> str:
        keys = KEY.findall(match.group(0))
        good = [k for k in keys if k in allowed]
        for k in keys:
            target = kept if k in allowed else removed
            if k not in target:
                target.append(k)
        return format_group(list(dict.fromkeys(good)))

    rewritten = CITE_GROUP.sub(_rewrite, text)
    rewritten = re.sub(r"[ \t]+([.,;:!?])", r"\1", rewritten)
    rewritten = re.sub(r"[ \t]{2,}", " ", rewritten)
    return FilterResult(text=rewritten.strip(), kept=kept, removed=removed)


def cited_sentences(text: str) -> list[CitedSentence]:
    """Split prose into sentences and attach each sentence's citations to it.

    A citation group that follows the sentence's final period (`... works. [@k]`) belongs to that sentence.
    Lines are boundaries too: a list item or paragraph never runs on into the next one.
    """
    protected = CITE_GROUP.sub(lambda m: m.group(0).replace(".", "\u2024"), text)
    pieces = [p for line in protected.splitlines() for p in split_sentences(BULLET.sub("", line)) if p.strip()]
    merged: list[str] = []
    for piece in pieces:
        if merged and CITE_GROUP.fullmatch(piece.strip()):
            merged[-1] += " " + piece
        else:
            merged.append(piece)
    out = []
    for piece in merged:
        piece = piece.replace("\u2024", ".")
        out.append(CitedSentence(text=strip_citations(piece), keys=keys_in(piece)))
    return out
