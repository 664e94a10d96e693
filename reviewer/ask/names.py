"""The corpus's names, acronym expansions and vocabulary: what `ask` checks a question's names against.

A question that names a paper, system, method or dataset the corpus never mentions is refused rather
than answered from look-alikes; a question whose words the corpus does not use is off-domain. Built once
per corpus version and cached next to the catalogue, so a cold `ask` reads it instead of rebuilding it.
"""

from __future__ import annotations

import contextlib
import json
import re
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.ask.question import extract_names
from reviewer.models import Paper
from reviewer.textutil import atomic_write_text

if TYPE_CHECKING:
    from reviewer.catalog import Catalog

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]*[A-Z]s?)\)")
CACHE_NAME = "ask_names.json"


TYPO_RATIO = 90.0


_MODIFIER_SUFFIX = re.compile(
    r"(.*?[A-Za-z0-9].*?)-(?:fine-|pre-|post-|self-|well-|over-|under-|re-)?(?:driven|based|style|like|free|aware|"
    r"guided|level|tuned|aligned|enhanced|powered|specific|centric|augmented|generated|inspired|oriented|assisted|wise|"
    r"sized|scale|type|only|trained|supervised|conditioned|optimi[sz]ed|grounded|constrained|annotated|label(?:l)?ed|"
    # Any lower-case past participle says what the named thing did to something ("LLM-rewritten texts", "GPT-4-written
    # answers", "RLHF-shaped habits"): a description, not a new name. A capitalised part ("Quasar-DPO") stays a name.
    r"[a-z]{2,}(?:ed|en))"
)


# A word more than this share of the abstracts use is common: it names no particular thing ("human": 45%).
COMMON_SHARE = 0.3


