"""Theme titles that describe the section: supported by most of its papers, cased as the abstracts write them.

A label picked for its distinctiveness can come from one paper's phrase while the section's other papers
are about something else; a reader then takes the title as the section's claim about all of them. So
each part of a title ("X and Y") is kept only when at least half of the theme's papers (and at least two)
mention it; otherwise the phrase that most of them share names the theme, and when none is shared a
plain descriptive title ("Further work on PRMs") is used rather than a misleading one.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable

import numpy as np

from reviewer.survey.labelpick import (
    _FUNCTION,
    _WORD,
    better_label,
    complete_name,
    generic_head,
    own_text,
    phrase_support,
    restore_case,  # noqa: F401  (outline.py and tests import it from here)
    whole_phrase,
)
from reviewer.survey.terms import _GENERIC, PhraseStats, norm_stems, phrases, title_case
from reviewer.survey.themes import GENERIC_THEME_WORDS, ThemeDoc, _bare, _nameable, kmeans, theme_title
from reviewer.survey.titlewords import (
    Uses,
    complete_modifier,
    counted_noun,
    is_cut_modifier,
    nominal,
    opens_with_gerund,
    opens_with_verb,
    plural_head,
    used_as_verb,
)
from reviewer.survey.verbuse import phrase_as_verb, points_elsewhere
from reviewer.textutil import content_stems


def needed_support(n_members: int) -> int:
    """Papers that must mention a title phrase: half the theme, and at least two when it has two."""
    return max(min(2, n_members), math.ceil(n_members / 2))


def _stems(text: str) -> set[str]:
    return set(norm_stems(content_stems(text)))


def support(phrase: str, texts: list[set[str]], ignore: set[str]) -> int:
    """How many of the theme's papers use every content word of `phrase` (the topic's own words aside)."""
    words = _stems(phrase) - ignore
    if not words:
        return len(texts)
    return sum(1 for t in texts if words <= t)


def names_something(phrase: str, ignore: set[str]) -> bool:
    """A title part must add words beyond the topic's own ('Reward modeling' in a reward-model survey says
    nothing about one section) and read as a noun phrase, not an adverb or participle ('Primarily focused')."""
    words = phrase.split()
    if not words or not _stems(phrase) - ignore:
        return False
    return not words[0].lower().endswith("ly") and not re.search(r"(?:ed|ly)$", words[-1].lower())


def whole_label(label: str, bodies: list[str], group: list[str], need: int) -> str:
    """The label as a whole noun phrase: completed from the survey's texts ('Generative reward' -> '... models'),
    and when it is still a modifier cut from its noun ('Inference time'), completed by the noun `need` of the
    group's texts put after it ('Inference-time scaling'); '' when they share none (the label is a fragment)."""
    if label.split() and not label.split()[0].lower().endswith("ing") and used_as_verb(label.split()[0], bodies):
        return ""  # 'Highlight one-shot CFT': a clause the abstracts begin with 'we'
    whole = complete_name(label, bodies)
    for _ in range(2):  # 'Monte Carlo' -> 'Monte Carlo tree' -> 'Monte Carlo tree search'
        if not _cut(whole, bodies):
            return plural_head(whole, bodies)
        whole = complete_modifier(whole, group, need)
    return plural_head(whole, bodies) if whole and not _cut(whole, bodies) else ""


def _cut(label: str, bodies: list[str]) -> bool:
    """Cut from its noun: the whole label, or its last word when that is a compound modifier the texts put before a
    noun ('General-purpose vision-language' from '... vision-language abilities'), which a rare label's own few
    uses cannot show."""
    last = label.split()[-1] if label.split() else ""
    if is_cut_modifier(label, bodies) or Uses(label, bodies).total >= 3:  # its own uses decide when there are enough
        return is_cut_modifier(label, bodies)
    # 'vision-language', 'long-context' modify; 'chain-of-thought', 'Best-of-N', 'LLM-as-a-judge' are nouns.
    parts = last.lower().strip("-").split("-")
    return len(parts) > 1 and not set(parts) & {"of", "as", "a", "an", "the", "to", "and", "in", "on", "for"} \
        and is_cut_modifier(last, bodies)


