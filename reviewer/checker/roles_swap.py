"""Contradictions that keep every word family of the evidence but move what attaches to what.

Three forms a human rewriter uses to reverse a finding without an antonym of the evidence's verb:

- a degree modifier turned over on the same head: 'highly correlated' -> 'only weakly correlated',
  'scales effectively' -> 'scales poorly', 'with smaller subsets' -> 'with larger subsets';
- a likeness relation turned over on the same object: 'deviate from human behavior' -> 'closely track
  human behavior' ('align with', 'match', 'follow' against 'deviate', 'diverge', 'differ', 'depart');
- two names exchanged around the same frame: 'elevates A to match the efficiency of B' -> 'lifts B to
  match the efficiency of A', '5.1% on A and 3.6% on B' -> '5.1% on B and 3.6% on A';
- two names exchanged across clauses: 'A follows stable targets, whereas B follows dynamic ones' -> 'B
  follows stable targets, whereas A ...' (names, or role phrases such as 'the draft model').

Each reads one claim against one evidence sentence and fires only when the sentence does not also say
the claim's version (a sentence that says both decides nothing).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.textutil import STOPWORDS, stemmer

_TOKEN = re.compile(r"[A-Za-z0-9][\w\-.%+]*[\w%+]|[A-Za-z0-9%]|[,;:()]")
_NEGATORS = frozenset("not no never without cannot hardly".split())
# Degree of an effect or a relation: adverbs and evaluative adjectives (surface forms).
_HIGH = frozenset("highly strongly closely significantly substantially greatly considerably markedly dramatically "
                  "effectively heavily tightly well significant substantial considerable marked strong heavy severe "
                  "massive huge high".split())
_LOW = frozenset("weakly poorly barely slightly marginally modestly loosely minimally negligibly mildly limited "
                 "marginal slight modest negligible weak minimal mild low poor".split())
# Comparative size, read only where no 'than' follows (an explicit comparison is read by the comparison rules).
_MORE = frozenset("larger bigger greater higher more".split())
_LESS = frozenset("smaller lower less fewer".split())
_CLAUSE_END = frozenset(",;:()")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _content(tok: str) -> bool:
    return tok[:1].isalnum() and tok.lower() not in STOPWORDS


def _stem(tok: str) -> str:
    return stemmer().stemWord(tok.lower())


def _then_than(toks: list[str], i: int) -> bool:
    """'than' later in the same clause: an explicit comparison, left to the comparison readers."""
    for t in toks[i + 1 : i + 8]:
        if t in _CLAUSE_END:
            return False
        if t.lower() == "than":
            return True
    return False


def _degree_marks(text: str) -> set[tuple[str, int]]:
    """(head stem, +1 high / -1 low) for each degree or size modifier and the content word it modifies."""
    toks = _tokens(text)
    low = [t.lower() for t in toks]
    out: set[tuple[str, int]] = set()
    for i, w in enumerate(low):
        side = 1 if w in _HIGH else -1 if w in _LOW else 0
        size = 1 if w in _MORE else -1 if w in _LESS else 0
        if not (side or size):
            continue
        if w == "well" and ((i > 0 and low[i - 1] == "as") or (i + 1 < len(low) and low[i + 1] in ("as", "known"))):
            continue
        if size and (_then_than(toks, i) or (i + 1 < len(toks) and toks[i + 1][:1].isdigit())):
            continue
        sign = side or size
        if any(t in _NEGATORS or t.endswith("n't") for t in low[max(0, i - 2) : i]):
            sign = -sign
        heads = []
        if i + 1 < len(toks) and _content(toks[i + 1]) and low[i + 1] not in _HIGH | _LOW | _MORE | _LESS:
            heads.append(toks[i + 1])
        if w.endswith("ly") or w == "well":  # 'scales effectively', 'improve the baselines substantially'
            before = [t for t in toks[max(0, i - 4) : i] if t not in _CLAUSE_END]
            heads += [t for t in before if _content(t)][-2:]
        for h in heads:
            out.add((_stem(h), sign))
    return out


def degree_reversed(claim: str, sentence: str) -> list[str]:
    """Heads the claim modifies one way ('weakly correlated') and the sentence only the other ('highly')."""
    c, s = _degree_marks(claim), _degree_marks(sentence)
    return sorted(h for h, sign in c if (h, -sign) in s and (h, sign) not in s)


# ---------------------------------------------------------------- likeness relations

_ALIKE = re.compile(r"\b(?:align(?:s|ed)?(?:\s+(?:more\s+)?closely)?\s+with|track(?:s|ed)?|match(?:es|ed)?|"
                    r"mirror(?:s|ed)?|resembl(?:e|es|ed)|follow(?:s|ed)?|agree(?:s|d)?\s+with|"
                    r"(?:consistent|in line)\s+with|similar\s+to|close\s+to)\s+", re.IGNORECASE)
_DIFFER = re.compile(r"\b(?:deviat(?:e|es|ed)|diverg(?:e|es|ed)|differ(?:s|ed)?|depart(?:s|ed)?)\s+from\s+|"
                     r"\b(?:inconsistent\s+with|dissimilar\s+to|distinct\s+from|far\s+from)\s+", re.IGNORECASE)


def _objects(text: str, pattern: re.Pattern[str], sign: int) -> list[tuple[int, frozenset[str]]]:
    out = []
    for m in pattern.finditer(text):
        sign_here = sign
        before = [t.lower() for t in _tokens(text[: m.start()])][-2:]
        if any(t in _NEGATORS or t.endswith("n't") for t in before):
            sign_here = -sign
        obj: list[str] = []
        for t in _tokens(text[m.end() :])[:6]:
            if t in _CLAUSE_END or t.lower() in ("and", "but", "while", "whereas", "rather", "than", "when", "as"):
                break
            if _content(t):
                obj.append(_stem(t))
        if obj:
            out.append((sign_here, frozenset(obj)))
    return out


def _relations(text: str) -> list[tuple[int, frozenset[str]]]:
    return _objects(text, _ALIKE, 1) + _objects(text, _DIFFER, -1)


def _same_object(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = a & b
    return len(shared) >= min(2, len(a), len(b)) and len(shared) * 2 >= min(len(a), len(b))


def likeness_reversed(claim: str, sentence: str) -> list[str]:
    """Objects the claim says something is like (or unlike) where the sentence says only the opposite."""
    s = _relations(sentence)
    out = []
    for sign, obj in _relations(claim):
        if any(sg == sign and _same_object(obj, o) for sg, o in s):
            continue
        if any(sg != sign and _same_object(obj, o) for sg, o in s):
            out.append(" ".join(sorted(obj)))
    return out


# ---------------------------------------------------------------- names exchanged in one frame

_SYMMETRIC = frozenset("compar versus vs similar equal same like both between relat differ".split())
# A comparison between the two names is read by the comparison readers, which know its converse forms
# ('A outperforms B' = 'B is worse than A'); here it would look like an exchange.
_COMPARATIVE = frozenset("than outperform surpass beat exceed better wors superior inferior lag trail behind ahead "
                         "over underperform".split())
_PASSIVE = frozenset("by".split())
_MAX_FRAME = 12


def _positions(toks: list[str], term: str) -> list[int]:
    return [i for i, t in enumerate(toks) if t.lower().strip(".") == term]


def _middle(toks: list[str], i: int, j: int) -> set[str] | None:
    """Content stems and numbers between two positions, or None when the words there make the relation
    symmetric ('A compared with B'), passive ('A is outperformed by B') or a comparison, or cross a clause
    break (then the order of the two names is the order of the clauses, free in a paraphrase)."""
    mid = toks[i + 1 : j]
    low = {t.lower() for t in mid}
    if len(mid) > _MAX_FRAME or low & {",", ";", ":"}:
        return None
    stems = {_stem(t) if not t[:1].isdigit() else t for t in mid if _content(t)}
    if low & _PASSIVE or stems & (_SYMMETRIC | _COMPARATIVE) or low & _COMPARATIVE:
        return None
    return stems


def frame_swapped(claim: str, sentence: str, named: Callable[[str], set[str]]) -> list[tuple[str, str]]:
    """Name pairs (A, B) that the claim and the sentence put in opposite order around the same words
    ('lifts A to match B' vs 'elevates B to match A'); `named` gives a text's named terms, lower-cased."""
    ct, st = _tokens(claim), _tokens(sentence)
    terms = sorted(t for t in named(claim) & named(sentence)
                   if len(_positions(ct, t)) == 1 and len(_positions(st, t)) == 1)
    out = []
    for a in terms:
        for b in terms:
            if a >= b or a in b or b in a:
                continue
            (ca,), (cb,), (sa,), (sb,) = (_positions(ct, a), _positions(ct, b), _positions(st, a),
                                          _positions(st, b))
            if (ca < cb) == (sa < sb):
                continue
            cm = _middle(ct, min(ca, cb), max(ca, cb))
            sm = _middle(st, min(sa, sb), max(sa, sb))
            if not cm or not sm:
                continue
            if len(cm & sm) >= 0.4 * len(cm | sm):
                out.append((a, b))
    return out


