"""Two things of one abstract whose descriptions a claim exchanges, within a sentence or across sentences.

'we introduce contrastive learning to ... distinguish between chosen and rejected responses' and, two
sentences later, 'we employ meta-learning to ... differentiate subtle differences in out-of-distribution
samples', against 'meta-learning helps reward models distinguish chosen from rejected responses, and
contrastive learning keeps them able to differentiate subtle differences': each thing keeps its words, but
what is said of A the abstract says of B and the reverse. `roles_swap.bindings_swapped` reads this inside one
sentence; here the abstract's description of a thing is gathered from every sentence that names it.

A thing is a named term (acronym, model name, capitalised word), a '<modifier> <head>' phrase whose head is
a kind of method, data or role ('contrastive learning', 'the draft model'), or an agent named by its role
('the generator', 'the verifier', 'humans', 'annotators'). What a text says of it is the
content words that follow it up to the clause end or the next thing (past a ', which ...' aside that
describes it). Comparisons, passives and symmetric relations are left to the comparison readers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from reviewer.checker.roles_swap import _COMPARATIVE, _PASSIVE, _SYMMETRIC, _content, _stem, _tokens
from reviewer.textutil import content_stems

_HEADS = frozenset("model models method methods agent agents policy policies task tasks dataset datasets benchmark "
                   "benchmarks baseline baselines approach approaches variant variants setting settings traces "
                   "teacher student encoder decoder learning loss objective objectives mechanism module strategy "
                   "strategies technique techniques algorithm algorithms distillation prompting sampling metric "
                   "metrics".split())
_HEAD_STEMS = frozenset(_stem(h) for h in _HEADS)
# Agents named by a plural alone ('humans provide verified annotations, while LLMs perform the curation').
_PLURAL_AGENTS = frozenset("humans annotators users experts participants raters crowdworkers".split())
# Agents named by their role alone ('the generator predicts the next state, and the discriminator ...').
_AGENTS = frozenset("generator discriminator verifier critic planner proposer solver judge actor learner teacher "
                    "student encoder decoder retriever reranker".split())
_DETERMINERS = frozenset("the a an its our".split())
_CLAUSE_END = frozenset(",;:()")
_STOP = frozenset("whereas while but although though yet unlike and or".split())
_ASIDE = frozenset("which who where".split())
_SPAN = 12
_MARGIN = 3  # the exchanged reading must beat the straight one by this many shared words


def _things(toks: list[str], named: set[str]) -> dict[str, list[tuple[int, int]]]:
    """Token spans of each named term and '<modifier> <head>' phrase (keyed by its lower-cased / stemmed form)."""
    low = [t.lower().strip(".") for t in toks]
    found: dict[str, list[tuple[int, int]]] = {}
    for i, w in enumerate(low):
        if w in named:
            found.setdefault(w, []).append((i, i + 1))
        if (i and w in _AGENTS and low[i - 1] in _DETERMINERS) or w in _PLURAL_AGENTS:
            found.setdefault(w, []).append((i, i + 1))
        if "-" in w and w.rsplit("-", 1)[1] in _HEADS and w.rsplit("-", 1)[0].isalpha():
            found.setdefault(_stem(w), []).append((i, i + 1))  # 'meta-learning', 'self-distillation'
        if i and w in _HEADS and _content(toks[i - 1]) and not toks[i - 1][:1].isdigit() and low[i - 1] not in _HEADS:
            found.setdefault(f"{_stem(toks[i - 1])} {_stem(w)}", []).append((i - 1, i + 1))
    return found


def _said_of(toks: list[str], span: tuple[int, int], starts: set[int]) -> set[str] | None:
    """Content stems after the thing, to its clause end or the next thing; None for a comparison or passive."""
    out: list[str] = []
    k = span[1]
    if k + 1 < len(toks) and toks[k] == "," and toks[k + 1].lower() in _ASIDE:
        k += 2  # 'Alignment, which guarantees that ...': the aside describes it
    elif k < len(toks) and toks[k] == "(" and ")" in toks[k : k + 16]:
        k = toks.index(")", k) + 1  # 'Adversarial metrics (ability to identify ...) consistently scale up'
    start = k
    reached = False
    while k < min(len(toks), start + _SPAN):
        t = toks[k]
        if k in starts or t in _CLAUSE_END or t.lower() in _STOP:
            reached = k in starts
            break
        out.append(t)
        k += 1
    low = {t.lower() for t in out}
    stems = {_stem(t) for t in out if _content(t) and not t[:1].isdigit()}
    # 'A outperforms B', 'A is followed by B', 'A compared with B': a relation between two things, not a
    # description of one (a comparison inside the description, 'positive scores surpass negative ones', is)
    if reached and (low & _PASSIVE or low & _COMPARATIVE or stems & (_SYMMETRIC | _COMPARATIVE)):
        return None
    return stems


@lru_cache(maxsize=4096)  # an abstract's sentences are read again for every claim that cites it
def _descriptions(text: str, named: Callable[[str], set[str]]) -> dict[str, set[str] | None]:
    toks = _tokens(text)
    names = named(text)
    things = _things(toks, names)
    # a description runs on past a role phrase ('meta-learning helps reward models distinguish ...'), not a name
    starts = {a for key, spans in things.items() for a, _ in spans if key in names}
    out: dict[str, set[str] | None] = {}
    for key, spans in things.items():
        said = [_said_of(toks, s, starts) for s in spans]
        out[key] = None if any(x is None for x in said) else set().union(*said)  # type: ignore[arg-type]
    return out


def descriptions_exchanged(claim: str, sentences: list[str], named: Callable[[str], set[str]]) -> list[tuple[str, str]]:
    """Pairs (A, B) where what the claim says of A the abstract says of B, and the reverse, clearly more than
    it says either of its own thing."""
    mine = _descriptions(claim, named)
    if sum(1 for v in mine.values() if v) < 2:
        return []
    theirs: dict[str, set[str] | None] = {}
    for s in sentences:
        for key, said in _descriptions(s, named).items():
            if key in theirs and (theirs[key] is None or said is None):
                theirs[key] = None
            else:
                theirs[key] = (theirs.get(key) or set()) | (said or set())
    shared = sorted(k for k in mine.keys() & theirs.keys() if mine[k] and theirs[k])
    out = []
    for x, a in enumerate(shared):
        for b in shared[x + 1 :]:
            if a in b or b in a or set(a.split()) & set(b.split()) - _HEAD_STEMS:
                continue  # 'adversarial metrics' and 'subjective metrics' are two things; 'trace' is in 'reason trace'
            ca, cb, ea, eb = mine[a], mine[b], theirs[a], theirs[b]
            assert ca is not None and cb is not None and ea is not None and eb is not None
            own = set(a.split()) | set(b.split())
            ca, cb, ea, eb = ca - cb - own, cb - ca - own, ea - eb - own, eb - ea - own
            cross1, cross2 = len(ca & eb), len(cb & ea)
            if cross1 and cross2 and cross1 + cross2 >= len(ca & ea) + len(cb & eb) + _MARGIN:
                out.append((a, b))
    return out


# ---------------------------------------------------------------- a name given the other kind

# What a name is: a model, or the data it is trained or tested on. 'Qwen2.5-3B and Qwen2.5-7B models' and 'two new
# datasets: TAPO-easy-60K and TAPO-hard-18K' against 'TAPO-easy-60K and TAPO-hard-18K models'.
_KINDS = {**dict.fromkeys("model models llm llms checkpoint checkpoints".split(), "model"),
          **dict.fromkeys("dataset datasets benchmark benchmarks corpus corpora".split(), "data")}
_KIND = "|".join(_KINDS)
_NAME = r"[A-Za-z][\w.\-]*"
_KIND_WORD = re.compile(rf"\b(?:{_KIND})\b", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _kind_patterns(term: str, loose: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    t = re.escape(term)
    intro = r"(?::|such as|like|including|\()" if loose else r"(?::|\()"
    after = re.compile(rf"(?<![\w.\-]){t}(?![\w\-])(?:\s*(?:,|and|or)\s*(?:and\s+)?{_NAME})*\s+(?:as\s+(?:the\s+)?"
                       rf"(?:\w+\s+)?)?({_KIND})\b", re.IGNORECASE)
    before = re.compile(rf"\b({_KIND})\s*{intro}\s*(?:{_NAME}\s*(?:,|and|or)\s*(?:and\s+)?)*{t}(?![\w\-])",
                        re.IGNORECASE)
    return after, before


def _kinds_of(text: str, term: str, loose: bool = True) -> set[str]:
    """Kinds a text gives a name: a kind noun right after it (past a list of further names or 'as the new'), or
    before it ('datasets: A and B', and when `loose` 'benchmarks such as A', whose list may run on into the
    clause's subject: 'on benchmarks such as MedXpert, Claude-3.5 and DeepSeek-V3 still surpass ...')."""
    return {_KINDS[m.group(1).lower()] for rx in _kind_patterns(term, loose) for m in rx.finditer(text)}


def kind_changed(claim: str, evidence_text: str, named: Callable[[str], set[str]]) -> list[tuple[str, str, str]]:
    """(name, the claim's kind, the evidence's kind) where the claim calls a name of the abstract a model and the
    abstract only ever calls it data, or the reverse."""
    out: list[tuple[str, str, str]] = []
    if not _KIND_WORD.search(claim):
        return out  # the claim calls nothing a model or a dataset
    for term in sorted(named(claim) & named(evidence_text)):
        if not any(ch.isdigit() for ch in term) and "-" not in term:
            continue  # a plain word ('Alignment') is not a model or dataset name
        if len(mine := _kinds_of(claim, term, loose=False)) != 1:
            continue
        if len(theirs := _kinds_of(evidence_text, term)) == 1 and mine != theirs:
            out.append((term, next(iter(mine)), next(iter(theirs))))
    return out


# ---------------------------------------------------------------- the preferred and the passed-over exchanged

_RATHER = re.compile(r"\b(?:rather than|instead of)\b", re.IGNORECASE)
_BREAK = re.compile(r"[,;:()]|\b(?:which|while|whereas|but)\b", re.IGNORECASE)


def _preferences(text: str) -> list[tuple[set[str], set[str]]]:
    """(what is done, what is passed over) for each 'P rather than R' / 'Rather than R, P' ('instead of' alike);
    'P ..., rather than R' takes P from the clause before the comma ('(2) focusing on X, rather than Y')."""
    out = []
    for m in _RATHER.finditer(text):
        before, after = text[: m.start()], text[m.end() :]
        if not before.strip(" ,"):  # 'Rather than providing direct responses, LLMs function as scaffolding tools'
            cut = after.find(",")
            if cut < 0:
                continue
            done, passed = " ".join(after[cut + 1 :].split()[:16]), after[:cut]
        else:
            done = next((x for x in reversed(_BREAK.split(before)) if x and x.strip()), "")
            passed = _BREAK.split(after)[0]
        p, r = set(content_stems(done)), set(content_stems(passed))
        if p - r and r - p:
            out.append((p - r, r - p))
    return out


def preference_exchanged(claim: str, sentence: str) -> bool:
    """The claim does what the sentence passes over, and passes over what it does: 'give direct answers rather
    than break problems into subproblems' against 'rather than providing direct responses, they break complex
    problems into manageable subproblems'. Each 'rather than' of the sentence is read on its own."""
    for c in _preferences(claim)[:1]:
        for s in _preferences(sentence):
            cross = len(c[0] & s[1]) + len(c[1] & s[0])
            if c[0] & s[1] and c[1] & s[0] and cross >= len(c[0] & s[0]) + len(c[1] & s[1]) + 2:
                return True
            # the clause's subject is shared by both done sides and names neither ('reasoning capabilities act as X
            # rather than Y' against '... become Y rather than X'): enough that each passed-over side is mostly the
            # other's done side, and the two passed-over sides share nothing
            if not c[1] & s[1] and 2 * len(c[1] & s[0]) >= len(c[1]) and 2 * len(s[1] & c[0]) >= len(s[1]):
                return True
    return False


# ---------------------------------------------------------------- a value moved to another holder

# A name a value belongs to: a metric at k ('pass@1'), a name with a digit ('GSM8K', 'Qwen2.5-7B'), an acronym.
_WORD = re.compile(r"[+\-]?\d+(?:\.\d+)?%?(?![\w@])|[A-Za-z][\w.\-]*@\w+|[A-Za-z][\w\-.]*[\w]|[,;:()]")
_HOLDER = re.compile(r"[A-Za-z][\w.\-]*@\w+|[A-Za-z][\w\-.]*\d[\w\-.]*|[A-Z][A-Za-z]*[A-Z][\w\-]*")
_VALUE = re.compile(r"[+\-]?\d+(?:\.\d+)?%?")
_REACH = 4  # tokens between a value and its holder
# a value is of a holder linked to it by a preposition ('+8.2 on pass@1', 'pass@1 by 16.8'), not of the subject
# that achieves it ('R1-Reward achieves a 8.4% improvement')
_LINKS = frozenset("on in for at by of across".split())


def _held_values(text: str) -> dict[str, set[str]]:
    """Holder (lower-cased) -> the values nearest it in its clause ('+8.2 on pass@1' gives pass@1 -> {8.2})."""
    toks = _WORD.findall(text.replace("\\%", "%"))
    clause, k = [], 0
    for t in toks:
        k += t in ",;:()"
        clause.append(k)
    out: dict[str, set[str]] = {}
    for i, t in enumerate(toks):
        if not _VALUE.fullmatch(t) or "." not in t and "%" not in t:
            continue  # bare integers are counts and years, read by the number signals
        near = [(abs(j - i), j) for j, h in enumerate(toks) if j != i and clause[j] == clause[i]
                and abs(j - i) <= _REACH and _HOLDER.fullmatch(h) and not _VALUE.fullmatch(h)
                and {w.lower() for w in toks[min(i, j) + 1 : max(i, j)]} & _LINKS]
        if near:
            holder = toks[min(near)[1]].lower()
            out.setdefault(holder, set()).add(t.lstrip("+-"))
    for m in _ASIDE_VALUE.finditer(text.replace("\\%", "%")):  # 'GSM8K (+4.9%), HumanEval (+4.3%)'
        if _HOLDER.fullmatch(m.group(1)):
            out.setdefault(m.group(1).lower(), set()).add(m.group(2).lstrip("+-"))
    return out


_ASIDE_VALUE = re.compile(r"([A-Za-z][\w.\-@]*[\w])\s*\(\s*([+\-]?\d+\.\d+%?|[+\-]?\d+%)")


def value_moved(claim: str, sentence: str) -> list[tuple[str, str, str]]:
    """(value, the claim's holder, the sentence's holder) where the claim gives a value to another holder than the
    sentence does, and the sentence gives the claim's holder another value ('pass@1 by 16.8 and pass@256 by
    8.2' against '+8.2 on pass@1, +16.8 on pass@256')."""
    mine, theirs = _held_values(claim), _held_values(sentence)
    out = []
    for holder, values in mine.items():
        for v in values:
            others = [h for h, vs in theirs.items() if v in vs and h != holder]
            if others and holder in theirs and v not in theirs[holder]:
                out.append((v, holder, others[0]))
    return out
