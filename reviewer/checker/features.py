"""Offline signals comparing a claim with the sentences of the abstracts it cites.

No NLI model runs offline, so the checker combines cheap, explainable signals: how well the claim is
covered (dense similarity, idf-weighted stem overlap, named terms), and whether the best-aligned
evidence says something *different* (another number for the same thing, a reversed direction, a
flipped negation). Every signal is a plain function of text and vectors so it can be tested alone;
`compute_features` turns them into the fixed vector the learned combiner in `offline.py` scores.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from reviewer.textutil import content_stems, lexical_overlap, stemmer, words

FEATURE_NAMES: tuple[str, ...] = (
    "dense_max",  # best cosine claim vs one evidence sentence
    "dense_pair_max",  # best cosine claim vs two adjacent sentences (mean vector)
    "dense_top3_mean",  # mean of the three best cosines
    "lex_top1",  # idf-weighted share of claim stems in the best-aligned sentence
    "lex_top2",  # ... in the union of the two best-aligned sentences
    "lex_all",  # ... anywhere in the cited titles + abstracts
    "bigram_top2",  # share of claim stem bigrams found adjacent in the two best sentences
    "term_cov",  # share of named terms (acronyms, model names, capitalised words) found
    "num_unmatched",  # claim numbers absent from the evidence, no comparable number (clipped to 1)
    "num_conflict",  # evidence states a different number for the same thing (alignment-weighted)
    "neg_flip",  # a shared term is negated on one side only (alignment-weighted)
    "dir_reversed",  # antonym swap: increase/decrease, improves/degrades, ... (alignment-weighted)
    "dir_agree",  # same direction cue on both sides (alignment-weighted)
    "claim_len",  # log of the number of claim content stems
)

_NUM = re.compile(
    r"(?<![\w.\-/])(\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:\s?(%|percent\b|per cent\b|-?fold\b|×|x\b|[KMBT]\b|pp\b|points?\b|"
    r"million\b|billion\b|thousand\b|bp\b)|(?![\w.]*\w))"
)
_UNIT_CANON = {"percent": "%", "per cent": "%", "fold": "x", "-fold": "x", "×": "x", "point": "pp",
               "points": "pp", "pp": "pp"}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}
_WORD_NUMS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100, "twice": 2, "double": 2,
    "doubles": 2, "doubled": 2, "triple": 3, "tripled": 3, "half": 0.5, "halved": 0.5,
}
_NEGATOR = re.compile(
    r"\b(?:not|no|never|none|neither|nor|cannot|without|unable|nothing|lacks?|lacking|lacked|"
    r"fail(?:s|ed|ing)?|absence|\w+n't)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:but|while|whereas|although|however|which|that)\b", re.IGNORECASE)

# Direction families: (up stems, down stems, strong). A claim using one side while the aligned evidence
# uses only the other is a reversal. "Strong" families are reliable enough for the hard guard rule.
def _family(up: str, down: str, strong: bool) -> tuple[frozenset[str], frozenset[str], bool]:
    return frozenset(up.split()), frozenset(down.split()), strong


DIRECTION_FAMILIES: tuple[tuple[frozenset[str], frozenset[str], bool], ...] = (
    _family("increas rise rose rais elev upregul augment boost amplifi grow grew higher exceed highest "
            "maximum maxim high expand abund",
            "decreas reduc reduct lower declin drop diminish downregul attenu lessen shrink lowest minimum "
            "minim low fell scarc", True),
    _family("more greater larger bigger", "less fewer smaller", False),
    _family("improv better enhanc best outperform surpass benefici benefit",
            "degrad wors worsen impair deterior hurt harm worst underperform lag", True),
    _family("promot activ induc stimul facilit enabl encourag",
            "inhibit suppress prevent block repress imped inactiv abolish hinder", True),
    _family("posit", "negat", True),
    _family("faster acceler fast hasten", "slower slow deceler delay", True),
    _family("stronger strengthen strong", "weaker weaken weak", False),
    _family("requir necessari essenti indispens", "dispens unnecessari", False),
    _family("sensit", "resist", False),
    _family("agonist", "antagonist", False),
    _family("major crucial critic substanti import vital key", "trivial neglig minor margin slight", False),
)
_FLIP_PREFIXES = ("in", "un", "non", "im", "ir", "il", "dis", "anti")


def all_stems(text: str) -> list[str]:
    """Every word stemmed (stopwords kept: 'more', 'less', 'not' carry direction and negation)."""
    toks = [p.lower() for w in words(text) for p in w.split("-") if p]
    return stemmer().stemWords(toks)


# ---------------------------------------------------------------- numbers


@dataclass(frozen=True)
class Number:
    value: float
    unit: str  # '%', 'x', 'pp', 'bp', or '' for a bare number
    raw: str
    context: frozenset[str]  # content stems near the number: what it is a number *of*
    tol: float = 0.5  # half a unit of the last printed digit: 74.7 matches 74.68


def extract_numbers(text: str, word_numbers: bool = False) -> list[Number]:
    """Numbers with units and nearby content stems; identifiers like GPT-4 or ResNet-50 are not numbers."""
    out: list[Number] = []
    for m in _NUM.finditer(text):
        if text[max(0, m.start() - 1) : m.start()] == "[":
            continue  # a citation marker, not a quantity
        digits_str, raw_unit = m.group(1), m.group(2) or ""
        scale = _SCALE.get(raw_unit, 1.0)
        unit = "" if raw_unit in _SCALE else _UNIT_CANON.get(raw_unit.lower(), raw_unit.lower())
        decimals = len(digits_str.split(".")[1]) if "." in digits_str else 0
        out.append(Number(
            value=float(digits_str.replace(",", "")) * scale,
            unit=unit,
            raw=m.group(0).strip(),
            context=_context(text, m.start(), m.end()),
            tol=0.5 * 10 ** (-decimals) * scale + 1e-9,
        ))
    if word_numbers:
        for m in re.finditer(r"\b(" + "|".join(_WORD_NUMS) + r")\b", text, re.IGNORECASE):
            out.append(Number(float(_WORD_NUMS[m.group(1).lower()]), "", m.group(0),
                              _context(text, m.start(), m.end())))
    return out


def _context(text: str, start: int, end: int, width: int = 40) -> frozenset[str]:
    left = _CLAUSE_BREAK.split(text[max(0, start - width) : start])[-1]
    right = _CLAUSE_BREAK.split(text[end : end + width])[0]
    return frozenset(s for s in content_stems(f"{left} {right}") if not s[:1].isdigit())


def same_value(claim: Number, evidence: Number) -> bool:
    """Equal up to the claim's printed precision, or the same share written as percent vs fraction."""
    b = evidence.value
    return any(abs(claim.value - c) <= claim.tol for c in (b, b * 100, b / 100))


