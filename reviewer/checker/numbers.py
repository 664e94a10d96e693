"""Numbers in a claim and in its evidence, with their units and what they are numbers of.

'12%' vs '21%' or '3x' vs '1.5x' for the same quantity is a contradiction; a claim number with no
counterpart at all is merely unverifiable. A number's context (content stems near it, within its
clause) says what it counts, so two numbers are compared only when they measure the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reviewer.checker.embedded import stated_in_a_name
from reviewer.checker.fractional import fractions_in
from reviewer.checker.frames import (
    HYPHEN_COUNT,
    NAME_TOKEN,
    after_match,
    counted_apart,
    counts_same,
    frame,
    frame_match,
    frames,
    measured_on,
)
from reviewer.checker.limits import relation, stated_otherwise
from reviewer.checker.ranges import range_rival
from reviewer.textutil import content_stems

_NUM = re.compile(
    r"(?:(?<=[\s(\[])[+\-−]|(?<![\w.\-/^]))(\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:\s?(%|percent\b|per cent\b|-?fold\b|×|[xX]\b|times\b|[KMBT]\b|(?<=\d)k\b|pp\b|points?\b|"
    r"million\b|billion\b|thousand\b|bp\b)|(?![\w.]*\w))"
)
_UNIT_CANON = {"percent": "%", "per cent": "%", "fold": "x", "-fold": "x", "×": "x", "times": "x", "point": "pp",
               "points": "pp", "pp": "pp"}
_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "K": 1e3, "k": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}
_WORD_NUMS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100, "twice": 2, "double": 2,
    "doubles": 2, "doubled": 2, "triple": 3, "tripled": 3, "half": 0.5, "halved": 0.5,
}
_MULTIPLIER = re.compile(r"\b(?:halv(?:es|ed|ing)|doubl(?:es|ed|ing)|tripl(?:es|ed|ing)|quadrupl(?:es|ed|ing)|"
                         r"twice(?=\s+as\b))\b(?!-)",
                         re.IGNORECASE)
_MULTIPLIERS = {"doub": 2.0, "trip": 3.0, "quad": 4.0, "twic": 2.0}
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:but|while|whereas|although|however|which|that)\b", re.IGNORECASE)



@dataclass(frozen=True)
class Number:
    value: float
    unit: str  # '%', 'x', 'pp', 'bp', or '' for a bare number
    raw: str
    context: frozenset[str]  # content stems near the number: what it is a number *of*
    tol: float = 0.5  # half a unit of the last printed digit: 74.7 matches 74.68


def extract_numbers(text: str, word_numbers: bool = False) -> list[Number]:
    """Numbers with units and nearby content stems; identifiers like GPT-4 or ResNet-50 are not numbers."""
    out: list[Number] = []
    spans: list[tuple[int, int]] = []
    fractions = fractions_in(text)  # '1/5', 'a fifth of': one value, not the bare number 1 (`fractional.py`)
    for value, raw, start, end in fractions:
        out.append(Number(value, "frac", raw, _context(text, start, end), 5e-4))
    for m in _NUM.finditer(text):
        if text[max(0, m.start() - 1) : m.start()] == "[" or any(s <= m.start() < e for _, _, s, e in fractions):
            continue  # a citation marker, not a quantity; or the top of a fraction
        spans.append((m.start(), m.end()))
        digits_str, raw_unit = m.group(1), m.group(2) or ""
        scale = _SCALE.get(raw_unit, 1.0)
        unit = "" if raw_unit in _SCALE else _UNIT_CANON.get(raw_unit.lower(), raw_unit.lower())
        if not unit and re.fullmatch(r"(?:19|20)\d\d", digits_str):
            unit = "year"  # 'followed up through 2005' is a date, not a count to compare with '254 patients'
        decimals = len(digits_str.split(".")[1]) if "." in digits_str else 0
        out.append(Number(
            value=float(digits_str.replace(",", "")) * scale,
            unit=unit,
            raw=m.group(0).strip(),
            context=_context(text, m.start(), m.end()),
            tol=0.5 * 10 ** (-decimals) * scale + 1e-9,
        ))
    for m in _MULTIPLIER.finditer(text):  # 'halves the cost', 'doubles throughput': a multiplier, stated in words
        word = m.group(0).lower()
        value = 0.5 if word.startswith("halv") else _MULTIPLIERS[word[:4]]
        out.append(Number(value, "x", m.group(0), _context(text, m.start(), m.end()), 0.01))
    if "respectively" in text:
        out = _respectively(text, out, spans)
    if word_numbers:
        for m in re.finditer(r"\b(" + "|".join(_WORD_NUMS) + r")\b(?:[\s-](hundred|thousand|million|billion)\b)?", text,
                             re.IGNORECASE):
            scale = _SCALE[m.group(2).lower()] if m.group(2) else 1.0  # 'ten thousand' is 10,000
            times = re.match(r"\s*(?:times\b|-?fold\b)", text[m.end():]) or m.group(1).lower() == "twice"
            out.append(Number(float(_WORD_NUMS[m.group(1).lower()]) * scale, "x" if times else "", m.group(0),
                              _context(text, m.start(), m.end())))  # 'ten times more accurate' is a multiple
    return out


_RUN_SEP = re.compile(r"^(?:\s*,\s*|\s*,?\s+(?:and|or)\s+|\s*/\s*)$")
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_LAST_PREP = re.compile(r"^.*\b(?:on|in|for|of|at|across|from)\s+", re.IGNORECASE)


def _respectively(text: str, nums: list[Number], spans: list[tuple[int, int]]) -> list[Number]:
    """'win rates on A, B, and C (90.7%, 87.1%, and 87.9% respectively)': each number is of its own item.

    The numbers of a run ending in 'respectively' take the named words of the matching item of the list
    before them (and lose the other items' names), so '80.7% on A' is compared with 90.7%, not 87.9%.
    """
    out = list(nums)
    for m in re.finditer(r"\brespectively\b", text):
        run = [k for k, (a, _) in enumerate(spans) if m.start() - 120 <= a < m.start()]
        while len(run) >= 2 and not all(_RUN_SEP.match(text[spans[x][1]:spans[y][0]])
                                        for x, y in zip(run, run[1:], strict=False)):
            run = run[1:]
        gap = text[spans[run[-1]][1]:m.start()].strip(" ,)") if run else ""
        if len(run) < 2 or len(gap.split()) > 3 or re.search(r"[;:(]", gap):  # '41% and 69% more often, respectively'
            continue
        head = text[max(0, spans[run[0]][0] - 160):spans[run[0]][0]].split(". ")[-1].rstrip(" (:")
        items = _ITEM_SPLIT.split(head)
        if len(items) < len(run):
            continue
        items = items[-len(run):]
        items[0] = _LAST_PREP.sub("", items[0])
        named = [{s for w in item.split() if any(ch.isupper() or ch.isdigit() for ch in w)
                  for s in content_stems(w)} for item in items]
        shared = frozenset(content_stems(head))
        for i, k in enumerate(run):
            others = set().union(*(named[j] for j in range(len(run)) if j != i)) - named[i]
            out[k] = Number(out[k].value, out[k].unit, out[k].raw, (out[k].context | shared) - others, out[k].tol)
    return out


def scaled_word_numbers(text: str) -> list[Number]:
    """Only the word numbers that name a count ('ten thousand'): safe to read as a conflicting value."""
    return [n for n in extract_numbers(text, word_numbers=True) if n.value >= 1000 and not n.raw[:1].isdigit()]


def _context(text: str, start: int, end: int, width: int = 40) -> frozenset[str]:
    before = text[max(0, start - width) : start].rstrip().rstrip("<>≤≥~≈").rstrip()  # '(<10%)' is a bound
    if before.endswith("("):  # 'on the ImageReward benchmark (67.4%)': the aside's number is of what precedes it
        before = text[max(0, start - 2 * width) : start].rstrip().rstrip("<>≤≥~≈").rstrip()[:-1]
    left = _CLAUSE_BREAK.split(before)[-1]
    after = _PARTITIVE.sub(" ", text[end : end + width])  # '1,865 of which have ...': the same clause goes on
    right = _CLAUSE_BREAK.split(after)[0]
    return frozenset(s for s in content_stems(f"{left} {right}") if not s[:1].isdigit())


_PARTITIVE = re.compile(r"^\s+of\s+(?:which|whom|them)\b", re.IGNORECASE)
_JUNK_CONTEXT = frozenset({"up", "averag", "approxim", "about", "nearli", "almost", "around", "onli"})


# Words for the same change: 'cuts tokens by 58%' and '-39% token reduction' are numbers of one thing.
_CHANGE = {**dict.fromkeys("cut reduc reduct decreas lower drop declin shrink lessen".split(), "<down>"),
           **dict.fromkeys("increas rais boost gain grow grew rise rose".split(), "<up>")}


def shared_context(a: Number, b: Number) -> int:
    """Context stems the two numbers share (a shared prefix of 5+ letters counts: 'reduc' ~ 'reduct')."""
    x = {_CHANGE.get(s, s) for s in a.context - _JUNK_CONTEXT}
    y = {_CHANGE.get(s, s) for s in b.context - _JUNK_CONTEXT}
    return sum(any(s == t or (min(len(s), len(t)) >= 5 and (s.startswith(t) or t.startswith(s))) for t in y)
               for s in x)


def same_value(claim: Number, evidence: Number) -> bool:
    """Equal up to the claim's printed precision, or the same share written as percent vs fraction."""
    b = evidence.value  # a share both ways ('0.25' vs '25%'), never a count times 100 ('five' is not '500')
    values = (b, *((b * 100,) if b <= 1 else ()), *((b / 100,) if claim.value <= 1 else ()))
    return any(abs(claim.value - c) <= claim.tol for c in values)


@dataclass
class NumberCheck:
    matched: int = 0
    unmatched: list[str] = field(default_factory=list)
    conflicts: list[tuple[str, str, int]] = field(default_factory=list)  # claim raw, evidence raw, sentence
    same_subject: list[int] = field(default_factory=list)  # per conflict: how many context stems both share


def check_numbers(claim: str, all_text: str, aligned: list[tuple[int, str, float]]) -> NumberCheck:
    """Claim numbers must appear in the evidence; a different number for the same thing is a conflict.

    `aligned` holds (sentence index, text, alignment) for the best-aligned sentences. "The same thing"
    means same unit and a shared content stem near both numbers (or, for a very well aligned sentence,
    simply the same unit).
    """
    result = NumberCheck()
    # LaTeX escapes in abstracts ('43.33\\% Pass@1'): the unit is still a percent
    all_text = _unescape(all_text)
    aligned = [(i, _unescape(t), a) for i, t, a in aligned]
    evidence_values = extract_numbers(all_text, word_numbers=True)
    loose = [*_counted_words(claim, _MODIFIED_COUNT), *_counted_words(claim, HYPHEN_COUNT),  # conflicts only
             *scaled_word_numbers(claim)]  # 'up to one thousand agents' against 'up to one hundred agents'
    claim_numbers = extract_numbers(claim) + _counted_words(claim) + loose
    # an evidence number the claim states elsewhere is accounted for ('aged 16 to 24' vs 'aged 16-44')
    taken = [e for e in evidence_values if any(same_value(c, e) for c in claim_numbers)]
    for num in claim_numbers:
        equal = [e for e in evidence_values if same_value(num, e)]
        rival = _closer_rival(claim, num, equal, all_text, aligned)
        if not equal and stated_in_a_name(claim, num.raw, all_text):  # '40-million-pair' for 'SynPref-40M'
            result.matched += 1
            continue
        if equal and rival is None:
            result.matched += 1
            continue
        if rival is not None:  # 'on 4 GPUs' where the sentence gives 1 GPU for the method, 4 for the baselines
            result.conflicts.append((num.raw, rival[0].raw, rival[1]))
            result.same_subject.append(shared_context(num, rival[0]))
            continue
        if not equal and stated_otherwise(claim, num, aligned, extract_numbers, shared_context):  # `limits.py`
            result.matched += 1
            continue
        if not equal and (span := range_rival(claim, num, claim_numbers, aligned, extract_numbers, same_value)):
            result.conflicts.append((num.raw, span[0].raw, span[1]))  # a changed end of a range (`ranges.py`)
            result.same_subject.append(span[2])
            continue
        conflict = None
        for idx, text, align in aligned:
            scaled = [e for e in scaled_word_numbers(text) if e.context & num.context]  # 'ten thousand pairs'
            # 'by 31 points' against 'an increase of 13 in F1 scores': points may be written without a unit
            words = not num.raw[:1].isdigit()  # 'seven domains' is compared with 'five domains'
            same_unit = [e for e in [*extract_numbers(text, word_numbers=words), *scaled]
                         if (e.unit == num.unit or (num.unit == "pp" and not e.unit and shared_context(num, e))
                             or {e.unit, num.unit} == {"frac", "%"})  # 'half of the users' vs '10% of users'
                         and not (any(e.raw == t.raw and e.value == t.value for t in taken)
                                  and not counted_apart(claim, num, claim_numbers, text, e, same_value))]
            # the evidence number most about the same thing: '-39% token reduction', not '+70% accuracy gains'
            # and first the one counting the same noun ('seven domains' vs 'five domains', not '8,000 instances')
            noun = frame(claim, num.raw)
            ranked = sorted(same_unit, key=lambda e: (-counts_same(noun, text, e.raw), -shared_context(num, e)))
            for e in ranked:
                if relation(claim, num, text, e) == "implied":
                    continue  # a weaker bound does not contradict (`limits.py`); a stronger one still does
                # ... or the only value of that unit in the best sentence, which states half the claim or more
                only = len(same_unit) == 1 and idx == aligned[0][0] and align >= 0.5
                if _comparable(num, e) and (shared_context(num, e) or align >= 0.75 or only):
                    conflict = (num.raw, e.raw, idx)
                    shared = shared_context(num, e)
                    break
            if conflict:
                break
        if conflict:
            result.conflicts.append(conflict)
            result.same_subject.append(shared)
        else:
            if not any(num is n for n in loose):
                result.unmatched.append(num.raw)
    return result




def _names_before(text: str, end: int, unit: str) -> set[str]:
    """Capitalised names leading up to position `end` (the number's holder), back to the sentence start or
    the previous value of the same unit, whichever is nearer."""
    start = max(text.rfind(". ", 0, end), text.rfind("; ", 0, end), end - 90, 0)
    prior = [m.end() for m in _NUM.finditer(text, start, end) if m.end() < end
             and _UNIT_CANON.get((m.group(2) or "").lower(), (m.group(2) or "").lower()) == unit]
    return {n.lower() for n in NAME_TOKEN.findall(text[max([start, *prior]):end])}


def _held_by_other_name(claim: str, num: Number, equal: list[Number], all_text: str,
                        aligned: list[tuple[int, str, float]]) -> tuple[Number, int] | None:
    """The claim's value belongs to another named holder: 'Gemini 2.5 Flash reached a P-Score of 79.49%'
    where the abstract gives Gemini 90.31% and '79.49%' to GPT-5. The rival value's clause names at least two
    more of the claim's names than any clause holding the equal value, and those clauses name a holder the
    claim does not."""
    if not equal:
        return None
    first = claim.split(maxsplit=1)[0].lower() if claim.split() else ""
    at = re.search(rf"(?<![\w.]){re.escape(num.raw)}(?![\w.]*\w)", claim)
    mine = _names_before(claim, at.start(), num.unit) - {first} if at else set()
    if len(mine) < 2:
        return None
    pat = "|".join(re.escape(e.raw) for e in equal)
    eq_windows = [_names_before(all_text, m.start(), num.unit) for m in re.finditer(rf"(?<![\w.])(?:{pat})(?![\w.]*\w)", all_text)]
    if not eq_windows:
        return None
    eq_best = max(len(w & mine) for w in eq_windows)
    if not all(w - mine for w in eq_windows):
        return None
    for idx, text, _ in aligned[:2]:
        for e in extract_numbers(text):
            if e.unit != num.unit or same_value(num, e) or not _comparable(num, e):
                continue
            for m in re.finditer(rf"(?<![\w.]){re.escape(e.raw)}(?![\w.]*\w)", text):
                if len(_names_before(text, m.start(), num.unit) & mine) >= eq_best + 2:
                    return e, idx
    return None


_COUNT_WORD = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\s+(?=[a-z]\w*s\b)",
                         re.IGNORECASE)
