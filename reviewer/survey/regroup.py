"""Papers no theme title fits are still discussed under a named theme when an honest name for them exists.

fit.py moves a paper out of a section whose title its own text does not use; the papers left over were cited
apart from the themes, in the overview, and on the dev topics that was a quarter of every survey's papers. A
researcher expects each cited paper under a theme, so before setting a paper aside this module tries, in turn:

1. the kind of contribution (kinds.py): two or more empirical studies (or benchmarks) of the topic are a theme
   of their own ('Empirical studies of PRMs'), and one joins a section of its kind that already exists;
2. the technique family its own method sentences use (families.py): two or more papers of one family are a
   theme ('Reinforcement learning for uncertainty quantification');
3. a run of words their own titles share beyond the topic's words: two or more papers whose titles each say
   'Test-Time Scaling' are a theme named by it (a run of the field's common words, 'Reinforcement Learning',
   gets the fallback title of themes.theme_title, a catch-all, and names none);
4. one paper alone of a kind or family opens that section while the survey has fewer than MAX_K themes.

Each title is checked with fit.fits, the same test that moved the papers out, so no paper sits under a title it
does not use. Nothing here picks papers: the cited set is unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.models import Paper
from reviewer.survey.catchall import uses_label
from reviewer.survey.families import families_of, family_groups, family_title, own_method_text
from reviewer.survey.fit import fits
from reviewer.survey.kinds import TitledKind, _short_topic, kind_title, paper_kind, reading_groups
from reviewer.survey.themes import theme_title
from reviewer.survey.titles import _stems, is_catch_all
from reviewer.survey.titlewords import plural_head
from reviewer.survey.types import Section


def _place(title: str, keys: list[str], sections: list[Section], rescope: Callable[[Section], None],
           least: int = 2) -> bool:
    """Join the section titled `title`, or open it for `least` or more papers; False when neither."""
    same = next((s for s in sections if s.title.lower() == title.lower()), None)
    if same is not None:
        same.keys += [k for k in keys if k not in same.keys]
        rescope(same)
        return True
    if len(keys) < least or is_catch_all(title):
        return False
    section = Section(title=title, scope="", keys=list(keys))
    rescope(section)
    sections.append(section)
    return True


def holds_head(title: str, head: str, paper: Paper) -> bool:
    """A family title the survey's head is glued to ('Reinforcement learning for memorization') claims the paper
    applies the family to the head: it must use the head, which fit.fits (ignoring the topic's words) does not
    check. (A kind title, 'Empirical studies of memorization', names the paper's kind, which fit.py checks.)"""
    if not head or head.lower() not in title.lower() or uses_label(head, paper):
        return True
    return _stems(head) <= _stems(f"{paper.title}. {paper.abstract}")  # 'LLM reasoning' as 'reasoning of LLMs'


def _named_kind(kind: TitledKind, head: str, topic: str) -> bool:
    """The kind title names what was studied: 'Empirical studies of the topic' (no head phrase, a question for a
    topic) says nothing a reader can check, so no paper is added to it."""
    return not kind_title(kind, head, topic).endswith(" the topic")


def by_kind(loose: list[str], sections: list[Section], papers: dict[str, Paper], head: str, topic: str,
            rescope: Callable[[Section], None]) -> list[str]:
    """Studies, benchmarks and surveys among the loose papers: a theme of their kind (kinds.kind_title); the rest
    returned."""
    kinds = {k: paper_kind(papers[k].title, papers[k].abstract) for k in loose}  # a survey is no study
    placed: set[str] = set()
    for kind, keys in reading_groups(kinds, head, topic):
        if keys and _named_kind(kind, head, topic) and _place(kind_title(kind, head, topic), keys, sections, rescope):
            placed |= set(keys)
    return [k for k in loose if k not in placed]


def family_head(head: str, topic: str) -> str:
    """What a family title serves: the survey's head, or, for a topic with none, the topic cut to a short noun
    phrase ('tool use' of 'tool use by language model agents', kinds._short_topic) when it is at most three words
    and joins nothing with 'and', so 'Reinforcement learning for tool use' says what the family is used for."""
    if head:
        return head
    short = _short_topic(topic)
    return short if short and len(short.split()) <= 3 and " and " not in f" {short} " else ""


def by_family(loose: list[str], sections: list[Section], papers: dict[str, Paper], head: str, topic: str,
              ignore: set[str], rescope: Callable[[Section], None]) -> list[str]:
    """Loose papers whose own method sentences share a technique family: a theme named for the family, kept
    only for the papers its title holds for (fit.fits); the rest returned."""
    head = family_head(head, topic)
    texts = {n: own_method_text(papers[k].title, papers[k].abstract) for n, k in enumerate(loose)}
    groups, _ = family_groups(texts, f"{head} {topic}")  # a family the topic names separates nothing
    placed: set[str] = set()
    for name, members in groups:
        title = family_title(name, head) if head else ""  # 'Prompting methods' says nothing of the topic
        # The paper's text names the family itself ('reinforcement learning', 'RL'), not only a member of it
        # ('PPO', 'RLHF'): a reader checks the title against the paper's words.
        keys = [loose[n] for n in members if title and uses_label(name, papers[loose[n]]) and fits(title, papers[loose[n]], ignore)
                and holds_head(title, head, papers[loose[n]])]
        if keys and _place(title, keys, sections, rescope):
            placed |= set(keys)
    return [k for k in loose if k not in placed]


_GLUE_WORDS = frozenset("""a an the of for in on with and or to via by from as at is are through using without beyond
    toward towards into across over under about against between within than not do does can large small""".split())

def _title_runs(title: str) -> set[tuple[str, ...]]:
    """Runs of two or three words inside one part of a title (between its punctuation), plural 's' dropped:
    'Boosting ... Multimodal Reasoning Models' has ('multimodal', 'reasoning'), not 'reasoning models to'."""
    runs = set()
    for part in re.split(r"[:;,?!()\u2013\u2014]|\s-\s|\s--\s", title):
        words = [w.lower()[:-1] if re.search(r"[^su]s$", w.lower()) else w.lower() for w in re.findall(r"[\w-]+", part)]
        for n in (2, 3):
            for i in range(len(words) - n + 1):
                run = tuple(words[i:i + n])
                # 'Aligning Large ...', 'Evaluating Language Models': a verb's object, not a noun phrase.
                if run[0] not in _GLUE_WORDS and run[-1] not in _GLUE_WORDS and not run[0].endswith("ing"):
                    runs.add(run)
    return runs


def _surface(run: tuple[str, ...], title: str) -> str:
    """The run as the title writes it ('Multimodal Reasoning')."""
    m = re.search(r"\b" + r"[\s-]+".join(re.escape(w) + r"s?" for w in run) + r"\b", title, re.IGNORECASE)
    return m.group(0) if m else " ".join(run)


def by_title_phrase(loose: list[str], sections: list[Section], papers: dict[str, Paper], head: str,
                    ignore: set[str], rescope: Callable[[Section], None]) -> list[str]:
    """Loose papers whose titles share a run of words with something beyond the topic's own words: a theme
    named by that run, largest group first, kept only for the papers its title holds for; the rest returned."""
    left = list(loose)
    while len(left) >= 2:
        runs = {k: _title_runs(papers[k].title) for k in left}
        counts: dict[tuple[str, ...], list[str]] = {}
        for k in left:
            for run in runs[k]:
                if _stems(" ".join(run)) - ignore:
                    counts.setdefault(run, []).append(k)
        options = sorted(((len(ks), len(run), run, ks) for run, ks in counts.items() if len(ks) >= 2), reverse=True)
        placed = False
        for _, _, run, keys in options:
            lower = _surface(run, papers[keys[0]].title)
            phrase = lower[:1].upper() + lower[1:].lower() if not lower[1:2].isupper() else lower
            # 'Reward model' as the titles write it: a count noun heads a title in the plural.
            phrase = plural_head(phrase, [f"{papers[k].title}. {papers[k].abstract}" for k in keys], any_plural=True)
            title = theme_title(phrase, head, [])
            keys = [k for k in keys if fits(title, papers[k], ignore)]
            if len(keys) >= 2 and not any(s.title.lower() == title.lower() for s in sections) \
                    and _place(title, keys, sections, rescope):
                left = [k for k in left if k not in keys]
                placed = True
                break
        if not placed:
            break
    return left


def singles(loose: list[str], sections: list[Section], papers: dict[str, Paper], head: str, topic: str,
            ignore: set[str], rescope: Callable[[Section], None]) -> list[str]:
    """A paper no group takes still has a kind or a technique family a reader can name: an empirical study or a
    benchmark joins its kind's section, a method whose own text names its family ('reinforcement learning', not
    only 'PPO') joins the family's section, when the survey already has one. It never opens a section alone: a
    one-paper theme is thin support, and the outline dissolves those (fit.py). A method of no family, or of the
    family the topic names, stays apart from the themes."""
    left = []
    fhead = family_head(head, topic)
    for key in loose:
        paper = papers[key]
        kind = paper_kind(paper.title, paper.abstract)
        if kind != "method":
            title = kind_title(kind, head, topic) if _named_kind(kind, head, topic) else ""
            both = kind_title("study+survey", head, topic)  # a study or a survey joins 'Studies and surveys of X'
            studies = next((s for s in sections if s.title.lower() == kind_title("study", head, topic).lower()), None)
            if kind == "survey" and studies is not None and len(both.split()) <= 8 and fits(both, paper, ignore):
                studies.title = both  # ... and a survey beside 'Empirical studies of X' makes it that theme
            if kind in ("study", "survey") and any(s.title.lower() == both.lower() for s in sections):
                title = both
        else:
            named = [f for f in families_of(own_method_text(paper.title, paper.abstract), f"{head} {topic}")
                     if uses_label(f, paper)]
            title = family_title(named[0], fhead) if named and fhead else ""
        if not title or not fits(title, paper, ignore) or (kind == "method" and not holds_head(title, fhead, paper)) \
                or not _place(title, [key], sections, rescope):
            left.append(key)
    return left


def _merge_studies(sections: list[Section], head: str, topic: str, rescope: Callable[[Section], None]) -> None:
    """'Empirical studies of X' beside 'Studies and surveys of X' is one theme: the studies join the second."""
    study, both = (kind_title(k, head, topic).lower() for k in ("study", "study+survey"))
    a = next((s for s in sections if s.title.lower() == study), None)
    b = next((s for s in sections if s.title.lower() == both), None)
    if a is not None and b is not None:
        b.keys += [k for k in a.keys if k not in b.keys]
        rescope(b)
        sections.remove(a)


def regroup(loose: list[str], sections: list[Section], papers: dict[str, Paper], head: str, topic: str,
            ignore: set[str], rescope: Callable[[Section], None]) -> tuple[list[Section], list[str]]:
    """Place the papers no theme title fits by kind, then by technique family; returns the sections (new ones
    last) and the papers still cited apart from the themes."""
    sections = list(sections)
    loose = [k for k in loose if k in papers]
    loose = by_kind(loose, sections, papers, head, topic, rescope)
    loose = by_family(loose, sections, papers, head, topic, ignore, rescope)
    loose = by_title_phrase(loose, sections, papers, head, ignore, rescope)
    loose = singles(loose, sections, papers, head, topic, ignore, rescope)
    _merge_studies(sections, head, topic, rescope)
    return sections, loose
