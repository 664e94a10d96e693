"""What the corpus itself says a phrase's short forms and members are, for the theme judge's 'weak' flag.

A paper that writes "process reward models" uses the title phrase "PRMs" when the corpus defines "process reward
models (PRMs)"; a paper that writes "RLHF" uses "reinforcement learning" when the corpus spells RLHF out as
"reinforcement learning from human feedback"; a paper built on GRPO uses "reinforcement learning" when the corpus
says "reinforcement learning algorithms such as GRPO". Only definitions and instance statements the corpus
writes count, so the judge stays independent of the survey writer's own family vocabulary.
"""

from __future__ import annotations

import re
from collections import defaultdict

_FUNCTION = frozenset("a an the of for in on with and to via by from at as".split())
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*?)(s?)\)")
_KIND = r"(?:\s+(?:algorithms?|methods?|approaches|approach|techniques?|frameworks?|paradigms?|objectives?))?"
_SUCH = r",?\s*\(?(?:such\s+as|like|including|e\.g\.,?|exemplified\s+by|specifically|namely)\s+"


def _letters(acronym: str) -> str:
    """'PRMs' -> 'prm', 'CoT' -> 'ct': the capitals (and digits) a long form's word initials spell."""
    return "".join(c for c in acronym if c.isupper() or c.isdigit()).lower()


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s-]+", text.strip()) if w]


def definitions(texts: list[str]) -> dict[str, set[str]]:
    """Each acronym the corpus defines as 'long form (ACR)', with its long forms (lower case): the shortest run of
    words before the bracket whose initials, glue words aside, spell the acronym's capitals."""
    found: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        for m in _ACRONYM.finditer(text):
            acronym, letters = m.group(1), _letters(m.group(1))
            before = _words(re.sub(r"[^\w\s-]", " ", text[max(0, m.start() - 120):m.start()]))
            for k in range(1, min(len(before), 10) + 1):
                run = before[-k:]
                if run[0].lower() in _FUNCTION:
                    continue
                if "".join(w[0] for w in run if w.lower() not in _FUNCTION).lower() == letters:
                    found[acronym].add(" ".join(run).lower())
                    break
    return dict(found)


def members(phrase: str, texts: list[str], short: str) -> set[str]:
    """Names the corpus states are instances of the phrase (or its short form): 'reinforcement learning
    algorithms such as GRPO', 'RL, exemplified by PPO', 'RL algorithms like GRPO' -> {'GRPO', 'PPO'}."""
    heads = [re.escape(phrase)] + ([re.escape(short)] if short else [])
    head = r"(?<![\w-])(?:" + "|".join(heads) + r")(?:\s*\([A-Z]+\))?" + _KIND
    pattern = re.compile(head + _SUCH + r"([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9-]*)", re.IGNORECASE)
    out = set()
    for text in texts:
        for m in pattern.finditer(text):
            if sum(c.isupper() for c in m.group(1)) >= 2:
                out.add(m.group(1))
    return out


class Terms:
    """The corpus's acronym definitions and instance statements, asked per title phrase."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.defined = definitions(texts)
        self._members: dict[str, set[str]] = {}

    def long_forms(self, phrase: str) -> list[str]:
        """The phrase with each acronym in it spelt out as the corpus defines it ('PRMs' -> 'process reward
        models')."""
        out = []
        for i, w in enumerate(phrase.split()):
            key = w if w in self.defined else w[:-1] if w.endswith("s") and w[:-1] in self.defined else ""
            for long in sorted(self.defined.get(key, ())):
                out.append(" ".join(phrase.split()[:i] + [long] + phrase.split()[i + 1:]))
        return out

    def spelt_in(self, phrase: str) -> list[str]:
        """Acronyms whose corpus long form contains the phrase word for word ('RLHF' for 'reinforcement
        learning')."""
        low = " ".join(_words(phrase.lower()))
        return sorted(a for a, longs in self.defined.items()
                      if any(re.search(r"(?<!\w)" + re.escape(low) + r"(?!\w)", lf) for lf in longs))

    def instances(self, phrase: str, short: str) -> set[str]:
        if phrase not in self._members:
            self._members[phrase] = members(phrase, self.texts, short) if len(phrase.split()) > 1 else set()
        return self._members[phrase]

    def forms(self, phrase: str, short: str) -> list[str]:
        """Every way a paper may write the phrase per the corpus: its long forms, the acronyms that spell it out,
        and the names the corpus gives as its instances."""
        return self.long_forms(phrase) + self.spelt_in(phrase) + sorted(self.instances(phrase, short))
