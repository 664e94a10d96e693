"""Signals for the contradiction families that lexical overlap cannot see.

A claim can share almost every word with an abstract sentence and still say the opposite: two
arguments of a comparison swapped ("A outperforms B" vs "B outperforms A"), a quantifier flipped
("all" vs "none"), one entity of the abstract put in place of another, a rank changed ("top-1" vs
"top-5"), or a hedge turned into a certainty ("may improve" vs "guarantees"). Each function compares a
claim with one sentence; `features.compute_features` applies them to the best-aligned sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from reviewer.checker.effects import valence
from reviewer.checker.fronted import (
    MARKER_POLARITY,
    fronted_pairs,
    marker_polarity,
    noun_ranked_pairs,
    one_spelling,
    past_setting,
    side,
)
from reviewer.checker.losers import widened
from reviewer.checker.ranked import ranked_pairs
from reviewer.textutil import STOPWORDS, content_stems

_COMPARE = re.compile(r"\b(outperform(?:s|ed)?|surpass(?:es|ed)?|beats?|exceed(?:s|ed)?|"
                      r"(?:is|are) (?:better|faster|stronger|more accurate) than)\s+", re.IGNORECASE)
_ARG_STOP = re.compile(r"[,;:()]|\s(?:by|on|in|across|while|with|at|and|for|under|when|using|without|"
                       r"which|that|as|through|to|over)\s|\.$")
_BAD_SUBJECT = re.compile(r"[()]|\b(?:or|they|we|it|which|that)\b", re.IGNORECASE)
THAN = re.compile(r"\b((?:\w+er|more \w+|less \w+) (?:in|among|for|with|on|at) )([^,;()]{2,40}?)"
                  r"( than (?:(?:in|among|for|with|on|at) )?)([^,;()]{2,40}?)(?=[,;.]|$| \w+ly\b| and\b)")


def comparison_args(s: str) -> tuple[tuple[int, int], re.Match[str], tuple[int, int]] | None:
    """Spans of A and B in 'A outperforms B' (A: up to 5 words after the last clause break)."""
    m = _COMPARE.search(s)
    if not m:
        return None
    left = s[: m.start()].rstrip()
    cut = max(left.rfind(","), left.rfind(";"), left.rfind(":"), left.rfind("("))
    a_words = left[cut + 1 :].split()
    if not a_words or len(a_words) > 5 or _BAD_SUBJECT.search(" ".join(a_words)):
        return None
    a_start = len(left) - len(" ".join(a_words))
    rest = s[m.end() :]
    if rest.lower().startswith("by "):  # 'A is outperformed by B' is B over A: `comparison_sides` reads passives
        return None
    stop = _ARG_STOP.search(rest)
    b_text = rest[: stop.start()] if stop else rest.rstrip(".")
    if not b_text.strip() or len(b_text.split()) > 6 or "(" in b_text or ")" in b_text:
        return None
    return (a_start, len(left)), m, (m.end(), m.end() + len(b_text.rstrip()))


def _pair(s: str) -> tuple[set[str], set[str]] | None:
    than = THAN.search(s)
    if than:
        return set(content_stems(than.group(2))), set(content_stems(than.group(4)))
    found = comparison_args(s)
    if not found:
        return None
    (a0, a1), _, (b0, b1) = found
    return set(content_stems(s[a0:a1])), set(content_stems(s[b0:b1]))


def _same(x: set[str], y: set[str]) -> bool:
    return bool(x and y) and len(x & y) / min(len(x), len(y)) >= 0.5


def comparison_reversed(claim: str, sentence: str) -> bool:
    """Both compare the same two things, in opposite order."""
    c, s = _pair(claim), _pair(sentence)
    if not c or not s:
        return False
    return _same(c[0], s[1]) and _same(c[1], s[0]) and not (_same(c[0], s[0]) and _same(c[1], s[1]))


# Quantifier classes and the pairs that cannot both be true of the same statement.
_QUANT = {
    "all": "univ", "every": "univ", "always": "univ", "consistently": "univ", "universally": "univ",
    "both": "univ", "none": "neg", "no": "neg", "never": "neg", "neither": "neg", "rarely": "few",
    "most": "many", "many": "many", "majority": "many", "few": "few", "several": "some", "some": "some",
    "any": "some",
    # how often, said of one statement: 'rarely ask clarifying questions' vs 'routinely ask them'
    "often": "many", "frequently": "many", "usually": "many", "routinely": "many", "commonly": "many",
    "seldom": "few",
}
_CLASH = {("univ", "neg"), ("neg", "univ"), ("neg", "some"), ("some", "neg"), ("many", "few"),
          ("few", "many"), ("univ", "few"), ("few", "univ"), ("neg", "many"), ("many", "neg")}


def _quantifiers(text: str) -> set[str]:
    # 'few-shot' names a setting, not a count
    return {_QUANT[w] for w in re.findall(r"[a-z]+", _FEW_SHOT.sub(" ", text.lower())) if w in _QUANT}


_FEW_SHOT = re.compile(r"\bfew[\s-]shot\b")


def quantifier_conflict(claim: str, sentence: str) -> bool:
    """The claim uses a quantifier class the sentence lacks, clashing with one only the sentence uses."""
    c, s = _quantifiers(claim), _quantifiers(sentence)
    return any((a, b) in _CLASH for a in c - s for b in s - c)


_RANK = re.compile(r"\b(top|pass@|rank|hits@|recall@)[\s-]?(\d+)\b", re.IGNORECASE)


def rank_conflict(claim: str, sentence: str) -> list[tuple[str, str]]:
    """'top-1' in the claim where the sentence only says 'top-5' (same measure, other cut-off)."""
    ev: dict[str, set[str]] = {}
    for m in _RANK.finditer(sentence):
        ev.setdefault(m.group(1).lower(), set()).add(m.group(2))
    out = []
    for m in _RANK.finditer(claim):
        have = ev.get(m.group(1).lower())
        if have and m.group(2) not in have:
            out.append((m.group(0), f"{m.group(1)}-{sorted(have)[0]}"))
    return out


_CERTAIN = re.compile(r"\b(?:guarantee[sd]?|prove[sn]?|proving|always|certainly|definitely|invariably|"
                      r"definitive|undoubtedly|conclusively|will always|must)\b", re.IGNORECASE)
_HEDGE = re.compile(r"\b(?:may|might|could|can|suggests?|suggesting|suggested|potentially|likely|possibly|"
                    r"indicates?|indicating|promising|helps?|appears?|seems?|perhaps|partially)\b", re.IGNORECASE)


def hedge_strengthened(claim: str, sentence: str) -> bool:
    """The claim states with certainty what the sentence only hedges."""
    new_certain = {w.lower() for w in _CERTAIN.findall(claim)} - {w.lower() for w in _CERTAIN.findall(sentence)}
    lost_hedge = {w.lower() for w in _HEDGE.findall(sentence)} - {w.lower() for w in _HEDGE.findall(claim)}
    return bool(new_certain and lost_hedge)


_LIKE = re.compile(r"\b(?i:(un)?like)\s+([A-Z][\w\-.]*\w)")


def likeness_flipped(claim: str, sentence: str) -> bool:
    """'Like GRPO, S-GRPO samples paths in parallel' against 'Unlike GRPO, which samples ... in parallel, S-GRPO
    only samples one': the same named thing is set alike in one and apart in the other."""
    c = {(m.group(2).lower(), bool(m.group(1))) for m in _LIKE.finditer(claim)}
    s = {(m.group(2).lower(), bool(m.group(1))) for m in _LIKE.finditer(sentence)}
    return any((name, not un) in s and (name, un) not in s for name, un in c)