class NameIndex:
    """Every word and name the corpus uses, to tell an unknown name from a known one."""

    def __init__(self, papers: list[Paper]) -> None:
        self.papers = papers

    @classmethod
    def for_corpus(cls, papers: list[Paper], version: str, cache_dir: Path | None) -> NameIndex:
        """The index for this corpus version, read from the cache when it matches, else built and saved."""
        index = cls(papers)
        path = cache_dir / CACHE_NAME if cache_dir is not None else None
        if path is not None and path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("version") == version:
                    index.__dict__.update(names=data["names"], expansions=data["expansions"],
                                          vocabulary=set(data["vocabulary"]))
                    return index
            except (OSError, ValueError, KeyError):
                pass  # a damaged cache is rebuilt below
        if path is not None:
            payload = {"version": version, "names": index.names, "expansions": index.expansions,
                       "vocabulary": sorted(index.vocabulary)}
            with contextlib.suppress(OSError):  # a read-only home still answers, just without the cache
                atomic_write_text(path, json.dumps(payload))
        return index

    @cached_property
    def _blob(self) -> str:
        text = " ".join(f"{p.title} {p.abstract}" for p in self.papers).lower()
        return " " + re.sub(r"[^0-9a-z]+", " ", text) + " "

    @cached_property
    def _squashed_names(self) -> set[str]:
        return {re.sub(r"[^0-9a-z]+", "", n.lower()) for n in self.names}

    @cached_property
    def _squashed(self) -> str:
        return self._blob.replace(" ", "")

    @cached_property
    def names(self) -> list[str]:
        counts: dict[str, int] = {}
        for p in self.papers:
            for name in extract_names(p.title, nouns=False) + extract_names(p.abstract, nouns=False):
                counts[name] = counts.get(name, 0) + 1
        return sorted(counts, key=lambda n: (-counts[n], n))

    def known(self, name: str) -> bool:
        # "MCTS-driven", "GRPO-style", "LLM-based": a known name with a descriptive suffix is that name.
        modified = _MODIFIER_SUFFIX.fullmatch(name)
        if modified:
            return self.known(modified.group(1))
        norm = re.sub(r"[^0-9a-z]+", " ", name.lower()).strip()
        if not norm:
            return True
        variants = {norm, re.sub(r"s$", "", norm)}
        if any(f" {v} " in self._blob for v in variants):
            return True
        squashed = norm.replace(" ", "")
        if len(squashed) >= 5 and squashed in self._squashed:
            return True
        if squashed in self._squashed_names or re.sub(r"s$", "", squashed) in self._squashed_names:
            return True  # "GPT4" for "GPT-4", "Llama3" for "Llama 3"
        # A one-letter slip ("Zephyr-7B" for the corpus's "Zephy-7B") is the same name, not an unknown one.
        from rapidfuzz import fuzz, process

        # Numbers must agree: "HelpSteer9" is another name than "HelpSteer2", not a slip.
        digits = re.findall(r"\d+", name)
        pool = [n for n in self.names if re.findall(r"\d+", n) == digits]
        best = process.extractOne(name.lower(), pool, scorer=fuzz.ratio, processor=str.lower)
        return len(squashed) >= 6 and best is not None and best[1] >= TYPO_RATIO

    @cached_property
    def vocabulary(self) -> set[str]:
        """Every content stem of the corpus, to tell an off-domain question by its words."""
        from reviewer.textutil import content_stems

        return {st for p in self.papers for st in content_stems(f"{p.title} {p.abstract}")}

    @cached_property
    def common(self) -> frozenset[str]:
        """Content stems (hyphenated words also as their parts) used by more than COMMON_SHARE of the abstracts:
        "human", "learning", "training" say little of which thing a question means."""
        from reviewer.textutil import stems_with_parts

        counts: dict[str, int] = {}
        for p in self.papers:
            for st in stems_with_parts(f"{p.title} {p.abstract}"):
                counts[st] = counts.get(st, 0) + 1
        return frozenset(st for st, n in counts.items() if n > COMMON_SHARE * len(self.papers))

    def unknown_share(self, text: str) -> float:
        """Share of the question's content stems that no title or abstract uses. A hyphenated compound whose parts
        the corpus uses ("logic-constrained", "four-language") is known: a paraphrase coins such compounds."""
        from reviewer.textutil import content_stems

        # Each compound's stem with the stems of its parts ("road-agent" -> "road-ag": "road", "agent").
        parts = {stem: [st for part in word.split("-") for st in content_stems(part)]
                 for word in re.findall(r"[\w]+(?:-[\w]+)+", text) for stem in content_stems(word)}

        def unknown(stem: str) -> bool:
            found = parts.get(stem)
            return stem not in self.vocabulary and (not found or any(st not in self.vocabulary for st in found))

        stems = content_stems(text)
        return sum(unknown(st) for st in stems) / len(stems) if stems else 0.0

    @cached_property
    def title_names(self) -> set[str]:
        """Single capitalised words that open a title before its colon ("Hume: Introducing ..."): paper names
        the proper-name pattern misses because they look like ordinary capitalised words."""
        return {m.group(1) for p in self.papers if (m := re.match(r"\s*([A-Z][a-z]{2,})\s*:", p.title))}

    def named_in(self, question: str) -> list[str]:
        """Title names the question uses after its first word (a sentence-initial capital proves nothing)."""
        toks = re.findall(r"[A-Za-z]+", question)[1:]
        return [t for t in dict.fromkeys(toks) if t in self.title_names]

    def closest(self, name: str, n: int = 5) -> list[str]:
        """Corpus names spelled most like the unknown one (whole-string similarity, so 'PRM' alone loses)."""
        from rapidfuzz import fuzz, process

        pool = [c for c in self.names if len(c) >= 3]
        found = process.extract(name.lower(), pool, scorer=fuzz.ratio, processor=str.lower, limit=n * 4)
        out: list[str] = []
        for cand, _, _ in found:
            if re.sub(r"s$", "", cand.lower()) not in {re.sub(r"s$", "", o.lower()) for o in out}:
                out.append(cand)
        return out[:n]

    @cached_property
    def expansions(self) -> dict[str, list[str]]:
        """Acronym -> spelled-out forms, from 'Direct Preference Optimization (DPO)' patterns in the corpus."""
        found: dict[str, dict[str, int]] = {}
        for p in self.papers:
            text = f"{p.title}. {p.abstract}"
            for m in _ACRONYM.finditer(text):
                acro = m.group(1)
                letters = re.sub(r"[^A-Z]", "", acro.rstrip("s"))
                words = re.split(r"[\s]+", text[max(0, m.start() - 120) : m.start()].strip())[-(len(letters) + 2):]
                words = [w.strip(",;:") for w in words if w]
                for start in range(len(words)):
                    phrase = words[start:]
                    initials = "".join(w[0] for w in phrase if w[:1].isalpha()).upper()
                    if len(phrase) >= 2 and initials == letters:
                        found.setdefault(letters, {}).setdefault(" ".join(phrase), 0)
                        found[letters][" ".join(phrase)] += 1
                        break
        return {a: sorted(f, key=lambda x: -f[x])[:2] for a, f in found.items()}


def corpus_names(catalog: Catalog, home: Path | None) -> NameIndex:
    """The name index of the catalogue's current version (cached under `home`)."""
    return NameIndex.for_corpus(catalog.papers(), catalog.version(), home)
