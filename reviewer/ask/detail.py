"""Refusing a question about a detail that abstracts rarely state and the closest abstracts do not.

An abstract says what a paper did and found; it seldom says on what hardware, with which learning rate or batch size,
under which license, who paid for it or where the authors work. A question asking for such a detail of a paper it
describes in other words ("What GPU budget did training the vision-language reasoning model take?") names no corpus
name, so the name and predicate guards (`predicate.off_topic`) never look at it, and its topic words make the evidence
look close. It is answerable only if an abstract the answer would quote states that kind of detail: when none of the
papers of the best-ranked sentences uses any word of the asked detail's family, `ask` refuses instead of quoting a
sentence about something else (follow-up 18 of evals/RESULTS.md).
"""

from __future__ import annotations

import re

from reviewer.ask.setting import MODEL_ROLE, SETTING_NAMES, asked_setting, states_setting
from reviewer.models import EvidenceSentence, Paper

# People a study recruited, as a question or an abstract names them ("participants", "annotators"; not "users" of a
# system, whose number is a property of the system).
_PEOPLE = (r"(?:people|persons|participants|annotators|labell?ers|raters|evaluators|crowd[- ]?workers|volunteers|"
           r"subjects|respondents|testers)\b")
# Kinds of detail an abstract rarely gives, each with the words that state it. A question using a word of a family asks
# for that detail; an abstract using any word of the family may give it. ("pay attention" is no payment.)
DETAIL_FAMILIES: dict[str, re.Pattern[str]] = {
    "hardware": re.compile(r"\b(?:[GT]PUs?|hardware|accelerators?)\b", re.IGNORECASE),
    "learning rate": re.compile(r"\blearning[- ]rates?\b", re.IGNORECASE),
    "batch size": re.compile(r"\bbatch[- ]?sizes?\b", re.IGNORECASE),
    "epochs": re.compile(r"\bepochs?\b", re.IGNORECASE),
    "hyperparameters": re.compile(r"\b(?:hyper-?parameters?|weight decay|warm-?up steps?|dropout rates?)\b", re.IGNORECASE),
    "optimizer": re.compile(r"\b(?:optimi[sz]ers?|AdamW?|SGD)\b"),
    "software": re.compile(r"\b(?:PyTorch|TensorFlow|JAX|programming languages?|software libraries)\b"),
    "training time": re.compile(r"\b(?:wall[- ]clock|training time|(?:days|hours|weeks) of training)\b|"
                               r"\bhow long did\b[^?]*\b(?:take|train\w*|run)\b", re.IGNORECASE),
    # A figure is asked with a noun or verb of cost, or "how costly / expensive"; "Why is it costly to ...?" asks for
    # the reason it costs much, which an abstract gives in its own words ("many model calls"), not for a price.
    "cost": re.compile(r"\b(?:costs?|cost(?:ed|ing)|price[ds]?|pricing|dollars?|USD|expenses?)\b|\$\s?\d|"
                       r"\bhow\s+(?:costly|expensive)\b", re.IGNORECASE),
    "random seed": re.compile(r"\brandom seeds?\b", re.IGNORECASE),
    "payment": re.compile(r"\b(?:paid|pay(?!\s+(?:more\s+|less\s+|close\s+)?attention)|payments?|salar(?:y|ies)|wages?|"
                          r"compensat\w*|remunerat\w*)\b", re.IGNORECASE),
    "funding": re.compile(r"\b(?:fund(?:ed|ing|ers?|s)?|grants?|sponsor\w*)\b", re.IGNORECASE),
    # A license, not a licensing exam.
    "license": re.compile(r"\b(?:licen[cs]e[sd]?|sublicens\w*|open-source licen[cs]e)\b", re.IGNORECASE),
    "affiliation": re.compile(r"\b(?:universit(?:y|ies)|affiliat\w*|institutions?)\b", re.IGNORECASE),
    # Who the people behind a study were and how many: "how many people took part", "which countries ... come from".
    "number of participants": re.compile(rf"\bhow\s+many\s+(?:[\w-]+\s+){{0,2}}{_PEOPLE}", re.IGNORECASE),
    "demographics": re.compile(r"\b(?:countr(?:y|ies)|nationalit(?:y|ies)|ethnicit(?:y|ies)|demographics?)\b",
                               re.IGNORECASE),
    # A fine-tuning setting, not "rank" as an ordering ("rank responses"): the adapter's rank.
    "adapter rank": re.compile(r"\b(?:LoRA|adapters?)\s+ranks?\b|\branks?\s+of\s+(?:the\s+)?(?:LoRA|adapters?)\b",
                               re.IGNORECASE),
}
# What states a detail, where an abstract may say it in other words than a question asks with ("2 days", "$9", "cheap").
STATED_BY: dict[str, re.Pattern[str]] = {
    "training time": re.compile(r"\b(?:hours?|days?|weeks?|minutes?|wall[- ]clock|training time)\b", re.IGNORECASE),
    "cost": re.compile(r"\b(?:costs?|cost(?:ed|ing|ly)|price[ds]?|pricing|dollars?|USD|expens\w+|cheap\w*|budgets?)\b|"
                       r"\$\s?\d", re.IGNORECASE),
    # A head count: a number shortly before the people ("500 participants", "1,500 diverse participants") or right
    # after them ("participants (89.1%)").
    "number of participants": re.compile(rf"\d[\d,.]*%?\s+(?:[\w-]+\s+){{0,3}}{_PEOPLE}|{_PEOPLE}\s*\(?\d",
                                         re.IGNORECASE),
    # A rank is stated by its value ("rank 16", "r = 8", "rank-1").
    "adapter rank": re.compile(r"\brank[- ]?(?:of\s+|=\s*)?\d|\br\s*=\s*\d", re.IGNORECASE),
}
# How many of the best-ranked sentences' papers are looked in: the papers an answer would quote first.
DETAIL_SENTENCES = 1