# ---------------------------------------------------------------- names exchanged across clauses

# Heads of the role nouns a finding sets against each other ('lightweight models', 'the draft model',
# 'generation tasks'): the modifier before them names which one.
_ROLE_HEADS = frozenset("model models method methods agent agents policy policies task tasks dataset datasets "
                        "benchmark benchmarks baseline baselines approach approaches variant variants setting "
                        "settings traces preferences teacher student encoder decoder".split())
_BINDING_STOP = frozenset("whereas while but although though yet unlike".split())


def _entity_spans(text: str, named: Callable[[str], set[str]]) -> dict[str, tuple[int, int]]:
    """Named terms and '<modifier> <role noun>' phrases that occur exactly once, with their token spans."""
    toks = _tokens(text)
    low = [t.lower().strip(".") for t in toks]
    found: dict[str, list[tuple[int, int]]] = {}
    for term in named(text):
        for i in _positions(toks, term):
            found.setdefault(term, []).append((i, i + 1))
    for i in range(1, len(toks)):
        if low[i] in _ROLE_HEADS and _content(toks[i - 1]) and not toks[i - 1][:1].isdigit() and \
                low[i - 1] not in _ROLE_HEADS:
            found.setdefault(f"{_stem(toks[i - 1])} {_stem(toks[i])}", []).append((i - 1, i + 1))
    ends = {span[1] for spans in found.values() for span in spans}
    # 'RSD-generated reasoning traces': the role phrase belongs to the name before it, it is not a rival
    return {k: v[0] for k, v in found.items() if len(v) == 1 and not (" " in k and v[0][0] in ends)}


