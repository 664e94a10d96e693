"""Degree comparisons read by their two sides, and acronyms read as the words they stand for.

Why: a researcher restating a comparison rarely keeps its wording. 'More overconfident on A than on B' is
'overconfidence in B compared to A' reversed; 'Compared to ORMs, search against PAVs is more accurate' is
reversed by 'search against outcome reward models is more accurate than search against process advantage
verifiers'. The winner/loser readers (`families.comparison_sides`, `stance.comparison_flipped`) take the
sentence's subject as the winner and compare words, so a comparison between two *conditions* of one
subject, a fronted 'compared to B,' and an acronym against its spelled-out words all escape them.

Here every comparison of a degree ('more/greater/higher/less ... P') is read as (ahead, behind, property,
sign): ahead is the condition or thing with more of P, behind the other. Two readings of the same property
with ahead and behind exchanged (after the sign) are a reversal. No phrase list: the degree words are the
closed class of English comparatives, the markers the closed class of comparison prepositions.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from reviewer.textutil import content_stems, words

_UP = "more greater higher larger bigger better stronger faster broader wider superior".split()
_DOWN = "less fewer lower smaller worse weaker slower narrower poorer inferior".split()
_DEG = r"(?P<deg>" + "|".join(_UP + _DOWN) + r")"
_PREP = r"(?:in|on|for|when|with|at|under|from|across|among|during|if|while)"
_END = r"(?=\s*[,;.:)]|\s*$|\s(?:and|but|while|whereas|does|do|did|is|are|was|were)\s)"
# 'more P in A than (in) B': the two sides are conditions of one subject (the parallel 'than in/when')
_COND = re.compile(r"\b" + _DEG + r"(?P<prop>(?:\s+[\w\-]+){1,3}?)\s+" + _PREP + r"\s+(?P<a>[^,;.]{2,80}?)\s+than\s+"
                   + _PREP + r"\s+(?P<b>[^,;.]{2,80}?)" + _END, re.IGNORECASE)
# 'A is more P than B': the subject is ahead
_THAN = re.compile(r"\b" + _DEG + r"(?P<prop>(?:\s+[\w\-]+){0,5}?)\s+than\s+(?!" + _PREP + r"\s)(?P<b>[^,;.]{2,80}?)"
                   + _END, re.IGNORECASE)
# 'compared to B, A is more P'
_FRONT = re.compile(r"(?:^|\bthat\s+|[;:]\s*)(?:when\s+|as\s+)?(?:compared|relative)\s+(?:to|with)\s+(?P<b>[^,;]{2,80}?),\s*"
                    r"(?P<a>[^,;.]{2,120}?)\b" + _DEG + r"(?P<prop>(?:\s+[\w\-]+){1,3}?)" + _END, re.IGNORECASE)
# 'A shows (greater) P in C, compared to D': what precedes the marker is ahead
_MARK = re.compile(r"(?P<a>[^,;:]{4,200}?),?\s+(?:compared\s+(?:to|with)|relative\s+to|as\s+opposed\s+to|versus|vs\.?)\s+"
                   r"(?P<b>[^,;.]{2,80}?)" + _END, re.IGNORECASE)
_CLAUSE = re.compile(r";|:|\bthat\b|\bwhereas\b|\bwhile\b|\bbut\b|\bhowever\b|,\s", re.IGNORECASE)
# verbs whose object has less of something afterwards: the implicit degree of a 'compared to' head is unknown
_LESSENING = re.compile(r"\b(?:reduc|decreas|lower|cut|drop|shrink|shorten|mitigat|lessen|declin|fall|fell|lose|lost)"
                        r"\w*", re.IGNORECASE)
_DEG_WORD = re.compile(r"\b" + _DEG + r"\b", re.IGNORECASE)
_PHRASE_BREAK = re.compile(r"[\n.,;:()\[\]]")
_ACRONYM = re.compile(r"\b([A-Z][A-Za-z]?[A-Z]{1,4})(s?)\b")


class Degree(NamedTuple):
    ahead: frozenset[str]
    behind: frozenset[str]
    prop: frozenset[str]
    sign: int


def _stems(text: str) -> frozenset[str]:
    return frozenset(content_stems(text))


def _sign(deg: str) -> int:
    return 1 if deg.lower() in _UP else -1


def _make(ahead: str, behind: str, prop: str, sign: int) -> Degree | None:
    a, b, p = _stems(ahead), _stems(behind), _stems(prop)
    shared = a & b
    a, b = a - shared - p, b - shared - p
    return Degree(a, b, p, sign) if a and b else None


def degree_readings(text: str) -> list[Degree]:
    """(ahead, behind, property, sign) of each degree comparison in the text."""
    text = re.sub(r"\b(?:e\.g\.|i\.e\.),?|\([^()]*\)", " ", text)
    out: list[Degree] = []
    used: list[tuple[int, int]] = []
    for m in _FRONT.finditer(text):
        if found := _make(m.group("a"), m.group("b"), m.group("prop"), _sign(m.group("deg"))):
            out.append(found)
            used.append(m.span())
    for m in _COND.finditer(text):
        if any(s <= m.start() < e for s, e in used):
            continue
        if found := _make(m.group("a"), m.group("b"), m.group("prop"), _sign(m.group("deg"))):
            out.append(found)
            used.append(m.span())
    for m in _THAN.finditer(text):
        if any(s <= m.start() < e for s, e in used):
            continue
        head = _CLAUSE.split(text[: m.start()])[-1]
        if found := _make(head, m.group("b"), m.group("prop"), _sign(m.group("deg"))):
            out.append(found)
            used.append(m.span())
    for m in _MARK.finditer(text):
        if any(s <= m.start("b") < e for s, e in used):
            continue
        head = _CLAUSE.split(m.group("a"))[-1]
        deg = _DEG_WORD.search(head)
        if deg:
            sign, prop = _sign(deg.group("deg")), " ".join(head[deg.end():].split()[:3])
            ahead = head[: deg.start()] + head[deg.end():]
        elif _LESSENING.search(head):
            continue  # 'A reduces X compared to B': which side has more of what is not said plainly
        else:
            sign, prop, ahead = 1, "", head
        if found := _make(ahead, m.group("b"), prop, sign):
            out.append(found._replace(prop=found.prop or _stems(head)))
    return out


# 'B aligns better with X' (no 'than', no 'compared to'): only words of worth, whose direction is never in doubt
_ONE_SIDED = re.compile(r"(?<!\bto )\b(?P<deg>better|worse|stronger|weaker|superior|inferior)\s+(?P<prop>(?:with|on|in|at|"
                        r"for|to)\s+[^,;.]{2,60}|[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2})(?P<rest>[^,;.]*)", re.IGNORECASE)
_OTHER_SIDE = re.compile(r"\b(?:than|compared|relative|versus|vs|over|against|outperform\w*|surpass\w*)\b", re.IGNORECASE)


def one_sided(text: str) -> list[Degree]:
    """Comparisons that name only the side ahead ('the tournament approach aligns better with the Elo model')."""
    text = re.sub(r"\\textbf\{([^{}]*)\}", r"\1", text)
    out = []
    for m in _ONE_SIDED.finditer(text):
        if _OTHER_SIDE.search(m.group("prop") + m.group("rest")):
            continue
        head = _CLAUSE.split(text[: m.start()])[-1]
        ahead, prop = _stems(head), _stems(m.group("prop"))
        if ahead - prop:
            out.append(Degree(ahead - prop, frozenset(), prop, _sign(m.group("deg"))))
    return out


def _behind_put_ahead(claim: str, sentence: str) -> bool:
    """The claim's side behind is the side the sentence alone puts ahead, on the same property."""
    cn, sn = _name_stems(claim), _name_stems(sentence)
    for c in degree_readings(claim):
        for s in one_sided(sentence):
            if c.sign != s.sign or not (c.prop & s.prop):
                continue
            behind_names, ahead_names = c.behind & cn, c.ahead & cn
            if behind_names:
                if behind_names <= s.ahead and not (ahead_names & s.ahead) and sn:
                    return True
            elif _share(c.behind, s.ahead) >= 0.75 and _share(c.ahead, s.ahead) < 0.34:
                return True
    return False


