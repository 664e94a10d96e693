"""Which sentences define a term, and which mention it only as the side another thing is contrasted with.

"What is X?" is answered by a sentence that places X in a class or says what X is or does: "X is a ...",
"X, a ...", "Long Name (X), a ...", "X refers to", "known as X", "<class> like/such as X". A sentence
that names X only as the point of comparison ("Unlike X, which ..., Y ...", "outperforms X", "compared
with X") is about Y, even when a relative clause describes X in passing: it may support an answer about
X, never open one.
"""

from __future__ import annotations

import re

from reviewer.models import Paper
from reviewer.textutil import split_sentences

_DEFINING_VERB = (r"(?:(?:is|are)(?!\s+(?:more|less|better|worse|not|also|still|often|\w+er\s+than)\b)|refers? to|"
                  r"denotes?|describes?|means|occurs?|happens?|posits?|holds?|states?|assumes?)")
# What a contrasted side is introduced by, up to two filler words before the term ("Different from its
# counterpart outcome reward models", "than the standard GRPO").
_CONTRAST_MARK = (r"\b(?:unlike|compared (?:to|with)|in contrast (?:to|with)|contrary to|different from|differing from|"
                  r"instead of|rather than|as opposed to|than|outperform\w*|surpass\w*|versus|vs\.?|relative to|"
                  r"improv\w+ (?:on|over|upon)|over|extensions? (?:to|of)|variants? of|alternatives? to|modifications? of|"
                  r"generali[sz]ations? of|successors? (?:to|of))\s+")