# ... or a modifier or two before its plural ('three new datasets', 'eight representative methods'): read against
# another count of the same noun, but not missed when the evidence gives none ('two reward models' is often
# written 'two RMs', 'a pair of', 'both')
_MODIFIED_COUNT = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\s+"
                             r"(?!(?:hundred|thousand|million|billion)\b)"  # 'ten thousand pairs' is 10,000
                             r"(?=(?:[a-z][\w-]*\s+){1,3}?[a-z]\w*s\b)", re.IGNORECASE)


def _counted_words(claim: str, pattern: re.Pattern[str] = _COUNT_WORD) -> list[Number]:
    """A count written as a word before a plural noun ('twelve domains'): a number like '12 domains', and an
    exact one ('nine datasets' is not the '9.3%' of the training data)."""
    return [Number(float(_WORD_NUMS[m.group(1).lower()]), "x" if re.match(r"\s*(?:times|-?fold)\b", claim[m.end(1):])
                   else "", m.group(1), _context(claim, m.start(), m.end(1)), 0.01)  # 'three times': a multiple
            for m in pattern.finditer(claim)]


def _numbers_like(num: Number, text: str) -> list[Number]:
    """The evidence's numbers in the claim number's own notation: word counts too when it is written as one
    ('eight representative methods' is set against 'six representative methods')."""
    return extract_numbers(text, word_numbers=not num.raw[:1].isdigit())