def _share(x: frozenset[str], y: frozenset[str]) -> float:
    return len(x & y) / len(x) if x else 0.0


def degree_exchanged(claim: str, sentence: str) -> bool:
    """The claim puts ahead what the sentence puts behind, on the same property, and the reverse."""
    claim, sentence = expand_acronyms(claim, sentence), expand_acronyms(sentence, claim)
    if _behind_put_ahead(claim, sentence):
        return True
    mine, theirs = degree_readings(claim), degree_readings(sentence)
    for c in mine:
        ca, cb = (c.ahead, c.behind) if c.sign > 0 else (c.behind, c.ahead)
        for s in theirs:
            if c.prop and s.prop and not (c.prop & s.prop):
                continue  # more accurate here, more efficient there: both may hold
            sa, sb = (s.ahead, s.behind) if s.sign > 0 else (s.behind, s.ahead)
            straight, cross = _share(ca, sa) + _share(cb, sb), _share(ca, sb) + _share(cb, sa)
            if _share(ca, sb) > 0 and _share(cb, sa) > 0 and cross >= straight + 0.5:
                return True
    return False


def _initials(ws: list[str]) -> str:
    return "".join(p[0] for w in ws for p in w.split("-") if p).lower()


def expand_acronyms(text: str, context: str) -> str:
    """`text` with each acronym ('SFT', 'ORMs') replaced by the words it abbreviates when `text` or `context`
    spells them out ('supervised fine-tuning'); the spelled-out words must start with the acronym's letters."""
    # runs of words inside one phrase of either text (never across a clause break or from one text into the other)
    phrases = [words(p) for p in _PHRASE_BREAK.split(f"{text}\n{context}") if p.strip()]

    def spelled(m: re.Match[str]) -> str:
        letters = m.group(1).lower()
        for pool in phrases:
            lowered = [w.lower() for w in pool]
            for n in range(1, len(letters) + 1):
                for i in range(len(pool) - n + 1):
                    run = lowered[i : i + n]
                    if run[0][:1] == letters[0] and _initials(run) == letters and not any(
                            w.isupper() or w.endswith("ly") for w in pool[i : i + n]):
                        return " ".join(pool[i : i + n])
        return m.group(0)

    return _ACRONYM.sub(spelled, text)