def _shared_phrase(stats: PhraseStats, members: list[int], exclude: set[str], need: int, taken: set[str],
                   titled: set[str], bodies: list[str] | None = None) -> str:
    """The most distinctive multi-word phrase that at least `need` of the members share, or ''."""
    for p in stats.distinctive(members, exclude=exclude, top=40, prefer=titled):
        words = p.stems.split()
        if len(words) < 2 or p.stems in taken or stats.local_df(members, p.stems) < need:
            continue
        if not _nameable(p.surface, p.stems, exclude) or all(w in GENERIC_THEME_WORDS for w in p.surface.lower().split()) \
                or not names_something(p.surface, exclude) or points_elsewhere(p.surface) \
                or phrase_as_verb(p.surface, (bodies or []) + stats.corpus):
            continue
        if bodies is None:
            return title_case(p.surface)
        whole = whole_label(p.surface, bodies, [bodies[i] for i in members], need)
        if whole:
            return title_case(whole)
    return ""


def supported_title(
    raw: str,
    terms: list[str],
    members: list[int],
    docs: list[ThemeDoc],
    stats: PhraseStats,
    head: str,
    exclude: set[str],
    taken: set[str],
) -> str:
    """The theme's title built only from phrases most of its papers share (see the module docstring)."""
    texts = [_stems(f"{docs[i].title}. {docs[i].body}") for i in members]
    ignore = exclude | _stems(head)
    need = needed_support(len(members))
    # A theme of four or more keeps a label part only when more than half use it: one paper the checker
    # later leaves uncited must not make the title untrue of the cited ones.
    need_part = len(members) // 2 + 1 if len(members) >= 4 else need
    parts = [p for p in raw.split(" and ") if p.strip()] if raw else []
    # 'Shed light' ('Our results shed light on ...'): a phrase the texts use as a verb names no subject (verbuse.py).
    said = [f"{d.title}. {d.body}" for d in docs] + stats.corpus
    parts = [p for p in parts if not phrase_as_verb(p.strip(), said) and not points_elsewhere(p.strip())]
    terms = [t for t in terms if not phrase_as_verb(t, said) and not points_elsewhere(t)]
    kept = [p.strip() for p in parts if not _bare(p) and names_something(p, ignore) and support(p, texts, ignore) >= need_part]
    good_terms = [t for t in terms if names_something(t, ignore) and support(t, texts, ignore) >= need_part]
    # A part whose words an earlier part already says adds nothing ('Process reward and rewards').
    kept = [p for n, p in enumerate(kept) if not any(_stems(p) <= _stems(q) for q in kept[:n])]
    bodies = [f"{d.title}. {d.body}" for d in docs]  # the title too: a name may be whole only there
    group = [bodies[i] for i in members]
    kept = [w for w in (whole_label(p, bodies, group, need_part) for p in kept) if w]
    if kept:
        raw = " and ".join([kept[0][:1].upper() + kept[0][1:]] + kept[1:])
    else:
        titled = {s for i in members for s in stats.doc_phrases[i]}
        raw = _shared_phrase(stats, members, exclude, need_part, taken, titled, bodies)
    good_terms = [complete_name(t, bodies) for t in good_terms]  # a term may stand in for a generic label
    if not raw:
        return theme_title("", head, [])
    raw = better_named(raw, good_terms, members, docs, stats, exclude, ignore, taken, need_part)
    texts = bodies + stats.corpus  # the corpus's sample too, for how a word is used
    good_terms = [n for n in (noun_title(t, [], texts, ignore) for t in good_terms) if n]
    return theme_title(noun_title(complete_name(raw, bodies), good_terms, texts, ignore), head, good_terms)


def says_more(phrase: str, ignore: set[str]) -> bool:
    """The phrase is more than the topic's own words (`ignore`) before a generic head ('RL training' in an RL
    survey); a generic modifier of another head still names something ('AI feedback' beside human feedback)."""
    words = [w for w in re.findall(r"[\w-]+", phrase.lower()) if w not in _FUNCTION]
    if not words:
        return False
    *mods, last = words

    def topic_word(w: str) -> bool:  # as the topic writes it: 'logical' is not the topic's 'logic'
        return w in ignore or w.rstrip("s") in ignore

    return not (all(topic_word(w) for w in mods) and (last in GENERIC_THEME_WORDS or topic_word(last)))


def _a_name(phrase: str) -> bool:
    """A term that can stand as a title: not opened by a determiner ('every token') nor holding a stray letter
    ('token s', from a cut possessive)."""
    words = phrase.split()
    return bool(words) and words[0].lower() not in _FUNCTION and words[0].lower() not in {"every", "each", "all", "any"} \
        and not any(len(w) == 1 and w.islower() for w in words)


