"""Whether an infinitive of purpose read from an abstract sentence states what the paper is for (the table's Task).

An abstract says what a paper is for with a 'to V' attached to what it contributes ('we introduce X, a framework
designed to V'), to the authors' own aim ('we aim to V', 'in order to V, we ...') or to a thing they call theirs ('our
new benchmark ... designed to V'). The same infinitive elsewhere is the purpose of a step of the method ('we analyze
features from the routing model to identify ...'), of a tool the paper uses ('Using a linear probing approach to trace
...') or of others' systems ('In order for AI systems to communicate ...'), not the paper's task.
"""

from __future__ import annotations

import re

# The sentence's own contribution verb, also one coordinated after another ('we focus on X and propose ...').
_CONTRIBUTES = re.compile(r"\b(?:we|this (?:paper|work|study))\b[^.;]*?\b(?:propose|introduce|present|develop|design|"
                          r"release|construct|build|curate|describe)s?\b", re.IGNORECASE)
_OWN_AIM = re.compile(r"^(?:in order|so as)\s+to\b|^aim(?:s|ing)?\s+to\b", re.IGNORECASE)
_OWN_SUBJECT = re.compile(r"\b(?:we|this (?:paper|work|study))\b", re.IGNORECASE)


def contributed(sentence: str, purpose: re.Match[str], own_thing: re.Pattern[str]) -> bool:
    """True when the purpose matched in `sentence` follows the sentence's own contribution verb, is the authors' own
    aim or purpose clause (also one of a thing `own_thing` finds: 'our approach ..., aiming to V'), or is that of such a
    thing ('our new ... benchmark ... designed to V') with no clause between."""
    c = _CONTRIBUTES.search(sentence)
    if c and c.end() <= purpose.start():
        return True
    ours = own_thing.search(sentence)
    ours = ours if ours and ours.end() <= purpose.start() else None
    if ours and ", " not in sentence[ours.end():purpose.start()]:
        return True  # ('our new BullshitEval benchmark (2,400 scenarios ...) explicitly designed to evaluate ...')
    # ('our approach partitions rollout samples ..., aiming to enable ...': the aim of the authors' own thing)
    return bool(_OWN_AIM.match(purpose.group(0)) and (ours or _OWN_SUBJECT.search(sentence)))
