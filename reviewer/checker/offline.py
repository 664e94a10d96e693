"""Offline claim checking: evidence sentences + signals from `features.py` + a small fitted combiner.

The combiner: two logistic regressions on SciFact train (+ synthetic rows at the weight the seed-claim splits choose,
`evals/fit_checker.py`), in `reviewer/assets/checker_params.json`. Rules sit on top, in this order: a near-copy of an evidence
sentence with an edited number, direction, negation, quantifier or entity is CONTRADICTED; one that
names something the evidence never mentions is UNSUPPORTED; a claim whose only evidence is a sentence
reporting other work is UNSUPPORTED (CONTRADICTED when the abstract rejects that view or faults the practice
the claim calls adequate, `endorsed.py`); a claim that turns the evidence's hedge into a certainty is UNSUPPORTED, and so is one the combiner would
call SUPPORTED that is measured on or against a name the evidence lacks, or asserts a certainty ('proves',
'always') no evidence sentence asserts (`beyond.py`), or states a number or moves a quantity the evidence never
names (`unstated.py`); a faithful near-copy is SUPPORTED, and so is a claim whose numbers and names all occur in
order in its best sentence (`anchors.py`). Reversals in other words (`stance.py`, `effects.py`, `roles_swap.py`,
`proportions.py`, `degrees.py`, `quantified.py`, `requires.py`) are read against the two best-aligned sentences, steps
in the other order against the abstract (`sequence.py`); a question asserts nothing, so it contradicts nothing.
Two generic stages close the chain (branch c22): a contradiction signal on an aligned, asserted sentence outranks the
relevance model's silence (UNSUPPORTED -> CONTRADICTED), and a SUPPORTED verdict whose best asserted sentence
judges the shared thing the other way (`valence.py`) or names among others what the claim says holds alone
(`exclusive.py`) is CONTRADICTED.
"""

from __future__ import annotations

import json
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from pydantic import BaseModel, Field

from reviewer.checker.aims import aim_led, is_aim, without_aims
from reviewer.checker.anchors import anchored_in
from reviewer.checker.aspired import aspiration_restated
from reviewer.checker.background import background_only, bare_coverage, restated_context
from reviewer.checker.bound import values_keep_their_words
from reviewer.checker.claimtext import authors_voice, quotable, title_authors_as_we
from reviewer.checker.compared import comparison_unstated
from reviewer.checker.endorsed import faulted_in
from reviewer.checker.evaluated import evaluated_on
from reviewer.checker.features import FEATURE_NAMES, Analysis, clean_claim, compute_features, named_terms
from reviewer.checker.flips import _NOT_ASSERTED, LEX_TOP1, _stance_flip, asserts_own
from reviewer.checker.judged import judged_otherwise
from reviewer.checker.ownname import one_name_per_thing
from reviewer.checker.passedover import stated_otherwise
from reviewer.checker.quantified import only_some
from reviewer.checker.sharedfact import shares
from reviewer.checker.types import LABELS, ClaimVerdict
from reviewer.checker.unstated import unmentioned_effects
from reviewer.checker.verbatim import quoted_sentence, quoted_verdict
from reviewer.errors import ConfigError
from reviewer.models import EvidenceSentence, Paper
from reviewer.resources import asset
from reviewer.roles import attributes_to_other_work, rejects_reported_view
from reviewer.settings import Settings
from reviewer.textutil import split_sentences

if TYPE_CHECKING:
    from reviewer.vector_cache import VectorCache

PARAMS_PATH = asset("checker_params.json")
CLASSES = LABELS
MAX_EVIDENCE = 3
NUM_UNMATCHED = FEATURE_NAMES.index("num_unmatched")
ADDRESSED_BY_CONFLICT = 0.4  # alignment-weighted contradiction signal that outranks the relevance model's silence
CONTRA_COLS = [FEATURE_NAMES.index(n) for n in ("num_conflict", "neg_flip", "dir_reversed", "comp_reversed",
                                                 "quant_conflict", "entity_swap", "polarity_clash")]


