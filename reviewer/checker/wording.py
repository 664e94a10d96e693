"""One word per meaning before words are counted: the claim's other words for the abstract's own words.

A faithful paraphrase says 'trains the policy and the reward model together' for 'jointly optimizes both the policy
model and the reward model', 'RL' for 'reinforcement learning', 'LLMs' for 'large language models'. Counted as
stems, such a claim shares few words with its sentence and the combiner drops it as UNSUPPORTED. Two general,
closed readings close that gap without reading meaning into open words:

- `canonical`: stems of a closed table of interchangeable words of scientific prose (reporting verbs, verbs of
  use, making, keeping, needing, containing, cutting, raising; 'jointly'/'together', 'method'/'approach'). Every
  group keeps one direction: no word is grouped with its opposite, so the direction and negation readers, which
  read the raw text, are untouched.
- `acronym_links`: an acronym on one side spelled out on the other ('RL' / 'reinforcement learning',
  'CoT' / 'chain-of-thought'): the initials of consecutive words spell it.

The combiner's own features stay literal (its weights were fitted on them; a refit on the worded features lost
SciFact accuracy). `worded_coverage` gives the coverage features read this way, and the offline checker asks the
same combiner again with them only to rescue a claim it would drop as UNSUPPORTED (`offline.py`).
"""

from __future__ import annotations

import re
from functools import cache

from reviewer.textutil import content_stems, lexical_overlap, stemmer, words

# Each group: words a paraphrase uses for one another in an abstract's own sentences. Closed and general.
_GROUPS: tuple[tuple[str, ...], ...] = (
    ("show", "demonstrate", "reveal", "find", "finds", "found", "indicate"),
    ("use", "employ", "leverage", "utilize", "utilise", "harness"),
    ("propose", "introduce", "present"),
    ("jointly", "together", "simultaneously"),
    ("method", "approach", "technique"),
    ("paper", "work", "study"),
    ("generate", "produce", "create", "yield"),
    ("keep", "maintain", "preserve", "retain"),
    ("need", "require"),
    ("comprise", "contain", "hold", "consist", "include"),
    ("reduce", "cut", "shorten", "lower", "reduction"),
    ("improve", "boost", "enhance", "raise", "improvement", "gain"),
    ("decline", "decrease", "drop", "fall", "diminish"),
    ("adjust", "tune", "adapt"),
    ("provide", "supply", "give", "offer"),
    ("evaluate", "assess"),
    ("measure", "quantify", "gauge"),
    ("large", "big", "larger", "bigger"),
    ("small", "tiny", "lightweight", "smaller"),
    ("fewer", "less"),
    ("best", "highest"),
    ("quickly", "rapidly", "fast", "swiftly"),
    ("ability", "capability", "capacity"),
    ("effectiveness", "efficacy", "effective"),
    ("help", "aid", "assist"),
    ("predict", "forecast"),
    ("similar", "comparable"),
    ("combine", "integrate", "merge"),
    ("reason", "think"),  # 'reasons in 8K-token chunks' / 'thinks in 8K-token chunks'
)


@cache
def _table() -> dict[str, str]:
    """Stem -> the stem standing for its group (the first word's)."""
    out: dict[str, str] = {}
    for group in _GROUPS:
        stems = stemmer().stemWords(list(group))
        for st in stems:
            out.setdefault(st, stems[0])
    return out


def canonical(stems: list[str]) -> list[str]:
    """The stems with each grouped word replaced by its group's stem."""
    table = _table()
    return [table.get(st, st) for st in stems]


# Function words: they supply no letter of an acronym except inside a hyphenated compound ('chain-of-thought').
_FUNCTION = frozenset("a an the of and or for to in on at with by from as is are be its their this that".split())
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z][A-Za-z]*$")


def _acronyms(text: str) -> dict[str, str]:
    """Acronyms of the text, lower-cased with a plural 's' dropped ('LLMs' -> 'llm', 'CoT' -> 'cot') -> the word."""
    out: dict[str, str] = {}
    for w in words(text):
        if _ACRONYM.match(w) and 2 <= len(w) <= 6 and sum(ch.isupper() for ch in w) >= 2:
            out[(w[:-1] if w.endswith("s") and w[:-1].isupper() else w).lower()] = w.lower()
    return out


def _spelled(text: str, wanted: set[str]) -> dict[str, list[str]]:
    """Each wanted acronym whose letters are the initials of consecutive words of the text -> those words.

    Function words count only inside a hyphenated compound ('chain-of-thought'), so 'a' and 'of' between two
    ordinary words never supply a letter."""
    if not wanted:
        return {}
    tokens: list[str] = []
    for w in words(text):
        parts = [p for p in w.split("-") if p]
        tokens.extend(p for p in parts if len(parts) > 1 or p.lower() not in _FUNCTION)
    found: dict[str, list[str]] = {}
    for i in range(len(tokens)):
        for n in range(2, 7):
            span = tokens[i:i + n]
            if len(span) < n:
                break
            initials = "".join(t[0].lower() for t in span)
            if initials in wanted and initials not in found:
                found[initials] = span
    return found


def acronym_links(claim: str, sentence: str) -> set[str]:
    """Stems to add to the sentence's side so each acronym of one side meets its spelled-out form on the other:
    the claim's acronyms the sentence spells out, and the claim words that spell an acronym of the sentence."""
    present = {w.lower() for w in words(sentence)}
    mine = {a: w for a, w in _acronyms(claim).items() if w not in present}
    added = {mine[a] for a in _spelled(sentence, set(mine))}
    for span in _spelled(claim, set(_acronyms(sentence))).values():
        added |= {t.lower() for t in span}
    return set(canonical(stemmer().stemWords(sorted(added))))


def acronym_spelled_in(term: str, text: str) -> bool:
    """The claim's acronym `term` (lower-cased, as `named_terms` gives it) is spelled out in the text."""
    bare = term[:-1] if term.endswith("s") and len(term) > 2 else term
    if not bare.isalpha() or len(bare) < 2:
        return False
    return bool(_spelled(text, {bare}) or _spelled(text, {term}))



def worded_coverage(claim: str, claim_stems: list[str], sentences: list[str], sentence_sets: list[set[str]],
                    idf: dict[str, float], best: list[int], extra_text: str) -> dict[str, float]:
    """The coverage features (`lex_top1`, `lex_top2`, `lex_all`) read one stem per meaning, acronyms linked."""
    w_claim = canonical(claim_stems)
    wanted = set(w_claim)
    w_sets = [set(canonical(sorted(st))) | (acronym_links(claim, s) & wanted)
              for st, s in zip(sentence_sets, sentences, strict=True)]
    w_idf = {w: idf.get(c, 1.0) for c, w in zip(claim_stems, w_claim, strict=True)}
    everything = set().union(*w_sets) | set(canonical(content_stems(extra_text)))
    return {"lex_top1": lexical_overlap(w_claim, w_sets[best[0]], w_idf),
            "lex_top2": lexical_overlap(w_claim, set().union(*(w_sets[i] for i in best)), w_idf),
            "lex_all": lexical_overlap(w_claim, everything, w_idf)}


_UNPUNCT = re.compile(r"[^a-z0-9]")


def compact_name(name: str) -> str:
    """A name without its punctuation, lower-cased: 'GPT3-5' and 'GPT-3.5' are one name written two ways."""
    return _UNPUNCT.sub("", name.lower())
