"""A name of the abstract given the description the abstract gives another of its names: an entity swap.

Abstracts define their parts by name: 'a new dataset (PromptOpinSumm) for Opinion Summarization, and a human
preference dataset (OpinPref)'; '(i) Canon Events, which probes factual recall ..., and (ii) Moral Dilemmas,
which confronts models with ...'; 'Entropic Annealing (EA), directly mitigates ... by monitoring search
diversity via entropy'; 'we build Kaleido, an open, light-weight ... multi-task model'. A claim that swaps two
parts keeps each description and moves the name: 'the Moral Dilemmas task probes factual recall of pivotal life
stages'. Here each defined name's description is read from the abstract (the words of its apposition, its
'which' clause, the clause it opens after its abbreviation, or the words around it when it is set in
parentheses after its description), and the words the claim says of each name it uses (up to the next name or
clause break) are matched against them. A name whose claim words fit another name's description by a clear
margin, and fit its own not at all as well, is swapped; when the other name is in the claim too, its words must
fit the first name's description at least as well as its own (an exchange); a name set as a foil ('A, unlike B,
probes ...') says nothing of its own. A name that stands for the paper ('the FaR paper finds that ...') is
not described by the finding that follows it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reviewer.checker.ownname import abbreviations
from reviewer.textutil import STOPWORDS, content_stems

_NAME = r"[A-Z][\w-]*[A-Za-z0-9](?:\s+(?:of\s+|for\s+)?[A-Z][\w-]*[A-Za-z0-9]){0,3}"
# 'NAME, which/who/a/an/the ...' or 'NAME (ABBR), <anything>': the name with its apposition or clause
_APPOSED = re.compile(rf"(?P<name>{_NAME})(?:\s*\((?P<abbr>[A-Za-z][\w-]{{0,14}})\))?,\s+(?P<lead>which|who|an?|the|"
                      r"\w+)\s+(?=(?P<rest>[^;]*))")
# 'a new dataset (PromptOpinSumm) for Opinion Summarization': a coined name in parentheses after its description
_PARENS = re.compile(r"(?P<before>[^,;:()]{3,80}?)\s*\((?P<name>[A-Z][\w-]*[A-Z0-9][\w-]*)\)(?P<after>[^,;:.()]{0,60})")
_CLAUSE_STOP = re.compile(r";|\.\s|\.$|,?\s+and\s+\(|\s(?:while|whereas|but)\s|,\s+(?:and|or)\s+(?:[a-z]+\s+){0,2}"
                          r"(?=[A-Z(])")
_OPENERS = frozenset("however specifically first second third finally moreover additionally furthermore in this we our "
                     "these to for with by notably overall then thus here".split())
# 'directly mitigates', 'adds': a clause the name opens after its abbreviation
_VERBISH = re.compile(r"^(?:[a-z]+ly|[a-z]{3,}(?<!ss)s)$")
_CLASS = re.compile(r"^[A-Z]{2,}s$")  # 'LLMs', 'VLMs': a class of things, not one part of the abstract
_VALUE_END = re.compile(r"\d%?\s*$")
# 'The FaR paper finds that ...': the name stands for the paper, what follows is its finding, not a description
_FOR_PAPER = re.compile(r"^\s*(?:'s\s+)?(?:paper|study|work|authors|article|report)\b", re.IGNORECASE)
_FOIL = re.compile(r"\b(?:unlike|than|versus|vs\.?|compared (?:to|with)|rather than|instead of|not)\s+(?:the\s+)?$",
                   re.IGNORECASE)
# 'a/an <part> that/which <description>': a part of the method named by a common noun phrase (up to four words)
_PART = re.compile(r"\b(?:a|an)\s+(?P<name>(?:[A-Za-z][\w-]*\s+){0,3}[A-Za-z][\w-]*)\s+(?:that|which)\s+"
                   r"(?=(?P<rest>[^;]*))")
# heads too general to be one part: 'a method that ...', 'a framework that ...' name the paper's whole method
_GENERIC_HEADS = frozenset("method methods approach framework model models system technique way paper work study "
                           "algorithm pipeline strategy problem task benchmark dataset".split())
_MAX_DESC = 12
_MIN_FIT = 3  # claim words matching the other name's description
_MARGIN = 2  # ... beyond their match with the name's own description


def _stems(text: str) -> list[str]:
    """Content stems, a hyphenated word giving each part ('light-weight' -> light, weight); values are no part
    of a description (where values sit is the number readers' question)."""
    out = []
    for s in content_stems(text):
        if any(c.isdigit() for c in s):
            continue
        out += [p for p in s.split("-") if len(p) > 1 and p not in STOPWORDS] if "-" in s else [s]
    return out


def _is_name(name: str, at_start: bool) -> bool:
    if name.split()[0].lower() in _OPENERS:
        return False
    internal = any(c.isupper() or c.isdigit() for c in name[1:].replace(" ", ""))
    return internal if at_start else True


def _desc_of_rest(rest: str) -> frozenset[str]:
    stop = _CLAUSE_STOP.search(rest)
    return frozenset(_stems(rest[: stop.start()] if stop else rest)[:_MAX_DESC])


@lru_cache(maxsize=1024)
def definitions(abstract: str) -> dict[str, tuple[frozenset[str], ...]]:
    """Lower-cased name (and its abbreviation) -> the descriptions the abstract gives it."""
    longs = {long.lower(): abbr for long, abbr in abbreviations(abstract)}
    out: dict[str, list[frozenset[str]]] = {}
    for sentence in re.split(r"(?<=[.!?])\s+", abstract):
        for m in _APPOSED.finditer(sentence):
            name = m.group("name")
            lead = m.group("lead")
            if not _is_name(name, m.start() == 0) or _CLASS.match(m.group("abbr") or name) or (
                    lead not in ("which", "who", "a", "an", "the") and not (m.group("abbr") and _VERBISH.match(lead))):
                continue  # 'large language models (LLMs), and ...': a class in a list, not a part described
            desc = _desc_of_rest((lead if lead not in ("which", "who", "a", "an", "the") else "") + " " + m.group("rest"))
            for key in {name.lower(), (m.group("abbr") or "").lower(), longs.get(name.lower(), "").lower()} - {""}:
                out.setdefault(key, []).append(desc)
        for m in _PARENS.finditer(sentence):
            name, before = m.group("name"), m.group("before")
            if before.strip().lower() in longs or name.lower() in {a.lower() for a in longs.values()} \
                    or _CLASS.match(name) or _VALUE_END.search(before):
                continue  # 'Entropic Annealing (EA)': an abbreviation's definition; '+4.33% (BIRD)': a value's label
            before = re.split(r"\b(?:and|or|include|includes|including|introduce|propose|present)\b", before)[-1]
            desc = frozenset(_stems(before + " " + m.group("after"))[:_MAX_DESC])
            if len(desc) >= 2:
                out.setdefault(name.lower(), []).append(desc)
        for m in _PART.finditer(sentence):  # 'a bundling scheme that aggregates multiple questions into bundles'
            name, before = m.group("name").lower(), sentence[: m.start()].rstrip()
            if re.search(r"(?:,|\b(?:is|are|was|were|as|be))$", before):
                continue  # 'VAT, a novel thinking paradigm that ...', 'X is a Y that ...': another name of one thing
            if name.split()[-1] not in _GENERIC_HEADS and not _OPENERS & set(name.split()):
                out.setdefault(name, []).append(_desc_of_rest(m.group("rest")))
    return {k: tuple(v) for k, v in out.items() if any(v)}


def _claim_words(claim: str, names: list[str]) -> dict[str, frozenset[str]]:
    """What the claim says of each defined name it uses: the words after it, to the next name or clause break."""
    low = claim.lower()
    spots = sorted((m.start(), m.end(), n) for n in names for m in re.finditer(rf"(?<![\w-]){re.escape(n)}(?![\w-])",
                                                                                low))
    out: dict[str, frozenset[str]] = {}
    for k, (start, end, name) in enumerate(spots):
        if _FOIL.search(claim[max(0, start - 30) : start]):
            continue  # 'A, unlike B, probes ...': what follows B is said of A
        nxt = spots[k + 1][0] if k + 1 < len(spots) else len(claim)
        rest = re.sub(r"^\s*\([^()]*\)", "", claim[end:nxt])
        if _FOR_PAPER.match(rest):
            continue
        stop = _CLAUSE_STOP.search(rest)
        words = frozenset(_stems(rest[: stop.start()] if stop else rest))
        out[name] = out.get(name, frozenset()) | words
    return out


def _abbreviated(claim: str, names: list[str]) -> str:
    """The claim with a defined abbreviation's spelled-out form written as the abbreviation ('chain-of-thought
    prompting' -> 'cot prompting' where the abstract defines 'Chain-of-Thought(CoT)'): else the words the claim
    says of another name run on through the spelled-out one and take up its description."""
    for abbr in (n for n in names if n.isalpha() and 2 <= len(n) <= 6 and " " not in n):
        run = r"[-\s]+".join(rf"{c}[a-z]*" for c in abbr)
        claim = re.sub(rf"(?<![\w-]){run}(?![\w-])", abbr, claim, flags=re.IGNORECASE)
    return claim


def _fit(words: frozenset[str], descs: tuple[frozenset[str], ...]) -> int:
    return max((len(words & d) for d in descs), default=0)


def description_swapped(claim: str, abstract: str) -> tuple[str, str] | None:
    """(the claim's name, the name whose description the claim gives it), or None."""
    defs = definitions(abstract)
    if len(defs) < 2:
        return None
    used = _claim_words(_abbreviated(claim, list(defs)), list(defs))
    for x, wx in used.items():
        for y, dy in defs.items():
            if y == x or y in x or x in y or defs[x] == dy:
                continue  # a name and its own abbreviation or part
            fit = _fit(wx, dy)
            if fit < _MIN_FIT or fit < _fit(wx, defs[x]) + _MARGIN:
                continue
            if y in used and _fit(used[y], defs[x]) < _fit(used[y], dy):
                continue  # the other name keeps its own description in the claim: a contrast, not an exchange
            return x, y
    return None