def noun_title(raw: str, terms: list[str], texts: list[str], ignore: set[str]) -> str:
    """`raw` as a noun phrase: a label opening with a verb in -ing takes its noun form ('Aligning LLM agents' ->
    'Alignment of LLM agents') or gives way to the theme's next term, and each part headed by a bare singular
    count noun goes plural ('Reasoning trajectory' -> 'Reasoning trajectories'). A label of only the topic's
    words and generic ones ('RL training' in an RL survey) names no section and gives way too."""
    # A verb without a noun form here gives way to its object ('Unraveling feedback acquisition').
    obj = raw.split(maxsplit=1)[1] if opens_with_gerund(raw) and len(raw.split()) > 2 else ""
    for option in [raw] + ([obj[:1].upper() + obj[1:]] if obj else []) + terms:
        if not says_more(option, ignore) or not _a_name(option):
            continue
        named = nominal(option, texts)
        if named:
            return " and ".join(_counted_plural(p.strip(), texts) for p in named.split(" and "))
    return ""


def _counted_plural(part: str, texts: list[str]) -> str:
    """The part in the plural when the texts count its head noun (titlewords.counted_noun); a phrase the texts
    once write in the plural ('sample efficiencies') keeps its mass noun."""
    last = part.split()[-1] if part.split() else ""
    return plural_head(part, texts) if counted_noun(last, texts) else part


def better_named(raw: str, terms: list[str], members: list[int], docs: list[ThemeDoc], stats: PhraseStats,
                 exclude: set[str], ignore: set[str], taken: set[str], need: int) -> str:
    """`raw`, or the phrase more of the papers use word for word, which names them better than an incidental
    or generic label (labelpick.better_label): from the theme's terms and its distinctive phrases."""
    first = raw.split(" and ")[0]
    bodies = [f"{d.title}. {d.body}" for d in docs]
    group = [bodies[i] for i in members]
    own = [own_text(docs[i].title, docs[i].body) for i in members]  # what each paper is about, not what it mentions
    found = terms + [p.surface for p in stats.distinctive(members, exclude=exclude, top=60) if len(p.stems.split()) > 1]
    # And its titles' phrases, unless the whole field uses them ('reasoning steps' in a corpus on reasoning).
    found += [surface for i in members for stems, surface in phrases(docs[i].title)
              if len(stems.split()) > 1 and stats.field.get(stems, 1.0) >= 1.0]
    # Only a phrase that could name the papers better is completed (whole_phrase reads the corpus).
    at_least = max(need, phrase_support(first, own) + (0 if generic_head(first) else 1))
    options = [whole_phrase(t, bodies, group, need, corpus=stats.corpus) for t in dict.fromkeys(found)
               if not _bare(t) and names_something(t, ignore) and not opens_with_verb(t)
               and " ".join(norm_stems(content_stems(t))) not in taken and phrase_support(t, own) >= at_least]
    # It must say more than the topic: 'multimodal reasoning' in a survey of multimodal reward models does not.
    # A phrase of two or more words, or a name ('Unleashing' alone is a verb cut from its object).
    options = [o for o in options if (len(re.split(r"[\s-]+", o)) > 1 or any(c.isupper() for c in o[1:]))
               and names_something(o, ignore) and any(
        w not in GENERIC_THEME_WORDS and not _stems(w) <= ignore for w in re.findall(r"[\w-]+", o.lower()))]
    picked = better_label(first, options, own,
                          [docs[i].title for i in members], need)
    return raw if picked == first else picked[:1].upper() + picked[1:]


def shared_terms(terms: list[str], members: list[int], docs: list[ThemeDoc], exclude: set[str],
                 corpus: list[str] | None = None) -> list[str]:
    """The theme's phrases that two or more of its papers use: what a scope line may say they share, each
    whole and in the texts' case (labelpick.whole_phrase); a modifier the papers complete differently goes."""
    if len(members) < 2:  # one paper shares nothing
        return []
    bodies = [f"{d.title}. {d.body}" for d in docs]
    group = [bodies[i] for i in members]
    texts = [_stems(text) for text in group]
    need = 2
    wholes = [whole_phrase(t, bodies, group, need, [d.body for d in docs], corpus) for t in terms]
    # Quoted as shared, a phrase must be used word for word by them, not only its words here and there.
    # A single lower-case word ('findings', 'safety') is no phrase a reader can look for, a name ('PPO') is;
    # generic words ('language models') are shared by every paper of the field.
    kept = [w for w in wholes if w and _stems(w) - exclude and support(w, texts, exclude) >= need
            and phrase_support(w, group) >= need
            and (len(re.split(r"[\s-]+", w)) > 1 or any(c.isupper() for c in w[1:]))
            and not all(x in GENERIC_THEME_WORDS for x in w.lower().split())  # 'language models', 'LLMs'
            and not phrase_as_verb(w, bodies + (corpus or [])) and not points_elsewhere(w)]  # 'fall short'
    return list(dict.fromkeys(kept))


