"""Which way a claim says a quantity moves, across wordings: 'lowers accuracy' against 'improves accuracy'.

The antonym families in `features.py` only see a reversal when both sides use the same family
('increase' vs 'decrease'). Human paraphrases cross families: 'cuts/mitigates misalignment' vs
'increases misalignment', 'performance drops' vs 'performance improvements', 'less safe' vs 'an
improvement in safety'. Each direction word is read with what it acts on (the words after a verb,
before a noun such as 'gains', the subject of a passive), and its net effect is good or bad: raising a
cost or an error is bad, lowering it good. A claim and a sentence that give opposite net effects on the
same thing disagree.
"""

from __future__ import annotations

import re

from reviewer.checker.polarity import null_finding
from reviewer.textutil import STOPWORDS, stemmer

_UP = frozenset("increas rais boost elev amplifi grow grew inflat higher more greater doubl tripl expand aggrav "
                "exacerb".split())  # amounts up
_DOWN = frozenset("decreas reduc reduct lower cut mitig allevi curb suppress diminish drop declin fewer less "
                  "deflat shrink halv lessen minim elimin".split())
_GOOD = frozenset("improv enhanc better benefit strengthen gain".split())
_BAD = frozenset("degrad wors worsen hurt harm impair weaken undermin damag compromis".split())
# Quantities whose rise is bad news: raising them worsens things, cutting them helps.
_COSTS = ("error", "cost", "hack", "misalign", "inconsist", "hallucin", "latenc", "overthink", "decept", "bias",
          "contradict", "overfit", "harm", "toxic", "collaps", "instabl", "sycoph", "risk", "overhead", "verbos",
          "consumpt", "usag", "token", "obfusc", "jailbreak", "attack", "failur", "redund", "nois", "varianc",
          "forget", "mortal", "death", "diseas", "infect", "incid")
_NOUN_FORMS = frozenset("gain reduct drop declin improv increas decreas boost cut".split())
_OBJECT_STOP = frozenset("by to with while on in across compared than for from at as when whereas but and or "
                         "up of".split())
_BREAK = re.compile(r"[,;:()]")
_WORD = re.compile(r"[A-Za-z][\w\-']*|[,;:()]|\d[\d.,]*%?")


def _stem(word: str) -> str:
    return stemmer().stemWord(word.lower())


def _content(tokens: list[str]) -> list[str]:
    return [_stem(t) for t in tokens if t[:1].isalpha() and t.lower() not in STOPWORDS]


_BENEFITS = ("accur", "perform", "effici", "safe", "calibr", "qualiti", "robust", "score", "util", "success",
             "win", "general", "reason", "capab", "abil", "agreement", "consist", "stabil", "transpar", "faith",
             "helpful", "honest", "align", "diversiti", "expect", "surviv", "function", "recoveri", "potenti",
             "flexib", "understand", "trust", "depth", "relev", "coverag", "interpret", "satisfact",
             "usabl", "clariti", "coher")


def valence(obj: frozenset[str]) -> int:
    """+1 for a quantity one wants more of, -1 for a cost, 0 when unknown (then only like is compared with like)."""
    if any(s.startswith(c) for s in obj for c in _COSTS):
        return -1
    if any(_norm(s).startswith(_norm(c)) for s in obj for c in _BENEFITS):
        return 1
    return 0


def effects(text: str) -> list[tuple[str, int, frozenset[str]]]:
    """(kind 'amount' or 'quality', sign, stems acted on) for each direction word of the text.

    'amount' words move a quantity up or down (increases, cuts); 'quality' words make it better or worse
    (improves, degrades). A negation just before the word flips its sign.
    """
    if _NOT_ASSERTED.search(text):
        return []
    toks = _WORD.findall(text)
    stems = [_stem(t) if t[:1].isalpha() else t for t in toks]
    out: list[tuple[str, int, frozenset[str]]] = []
    for i, st in enumerate(stems):
        kind = ("up" if st in _UP else "down" if st in _DOWN else "good" if st in _GOOD else
                "bad" if st in _BAD else None)
        if kind is None:
            continue
        word = toks[i].lower()
        nxt = toks[i + 1].lower() if i + 1 < len(toks) else ""
        if nxt in ("with", "as") and word.endswith(("s", "es")) and not word.endswith(("ss", "ous", "ions", "ments", "gains")):
            # 'the optimal length decreases with model capability': it moves along with what follows
            along = _along(toks, i + 2)
            if along:
                out.append(("covary", 1 if kind in ("up", "good") else -1, frozenset(along)))
            continue
        obj = _object(toks, i, word)
        if not obj and word in ("more", "less") and _after_verb(toks, i):
            obj = _content(toks[i - 1 : i])  # 'models hallucinate more': the verb before it is what grows
        if not obj:
            continue
        sign = 1 if kind in ("up", "good") else -1
        if any(t.lower() in _NEGATORS and not _additive(toks, j) for j, t in enumerate(toks[: i]) if j >= i - 3):
            sign = -sign  # 'does not improve', 'without hurting'
        label = "amount" if kind in ("up", "down") else "quality"
        out.append((label, sign, frozenset(obj)))
        # 'improves reasoning efficiency, answer quality, and mutual welfare': the word acts on every listed item
        out += [(label, sign, frozenset(item)) for item in _listed(toks, i + 1) if frozenset(item) != frozenset(obj)]
    return out


