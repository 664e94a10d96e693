"""A practice the abstract faults, endorsed by the claim as the paper's finding.

Why: abstracts open by reporting what others do and then fault it ('These methods generally suffer from
assuming a universal preference', 'existing methodologies treat all tokens equally, disregarding ...').
A claim that restates the practice with a verdict of adequacy ('... is an adequate basis', '... is the right
way', '... transfers well', '... is necessary') says the opposite of what the paper says of it. The words
that carry the two verdicts are closed classes of English (adequacy predicates; verbs and nouns of fault),
not phrases from any one abstract; the practice itself is matched by the claim's own subject words.
"""

from __future__ import annotations

import re

from reviewer.checker.claimtext import ATTRIBUTION_FRAME as _ATTRIBUTION
from reviewer.checker.features import Analysis
from reviewer.models import EvidenceSentence
from reviewer.textutil import content_stems

_MIN_ALIGN = 0.35  # a sentence this close to the claim may carry the fault, among the three closest

# The claim's verdict of adequacy on its subject.
_ENDORSE = re.compile(
    r"\b(?:is|are|was|were|be|remains?)\s+(?:\w+ly\s+)?(?:the\s+(?:right|correct|proper|best|better)|"
    r"an?\s+(?:adequate|sufficient|good|reliable|suitable|sound|appropriate)|adequate|sufficient|enough|necessary|"
    r"essential|indispensable|well[- ]suited|suitable|appropriate|applicable)\b"
    r"|\b(?:captures?|covers?|accounts?\s+for)\s+all\b"
    r"|\b(?:transfers?|generali[sz]es?|works?|adapts?)\s+(?:[\w\-]+\s+){0,4}?well\b",
    re.IGNORECASE,
)
# The evidence's verdict of fault on the practice it reports.
_FAULT = re.compile(
    r"\b(?:suffer\w*|disregard\w*|neglect\w*|overlook\w*|ignor(?:e|es|ed|ing)|inapplicable|unsuitable|inadequate\w*|"
    r"insufficient\w*|overfit\w*|rigidity|brittle\w*|compromis\w*|hinder\w*|diminish\w*|restrict\w*|oversight|"
    r"shortcomings?|drawbacks?|regrettabl\w*|flaw\w*|(?:fail|fails|failed|failing)\s+to|unable\s+to|"
    r"challeng\w*\s+the\s+(?:\w+\s+)?necessity|wash\w*\s+away|lacks?\s+the)\b",
    re.IGNORECASE,
)
_BACK_REFERENCE = re.compile(r"^(?:however,?\s+)?(?:this|these|such|those)\b", re.IGNORECASE)


def endorsed_subject(claim: str) -> list[str]:
    """Content stems of what the claim calls adequate ('assuming a universal preference'), or [] when it
    passes no verdict of adequacy."""
    body = _ATTRIBUTION.sub("", claim.strip())
    m = _ENDORSE.search(body)
    if not m:
        return []
    return content_stems(body[: m.start()])


def faulted_endorsement(claim: str, sentences: list[str], candidates: list[int]) -> int:
    """Index of a candidate sentence that faults the practice the claim endorses, or -1.

    The practice is the claim's subject; the sentence (read with the one before it when it refers back,
    'However, this training paradigm may lead to overfitting') must hold most of its words."""
    subject = endorsed_subject(claim)
    if len(subject) < 2:
        return -1
    for k in candidates:
        text = sentences[k]
        if not _FAULT.search(text):
            continue
        scope = set(content_stems(text))
        if k > 0 and _BACK_REFERENCE.match(text.strip()):
            scope |= set(content_stems(sentences[k - 1]))
        if sum(w in scope for w in subject) / len(subject) >= 0.6:
            return k
    return -1


def faulted_in(claim: str, analysis: Analysis, items: list[EvidenceSentence]) -> int:
    """Index (into items) of a well-aligned sentence of the best paper that faults the practice the claim calls
    adequate, or -1."""
    if not analysis.order:
        return -1
    paper = items[analysis.order[0]].paper_id
    same = [k for k, x in enumerate(items) if x.paper_id == paper]
    near = [same.index(k) for k in analysis.order[:3] if k in same and analysis.alignment[k] >= _MIN_ALIGN]
    found = faulted_endorsement(claim, [items[k].text for k in same], near)
    return same[found] if found >= 0 else -1