@dataclass
class NumberCheck:
    matched: int = 0
    unmatched: list[str] = field(default_factory=list)
    conflicts: list[tuple[str, str, int]] = field(default_factory=list)  # claim raw, evidence raw, sentence


def check_numbers(claim: str, all_text: str, aligned: list[tuple[int, str, float]]) -> NumberCheck:
    """Claim numbers must appear in the evidence; a different number for the same thing is a conflict.

    `aligned` holds (sentence index, text, alignment) for the best-aligned sentences. "The same thing"
    means same unit and a shared content stem near both numbers (or, for a very well aligned sentence,
    simply the same unit).
    """
    result = NumberCheck()
    evidence_values = extract_numbers(all_text, word_numbers=True)
    for num in extract_numbers(claim):
        if any(same_value(num, e) for e in evidence_values):
            result.matched += 1
            continue
        conflict = None
        for idx, text, align in aligned:
            for e in extract_numbers(text):
                if e.unit != num.unit:
                    continue
                if (num.context & e.context) or align >= 0.75:
                    conflict = (num.raw, e.raw, idx)
                    break
            if conflict:
                break
        if conflict:
            result.conflicts.append(conflict)
        else:
            result.unmatched.append(num.raw)
    return result


# ---------------------------------------------------------------- negation and direction