def _listed(toks: list[str], start: int) -> list[list[str]]:
    """The items of a comma list right after a direction word ('A, B, and C'), each as content stems; [] unless
    the words form at least three items, the last after 'and' / 'or' (two items could be a second clause)."""
    items: list[list[str]] = [[]]
    closed = False
    for t in toks[start : start + 16]:
        low = t.lower()
        if low == ",":
            if not items[-1]:
                break
            items.append([])
            continue
        if low in ("and", "or"):
            if items[-1]:
                items.append([])
            closed = True
            continue
        if _BREAK.match(t) or low in _OBJECT_STOP or _stem(t) in _UP | _DOWN | _GOOD | _BAD or len(items[-1]) >= 4:
            break
        items[-1].append(t)
    found = [c for c in (_content(x) for x in items) if c]
    return [c[:3] for c in found] if closed and len(found) >= 3 and items[-1] else []


def _after_verb(toks: list[str], i: int) -> bool:
    """'more' / 'less' at i closes what the word before it does ('hallucinate more'), not a comparison ('reduces X
    more than Y', where it ranks the reduction) nor a direction word's own degree ('improves more')."""
    nxt = toks[i + 1].lower() if i + 1 < len(toks) else "."
    return i >= 1 and nxt != "than" and _stem(toks[i - 1]) not in _UP | _DOWN | _GOOD | _BAD


def _additive(toks: list[str], j: int) -> bool:
    """'not only X but also Y': the 'not' at j adds, it does not deny."""
    return toks[j].lower() == "not" and j + 1 < len(toks) and toks[j + 1].lower() in ("only", "just", "merely", "simply")


_NOT_ASSERTED = re.compile(r"\bwhether\b|\?|^\s*(?:OBJECTIVE|BACKGROUND|To (?:examine|investigate|determine|assess|"
                           r"evaluate|test))\b", re.IGNORECASE)
_NEGATORS = frozenset("not no never without cannot fail fails failed n't".split())
_FOLLOW_NOUN = frozenset("in of and with by on for , ; : ) . over across".split())


def _object(toks: list[str], i: int, word: str) -> list[str]:
    """What the direction word at i acts on: a noun form takes the words before it ('accuracy gains') or its
    'in/of' phrase ('improvement in safety'); a passive takes its subject; a verb or adjective the next words."""
    nxt = toks[i + 1].lower() if i + 1 < len(toks) else "."
    noun = word.endswith(("ion", "ment", "ions", "ments")) or (
        _stem(word) in _NOUN_FORMS and not word.endswith(("ed", "ing")) and nxt in _FOLLOW_NOUN)
    if noun:
        after = _span(toks, i + 2, 1) if nxt in ("in", "of") else []
        if after:
            return after
        before = []
        for t in reversed(toks[max(0, i - 3) : i]):
            if _BREAK.match(t) or t.lower() in _OBJECT_STOP:
                break
            before.insert(0, t)
        return _content(before)[-2:]
    if word.endswith("ed") and i >= 1:
        j = i - 1
        if j >= 0 and toks[j].lower().endswith("ly"):
            j -= 1
        if j >= 0 and toks[j].lower() in ("is", "are", "was", "were", "be", "been", "being", "further"):
            while j >= 0 and toks[j].lower() in ("is", "are", "was", "were", "be", "been", "being", "further"):
                j -= 1
            return _content([t for t in toks[max(0, j - 2) : j + 1] if not _BREAK.match(t)])[-2:]
    return _span(toks, i + 1, 1)


