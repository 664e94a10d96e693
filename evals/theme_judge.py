"""Judge the theme titles and scope lines of kept survey runs (evals/survey_keep.py) against the corpus.

    python -m evals.theme_judge DIR dev holdout fresh [--list]

Reads each run's outline.json (title, scope, keys) and the papers' titles and abstracts from the catalog, and
flags, independently of the writer's own rules:
  (a) unused:  the scope quotes a phrase more than half of the section's papers use, and more of them than use
               the title's own label words, but the title does not say it ('unused-word' when it is a single
               lower-case word, such as 'findings');
  (b) cut:     a quoted phrase or a noun phrase of the title (between its glue words) is cut out of a longer name: in the whole corpus, most of its
               uses (7 in 10, 3 or more uses) have one same word before it, or any word after it (a modifier);
  (c) case:    a quoted word written in lower case that the corpus capitalises mid-sentence 5 times as often;
  (d) generic: a noun phrase of the title (not the topic's own, not before 'of') has at most two words and ends
               in a generic noun (policy, reward, sets, method ...), so it says little about the section;
  (e) weak:    a noun phrase of the title (its words beyond the topic's) is used word for word, by its initials
               ('RL'), or in a form the corpus itself gives it (evals/judge_terms.py: an acronym's definition,
               'PRMs' = 'process reward models'; an instance it names, 'RL algorithms such as GRPO') by fewer
               than half of the section's papers: the title is not true of most of them;
  (f) catch-all: a 'Further work on X' / 'Work on X' section, which names no theme.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from pydantic import BaseModel

from evals.judge_terms import Terms

_FUNCTION = frozenset("""a an the of for in on with and to via by from at as is are be was were that this these
    which or but than its their our we it can not no into over under between across without also""".split())
GENERIC_HEADS = frozenset("""policy policies reward rewards set sets method methods approach approaches
    data task tasks result results performance signal signals framework frameworks system systems work study
    studies technique techniques strategy strategies setting settings problem problems""".split())
SHARE = 0.7
AFTER_SHARE = 0.8  # 'multimodal reasoning' is followed by 'models', 'has', 'tasks' in 7 uses in 10 and is whole
CASE_SHARE = 5


class Flag(BaseModel):
    kind: str
    title: str
    detail: str


class Corpus:
    """The corpus's text: every paper's title and abstract, for neighbour and case counts."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self._case: Counter[str] | None = None
        self._terms: Terms | None = None

    @property
    def terms(self) -> Terms:
        """The corpus's acronym definitions and instance statements (built on first use)."""
        if self._terms is None:
            self._terms = Terms(self.texts)
        return self._terms

    def cut(self, phrase: str) -> str:
        """'' or why the phrase is cut from a longer name ('monte ← carlo tree search')."""
        words = [re.escape(w) for w in re.split(r"[\s-]+", phrase.strip()) if w]
        if not words:
            return ""
        pattern = re.compile(r"(?:([A-Za-z][\w]*)[\s-]+)?(?<![\w-])" + r"[\s-]+".join(words)
                             + r"(?![\w-])(?:([\s-]+)([A-Za-z][\w]*))?", re.IGNORECASE)
        hits = [m for t in self.texts for m in pattern.finditer(t)]
        if len(hits) < 3:
            return ""
        before = Counter((m.group(1) or "").lower() for m in hits)
        word, n = before.most_common(1)[0]
        if word and word not in _FUNCTION and n >= SHARE * len(hits):
            return f"{word} ← {phrase} ({n}/{len(hits)})"
        after = [(m.group(3) or "").lower() for m in hits]
        followed = [w for w in after if w and w not in _FUNCTION]
        if len(followed) >= AFTER_SHARE * len(hits):
            common = ", ".join(w for w, _ in Counter(followed).most_common(3))
            return f"{phrase} → {common} ({len(followed)}/{len(hits)})"
        return ""

    def lowered_name(self, phrase: str) -> str:
        """A lower-case word of the phrase that the corpus writes capitalised far more often, or ''."""
        if self._case is None:
            self._case = Counter()
            for t in self.texts:
                for m in re.finditer(r"(?<=[a-z,;] )[A-Za-z][\w-]*", t):
                    self._case[m.group(0)] += 1
        for w in phrase.split():
            if not w.islower():
                continue
            caps = max((n for f, n in self._case.items() if f.lower() == w and f != w), default=0) \
                if w[:1].isalpha() else 0
            if caps >= 2 and caps >= CASE_SHARE * self._case[w]:
                return w
        return ""