class BinaryModel(BaseModel):
    """A logistic regression over a named subset of the (standardised) features."""

    features: list[str]
    weights: list[float]
    bias: float


class CheckerParams(BaseModel):
    """Fitted combiner: two logistic models over standardised features, combined into three classes.

    P(addressed) = relevance model (does the evidence speak to the claim at all: similarity, coverage);
    P(contradicted | addressed) = contradiction model, fed ONLY explicit contradiction signals, so a
    claim is never called contradicted merely for resembling SciFact's hand-altered claims.
    P(S) = r (1 - c), P(C) = r c, P(U) = 1 - r.
    """

    classes: list[str] = Field(default_factory=lambda: list(CLASSES))
    features: list[str]
    mean: list[float]
    scale: list[float]
    relevance: BinaryModel
    contradiction: BinaryModel
    support_threshold: float = Field(description="Minimum P(SUPPORTED) to call a claim SUPPORTED.")
    contradict_threshold: float = Field(description="Minimum P(CONTRADICTED) to call it CONTRADICTED.")
    metadata: dict[str, object] = Field(default_factory=dict)


@lru_cache(maxsize=4)
def load_params(path: Path = PARAMS_PATH) -> CheckerParams:
    """Read and validate the fitted parameters; features must match the code's FEATURE_NAMES."""
    try:
        params = CheckerParams.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise ConfigError(
            f"claim-checker parameters {path} not found",
            hint="run: python -m evals.fit_checker",
        ) from None
    if tuple(params.features) != FEATURE_NAMES:
        raise ConfigError(
            f"{path} was fitted for other features than this code computes",
            hint="refit with: python -m evals.fit_checker",
        )
    return params


def _logit(params: CheckerParams, model: BinaryModel, xs: np.ndarray) -> np.ndarray:
    cols = [params.features.index(name) for name in model.features]
    z = xs[:, cols] @ np.asarray(model.weights) + model.bias
    return 1.0 / (1.0 + np.exp(-z))


def probabilities(params: CheckerParams, x: np.ndarray) -> np.ndarray:
    """Class probabilities in CLASSES order (rows of x are raw feature vectors)."""
    xs = (np.atleast_2d(x) - np.asarray(params.mean)) / np.asarray(params.scale)
    r = _logit(params, params.relevance, xs)
    c = _logit(params, params.contradiction, xs)
    return np.stack([r * (1 - c), r * c, 1 - r], axis=1)


def decide(probs: np.ndarray, support_threshold: float, contradict_threshold: float) -> str:
    """Thresholded decision that favours precision of SUPPORTED (the pipeline drops the rest)."""
    p_s, p_c, p_u = (float(v) for v in probs)
    if p_s >= support_threshold and p_s >= p_c:
        return "SUPPORTED"
    if p_c >= contradict_threshold and p_c >= p_u:
        return "CONTRADICTED"
    return "UNSUPPORTED"