def _unescape(text: str) -> str:
    return text.replace("\\%", "%").replace("\\$", "$")


_RUN = re.compile(r"[^.;]{0,160}?\brespectively\b")


def _listed_holder(claim: str, num: Number, equal: list[Number],
                   aligned: list[tuple[int, str, float]]) -> tuple[bool, tuple[Number, int] | None]:
    """(listed, rival): the claim's value sits with another of its unit in one 'A and B ... x and y,
    respectively' run, so its holder is read from the list (`_respectively`), not from the words around it: the
    rival is the run's value whose item the name before the claim's value names, when that is not the value."""
    at = re.search(rf"(?<![\w.]){re.escape(num.raw)}(?![\w.]*\w)", claim)
    mine = {s for n in _names_before(claim, at.start(), num.unit) for s in content_stems(n)} if at else set()
    mine = (mine & num.context) or mine  # the claim's own 'respectively' list, read by `_respectively`, decides
    for idx, text, _ in aligned[:2]:
        for m in _RUN.finditer(text):
            vals = [e for e in extract_numbers(text) if e.unit == num.unit and e.raw in m.group(0)]
            if not (any(same_value(e, q) for e in vals for q in equal) and any(not same_value(e, num) for e in vals)):
                continue
            best = max(vals, key=lambda e: len(e.context & mine))
            rival = not same_value(best, num) and len(best.context & mine) > max(
                len(e.context & mine) for e in vals if same_value(e, num))
            return True, ((best, idx) if rival else None)
    return False, None


