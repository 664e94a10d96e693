"""A phrase cut from a Title Case title, in the sentence case its abstract writes it in (for the table's Task cell)."""

from __future__ import annotations

import re

_CAPITALISED = r"[A-Z][a-z]+(?:-(?:[A-Z][a-z]+|[a-z]+))*"  # 'Reasoning', 'Fine-Tuning', 'Preference-aligned'


def _named_in(words: str, abstract: str) -> bool:
    """True when the abstract writes these capitalised words as a name: two or more of them together anywhere
    ('Large Reasoning Models (LRMs)'), one alone inside a sentence and not as part of a longer capitalised run."""
    for hit in re.finditer(rf"(?<![\w-]){re.escape(words)}(?![\w-])", abstract):
        if " " in words:
            return True
        before, after = abstract[:hit.start()], abstract[hit.end():]
        if not re.search(r"(?:^|[.!?:]\s+|\(\s*)$", before) and not re.search(rf"{_CAPITALISED} $", before) \
                and not re.match(rf" {_CAPITALISED}", after):
            return True
    return False


def as_in_abstract(phrase: str, abstract: str) -> str:
    """A phrase cut from a title in Title Case ('Enhancing Multimodal Mathematical Reasoning') in sentence case
    ('Enhancing multimodal mathematical reasoning'): capitalised words keep their capitals only where the abstract
    writes them as a name ('Monte Carlo', 'Large Reasoning Models'); the longest such run of words wins."""
    def lowered(m: re.Match[str]) -> str:
        words, out, i = m.group(0).split(" "), [], 0
        while i < len(words):
            k = next(k for k in range(len(words), i, -1) if k == i + 1 or _named_in(" ".join(words[i:k]), abstract))
            run = " ".join(words[i:k])
            out.append(run if _named_in(run, abstract) else run.lower())
            i = k
        return " ".join(out)
    head, _, rest = phrase.partition(" ")
    rest = re.sub(rf"(?<![\w-]){_CAPITALISED}(?: {_CAPITALISED})*(?![\w-])", lowered, rest)
    return f"{head[:1].upper()}{head[1:]} {rest}".rstrip() if head else phrase
