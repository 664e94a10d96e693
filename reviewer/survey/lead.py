"""The lead that opens each offline section: how many papers, what they share, what separates them.

Every part is a fact taken from the papers themselves:
- the count and the kind of each contribution (method, empirical study, benchmark; kinds.py), with the
  methods' names: framing about the section, spelled out and without finding words, so it needs no citation;
- a benchmark that two or more papers name, cited to those papers;
- what separates them: for up to three papers, the problem its contribution sentence says it is "for"
  and the benchmarks it names, one cited sentence per paper so the checker reads each against its own
  abstract.
"""

from __future__ import annotations

import re

from reviewer.checker.wording import compact_name
from reviewer.models import Paper
from reviewer.survey.benchclause import EDITION, evaluated
from reviewer.survey.kinds import contribution_kind, is_survey_text
from reviewer.survey.prose import is_framing
from reviewer.survey.shared import shared_facts, shared_sentence
from reviewer.survey.synthesis import count_word, listing
from reviewer.survey.types import PaperEvidence, TableRow

MAX_CONTRASTS = 3
# An '-ing' word that opens a task names an action ("enhancing X"), which "targets" cannot take as object.
_VERB_ING = re.compile(r"^(?!(?:reasoning|learning|training|planning|thinking|modell?ing|scaling|tuning|"
                       r"fine-tuning|understanding|ranking|sampling|prompting|decoding|labell?ing|question|"
                       r"coding|programming)\b)\w+ing\b", re.IGNORECASE)

_BARE_HEAD = re.compile(r"^[a-z][a-z-]*[^s\W]\s+(?:of|between|among)\b")


def is_survey(paper: Paper) -> bool:
    """A survey or review article reports no experiment of its own: the count calls it a survey, not an empirical
    study (kinds.is_survey_text)."""
    return is_survey_text(paper.title, paper.abstract)


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def _count_sentence(keys: list[str], names: dict[str, str], papers: dict[str, Paper]) -> str:
    """'Ten papers fall under this theme: eight propose methods (A, B and C) and two are empirical studies.'

    Always a sentence the checker keeps as uncited framing: else the bare count."""
    sentence = _count_parts(keys, names, papers)
    n = len(keys)
    return sentence if is_framing(sentence) else \
        f"{count_word(n).capitalize()} {_plural(n, 'paper falls', 'papers fall')} under this theme."


def _count_parts(keys: list[str], names: dict[str, str], papers: dict[str, Paper]) -> str:
    n = len(keys)
    kinds = {k: contribution_kind(papers[k].title, papers[k].abstract) for k in keys if k in papers}
    methods = [k for k in keys if kinds.get(k, "method") == "method"]
    studies = [k for k in keys if kinds.get(k) == "study" and not is_survey(papers[k])]
    surveys = [k for k in keys if kinds.get(k) == "study" and is_survey(papers[k])]
    benches = [k for k in keys if kinds.get(k) == "benchmark"]
    # The sentence is uncited framing, so it names only what the checker lets stand uncited: a name that reads as a
    # finding ('Provably Robust DPO', 'Improved ...') would get the whole lead dropped, and the section would open
    # on what follows it ('They differ in ...').
    named = [names[k] for k in methods if names.get(k) and is_framing(names[k])][:3]
    head = f"{count_word(n).capitalize()} {_plural(n, 'paper falls', 'papers fall')} under this theme"
    if n == 1:
        return head + "."
    if not studies and not benches and not surveys:
        if len(named) >= 2:
            verb = "are" if len(named) == n else "include"
            return head + f"; the methods they propose {verb} {listing(named)}."
        if named:  # one name is still a fact the reader can hold on to (and claims nothing of the others' kind)
            return head + f"; one of them proposes {named[0]}."
        return head + "."
    if n in (len(studies), len(benches), len(surveys)):  # 'all three are empirical studies', not 'three are ...'
        what = "are empirical studies" if len(studies) == n else "are surveys" if len(surveys) == n else \
            "introduce benchmarks or datasets"
        return f"{head}, and {'both' if n == 2 else 'all ' + count_word(n)} {what}."
    parts = []
    if methods:
        what = "" if not named else f" ({listing(named)})" if len(named) == len(methods) else \
            f" (among them {listing(named)})"
        parts.append(f"{count_word(len(methods))} {_plural(len(methods), 'proposes a method', 'propose methods')}{what}")
    if studies:
        parts.append(f"{count_word(len(studies))} {_plural(len(studies), 'is an empirical study', 'are empirical studies')}")
    if surveys:
        parts.append(f"{count_word(len(surveys))} {_plural(len(surveys), 'is a survey', 'are surveys')}")
    if benches:
        parts.append(f"{count_word(len(benches))} {_plural(len(benches), 'introduces', 'introduce')} "
                     f"{_plural(len(benches), 'a benchmark or dataset', 'benchmarks or datasets')}")
    return f"{head}: {listing(parts)}."


