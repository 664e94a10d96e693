"""Which of a theme's phrases names it, and how a scope line quotes the phrases its papers share.

A label picked for being distinctive can be incidental ("Testing sets" over three papers on multimodal reasoning,
two of which say "multimodal reasoning" and one "testing sets"), or say little ("Optimized policy", "RL
reward": a generic noun with a vague modifier). The phrase more of the section's papers use, word for word, and
that one of their titles uses, says what the section is about. And a phrase quoted as shared must be quoted
whole and as the papers write it: "carlo tree search" is "Monte Carlo tree search", "inference time" is a
modifier cut from "inference-time scaling", which the section's papers either share or do not.
The completion and case rules for titles (complete_name, restore_case) live here too, so both share them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from reviewer.roles import Role, sentence_roles
from reviewer.survey.terms import _GENERIC
from reviewer.survey.titlewords import complete_modifier, is_cut_modifier

_WORD = re.compile(r"[A-Za-z][\w-]*")
NAME_SHARE = 5  # a name is capitalised at least five times as often as not
_FUNCTION = frozenset("a an the of for in on with and to via by from at as is are what how why when".split())

# Heads that say what kind of thing a section holds but not which: a two-word label ending in one of them
# ('Optimized policy', 'Testing sets', 'RL reward') gives way to a phrase with a head of its own.
GENERIC_HEADS = frozenset("""policy policies reward rewards set sets method methods approach approaches data
    signal signals task tasks result results framework frameworks setting settings strategy strategies
    technique techniques problem problems performance""".split())


def uses_phrase(phrase: str, text: str) -> bool:
    """The text has the phrase as a run of words (hyphen or space between them; singular or plural forms)."""
    words = [_word_forms(w) for w in re.split(r"[\s-]+", phrase.strip()) if w]
    pattern = r"(?<![\w-])" + r"[\s-]+".join(words) + r"(?![\w-])"
    return bool(words) and re.search(pattern, text, re.IGNORECASE) is not None


def _word_forms(word: str) -> str:
    """A word's singular and plural: 'steps'/'step', 'pipelines'/'pipeline', and 'trajectories'/'trajectory'."""
    y = re.match(r"(?i)([a-z]{2,}[^aeiou\W])(?:ies|y)$", word)
    if y:
        return re.escape(y.group(1)) + r"(?:y|ies)"
    # 'pipelines' may be 'pipeline' + 's' or, like 'searches', a base + 'es': both bases are tried.
    bases = {re.sub(r"(?i)(?<=[a-z]{3})(?:es|s)$", "", word), re.sub(r"(?i)(?<=[a-z]{3})s$", "", word)}
    return "(?:" + "|".join(re.escape(b) for b in sorted(bases)) + r")(?:s|es)?"


def own_text(title: str, abstract: str) -> str:
    """The title and the abstract's objective and method sentences: what the paper is about, not what it mentions
    in passing ('outcome reward' in the background of a paper on a thinking reward model)."""
    from reviewer.textutil import split_sentences

    sentences = split_sentences(abstract)
    own = [x for x, r in zip(sentences, sentence_roles(sentences), strict=True) if r in (Role.OBJECTIVE, Role.METHOD)]
    return " ".join([title, *own])


def phrase_support(phrase: str, texts: list[str]) -> int:
    return sum(1 for t in texts if uses_phrase(phrase, t))


def generic_head(label: str) -> bool:
    """A label of at most two words whose head is a generic noun: it names no theme of its own."""
    words = re.findall(r"[\w-]+", label)
    return 0 < len(words) <= 2 and words[-1].lower() in GENERIC_HEADS


def better_label(current: str, options: list[str], group: list[str], titles: list[str], need: int) -> str:
    """`current`, or the option more of the group's papers use word for word (and at least `need`, and one
    of their titles): an option used by more papers, or as many when `current` has a generic head."""
    have = phrase_support(current, group)
    best, best_n = current, have
    for option in options:
        if not option or uses_phrase(option, current) or generic_head(option):
            continue
        n = phrase_support(option, group)
        if n < need or not any(uses_phrase(option, t) for t in titles):
            continue
        if n > best_n or (n == best_n and best == current and generic_head(current)):
            best, best_n = option, n
    return best


