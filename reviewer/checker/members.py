"""Examples moved to another class: 'pretrained LLMs such as Vicuna' where the abstract lists Vicuna under
'instruction-tuned LLMs such as Vicuna, WizardLM ... as well as pretrained LLMs like OPT and LLaMA'.

Why: an entity swap inside two example lists keeps every word and name of the sentence, so overlap, the
name guards and the frame readers all see a faithful copy. Here each example is mapped to the class it
illustrates ('<class> such as / like / including / (i.e., / (e.g., <examples>'), and a claim that gives an
example the class the abstract gives to other examples, not to it, is a swap.
"""

from __future__ import annotations

import re

_MARK = re.compile(r"(?P<cls>(?:[\w\-]+\s+){1,2}?[\w\-]+)\s*(?:,\s*)?(?:\(\s*)?(?:such as|like|including|i\.e\.,?|"
                   r"e\.g\.,?|namely)\s+(?P<items>[^();:]+?)(?=\)|;|:|\bas well as\b|\bwhile\b|\bwhereas\b|"
                   r"\bwith\b|\bwhich\b|\bthat\b|\.(?:\s|$)|,\s+(?:and\s+)?(?:[\w\-]+\s+){0,2}[\w\-]+\s+(?:such as|"
                   r"like|including)\b|\s+and\s+(?:[\w\-]+\s+){0,2}[\w\-]+\s+(?:\(|such as|like|including)|$)",
                   re.IGNORECASE)
_SPLIT = re.compile(r"\s*,\s*(?:and|or)?\s*|\s+(?:and|or)\s+", re.IGNORECASE)
_STOP = frozenset({"the", "a", "an", "of", "and", "or", "as", "well", "other", "more", "both", "also", "popular",
                   "various", "different", "several"})


def _key(words: str) -> tuple[str, ...]:
    return tuple(w.lower().rstrip("s") for w in words.split() if w.lower() not in _STOP)


def classes(text: str) -> dict[str, tuple[str, ...]]:
    """Each listed example (lower-cased) with the class words it illustrates."""
    out: dict[str, tuple[str, ...]] = {}
    for m in _MARK.finditer(text):
        cls = _key(m.group("cls"))[-2:]  # the class is named by its last words
        if not cls:
            continue
        for item in _SPLIT.split(m.group("items").strip()):
            item = item.strip().lower()
            item = item[:-1] if item.endswith("s") and len(item) > 4 and not item.endswith("ss") else item
            if item and len(item.split()) <= 4:
                out.setdefault(item, cls)
    return out


def example_moved(claim: str, text: str) -> tuple[str, str] | None:
    """(example, class) when the claim files an example of `text` under another of its classes, else None."""
    theirs = classes(text)
    if len(set(theirs.values())) < 2:
        return None
    for item, cls in classes(claim).items():
        mine = theirs.get(item)
        if mine is None or mine == cls or cls not in theirs.values():
            continue
        return item, " ".join(cls)
    return None