def _word_form(word: str) -> str:
    """A word's plural or singular ('judges' also 'judge', 'processes' also 'process', 'trajectories' also
    'trajectory'); a noun in -ation also
    its participle ('augmentation' is 'augmented' in 'retrieval-augmented generation')."""
    consonant_y = re.match(r"(?i)([a-z]{2,}[b-df-hj-np-tv-z])(?:y|ies)$", word)  # 'trajectory' / 'trajectories'
    if consonant_y:
        return re.escape(consonant_y.group(1)) + r"(?:y|ies)"
    base = re.sub(r"(?i)(?<=[a-z]{3})s$", "", word)
    if re.search(r"(?i)[a-z]{3,}ation$", base):
        return re.escape(base[:-5]) + r"(?:ations?|ed|ing)"
    stems = [re.escape(base)] + ([re.escape(base[:-1])] if base != word and base.lower().endswith("e") else [])
    return "(?:" + "|".join(stems) + r")(?:s|es)?"


def uses_phrase(phrase: str, text: str) -> bool:
    """The text has the phrase as a run of words (hyphens as spaces, a word's plural or singular form)."""
    words = [_word_form(w) for w in re.split(r"[\s-]+", phrase.strip()) if w]
    return bool(words) and re.search(r"(?<![\w-])" + r"[\s-]+".join(words) + r"(?![\w-])", text, re.IGNORECASE) is not None


def _stems(text: str) -> set[str]:
    from reviewer.survey.terms import norm_stems
    from reviewer.textutil import content_stems

    return set(norm_stems(content_stems(text)))


def label_words(title: str, topic: str) -> list[str]:
    """The title's words beyond the topic's and its glue: what the title says about this section."""
    from reviewer.survey.themes import topic_exclusions

    ignore = topic_exclusions(topic) | {"further", "work"}
    out = []
    for w in re.findall(r"[A-Za-z][\w-]*", title):
        low = w.lower()
        if low in _FUNCTION or low.rstrip("s") in ignore or _stems(w) <= ignore:
            continue
        out.append(w)
    return out


_GLUE = re.compile(r"\s+(in|with|for|of|and|on)\s+")


def segments(title: str) -> list[tuple[str, str]]:
    """The title's noun phrases between its glue words, each with the glue that follows it ('RL reward in PRMs'
    -> ('RL reward', 'in'), ('PRMs', '')); a catch-all's 'Further work on' / 'Work on' opener is no phrase."""
    title = re.sub(r"(?i)^(?:further\s+)?work\s+on\s+", "", title)
    parts = _GLUE.split(title)
    return [(parts[i], parts[i + 1] if i + 1 < len(parts) else "") for i in range(0, len(parts), 2)]


_KIND_WORDS = frozenset("empirical studies study benchmarks benchmark datasets dataset surveys survey methods llms".split())


def _initials(words: list[str]) -> str:
    """'reinforcement learning' -> 'RL': the short form a paper may use instead; '' for one word."""
    return "".join(w[0].upper() for w in words) if len(words) > 1 else "#"


