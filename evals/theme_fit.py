"""Does each paper under a theme fit it? A per-paper check of survey reports, written apart from the writer's rules.

    python -m evals.theme_fit DIR SET [SET ...] [--list]   # report.json of survey_keep's runs under DIR/SET/

For every paper cited under a named theme (not the overview's aside, not Open problems):
- word misfit: a content word of the theme's title (beyond the topic's own words, glue words and words naming a kind
  of paper) that the paper's title and abstract never use in any form: not as a word sharing its first letters
  ('simulation' ~ 'simulating', 'policy' ~ 'policies'), not inside an acronym the corpus spells out with that word
  ('RLHF' for 'reinforcement'), nor, for an acronym in the title, its long form;
- kind misfit: the title names a kind of paper ('Empirical studies of X', 'Benchmarks and datasets for X', 'Surveys
  of X') and the paper's own words do not say it is one: a benchmark paper names the resource in its title or says
  it introduces/builds/releases one; a study says that it studies, analyses, evaluates or investigates and proposes
  no new method, framework or algorithm of its own and is no survey article; a survey calls itself one.
A paper fails when either test fails. The share of themed papers that fail is reported per set.

A third count, apart from the fit: a title that glues the topic's own head onto a label of its own ('Outcome reward
in PRMs', 'Prompting for large language models as judges') says that each of its papers is about that head, which
the fit test cannot see, since it passes over the topic's words. A paper under such a title whose title and abstract
never use the glued words as a phrase (in word forms, as the initials of a multi-word phrase, or as the long form of
an acronym the corpus defines) is counted as under a head it never uses.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from pydantic import BaseModel, Field

_GLUE = frozenset("""a an the of for in on with and to via by from at as or its their beyond without into over under
    between across toward towards through using based""".split())
# Words that say what kind of paper or how much, not what it is about.
_KIND_WORDS = frozenset("""empirical studies study analyses analysis benchmarks benchmark datasets dataset surveys survey
    reviews review evaluations evaluation""".split())
_VAGUE = frozenset("""further work works other new method methods approach approaches technique techniques""".split())
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*")


def _acronym(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2


def _same_word(a: str, b: str) -> bool:
    """Two lower-case words are forms of one word: they share their first letters up to the shorter one's last but
    one (at least four), or are equal ('policy'/'policies', 'simulation'/'simulating', 'safe'/'safety')."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    short = min(len(a), len(b))
    return n >= 4 and n >= min(short, max(4, short - 2))


class Corpus:
    """The catalog's papers and the acronyms their texts define ('process reward models (PRMs)')."""

    def __init__(self, papers: dict[str, tuple[str, str]]):
        from evals.judge_terms import Terms

        self.papers = papers
        self.terms = Terms([f"{t}. {a}" for t, a in papers.values()])
        self.long: dict[str, set[str]] = {}
        self.spelled: dict[str, list[tuple[str, ...]]] = {}  # acronym -> its long forms, words in order
        for title, abstract in papers.values():
            for m in re.finditer(r"\(([A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*?)s?\)", f"{title}. {abstract}"):
                letters = [c.lower() for c in m.group(1) if c.isupper()]
                before = _TOKEN.findall(f"{title}. {abstract}"[max(0, m.start() - 100):m.start()])
                words = [w for w in before if w.lower() not in _GLUE][-len(letters):]
                if len(words) == len(letters) and all(w[0].lower() == c for w, c in zip(words, letters, strict=True)):
                    self.long.setdefault(m.group(1).lower(), set()).update(w.lower() for w in words)
                    forms = self.spelled.setdefault(m.group(1).lower(), [])
                    if tuple(w.lower() for w in words) not in forms:
                        forms.append(tuple(w.lower() for w in words))

    def text_words(self, text: str) -> tuple[set[str], set[str]]:
        """The text's lower-case words and the words its acronyms stand for."""
        words = {w.lower() for w in _TOKEN.findall(text)}
        spelt = set()
        for w in _TOKEN.findall(text):
            if _acronym(w):
                spelt |= self.long.get(w.lower(), set()) | self.long.get(w.lower().rstrip("s"), set())
        return words, spelt


def uses_word(word: str, words: set[str], spelt: set[str], corpus: Corpus) -> bool:
    low = word.lower()
    if _acronym(word):
        key = low.rstrip("s") if low.rstrip("s") in corpus.long else low
        if key in words or key + "s" in words:
            return True
        long = corpus.long.get(key, set())
        return bool(long) and all(any(_same_word(x, w) for w in words) for x in long)
    return any(_same_word(low, w) for w in words | spelt)