def _closer_rival(claim: str, num: Number, equal: list[Number], all_text: str,
                  aligned: list[tuple[int, str, float]]) -> tuple[Number, int] | None:
    """A claim number found in the evidence is still wrong when another value of its unit, in a well-aligned
    sentence, sits in the claim's own wording ('16 expert models on 1 GPU' for '16 expert models on 4 GPUs')
    while every occurrence of the same value sits elsewhere ('baselines using 4 GPUs'). Bags of nearby stems
    cannot tell these apart ('a 60% gain in safety' shares the sentence's subject with '19.5%' too): the three
    words before the number and the two after, in order, must match at least three times, two more than the
    same value's best."""
    if not equal:
        return None
    if named := measured_on(claim, num.raw):  # '80% accuracy on WebShop and 76% on HotpotQA', in either order
        if named & {n for e in equal for n in measured_on(all_text, e.raw)}:
            return None  # the evidence gives this value to the same name
        other = [(e, idx) for idx, text, _ in aligned[:2] for e in _numbers_like(num, text)
                 if e.unit and e.unit == num.unit and not same_value(num, e) and named & measured_on(text, e.raw)]
        if other:
            return other[0]  # ... and another value to the name the claim gives this one
    listed, rival = _listed_holder(claim, num, equal, aligned) if equal else (False, None)
    if listed:
        return rival
    mine = frame(claim, num.raw)
    if mine is None:
        return None
    best = max((frame_match(mine, f) for f in frames(all_text, [e.raw for e in equal])), default=0)
    rivals = [(frame_match(mine, f), -k, e, idx) for k, (idx, text, _) in enumerate(aligned[:2])
              for e in _numbers_like(num, text)
              if e.unit == num.unit and not same_value(num, e) and _comparable(num, e)
              for f in frames(text, [e.raw])]
    top = max(rivals, key=lambda r: r[:2], default=None)
    if top and top[0] >= 3 and top[0] >= best + 2:
        return top[2], top[3]
    # what the number is a number of, right after it: 'reaches 20% Pass@1 accuracy' against '... a >20%
    # reasoning performance increase and 43.33% Pass@1 accuracy': the rival's two following words match
    # in place, the equal value's do not, and nothing before the number speaks for the equal value
    held = _held_by_other_name(claim, num, equal, all_text, aligned)
    if held is not None:
        return held
    after = [(after_match(mine, f), e, idx) for idx, text, _ in aligned[:2]
             for e in _numbers_like(num, text)
             if e.unit == num.unit and not same_value(num, e) and _comparable(num, e)
             for f in frames(text, [e.raw])]
    best_after = max((after_match(mine, f) for f in frames(all_text, [e.raw for e in equal])), default=0)
    hit = [(e, idx) for m, e, idx in after if m >= 2 and len(mine[1]) >= 2]
    return hit[0] if hit and best_after == 0 and best == 0 else None


def _comparable(a: Number, b: Number) -> bool:
    """A count given with a scale word ('30 million cases') has no rival in a small bare number ('89 studies')."""
    def scaled(n: Number) -> bool:
        return bool(re.search(r"(?:hundred|thousand|million|billion|[KMBT])$", n.raw))
    return not any(scaled(x) and not scaled(y) and y.value < 1000 for x, y in ((a, b), (b, a)))
