"""A finding the evidence states broadly, narrowed by the claim to a few cases: a quantifier change.

'VAT consistently empowers different models' against 'VAT helps only the GPT-4o baseline'; 'this weakness is
widespread across LLMs, datasets, and prompt formats' against 'confined to a few models and prompt formats';
'risk scores ... are widely miscalibrated' against 'only a few of the LLMs produce miscalibrated risk scores'.
The claim restricts the scope ('only a few', 'only the smallest', 'helps only', 'none of the other', 'confined to
a few'); the sentence asserts breadth ('widespread', 'widely', 'broad', 'consistently', 'across different /
diverse / all ...') about the same things (two content words of the claim besides the quantifier). A sentence
that restricts the scope too, negates its breadth word or only asks, decides nothing.
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems

_FEW = r"a\s+(?:few(?!\s+(?:thousand|hundred|million|dozen))|handful|small\s+number|minority)"  # not 'a few thousand'
_NARROW = re.compile(
    rf"\bonly\s+(?:(?:in|on|for)\s+)?(?:{_FEW}|some|one\s+of|(?:the\s+)?(?:\w+est|largest|smallest))\b|"
    r"\b(?:helps?|helped|works?|worked|benefits?|benefited|improves?|improved|holds?|held|applies|applied)\s+only\b|"
    r"\bnone\s+of\s+the\b|\bno\s+other\b|\b(?:confined|limited|restricted)\s+to\s+(?:a\s+(?:few|handful|small)|some|"
    r"one)\b", re.IGNORECASE)
_BROAD = re.compile(
    r"\b(?:widespread|pervasive|ubiquitous|widely|broad|broadly|consistently|universally|across\s+(?:all|different|"
    r"diverse|various|multiple|many|a\s+(?:wide\s+|broad\s+)?(?:range|variety|spectrum)\s+of)|for\s+(?:any|every|all))\b",
    re.IGNORECASE)
_DENIED = re.compile(r"\b(?:not|no|never|rarely|hardly|nor)\s+(?:\w+\s+)?$", re.IGNORECASE)
_QUANT = frozenset(content_stems("only few handful small number minority some one none other confined limited "
                                 "restricted helps help works benefits improves holds applies"))
_MIN_SHARED = 2


def scope_narrowed(claim: str, sentence: str) -> str:
    """The claim's narrowing phrase when the sentence states the same finding broadly, else ''."""
    narrow = _NARROW.search(claim)
    if not narrow or _NARROW.search(sentence):
        return ""
    shared = (set(content_stems(claim)) - _QUANT) & set(content_stems(sentence))
    for broad in _BROAD.finditer(sentence):
        if _DENIED.search(sentence[max(0, broad.start() - 20) : broad.start()]):
            continue  # 'not consistently'
        if len(shared) >= _MIN_SHARED:
            return narrow.group(0)
    # a generic plural states the finding of the kind: 'AlignDiff can accurately match user-customized behaviors'
    # against 'matches only a few user-customized behaviors'
    few = _FEW_OF.search(claim)
    if few and len(shared) >= _MIN_SHARED + 1 and _bare_plural(few.group("noun"), sentence):
        return narrow.group(0)
    return ""


_FEW_OF = re.compile(rf"\bonly\s+(?:{_FEW}|some)\s+(?:of\s+the\s+)?(?P<noun>(?:[\w-]+\s+){{0,2}}[\w-]+s)\b", re.IGNORECASE)
_COUNTED = re.compile(r"\b(?:a|an|one|two|three|few|several|some|certain|many|most|specific|particular|\d[\d,.]*)\s+"
                      r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _bare_plural(noun: str, sentence: str) -> bool:
    """The sentence names the claim's plural noun phrase with no count or quantifier before it."""
    m = re.search(rf"\b{re.escape(noun)}\b", sentence, re.IGNORECASE)
    return bool(m) and not _COUNTED.search(sentence[max(0, m.start() - 40) : m.start()])
