"""Test doubles shared by tests and benchmarks."""

from __future__ import annotations

import re

_BLOCK_HEAD = re.compile(r"^\[@([^\]\s]+)\] .*$", re.MULTILINE)
_BLOCK_SENTENCE = re.compile(r"^  \(s(\d+)\) (.*)$", re.MULTILINE)


def parse_evidence_block(text: str) -> dict[str, list[str]]:
    """The inverse of reviewer.llm.blocks' formats: key -> its `(sN)` sentences, in order."""
    out: dict[str, list[str]] = {}
    heads = list(_BLOCK_HEAD.finditer(text))
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        out[head.group(1)] = [m.group(2) for m in _BLOCK_SENTENCE.finditer(text, head.end(), end)]
    return out