class OfflineChecker:
    """Checks a claim against cited abstracts with embeddings, lexical signals and the fitted combiner."""

    def __init__(self, settings: Settings, params: CheckerParams | None = None) -> None:
        self.settings = settings
        self._params = params
        self._local = threading.local()  # sqlite connections must stay on their thread

    @property
    def params(self) -> CheckerParams:
        if self._params is None:
            self._params = load_params()
        return self._params

    def _cache(self) -> VectorCache:
        cache = getattr(self._local, "cache", None)
        if cache is None:
            from reviewer.vector_cache import VectorCache

            cache = self._local.cache = VectorCache(self.settings)
        return cache

    def analyse(self, claim: str, papers: list[Paper]) -> tuple[Analysis, list[EvidenceSentence]]:
        """Signals of the claim against every sentence of the papers, with the sentences themselves."""
        items: list[EvidenceSentence] = []
        breaks: set[int] = set()
        for paper in papers:
            if items:
                breaks.add(len(items))
            for i, text in enumerate(split_sentences(paper.abstract)):
                items.append(EvidenceSentence(paper_id=paper.id, key=paper.key, index=i, text=text))
        raw, claim = claim, clean_claim(title_authors_as_we(claim, [p.title for p in papers]))
        cache = self._cache()
        vecs = cache.embed([claim, *(s.text for s in items)])
        # a LaTeX tie ('AlpacaEval~2') is a space to every reader of the words, in the claim as in the evidence, so
        # a quoted '~70%' reads as its sentence's '~70%' (one side read as '70%' was an 'edited number')
        analysis = compute_features(claim.replace("~", " "), [s.text.replace("~", " ") for s in items], vecs[0],
                                    vecs[1:], extra_text=" ".join(p.title for p in papers), para_breaks=breaks)
        texts = [s.text for s in items]
        analysis.quoted = max(quoted_sentence(claim, texts),
                              quoted_sentence(quotable(authors_voice(raw, [p.authors for p in papers])), texts))
        for s, a in zip(items, analysis.alignment, strict=True):
            s.score = round(a, 4)
        analysis.resolved, analysis.resolved_claim = one_name_per_thing(raw, papers, items)
        return analysis, items

    def check(self, claim: str, papers: list[Paper]) -> ClaimVerdict:
        analysis, items = self.analyse(claim, papers)
        params = self.params
        probs = probabilities(params, analysis.features)[0]
        label = decide(probs, params.support_threshold, params.contradict_threshold)
        reasons = list(analysis.reasons)
        if (label == "CONTRADICTED" or analysis.strong_contradiction) and only_questions(claim, analysis, items):
            # A question ('Are reasoning models more prone to hallucination?') asserts nothing, so what it
            # asks cannot contradict the claim: decide again without the contradiction signals.
            x = analysis.features.copy()
            x[CONTRA_COLS] = 0.0
            probs = probabilities(params, x)[0]
            label = decide(probs, params.support_threshold, params.contradict_threshold)
            analysis.strong_contradiction, analysis.contradiction_sentences = False, []
            reasons.append("guard: the only conflicting sentences ask a question or report others' view")
        label, score = self.apply_rules(claim, analysis, items, label, float(probs[0]), reasons)
        if label == "UNSUPPORTED" and len(papers) == 1 and (why := evaluated_on(clean_claim(claim), papers[0])):
            label, score = "SUPPORTED", max(score, 0.6)  # the lead's 'X is evaluated on A and B', part by part
            reasons.append(why)
        elif label == "UNSUPPORTED" and (why := shares(clean_claim(claim), papers)):
            label, score = "SUPPORTED", max(score, 0.6)  # the lead's 'A and B both use X', paper by paper
            reasons.append(why)
        reasons.insert(0, _summary(analysis, probs))
        if label == "SUPPORTED" and analysis.quoted < 0 and analysis.order and aim_led(claim, items[analysis.order[0]]):
            return self._past_aims(claim, papers, items[analysis.order[0]])
        return ClaimVerdict(label=label, score=round(score, 4), evidence=_pick_evidence(analysis, items, label),  # type: ignore[arg-type]
                            reasons=reasons, mode="offline")

    def _past_aims(self, claim: str, papers: list[Paper], aim: EvidenceSentence) -> ClaimVerdict:
        """Decide again without the abstracts' aims: the best sentence only asked what the claim asserts (`aims.py`)."""
        stripped, where = without_aims(papers)
        why = f"rule: the best sentence ({aim.index} of {aim.key}) states an aim, not a result; read without the aims"
        if not any(p.abstract.strip() for p in stripped):
            return ClaimVerdict(label="UNSUPPORTED", score=0.3, evidence=[aim], reasons=[why], mode="offline")
        again = self.check(claim, stripped)
        for e in again.evidence:
            e.index = where.get((e.paper_id, e.index), e.index)
        again.reasons.insert(0, why)
        return again

    def apply_rules(self, claim: str, analysis: Analysis, items: list[EvidenceSentence], label: str, score: float,
                    reasons: list[str]) -> tuple[str, float]:
        """The rule guards on top of the combiner's `label`, which is all they read of it (fit_checker relies on that)."""
        background = None if attributes_to_other_work(claim) else background_only(claim, analysis, items)
        faulted = -1 if attributes_to_other_work(claim) else faulted_in(claim, analysis, items)
        if analysis.strong_contradiction and analysis.quoted < 0:
            if label != "CONTRADICTED":
                reasons.append("guard: near-verbatim evidence states something different")
            label, score = "CONTRADICTED", min(score, 0.1)
        elif background is not None and (label == "SUPPORTED" or analysis.features[LEX_TOP1] >= 0.6
                                         or bare_coverage(claim, items[background[1]].text) >= 0.8):
            rejected, where = background
            rejected = rejected or faulted >= 0 or bool(_stance_flip(claim, analysis, items))  # says it the other way
            label = "CONTRADICTED" if rejected else "UNSUPPORTED"
            if rejected:
                same = [k for k, x in enumerate(items) if x.paper_id == items[where].paper_id and k > where]
                analysis.contradiction_sentences = [k for k in same if rejects_reported_view([items[k].text], -1)][:1]
            reasons.append(
                f"rule: the only evidence (sentence {items[where].index} of {items[where].key}) reports other "
                "work or sets the abstract's context, not the paper's own finding"
                + ("; the abstract goes on to reject that view" if rejected else "")
            )
            score = min(score, 0.1)
        elif analysis.quoted >= 0:
            label, score = quoted_verdict(claim, analysis, items, reasons, score)
        elif analysis.foreign_edit:
            label, score = "UNSUPPORTED", min(score, 0.3)
            reasons.append("guard: the claim copies a sentence but names something the evidence never mentions")
        elif analysis.overstated:
            label, score = "UNSUPPORTED", min(score, 0.3)
            reasons.append("guard: the claim states as certain what the evidence only hedges")
        elif label != "CONTRADICTED" and faulted >= 0:
            label, score = "CONTRADICTED", min(score, 0.1)
            analysis.contradiction_sentences = [faulted]
            reasons.append(f"rule: calls adequate what sentence {items[faulted].index} of {items[faulted].key} faults")
        elif label != "CONTRADICTED" and (flip := _stance_flip(claim, analysis, items)):
            label, score = "CONTRADICTED", min(score, 0.1)
            reasons.append(flip)
        elif label == "SUPPORTED" and not analysis.foreign_target and (some := only_some(analysis.absolute, analysis.order, items)):
            label, score = "CONTRADICTED", min(score, 0.1)  # 'every model improves' vs 'performance sometimes improves'
            reasons.append(f"rule: the claim asserts {analysis.absolute[0]!r} where {some} says only some")
        elif label == "SUPPORTED" and (analysis.foreign_target or analysis.absolute):
            label, score = "UNSUPPORTED", min(score, 0.3)
            reasons.append(
                f"guard: the claim names {analysis.foreign_target[0]!r}, which the evidence never mentions"
                if analysis.foreign_target else
                f"guard: the claim asserts {analysis.absolute[0]!r}, which the evidence never does"
            )
        elif label == "SUPPORTED" and (unstated := _unstated(claim, analysis, items)):
            label, score = "UNSUPPORTED", min(score, 0.3)
            reasons.append(f"guard: {unstated}")
        elif label == "SUPPORTED" and (ctx := restated_context(claim, items)) >= 0:
            sents = [x.text for x in items]
            label, score = ("CONTRADICTED" if rejects_reported_view(sents, ctx) else "UNSUPPORTED"), min(score, 0.1)
            reasons.append(f"rule: the claim restates sentence {items[ctx].index} of {items[ctx].key}, the abstract's "
                           "context, as the paper's finding")
        elif analysis.near_verbatim:
            if label != "SUPPORTED":
                reasons.append("guard: claim restates an evidence sentence")
            label, score = "SUPPORTED", max(score, 0.9)
        elif label == "UNSUPPORTED" and not (analysis.unverifiable or analysis.contradiction_sentences) and (
                at := _anchored(claim, analysis, items)):
            label, score = "SUPPORTED", max(score, 0.6)
            reasons.append(f"guard: every number and name of the claim occurs, in order, in {at}")
        elif label == "UNSUPPORTED" and background is None and self._worded_supports(claim, analysis, items):
            label, score = "SUPPORTED", max(score, 0.55)
            reasons.append("guard: read with one word per meaning ('jointly'/'together', 'RL'/'reinforcement "
                           "learning'), the combiner supports the claim")
        elif label == "UNSUPPORTED" and analysis.contradiction_sentences and max(analysis.features[CONTRA_COLS]) >= \
                ADDRESSED_BY_CONFLICT and not only_questions(claim, analysis, items):
            # The relevance model judged the evidence silent, yet an aligned sentence states otherwise: a sentence
            # that contradicts the claim speaks to it, so the conflict is the verdict, not silence (unless it only
            # asks, or reports others' view).
            label, score = "CONTRADICTED", min(score, 0.1)
            reasons.append("rule: an aligned sentence states otherwise, so the evidence is not silent on the claim")
        elif label == "CONTRADICTED" and analysis.unverifiable and not analysis.contradiction_sentences:
            # Nothing in the evidence states otherwise; it just does not mention what the claim names.
            reasons.append("guard: no stated contradiction, and the claim names things the evidence lacks")
            label = "UNSUPPORTED"
        if label == "SUPPORTED" and analysis.quoted < 0 and (judged := judged_otherwise(claim, analysis, items)):
            label, score = "CONTRADICTED", min(score, 0.1)
            analysis.contradiction_sentences = [analysis.order[0]]
            reasons.append(judged)
        if label != "CONTRADICTED" and analysis.quoted < 0 and (other := stated_otherwise(claim, analysis, items, label)):
            label, score = "CONTRADICTED", min(score, 0.1)  # 'P rather than R' where the paper does R (`passedover.py`)
            reasons.append(other)
        return label, score

    def _worded_supports(self, claim: str, analysis: Analysis, items: list[EvidenceSentence]) -> bool:
        """The combiner supports the claim once its other words for the evidence's words count as those words
        (`wording.py`), and nothing the SUPPORTED guards read stands against it. A comparison is never rescued
        (counted words cannot tell which side of 'than' each thing stands on), nor names in another order."""
        if (worded := analysis.worded()) is None or analysis.contradiction_sentences or analysis.foreign_target \
                or analysis.absolute:
            return False
        if _COMPARES.search(claim) or not _names_in_order(claim, items[analysis.order[0]].text):
            return False
        probs = probabilities(self.params, worded[None, :])[0]
        return (decide(probs, self.params.support_threshold, self.params.contradict_threshold) == "SUPPORTED"
                and not only_some(analysis.absolute, analysis.order, items) and not _unstated(claim, analysis, items))