def negated_stems(text: str) -> set[str]:
    """Content stems in a negator's scope: the next three content words before a clause break.

    Short on purpose: in 'needs no auxiliary losses to balance load' only the losses are negated.
    """
    out: set[str] = set()
    for m in _NEGATOR.finditer(text):
        scope = _CLAUSE_BREAK.split(text[m.end() : m.end() + 80])[0]
        out.update(content_stems(scope)[:3])
    return out


def negation_flips(claim: str, sentence: str) -> list[str]:
    """Stems negated on one side and stated plainly on the other: 'X does not improve Y' vs 'X improves Y'.

    A side's negated scope must mostly (>= half) reappear un-negated on the other side, so a shared
    subject noun inside an unrelated negation ('no consensus on screening') is not a flip.
    """
    c_stems, s_stems = set(content_stems(claim)), set(content_stems(sentence))
    c_neg, s_neg = negated_stems(claim), negated_stems(sentence)
    out: set[str] = set()
    for neg, other, other_neg in ((c_neg, s_stems, s_neg), (s_neg, c_stems, c_neg)):
        plain = (neg & other) - other_neg
        if neg and len(plain) >= max(1, 0.5 * len(neg)):
            out |= plain
    return sorted(out)


def _surface(stems: set[str], text: str) -> str:
    """The first word of text whose stem is in stems, to name it in a reason."""
    for w in words(text):
        for part in w.split("-"):
            if stemmer().stemWord(part.lower()) in stems:
                return part
    return next(iter(stems), "")


def direction_reversals(claim: str, sentence: str, strong_only: bool = False) -> list[tuple[str, str]]:
    """(claim word, evidence word) pairs where the sentence uses the opposite side of a direction family."""
    c, s = set(all_stems(claim)), set(all_stems(sentence))
    out: list[tuple[str, str]] = []
    for up, down, strong in DIRECTION_FAMILIES:
        if strong_only and not strong:
            continue
        for a, b in ((up, down), (down, up)):
            if c & a and not c & b and s & b and not s & a:
                out.append((_surface(c & a, claim), _surface(s & b, sentence)))
    cw, sw = set(all_stems(claim)), set(all_stems(sentence))
    for x in sorted(cw - sw):
        if len(x) < 4:
            continue
        for p in _FLIP_PREFIXES:  # dependent vs independent, effective vs ineffective
            if p + x in sw and p + x not in cw:
                out.append((x, p + x))
            if x.startswith(p) and x[len(p) :] in sw and len(x) - len(p) >= 4 and x[len(p) :] not in cw:
                out.append((x, x[len(p) :]))
    return out


def direction_agrees(claim: str, sentence: str) -> bool:
    c, s = set(all_stems(claim)), set(all_stems(sentence))
    return any((c & up and s & up) or (c & down and s & down) for up, down, _ in DIRECTION_FAMILIES)


# ---------------------------------------------------------------- terms and coverage


def named_terms(text: str) -> set[str]:
    """Acronyms, model/dataset names and mid-sentence capitalised words, lower-cased."""
    out: set[str] = set()
    for i, w in enumerate(words(text)):
        has_digit = any(ch.isdigit() for ch in w)
        has_alpha = any(ch.isalpha() for ch in w)
        upper = sum(ch.isupper() for ch in w)
        if has_alpha and (upper >= 2 or (has_digit and len(w) > 1) or (i > 0 and w[0].isupper())):
            out.add(w.lower().rstrip("."))
    return out


