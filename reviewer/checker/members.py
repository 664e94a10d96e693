"""Examples moved to another class: 'pretrained LLMs such as Vicuna' where the abstract lists Vicuna under
'instruction-tuned LLMs such as Vicuna, WizardLM ... as well as pretrained LLMs like OPT and LLaMA'.

Why: an entity swap inside two example lists keeps every word and name of the sentence, so overlap, the
name guards and the frame readers all see a faithful copy. Here each example is mapped to the class it
illustrates ('<class> such as / like / including / (i.e., / (e.g., <examples>'), and a claim that gives an
example the class the abstract gives to other examples, not to it, is a swap.
"""

from __future__ import annotations

import re
from functools import lru_cache

# the marker of a list of examples; the class is named by the words just before it
_MARKER = re.compile(r"(?<=[\w\-])\s*(?:,\s*)?(?:\(\s*)?(?:such as|like|including|i\.e\.,?|e\.g\.,?|namely)\s+",
                     re.IGNORECASE)
_CLASS_WORDS = re.compile(r"((?:[\w\-]+\s+){1,2}[\w\-]+)\s*(?:,\s*)?(?:\(\s*)?$")
# the examples run to a bracket, a clause break or the next class with its own marker
_ITEMS = re.compile(r"(?P<items>[^();:]+?)(?=\)|;|:|\bas well as\b|\bwhile\b|\bwhereas\b|\bwith\b|\bwhich\b|"
                    r"\bthat\b|\.(?:\s|$)|,\s+(?:and\s+)?(?:[\w\-]+\s+){0,2}[\w\-]+\s+(?:such as|like|including)\b|"
                    r"\s+and\s+(?:[\w\-]+\s+){0,2}[\w\-]+\s+(?:\(|such as|like|including)|$)", re.IGNORECASE)
_SPLIT = re.compile(r"\s*,\s*(?:and|or)?\s*|\s+(?:and|or)\s+", re.IGNORECASE)
_STOP = frozenset({"the", "a", "an", "of", "and", "or", "as", "well", "other", "more", "both", "also", "popular",
                   "various", "different", "several"})


def _key(words: str) -> tuple[str, ...]:
    return tuple(w.lower().rstrip("s") for w in words.split() if w.lower() not in _STOP)


@lru_cache(maxsize=512)
def _listed(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(example, class words) for each listed example of the text, first listing first (cached: the abstract is
    read once per claim that cites it)."""
    out: list[tuple[str, tuple[str, ...]]] = []
    done = 0
    for m in _MARKER.finditer(text):
        # two or three words right before the marker name the class (by its last two); a marker inside the
        # previous list's examples starts no list of its own
        named = _CLASS_WORDS.search(text, max(0, m.start() - 60), m.start())
        items = _ITEMS.match(text, m.end())
        if m.start() < done or named is None or items is None or not (cls := _key(named.group(1))[-2:]):
            continue
        done = items.end()
        for item in _SPLIT.split(items.group("items").strip()):
            item = item.strip().lower()
            item = item[:-1] if item.endswith("s") and len(item) > 4 and not item.endswith("ss") else item
            if item and len(item.split()) <= 4:
                out.append((item, cls))
    return tuple(out)


def classes(text: str) -> dict[str, tuple[str, ...]]:
    """Each listed example (lower-cased) with the class words it illustrates."""
    out: dict[str, tuple[str, ...]] = {}
    for item, cls in _listed(text):
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