def content_words(title: str, topic: str) -> list[str]:
    """The title's words that say what the theme is about beyond the topic: no glue, no kind word, no topic word."""
    topic_words = {w.lower() for w in _TOKEN.findall(topic)}
    out = []
    for w in _TOKEN.findall(title):
        low = w.lower()
        if low in _GLUE or low in _KIND_WORDS or low in _VAGUE or len(low) < 3 and not _acronym(w):
            continue
        if any(_same_word(low, t) for t in topic_words):
            continue
        out.append(w)
    return out


def title_kind(title: str) -> str:
    """The kind of paper a theme title opens by naming ('Empirical studies of X' -> 'study', 'Benchmarks and datasets
    for X' -> 'benchmark', 'Surveys of X' -> 'survey'), or ''. A kind word later in the title ('... from human
    preference datasets') is what the papers work on, not what they are."""
    head = re.match(r"(?i)^(?:(?:empirical|systematic|comprehensive|large-scale)\s+)?([a-z]+)(?:\s+and\s+([a-z]+))?"
                    r"\s+(?:of|for|on|in|about)\b", title)
    if not head:
        return ""
    words = {w.lower() for w in head.groups() if w}
    if words & {"studies", "analyses"} and words & {"surveys", "reviews"}:
        return "study or survey"  # 'Studies and surveys of X': either kind fits
    if words & {"benchmarks", "benchmark", "datasets", "dataset", "corpora"}:
        return "benchmark"
    if words & {"surveys", "survey", "reviews", "overviews"}:
        return "survey"
    if words & {"studies", "study", "analyses", "analysis", "evaluations", "investigations"}:
        return "study"
    return ""


_WE = r"\b(?:we|this (?:paper|work|study|article)|our (?:work|paper|study))\s+(?:\w+ly\s+)?(?:also\s+)?"
_RESOURCE = r"(?:benchmarks?|datasets?|corpus|corpora|test ?suites?|test ?beds?|suites?|collections?|arenas?|leaderboards?)"
_BUILDS = re.compile(_WE + r"(?:introduce|present|propose|release|construct|build|curate|create|collect|develop|"
                     r"design|contribute|open-source)s?\b[^.]{0,90}?\b" + _RESOURCE + r"\b", re.IGNORECASE)
_NAMED_RESOURCE = re.compile(r"\b[A-Z][\w-]*[A-Z0-9][\w-]*,\s+(?:a|an|the first)\s+[^.]{0,60}?\b" + _RESOURCE + r"\b")
_TITLE_RESOURCE = re.compile(r"bench|\b(?:dataset|corpus|arena|gym|test suite)s?\b", re.IGNORECASE)
_STUDIES = re.compile(_WE + r"(?:(?:conduct|perform|present|provide|carry out|undertake|offer)s?\s+(?:an?|the first|"
                      r"two|three|several|extensive|comprehensive|systematic|large-scale)\s+(?:[\w-]+\s+){0,3}?"
                      r"(?:study|studies|analysis|analyses|investigation|evaluation|examination|comparison|audit)|"
                      r"(?:investigate|analy[sz]e|examine|study|studies|evaluate|explore|characteri[sz]e|measure|"
                      r"compare|assess|probe|revisit|ask|test|find|identify|reveal|observe|quantify|uncover)s?)\b", re.IGNORECASE)
_STUDY_TITLE = re.compile(r"\?|^(?:what|how|why|when|is|are|can|do|does|on the|towards understanding|understanding|"
                          r"rethinking|revisiting|investigating|examining|demystifying)\b|\b(?:an? )?(?:empirical|"
                          r"systematic) (?:study|analysis|investigation)\b|\b(?:lessons|bag of tricks|findings)\b",
                          re.IGNORECASE)
# A method of the paper's own, not one it adds beside its study ('Additionally, we propose a defense ...').
_NEW_METHOD = re.compile(r"(?<!additionally, )(?<!also, )(?<!further, )(?<!moreover, )" + _WE + r"(?:propose|introduce|present|develop|design)s?\s+(?:[\w-]+,?\s+){0,6}?(?:method|"
                         r"framework|algorithm|approach|technique|model|objective|loss|pipeline|system|strategy)\b"
                         r"|\bnovel (?:[\w-]+\s+){0,3}?(?:method|framework|algorithm|approach|technique|objective)\b"
                         # 'introduces DOVE, a new preference optimization objective'
                         r"|\b[A-Z][\w-]*[A-Z][\w-]*,\s+an?\s+(?:new|novel)\s+(?:[\w-]+\s+){0,3}?(?:method|framework|"
                         r"algorithm|approach|technique|objective|loss)\b",
                         re.IGNORECASE)