def corpus_case(phrase: str, abstracts: list[str]) -> str:
    """The phrase as the abstracts write it mid-sentence, in its most common form ('carlo tree search' ->
    'Carlo tree search' or 'Carlo Tree Search', whichever they write more; never a mix of the two); a phrase they
    never write mid-sentence keeps its names' case word by word ('Process supervision' -> 'process supervision')."""
    words = [re.escape(w) for w in re.split(r"[\s-]+", phrase.strip()) if w]
    pattern = re.compile(r"(?<![\w-])" + r"[\s-]+".join(words) + r"(?![\w-])", re.IGNORECASE) if words else None
    forms: Counter[str] = Counter()
    for text in abstracts if pattern is not None else []:
        for m in pattern.finditer(text):
            if m.start() > 0 and not text[:m.start()].rstrip().endswith((".", "!", "?", ":")):
                forms[m.group(0)] += 1
    if forms:
        return max(forms.items(), key=lambda fc: (fc[1], -sum(c.isupper() for c in fc[0])))[0]
    first = phrase.split()
    if first and first[0][1:].islower() and first[0].replace("-", "").isalpha():
        first[0] = first[0].lower()
    return restore_case("x " + " ".join(first), abstracts)[2:]


CUT = 0.8  # a phrase followed by another content word in 4 uses of 5 is a modifier ('inference time' scaling);
# 'multimodal reasoning' (followed by 'tasks', 'models', 'benchmarks' in 7 of 10) is whole. The title path's
# stricter 3-in-5 rule (titlewords.CUT_SHARE) stays for labels it builds itself.


@lru_cache(maxsize=8)
def _lowered(texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t.lower() for t in texts)


def cut_modifier(phrase: str, texts: list[str]) -> bool:
    """The phrase is a modifier cut from its noun in `texts` by the stricter `CUT` share (only texts holding its
    first word are read: a corpus is large)."""
    first = re.split(r"[\s-]+", phrase.strip().lower())[0] if phrase.strip() else ""
    lowered = _lowered(tuple(texts))
    return is_cut_modifier(phrase, [t for t, low in zip(texts, lowered, strict=True) if first in low], CUT)


def whole_phrase(term: str, bodies: list[str], group: list[str], need: int, abstracts: list[str] | None = None,
                 corpus: list[str] | None = None) -> str:
    """A phrase completed from the survey's texts ('carlo tree search' -> 'Monte Carlo tree search'), cased as
    the abstracts write it; a modifier cut from its noun in the corpus (`corpus`, else the survey's texts: a
    survey's few uses of a phrase cannot tell) is completed by the noun `need` of the group's texts put after
    it, else ''."""
    wide = corpus or bodies
    whole = complete_name(term, bodies)
    for _ in range(2):
        if not whole or not cut_modifier(whole, wide):
            break
        whole = complete_modifier(whole, group, need)
    if not whole or cut_modifier(whole, wide):
        return ""
    return corpus_case(whole, abstracts if abstracts is not None else bodies)


def complete_name(raw: str, bodies: list[str]) -> str:
    """Complete a label cut out of a longer name: 'Generative reward' -> 'Generative reward models' (phrases
    stop before 'model(s)', a word too common to start or end one), 'Carlo tree search' -> 'Monte Carlo
    tree search', 'Group relative policy' -> '... policy optimization'. A word is added when the abstracts
    put it next to the label in most of its occurrences (3 in 5 for 'model(s)', else 4 in 5)."""
    parts = raw.split(" and ")
    parts[-1] = _complete(parts[-1].strip(), bodies)
    if len(parts) > 1:
        parts[0] = _complete(parts[0].strip(), bodies)
    return " and ".join(parts)