def _binding(toks: list[str], span: tuple[int, int], starts: set[int]) -> set[str] | None:
    """Content stems that follow a name up to the clause end or the next name: what the clause says of it.
    None when that is a comparison, a passive or a symmetric relation (read elsewhere, or order-free)."""
    out: list[str] = []
    for k in range(span[1], min(len(toks), span[1] + 12)):
        t = toks[k]
        if k in starts or t in _CLAUSE_END or t.lower() in _BINDING_STOP:
            break
        out.append(t)
    low = {t.lower() for t in out}
    stems = {_stem(t) if not t[:1].isdigit() else t for t in out if _content(t)}
    # 'is outperformed by', 'followed by' (not 'degrades ... by 20%')
    passive = any(t.lower() in _PASSIVE and k and out[k - 1].lower().endswith(("ed", "en")) for k, t in enumerate(out))
    if passive or low & _COMPARATIVE or stems & (_SYMMETRIC | _COMPARATIVE):
        return None
    return stems


def bindings_swapped(claim: str, sentence: str, named: Callable[[str], set[str]]) -> list[tuple[str, str]]:
    """Name pairs (A, B) where what the claim says of A the sentence says of B and the reverse, each in its
    own clause: 'B follows stable targets, whereas A follows dynamic ones' against 'A follows stable
    targets, whereas B follows dynamic ones'; 'a draft model writes the first tokens and the leading model
    completes them' against the reverse. Only the words that tell the two clauses apart are compared."""
    ce, se = _entity_spans(claim, named), _entity_spans(sentence, named)
    ct, st = _tokens(claim), _tokens(sentence)
    shared = sorted(k for k in ce.keys() & se.keys())
    c_starts = {ce[k][0] for k in shared}
    s_starts = {se[k][0] for k in shared}
    out = []
    for x, a in enumerate(shared):
        for b in shared[x + 1 :]:
            if a in b or b in a or set(a.split()) & set(b.split()) - _ROLE_HEADS_STEMS:
                continue
            ca, cb = _binding(ct, ce[a], c_starts), _binding(ct, ce[b], c_starts)
            sa, sb = _binding(st, se[a], s_starts), _binding(st, se[b], s_starts)
            if ca is None or cb is None or sa is None or sb is None:
                continue
            ca, cb, sa, sb = ca - cb, cb - ca, sa - sb, sb - sa
            cross1, cross2 = len(ca & sb), len(cb & sa)
            straight = len(ca & sa) + len(cb & sb)
            if cross1 and cross2 and cross1 + cross2 >= straight + 2:
                out.append((a, b))
    return out