def _shared(keys: list[str], names: dict[str, str], papers: dict[str, Paper], head: str, title: str) -> list[str]:
    """At most one technique family and one setting the papers share (shared.py), each said of the papers it is
    true of."""
    out: list[str] = []
    said_kinds: set[bool] = set()
    for fact in shared_facts(keys, papers, head, title):
        sentence = shared_sentence(fact, names, len(keys)) if fact.family not in said_kinds else ""
        if sentence:
            out.append(sentence)
            said_kinds.add(fact.family)
    return out


def _task(row: TableRow | None, paper: Paper) -> str:
    """The task from the contribution's 'for X' (never the title restated), when it reads as a noun phrase."""
    task = row.task.text.strip() if row and row.task.text else ""
    if not task or task.lower() in paper.title.lower() or _VERB_ING.match(task):
        return ""
    task = task[:1].lower() + task[1:] if task[1:2].islower() else task
    # A bare singular head with its complement ('relationship between X and Y', 'evaluation of X') takes 'the'.
    return f"the {task}" if _BARE_HEAD.match(task) else task


def _method_cell(row: TableRow | None) -> str:
    """The table's method name for the paper, when it is one short name ('UHeads'), not a description."""
    text = row.method.text.strip() if row and row.method.text else ""
    return text if text and len(text.split()) <= 3 and any(c.isupper() for c in text) else ""


def _benchmarks(row: TableRow | None) -> list[str]:
    """The row's benchmarks without their editions ('AMC 2023' -> 'AMC'), so two papers run on one benchmark share it."""
    names = [b for b in (row.benchmarks.text.split(", ") if row and row.benchmarks.text else []) if b]
    return list(dict.fromkeys(re.sub(EDITION + "$", "", b) for b in names))


def section_lead(keys: list[str], evidence: dict[str, PaperEvidence], names: dict[str, str],
                 papers: dict[str, Paper], head: str = "", title: str = "") -> list[str]:
    """The section's opening sentences (see the module docstring); cited where they state a fact. HEAD is the survey's
    topic: a family or setting it names is shared by every paper of the survey and is not said (shared.py); TITLE is the
    section's, whose phrases the papers may share."""
    rows = {k: evidence[k].row if k in evidence else None for k in keys}
    # The count names each method as the table's method cell does when the writer's own name finder has none
    # ('UHeads', 'PAVs'): the same grounded cell the comparison table prints for the paper.
    listed = {k: names.get(k) or _method_cell(rows[k]) for k in keys}
    out = [_count_sentence(keys, listed, papers)]
    users: dict[str, list[str]] = {}
    for k in keys:
        for b in _benchmarks(rows[k]):
            users.setdefault(b, []).append(k)
    shared = sorted(((b, ks) for b, ks in users.items() if len(ks) >= 2), key=lambda x: (-len(x[1]), x[0]))
    said_shared = ""
    if shared:
        bench, ks = shared[0]
        subjects = [names.get(k) or "" for k in ks[:3]]
        if all(subjects):
            said_shared = bench
            out.append(f"{listing(subjects)} are all evaluated on {bench} [{'; '.join('@' + k for k in ks[:3])}]."
                       if len(subjects) > 2 else
                       f"{listing(subjects)} are both evaluated on {bench} [{'; '.join('@' + k for k in ks[:3])}].")
    out += _shared(keys, listed, papers, head, title)
    contrasts: list[str] = []
    # The benchmark the lead just said they share is no difference between them ('A and B are both evaluated on
    # AMC. They differ in where they are evaluated. ... B is evaluated on GSM8K, AIME and AMC').
    seen: set[str] = {said_shared} if said_shared else set()
    said = {"task": False, "bench": False}
    for k in keys:
        name = names.get(k, "")
        if not name or k not in papers or len(contrasts) >= MAX_CONTRASTS:
            continue
        if contribution_kind(papers[k].title, papers[k].abstract) == "benchmark":
            continue  # a benchmark paper is not "evaluated on" the benchmarks it compares itself with
        task = _task(rows[k], papers[k])
        # 'ValuePrism is evaluated on ValuePrism', 'LMRL Gym ... on LMRL-Gym' (one name written two ways,
        # `wording.compact_name`): a paper's own dataset named as its method is not where it is evaluated.
        # Only a name the abstract says it is evaluated on: not its training data, a resource it releases or the
        # benchmark it contrasts itself with (benchclause.py).
        benches = [b for b in _benchmarks(rows[k]) if b not in seen and compact_name(b) != compact_name(name)
                   and evaluated(b, papers[k].abstract)][:3]
        said["task"] |= bool(task)
        said["bench"] |= bool(benches)
        if task and benches:
            contrasts.append(f"{name} targets {task} and is evaluated on {listing(benches)} [@{k}].")
        elif task:
            contrasts.append(f"{name} targets {task} [@{k}].")
        elif benches:
            contrasts.append(f"{name} is evaluated on {listing(benches)} [@{k}].")
        seen |= set(benches)
    if len(contrasts) >= 2 and len(keys) >= 2:
        out.append("They differ in the problem each one targets and in where it is evaluated." if all(said.values())
                   else "They differ in the problem each one targets." if said["task"]
                   else "They differ in where they are evaluated.")
        out += contrasts
    return out
