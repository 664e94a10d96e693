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
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from reviewer.checker.beyond import absolute_added, unmentioned_targets
from reviewer.checker.claimtext import clean_claim
from reviewer.checker.directions import (
    _SIDES,
    closest_clause,
    direction_agrees,
    direction_reversals,
    opposite_words,
)
from reviewer.checker.effects import covary_relation, effect_reversed
from reviewer.checker.families import (
    comparison_agrees,
    comparison_order_reversed,
    comparison_reversed,
    entity_swapped,
    hedge_strengthened,
    likeness_flipped,
    near_copy_edits,
    quantifier_conflict,
    rank_conflict,
)
from reviewer.checker.moved import moved_alike
from reviewer.checker.negation import negation_flips
from reviewer.checker.numbers import check_numbers, extract_numbers
from reviewer.checker.polarity import polarity_clash
from reviewer.checker.superlatives import ranking_conflict
from reviewer.checker.winner import effect_compared_alike
from reviewer.checker.wording import acronym_spelled_in, compact_name, worded_coverage
from reviewer.textutil import content_stems, lexical_overlap, words

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
    "comp_reversed",  # the two arguments of a comparison in the opposite order (alignment-weighted)
    "quant_conflict",  # clashing quantifiers: all vs none, most vs few (alignment-weighted)
    "entity_swap",  # the best sentence with one named term replaced by another of the abstract
    "hedge_up",  # the claim states as certain what the best sentence hedges
    "polarity_clash",  # one side reports no effect where the other asserts one (alignment-weighted)
)

# ---------------------------------------------------------------- terms and coverage


_QUANTITY = re.compile(r"^\d[\d,.]*(?:x|k|m|b|pp|bp)?$", re.IGNORECASE)


def named_terms(text: str) -> set[str]:
    """Acronyms, model/dataset names and mid-sentence capitalised words, lower-cased."""
    out: set[str] = set()
    for i, w in enumerate(words(text)):
        has_digit = any(ch.isdigit() for ch in w)
        has_alpha = any(ch.isalpha() for ch in w)
        upper = sum(ch.isupper() for ch in w)
        if _QUANTITY.match(w):
            continue  # '10x', '3B': a number with its unit is checked by the number signals, not as a name
        if has_alpha and (upper >= 2 or (has_digit and len(w) > 1) or (i > 0 and w[0].isupper())):
            out.add(w.lower().rstrip("."))
    return out


def term_coverage(claim: str, evidence_text: str) -> tuple[float, list[str]]:
    terms = named_terms(claim)
    if not terms:
        return 1.0, []
    ev = " " + " ".join(w.lower() for w in words(evidence_text)) + " "
    ev_parts = set(ev.replace("-", " ").split())
    missing = [t for t in terms if f" {t} " not in ev and not set(t.split("-")) <= ev_parts]
    if missing:  # 'GPT3-5' is 'GPT-3.5' (`wording.compact_name`): the evidence's names, only when a term is missing
        ev_names = {compact_name(w) for w in ev.split()}
        missing = [t for t in missing if compact_name(t) not in ev_names]
    return 1 - len(missing) / len(terms), sorted(missing)


def bigram_coverage(claim_stems: list[str], evidence_stems: list[list[str]]) -> float:
    wanted = set(zip(claim_stems, claim_stems[1:], strict=False))
    if not wanted:
        return 0.0
    have = {bg for st in evidence_stems for bg in zip(st, st[1:], strict=False)}
    return len(wanted & have) / len(wanted)