def _along(toks: list[str], start: int) -> list[str]:
    """What a quantity moves along with ('as models become more capable'): up to the clause's end."""
    out: list[str] = []
    for t in toks[start : start + 6]:
        if _BREAK.match(t) or t.lower() in ("but", "and", "while", "whereas", "which", "."):
            break
        out.append(t)
    return [st for st in _content(out) if st not in _UP | _DOWN | {"becom", "get", "grow"}][:3]


def _span(toks: list[str], start: int, step: int) -> list[str]:
    """The words a direction word acts on; 'both X and Y Z' is one phrase, its head the last word."""
    both = start < len(toks) and toks[start].lower() == "both"
    out: list[str] = []
    for t in toks[start : start + (7 if both else 5)]:
        if both and t.lower() == "and":
            continue
        if _BREAK.match(t) or t.lower() in _OBJECT_STOP or _stem(t) in _UP | _DOWN | _GOOD | _BAD:
            break
        out.append(t)
    return _content(out)[-3:] if both else _content(out)[:3]


def _norm(stem: str) -> str:
    """One stem for an adjective in -ble and its noun in -bility ('stabl' / 'stabil', 'abl' / 'abil')."""
    return stem[:-3] + "bl" if stem.endswith("bil") else stem


def _same_thing(a: frozenset[str], b: frozenset[str]) -> bool:
    a, b = frozenset(map(_norm, a)), frozenset(map(_norm, b))
    return any(x == y or (min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x))) for x in a for y in b)


def _net(kind: str, sign: int, obj: frozenset[str]) -> int:
    """Good (+1) or bad (-1) news; 0 when an amount moves and whether more is better is unknown."""
    return sign if kind == "quality" else sign * valence(obj)


def effect_reversed(claim: str, sentence: str) -> list[str]:
    """Things the claim and the sentence move in opposite directions (and never in the same one).

    Two amount words compare directly ('increases misalignment' vs 'mitigates misalignment'); otherwise
    both are read as good or bad news ('lowers its performance' vs 'performance is enhanced').
    """
    if null_finding(claim) or null_finding(sentence):
        return []  # 'not associated with an increased risk': a null finding, read by polarity.polarity_clash
    c, s = _one_way(effects(claim)), _one_way(effects(sentence))
    out = []
    for kind_c, sign_c, obj_c in c:
        verdicts = []
        for kind_s, sign_s, obj_s in s:
            if not _same_thing(obj_c, obj_s) or (kind_c == "covary") != (kind_s == "covary"):
                continue
            if kind_c == kind_s:
                verdicts.append(sign_c != sign_s)
            else:
                a, b = _net(kind_c, sign_c, obj_c), _net(kind_s, sign_s, obj_s)
                if obj_c == obj_s and not (a and b):
                    # 'lowers pass@N' vs 'improves pass@N': a thing one text calls improved is one to want more of
                    a, b = a or sign_c, b or sign_s
                if a and b:
                    verdicts.append(a != b)
        if verdicts and all(verdicts):
            out.append(" ".join(sorted(obj_c)))
    return out


def covary_relation(claim: str, sentence: str) -> tuple[int, str]:
    """(+1 / -1, what) when claim and sentence say a quantity moves along with the same thing in the same /
    opposite direction ('grows as models become more capable' vs 'decreases with model capability'); (0, '')
    when neither says so. Read on the whole sentence: each 'with / as' phrase names its own condition."""
    if null_finding(claim) or null_finding(sentence):
        return 0, ""
    pairs = [(sc == ss, " ".join(sorted(oc)))
             for kc, sc, oc in effects(claim) if kc == "covary"
             for ks, ss, os_ in effects(sentence) if ks == "covary" and _same_thing(oc, os_)]
    if not pairs or len({same for same, _ in pairs}) > 1:
        return 0, ""
    return (1 if pairs[0][0] else -1), pairs[0][1]


def _one_way(found: list[tuple[str, int, frozenset[str]]]) -> list[tuple[str, int, frozenset[str]]]:
    """Drop things a text moves both ways ('resolves the Pass@k degradation but improves Pass@k'): unreadable."""
    return [e for e in found if not any(_same_thing(e[2], o[2]) and e[0] == o[0] and e[1] != o[1] for o in found)]