# ... or reports its own method beating others ('our approach consistently outperforms ...').
_OWN_WINS = re.compile(r"\b(?:our|the proposed) (?:[\w-]+ ){0,2}(?:method|approach|framework|model|algorithm|objective|"
                       r"system)s?\b[^.]{0,80}?\b(?:outperform\w*|surpass\w*|improv\w* over)", re.IGNORECASE)
_SURVEY = re.compile(r"\b(?:this|our|the present) (?:survey|review|overview|tutorial)\b|" + _WE + r"(?:survey|review|"
                     r"summari[sz]e|categori[sz]e|catalog(?:ue)?)s?\s+(?:the|recent|existing|current)\b|"
                     r"\b(?:a|this) (?:systematic|comprehensive) (?:review|survey)\b", re.IGNORECASE)


def states_kind(kind: str, title: str, abstract: str) -> bool:
    """The paper's own title or abstract says it is a paper of that kind (see the module's docstring)."""
    if kind == "study or survey":
        return states_kind("study", title, abstract) or states_kind("survey", title, abstract)
    if kind == "benchmark":
        return bool(_TITLE_RESOURCE.search(title) or _BUILDS.search(abstract) or _NAMED_RESOURCE.search(abstract))
    if kind == "survey":
        return bool(re.search(r"\b(?:survey|review|overview|tutorial)\b", title, re.IGNORECASE)
                    or _SURVEY.search(abstract))
    if kind == "study":
        if states_kind("survey", title, abstract):
            return False  # a survey article reports no study of its own
        return bool(_STUDY_TITLE.search(title) or _STUDIES.search(abstract)) and not _NEW_METHOD.search(abstract) \
            and not _OWN_WINS.search(abstract)
    return True


def _segments(title: str) -> list[str]:
    """The title's noun phrases between its glue words ('Reinforcement learning for PRMs' -> two)."""
    return [x for x in re.split(r"(?i)\s+(?:in|with|for|of|and|on|from|to|via|by)\s+", title) if x.strip()]


def verdict(section_title: str, topic: str, paper_title: str, abstract: str, corpus: Corpus) -> str:
    """'' when the paper fits the theme; else why not ('word “X”', 'not a study')."""
    kind = title_kind(section_title)
    if kind and not states_kind(kind, paper_title, abstract):
        return f"not a {kind}"
    text = f"{paper_title}. {abstract}"
    words, spelt = corpus.text_words(text)
    for seg in _segments(section_title):
        said = content_words(seg, topic)
        missing = [w for w in said if not uses_word(w, words, spelt, corpus)]
        if not missing:
            continue
        # A name the corpus states is an instance of the phrase ('RL algorithms such as GRPO') uses it.
        # ... read without the vague words the title adds ('Reinforcement learning methods' claims RL).
        phrase = " ".join(w for w in _TOKEN.findall(seg) if w.lower() not in _VAGUE)
        short = "".join(w[0].upper() for w in phrase.split() if w.lower() not in _GLUE)
        if len(phrase.split()) > 1 and any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)
                                          for n in corpus.terms.instances(phrase.lower(), short)):
            continue
        return f"word “{missing[0]}”"
    return ""


def _topic_terms(topic: str) -> set[str]:
    """The topic's lower-case words and the initials its runs of content words form ('process reward models' ->
    'prm')."""
    words = [w.lower() for w in _TOKEN.findall(topic)]
    content = [w for w in words if w not in _GLUE]
    out = set(words)
    for i in range(len(content)):
        for j in range(i + 2, len(content) + 1):
            out.add("".join(w[0] for w in content[i:j]))
    return out


def glued_head(title: str, topic: str) -> str:
    """The title's segment made only of the topic's own words, when another segment names something of the title's
    own ('Outcome reward in PRMs' -> 'PRMs'); '' for a title of the topic's words alone or of no topic segment."""
    own = _topic_terms(topic)
    segs = _segments(title)
    if len(segs) < 2 or title_kind(title):
        return ""

    def topical(seg: str) -> bool:
        words = [w.lower() for w in _TOKEN.findall(seg) if w.lower() not in _GLUE]
        return bool(words) and all(any(_same_word(w, t) for t in own) or w.rstrip("s") in own for w in words)

    glued = [seg for seg in segs if topical(seg)]
    if not glued or len(glued) == len(segs):
        return ""
    return glued[-1] if topical(segs[-1]) else glued[0]


