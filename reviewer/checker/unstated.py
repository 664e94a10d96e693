"""What a claim says changes, when the cited abstracts never name it.

A claim that something 'reduces inference latency' is only supported by evidence that speaks of latency:
however close the rest of the wording, an effect on a quantity the abstracts never mention is not a
finding they report. Likewise a specific number the abstracts never state ('more than 300 projects').
Both are read only for claims the combiner would call SUPPORTED (`offline.py`).
"""

from __future__ import annotations

from reviewer.checker.effects import effects, valence
from reviewer.textutil import content_stems


def _bare(stem: str) -> str:
    """'stabil' (stability) and 'stabl' (stable) as one stem: an -able adjective and its -ability noun."""
    return stem[:-3] + "bl" if stem.endswith("bil") else stem


def _known(stem: str, have: set[str]) -> bool:
    stem = _bare(stem)
    return any(stem == h or (min(len(stem), len(h)) >= 5 and (stem.startswith(h) or h.startswith(stem)))
               for h in map(_bare, have))


def unmentioned_effects(claim: str, evidence_text: str) -> list[str]:
    """Measured quantities the claim moves ('reduces inference latency': latency) of which no word occurs in
    the evidence. Only quantities the effect reader knows the worth of (accuracy, cost, latency, errors ...)
    count: the words after other direction words are too often not what moves ('less likely')."""
    # 'higher per-token costs' names the token cost a claim words as 'cost more per token'
    have = set(content_stems(evidence_text)) | set(content_stems(evidence_text.replace("-", " ")))
    out = []
    for kind, _, obj in effects(claim):
        if kind == "covary" or not obj or not valence(obj):
            continue
        if not any(_known(s, have) for s in obj):
            out.append(" ".join(sorted(obj)))
    return out