_COMPARES = re.compile(r"\b(?:than|outperform\w*|underperform\w*|surpass\w*|beats?|versus|vs\.?|compared (?:with|to)"
                       r"|relative to)\b", re.IGNORECASE)


def _names_in_order(claim: str, sentence: str) -> bool:
    """The claim's names that the sentence holds come in the sentence's order: counted words cannot tell 'A
    does X while B does Y' from the same sentence with A and B exchanged, the order of the names can."""
    low, lowered = sentence.lower(), claim.lower()
    at = [low.find(t) for t in sorted(named_terms(claim), key=lowered.find) if t in low]
    return at == sorted(at)


def _unstated(claim: str, analysis: Analysis, items: list[EvidenceSentence]) -> str:
    """Why a claim the combiner supports says more than the evidence: a number stated nowhere in it, an effect on
    something it never names (`unstated.py`), a comparison no sentence makes, or a hope stated as done; '' if none."""
    if analysis.features[NUM_UNMATCHED] > 0:
        return "the claim states a number the evidence never states"
    moved = unmentioned_effects(claim, " ".join(x.text for x in items))
    if moved:
        return f"the claim says {moved[0]!r} changes, which the evidence never mentions"
    compared = comparison_unstated(claim, " ".join(x.text for x in items))  # `compared.py`
    if compared:
        return f"the claim ranks {compared}, which no evidence sentence compares"
    hoped = aspiration_restated(claim, items[analysis.order[0]].text) if analysis.order else ""  # `aspired.py`
    return f"the claim states as done what its best sentence only hopes or expects ({hoped!r})" if hoped else ""


