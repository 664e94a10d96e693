"""Evaluative polarity: a claim that praises what its evidence faults (or faults what it praises) contradicts it.

Readers restate a finding in their own words, and a reversed finding rarely keeps the abstract's predicate:
"most models struggle" becomes "most models verify reliably", "hinders fine-tuning due to cost" becomes "makes
fine-tuning cheaper", "to improve training efficiency" becomes "at the cost of training efficiency". The words
differ, but one side judges the shared thing well and the other badly. `valence` sums a general lexicon of
evaluative words (good: 'robust', 'reliable', 'improves'; bad: 'struggles', 'hinders', 'fragile'), each flipped
by a negator just before it ('not', 'fails to', 'rather than') and a bad word flipped again by a remedy verb
earlier in its phrase ('mitigates the risk of over-fitting' is good news). `valence_clash` compares each clause of the claim with the
clause of one evidence sentence that shares most content with it; it fires only when that clause holds at least
half the claim clause's content words (so both speak of the same thing) and the two signs differ. A clause
that compares is left to the comparison readers ('A is worse than B' judges A badly and says B outperforms A),
and words of direction ('drops', 'declines') are not judgements.
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems

_GOOD = re.compile(
    r"^(?:improv\w*|better|best|superior\w*|outperform\w*|surpass\w*|excel\w*|effective\w*|efficient\w*|robust\w*|"
    r"reliabl\w*|strong\w*|success\w*|succeed\w*|advantag\w*|benefit\w*|gain\w*|enhanc\w*|boost\w*|adept|capable|"
    r"accurate\w*|competitive|sound|sufficient\w*|adequate\w*|stable|stabl\w*|faithful\w*|easy|easier|easily|"
    r"cheap\w*|fast|faster|help\w*|generaliz\w*|generalis\w*|scalab\w*|interpretab\w*|transparen\w*|safer|valuable|"
    r"promising|remarkab\w*|impressive\w*|favou?r\w*|prefer\w*|simpler|consistent\w*|accelerat\w*|"
    r"facilitat\w*|strengthen\w*|suitable|preserv\w*|resilient)$",
    re.IGNORECASE,
)
_BAD = re.compile(
    r"^(?:struggl\w*|fail|fails|failed|failing|limited|limits|limiting|lack\w*|hinder\w*|poor\w*|worse|worst|"
    r"degrad\w*|deteriorat\w*|hurt\w*|sacrific\w*|cost|costly|difficult|difficulty|difficulties|challenging|"
    r"insufficien\w*|inadequat\w*|unable|cannot|collaps\w*|brittle|unstable|instabil\w*|unreliab\w*|fragile|"
    r"inefficien\w*|vulnerab\w*|weak\w*|underperform\w*|behind|lag\w*|suffer\w*|flawed|"
    r"problematic|expensive|slow\w*|inconsistent\w*|dislik\w*|overlook\w*|neglect\w*|plagu\w*|inaccura\w*|spurious|"
    r"unfaithful\w*|shallow|intractab\w*|impossib\w*|infeasib\w*|misalign\w*|decay\w*|erod\w*|undermin\w*|"
    r"impair\w*|harder|hamper\w*|restrict\w*|biased|overfit\w*|over-fit\w*|forget\w*)$",
    re.IGNORECASE,
)
_NEGATOR = re.compile(r"^(?:not|no|never|n't|without|hardly|nor|neither|rarely|barely|little)$", re.IGNORECASE)
# phrases that deny what follows, read as one 'not' ('fails to generalise' = 'does not generalise')
_DENIES = re.compile(r"\b(?:fail(?:s|ed|ing)? to|unable to|struggl\w* to|cannot|can not|rather than|instead of|"
                     r"far from)\b", re.IGNORECASE)
_COST = re.compile(r"\bat the (?:cost|expense) of\b", re.IGNORECASE)
# remedies: a bad thing after them is removed, which is good news
_REMEDY = re.compile(r"^(?:mitigat\w*|alleviat\w*|lower|lowers|lowered|lowering|reduc\w*|avoid\w*|prevent\w*|"
                     r"eliminat\w*|address\w*|overcom\w*|tackl\w*|solv\w*|fix\w*|remov\w*|minimi[sz]\w*|cut|cuts|"
                     r"curb\w*|resolv\w*|counter\w*|combat\w*|correct\w*)$", re.IGNORECASE)
# a comparison judges its two sides oppositely ('A is worse than B' = 'B outperforms A'): the comparison readers'
# job, not a clause's polarity
_COMPARES = re.compile(r"\b(?:than|outperform\w*|underperform\w*|surpass\w*|beats?|exceed\w*|superior|inferior|"
                       r"over|beyond|versus|vs\.?|compared|relative to|rivals?)\b", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z\-']*|n't|[,.;:]")
_CLAUSE = re.compile(r";|\b(?:whereas|while|but|although|however|in contrast|yet)\b", re.IGNORECASE)
NEGATOR_SPAN = 3  # tokens before an evaluative word that a negator reaches
MIN_SHARED = 2  # content stems the two clauses must share
MIN_SHARE = 0.5  # ... and at least this share of the claim clause's content stems


def valence(text: str) -> int:
    """Good minus bad evaluative words, each flipped by a negator just before it (a bad one also by a remedy)."""
    tokens = _TOKEN.findall(_DENIES.sub(" not ", _COST.sub(" hurting ", text)))
    score = 0
    for i, token in enumerate(tokens):
        sign = 1 if _GOOD.match(token) else -1 if _BAD.match(token) else 0
        if not sign:
            continue
        if any(_NEGATOR.match(t) for t in tokens[max(0, i - NEGATOR_SPAN):i]):
            sign = -sign
        if sign < 0 and _remedied(tokens, i):
            sign = -sign
        score += sign
    return score


def _remedied(tokens: list[str], i: int) -> bool:
    """A remedy verb earlier in the same phrase (up to a comma): 'mitigates the risk that X will over-fit'."""
    for token in reversed(tokens[:i]):
        if token in ",.;:":
            return False
        if _REMEDY.match(token):
            return True
    return False


def clauses(text: str) -> list[str]:
    """The contrastive clauses of a sentence ('X helps, whereas Y hurts' judges two things)."""
    return [p for p in _CLAUSE.split(text) if p and p.strip()]


def valence_clash(claim: str, sentence: str) -> tuple[str, str] | None:
    """(claim clause, evidence clause) judged in opposite ways while speaking of the same thing, else None."""
    parts = clauses(sentence)
    for part in clauses(claim):
        if _COMPARES.search(part):
            continue
        stems = set(content_stems(part))
        best = max(parts, key=lambda p: len(stems & set(content_stems(p))))
        shared = stems & set(content_stems(best))
        if len(shared) < MIN_SHARED or len(shared) < MIN_SHARE * len(stems):
            continue
        if not _COMPARES.search(best) and valence(part) * valence(best) < 0:
            return part.strip(), best.strip()
    return None