def _complete(label: str, bodies: list[str]) -> str:
    for _ in range(2):
        if not label or len(label.split()) >= 5:
            return label
        pattern = re.compile(rf"(?:([A-Za-z][\w-]*)\s+)?(?<![\w-]){re.escape(label)}(?![\w-])(?:\s+([A-Za-z][\w-]*))?",
                             re.IGNORECASE)
        low = label.lower()
        hits = [m for b in bodies if low in b.lower() for m in pattern.finditer(b)]
        if len(hits) < 2:
            return label
        after = Counter((m.group(2) or "").lower() for m in hits)
        before = Counter((m.group(1) or "").lower() for m in hits)
        surfaces = {(m.group(1) or "").lower(): m.group(1) for m in hits if m.group(1) and m.group(1)[:1].islower()}
        forms = Counter({w: after[w] for w in ("model", "models", "modeling", "modelling")})
        word_after, n_after = after.most_common(1)[0]
        word_before, n_before = before.most_common(1)[0]
        if not re.search(r"(?i)\bmodel(?:s|l?ing)?$", label) and sum(forms.values()) >= 0.6 * len(hits):
            label += f" {forms.most_common(1)[0][0]}"
        elif word_after and n_after >= 0.8 * len(hits) and _joins_name(word_after):
            label += f" {word_after}"
        elif word_before and n_before >= 0.8 * len(hits) and _joins_name(word_before):
            first, rest = label.split(" ", 1) if " " in label else (label, "")
            if first[1:].islower() and first.isalpha():  # 'Relative ...' is no longer the title's first word
                first = first.lower()
            word = surfaces.get(word_before, word_before)
            label = " ".join(w for w in (word[:1].upper() + word[1:], first, rest) if w)
        else:
            return label
    return label


def _joins_name(word: str) -> bool:
    """A neighbour that can be part of a name: not glue, not a generic or function word."""
    return word.lower() not in _FUNCTION and word.lower() not in _GENERIC and word.lower() not in {"or", "but", "that"}


def restore_case(title: str, bodies: list[str]) -> str:
    """Write a word as the abstracts do when they capitalise it mid-sentence ('monte carlo' -> 'Monte Carlo').

    Only names: a word the abstracts also write in lower case ('optimization', next to 'Policy Optimization'
    inside method names) stays lower case.
    """
    counts: Counter[str] = Counter()
    for body in bodies:
        for m in _WORD.finditer(body):
            start = m.start()
            before = body[max(0, start - 2):start]
            if start == 0 or before.rstrip().endswith((".", "!", "?", ":")):
                continue  # a sentence's first word is capitalised anyway
            counts[m.group(0)] += 1
    forms: dict[str, Counter[str]] = {}
    for form, n in counts.items():
        forms.setdefault(form.lower(), Counter())[form] = n
    out = []
    for i, word in enumerate(title.split()):
        if i > 0 and word.replace("-", "").isalpha() and word.islower():
            # The abstracts' own capitalised form ('Monte', 'Bradley-Terry'), when they write it so far more often.
            named, n = max(((f, c) for f, c in forms.get(word, Counter()).items() if f != word),
                           key=lambda fc: fc[1], default=(word, 0))
            if n >= 2 and n >= NAME_SHARE * counts[word]:
                word = named
        out.append(word)
    return " ".join(_whole_names(out, bodies))


def _whole_names(words: list[str], bodies: list[str]) -> list[str]:
    """'Group Relative policy optimization' -> 'Group Relative Policy Optimization': a name capitalised word by
    word stops where a word is also common in lower case, which leaves half a name capitalised; the words after
    a capitalised one follow it into the name when the abstracts write the pair capitalised more often."""
    text = "\n".join(bodies)
    out = list(words)
    for i in range(2, len(out)):  # the title's first word is capitalised as a sentence's, not as a name
        prev, word = out[i - 1], out[i]
        if not (prev[:1].isupper() and word.replace("-", "").isalpha() and word.islower()):
            continue
        upper = word[:1].upper() + word[1:]
        named = len(re.findall(rf"\b{re.escape(prev)}[\s-]+{re.escape(upper)}\b", text))
        plain = len(re.findall(rf"\b{re.escape(prev)}[\s-]+{re.escape(word)}\b", text))
        if named >= 2 and named > plain:
            out[i] = upper
    return out
