"""What two or more of a section's papers share, for the section's lead: a technique family or a setting.

A researcher's survey opens a section with what its papers have in common ("RiskPO and THR both use reinforcement
learning"), not only how many there are. Each fact here is read from the papers themselves and stated only of the
papers it is true of: a paper shares a technique family (families.FAMILIES) or a setting (SETTINGS below) when its own
text -- the title and its objective and method sentences (families.own_method_text), never its background, which
reports other work -- uses that family's or setting's words. A fact the survey's topic already names is true of every
paper in the survey and separates nothing, so it is not said (as families.families_of does for theme titles). The sentence
names each paper it speaks of and is cited to each, so the checker reads it against every abstract it cites.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from reviewer.models import Paper
from reviewer.roles import Role, sentence_roles
from reviewer.survey.families import FAMILIES, own_method_text
from reviewer.survey.kinds import contribution_kind
from reviewer.survey.synthesis import count_word, listing
from reviewer.textutil import split_sentences

MAX_NAMED = 4  # a longer list of names stops reading as one fact


class Setting(BaseModel):
    """Where a group of papers works: the kind of model, the domain or the task family its own text names."""

    name: str
    pattern: str


class Phrase(BaseModel):
    """How the lead says that papers share a family or setting: 'A and B both <verb phrase>'."""

    name: str
    says: str


SETTINGS: tuple[Setting, ...] = (
    Setting(name="multimodal models", pattern=r"multi-?modal|\bM?LLMs? (?:for|on) (?:images|videos?)\b|\bMLLMs?\b|"
            r"vision-language|\bL?VLMs?\b"),
    Setting(name="agents", pattern=r"\bagents?\b|\bagentic\b"),
    Setting(name="mathematical reasoning", pattern=r"\bmath(?:ematical|s)?\b"),
    Setting(name="code", pattern=r"\bcode generation\b|\bcoding\b|\bprogramming\b|\bSQL\b"),
    Setting(name="medicine", pattern=r"\bmedic(?:al|ine)\b|\bclinical\b"),
    Setting(name="LLM judges", pattern=r"LLM-as-a-judge|\bjudge models?\b|\bLLM judges?\b"),
    Setting(name="reward models", pattern=r"\breward models?\b|\breward modell?ing\b"),
    Setting(name="diffusion models", pattern=r"\bdiffusion models?\b"),
    Setting(name="safety", pattern=r"\bsafety\b|\bjailbreak"),
    Setting(name="uncertainty", pattern=r"\buncertaint(?:y|ies)\b"),
    Setting(name="multilingual settings", pattern=r"\bmultilingual\b|\bcross-lingual\b|\blow-resource languages?\b"),
    Setting(name="reasoning models", pattern=r"\breasoning models?\b|\bLRMs?\b"),
)
# The verb phrase each fact is said with; every family of families.FAMILIES and every setting has one.
PHRASES: tuple[Phrase, ...] = (
    Phrase(name="Reinforcement learning", says="use reinforcement learning"),
    Phrase(name="Preference optimization", says="learn from preferences"),
    Phrase(name="Tree search", says="use search algorithms"),
    Phrase(name="Supervised fine-tuning", says="use supervised fine-tuning"),
    Phrase(name="Distillation", says="use distillation"),
    Phrase(name="Prompting", says="rely on prompting"),
    Phrase(name="Synthetic training data", says="use synthetic or self-generated data"),
    Phrase(name="Curriculum learning", says="use curricula"),
    Phrase(name="Retrieval augmentation", says="use retrieval"),
    Phrase(name="Verifier models", says="use verifiers or critics"),
    Phrase(name="Tool use", says="use external tools"),
    Phrase(name="Multi-agent debate", says="use several agents or debate"),
    Phrase(name="Activation steering", says="steer the model's activations"),
) + tuple(Phrase(name=s.name, says=f"concern {s.name}") for s in SETTINGS)


class SharedFact(BaseModel):
    """One family or setting and the section's papers whose own text uses it."""

    name: str
    keys: list[str]
    family: bool


# A mention that says the paper does without the thing, or sets itself against it: 'without using any RL', 'no
# supervision from any dataset or RL is necessary', 'instead of DPO', 'unlike RL-based methods'.
_NOT_USED = re.compile(r"\b(?:without|no|not|nor|instead of|rather than|unlike|free of|beyond|than|avoid\w*|"
                       r"eliminat\w*|bypass\w*|replac\w*|alternative to)\b[^,;:.]*$", re.IGNORECASE)


# The mention is one item of a list of short items ('6 diverse domains: Chat, Code, Math, Logic, Novel, and Role'):
# one of many things the paper covers, not what it is about.
_ITEM_BEFORE = re.compile(r"(?:[\w-]+(?: [\w-]+){0,2}, ){2,}(?:and |or )?$")
_ITEM_AFTER = re.compile(r"^(?:, [\w-]+(?: [\w-]+)?)+,? (?:and|or) [\w-]+")


def uses(pattern: str, text: str) -> bool:
    """TEXT names PATTERN's thing as something the paper has, not as what it does without (_NOT_USED before the
    mention in its clause) nor as one item of a list of many."""
    return any(not _NOT_USED.search(text[max(0, m.start() - 60):m.start()])
               and not _ITEM_BEFORE.search(text[max(0, m.start() - 60):m.start()])
               and not _ITEM_AFTER.match(text[m.end():m.end() + 60])
               for m in re.finditer(pattern, text, re.IGNORECASE))


def families_used(text: str, head: str) -> list[str]:
    """The technique families a paper's own text uses (families.FAMILIES), except one the survey's head names."""
    return [f.name for f in FAMILIES if not re.search(f.pattern, head, re.IGNORECASE) and uses(f.pattern, text)]


