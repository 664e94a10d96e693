"""A comparison the abstract never makes: 'A is better than B' where no sentence sets A against B.

An abstract that compares two things ('the first head-to-head comparison of X and Y', 'testing X in one setting
and Y in another') or names both in passing shares most of its words with a claim that declares a winner, so the
combiner supports 'X hallucinates less often than Y'. Such a claim is not supported when the sentences that
hold both the loser's and the winner's words have no word that ranks or moves something ('than', 'outperforms',
'better', 'higher', 'improves').
Read only for claims the combiner would call SUPPORTED (`offline._unstated`).
"""

from __future__ import annotations

import re

from reviewer.textutil import STOPWORDS, content_stems, split_sentences, words

_NUMBERED = r"(?:[^,;.]|\.(?=\d))+"  # up to a clause break, keeping 'SDXL-1.0' whole
_CLAIM = re.compile(
    r"^(?P<win>.*?)\b(?:(?:\w+er|more|less|fewer|better|worse)\b(?:\s[\w\-]+){0,3}?\s+than\s+(?P<lose>" + _NUMBERED
    + r")|(?:outperform\w*|surpass\w*|beats?|exceed\w*|(?:is|are) superior to|underperform\w*|(?:is|are) inferior to"
    r"|lags? behind)\s+(?P<lose2>" + _NUMBERED + "))", re.IGNORECASE)
_WINNER_START = re.compile(r"\b(?:that|whereas|while|but|however)\b", re.IGNORECASE)
_LOSER_END = re.compile(r"\s(?:by|on|in|across|at|when|if|while|for|under|with|after|during)\s", re.IGNORECASE)
# words that rank two things or move one of them
_RANKS = re.compile(r"\b(?:than|outperform\w*|surpass\w*|beat\w*|exceed\w*|superior|inferior|better|worse|"
                    r"underperform\w*|lag\w*|trail\w*|outpac\w*|advantage\w*|more|less|fewer|higher|lower|improv\w*|"
                    r"gain\w*|reduc\w*|faster|slower|best|worst|strong\w*|weak\w*|prefer\w*|over)\b", re.IGNORECASE)


def _stems(text: str) -> set[str]:
    """Content stems, hyphenated words also in parts, and acronyms ('SFT') lower-cased."""
    acronyms = {w.lower() for w in words(text) if len(w) >= 2 and w.isupper()}
    return set(content_stems(text)) | set(content_stems(text.replace("-", " "))) | acronyms


def claimed_sides(claim: str) -> tuple[set[str], set[str]] | None:
    """(winner stems, loser stems) of the claim's first 'A ...-er than B' / 'A outperforms B', or None."""
    m = _CLAIM.search(re.sub(r"\brather than\b", " ", claim, flags=re.IGNORECASE))
    if not m:
        return None
    winner = _WINNER_START.split(m.group("win"))[-1]
    loser = _LOSER_END.split(m.group("lose") or m.group("lose2") or "")[0]
    w, lo = set(content_stems(winner)), set(content_stems(loser))
    w, lo = w - lo, lo - w
    # a side also goes by its initials ('SFT' for 'supervised fine-tuning'), as abstracts write it
    return (w | _initials(winner), lo | _initials(loser)) if w and lo else None


def _initials(phrase: str) -> set[str]:
    parts = [p for w in phrase.split() if w.lower() not in STOPWORDS for p in w.split("-") if p[:1].isalpha()]
    return {"".join(p[0] for p in parts).lower()} if len(parts) >= 2 else set()


def comparison_unstated(claim: str, evidence_text: str) -> str:
    """The claim's comparison when no evidence sentence sets its two sides against each other, else ''."""
    sides = claimed_sides(claim)
    if sides is None:
        return ""
    winner, loser = sides
    sentences = split_sentences(evidence_text) or [evidence_text]
    together = [s for s in sentences if (have := _stems(s)) & loser and have & winner]
    # the abstract names the two together but never ranks them; a loser it never names beside the winner may be
    # what it calls 'the control group' or 'unspecific exercises', which these words cannot tell
    if not together or any(_RANKS.search(s) for s in together):
        return ""
    return " / ".join(sorted(winner)[:2]) + " vs " + " / ".join(sorted(loser)[:2])