_CONTRAST_BEFORE = re.compile(_CONTRAST_MARK + r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# An acronym in brackets after a contrasted long name: "Different from its counterpart outcome reward models (ORMs)".
_CONTRAST_BEFORE_NAME = re.compile(_CONTRAST_MARK + r"(?:[\w-]+\s+){0,5}[\w-]+$", re.IGNORECASE)


_DOUBTED = re.compile(r"\b(?:belief|believed|assumed|whether|myth|misconception)\b", re.IGNORECASE)


def term_pattern(term: str) -> re.Pattern[str] | None:
    """A loose match for a term: case-insensitive, plural-tolerant, hyphen/space-tolerant."""
    words = [w for w in re.split(r"[\s\-]+", term.strip()) if w]
    if not words:
        return None
    # Only the last word takes a plural: "process reward models" -> "process reward model(s)", never "proces".
    last = words[-1]
    parts = [re.escape(w) for w in words[:-1]] + [re.escape(last[:-1] if len(last) > 3 and last.lower().endswith("s")
                                                            and not last.lower().endswith("ss") else last)]
    body = r"[\s\-]?".join(parts)
    return re.compile(rf"(?<![\w-]){body}(?:s|es)?(?![\w]|-[A-Z])", re.IGNORECASE)


def acronym(term: str) -> str | None:
    words = [w for w in re.split(r"[\s\-]+", term) if w[:1].isalnum()]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else None


def _alternatives(term: str) -> str | None:
    """One regex alternative for the term and its acronym (the acronym alone, not inside 'SEED-GRPO')."""
    pattern = term_pattern(term)
    acro = acronym(term)
    alts = [pattern.pattern] if pattern else []
    if acro:
        alts.append(rf"(?<![\w-]){acro}s?(?![\w-])")
    return "(?:" + "|".join(alts) + ")" if alts else None


def contrasted_only(text: str, term: str) -> bool:
    """Every mention of the term is the compared side: 'Unlike GRPO, which samples ..., S-GRPO only samples ...'."""
    t = _alternatives(term)
    if t is None:
        return False
    # "Unlike outcome reward models (ORMs), ...": the acronym in parentheses shares its long form's side.
    bare = re.sub(r"\s*\([^()]*\)", "", text)
    found = list(re.finditer(t, bare, re.IGNORECASE))
    if found:
        return all(_CONTRAST_BEFORE.search(bare[: m.start()]) for m in found)
    inner = list(re.finditer(t, text, re.IGNORECASE))
    return bool(inner) and all(_CONTRAST_BEFORE_NAME.search(re.sub(r"\s*\($", "", text[: m.start()]).rstrip())
                               for m in inner)


_MEMBER = r"[\w-]+(?:\s*\([^)]*\))?"


def listed_member_only(text: str, t: str) -> bool:
    """Every mention is one member of a list after 'like'/'such as' ('frameworks like PPO and GRPO, which ...').

    Whatever the sentence goes on to say describes the class the list stands for, not this one member: it
    places the term in a class (strength 1) but says nothing that is the term's own.
    """
    found = list(re.finditer(t, text, re.IGNORECASE))
    head = rf"\b(?:like|such as|including|e\.g\.,?)\s+(?:{_MEMBER}\s*(?:,|\band\b|\bor\b)\s*)*"
    listed = [m for m in found
              if re.search(head + r"$", text[: m.start()], re.IGNORECASE)
              and (re.match(rf"(?:\s*\([^)]*\))?\s*(?:,|\band\b|\bor\b)\s*{_MEMBER}", text[m.end():], re.IGNORECASE)
                   or re.search(rf"{_MEMBER}\s*(?:,|\band\b|\bor\b)\s*$", text[: m.start()]))]
    return bool(found) and len(listed) == len(found)


def head_defined(text: str, term: str) -> bool:
    """'reward overoptimization': a sentence on reward models that defines the head word alone ("vulnerable to
    overoptimization, wherein past a certain point, accumulating higher reward ...") defines the compound term.
    Only the explicit defining cues count (wherein, whereby, in which, i.e.), and every modifier word must appear
    in the sentence (its first five letters: "reward" also in "rewards", "rewarding")."""
    words = term.split()
    if len(words) < 2 or len(words[-1]) < 6 or not words[-1].isalpha():
        return False
    if not re.search(rf"\b{re.escape(words[-1])}s?,?\s+(?:wherein|whereby|in which|i\.e\.)", text, re.IGNORECASE):
        return False
    return all(re.search(rf"\b{re.escape(w[:5])}", text, re.IGNORECASE) for w in words[:-1])


def definition_strength(text: str, term: str) -> int:
    """0: does not define the term; 1: places it in a class ('algorithms such as X'); 2: says what it is or does.

    A sentence that names the term only as the contrasted side defines something else.
    """
    t = _alternatives(term)
    if t is None or contrasted_only(text, term):
        return 0
    if listed_member_only(text, t):
        return 1
    # The term as asked, optionally followed by its expansion, or in parentheses after its long name.
    x = rf"(?:{t}(?:\s*\([^)]*\))?|\(\s*{t}\s*\))"
    # "A common belief is that X is ...", "whether X is ...": a view the sentence reports in order to doubt it.
    # An attributing aside may sit between: "Bullshit, as conceptualized by philosopher Harry Frankfurt, refers to".
    aside = r"(?:,\s+(?:as|following|according to|in the sense of)\b[^,]{0,60},)?"
    if any(not _DOUBTED.search(text[: m.start()]) for m in re.finditer(rf"{x}{aside},?\s+{_DEFINING_VERB}\b", text, re.I)):
        return 2
    rules = [
        rf"{x},\s+(?:(?:a|an|the|which|where|wherein|whereby)\b|i\.e\.)",
        rf"(?:known as|called|termed|dubbed|defined as|so-called|refer(?:red)? to as|we call)\s+(?:as\s+)?"
        rf"(?:the\s+|an?\s+)?{t}",
        rf"\b(?:like|such as)\s+{t}\b.*\b(?:by|which|that)\b",
        rf"{x}\s*[-—–:]\s",
        rf"{t}\s*\((?:where|when|in which|i\.e\.|that is|whereby)\s",
        rf"{x},?\s+(?:which|that|where|wherein|whereby)\s",
        rf"{x}\s+(?:directly|explicitly|simply|instead)\s",
        # What X does, with X as the subject: "a process reward model (PRM) scores a reasoning trajectory step by step".
        rf"(?:^|[,;:]\s+|\b(?:a|an|the)\s+){x}\s+(?:\w+ly\s+)?(?:scores?|evaluates?|assigns?|provides?|estimates?|"
        r"optimizes?|predicts?|measures?|maps?|rates?|ranks?|judges?|verifies?|rewards?|samples?|generates?)\s+(?:a|an|the|each|"
        r"every|multiple|several|\w+s)\b",
    ]
    if any(re.search(r, text, re.IGNORECASE) for r in rules) or head_defined(text, term):
        return 2
    # "<class> like / such as / including X": a class placement without saying what X does.
    return int(bool(re.search(rf"\b[A-Za-z-]+s\s*(?:,|--|—|\()?\s*(?:like|such as|including|e\.g\.,?)\s+{x}", text,
                              re.IGNORECASE)))


_WEAKNESS = re.compile(r"\b(?:(?:is|are) prone to|suffers? from|struggles?|fails? to|(?:is|are) vulnerable|tends? to|"
                       r"(?:is|are) limited|lacks?|(?:is|are) insufficient)\b", re.IGNORECASE)


def lead_rank(text: str, term: str) -> int:
    """How well a sentence opens "what is X": its definition strength, plus one when it defines X without then
    saying what X fails at ("X, the standard framework, is prone to ..." describes a weakness, not X)."""
    strength = definition_strength(text, term)
    t = _alternatives(term)
    if strength < 2 or t is None:
        return strength
    first = re.search(t, text, re.IGNORECASE)
    return 3 if first is None or not _WEAKNESS.search(text[first.end():]) else 2


def defines(text: str, term: str) -> bool:
    """'X is a ...', 'X, a ...', 'Name (X), a ...', 'X refers to', 'known as X', 'methods like X ...'."""
    return definition_strength(text, term) > 0


def defining_papers(papers: list[Paper], forms: list[str], exclude: set[str], limit: int = 6) -> list[Paper]:
    """Papers outside `exclude` with a sentence that says what the term is or does (strength 2).

    A widely used term (GRPO, PPO) is named by dozens of abstracts; the ones a search for the bare term
    ranks first are often about its variants, while its definition sits in another paper's background.
    """
    found: list[Paper] = []
    named = [(f, re.compile(a, re.IGNORECASE)) for f in forms if (a := _alternatives(f))]
    # A literal look-up of each form's longest word (or its acronym) first: the full patterns are slow on 300+ abstracts.
    keys = [max(re.findall(r"[A-Za-z]+", f), key=len, default=f) for f in forms] + [a for f in forms if (a := acronym(f))]
    quick = re.compile("|".join(re.escape(k) for k in keys), re.IGNORECASE)
    for p in papers:
        if p.id in exclude or not quick.search(p.abstract):
            continue
        hits = [f for f, pattern in named if pattern.search(p.abstract)]
        # Only the sentences that name the term are parsed for a definition.
        if hits and any(definition_strength(s, f) == 2 for s in split_sentences(p.abstract) for f in hits
                        if re.search(_alternatives(f) or "$^", s, re.IGNORECASE)):
            found.append(p)
            if len(found) >= limit:
                break
    return found