def entity_swapped(claim: str, sentence: str, other_text: str, terms: set[str], sentence_terms: set[str]) -> bool:
    """The claim is the sentence with one named term replaced, in place, by another term of the abstract.

    `terms`/`sentence_terms` are the (lower-cased) named terms of claim and sentence; `other_text` is
    the rest of the abstract: the new term must occur there (a term from nowhere is merely unsupported).
    """
    extra = terms - sentence_terms
    lost = sentence_terms - terms
    if len(extra) != 1 or not lost:
        return False
    term = next(iter(extra))
    if term not in other_text.lower():
        return False
    cw = [w.strip(".,;:()") for w in claim.lower().split()]
    sw = [w.strip(".,;:()") for w in sentence.lower().split()]
    ops = [op for op in SequenceMatcher(None, cw, sw, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(ops) != 1 or ops[0][0] != "replace":
        return False
    _, i1, i2, j1, j2 = ops[0]
    new, old = " ".join(cw[i1:i2]), " ".join(sw[j1:j2])
    return term in new and any(t in old for t in lost) and i2 - i1 <= len(term.split()) + 2


# ---------------------------------------------------------------- edits of a near-copy

_TOKEN = re.compile(r"[^\s]+")
_NUMERIC = re.compile(r"^[<>~≈±+\-]?\d[\d,.]*(?:%|\\%|x|×|-fold|th|st|nd|rd|k|m|b|pp)?$")
_NEGATORS = frozenset({"not", "no", "never", "cannot", "nor", "neither", "without", "none"})
_SELF_REFERENCE = frozenset({"our", "we", "this", "proposed"})  # the paper naming its own method


@dataclass
class Edits:
    """What changed between a near-copy claim and its sentence, read from a word-level diff."""

    numbers: list[tuple[str, str]] = field(default_factory=list)
    antonyms: list[tuple[str, str]] = field(default_factory=list)
    negation: list[str] = field(default_factory=list)
    quantifiers: list[tuple[str, str]] = field(default_factory=list)
    swapped: list[tuple[str, str]] = field(default_factory=list)  # claim term from elsewhere in the abstract
    foreign: list[str] = field(default_factory=list)  # claim term found nowhere in the evidence
    hedge: list[tuple[str, str]] = field(default_factory=list)  # a hedge replaced by a certainty

    @property
    def contradicts(self) -> bool:
        return bool(self.numbers or self.antonyms or self.negation or self.quantifiers or self.swapped)


def _tokens(text: str) -> list[str]:
    out = []
    for t in _TOKEN.findall(text.lower().replace("n't", " not")):
        t = t.strip(".,;:()[]\"'")
        if t:
            out.append(t)
    return out


def near_copy_edits(claim: str, sentence: str, evidence_text: str, directions: object,
                    min_ratio: float = 0.75) -> Edits | None:
    """The edits that turn `sentence` into `claim`, or None when the claim is not a near-copy.

    `directions(a, b)` says whether word lists a and b hold opposite sides of a direction family.
    """
    cw, sw = _tokens(claim), _tokens(sentence)
    matcher = SequenceMatcher(None, cw, sw, autojunk=False)
    if matcher.ratio() < min_ratio:
        return None
    out = Edits()
    ev = " " + " ".join(_tokens(evidence_text)) + " "
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        c, s = cw[i1:i2], sw[j1:j2]
        if len(c) > 6 or len(s) > 6:
            continue  # a rewritten clause, not an edit
        c_num = [t for t in c if _NUMERIC.match(t)]
        s_num = [t for t in s if _NUMERIC.match(t)]
        if c_num and s_num and set(c_num) != set(s_num):
            out.numbers.append((c_num[0], s_num[0]))
        if set(c) & _NEGATORS != set(s) & _NEGATORS and set(content_stems(" ".join(c))) == set(
                content_stems(" ".join(s))):  # only a negator (and its auxiliary) added or removed
            out.negation.extend(sorted((set(c) ^ set(s)) & _NEGATORS))
        if directions(c, s):  # type: ignore[operator]
            out.antonyms.append((" ".join(c), " ".join(s)))
        if _CERTAIN.search(" ".join(c)) and _HEDGE.search(" ".join(s)):
            out.hedge.append((" ".join(c), " ".join(s)))
        qc, qs = {_QUANT[t] for t in c if t in _QUANT}, {_QUANT[t] for t in s if t in _QUANT}
        if any((a, b) in _CLASH for a in qc - qs for b in qs - qc):
            out.quantifiers.append((" ".join(c), " ".join(s)))
        for t in c:
            if t in s or _NUMERIC.match(t) or not re.search(r"[a-z]", t) or t in _NEGATORS:
                continue
            if not _looks_named(t, claim):
                continue
            if f" {t} " in ev or f" {_POSSESSIVE.sub('', t)} " in ev:  # 'SEC's' names SEC
                # 'our method', 'RL', a name put for an article ('as SEC's proxy' for 'as a proxy'): no swap
                if s and not set(s) & _SELF_REFERENCE and not _abbreviates(t, s) and not set(s) <= STOPWORDS:
                    out.swapped.append((t, " ".join(s)))
            else:
                out.foreign.append(t)
    return out


_POSSESSIVE = re.compile(r"['’]s$")


def _abbreviates(token: str, words: list[str]) -> bool:
    """The token is the initials of the words it replaces ('rl' for 'reinforcement learning')."""
    return len(words) > 1 and token.replace("-", "") == "".join(p[0] for w in words for p in w.split("-") if p)


def _looks_named(token: str, claim: str) -> bool:
    """The token is written as a name in the claim: capitals after the first letter, or a digit."""
    for w in _TOKEN.findall(claim):
        w = w.strip(".,;:()[]\"'")
        if w.lower() == token:
            return sum(ch.isupper() for ch in w) >= 2 or (w[:1].isupper() and "-" in w)
    return False


# ---------------------------------------------------------------- comparisons under paraphrase

_UP_CMP = frozenset("better higher greater larger stronger faster bigger more superior".split())
_DOWN_CMP = frozenset("worse lower smaller weaker slower fewer less inferior".split())
_AMOUNT_CMP = frozenset("higher greater larger bigger more lower smaller fewer less".split())
_WIN_RATE = r"win(?:ning)? rates? of {}(?:\.\d+)?\s?\\?%\s(?:against|over|versus|vs\.?)"  # '87% against B': ahead
_CMP_VERB = re.compile(
    r"\b(?P<down>(?:(?:is|are|was|were|be|been|being) )?(?:outperformed|surpassed|beaten|exceeded|outdone|outpaced) by|"
    r"underperform(?:s|ed|ing)?|lag(?:s|ged|ging)? behind|trail(?:s|ed|ing)?|fall(?:s|ing)? (?:short of|behind)|"
    r"fell (?:short of|behind)|(?:is |are |was |were )?(?:inferior to|behind)|los(?:es|t|ing) (?:out )?to|"
    r"(?:comes?|came|coming|ranks?|ranked|finish(?:es|ed)?) (?:second|last|below)(?: to)?|" + _WIN_RATE.format("(?:[0-4]?\\d)") + r")\s"
    r"|\b(?P<up>outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beat(?:s|ing)?|exceed(?:s|ed|ing)?|outscor\w*|"
    r"outpac\w*|outdo(?:es|ing)?|outstrip\w*|overtak\w*|outclass\w*|excel(?:s|led)?(?: \w+ly)? beyond|(?:is |are |was |were )?(?:superior to|ahead of)|"
    r"(?:is |are |was |were )?(?:preferred|favou?red|chosen) (?:over|to)|" + _WIN_RATE.format("(?:5[1-9]|[6-9]\\d)") + r")\s",
    re.IGNORECASE)
_CMP_THAN = re.compile(r"\b(?P<adj>" + "|".join(sorted(_UP_CMP | _DOWN_CMP)) + r")\b(?=((?:\s[\w\-]+){0,8}?)\s+than\s)",
                       re.IGNORECASE)
_CMP_MARKER = re.compile(r"\b(?:compared (?:to|with)|relative to|versus|vs\.?|over|beyond)\s+(?![\d+\-])", re.IGNORECASE)
_ACTIVE_PREFER = re.compile(r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbe )\bprefer(?:s|red)?\s", re.IGNORECASE)
_LOSER_STOP = re.compile(r"[,;:.]\s|[,;:]|\.$|\s(?:by|on|in|across|while|at|when|for|up to|from|within|under|"
                         r"despite|thereby|thus|which|whereas|but)\s", re.IGNORECASE)
_MEMBERS = re.compile(r"^[,(]?\s*(?:including|such as|like|especially|notably|namely)\s+(?P<members>.+)", re.I)  # of a class
_WINNER_START = re.compile(r";|\b(?:that|whereas|while|but|although|however|then)\b", re.IGNORECASE)
_SUBJECT_START = re.compile(r";|\b(?:that|whereas|however|then)\b", re.IGNORECASE)  # a participle's subject
# 'correlates more strongly with X than Y', 'more robust to noise than Y': its worth after more/less says who is ahead
_GOOD_MANNER = frozenset("strongly accurately effectively efficiently reliably robustly closely consistently faithfully "
                         "precisely quickly successfully robust accurate effective efficient reliable stable".split())


def comparison_sides(text: str) -> list[tuple[set[str], set[str]]]:
    """(winner stems, loser stems) of each comparison in the text, whatever its wording.

    'A outperforms B', 'A is better/higher than B', 'B is worse than / lags behind / is inferior to A',
    'A improves X over / compared with B' all give (A, B). The winner side is the clause before the cue
    (from its last 'that', ';' or contrast word: 'we show that A ...'), so a participle ('..., outperforming
    B') takes the sentence's subject; the loser runs to the next clause break or prepositional phrase.
    """
    text = re.sub(r"\b(?:e\.g\.|i\.e\.),?", " ", text)
    found: list[tuple[int, int, int]] = []  # (cue start, loser start, polarity)
    for m in _CMP_VERB.finditer(text):
        found.append((m.start(), m.end(), 1 if m.group("up") else -1))
    for m in _CMP_THAN.finditer(text):
        adj = m.group("adj").lower()
        pol = 1 if adj in _UP_CMP else -1 if adj in _DOWN_CMP else 0
        manner = m.group(2).split()[:1]
        if adj in ("more", "less") and manner and manner[0].lower() in _GOOD_MANNER:
            pass  # 'more strongly', 'less reliably': the adverb's worth is known
        elif adj in _AMOUNT_CMP and m.group(2).strip():
            # 'fewer tokens / lower error than B' wins; 'more X than B' with X of unknown worth says nothing
            pol *= valence(frozenset(content_stems(m.group(2))))
        if pol:
            found.append((m.start(), m.end() + len(m.group(2)) + len(" than "), pol))
    for m in _CMP_MARKER.finditer(text):
        head = text[max(0, m.start() - 160) : m.start()]
        head = _WINNER_START.split(head)[-1]
        pols = [marker_polarity(c, head) for c in MARKER_POLARITY.finditer(head)]
        pols = [x for x in pols if x]
        if pols and not any(abs(m.start() - f[1]) < 3 for f in found):
            found.append((m.start(), m.end(), pols[-1]))
    out = fronted_pairs(text)
    for start, loser_start, pol in sorted(found):
        rest = text[loser_start:]
        stop = _LOSER_STOP.search(rest)
        loser_text = widened(rest, stop, rest[: stop.start()] if stop else rest, _LOSER_STOP)  # (`losers.py`)
        if stop and (member := _MEMBERS.match(rest[stop.start():])):  # 'baselines, including B': B loses too
            loser_text += " " + _LOSER_STOP.split(member.group("members"), maxsplit=1)[0]
        loser_text = " ".join(loser_text.split()[:14])
        head = text[:start]
        # '..., outperforming B': the participle's subject is the main clause's, past any 'while ...' aside
        participle = head.rstrip().endswith(",") and text[start:loser_start].lower().startswith(("outperforming",
                                                                                                "surpassing"))
        winner_text = past_setting((_SUBJECT_START if participle else _WINNER_START).split(head)[-1])
        if prefers := list(_ACTIVE_PREFER.finditer(winner_text)):  # 'humans prefer A over B': A wins, not humans
            winner_text = winner_text[prefers[-1].end():]
        if loser_text.split()[:1] in (["those"], ["that"]) and stop:  # 'over those produced by B': B is the loser
            loser_text = " ".join(rest[: stop.end()].split() + _LOSER_STOP.split(rest[stop.end():], maxsplit=1)[:1])
        winner, loser = side(winner_text), side(loser_text)
        winner, loser = winner - loser, loser - winner
        if winner and loser:
            out.append((winner, loser) if pol > 0 else (loser, winner))
    return out + ranked_pairs(text) + noun_ranked_pairs(text)


def _share(x: set[str], y: set[str]) -> float:
    x, y = one_spelling(x), one_spelling(y)  # 'GPT3-5' is 'GPT-3.5'
    return len(x & y) / len(x) if x else 0.0


def comparison_order_reversed(claim: str, sentence: str) -> bool:
    """The claim's winner is the sentence's loser and its loser the sentence's winner (paraphrase-tolerant).

    A claim comparison that the sentence states the same way is not reversed by another of its comparisons
    (a ranking 'A, followed by B and C' restated gives B > C, which the one-sided rule would read against A > B).
    """
    sides = comparison_sides(sentence)
    for wc, lc in comparison_sides(claim):
        if any(_share(wc, we) > 0 and _share(lc, le) > 0 and
               _share(wc, we) + _share(lc, le) >= _share(wc, le) + _share(lc, we) + 0.5 for we, le in sides):
            continue
        for we, le in sides:
            cross = _share(wc, le) + _share(lc, we)
            straight = _share(wc, we) + _share(lc, le)
            if _share(wc, le) > 0 and _share(lc, we) > 0 and cross >= straight + 0.5:
                return True
            # the claim's winner is wholly the sentence's loser, its loser named nowhere in the sentence (often
            # the paper's own method, which the sentence calls 'our model')
            if (_share(wc, le) >= 0.75 or (_share(wc, le) >= 0.6 and len(one_spelling(wc) & one_spelling(le)) >= 2)) \
                    and not _share(wc, we) and not _share(lc, le) and not _share(lc, we):
                return True
    return False


def comparison_agrees(claim: str, sentence: str) -> bool:
    """Both compare the same two things with the same winner, however worded ('B is worse than A' for
    'A outperforms B'): their comparison words are then not a reversed direction."""
    for wc, lc in comparison_sides(claim):
        for we, le in comparison_sides(sentence):
            straight = _share(wc, we) + _share(lc, le)
            if _share(wc, we) > 0 and _share(lc, le) > 0 and straight >= _share(wc, le) + _share(lc, we) + 0.5:
                return True
    return False