# ---------------------------------------------------------------- all together


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
    overstated: bool = False  # a close restatement that turns the evidence's hedge into a certainty
    foreign_edit: bool = False  # a near-copy of a sentence with one name replaced by one the evidence lacks
    foreign_target: list[str] = field(default_factory=list)  # 'on B' / 'than B' with B named nowhere in the evidence
    absolute: list[str] = field(default_factory=list)  # 'proves', 'always', ... that the evidence never asserts
    resolved: list[str] = field(default_factory=list)  # the sentences with one name per thing (`ownname.py`)
    resolved_claim: str = ""  # the claim with the abstracts' abbreviations (and own method) spelled as there
    worded: Callable[[], np.ndarray | None] = lambda: None  # features read one word per meaning, on demand (`wording.py`)
    quoted: int = -1  # the evidence sentence the claim quotes word for word, or -1 (`verbatim.py`)


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
    # A paraphrase shares fewer words, but another value for the same measured thing still contradicts.
    strong = strong or any((same >= 2 or (same and lex[i] >= 0.45)) and i in order[:2]
                           for (*_, i), same in zip(nums.conflicts, nums.same_subject, strict=True))
    direction_decided = False  # the best-aligned sentence with a direction cue decides, not any of them
    for i, text, a in aligned:
        flips = negation_flips(claim, text)
        if flips:
            feats["neg_flip"] = max(feats["neg_flip"], a)
            reasons.append(f"negation differs on: {', '.join(flips[:3])} (sentence {i})")
            contra.append(i)
            strong = strong or (a >= 0.8 and i == b1)
        if polarity_clash(claim, text):
            feats["polarity_clash"] = max(feats["polarity_clash"], a)
            reasons.append(f"one side reports no effect where the other asserts one (sentence {i})")
            contra.append(i)
        if direction_decided:
            continue
        along, what = covary_relation(claim, text)  # 'grows as models get more capable' vs 'decreases with ...'
        if along:
            direction_decided = True
            feats["dir_agree" if along > 0 else "dir_reversed"] = a
            if along < 0:
                reasons.append(f"direction reversed: moves the other way with {what} (sentence {i})")
                contra.append(i)
            continue
        whole, text = text, closest_clause(claim, text)  # 'lower risk for A, whereas higher risk for B'
        if comparison_agrees(claim, text):  # the sentence restating the comparison decides: it agrees
            direction_decided = True
            feats["dir_agree"] = a
            continue
        revs = [r for r in direction_reversals(claim, text) if not moved_alike(claim, whole, r[0], _SIDES)]
        if revs:
            direction_decided = True
            feats["dir_reversed"] = a
            reasons.append("direction reversed: " + "; ".join(f"{x} vs {y}" for x, y in revs[:3]))
            contra.append(i)
            strong = strong or (a >= 0.7 and any(not moved_alike(claim, whole, r[0], _SIDES)
                                                  for r in direction_reversals(claim, text, strong_only=True)))
        elif direction_agrees(claim, text):
            direction_decided = True
            feats["dir_agree"] = a
    for i, text, a in aligned[:2]:
        moved = effect_reversed(claim, closest_clause(claim, text))  # 'lowers accuracy' vs 'improves accuracy'
        if moved and i not in contra and not effect_compared_alike(claim, text):
            feats["dir_reversed"] = max(feats["dir_reversed"], a)
            reasons.append(f"opposite effect on: {', '.join(moved[:2])} (sentence {i})")
            contra.append(i)
            strong = strong or (a >= 0.5 and i == b1)
        if likeness_flipped(claim, text):  # 'Like GRPO, ...' vs 'Unlike GRPO, ...'
            feats["neg_flip"], strong = max(feats["neg_flip"], a), strong or (a >= 0.5 and i == b1)
            reasons.append(f"one sets apart what the other calls alike (sentence {i})")
            contra.append(i)
        if comparison_reversed(claim, text) or comparison_order_reversed(claim, text):
            feats["comp_reversed"] = max(feats["comp_reversed"], a)
            reasons.append(f"comparison reversed: the arguments are in the opposite order (sentence {i})")
            contra.append(i)
            strong = strong or a >= 0.4
        if quantifier_conflict(claim, text):
            feats["quant_conflict"] = max(feats["quant_conflict"], a)
            reasons.append(f"quantifier differs (sentence {i})")
            contra.append(i)
            strong = strong or (a >= 0.8 and i == b1)
        if ranking_conflict(claim, text, all_text):  # 'B achieved the best score' where A did
            feats["comp_reversed"] = max(feats["comp_reversed"], a)
            reasons.append(f"ranking differs: another holder or the opposite end (sentence {i})")
            contra.append(i)
            strong = strong or a >= 0.4
        for c_raw, e_raw in rank_conflict(claim, text):
            feats["num_conflict"] = max(feats["num_conflict"], a)
            reasons.append(f"rank {c_raw} in claim but evidence says {e_raw}")
            contra.append(i)
            strong = strong or a >= 0.7
    foreign_edit = hedge_edit = False
    for i in order[:2]:
        edits = near_copy_edits(claim, sentences[i], all_text, opposite_words)
        if edits is None:
            continue
        a = float(lex[i])
        found = [("num_conflict", edits.numbers, "number"), ("dir_reversed", edits.antonyms, "direction"),
                 ("neg_flip", edits.negation, "negation"), ("quant_conflict", edits.quantifiers, "quantifier"),
                 ("entity_swap", edits.swapped, "entity")]
        for name, items, what in found:
            if items:
                feats[name] = max(feats[name], a)
                reasons.append(f"edited {what} of sentence {i}: {items[0]}")
                contra.append(i)
                strong = True
        foreign_edit = foreign_edit or (bool(edits.foreign) and not edits.contradicts)
        hedge_edit = hedge_edit or (bool(edits.hedge) and not edits.contradicts and i == b1)
    rest = " ".join([extra_text, *sentences[:b1], *sentences[b1 + 1 :]])
    if entity_swapped(claim, sentences[b1], rest, named_terms(claim), named_terms(sentences[b1])):
        feats["entity_swap"] = float(lex[b1])
        reasons.append(f"an entity of the abstract stands in place of another (sentence {b1})")
        contra.append(b1)
        strong = strong or lex[b1] >= 0.5
    hedged = hedge_edit or hedge_strengthened(claim, sentences[b1])
    if hedged:
        feats["hedge_up"] = float(lex[b1])
        reasons.append(f"claim states as certain what the evidence hedges (sentence {b1})")
    for t in missing_terms[:3]:
        reasons.append(f"term {t!r} in claim not in evidence")
    # A claim that restates its best sentence is supported by it, whatever cues other sentences carry.
    near_verbatim = (
        b1 not in contra and not nums.unmatched and not missing_terms and not hedged
        and lex[b1] >= 0.9 and dense[b1] >= 0.85
    )

    @cache  # read only when the offline checker's rescue of an UNSUPPORTED claim asks (None: unverifiable)
    def worded() -> np.ndarray | None:
        if nums.unmatched or any(not acronym_spelled_in(t, all_text) for t in missing_terms):
            return None
        read = {**feats, **worded_coverage(claim, c_stems, sentences, s_sets, idf, b2, extra_text), "term_cov": 1.0}
        return np.array([read[k] for k in FEATURE_NAMES])

    return Analysis(
        features=np.array([feats[k] for k in FEATURE_NAMES], dtype=np.float64),
        worded=worded,
        order=order,
        alignment=[float(a) for a in align],
        reasons=reasons,
        contradiction_sentences=list(dict.fromkeys(contra)),
        strong_contradiction=strong,
        near_verbatim=near_verbatim,
        unverifiable=bool(missing_terms or nums.unmatched),
        overstated=hedged and lex[b1] >= 0.6,
        foreign_edit=foreign_edit,
        foreign_target=unmentioned_targets(claim, missing_terms),
        absolute=absolute_added(claim, all_text),
    )
