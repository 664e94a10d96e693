"""Comparisons whose loser opens the clause: 'Compared with B, A improves X', 'Unlike B, A is more robust'.

Split from `families.py` (whose `comparison_sides` reads them with the verb and 'than' comparisons). A claim that
restates such a sentence with the sides exchanged ('B proved more robust than A') is a reversed comparison only
if the sentence's own order is read, and a paraphrase often fronts the loser instead of writing 'than'.
Also here (c28): what a side is (`side`: no manner adverbs, 'our method' as 'our'; `one_spelling` for names with
digits), a clause's subject past its opening setting (`past_setting`), and 'the superiority of A over B'.
"""

from __future__ import annotations

import re

from reviewer.checker.effects import valence
from reviewer.checker.wording import compact_name
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


# A manner adverb says how, not who: 'the baselines consistently beat A' and 'our method consistently outperforms
# the baselines' must not share a side through 'consistently'.
_MANNER = re.compile(r"\b\w{2,}(?:ally|ently|antly|ively|ously|ably|ibly|edly|ingly|fully|ately)\b|\b(?:greatly|"
                     r"strongly|clearly|slightly|largely|highly|mostly|nearly|markedly|vastly|notably)\b", re.IGNORECASE)
# A clause opened by a setting ('In experiments on A, B and C, our method ...') names its subject after the setting's
# last comma; what follows such a comma is the subject only if it does not open another phrase ('..., despite ...').
_OPENER = re.compile(r"\s*(?:in|on|across|with|under|for|at|through|from|after|among|within|using|during|given)\b",
                     re.IGNORECASE)
_NOT_SUBJECT = re.compile(r"\s*(?:[^A-Za-z\s]|(?:despite|while|and|or|but|which|who|where|when|although|though|as|"
                          r"with|in|on|for|by|to|from|at|after|before|since|because|including|such|e\.g|i\.e)\b)",
                          re.IGNORECASE)
# 'the superiority of A over B', 'an advantage of A over B': a noun ranks A over B
_NOUN_RANK = re.compile(r"\b(?:superiority|advantages?|edge) of (?P<winner>[^,;.()]{2,80}?) over "
                        r"(?P<loser>[^,;.()]{2,120})", re.IGNORECASE)
_NOUN_LOSER_STOP = re.compile(r"\s(?:on|in|across|for|by|with|at|from|under|when|while|which|thanks)\s", re.IGNORECASE)


_OWN = re.compile(r"\bour\b", re.IGNORECASE)


def side(text: str) -> set[str]:
    """The stems naming one side; 'our method' (stopwords only) is the paper's own side, 'our'."""
    return set(content_stems(_MANNER.sub(" ", text))) | ({"our"} if _OWN.search(text) else set())


def one_spelling(stems: set[str]) -> set[str]:
    """A name with digits without its punctuation, so 'GPT3-5' and 'GPT-3.5' are one side."""
    return {compact_name(t) if any(ch.isdigit() for ch in t) else t for t in stems}


def past_setting(text: str) -> str:
    """The clause without an opening setting ('In experiments on the 20 questions game, ..., '), so the sides of a
    comparison hold who compares, not where."""
    if not _OPENER.match(text):
        return text
    commas = [i for i, ch in enumerate(text) if ch == ","]
    for i in reversed(commas):
        rest = text[i + 1 :]
        if rest.strip() and not _NOT_SUBJECT.match(rest):
            return rest
    return text


def noun_ranked_pairs(text: str) -> list[tuple[set[str], set[str]]]:
    """(winner, loser) of 'the superiority / advantage of A over B'."""
    out = []
    for m in _NOUN_RANK.finditer(text):
        winner, loser = side(m.group("winner")), side(_NOUN_LOSER_STOP.split(m.group("loser"), maxsplit=1)[0])
        winner, loser = winner - loser, loser - winner
        if winner and loser:
            out.append((winner, loser))
    return out


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
