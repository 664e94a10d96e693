"""Method families: what a group of method papers that share no phrase still have in common.

Papers proposing methods for one topic often share no key phrase beyond the topic's own words, yet a
researcher still groups them by technique: "Reinforcement learning for self-correction", "Tree search
for LLM agents". A small curated vocabulary of technique families (the way a survey's taxonomy is
built) is matched against each paper's title and its own method sentences, never its background, so a
passing mention ("unlike RL-based methods") does not put a paper in a family.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from pydantic import BaseModel

from reviewer.roles import Role, sentence_roles
from reviewer.survey.alone import model_class, stands_alone
from reviewer.survey.titlewords import _names_a_thing, acronym_head, technique_title
from reviewer.textutil import split_sentences


class Family(BaseModel):
    """A technique family: its name in a title and the pattern that finds it in a paper's own sentences."""

    name: str
    pattern: str


FAMILIES: tuple[Family, ...] = (
    Family(name="Reinforcement learning", pattern=r"reinforcement learning|\bRL(?:HF|VR|AIF)?\b|\bPPO\b|\bGRPO\b|"
           r"policy gradient|policy optimi[sz]ation"),
    Family(name="Preference optimization", pattern=r"\bDPO\b|preference optimi[sz]ation|preference learning|"
           r"pairwise preferences?"),
    Family(name="Tree search", pattern=r"tree search|\bMCTS\b|beam search|lookahead search|search algorithms?"),
    Family(name="Supervised fine-tuning", pattern=r"supervised fine-tuning|\bSFT\b|instruction[- ]tuning"),
    Family(name="Distillation", pattern=r"\bdistill(?:s|ed|ing|ation)?\b"),
    Family(name="Prompting", pattern=r"\bprompting\b|in-context learning|prompt(?:ing)? strateg|prompt engineering"),
    Family(name="Synthetic training data", pattern=r"synthetic data|self-generated|data synthesis|self-play|"
           r"self-training|generated data"),
    Family(name="Curriculum learning", pattern=r"curricul(?:um|a)"),
    Family(name="Retrieval augmentation", pattern=r"retrieval-augmented|\bRAG\b|\bretriev(?:al|er|es|ed)\b"),
    Family(name="Verifier models", pattern=r"\bverifiers?\b|\bcritics?\b|\bcritique"),
    Family(name="Tool use", pattern=r"tool use|tool-augmented|tool call|external tools?|tool-integrated"),
    Family(name="Multi-agent debate", pattern=r"multi-agent|\bdebates?\b"),
    Family(name="Activation steering", pattern=r"steering vectors?|activation steering|representation engineering"),
)
_OWN = frozenset({Role.OBJECTIVE, Role.METHOD})


@lru_cache(maxsize=4096)  # pure; the left-over grouping asks again for the same papers
def own_method_text(title: str, abstract: str) -> str:
    """The title and the abstract's objective and method sentences: what the paper itself does."""
    sentences = split_sentences(abstract)
    roles = sentence_roles(sentences)
    return " ".join([title] + [s for s, r in zip(sentences, roles, strict=True) if r in _OWN])


def families_of(text: str, head: str) -> list[str]:
    """The families a paper's own text uses, except one the survey's head already names ('RL' in an RL
    survey separates nothing)."""
    return [f.name for f in FAMILIES if not re.search(f.pattern, head, re.IGNORECASE)
            and re.search(f.pattern, text, re.IGNORECASE)]


def family_pattern(name: str) -> str:
    """The pattern of the family called `name`."""
    return next(f.pattern for f in FAMILIES if f.name == name)


def family_groups(texts: dict[int, str], head: str, min_size: int = 2) -> tuple[list[tuple[str, list[int]]], list[int]]:
    """Greedy: the family most of the remaining papers use names a group, until none has `min_size`.

    Returns (family name, members) groups, largest first, and the papers no family groups.
    """
    found = {i: families_of(t, head) for i, t in texts.items()}
    left = list(texts)
    groups: list[tuple[str, list[int]]] = []
    while left:
        counts = {f.name: [i for i in left if f.name in found[i]] for f in FAMILIES}
        name, members = max(counts.items(), key=lambda kv: (len(kv[1]), -[f.name for f in FAMILIES].index(kv[0])))
        if len(members) < min_size:
            break
        groups.append((name, members))
        left = [i for i in left if i not in members]
    return groups, left


def family_title(name: str, head: str) -> str:
    """'Reinforcement learning for LLM agents': a family is a technique, which serves what the head names (a thing,
    a task, a goal or another technique), never '<family> and <the survey's head>', which says nothing of what
    separates the section; a phenomenon ('reward hacking') is served by nothing but arises in a technique
    ('Reward hacking in reinforcement learning')."""
    if not head:
        return f"{name} methods"
    if model_class(head) and stands_alone(name):
        return name  # 'Supervised fine-tuning', not '... with language models' (alone.model_class)
    if acronym_head(head) and not _names_a_thing(head):  # a method acronym ('DPO') is served by nothing; 'PRMs' is
        return name if stands_alone(name) else f"{name} and {head}"
    return technique_title(name, head)


def adopt_where_supported(rest: list[int], groups: list[list[int]], holds: list[set[int]], x: np.ndarray) -> list[int]:
    """Each left-over paper joins the most similar group (mean of its unit vectors `x`) whose title holds for
    it and for at least half of the group's papers after it joins; `holds[g]` are the papers group g's title
    holds for. Groups are extended in place; returns the papers still left.

    A miscellany of unrelated methods named by their names tells a reader less than the same papers placed
    with their nearest theme, as long as that theme's title stays true of most of its papers.
    """
    from reviewer.survey.titles import needed_support

    still = []
    for i in sorted(rest, key=lambda i: -max((float(x[i] @ x[g].mean(axis=0)) for g in groups if g), default=0.0)):
        # Only where the title is true of the paper itself: a paper the checker later leaves uncited must not
        # leave the title untrue of most of the cited ones.
        fits = [(float(x[i] @ x[g].mean(axis=0)), n) for n, g in enumerate(groups)
                if g and i in holds[n] and sum(1 for j in g + [i] if j in holds[n]) >= needed_support(len(g) + 1)]
        if not fits:
            still.append(i)
            continue
        groups[max(fits)[1]].append(i)
    return still
