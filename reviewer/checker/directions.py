"""Direction words: which side of an up/down family a claim and a sentence take, read on all stems.

Split from `features.py` (which re-exports these names): the antonym families and the readers that compare a
claim's direction with an evidence sentence's ('increases' vs 'reduces', 'effective' vs 'ineffective').
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems, stemmer, words


# Direction families: (up stems, down stems, strong). A claim using one side while the aligned evidence
# uses only the other is a reversal. "Strong" families are reliable enough for the hard guard rule.
def _family(up: str, down: str, strong: bool) -> tuple[frozenset[str], frozenset[str], bool]:
    return frozenset(up.split()), frozenset(down.split()), strong


DIRECTION_FAMILIES: tuple[tuple[frozenset[str], frozenset[str], bool], ...] = (
    _family("increas rise rose rais elev upregul augment boost amplifi grow grew higher exceed highest "
            "maximum maxim high expand abund",
            "decreas reduc reduct lower declin drop diminish downregul attenu lessen shrink lowest minimum "
            "minim low fell scarc cut", True),
    _family("more greater larger bigger", "less fewer smaller", False),
    _family("improv better enhanc best outperform surpass benefici benefit",
            "degrad wors worsen impair deterior hurt harm worst underperform lag", True),
    _family("promot activ induc stimul facilit enabl encourag",
            "inhibit suppress prevent block repress imped inactiv abolish hinder", True),
    _family("posit", "negat", True),
    _family("mitig allevi reliev amelior", "worsen exacerb aggrav", True),
    _family("gain", "loss", False),
    _family("faster acceler fast hasten", "slower slow deceler delay", True),
    _family("stronger strengthen strong", "weaker weaken weak", False),
    _family("requir necessari essenti indispens", "dispens unnecessari", False),
    _family("sensit", "resist", False),
    _family("agonist", "antagonist", False),
    _family("major crucial critic substanti import vital key larg", "trivial neglig minor margin slight", False),
)
_FLIP_PREFIXES = ("in", "un", "non", "im", "ir", "il", "dis", "anti")
# prefixes that name the two ends of one scale: 'superlinear' / 'sublinear', 'overfit' / 'underfit', and the two
# bounds ('upper-bounds' / 'lower-bounds', read as words)
_PAIRED_PREFIXES = (("super", "sub"), ("over", "under"), ("upper", "lower"))
_SIDES = [(up, down) for up, down, _ in DIRECTION_FAMILIES]  # (`moved.py`; any family: 'negligible cost')


def all_stems(text: str) -> list[str]:
    """Every word stemmed (stopwords kept: 'more', 'less', 'not' carry direction and negation)."""
    toks = [p.lower() for w in words(text) for p in w.split("-") if p]
    return stemmer().stemWords(toks)


# ---------------------------------------------------------------- direction


def _surface(stems: set[str], text: str) -> str:
    """The first word of text whose stem is in stems, to name it in a reason."""
    for w in words(text):
        for part in w.split("-"):
            if stemmer().stemWord(part.lower()) in stems:
                return part
    return next(iter(stems), "")


def direction_reversals(claim: str, sentence: str, strong_only: bool = False) -> list[tuple[str, str]]:
    """(claim word, evidence word) pairs where the sentence uses the opposite side of a direction family."""
    c, s = set(all_stems(claim)), set(all_stems(sentence))
    out: list[tuple[str, str]] = []
    for up, down, strong in DIRECTION_FAMILIES:
        if strong_only and not strong:
            continue
        for a, b in ((up, down), (down, up)):
            if c & a and not c & b and s & b and not s & a:
                out.append((_surface(c & a, claim), _surface(s & b, sentence)))
    cw, sw = set(all_stems(claim)), set(all_stems(sentence))
    for x in sorted(cw - sw):
        if len(x) < 4:
            continue
        for p in _FLIP_PREFIXES:  # dependent vs independent, effective vs ineffective
            if p + x in sw and p + x not in cw:
                out.append((x, p + x))
            if x.startswith(p) and x[len(p) :] in sw and len(x) - len(p) >= 4 and x[len(p) :] not in cw:
                out.append((x, x[len(p) :]))
        for a, b in (*_PAIRED_PREFIXES, *((b, a) for a, b in _PAIRED_PREFIXES)):
            rest = x[len(a) :]
            # a bare 'upper' / 'lower' only of a bound ('upper layers' ranks nothing); a prefix before a word
            fits = len(rest) >= 4 if rest else "bound" in cw & sw
            if x.startswith(a) and fits and b + rest in sw - cw and a + rest not in sw:
                out.append((x, b + rest))
    return out


def opposite_words(claim_words: list[str], sentence_words: list[str]) -> bool:
    """Word lists (one diff edit) on opposite sides of a direction family, or a prefix flip."""
    c, s = set(stemmer().stemWords(claim_words)), set(stemmer().stemWords(sentence_words))
    for up, down, _ in DIRECTION_FAMILIES:
        if (c & up and s & down) or (c & down and s & up):
            return True
    return any(a == p + b or b == p + a for a in claim_words for b in sentence_words for p in _FLIP_PREFIXES
               if len(a) > 4 and len(b) > 4)


_CONTRAST = re.compile(r";|\b(?:whereas|while|but|although|however|in contrast)\b", re.IGNORECASE)


def closest_clause(claim: str, sentence: str) -> str:
    """The contrastive clause of the sentence sharing most content stems with the claim."""
    parts = [p for p in _CONTRAST.split(sentence) if p.strip()]
    if len(parts) < 2:
        return sentence
    # a tie goes by what the clause is about, not by its direction word, which is what the caller compares: in
    # 'decreased the risk of PONV but was associated with an increased risk of postoperative bleeding' a claim that
    # dexamethasone decreases bleeding reads the second clause; a comparison ('higher in A than in B') speaks of
    # both clauses, its direction word of the first
    c = set(content_stems(claim))
    plain = set() if _THAN.search(claim) else c - _DIRECTED
    return max(parts, key=lambda p: (len(c & set(content_stems(p))), len(plain & set(content_stems(p)))))


_THAN = re.compile(r"\bthan\b", re.IGNORECASE)
_DIRECTED = frozenset().union(*(up | down for up, down, _ in DIRECTION_FAMILIES))


def direction_agrees(claim: str, sentence: str) -> bool:
    c, s = set(all_stems(claim)), set(all_stems(sentence))
    return any((c & up and s & up) or (c & down and s & down) for up, down, _ in DIRECTION_FAMILIES)
