"""A name of the abstract put in the place of another name of the same sentence: an entity swap under paraphrase.

'finetuning models already aligned with SQL generation, such as OmniSQL, yields superior ORM performance' ->
'... such as Granite3, yields ...' where Granite3 is a base model named elsewhere in the abstract; 'We focus on
the direct preference optimization (DPO) algorithm in particular since it assumes ...' -> 'The authors focus on
the SFT policy in particular, since it assumes ...'. `families.entity_swapped` reads this only when the claim is
the sentence with that one edit; here the rest of the claim may be reworded. The claim's name N sits where the
sentence has name M when the content words just before and just after N in the claim are those around M in the
sentence (on both sides: a frame, not a shared topic word), and N's own mentions elsewhere in the abstract fit
that frame less well (so a claim that merges two sentences' facts is not read as a swap). A name found nowhere
in the abstract is left to the unsupported readers; an abbreviation, a part of a longer name or an alias set in
parentheses ('direct preference optimization (DPO)') is the same thing, not another.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reviewer.checker.crossed import _norm
from reviewer.checker.ownname import abbreviations
from reviewer.textutil import STOPWORDS

_TOKEN = re.compile(r"[A-Za-z0-9][\w\-.+]*[\w+]|[A-Za-z0-9]|[;:()]")
_BREAK = frozenset("; : whereas while but although though yet unlike respectively".split())
_WINDOW = 4
_CROSS_MARGIN = 3  # names exchanged: the crossed reading must fit this many more frame words
_QUANTITY = re.compile(r"^\d[\d.,]*(?:%|x|k|m|b|bn|th|st|nd|rd)?$", re.IGNORECASE)
# Words that name the paper's own work or a generic role rather than a thing that could be swapped.
_GENERIC = frozenset("our we this the authors it they".split())


def _is_name(tok: str, first: bool) -> bool:
    """A name as `features.named_terms` reads one: an acronym, a word with digits or capitals inside, or a
    capitalised word that does not open the sentence."""
    if _QUANTITY.match(tok) or not any(ch.isalpha() for ch in tok):
        return False
    upper = sum(ch.isupper() for ch in tok)
    return upper >= 2 or any(ch.isdigit() for ch in tok) or (not first and tok[:1].isupper())


@lru_cache(maxsize=4096)
def _read(text: str) -> tuple[tuple[str, ...], tuple[int, ...], tuple[str | None, ...]]:
    """Content stems in order (a hyphenated word gives each part, a name stays whole), the clause each sits in,
    and for each the lower-cased name it is (or None)."""
    stems: list[str] = []
    clause: list[int] = []
    names: list[str | None] = []
    c = 0
    toks = _TOKEN.findall(text)
    for i, tok in enumerate(toks):
        low = tok.lower().rstrip(".")
        if low in _BREAK:
            c += 1
            continue
        if low in STOPWORDS or not tok[:1].isalnum() or len(low) < 2 or _QUANTITY.match(low):
            continue  # (a value is no frame: where values sit is the number readers' question)
        name = low if _is_name(tok.rstrip("."), i == 0) else None
        for part in [low] if name else [p for p in low.split("-") if p and p not in STOPWORDS]:
            stems.append(_norm(part))
            clause.append(c)
            names.append(name)
    return tuple(stems), tuple(clause), tuple(names)


def _run_start(stems: tuple[str, ...], names: tuple[str | None, ...], i: int, text: str) -> int:
    """Where the name run ending at `i` begins: 'Claude 3.5 Sonnet' is one name, read from 'Claude'."""
    surface = set(re.findall(r"\b[A-Z][\w\-.]*|\b\d[\d.]*\b", text))
    j = i
    while j > 0 and (names[j - 1] is not None or any(_norm(w.lower()) == stems[j - 1] for w in surface)):
        j -= 1
    return j


def _frames(text: str, name: str, skip: frozenset[str] = frozenset()) -> list[tuple[set[str], set[str]]]:
    """The content stems within the window before and after each mention of `name` (past the rest of its name
    run), inside its clause; the names in `skip` (the two compared) are no context."""
    stems, clause, names = _read(text)
    out = []
    for i, n in enumerate(names):
        if n != name:
            continue
        start = _run_start(stems, names, i, text)
        left = {stems[j] for j in range(max(0, start - _WINDOW), start)
                if clause[j] == clause[i] and names[j] not in skip}
        right = {stems[j] for j in range(i + 1, min(len(stems), i + 1 + _WINDOW))
                 if clause[j] == clause[i] and names[j] not in skip}
        out.append((left, right))
    return out


def _fit(a: list[tuple[set[str], set[str]]], b: list[tuple[set[str], set[str]]]) -> tuple[int, int]:
    """The best (left, right) overlap between any mention in `a` and any in `b`."""
    return max(((len(la & lb), len(ra & rb)) for la, ra in a for lb, rb in b), key=sum, default=(0, 0))


def _aliases(name: str, abstract: str) -> set[str]:
    """The name and what the abstract sets beside it in parentheses ('Best-of-N (BoN)', 'BoN (Best-of-N)')."""
    out = {name}
    low = abstract.lower()
    for long, abbr in abbreviations(abstract):
        if name in (long.lower(), abbr.lower()):
            out |= {long.lower(), abbr.lower()}
    for m in re.finditer(rf"(?<![\w-]){re.escape(name)}\s*\(([^()]{{1,60}})\)", low):
        out.add(m.group(1).split(",")[0].strip())
    for m in re.finditer(rf"([\w-]+)\s*\({re.escape(name)}\)", low):
        out.add(m.group(1))
    return out


def _same_thing(n: str, m: str, abstract: str) -> bool:
    """One name is part, abbreviation or parenthesised alias of the other (or of an alias of it)."""
    for a in _aliases(n, abstract):
        for b in _aliases(m, abstract):
            if a in b or b in a or set(a.split("-")) & set(b.split("-")):
                return True
    return False


def _introduced(name: str, abstract: str) -> bool:
    """The paper introduces the name as its own ('we propose ... PTA-GRPO'): it stands for 'we' and 'our method'."""
    return bool(re.search(rf"\b(?:we|this (?:paper|work))\b[^.]{{0,40}}\b(?:propose|introduce|present|develop|design|"
                          rf"call|name|term|dub)\w*\b[^.]*(?<![\w-]){re.escape(name)}(?![\w-])", abstract.lower()))


def name_substituted(claim: str, sentence: str, abstract: list[str]) -> tuple[str, str] | None:
    """(N, M): the claim's name N stands in the frame the sentence gives to its name M (which the claim drops or
    moves elsewhere), and N is another thing
    of the abstract (`abstract`: its sentences) whose own mentions do not fit that frame as well; None when no
    name is substituted."""
    c_names = {n for n in _read(claim)[2] if n}
    s_names = {n for n in _read(sentence)[2] if n}
    extra = sorted(c_names - s_names - _GENERIC)
    lost = sorted(s_names - c_names - _GENERIC)
    if not extra or not lost:
        return None
    others = [s for s in abstract if s != sentence]
    text = " ".join(abstract)
    for n in extra:
        if _introduced(n, text) or re.search(rf"(?<![\w-]){re.escape(n)}(?:'s)?\s+(?:paper|study|work|article|authors|team)\b",
                                             claim.lower()):
            continue  # the paper's own method, or the paper itself ('The CDR paper shows ...'): no other thing
        if any(_same_thing(n, x, text) for x in s_names):
            continue  # the sentence names it too, spelled another way ('execution-based BoN' and 'ex-BoN')
        homes = [f for s in others for f in _frames(s, n, frozenset({n}))]
        if not homes:
            continue  # named nowhere else: another thing, but not one of this abstract (unsupported, not swapped)
        for m in [*lost, *(sorted(s_names & c_names - _GENERIC))]:
            if _same_thing(n, m, text):
                continue
            skip = frozenset({n, m})
            mine = _frames(claim, n, skip)
            theirs = _frames(sentence, m, skip)
            left, right = _fit(mine, theirs)
            if m in c_names and sum(_fit(_frames(claim, m, skip), theirs)) > 1:
                continue  # the claim keeps M in (much of) its own frame: N is added beside it, not put in its place
            own = sum(_fit(mine, homes))
            opens = all(not x for x, _ in mine)  # the claim's name opens its clause: its frame is what follows
            if left + right > own and ((left >= 1 and right >= 1 and left + right >= 3) or (opens and right >= 3)):
                return n, m
    return None


def _common_words(text: str) -> set[str]:
    """Words the text also writes in lower case ('the reward values' beside 'Adaptive Step Reward'): a word of a
    longer name, and a common word besides, has no frame of its own to exchange."""
    return set(re.findall(r"(?<![\w\-])[a-z][a-z]+(?![\w\-])", text))


def names_crossed(claim: str, sentence: str) -> tuple[str, str] | None:
    """(N, M): two names of the sentence that the claim puts in each other's frames ('GTR enhances the LLaVA-7b
    model across visual environments such as ALFWorld' -> '... the ALFWorld model ... such as LLaVA-7b'): each
    name's frame in the claim fits the other's frame in the sentence clearly better than its own. A passive, a
    comparison or a possessive between them ('B is beaten by A') reads the same fact in another order."""
    from reviewer.checker.crossed import _between, _links

    shared = sorted({n for n in _read(claim)[2] if n} & {n for n in _read(sentence)[2] if n} - _GENERIC
                    - _common_words(claim) - _common_words(sentence))
    best: tuple[int, tuple[str, str]] | None = None
    for i, n in enumerate(shared):
        for m in shared[i + 1 :]:
            if _same_thing(n, m, sentence):
                continue
            skip = frozenset({n, m})
            cn, cm = _frames(claim, n, skip), _frames(claim, m, skip)
            sn, sm = _frames(sentence, n, skip), _frames(sentence, m, skip)
            straight = sum(_fit(cn, sn)) + sum(_fit(cm, sm))
            one, two = sum(_fit(cn, sm)), sum(_fit(cm, sn))
            if min(one, two) < 1 or one + two < straight + _CROSS_MARGIN:
                continue
            if best is None or one + two - straight > best[0]:
                best = (one + two - straight, (n, m))
    if best is None:
        return None
    n, m = best[1]
    a, b = _norm(n), _norm(m)
    if _links(_between(claim, a, b)) != _links(_between(sentence, a, b)):
        return None
    return best[1]
