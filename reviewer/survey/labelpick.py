"""Which of a theme's phrases names it, and how a scope line quotes the phrases its papers share.

A label picked for being distinctive can be incidental ("Testing sets" over three papers on multimodal reasoning,
two of which say "multimodal reasoning" and one "testing sets"), or say little ("Optimized policy", "RL
reward": a generic noun with a vague modifier). The phrase more of the section's papers use, word for word, and
that one of their titles uses, says what the section is about. And a phrase quoted as shared must be quoted
whole and as the papers write it: "carlo tree search" is "Monte Carlo tree search", "inference time" is a
modifier cut from "inference-time scaling", which the section's papers either share or do not.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from reviewer.survey.titlewords import Uses, complete_modifier

# Heads that say what kind of thing a section holds but not which: a two-word label ending in one of them
# ('Optimized policy', 'Testing sets', 'RL reward') gives way to a phrase with a head of its own.
GENERIC_HEADS = frozenset("""policy policies reward rewards set sets method methods approach approaches data
    signal signals task tasks result results framework frameworks setting settings strategy strategies
    technique techniques problem problems performance""".split())


def uses_phrase(phrase: str, text: str) -> bool:
    """The text has the phrase as a run of words (hyphen or space between them; singular or plural forms)."""
    words = [re.escape(re.sub(r"(?i)(?<=[a-z]{3})(?:es|s)$", "", w)) + r"(?:s|es)?"
             for w in re.split(r"[\s-]+", phrase.strip()) if w]
    pattern = r"(?<![\w-])" + r"[\s-]+".join(words) + r"(?![\w-])"
    return bool(words) and re.search(pattern, text, re.IGNORECASE) is not None


def phrase_support(phrase: str, texts: list[str]) -> int:
    return sum(1 for t in texts if uses_phrase(phrase, t))


def generic_head(label: str) -> bool:
    """A label of at most two words whose head is a generic noun: it names no theme of its own."""
    words = re.findall(r"[\w-]+", label)
    return 0 < len(words) <= 2 and words[-1].lower() in GENERIC_HEADS


def better_label(current: str, options: list[str], group: list[str], titles: list[str], need: int) -> str:
    """`current`, or the option more of the group's papers use word for word (and at least `need`, and one
    of their titles): an option used by more papers, or as many when `current` has a generic head."""
    have = phrase_support(current, group)
    best, best_n = current, have
    for option in options:
        if not option or uses_phrase(option, current) or generic_head(option):
            continue
        n = phrase_support(option, group)
        if n < need or not any(uses_phrase(option, t) for t in titles):
            continue
        if n > best_n or (n == best_n and best == current and generic_head(current)):
            best, best_n = option, n
    return best


def corpus_case(phrase: str, abstracts: list[str]) -> str:
    """The phrase as the abstracts write it mid-sentence, in its most common form ('carlo tree search' ->
    'Carlo tree search' or 'Carlo Tree Search', whichever they write more; never a mix of the two); a phrase they
    never write mid-sentence keeps its names' case word by word ('Process supervision' -> 'process supervision')."""
    from reviewer.survey.titles import restore_case

    words = [re.escape(w) for w in re.split(r"[\s-]+", phrase.strip()) if w]
    pattern = re.compile(r"(?<![\w-])" + r"[\s-]+".join(words) + r"(?![\w-])", re.IGNORECASE) if words else None
    forms: Counter[str] = Counter()
    for text in abstracts if pattern is not None else []:
        for m in pattern.finditer(text):
            if m.start() > 0 and not text[:m.start()].rstrip().endswith((".", "!", "?", ":")):
                forms[m.group(0)] += 1
    if forms:
        return max(forms.items(), key=lambda fc: (fc[1], -sum(c.isupper() for c in fc[0])))[0]
    first = phrase.split()
    if first and first[0][1:].islower() and first[0].replace("-", "").isalpha():
        first[0] = first[0].lower()
    return restore_case("x " + " ".join(first), abstracts)[2:]


CUT = 0.8  # a phrase followed by another content word in 4 uses of 5 is a modifier ('inference time' scaling);
# 'multimodal reasoning' (followed by 'tasks', 'models', 'benchmarks' in 7 of 10) is whole. The title path's
# stricter 3-in-5 rule (titlewords.CUT_SHARE) stays for labels it builds itself.


@lru_cache(maxsize=8)
def _lowered(texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t.lower() for t in texts)


def cut_modifier(phrase: str, texts: list[str]) -> bool:
    """Uses the phrase's uses in `texts` (only those holding its first word are read: a corpus is large)."""
    first = re.split(r"[\s-]+", phrase.strip().lower())[0] if phrase.strip() else ""
    lowered = _lowered(tuple(texts))
    uses = Uses(phrase, [t for t, low in zip(texts, lowered, strict=True) if first in low])
    return uses.total >= 3 and uses.followed >= CUT * uses.total


def whole_phrase(term: str, bodies: list[str], group: list[str], need: int, abstracts: list[str] | None = None,
                 corpus: list[str] | None = None) -> str:
    """A phrase completed from the survey's texts ('carlo tree search' -> 'Monte Carlo tree search'), cased as
    the abstracts write it; a modifier cut from its noun in the corpus (`corpus`, else the survey's texts: a
    survey's few uses of a phrase cannot tell) is completed by the noun `need` of the group's texts put after
    it, else ''."""
    from reviewer.survey.titles import complete_name

    wide = corpus or bodies
    whole = complete_name(term, bodies)
    for _ in range(2):
        if not whole or not cut_modifier(whole, wide):
            break
        whole = complete_modifier(whole, group, need)
    if not whole or cut_modifier(whole, wide):
        return ""
    return corpus_case(whole, abstracts if abstracts is not None else bodies)
