"""Clause boundaries of an abstract sentence, for the table's result cell: commas and semicolons that end a clause,
not the commas inside parentheses or between the items of a word list."""

from __future__ import annotations

import re


def clauses(sentence: str) -> list[str]:
    """Comma/semicolon clauses, never splitting inside parentheses."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(sentence):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch in ",;" and depth == 0 and sentence[i + 1: i + 2] == " ":
            out.append(sentence[start:i])
            start = i + 2
    out.append(sentence[start:])
    return _join_lists([c.strip() for c in out if c.strip()])


# Words that can open a clause after a comma: conjunctions, subordinators, prepositions, pronouns, determiners.
_OPENERS = frozenset("""and or but nor yet so while whereas which who whom whose where when whenever although though
    as since because thus thereby hence therefore however moreover furthermore additionally notably specifically
    with without by in on at for from to into onto through via using over under across despite compared relative
    including except unlike like than after before during until within between among against along beyond per
    such e.g i.e we it they this these those that there he she one our their its his her the a an both each all
    most many some few several any no not only even also respectively""".split())


# A piece that ends in a modifier ('challenging', 'fine-grained', 'multimodal') still wants its noun.
_MODIFIER_END = re.compile(r"\b[a-z][\w-]*(?:ing|ed|al|ic|ive|ous|ful|able|ible|ary|level|scale)$")


def join_phrases(pieces: list[str]) -> list[str]:
    """Put back a comma inside a noun phrase ('a range of challenging, sparse reward tasks', 'fine-grained, more
    specifically, node-level ... intervention'): after a piece of 3+ words that ends in a modifier, a piece whose first
    word is a plain lower-case word that cannot open a clause (no conjunction, preposition, pronoun, determiner or
    participle) continues it; a short '-ly' aside in between ('more specifically') leaves the modifier waiting."""
    out: list[str] = []
    wants_noun = False
    for piece in pieces:
        first = re.match(r"[A-Za-z][\w-]*", piece)
        word = first.group(0) if first else ""
        if wants_noun and word.islower() and word not in _OPENERS and not re.search(r"(?:ing|ed)$", word):
            out[-1] = f"{out[-1]}, {piece}"
            aside = len(piece.split()) <= 3 and piece.split()[-1].endswith("ly")
            wants_noun = aside or bool(_MODIFIER_END.search(piece))
            continue
        out.append(piece)
        wants_noun = len(piece.split()) >= 3 and bool(_MODIFIER_END.search(piece))
    return out


# A connective that links the sentence to the one before it says nothing in a table cell ('Notably, ...').
_DISCOURSE_LEAD = re.compile(r"^(?:notably|in contrast|by contrast|in general|in particular|specifically|importantly|"
                             r"remarkably|interestingly|surprisingly|empirically|overall|moreover|furthermore|"
                             r"additionally|in addition|finally|as a result|consequently|thus|therefore|for example|"
                             r"for instance|in summary|in short|crucially|further|also),\s+", re.IGNORECASE)


def drop_connective(text: str) -> str:
    return _DISCOURSE_LEAD.sub("", text)


def _short_item(piece: str, limit: int) -> bool:
    return len(piece.split()) <= limit and not re.search(r"\d", piece)


def _join_lists(pieces: list[str]) -> list[str]:
    """Put back the commas of a word list ('across diverse mathematical, logical, and multimodal benchmarks'):
    its items are not clauses, and a cell cut after the first item ends mid-phrase."""
    out: list[str] = []
    i = 0
    while i < len(pieces):
        k = i + 1
        while k < len(pieces) and _short_item(pieces[k], 3) and not re.match(r"(?:and|or)\b", pieces[k]):
            k += 1
        if k > i + 1 and k < len(pieces) and re.match(r"(?:and|or)\s", pieces[k]) and _short_item(pieces[k], 5):
            out.append(", ".join(pieces[i:k + 1]))
            i = k + 1
        else:
            out.append(pieces[i])
            i += 1
    return out