def term_coverage(claim: str, evidence_text: str) -> tuple[float, list[str]]:
    terms = named_terms(claim)
    if not terms:
        return 1.0, []
    ev = " " + " ".join(w.lower() for w in words(evidence_text)) + " "
    ev_parts = set(ev.replace("-", " ").split())
    missing = sorted(t for t in terms if f" {t} " not in ev and not set(t.split("-")) <= ev_parts)
    return 1 - len(missing) / len(terms), missing


def bigram_coverage(claim_stems: list[str], evidence_stems: list[list[str]]) -> float:
    wanted = set(zip(claim_stems, claim_stems[1:], strict=False))
    if not wanted:
        return 0.0
    have = {bg for st in evidence_stems for bg in zip(st, st[1:], strict=False)}
    return len(wanted & have) / len(wanted)


# ---------------------------------------------------------------- all together


_CITATION = re.compile(
    r"\s*(?:\[[^\]]{1,80}\]|\((?:[A-Z][^()]{0,60}?(?:et al\.?|\b(?:19|20)\d{2}[a-z]?)[^()]{0,20})\))"
)
_ATTRIBUTION = re.compile(
    r"^(?:(?:[A-Z][\w'\-]+(?:\s+(?:et al\.?|and [A-Z][\w'\-]+))?(?:\s*\(\d{4}[a-z]?\))?)|the authors|they|"
    r"this (?:paper|work|study)|the (?:paper|work|study))\s+(?:also\s+)?"
    r"(?:find|found|finds|show|showed|shows|report|reported|reports|demonstrate|demonstrated|demonstrates|"
    r"observe|observed|observes|argue|argued|argues|note|noted|notes|claim|claimed|claims)\s+that\s+",
    re.IGNORECASE,
)


def clean_claim(claim: str) -> str:
    """The claim without citation markers and 'Wang et al. (2024) show that' attributions.

    Generated survey sentences carry both; neither is something the abstract has to state.
    """
    text = _CITATION.sub("", claim).strip()
    m = _ATTRIBUTION.match(text)
    if m and len(text) - m.end() > 15:
        text = text[m.end() :]
        text = text[:1].upper() + text[1:]
    return text


@dataclass
class Analysis:
    """Features plus what explains them: the ranked sentences and human-readable reasons."""

    features: np.ndarray
    order: list[int]  # sentence indices, best-aligned first
    alignment: list[float]  # alignment score per sentence (same indexing as the input)
    reasons: list[str]
    contradiction_sentences: list[int]
    strong_contradiction: bool  # a near-verbatim alignment with a changed number/direction/negation
    near_verbatim: bool  # the claim is (almost) one evidence sentence with nothing contradicting it
    unverifiable: bool = False  # the claim names terms or numbers the evidence never mentions