_ROLE_HEADS_STEMS = frozenset(_stem(h) for h in _ROLE_HEADS)


# ---------------------------------------------------------------- stages exchanged

_EARLY = frozenset("early earlier initially initial beginning".split())
_LATE = frozenset("later late eventually".split())


def _stage_parts(text: str) -> dict[int, set[str]] | None:
    """Content stems that follow an early (-1) and a late (+1) stage word, each up to the next stage word;
    None unless the text names both stages."""
    toks = [t for t in _tokens(text) if t not in _CLAUSE_END]
    parts: dict[int, list[str]] = {}
    stage = 0
    for t in toks:
        low = t.lower()
        if low in _EARLY or low in _LATE:
            stage = -1 if low in _EARLY else 1
            parts.setdefault(stage, [])
            continue
        if stage and _content(t) and low not in ("stage", "stages", "phase", "phases", "on", "training"):
            parts[stage].append(_stem(t))
    if set(parts) != {-1, 1}:
        return None
    early, late = set(parts[-1]), set(parts[1])
    return {-1: early - late, 1: late - early}


def stage_swapped(claim: str, sentence: str) -> bool:
    """What the claim puts early the sentence puts late, and the reverse ('early on it explores, later it
    verifies' vs 'later it explores, early on it verifies')."""
    c, s = _stage_parts(claim), _stage_parts(sentence)
    if c is None or s is None:
        return False
    cross = len(c[-1] & s[1]) + len(c[1] & s[-1])
    straight = len(c[-1] & s[-1]) + len(c[1] & s[1])
    return bool(c[-1] & s[1]) and bool(c[1] & s[-1]) and cross >= straight + 2


# ---------------------------------------------------------------- an elided predicate denied

_ELIDED = re.compile(r"\b(?:while|whereas|but)\s+(?P<subj>[^,;.]{3,60}?)\s+(?:do|does|did|can|could|will|would)"
                     r"(?:\s+not|n't)\s*(?:[.;,]|$)", re.IGNORECASE)
_DENIAL = frozenset("not no never cannot without".split())


def elided_denial(claim: str, sentence: str) -> bool:
    """'only accurate signals improve performance, while noisy signals do not': the elided predicate is
    denied of the second subject, so a claim asserting it of that subject is reversed."""
    m = _ELIDED.search(sentence)
    if m is None or any(t.lower() in _DENIAL or t.lower().endswith("n't") for t in _tokens(claim)):
        return False
    subj = {_stem(t) for t in _tokens(m.group("subj")) if _content(t)}
    predicate = {_stem(t) for t in _tokens(sentence[: m.start()]) if _content(t)} - subj
    c = {_stem(t) for t in _tokens(claim) if _content(t)}
    return len(c & subj) >= min(2, len(subj)) and len(c & predicate) >= 2
