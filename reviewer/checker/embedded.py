"""A value the evidence writes inside a name, restated as a quantity: 'SynPref-40M' as '40-million-pair',
'Llama3.1-8B' as 'the 8-billion-parameter Llama3.1'.

The number reader skips digits glued into identifiers (GPT-4 is no count of 4), so a claim that spells such a
size out states a number the evidence seemingly never states, and a faithful paraphrase is called UNSUPPORTED.
Here a claim number with a scale (million, billion, thousand, or M/B/K) counts as stated when the evidence
has the same digits with the same scale letter at the end of a hyphenated name.
"""

from __future__ import annotations

import re

_SCALE_WORD = {"thousand": "k", "million": "m", "billion": "b", "trillion": "t", "k": "k", "m": "m", "b": "b", "t": "t"}


def _claim_scale(claim: str, raw: str) -> str:
    """The scale letter the claim gives the number written `raw` ('40-million-pair' -> 'm'), or ''."""
    digits = re.escape(raw.rstrip("KMBTk").strip())
    m = re.search(rf"(?<![\w.]){digits}[\s-]?(thousand|million|billion|trillion|[KMBT]\b|k\b)", claim)
    return _SCALE_WORD[m.group(1).lower()] if m else ""


def stated_in_a_name(claim: str, raw: str, evidence: str) -> bool:
    """The claim's number `raw` (with its scale) is the size a name of the evidence carries ('SynPref-40M')."""
    scale = _claim_scale(claim, raw)
    if not scale:
        return False
    digits = raw.rstrip("KMBTk").strip()
    return any(m.group(1).lower() == scale for m in
               re.finditer(rf"(?<=[A-Za-z0-9.]-){re.escape(digits)}([KMBTk])\b", evidence))
