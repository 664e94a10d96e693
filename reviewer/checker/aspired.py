"""A hope, an expectation or a promise of the abstract restated as a finding (c30).

Abstracts close with what the authors hope, expect or believe their work will do ('We hope this work could offer
research directions to narrow the gap ...', 'While we expect Thought Cloning to truly shine at scale ...', 'The
approach ... paves the way for more reliable digital assistants', 'We further show the potential of finetuning a
local LLM ...'). A claim that states that content as done ('the regularization closes the gap', 'the approach makes
digital assistants reliable') shares nearly every word with the sentence, so overlap calls it supported; the hedge
readers (`families.hedge_strengthened`) need a certainty word in the claim ('proves', 'always'), which such a claim
lacks. Read here: the claim's best sentence holds a marker of aspiration whose scope (from the marker to the end of
its clause) holds most of what the claim shares with the sentence, and the claim keeps no hedge or aspiration of its
own. A marker after the restated content ('..., as a starting place for future work') or in another clause
('While we expect X ..., here we conduct experiments ...' for a claim about the experiments) scopes nothing the
claim says.
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems

_MARKER = re.compile(
    r"\b(?:we (?:hope|expect|envision|anticipate|believe|hypothesi[sz]e|speculate|conjecture|plan)|"
    r"paves? the way|opens? (?:up )?(?:new )?(?:the door|avenues|possibilities|directions)|"
    r"(?:has|have|holds?|shows?|showed) (?:the |great |significant |strong )?potential|potential (?:use|applications?)|"
    r"future (?:work|research|studies)|in the future|could (?:potentially|help|be used|enable|serve)|"
    r"may (?:help|be used|enable|serve|offer|provide)|promising (?:direction|avenue)|(?:is|are) expected to|"
    r"would (?:likely|enable|allow|help))\b",
    re.IGNORECASE,
)
# the claim keeps the sentence's modality: it hopes, expects, hedges or aims as well
_OWN_HEDGE = re.compile(
    r"\b(?:hope[sd]?|expect\w*|envision\w*|anticipat\w*|believe[sd]?|hypothes\w*|speculat\w*|conjectur\w*|plan\w*|"
    r"pave[sd]?|paving|opens?|potential\w*|future|could|may|might|would|promis\w*|likely|possibl\w*|suggest\w*|"
    r"aim\w*|can)\b",
    re.IGNORECASE,
)
# where the marker's clause ends: a new clause with its own subject, or a contrast
_CLAUSE_END = re.compile(r";|,\s+(?:here |and |but |while |whereas |so |thus )?(?:we|our|it|this|they|these|those|here)\b"
                         r"|\b(?:while|whereas|but)\b", re.IGNORECASE)
MIN_SHARED = 3  # content stems the claim shares with the sentence: a restatement, not a passing mention
IN_SCOPE = 0.6  # share of them inside the marker's scope


def aspiration_restated(claim: str, sentence: str) -> str:
    """The sentence's marker of aspiration ('We hope', 'paves the way') when the claim states as done what the
    marker scopes over, keeping no hedge of its own; '' otherwise."""
    if _OWN_HEDGE.search(claim):
        return ""
    shared = set(content_stems(claim)) & set(content_stems(sentence))
    if len(shared) < MIN_SHARED:
        return ""
    for m in _MARKER.finditer(sentence):
        rest = sentence[m.end() :]
        end = _CLAUSE_END.search(rest)
        scope = set(content_stems(rest[: end.start()] if end else rest))
        if len(shared & scope) >= IN_SCOPE * len(shared):
            return m.group(0)
    return ""