CATCH_ALL_MAX = 3  # a left-over section of a few papers may say "Further work"; a bigger one hides themes
_CATCH_ALL = re.compile(r"^(?:further )?work(?: on\b|$)", re.IGNORECASE)  # also a bare 'Further work'


def is_catch_all(title: str) -> bool:
    """The fallback title ('Further work on PRMs', 'Work on X'): it names no theme of its own."""
    return bool(_CATCH_ALL.match(title))


def _title_word_groups(left: list[int], docs: list[ThemeDoc], exclude: set[str], used: set[str]) -> list[tuple[int, str, list[int]]]:
    """Groups of papers whose titles share a content word beyond the topic ('Inference-time'), each named
    by the title phrases that word opens ('Inference-time computation' + 'scaling')."""
    bodies = [f"{d.title}. {d.body}" for d in docs]
    found: dict[str, list[tuple[int, list[str]]]] = {}
    before: dict[str, list[str]] = {}  # the two-word title phrase ending in the shared word, per paper
    for i in left:
        # A title phrase ends at its punctuation: 'Binary Rewards: Training LMs' has no 'Rewards Training'.
        segments = [_WORD.findall(seg) for seg in re.split(r"[:;,()?!]|\s[-–—]\s", docs[i].title)]
        for title_words, j, w in ((ws, j, w) for ws in segments for j, w in enumerate(ws)):
            stem = " ".join(norm_stems(content_stems(w)))
            if not stem or stem in exclude or stem in used or w.lower() in GENERIC_THEME_WORDS or w.lower() in _GENERIC \
                    or " " in stem or w.lower() in _FUNCTION or not names_something(w + " x", exclude):
                continue
            found.setdefault(stem, [])
            if all(k != i for k, _ in found[stem]):
                found[stem].append((i, title_words[j:j + 5]))
                before.setdefault(stem, []).append(f"{title_words[j - 1]} {w}".lower() if j > 0 else "")
    out = []
    for stem, hits in found.items():
        if len(hits) < 2:
            continue
        need = needed_support(len(hits))
        # The shared word may end the phrase ('... Preference Optimization'): named with the word before it
        # when most of the titles have that same word there.
        prev = Counter(b for b in before[stem] if b and b.split()[0] not in _FUNCTION and b.split()[0] not in _GENERIC)
        if prev and prev.most_common(1)[0][1] >= need:
            name = _sentence_word(prev.most_common(1)[0][0].capitalize())
            if not _bare(name) and names_something(name, exclude) and not opens_with_verb(name):
                out.append((len(hits), name, [i for i, _ in hits]))
                continue
        opened = [(ws[0], _head(ws, bodies)) for _, ws in hits if len(ws) > 1 and ws[1].lower() not in _FUNCTION
                  and ws[1].lower() not in _GENERIC]
        heads = [h for _, h in opened]
        # A head names the group only when most of its papers use it too ('Inference-time computation' over
        # a paper on inference compute and one on inference-time computation; not '... scaling and computation').
        group_texts = [_stems(f"{docs[i].title}. {docs[i].body}") for i, _ in hits]
        by_stem = {" ".join(sorted(_stems(h))): h.lower() for h in reversed(heads)}  # 'reward'/'rewards': one head
        supported = [h for h in by_stem.values() if sum(1 for t in group_texts if _stems(h) <= t) >= need]
        # 'reasoning' and 'mathematical reasoning': the head all of them share names the group.
        supported = [h for h in supported if not any(_stems(o) < _stems(h) for o in supported)]
        if not supported:
            continue
        # The shared word as the title that gives the head writes it ('Ranked', not another title's 'Rankings').
        first = _sentence_word(next(w for w, h in opened if h.lower() == supported[0]))
        name = f"{first} {supported[0]}" + (f" and {supported[1]}" if len(supported) > 1 else "")
        if _bare(name) or not names_something(name, exclude):
            continue
        out.append((len(hits), name, [i for i, _ in hits]))
    out.sort(key=lambda g: (-g[0], g[1]))
    return out