def _anchored(claim: str, analysis: Analysis, items: list[EvidenceSentence]) -> str:
    """The best-aligned asserted sentence that holds all the claim's anchors in order (`anchors.py`), or ''."""
    i = analysis.order[0] if analysis.order else -1
    if i < 0 or not asserts_own(items[i].text):
        return ""
    resolved = analysis.resolved[i] if len(analysis.resolved) > i else items[i].text
    # as written, or with 'our method' named and abbreviations spelled one way (`ownname.py`)
    found = anchored_in(claim, items[i].text, named_terms) or (
        resolved != items[i].text and anchored_in(analysis.resolved_claim or claim, resolved, named_terms)) or (
        # in another order, when each value keeps the words the sentence binds to it (`bound.py`)
        values_keep_their_words(claim, items[i].text)
        and anchored_in(analysis.resolved_claim or claim, resolved, named_terms, ordered=False))
    return f"sentence {items[i].index} of {items[i].key}" if found else ""


def only_questions(claim: str, analysis: Analysis, items: list[EvidenceSentence]) -> bool:
    """Every sentence read as conflicting with the (asserted) claim asks instead of asserting."""
    found = analysis.contradiction_sentences
    if _NOT_ASSERTED.search(claim) or is_aim(claim):
        return False  # a question (or aim) set against a question: a near-copy with an edit, read as such
    # nor does a report of others' view assert anything of the paper's ('Recent studies reveal that ...'), nor an
    # aim ('OBJECTIVE To examine whether X is associated with Y') or a hypothesis ('If such an association exists,
    # users might be at lower risk'): each names what the claim denies without stating it
    return bool(found) and all(not asserts_own(items[k].text)
                               or is_aim(items[k].text) or _HYPOTHESIS.match(items[k].text) for k in found)


_HYPOTHESIS = re.compile(r"\s*(?:If|Should|Assuming)\b[^.,]*,[^.]*\b(?:might|may|could|would)\b", re.IGNORECASE)


def _summary(analysis: Analysis, probs: np.ndarray) -> str:
    f = dict(zip(FEATURE_NAMES, analysis.features.tolist(), strict=True))
    return (
        f"best sentence: cosine {f['dense_max']:.2f}, claim coverage {f['lex_top1']:.2f} "
        f"(abstracts {f['lex_all']:.2f}); P(supported/contradicted/unsupported) = "
        + "/".join(f"{p:.2f}" for p in probs)
    )


def _pick_evidence(analysis: Analysis, items: list[EvidenceSentence], label: str) -> list[EvidenceSentence]:
    """The best-aligned sentence, a close runner-up, and for contradictions the sentences that conflict."""
    if not analysis.order:
        return []
    best = analysis.alignment[analysis.order[0]]
    chosen = [i for i in analysis.order[:2] if analysis.alignment[i] >= best - 0.1]
    if label == "CONTRADICTED":
        chosen = list(dict.fromkeys([*analysis.contradiction_sentences, *chosen]))
    return [items[i] for i in chosen[:MAX_EVIDENCE]]
