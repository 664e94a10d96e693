"""The claim passes over what the paper does: 'P rather than R' where the abstract does R and never P.

A reviewer who misreads a method often writes it as a choice: 'relies on external human annotations rather than
internal model signals', 'was generated automatically rather than curated by hand', 'uses offline PPO rather than
iterative online DPO'. The claim then names the paper's own choice as the one not taken. When the best-aligned
sentence states the passed-over side R plainly (not denied, not as another's practice, not itself a contrast) and
the abstract nowhere states the chosen side P, the claim and the abstract cannot both hold. A faithful 'P rather
than R' names P, which the abstract states somewhere, so it is left alone; so is a sentence that sets R against
something else ('unlike', 'rather than', 'instead of', 'than'), which is how abstracts speak of the practice they
replace (`exchanged.preference_exchanged` reads two 'rather than' sentences against each other).

`stated_otherwise` reads it on the two best-aligned asserted sentences, beside the exclusive reading for a claim the
combiner found no support for: 'analyse only the correct options' against 'analyses for both correct and
incorrect options' is an error of the claim, not the evidence's silence, whichever of the two sentences says it.
"""

from __future__ import annotations

import re

from reviewer.checker.exchanged import _BREAK, _RATHER
from reviewer.checker.exclusive import exclusive_overreach
from reviewer.checker.features import Analysis, content_stems
from reviewer.checker.flips import asserts_own
from reviewer.checker.negation import _free_stems, negated_scopes
from reviewer.models import EvidenceSentence

# a sentence that sets R against another thing, or speaks of others' or the usual practice, does not say the paper does R
_CONTRAST = re.compile(r"\b(?:rather than|instead of|unlike|than|versus|vs\.?|compared (?:with|to)|previous|prior|"
                       r"existing|conventional|traditional|typically|usually|often|commonly|standard)\b", re.IGNORECASE)
# words that read a side by hand or by machine: 'manually curate' states 'by hand'
_ALIKE = {"manual": ("hand",), "hand": ("manual",), "automat": ("machin",), "machin": ("automat",)}


def _stems(text: str) -> set[str]:
    out = set(content_stems(text))
    return out | {a for s in out for a in _ALIKE.get(s, ())}


# one shared word (a method's name, 'accumulate') is how a sentence names a thing in passing; the practice the claim
# passes over is read as the paper's own only when the sentence states at least two of its words
_MIN_STATED = 2
_TAIL = 3  # the chosen side's last content words: its choice, after the subject both readings share


def _choice(claim: str) -> tuple[list[str], set[str]] | None:
    """(the chosen side's content stems in order, the passed-over side's) of the claim's first 'P rather than R'
    ('instead of' alike; not 'Rather than R, P', whose P is a whole clause)."""
    m = _RATHER.search(claim)
    if m is None or not claim[: m.start()].strip(" ,"):
        return None
    done = next((x for x in reversed(_BREAK.split(claim[: m.start()])) if x and x.strip()), "")
    passed = set(content_stems(_BREAK.split(claim[m.end() :])[0]))
    chosen = [s for s in content_stems(done) if s not in passed]
    return (chosen, passed - set(chosen)) if chosen and passed - set(chosen) else None


def passed_over_done(claim: str, sentence: str, abstract: str) -> str:
    """The side the claim passes over that `sentence` states as done while the abstract never states the claim's
    choice, or ''."""
    sides = _choice(claim)
    if sides is None or _CONTRAST.search(sentence):
        return ""
    chosen, passed = sides
    s_stems = _stems(sentence)
    denied = {x for sc in negated_scopes(sentence) for x in sc} | _free_stems(sentence)
    stated = (passed & s_stems) - denied
    if len(stated) < max(_MIN_STATED, (len(passed) + 1) // 2):
        return ""
    tail = set(chosen[-_TAIL:])
    if 2 * len(tail & _stems(abstract)) >= len(tail):
        return ""  # the abstract names the claim's choice: not a plain misreading
    return " ".join(sorted(stated))


def stated_otherwise(claim: str, analysis: Analysis, items: list[EvidenceSentence], label: str) -> str:
    """Why one of the two best-aligned asserted sentences states otherwise than a claim not yet called CONTRADICTED,
    or '': the claim passes over what the sentence says the paper does, or (for a claim the combiner found no
    support for) restricts to one thing what the sentence states among others (`exclusive.py`, which
    `judged.judged_otherwise` reads on the best sentence of a SUPPORTED claim only)."""
    abstract = " ".join(x.text for x in items)
    for i in analysis.order[:2]:
        text, where = items[i].text, f"sentence {items[i].index} of {items[i].key}"
        if not asserts_own(text):
            continue
        if stated := passed_over_done(claim, text, abstract):
            return f"rule: the claim passes over {stated!r}, which {where} states the paper does, for a choice " \
                   "the abstract never names"
        # a restriction word with nothing after it ('trained with the success reward only') restricts what comes
        # before it, which the exclusive reading does not parse: it is read only with a scope after it
        if label == "UNSUPPORTED" and (only := exclusive_overreach(claim, text)) and len(only.split()) > 1:
            return f"rule: the claim restricts ({only!r}) what {where} states among other things"
    return ""
