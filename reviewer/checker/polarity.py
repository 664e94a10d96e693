"""Null finding versus effect: the commonest way a paraphrased claim contradicts its abstract.

Annotators and LLM writers rarely copy a sentence and insert "not"; they restate a finding in their
own words. When the abstract reports *no* association, effect or difference and the claim asserts one
("X reduces Y" vs "no association was detected between X and Y"), or the claim denies an effect the
abstract reports, the two cannot both hold, whatever the wording. `polarity_clash` compares a claim
with one evidence sentence; `features.compute_features` weights it by how well the sentence aligns.
"""

from __future__ import annotations

import re

_EFFECT_NOUN = (r"(?:association|effect|difference|benefit|change|impact|correlation|relationship|improvement|"
                r"reduction|increase|decrease|evidence|role|influence|link|advantage|risk|protection)s?")
_EFFECT_VERB = (r"(?:associated|affect\w*|alter\w*|chang\w*|improv\w*|reduc\w*|increas\w*|decreas\w*|"
                r"correlat\w*|related|differ\w*|influenc\w*|predict\w*|required|necessary|effective|"
                r"significant\w*|linked|caus\w*|lead|led|prevent\w*|protect\w*|inhibit\w*|promot\w*|enhanc\w*|"
                r"lower\w*|rais\w*|elevat\w*|induc\w*|modif\w*|impair\w*|benefit\w*)")
_NULL = re.compile(
    rf"\bno (?:\w+ ){{0,2}}{_EFFECT_NOUN}\b"
    rf"|\b(?:not|n't|never|nor|neither) (?:\w+ ){{0,2}}{_EFFECT_VERB}\b"
    r"|\bfail(?:s|ed)? to\b|\b(?:unchanged|ineffective|unaffected|unrelated|non-?significant)\b"
    r"|\bindependent of\b|\bdoes not\b|\bdo not\b(?!\s*(?:[.,;]|$))|\bdid not\b|\bhas no\b|\bhad no\b|\bhave no\b",
    re.IGNORECASE,
)
_EFFECT = re.compile(
    rf"\b{_EFFECT_VERB}\b|\b(?:higher|lower|greater|less|more|better|worse|increases?|decreases?|"
    r"raises?|reduces?|improves?|worsens?|drives?|causes?|protects?|prevents?|promotes?|inhibits?|"
    r"blocks?|triggers?|regulates?|mediates?|controls?|determines?|contributes?|indicators?|markers?|"
    r"predictors?|effective|efficacious)\b",
    re.IGNORECASE,
)

_ASIDE = re.compile(r"\([^()]*\)")


_ADDITIVE = re.compile(r"\bnot (?:only|just|merely|simply)\b", re.IGNORECASE)  # 'not only X but also Y' asserts X


def null_finding(text: str) -> bool:
    """The sentence reports the absence of an effect, association or difference (asides in brackets aside)."""
    return bool(_NULL.search(_ADDITIVE.sub(" ", _ASIDE.sub(" ", text))))


def asserts_effect(text: str) -> bool:
    """The sentence asserts an effect, association or difference (and does not deny it)."""
    return bool(_EFFECT.search(text)) and not null_finding(text)


def polarity_clash(claim: str, sentence: str) -> bool:
    """One side reports no effect where the other asserts one."""
    return (null_finding(sentence) and asserts_effect(claim)) or (null_finding(claim) and asserts_effect(sentence))
