"""Comparisons whose loser opens the clause: 'Compared with B, A improves X', 'Unlike B, A is more robust'.

Split from `families.py` (whose `comparison_sides` reads them with the verb and 'than' comparisons). A claim that
restates such a sentence with the sides exchanged ('B proved more robust than A') is a reversed comparison only
if the sentence's own order is read, and a paraphrase often fronts the loser instead of writing 'than'.
"""

from __future__ import annotations

import re

from reviewer.checker.effects import valence
from reviewer.textutil import content_stems

MARKER_POLARITY = re.compile(r"\b(?P<up>improv\w*|gains?|better|higher|outperform\w*|boost\w*|superior|advantages?|"
                             r"surpass\w*|prefer\w*|favou?r\w*|aligned|prioriti[sz]\w*)\b|\b(?P<down>inferior|worse|"
                             r"lower|drops?|degrad\w*|lags?|hurts?)\b", re.IGNORECASE)
# 'Compared with B, A accelerates ...' / 'Unlike B, A is more robust ...': the marker and its loser open the
# clause, the winner follows the comma.
_FRONTED = re.compile(r"(?:^|[;:]\s+|\.\s+)(?:compared (?:to|with)|relative to|in comparison (?:to|with)|"
                      r"(?P<unlike>unlike|in contrast to|as opposed to))\s+"
                      r"(?P<loser>[^,;.]{2,80}),\s*(?P<rest>[^;]+)", re.IGNORECASE)
_FRONT_UP = re.compile(r"\b(?:accelerat\w*|speeds? up|faster)\b", re.IGNORECASE)
# after 'Unlike B, A ...' only an explicit comparative ranks A over B ('is more robust towards errors'); a
# different property ('A requires no labels') is a contrast, not a ranking
_WORTH = r"(?:robust|accurate|effective|efficient|reliable|stable|faithful|consistent|capable)"
_UNLIKE_CUE = re.compile(rf"\b(?:(?P<up>more {_WORTH}|better|superior|outperform\w*|surpass\w*)|"
                         rf"(?P<down>less {_WORTH}|worse|inferior|underperform\w*))\b", re.IGNORECASE)
_AMOUNT_CUE = re.compile(r"higher|lower|drops?", re.IGNORECASE)  # 'gains' and 'boosts' are good news anyway


def marker_polarity(cue: re.Match[str], head: str) -> int:
    """+1 / -1 for a cue before 'compared to / over'; an amount cue counts only when the worth of what it
    counts is known ('accuracy gain' +1, 'error drop' +1, 'length drop' unknown: 0)."""
    pol = 1 if cue.group("up") else -1
    if _AMOUNT_CUE.fullmatch(cue.group(0)):
        near = head[max(0, cue.start() - 30) : cue.end() + 30]
        pol *= valence(frozenset(content_stems(_AMOUNT_CUE.sub(" ", near))))
    return pol


def side(text: str) -> set[str]:
    return set(content_stems(text))


def fronted_pairs(text: str) -> list[tuple[set[str], set[str]]]:
    """'Compared with B, A improves / accelerates X': (A, B); a cue of loss after A ('A lags') gives (B, A).
    'Unlike B, A ... is more robust': (A, B), read only with an explicit comparative."""
    out = []
    for m in _FRONTED.finditer(text):
        rest = m.group("rest")
        if m.group("unlike"):
            cues = [(c.start(), 1 if c.group("up") else -1) for c in _UNLIKE_CUE.finditer(rest)]
        else:
            cues = [(c.start(), marker_polarity(c, rest)) for c in MARKER_POLARITY.finditer(rest)]
            cues += [(c.start(), 1) for c in _FRONT_UP.finditer(rest)]
        cues = [c for c in cues if c[1]]
        if not cues:
            continue
        at, pol = min(cues)
        head = rest[:at] if not m.group("unlike") else re.split(r",|\band\b", rest[:at])[0]  # A, not its asides
        winner, loser = side(head), side(m.group("loser"))
        winner, loser = winner - loser, loser - winner
        if winner and loser:
            out.append((winner, loser) if pol > 0 else (loser, winner))
    return out