def asked_details(question: str) -> list[str]:
    """The detail families the question asks about, by the words it uses."""
    return [family for family, pattern in DETAIL_FAMILIES.items() if pattern.search(question)]


def unstated_detail(question: str, ranked: list[EvidenceSentence], papers: list[Paper]) -> str | None:
    """The first detail the question asks for that no paper of its DETAIL_SENTENCES best sentences states, or None."""
    asked = asked_details(question)
    setting = asked_setting(question)
    if not asked and setting is None:
        return None
    top = list(dict.fromkeys(e.paper_id for e in ranked[:DETAIL_SENTENCES]))
    by_id = {p.id: p for p in papers}
    closest = [by_id[i] for i in top if i in by_id]
    texts = [f"{p.title} {p.abstract}" for p in closest]
    if setting is not None and not any(states_setting(setting, f"{p.title}. {p.abstract}", p.title) for p in closest):
        return setting
    for family in asked:
        stated = STATED_BY.get(family, DETAIL_FAMILIES[family])
        if not any(stated.search(t) for t in texts):
            return family
    return None


def detail_refusal(family: str, best: float) -> str:
    """One line saying which detail the closest abstracts never give."""
    if family in SETTING_NAMES:
        what = "name no model the method was built on" if family == MODEL_ROLE else f"give no value of the {family}"
        return (f"The indexed abstracts do not state this: the abstracts closest to the question {what} (best "
                f"sentence similarity {best:.2f}). Such settings are usually in a paper's body, not its abstract; try "
                "rephrasing the question, or ingest the full text.")
    return (f"The indexed abstracts do not state this: the abstracts closest to the question say nothing about "
            f"{family} (best sentence similarity {best:.2f}). Such details are usually in a paper's body, not its "
            "abstract; try rephrasing the question, or ingest the full text.")
