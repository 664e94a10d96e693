"""What a claim adds beyond its evidence: a benchmark or baseline the abstract never names, a certainty it
never asserts.

Both make a claim UNSUPPORTED even when the rest of it restates the abstract: "X reaches the best score on
RewardBench" when the abstract reports another benchmark, or "the results prove X" when the abstract only
says they suggest or indicate it. The named thing must sit where claims name what was measured or compared
('on B', 'than B', 'against B'), so a name merely written another way (an abbreviation of a phrase, a
cell type) does not count; the certainty word must occur nowhere in the evidence.
"""

from __future__ import annotations

import re

from reviewer.checker.certainty_scope import asserted_near

# 'on GPQA Diamond', 'than HaluEval', 'against KTO': where a claim names what it was measured on or against
_TARGET = re.compile(r"\b(?:on|against|than|versus|vs\.?|across|over|like)\s+([A-Za-z][\w.\-]*)")
# asserted certainty or completeness; 'all' is left out ('we release all code' is no overstatement)
_ABSOLUTE = re.compile(
    r"\b(?:guarantee[sd]?|guaranteeing|prove[sn]?|proving|always|certainly|definitely|invariably|definitive(?:ly)?|"
    r"undoubtedly|conclusively|completely|entirely|altogether|universally|eliminat(?:e[sd]?|ing)|every)\b",
    re.IGNORECASE,
)


def unmentioned_targets(claim: str, missing_terms: list[str]) -> list[str]:
    """Named terms the evidence lacks that the claim gives as what was measured on or compared against."""
    missing = set(missing_terms)
    return [t for t in (w.lower().rstrip(".") for w in _TARGET.findall(claim)) if t in missing]


# The evidence asserts the strong reading in other words: 'outperforms all baselines' for 'beats every
# baseline', 'fully' for 'completely', 'consistently' for 'always', 'provably' for 'proves'.
_STRONG_READING = {
    "every": r"\b(?:all|every|each)\b",
    "always": r"\b(?:always|consistently|invariably|in all cases)\b",
    "completely": r"\b(?:complete(?:ly)?|entire(?:ly)?|full(?:y)?|total(?:ly)?)\b",
    "entirely": r"\b(?:complete(?:ly)?|entire(?:ly)?|full(?:y)?|total(?:ly)?)\b",
    "prove": r"\b(?:prov(?:e[sdn]?|ing|ably)|proofs?|theorems?|theoretically\s*,?\s*(?:we\s+)?(?:show|demonstrate|establish))\b",
    "guarantee": r"\b(?:guarantee[sd]?|guaranteeing|provably)\b",
    "eliminate": r"\b(?:eliminat\w*|remov(?:e[sd]?|ing)\s+(?:all|every)|no longer)\b",
    "altogether": r"\b(?:altogether|complete(?:ly)?|entire(?:ly)?|full(?:y)?|total(?:ly)?|eliminat\w*)\b",
    "universally": r"\b(?:universal(?:ly)?|all|every|always|consistently)\b",
}


def _strong_key(word: str) -> str:
    for key in _STRONG_READING:
        if word.startswith(key[:5]):
            return key
    return word


# 'proves more effective', 'proved to be robust', 'proves highly useful': 'turns out', a copula, not a proof
_COPULA = re.compile(r"\s+(?:to\s+be\b|more\b|less\b|(?:highly|very|quite|particularly|especially|remarkably|"
                     r"surprisingly|consistently)\s+\w+|(?:effective|useful|successful|beneficial|valuable|helpful|"
                     r"robust|superior|inferior|competitive|efficient|crucial|essential|difficult|challenging)\b)",
                     re.IGNORECASE)


def absolute_added(claim: str, evidence_text: str) -> list[str]:
    """Certainty words of the claim ('proves', 'always', 'completely') whose strong reading no evidence
    sentence asserts, in these words or in equivalent ones ('all' for 'every', 'fully' for 'completely')."""
    # asserted only in a sentence that shares a word the claim puts beside it (`certainty_scope.py`)
    words = {m.group().lower() for m in _ABSOLUTE.finditer(claim) if not _COPULA.match(claim, m.end())}
    return sorted(w for w in words
                  if not asserted_near(claim, w, _STRONG_READING.get(_strong_key(w)), evidence_text, _ABSOLUTE))