def _has_run(words: list[str], run: tuple[str, ...] | list[str]) -> bool:
    n = len(run)
    return n > 0 and any(all(_same_word(run[k], words[i + k]) for k in range(n)) for i in range(len(words) - n + 1))


def uses_head(head: str, text: str, corpus: Corpus) -> bool:
    """The text uses the phrase HEAD as a phrase: its words in order and in some form, or its initials in capitals
    ('process reward models' ~ 'PRM'), or, for an acronym, the acronym or a long form the corpus gives it."""
    tokens = _TOKEN.findall(text)
    words = [w.lower() for w in tokens]
    run = [w.lower() for w in _TOKEN.findall(head) if w.lower() not in _GLUE]
    acronyms = {w.lower().rstrip("s") for w in tokens if _acronym(w)}
    if len(run) == 1 and _acronym(_TOKEN.findall(head)[0]):
        key = run[0].rstrip("s") if run[0].rstrip("s") in corpus.spelled else run[0]
        return key.rstrip("s") in acronyms or any(_has_run(words, form) for form in corpus.spelled.get(key, []))
    full = [w.lower() for w in _TOKEN.findall(head)]
    if _has_run(words, full) or _has_run(words, run):
        return True
    return len(run) > 1 and "".join(w[0] for w in run) in acronyms


class ThemeFitShape(BaseModel):
    themed: int = 0
    glued: int = 0  # papers under a title that glues the topic's head onto its own label
    glued_unused: int = 0  # ... whose text never uses that head
    unfit: int = 0
    word_unfit: int = 0
    kind_themed: int = 0  # papers under a kind title
    kind_unfit: int = 0
    unfit_list: list[str] = Field(default_factory=list)


_CORPUS: list[Corpus] = []


def corpus() -> Corpus:
    """The catalog's papers, loaded once per process."""
    if not _CORPUS:
        from reviewer.catalog import Catalog
        from reviewer.settings import Settings

        with Catalog(Settings().catalog_path) as catalog:
            _CORPUS.append(Corpus({p.key: (p.title, p.abstract) for p in catalog.iter_papers()}))
    return _CORPUS[0]


NOT_THEMES = ("Papers outside the themes", "Open problems")


def add_report(report: object, shape: ThemeFitShape, where: Corpus | None = None) -> None:
    """Judge every paper cited under a named theme of one report."""
    where = where or corpus()
    topic = getattr(report, "topic", "")
    for section in getattr(report, "sections", []):
        if section.title in NOT_THEMES:
            continue
        kind = title_kind(section.title)
        for key in section.cited_keys:
            if key not in where.papers:
                continue
            title, abstract = where.papers[key]
            shape.themed += 1
            shape.kind_themed += bool(kind)
            why = verdict(section.title, topic, title, abstract, where)
            head = glued_head(section.title, topic)
            if head:
                shape.glued += 1
                if not uses_head(head, f"{title}. {abstract}", where):
                    shape.glued_unused += 1
                    shape.unfit_list.append(f"{section.title} ∌ {title[:70]} (glued head “{head}” unused)")
            if why:
                shape.unfit += 1
                shape.kind_unfit += why.startswith("not a")
                shape.word_unfit += why.startswith("word")
                shape.unfit_list.append(f"{section.title} ∌ {title[:70]} ({why})")


def summary(shape: ThemeFitShape) -> str:
    return (f"theme fit: themed papers {shape.themed}, not fitting their theme {shape.unfit} "
            f"({shape.unfit / max(1, shape.themed):.1%}): title word unused {shape.word_unfit}, not of the titled kind "
            f"{shape.kind_unfit} of {shape.kind_themed} under kind titles; under a title glued to the topic's head "
            f"{shape.glued}, never using that head {shape.glued_unused}")


def main(argv: list[str]) -> None:
    from reviewer.survey.types import SurveyReport

    args = [a for a in argv if not a.startswith("--")]
    keep = Path(args[0])
    for which in args[1:]:
        shape = ThemeFitShape()
        for path in sorted((keep / which).glob("*/report.json")):
            add_report(SurveyReport.model_validate_json(path.read_text(encoding="utf-8")), shape)
        print(f"== {which}: {summary(shape)}")
        if "--list" in argv:
            print("\n".join(f"   {x}" for x in shape.unfit_list))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    main(sys.argv[1:])
