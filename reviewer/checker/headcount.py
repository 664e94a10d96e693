"""Quantifiers bound to their head noun: 'all models struggle' against 'most models struggle', 'none of the habits
is associated with X' against 'certain habits ... are associated with X', 'only one LLM agent' against 'arbitrary
LLM agents'.

Why: `quantified.quantity_changed` binds a quantifier to the content stems after it, and the stemmer drops
common nouns ('models'), so 'most models struggle.' had no head and 'certain' was no quantifier. Here the head is
the noun itself (singular), and the two sentences must also say the same thing of it: the claim's words after the
head share a content stem with the sentence's words after its head.
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems

_CLASS = {"all": "univ", "every": "univ", "each": "univ", "none": "neg", "no": "neg", "most": "many",
          "many": "many", "several": "some", "some": "some", "certain": "some", "few": "few", "a few": "some"}
_Q = re.compile(r"\b(a few|all|every|each|none|no|most|many|several|some|certain|few)\b(?:\s+of)?"
                r"(?:\s+(?:the|these|those|its|their|our))?\s+((?:[\w\-]+\s+){0,2}?[\w\-]+?s?)\b(?P<rest>[^.;]{0,80})",
                re.IGNORECASE)
# (claim, evidence) classes that cannot both hold of one head
_CONFLICT = {("univ", "many"), ("univ", "some"), ("univ", "few"), ("univ", "neg"), ("neg", "univ"), ("neg", "many"),
             ("neg", "some"), ("many", "few"), ("many", "neg"), ("few", "many"), ("few", "univ")}
_FUNCTION = frozenset({"is", "are", "was", "were", "be", "can", "could", "may", "will", "would", "do", "does",
                       "have", "has", "of", "in", "on", "at", "for", "to", "with", "by", "from", "that", "which",
                       "and", "or", "but", "than", "as", "such", "when", "while"})
_NOT_HEAD = frozenset({"the", "of", "these", "those", "other", "more", "less", "longer", "such", "way", "cases",
                       "case", "time", "times", "matter", "one", "doubt", "need", "further", "additional"})


def _heads(text: str) -> list[tuple[str, frozenset[str], frozenset[str]]]:
    """(class, head nouns, stems said of them) for each quantifier of the text: the head is the up to three
    words after the quantifier, up to a comma or a function word ('none of the cognitive habits is ...')."""
    out = []
    for m in _Q.finditer(text):
        words = []
        for w in re.findall(r"[\w\-]+|[,;()]", f"{m.group(2)} {m.group('rest')}".lower())[:4]:
            if not re.fullmatch(r"[\w\-]+", w) or w in _FUNCTION:
                break
            words.append(w)
        if not words or words[0] in _NOT_HEAD:
            continue
        nouns = frozenset(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words[:3]) - _NOT_HEAD
        cls = _CLASS[m.group(1).lower()]
        if cls == "neg" and m.group(1).lower() == "no" and len(words) == 1 and not words[0].endswith("s"):
            continue  # 'no effect', 'no gain': a denial of a mass noun, read by the negation readers
        if nouns:
            out.append((cls, nouns, frozenset(content_stems(m.group("rest")))))
    return out


def head_quantity_changed(claim: str, sentence: str) -> str:
    """The head noun the claim quantifies in a class the sentence's quantifier of the same noun excludes, with
    something said of it in both; '' when none."""
    theirs = _heads(sentence)
    for cls, nouns, said in _heads(claim):
        for other, their_nouns, their_said in theirs:
            if nouns & their_nouns and (cls, other) in _CONFLICT and said & their_said:
                return " ".join(sorted(nouns & their_nouns))
    return ""


_SINGLE = re.compile(r"\b(?:only|just)\s+(?:one|a single)\s+(?:specific\s+|particular\s+)?((?:[\w\-]+\s+){0,2}[\w\-]+)"
                     r"|\bonly\s+a\s+single\s+((?:[\w\-]+\s+){0,2}[\w\-]+)", re.IGNORECASE)
_OPEN = re.compile(r"\b(?:arbitrary|any|various|multiple|diverse|different|several|many|numerous|all)\s+"
                   r"((?:[\w\-]+\s+){0,2}[\w\-]+)", re.IGNORECASE)


def single_of_many(claim: str, sentence: str) -> str:
    """A noun the claim restricts to one ('only one specific LLM agent') that the sentence opens to many
    ('arbitrary LLM agents'); '' when none."""
    opened = set()
    for m in _OPEN.finditer(sentence):
        opened |= {w.lower().rstrip("s") for w in m.group(1).split()}
    for m in _SINGLE.finditer(claim):
        noun = (m.group(1) or m.group(2)).split()[-1].lower()
        if noun not in _NOT_HEAD and len(noun) > 2 and noun.rstrip("s") in opened:
            return noun
    return ""
