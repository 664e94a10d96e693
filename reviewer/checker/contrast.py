"""Two holders set against each other in one sentence, and a claim that gives one the other's side.

'the thinking phase exhibits higher entropy ..., while the final answer phase shows lower entropy' against
'the final answer phase shows higher entropy than the thinking phase'; 'smaller models can benefit from most
structured thinking patterns, while larger models ... would degrade performance' against 'larger models gain
more from structured thinking patterns than smaller models do'. The sentence holds both polar words, so the
stance readers, which need the claim's side absent from the sentence, decide nothing. Here each side of the
contrast has its holder (the content words before its polar word in its clause); the claim's polar word
belongs to the side whose holder its own holder names (by the words the two holders do not share), and it
reverses the sentence when it takes the other side's sign.
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems

# Polar words by family: (up, down). A family is one scale; 'more' and 'less' read the scale they qualify.
_FAMILIES: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(a.split()), frozenset(b.split())) for a, b in (
        ("higher greater larger bigger more increase increases increased rises rise raises raised grows longer",
         "lower smaller less fewer decrease decreases decreased reduce reduces reduced drops drop declines shrinks "
         "shorter"),
        ("better benefit benefits benefited gain gains help helps helped improve improves improved enhance "
         "enhances stronger superior",
         "worse degrade degrades degraded hurt hurts harm harms impair impairs weaker inferior"),
        ("faster quicker", "slower"),
        ("stable stabler", "unstable"),
        ("easier", "harder"),
    )
)
_NEGATORS = frozenset("not no never cannot nor without".split())
# Where one side of a contrast ends and the other begins.
_CONTRAST = re.compile(r"\s*(?:;|,?\s*\b(?:while|whereas|but|however|in contrast|by contrast|conversely)\b,?)\s*",
                       re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z0-9][\w\-.]*[\w]|[A-Za-z0-9]")


def _polar(clause: str) -> list[tuple[int, int, set[str], set[str]]]:
    """(family, sign, holder stems, stems after it) for the first polar word of each family in a clause (read after its last
    colon: 'two findings: (1) smaller models ...'); a negator just before flips the sign."""
    toks = _WORD.findall(re.sub(r"\(\d\)", " ", clause.split(":")[-1]))
    low = [t.lower() for t in toks]
    out = []
    for i, w in enumerate(low):
        for k, (up, down) in enumerate(_FAMILIES):
            sign = 1 if w in up else -1 if w in down else 0
            if not sign or any(x[0] == k for x in out):
                continue
            if any((t in _NEGATORS or t.endswith("n't")) and low[j + 1 : j + 2] not in (["only"], ["just"], ["merely"])
                   for j, t in enumerate(low[:i]) if j >= i - 3):  # 'not only enhances' asserts it
                sign = -sign
            out.append((k, sign, set(content_stems(" ".join(toks[:i]))), set(content_stems(" ".join(toks[i + 1 :])))))
    return out


def _sides(sentence: str) -> list[tuple[int, int, set[str], int, set[str]]]:
    """Contrasts of the sentence: (family, sign of side A, words only A's holder has, sign of side B, words only
    B's holder has), the two sides in adjacent clauses, one polar word each of one family with opposite signs.
    A word of what either side says ('benefit from structured thinking') names no holder."""
    clauses = [c for c in _CONTRAST.split(sentence) if c.strip()]
    out = []
    for a, b in zip(clauses, clauses[1:], strict=False):
        pa, pb = _polar(a), _polar(b)
        for ka, sa, ha, oa in pa:
            for kb, sb, hb, ob in pb:
                only_a, only_b = ha - hb - oa - ob, hb - ha - oa - ob
                if ka == kb and sa != sb and only_a and only_b:
                    out.append((ka, sa, only_a, sb, only_b))
    return out


_FOIL = re.compile(r"^\s*(?:compared (?:with|to)|unlike|relative to|in contrast to|as opposed to|versus)\b[^,]*,",
                   re.IGNORECASE)


def _claim_sign(claim: str, family: int, holders: set[str]) -> int:
    """The sign of the claim's first polar word of `family` that is not a holder's own word ('larger models')."""
    toks = _WORD.findall(claim)
    low = [t.lower() for t in toks]
    up, down = _FAMILIES[family]
    for i, w in enumerate(low):
        sign = 1 if w in up else -1 if w in down else 0
        if not sign or set(content_stems(w)) & holders:
            continue
        if any((t in _NEGATORS or t.endswith("n't")) and low[j + 1 : j + 2] not in (["only"], ["just"], ["merely"])
               for j, t in enumerate(low[:i]) if j >= i - 3):
            sign = -sign
        return sign
    return 0


def contrast_reversed(claim: str, sentence: str) -> bool:
    """The claim names both holders of a contrast in the sentence and gives the one it names first (the one
    its comparison is about: 'A shows higher P than B', 'P is higher in A than in B') the other's sign."""
    sides = _sides(sentence)
    if not sides:
        return False
    stems = content_stems(_FOIL.sub(" ", claim))  # 'Compared with B, A shows ...' is about A
    for k, sa, only_a, sb, only_b in sides:
        pos_a = next((i for i, x in enumerate(stems) if x in only_a), -1)
        pos_b = next((i for i, x in enumerate(stems) if x in only_b), -1)
        if pos_a < 0 or pos_b < 0:
            continue  # the claim must name both holders, not state one side's property alone
        sign = _claim_sign(claim, k, only_a | only_b)
        if sign and sign != (sa if pos_a < pos_b else sb):
            return True
    return False