def judge_section(topic: str, title: str, scope: str, texts: list[str], corpus: Corpus) -> list[Flag]:
    flags: list[Flag] = []
    quoted = re.findall(r"“([^”]+)”", scope)
    label = label_words(title, topic)
    label_support = sum(1 for t in texts if uses_phrase(" ".join(label), t)) if label else 0
    title_stems = _stems(title)
    for q in quoted:
        q_stems = _stems(q)
        n = sum(1 for t in texts if uses_phrase(q, t))
        if q_stems and not q_stems <= title_stems and n > len(texts) / 2 and n > label_support:
            phrase = len(q.split()) > 1 or any(c.isupper() for c in q[1:])
            flags.append(Flag(kind="unused" if phrase else "unused-word", title=title,
                              detail=f"“{q}” in {n}/{len(texts)}, label {label_support}"))
        why = corpus.cut(q)
        if why:
            flags.append(Flag(kind="cut", title=title, detail=f"scope “{why}”"))
        low = corpus.lowered_name(q)
        if low:
            flags.append(Flag(kind="case", title=title, detail=f"“{q}”: {low}"))
    if re.match(r"(?i)^(?:further\s+)?work\s+on\b", title):
        flags.append(Flag(kind="catch-all", title=title, detail=f"{len(texts)} papers"))
    topic_words = {w.lower() for w in re.split(r"[\s-]+", topic) if w}
    for seg, glue in segments(title):
        # The topic's own head ('PRMs'), also as an acronym the corpus spells out in the topic's words ('MAD' for
        # a topic on 'multi-agent debate').
        said = [w for w in label_words(seg, topic) if not any(
            set(lf.split()) <= topic_words for lf in corpus.terms.long_forms(w))]
        if not said:
            continue
        if all(w.lower() in _KIND_WORDS for w in said):
            continue  # 'Empirical studies of X', 'Benchmarks and datasets for X' name a kind of paper, not a phrase
        phrase = " ".join(said)
        forms = [phrase, _initials(said)] + corpus.terms.forms(phrase, _initials(said))
        n = sum(1 for t in texts if any(uses_phrase(f, t) for f in forms))
        if texts and 2 * n < len(texts):
            flags.append(Flag(kind="weak", title=title, detail=f"“{' '.join(said)}” in {n}/{len(texts)}"))
        why = corpus.cut(seg)
        if why and len(seg.split()) <= 4:
            flags.append(Flag(kind="cut", title=title, detail=f"title “{why}”"))
        words = seg.split()
        if len(words) <= 2 and words[-1].lower() in GENERIC_HEADS and glue != "of":
            flags.append(Flag(kind="generic", title=title, detail=seg))
    return flags


def judge(keep: Path, sets: list[str], listing: bool) -> None:
    from reviewer.catalog import Catalog
    from reviewer.settings import Settings

    with Catalog(Settings().catalog_path) as catalog:
        papers = {p.key: (p.title, p.abstract) for p in catalog.iter_papers()}
    corpus = Corpus([f"{t}. {a}" for t, a in papers.values()])
    for which in sets:
        counts: Counter[str] = Counter()
        sections = 0
        lines = []
        for outline in sorted((keep / which).glob("*/outline.json")):
            import json

            data = json.loads(outline.read_text(encoding="utf-8"))
            topic = json.loads((outline.parent / "report.json").read_text(encoding="utf-8"))["topic"]
            lines.append(f"# {topic}")
            for s in data["sections"]:
                sections += 1
                texts = [f"{papers[k][0]}. {papers[k][1]}" for k in s["keys"] if k in papers]
                flags = judge_section(topic, s["title"], s["scope"], texts, corpus)
                counts.update(f.kind for f in flags)
                lines.append(f"  {s['title']} — {s['scope']}")
                if listing:
                    lines += [f"      · {papers[k][0]}" for k in s["keys"] if k in papers]
                lines += [f"      ! {f.kind}: {f.detail}" for f in flags]
        flagged = sum(counts.values())
        print(f"== {which}: sections {sections}; flags {flagged}: " + ", ".join(f"{k} {counts[k]}" for k in
                                                                           ("unused", "unused-word", "cut", "case", "generic", "weak", "catch-all")))
        print("\n".join(lines))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 2:
        print(__doc__)
        sys.exit(2)
    judge(Path(args[0]), args[1:], "--list" in sys.argv)
