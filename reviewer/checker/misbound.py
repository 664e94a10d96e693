"""A claim that binds what one part of a sentence says to the thing another part of it names.

Abstracts state parallel facts in one sentence, each part headed by its own thing: a list of definitions ('(i) poor
coverage, where rare user goals are underrepresented; (ii) miscalibration, where models overshoot requests; (iii)
side effects, where changes to one dimension of text inadvertently affect others'), numbered findings ('1) ... safety
triggers; 2) compliance cues strongly correlate with unsafe continuations'), or two roles ('the policy model generates
multiple responses, and the reward model selects the one with the highest reward score'). A swapped entity keeps the
words of one part and puts the head of another part in front of them ('miscalibration is when changes to one text
dimension inadvertently affect others'; 'the reward model generates several responses').

So the sentence is cut into its parallel parts, and each clause of the claim is read against them: the clause opens
with words found in one part only (its head), every other word it shares with the sentence is found in another part
(at least two such words, none of them in the head's part), and that other part's own head -- the words it puts
before what the clause takes from it -- is missing from the clause. A clause that takes words from its head's part
as well relates the two parts (a faithful summary of both), and is not read. Words of the other part may come before
the head only when the clause opens with its setting ('At inference the reward model generates several responses'
against 'During inference, the policy model generates multiple responses, and the reward model selects ...'); a
clause that first names the other part's own subject restates that part. A 'while' before a participle ('while
preserving accuracy') and a list's ', and' open no part. No word lists: only the sentence's own parts and words.
"""

from __future__ import annotations

import re

from reviewer.textutil import STOPWORDS, stemmer

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9']*[A-Za-z0-9]|[A-Za-z]")  # a hyphen parts words: 'tit-for-tat' = 'tit for tat'
# A list marker: '(ii)', '(b)', '2)'.
_MARKER = re.compile(r"\(\s*(?:[ivx]{1,4}|[a-e]|\d)\s*\)|(?:^|(?<=\s))\d\)(?=\s)", re.IGNORECASE)
# Where a sentence's (or a claim's) parallel parts meet: a ';', a list marker, 'while' / 'whereas', or 'and' before a
# new subject. 'while' / 'whereas' open a part with its own subject, not a participle ('while preserving accuracy', 'while
# only relying on ...'); ', and' opens one only before a new subject ('..., and the reward model selects ...').
_PART_BREAK = re.compile(
    r";|\(\s*(?:[ivx]{1,4}|[a-e]|\d)\s*\)|(?:^|(?<=\s))\d\)(?=\s)"
    r"|,?\s*\b(?:whereas|while)\b(?!\s+(?:\w+ly\s+)?\w+ing\b)|,\s+but\s+(?!also\b)"
    r"|,\s+and\s+(?=(?:the|a|an|its|their|it|they|we)\b)"
    r"|\s+and\s+(?=(?:the|a|an)\s+\w+\s+(?:\w+\s+)?(?:\w+s|\w+ed)\b)", re.IGNORECASE)
# A leading 'While A, ...' clause is a part of its own.
_OPENING = re.compile(r"^\s*(?:while|whereas|although|though)\b[^,]*,", re.IGNORECASE)
# Words that link parts but name nothing in them (besides the stopwords; an '-ly' adverb neither).
_LINKS = frozenset("while whereas but although though yet nevertheless nonetheless however moreover furthermore "
                   "still".split())
# A clause opened by its setting: 'In the MAD framework a judge ...', 'At inference the reward model ...'.
_SETTING = re.compile(r"\s*(?:in|at|on|for|under|with|within|across|after|before|through|during)\b", re.IGNORECASE)
_MIN_TAKEN = 2  # words the clause takes from the other part
_MAX_HEAD = 4  # a head names a thing; a longer run of one part's words is that part's own statement


def _stems(text: str) -> list[str]:
    toks = [w.lower().removesuffix("'s") for w in _WORD.findall(text)]
    toks = [w for w in toks if w not in STOPWORDS and w not in _LINKS and len(w) > 1 and not w.endswith("ly")]
    return [_key(s) for s in stemmer().stemWords(toks)]


def _key(stem: str) -> str:
    # 'exploratory' / 'exploration', 'arguments' / 'argues': a long word's first six letters name its family
    return stem[:6] if len(stem) > 6 else stem


def _parts(text: str) -> list[str]:
    """The sentence's parallel parts (a leading 'While A, B' is two parts)."""
    out: list[str] = []
    if m := _OPENING.match(text):
        out.append(m.group(0))
        text = text[m.end():]
    if (m := _MARKER.search(text)) and not out:
        text = text[m.end():]  # what comes before a list's first marker introduces the list: no part of it
    out += [p for p in _PART_BREAK.split(text) if p and p.strip()]
    return out


def misbound(claim: str, sentence: str) -> str:
    """The head a clause of the claim puts before another part's words, with that part's own head ('' if none)."""
    parts = [_stems(p) for p in _parts(sentence)]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return ""
    where: dict[str, set[int]] = {}
    for k, p in enumerate(parts):
        for s in p:
            where.setdefault(s, set()).add(k)
    for clause in _parts(claim):
        found = _misbound_clause(_stems(clause), parts, where,
                                 bool(_SETTING.match(clause)))
        if found:
            return found
    return ""


def _misbound_clause(words: list[str], parts: list[list[str]], where: dict[str, set[int]], setting: bool) -> str:
    shared = [w for w in words if w in where]
    own = [w for w in shared if len(where[w]) == 1]
    if len(own) < 1 + _MIN_TAKEN:
        return ""
    label = [next(iter(where[w])) for w in own]
    if len(set(label)) != 2:
        return ""
    # the head: one run of words found only in part a, among words found only in part b
    runs = [k for k in range(len(own)) if k == 0 or label[k] != label[k - 1]]
    if len(runs) not in (2, 3) or (len(runs) == 3 and label[0] != label[runs[2]]):
        return ""
    cut = runs[1:]  # [a-run][b-run], or [b-run][a-run][b-run]: what precedes the head is of the taken part
    if len(cut) == 1 and setting and own[0] == words[0]:
        return ""  # 'On seven QA benchmarks REX-RAG gains ...': the words opening a setting are the setting, no head
    if len(cut) == 2 and not setting:
        return ""  # words of the taken part before the head are its setting ('At inference the reward model ...')
    start, end = (0, cut[0]) if len(cut) == 1 else (cut[0], cut[1])
    head, taken, before = own[start:end], own[end:], own[:start]
    a, b = label[start], label[end]
    if len(head) > _MAX_HEAD or len(taken) < _MIN_TAKEN or any(where[w] != {b} for w in taken):
        return ""
    if any(a in where[w] for w in shared if w not in head):
        return ""  # the clause also takes other words of the head's own part: it relates the parts
    first = min(parts[b].index(w) for w in taken)
    if any(parts[b].index(w) > first for w in before):
        return ""  # what precedes the head must come before, in its part, what the clause takes from it
    other_head = [w for w in parts[b][:first] if where[w] == {b} and w not in words]
    if not other_head:
        return ""
    return f"{' '.join(head)} / {' '.join(other_head)}"