def compute_features(
    claim: str,
    sentences: list[str],
    claim_vec: np.ndarray,
    sentence_vecs: np.ndarray,
    extra_text: str = "",
    para_breaks: set[int] | None = None,
) -> Analysis:
    """Feature vector (FEATURE_NAMES order) of a claim against evidence sentences.

    `extra_text` (titles) counts for coverage but is never quoted; `para_breaks` holds indices i where
    sentences i-1 and i come from different papers, so no adjacent pair spans two abstracts.
    """
    feats = dict.fromkeys(FEATURE_NAMES, 0.0)
    claim = clean_claim(claim)
    c_stems = content_stems(claim)
    feats["claim_len"] = math.log1p(len(set(c_stems)))
    n = len(sentences)
    if n == 0:
        feats["term_cov"] = 1.0 if not named_terms(claim) else 0.0
        nums = extract_numbers(claim)
        feats["num_unmatched"] = float(bool(nums))
        return Analysis(np.array([feats[k] for k in FEATURE_NAMES]), [], [], ["no evidence sentences"],
                        [], False, False)
    s_stems = [content_stems(s) for s in sentences]
    s_sets = [set(st) for st in s_stems]
    df = Counter(st for group in s_sets for st in group)
    idf = {st: math.log(1 + n / (c + 0.5)) for st, c in df.items()}
    for st in c_stems:
        idf.setdefault(st, math.log(1 + n / 0.5))
    dense = sentence_vecs @ claim_vec
    lex = np.array([lexical_overlap(c_stems, st, idf) for st in s_sets])
    align = 0.5 * dense + 0.5 * lex
    order = [int(i) for i in np.argsort(-align, kind="stable")]
    breaks = para_breaks or set()
    sums = [sentence_vecs[i] + sentence_vecs[i + 1] for i in range(n - 1) if (i + 1) not in breaks]
    pair = [float(v @ claim_vec) / max(float(np.linalg.norm(v)), 1e-9) for v in sums]
    top = sorted(dense.tolist(), reverse=True)
    feats["dense_max"] = top[0]
    feats["dense_pair_max"] = max([top[0], *pair])
    feats["dense_top3_mean"] = float(np.mean(top[:3]))
    b1 = order[0]
    b2 = order[:2]
    feats["lex_top1"] = float(lex[b1])
    feats["lex_top2"] = lexical_overlap(c_stems, set().union(*(s_sets[i] for i in b2)), idf)
    all_stems_set = set().union(*s_sets) | set(content_stems(extra_text))
    feats["lex_all"] = lexical_overlap(c_stems, all_stems_set, idf)
    feats["bigram_top2"] = bigram_coverage(c_stems, [s_stems[i] for i in b2])
    all_text = " ".join([extra_text, *sentences])
    feats["term_cov"], missing_terms = term_coverage(claim, all_text)

    reasons: list[str] = []
    contra: list[int] = []
    aligned = [(i, sentences[i], float(lex[i])) for i in order[:3]]
    nums = check_numbers(claim, all_text, aligned)
    feats["num_unmatched"] = min(1.0, float(len(nums.unmatched)))
    for raw in nums.unmatched:
        reasons.append(f"number {raw} in claim not in evidence")
    for c_raw, e_raw, idx in nums.conflicts:
        feats["num_conflict"] = max(feats["num_conflict"], float(lex[idx]))
        reasons.append(f"number {c_raw} in claim but evidence says {e_raw}")
        contra.append(idx)
    strong = bool(nums.conflicts) and max(lex[i] for *_, i in nums.conflicts) >= 0.7
    direction_decided = False  # the best-aligned sentence with a direction cue decides, not any of them
    for i, text, a in aligned:
        flips = negation_flips(claim, text)
        if flips:
            feats["neg_flip"] = max(feats["neg_flip"], a)
            reasons.append(f"negation differs on: {', '.join(flips[:3])} (sentence {i})")
            contra.append(i)
            strong = strong or (a >= 0.8 and i == b1)
        if direction_decided:
            continue
        revs = direction_reversals(claim, text)
        if revs:
            direction_decided = True
            feats["dir_reversed"] = a
            reasons.append("direction reversed: " + "; ".join(f"{x} vs {y}" for x, y in revs[:3]))
            contra.append(i)
            strong = strong or (a >= 0.7 and bool(direction_reversals(claim, text, strong_only=True)))
        elif direction_agrees(claim, text):
            direction_decided = True
            feats["dir_agree"] = a
    for t in missing_terms[:3]:
        reasons.append(f"term {t!r} in claim not in evidence")
    # A claim that restates its best sentence is supported by it, whatever cues other sentences carry.
    near_verbatim = (
        b1 not in contra and not nums.unmatched and not missing_terms
        and lex[b1] >= 0.9 and dense[b1] >= 0.85
    )
    return Analysis(
        features=np.array([feats[k] for k in FEATURE_NAMES], dtype=np.float64),
        order=order,
        alignment=[float(a) for a in align],
        reasons=reasons,
        contradiction_sentences=list(dict.fromkeys(contra)),
        strong_contradiction=strong,
        near_verbatim=near_verbatim,
        unverifiable=bool(missing_terms or nums.unmatched),
    )