def settings_of(text: str, head: str) -> list[str]:
    """The settings a paper's own text names, except one the survey's head already names."""
    return [s.name for s in SETTINGS if not re.search(s.pattern, head, re.IGNORECASE) and uses(s.pattern, text)]


def shared_facts(keys: list[str], papers: dict[str, Paper], head: str, title: str = "") -> list[SharedFact]:
    """Families, then settings, that two or more of the papers share: the widest first, families before settings
    on a tie (a technique says more of how the papers work than where). A family is a technique a method uses: a
    benchmark or a study that mentions RLHF does not use it. With no family or setting, a phrase of the section's
    TITLE that each sharer's own text uses (title_phrases)."""
    facts: list[SharedFact] = []
    own = {k: own_method_text(papers[k].title, papers[k].abstract) for k in keys if k in papers}
    methods = [k for k in own if contribution_kind(papers[k].title, papers[k].abstract) == "method"]
    families = {k: families_used(own[k], head) for k in methods}  # each paper read once, not once per family
    settings = {k: settings_of(own[k], head) for k in own}
    for family in FAMILIES:
        users = [k for k in methods if family.name in families[k]]
        facts.append(SharedFact(name=family.name, keys=users, family=True))
    for setting in SETTINGS:
        users = [k for k in own if setting.name in settings[k]]
        facts.append(SharedFact(name=setting.name, keys=users, family=False))
    order = [f.name for f in FAMILIES] + [s.name for s in SETTINGS]
    kept = sorted((f for f in facts if len(f.keys) >= 2), key=lambda f: (-len(f.keys), not f.family,
                                                                         order.index(f.name)))
    if kept:
        return kept
    texts = {k: own_text(papers[k].title, papers[k].abstract) for k in own}
    for phrase in title_phrases(title, head):
        users = [k for k in own if uses(phrase_pattern(phrase), texts[k])]
        if len(users) >= 2:
            kept.append(SharedFact(name=phrase, keys=users, family=False))
    return sorted(kept, key=lambda f: -len(f.keys))[:1]


# Words that join a title's phrases ('Preference modeling of reward models') or name a kind of contribution
# ('Empirical studies of X', 'Benchmarks and datasets for X', 'X methods'), not what the papers are about.
_JOINS = r"\s+(?:of|for|and|in|with|on|via|from|to|under|beyond)\s+"
_KIND_WORDS = frozenset({"methods", "method", "empirical", "studies", "study", "benchmarks", "datasets", "surveys",
                         "approaches", "work", "papers", "analyses", "the", "a", "an"})


def title_phrases(title: str, head: str) -> list[str]:
    """The phrases of a theme title that can be shared: pieces between its joining words, without the kind words,
    of two words or more (or one hyphenated or capitalised term, 'LLM-as-a-judge'), and not all words of the
    survey's head (a phrase the topic names is shared by the whole survey)."""
    out: list[str] = []
    topic = set(re.findall(r"[\w-]+", head.lower()))
    for piece in re.split(_JOINS, title.strip(), flags=re.IGNORECASE):
        words = [w for w in piece.split() if w.lower() not in _KIND_WORDS]
        if not words or (len(words) == 1 and "-" not in words[0] and not re.search(r"[A-Z].*[A-Z]", words[0])):
            continue
        if {w.lower() for w in words} <= topic | {w.lower().rstrip("s") for w in topic} | \
                {w.lower() + "s" for w in topic}:
            continue
        phrase = " ".join(words)
        out.append(phrase[:1].lower() + phrase[1:] if phrase[1:2].islower() else phrase)
    return out


def phrase_pattern(phrase: str) -> str:
    """The phrase's words in order, each with an optional plural, joined by a space or a hyphen."""
    words = [re.escape(w.rstrip("s")) + "s?" if w.islower() else re.escape(w) for w in phrase.split()]
    return r"(?<![\w-])" + r"[\s-]".join(words) + r"(?![\w-])"


def own_text(title: str, abstract: str) -> str:
    """The title and every abstract sentence that is not background or limitation: what the paper says it does."""
    sentences = split_sentences(abstract)
    roles = sentence_roles(sentences)
    return " ".join([title] + [s for s, r in zip(sentences, roles, strict=True)
                               if r not in (Role.BACKGROUND, Role.LIMITATION)])


def pattern_of(name: str) -> str:
    """The pattern that finds the family or setting called NAME in a paper's own text."""
    return next(x.pattern for x in (*FAMILIES, *SETTINGS) if x.name == name)


def says(name: str) -> str:
    """'use reinforcement learning', 'concern multimodal models'; a title phrase is what the papers concern."""
    return next((p.says for p in PHRASES if p.name == name), f"concern {name}")


def shared_sentence(fact: SharedFact, names: dict[str, str], n_papers: int) -> str:
    """'A and B both use reinforcement learning [@a; @b].' when two or more sharers have a name (at most MAX_NAMED
    of them); else the sharers counted: 'The two papers ...' or 'All three papers ...' when every one of the section's
    N_PAPERS shares it, 'Two of the three papers ...' otherwise (never 'them', which reads as pointing back)."""
    named = [k for k in fact.keys if names.get(k)][:MAX_NAMED]
    if len(named) >= 2:
        quantifier = "both" if len(named) == 2 else "all"
        cites = "; ".join("@" + k for k in named)
        return f"{listing([names[k] for k in named])} {quantifier} {says(fact.name)} [{cites}]."
    n = len(fact.keys)
    who = ("The two papers" if n == 2 else f"All {count_word(n)} papers") if n == n_papers else \
        f"{count_word(n).capitalize()} of the {count_word(n_papers)} papers"
    return f"{who} {says(fact.name)} [{'; '.join('@' + k for k in fact.keys)}]."