def _head(words: list[str], bodies: list[str]) -> str:
    """The noun phrase a shared title word opens, past modifiers: 'Multimodal Mathematical Reasoning with' ->
    'mathematical reasoning' ('mathematical' stands before a noun in most of its uses), not 'mathematical'."""
    k = 1
    while k + 1 < min(len(words), 4) and words[k + 1].lower() not in _FUNCTION and is_cut_modifier(words[k], bodies):
        k += 1
    return plural_head(" ".join(words[1:k + 1]).lower(), bodies, any_plural=True)


def _sentence_word(word: str) -> str:
    """A title's Title-Case word in running-text case ('Inference-Time' -> 'Inference-time'); names stay."""
    parts = word.split("-")
    if all(p[:1].isupper() and p[1:].islower() for p in parts if p):
        return "-".join([parts[0]] + [p.lower() for p in parts[1:]])
    return word


def _kmeans_options(left: list[int], x: np.ndarray, stats: PhraseStats, exclude: set[str],
                    used: set[str]) -> list[tuple[int, str, list[int]]]:
    """Groups of similar papers (k-means, k = 2 or 3) that a phrase shared by most of them can name."""
    out = []
    for k in (2, 3):
        if len(left) < 2 * k:
            break
        labels = kmeans(x[left], k)
        for c in range(k):
            group = [left[i] for i in range(len(left)) if labels[i] == c]
            if len(group) < 2:
                continue
            name = _shared_phrase(stats, group, exclude, needed_support(len(group)), used,
                                  {s for i in group for s in stats.doc_phrases[i]})
            if name:
                out.append((len(group), name, group))
        if out:
            break
    return out


def split_by_phrases(
    members: list[int], docs: list[ThemeDoc], stats: PhraseStats, exclude: set[str], taken: set[str],
    x: np.ndarray | None = None, keep: int = CATCH_ALL_MAX,
    holds: Callable[[str, list[int]], list[int]] | None = None,
) -> tuple[list[tuple[str, list[int]]], list[int]]:
    """Break a catch-all into groups that each share a named phrase, largest group first.

    First the papers whose titles share a word beyond the topic ('Inference-time Computation ...',
    'Inference-Time Scaling ...'); then abstract phrases two or more papers use, when at least one of
    them has it in its title (so a phrase met in passing does not make a theme). Each round takes the
    group most of the remaining papers share, until at most `keep` papers are left or nothing is
    shared; failing both, k-means groups of similar papers named by a phrase most of them share (`x`:
    the papers' unit vectors). What is left stays a (small) catch-all. `holds` (name, group -> the members
    the title made of it is true of) keeps a group only for those, two or more (catchall.name_aside).
    """
    left = list(members)
    groups: list[tuple[str, list[int]]] = []
    used = set(taken)
    in_title = {i: {s for s, _ in phrases(docs[i].title)} for i in members}
    while len(left) > keep:
        options = [(n, name, g) for n, name, g in _title_word_groups(left, docs, exclude, used)]
        for p in stats.distinctive(left, exclude, 2 if holds else 1, 200 if holds else 60, overlapping=bool(holds)):
            n_words = len(p.stems.split())
            # One token that is a term: an acronym, or a compound of three words or more ('LLM-as-a-judge').
            acronym = n_words == 1 and (sum(c.isupper() for c in p.surface) >= 2 or p.surface.count("-") >= 2)
            group = [i for i in left if p.stems in stats.doc_phrases[i]]
            if (n_words < 2 and not acronym) or len(group) < 2 or p.stems in used or _bare(p.surface) \
                    or not any(p.stems in in_title[i] for i in group) \
                    or not _nameable(p.surface, p.stems, exclude) or not names_something(p.surface, exclude) \
                    or all(w in GENERIC_THEME_WORDS for w in p.surface.lower().split()):
                continue
            options.append((len(group), p.surface, group))
        if not options and x is not None:
            options = _kmeans_options(left, x, stats, exclude, used)
        bodies = [f"{d.title}. {d.body}" for d in docs]
        options = [(n, whole_label(name, bodies, [bodies[i] for i in g], needed_support(len(g))), g) for n, name, g in options]
        options = [o for o in options if o[1]] if holds is None else \
            [(len(h), name, h) for _, name, g in options if name and len(h := holds(title_case(name), g)) >= 2]
        if not options:
            break
        _, name, group = max(options, key=lambda o: o[0])
        groups.append((title_case(name), group))
        used |= {" ".join(norm_stems(content_stems(w))) for w in name.split()}
        left = [i for i in left if i not in group]
    return groups, left
