"""FactCC-style perturbations of real abstract sentences: claims with a known label, built by rule.

    python -m evals.perturb            # writes evals/datasets/synthetic/{papers,train,test}.jsonl

Each rule takes one sentence of an abstract and returns a claim whose label against that abstract is
known by construction (None when the rule does not apply to the sentence):
* CONTRADICTED: a changed number/percent/multiplier/rank, a comparison with its arguments swapped, an
  antonym of the predicate, a negation inserted or removed, a quantifier flipped, and an entity of the
  sentence swapped with another entity of the same abstract;
* UNSUPPORTED: an entity the abstract never mentions, a sentence of a different abstract on the same
  topic, a strengthened hedge, and a sentence that only reports other work (the `background` family);
* SUPPORTED: meaning-preserving rewrites ("we" -> "the authors", clause order, a dropped aside, passive
  voice) and verbatim copies.
Papers are split by a hash of their id: no test row uses a paper (as evidence or as the source of an
"other abstract") that any training row used. Everything is seeded, so the files are reproducible.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from reviewer.checker.families import THAN, comparison_args
from reviewer.checker.features import named_terms
from reviewer.checker.types import Label
from reviewer.roles import Role
from reviewer.textutil import content_stems

OUT = Path(__file__).resolve().parent / "datasets" / "synthetic"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = 13
TEST_SHARE = 5  # one paper in five (by id hash) is a test paper


class SynthRow(BaseModel):
    """One generated claim, the paper it is checked against and how it was made."""

    id: str
    split: str
    family: str
    label: Label
    claim: str
    paper_id: str
    source: str  # the sentence it was made from
    source_index: int


# ---------------------------------------------------------------- rules (sentence, abstract) -> claim

_NUMBER = re.compile(r"(?<![\w.,\-+/])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s?(?:\\?%|x\b|×|-fold\b|points?\b|[KMB]\b))?"
                     r"(?![\w.]*\d|-\d|[-/+]\w|,\d|[A-Za-z])")
_RANK = re.compile(r"\b(top|rank(?:ed)?|Top|pass@|Pass@)(-|\s)?(\d+)\b")


def change_number(s: str, rng: random.Random) -> str | None:
    """Another value printed with the same precision and unit (at least 15% off), or another rank."""
    rank = _RANK.search(s)
    if rank and rng.random() < 0.5:
        k = int(rank.group(3))
        new = rng.choice([v for v in (1, 3, 5, 10, 20) if v != k])
        return s[: rank.start(3)] + str(new) + s[rank.end(3) :]
    hits = [m for m in _NUMBER.finditer(s) if not _year(m.group(1))]
    if not hits:
        return None
    m = rng.choice(hits)
    digits = m.group(1).replace(",", "")
    value = float(digits)
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    for _ in range(10):
        factor = rng.choice([0.3, 0.5, 0.6, 1.5, 1.8, 2.0, 3.0])
        new = round(value * factor, decimals) if value else float(rng.randint(2, 9))
        if m.group(2) and "%" in m.group(2) and new > 100:
            new = round(value * 0.5, decimals)
        if new and abs(new - value) >= max(0.15 * value, 10**-decimals):
            text = f"{new:,.{decimals}f}" if "," in m.group(1) else f"{new:.{decimals}f}"
            return s[: m.start(1)] + text + s[m.end(1) :]
    return None


def _year(digits: str) -> bool:
    return len(digits) == 4 and digits[:2] in ("19", "20")


def reverse_comparison(s: str, rng: random.Random) -> str | None:
    """'A outperforms B' -> 'B outperforms A', 'higher in X than in Y' -> 'higher in Y than in X'."""
    than = THAN.search(s)
    if than and not set(content_stems(than.group(2))) & set(content_stems(than.group(4))):
        return s[: than.start(2)] + than.group(4) + than.group(3) + than.group(2) + s[than.end(4) :]
    found = comparison_args(s)
    if not found:
        return None
    (a0, a1), _, (b0, b1) = found
    a, b = s[a0:a1], s[b0:b1]
    if set(content_stems(a)) & set(content_stems(b)) or not content_stems(a) or not content_stems(b):
        return None
    new_a = b[:1].upper() + b[1:] if a0 == 0 else b
    new_b = a[:1].lower() + a[1:] if a0 == 0 and not re.match(r"\S*[A-Z0-9]", a[1:].split(" ")[0]) else a
    return s[:a0] + new_a + s[a1:b0] + new_b + s[b1:]


ANTONYMS: dict[str, str] = {
    "increase": "decrease", "increases": "decreases", "increased": "decreased", "increasing": "decreasing",
    "improve": "degrade", "improves": "degrades", "improved": "degraded", "improving": "degrading",
    "outperform": "underperform", "outperforms": "underperforms", "outperformed": "underperformed",
    "faster": "slower", "higher": "lower", "better": "worse", "more": "less", "larger": "smaller",
    "reduce": "increase", "reduces": "increases", "reduced": "increased", "reducing": "increasing",
    "enhance": "impair", "enhances": "impairs", "enhanced": "impaired", "boosts": "reduces",
    "boost": "reduce", "mitigates": "worsens", "mitigate": "worsen", "accelerates": "slows",
    "stronger": "weaker", "lower": "higher", "fewer": "more", "less": "more", "decreases": "increases",
    "decrease": "increase", "decreased": "increased", "promotes": "inhibits", "inhibits": "promotes",
    "stable": "unstable", "efficient": "inefficient", "effective": "ineffective", "gains": "losses",
}


def antonym_swap(s: str, rng: random.Random) -> str | None:
    """One direction word replaced by its antonym ('improves' -> 'degrades')."""
    hits = [m for m in re.finditer(r"\b[a-z]+\b", s) if m.group(0) in ANTONYMS]
    if not hits:
        return None
    m = rng.choice(hits)
    return s[: m.start()] + ANTONYMS[m.group(0)] + s[m.end() :]


_AUX = re.compile(r"\b(is|are|was|were|can|could|will|does|do|did|has|have|should|may)\b(?! not)")
_NOT = re.compile(r"\b(is|are|was|were|can|could|will|does|do|did|has|have|should|may)\s+not\s+")
_VERB3 = re.compile(r"\b(improves|outperforms|reduces|increases|achieves|enables|yields|requires|leads|"
                    r"generalizes|helps|matches|surpasses|provides|benefits|affects|boosts|exhibits)\b")


def flip_negation(s: str, rng: random.Random) -> str | None:
    """Remove a 'not' after an auxiliary, or insert one ('improves' -> 'does not improve')."""
    m = _NOT.search(s)
    if m:
        return s[: m.end(1)] + " " + s[m.end() :]
    m = _VERB3.search(s)
    if m and (rng.random() < 0.6 or not _AUX.search(s)):
        verb = m.group(1)
        base = verb[:-2] if verb.endswith(("ches", "shes", "sses")) else verb[:-1]
        return s[: m.start()] + "does not " + base + s[m.end() :]
    m = _AUX.search(s)
    if m:
        return s[: m.end()] + " not" + s[m.end() :]
    return None


QUANTIFIERS: dict[str, str] = {
    "all": "none of the", "every": "no", "always": "never", "consistently": "rarely", "most": "few",
    "many": "few", "both": "neither of the", "several": "no", "some": "no", "never": "always",
    "no": "all", "none": "all", "universally": "rarely", "any": "no",
}


def flip_quantifier(s: str, rng: random.Random) -> str | None:
    """'all' -> 'none of the', 'consistently' -> 'rarely', 'most' -> 'few', ..."""
    hits = [m for m in re.finditer(r"\b[A-Za-z]+\b", s) if m.group(0).lower() in QUANTIFIERS]
    if not hits:
        return None
    m = rng.choice(hits)
    word = m.group(0).lower()
    after = s[m.end() :].split(" ", 2)
    nxt = after[1].lower() if len(after) > 1 else ""
    if word == "all":
        if nxt.endswith("ed") or not nxt:
            return None
        new = "none of" if nxt in ("of", "the", "these", "our") else "none of the" if nxt[:1].isdigit() or nxt in (
            "five", "four", "three", "two", "six") else "no"
        if nxt == "of":
            new, m_end = "none", m.end()
            return s[: m.start()] + ("None" if m.group(0)[0].isupper() else new) + s[m_end:]
    else:
        new = QUANTIFIERS[word]
    if m.group(0)[0].isupper():
        new = new[:1].upper() + new[1:]
    out = s[: m.start()] + new + s[m.end() :]
    return re.sub(r"\b(none of the|neither of the) (?:the|our|these) ", r"\1 ", out)


def _terms_in(text: str) -> list[str]:
    """Acronyms and model/dataset names (two capitals or a digit), as written: the entities we swap."""
    out = set()
    for w in re.findall(r"[A-Za-z][\w\-.]*[\w]", text):
        if sum(ch.isupper() for ch in w) >= 2 or (any(ch.isdigit() for ch in w) and w[:1].isupper()):
            out.add(w)
    return sorted(t for t in out if len(t) >= 2 and t.lower() in named_terms(text)
                  and not (t.isalpha() and t.isupper() and len(t) >= 6))


def _surface_term(s: str, term: str) -> re.Match[str] | None:
    return re.search(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])", s, re.IGNORECASE)


def swap_entity(s: str, rng: random.Random, abstract: str) -> str | None:
    """A named term of the sentence replaced by another named term of the same abstract."""
    mine = _terms_in(s)
    low = [x.lower() for x in mine]
    others = [t for t in _terms_in(abstract) if not any(t.lower() in x or x in t.lower() for x in low)]
    candidates = [t for t in mine if _surface_term(s, t)]
    if not candidates or not others:
        return None
    term = rng.choice(candidates)
    m = _surface_term(s, term)
    assert m is not None
    repl = rng.choice(others)
    return s[: m.start()] + repl + s[m.end() :]


def foreign_entity(s: str, rng: random.Random, abstract: str, pool: list[str]) -> str | None:
    """A named term of the sentence replaced by a term the abstract never mentions."""
    mine = [t for t in _terms_in(s) if _surface_term(s, t)]
    low = abstract.lower()
    foreign = [t for t in pool if t.lower() not in low]
    if not mine or not foreign:
        return None
    m = _surface_term(s, rng.choice(mine))
    assert m is not None
    return s[: m.start()] + rng.choice(foreign) + s[m.end() :]


HEDGES: tuple[tuple[str, str], ...] = (
    (r"\bmay\b(?! not)", "is guaranteed to"), (r"\bmight\b(?! not)", "is guaranteed to"),
    (r"\bcould\b(?! not)", "will always"), (r"\bcan\b(?! not)", "will always"), (r"\bsuggests?\b", "proves"),
    (r"\bsuggesting\b", "proving"), (r"\bpotentially\b", "certainly"), (r"\blikely\b(?! to)", "certainly"),
    (r"\b(?:is|are) likely to\b", "will certainly"), (r"\bindicates?\b", "proves"),
    (r"\bpromising\b", "definitive"), (r"\bhelps?\b", "guarantees"), (r"\bpossibly\b", "definitely"),
)


def strengthen_hedge(s: str, rng: random.Random) -> str | None:
    """'may improve' -> 'is guaranteed to improve', 'suggests' -> 'proves'."""
    options = [(m, r) for p, r in HEDGES if (m := re.search(p, s))]
    if not options:
        return None
    m, r = rng.choice(options)
    return s[: m.start()] + r + s[m.end() :]


_LEAD_CLAUSE = re.compile(r"^((?:On|In|For|Across|Under|With|Compared (?:to|with)|Using|When|After|"
                          r"Without|Through|By)\b[^,]{3,80}),\s+(.+?)([.!?])?$")
_ASIDE = re.compile(r"\s*\([^()]{2,80}\)|,\s(?:which|e\.g\.|i\.e\.)[^,]{3,80},")


def paraphrase(s: str, rng: random.Random) -> str | None:
    """A rewrite that keeps the meaning: third person, clause order, a dropped aside or passive voice."""
    ways: list[Callable[[str], str | None]] = [_third_person, _clause_order, _drop_aside, _passive]
    rng.shuffle(ways)
    for way in ways:
        out = way(s)
        if out and out != s:
            return out
    return None


def _third_person(s: str) -> str | None:
    if not re.search(r"\b(?:We|we|our|Our)\b", s):
        return None
    s = re.sub(r"\bWe\b", "The authors", s)
    s = re.sub(r"\bwe\b", "the authors", s)
    s = re.sub(r"\bOur\b", "Their", s)
    return re.sub(r"\bour\b", "their", s)


def _clause_order(s: str) -> str | None:
    m = _LEAD_CLAUSE.match(s)
    if not m:
        return None
    lead, main = m.group(1), m.group(2)
    if main[:2].isupper() or re.match(r"[A-Z][a-z]*[A-Z0-9]", main):
        first = main
    else:
        first = main[:1].upper() + main[1:]
    return f"{first} {lead[:1].lower() + lead[1:] if not lead[:2].isupper() else lead}."


def _drop_aside(s: str) -> str | None:
    m = _ASIDE.search(s)
    if not m:
        return None
    return s[: m.start()] + ("," if m.group(0).endswith(",") else "") + s[m.end() :]


_PASSIVE = {"outperforms": "is outperformed by", "improves": "is improved by", "reduces": "is reduced by",
            "surpasses": "is surpassed by", "enables": "is enabled by", "increases": "is increased by"}


def _passive(s: str) -> str | None:
    """'A improves B' -> 'B is improved by A' on the comparison/predicate spans (only then)."""
    found = comparison_args(s.replace("improves", "outperforms") if "improves" in s else s)
    if not found:
        return None
    (a0, a1), m, (b0, b1) = found
    verb = s[m.start() : m.end()].strip()
    if verb not in _PASSIVE or a0 != 0:
        return None
    a, b = s[a0:a1], s[b0:b1]
    b = b[:1].upper() + b[1:]
    return f"{b} {_PASSIVE[verb]} {a}{s[b1:]}"


# ---------------------------------------------------------------- families

CONTRADICTED_RULES = {"number": change_number, "comparison": reverse_comparison, "antonym": antonym_swap,
                      "negation": flip_negation, "quantifier": flip_quantifier}
FAMILIES: dict[str, Label] = {
    **dict.fromkeys([*CONTRADICTED_RULES, "entity_swap"], "CONTRADICTED"),  # type: ignore[dict-item]
    "foreign_entity": "UNSUPPORTED", "other_abstract": "UNSUPPORTED", "hedge": "UNSUPPORTED",
    "background": "UNSUPPORTED", "paraphrase": "SUPPORTED", "verbatim": "SUPPORTED",
}
OWN = {Role.METHOD, Role.RESULT, Role.CONCLUSION}