def _name_stems(text: str) -> frozenset[str]:
    from reviewer.checker.features import named_terms

    return frozenset(s for name in named_terms(text) for s in content_stems(name))


def names_exchanged(claim: str, sentence: str) -> bool:
    """A comparison whose named winner and named loser trade places ('Self-Ask ..., outperforming FaR' against
    'FaR ..., outperforming ... Self-Ask'): the shared context (the model, the benchmark, the numbers) sits on
    the winner's side of both and outweighs the exchanged names in a plain word count, so only names are read."""
    from reviewer.checker.families import comparison_sides

    cn, sn = _name_stems(claim), _name_stems(sentence)
    if not cn or not sn:
        return False
    theirs = [(w & sn, lo & sn) for w, lo in comparison_sides(re.sub(r"\(([^()]*)\)", r" \1 ", sentence))]
    for w, lo in comparison_sides(claim):
        wc, lc = w & cn, lo & cn
        for ws, ls in theirs:
            if (wc & ls) - ws and (lc & ws) - ls:
                return True
    return False


def spelled_flip(claim: str, text: str) -> bool:
    """A reversed comparison (`stance.comparison_flipped`) once acronyms are read as the words they abbreviate
    ('SFT' = 'supervised fine-tuning'), when either side abbreviates what the other spells out."""
    from reviewer.checker.stance import comparison_flipped

    c, t = expand_acronyms(claim, text), expand_acronyms(text, claim)
    return (c != claim or t != text) and comparison_flipped(c, t)
