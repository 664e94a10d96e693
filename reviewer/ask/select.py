"""Evidence for `ask` chosen by question type, and the corpus's names for refusing unknown ones.

Relevance to the question is not enough: "What is X?" is answered by the sentence that defines X, "How
does X work?" by a method sentence, "How much?" by a result with a number, "A vs B" by sentences on
both sides. Each candidate sentence gets the plain relevance score of `evidence.rank_sentences` plus a
bonus for the shape the question type wants; fragments (cut sentences, questions) are never chosen.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from reviewer.ask import forms as qforms
from reviewer.ask.asked import asks_thing, past_introduction, thing_first
from reviewer.ask.aspect import aspect_lead, stronger_finding_first
from reviewer.ask.define import contrasted_only, defines, definition_strength, lead_rank
from reviewer.ask.define import term_pattern as term_pattern
from reviewer.ask.items import later_item_answers
from reviewer.ask.lead import CAUSE as _CAUSE
from reviewer.ask.lead import (
    Scored,
    asks_how_avoided,
    asks_replacement,
    lead_first,
    named_method_first,
    replacement_first,
    says_instead,
)
from reviewer.ask.naming import DEMONSTRATIVE as DEMONSTRATIVE
from reviewer.ask.naming import acts as _acts
from reviewer.ask.naming import antecedent as _antecedent
from reviewer.ask.naming import is_fragment, mentions, role_map, subject_forms
from reviewer.ask.outcome import asks_outcome
from reviewer.ask.points import distinct as _distinct
from reviewer.ask.points import near as _near
from reviewer.ask.points import on_question, same_question
from reviewer.ask.points import share as _share
from reviewer.ask.proper import prose
from reviewer.ask.question import QType, Question
from reviewer.ask.sides import comparing_papers
from reviewer.ask.verb import asked_verb, states_verb, verb_first, verb_score
from reviewer.ask.whypaper import why_from_first_paper
from reviewer.models import EvidenceSentence, Paper
from reviewer.roles import Role, reports_other_work
from reviewer.textutil import content_stems, split_sentences

# Question types whose lead must be about the asked term itself, not about what is contrasted with it.
_NO_CONTRAST_LEAD = (QType.DEFINITION, QType.MECHANISM)
_CONTRAST = re.compile(r"\b(?:whereas|while|unlike|in contrast|contrary|differ\w*|compared (?:to|with)|"
                       r"rather than|instead of|than|versus|vs\.?|as opposed to|counterpart)\b", re.IGNORECASE)
_MECH_CUE = re.compile(r"\b(?:by|through|via|directly|instead of|without|using|which|so that|thereby|"
                       r"replac\w*|bypass\w*|eliminat\w*|avoid\w*)\b", re.IGNORECASE)
# A sentence that frames the question instead of answering it: an aim, an open gap, a belief reported to be doubted.
_FRAMING = re.compile(r"\b(?:aims? to|seeks? to|we ask|remains? (?:largely |poorly )?(?:lacking|unclear|unknown|open|"
                      r"understood|unexplored|underexplored)|(?:little|less) is known|a common belief|it is (?:widely|"
                      r"commonly|often) (?:believed|assumed)|(?:question|issue) (?:is|remains) whether|we (?:ask|investigate|examine|"
                      r"study) whether)\b", re.IGNORECASE)
# Performance talk ("continues to improve", "outperforms") says how well, not how.
_PERFORMANCE = re.compile(r"(?<!to )\b(?:improv\w*|outperform\w*|achiev\w*|surpass\w*|plateau\w*|state-of-the-art|"
                          r"superior|gains?)\b", re.IGNORECASE)
_ASKS_WHAT_IT_DOES = re.compile(r"\b(?:do|does|did)\b.*\b(?:add|do|propose|introduce|contribute|offer|change|"
                                r"replace|use|modify|bring)\b", re.IGNORECASE)
_ADDITIVE = re.compile(r"^(?:Additionally|Moreover|Furthermore|In addition|Besides|Also|Further)\b")
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s?(?:%|x\b|×|points?|pp)|\b\d+\.\d+\b|\b\d{2,}\b")
_FIGURE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?:[KMBkmb]\b|%)")
_ANAPHOR = re.compile(r"^(?:this|these|those|they|it|such|its|their|that)\b", re.IGNORECASE)






_QUESTION_WORDS = frozenset(content_stems("what which how why does do paper papers thought method approach model "
                                          "models used use way ways"))


def _spelled_out(subject: str, text: str) -> list[str]:
    """Spelled-out forms in the question of the acronyms inside the subject: in "What does SEED-GRPO add to
    group relative policy optimization?" the words after "to" restate the subject's base, not the predicate."""
    out: list[str] = []
    words = re.findall(r"[\w]+", text)
    for part in re.split(r"[\s\-]+", subject):
        n = len(part)
        if n < 2 or not part.isupper():
            continue
        for i in range(len(words) - n + 1):
            if "".join(w[0] for w in words[i:i + n]).upper() == part:
                out.append(" ".join(words[i:i + n]))
    return out


def _bigrams(stems: list[str]) -> set[tuple[str, str]]:
    return set(zip(stems, stems[1:], strict=False))


_defines = defines





def score_for_type(
    question: Question,
    ranked: list[EvidenceSentence],
    papers: list[Paper],
    aliases: dict[str, list[str]] | None = None,
    order: dict[str, float] | None = None,
) -> list[Scored]:
    """Every usable sentence re-scored for the shape of answer the question type wants, best first.

    `aliases` maps a name to its spelled-out forms found in the corpus (DPO -> Direct Preference Optimization);
    `order` adds a per-paper amount (how much its title is about the question) to the order, not to the scores."""
    order = order or {}
    aliases = aliases or {}
    figures = set(_FIGURE.findall(question.text))
    roles = role_map(papers)
    titles = {p.id: p.title for p in papers}
    sentences = {p.id: split_sentences(p.abstract) for p in papers}
    subject = question.subject
    forms = subject_forms(subject, aliases)
    q_bigrams = _bigrams(content_stems(question.text))
    why = question.text.lower().startswith("why")
    avoided = asks_how_avoided(question.text)
    replacing = asks_replacement(question.text)
    asked = asked_verb(question.text) if question.qtype == QType.MECHANISM else None
    # A proper name (SEED-GRPO, Delethink) is specific: a sentence that does not name it is about something else.
    proper = subject in question.names
    verdict, problem = qforms.asks_verdict(question.text), qforms.asks_problem(question.text)
    asks_paper = bool(re.search(r"\b(?:paper|work|study|article)\b", question.text, re.IGNORECASE))
    # The predicate: what the question asks about its subject ("latch onto response length"). A lead that
    # names the subject but not the predicate answers another question about the same thing.
    spelled = _spelled_out(subject, question.text)
    predicate = set(content_stems(question.text)) - set(content_stems(" ".join(forms + spelled))) - _QUESTION_WORDS
    named_in = {p.id: (any(mentions(p.title, a) for a in forms), any(mentions(prose(p.abstract), a) for a in forms))
                for p in papers} if proper else {}  # a name only in a link is not the abstract naming it
    asked_stems = set(content_stems(question.text)) - _QUESTION_WORDS
    out: list[Scored] = []
    in_paper: dict[str, bool] = {}
    for ev in ranked:
        if is_fragment(ev.text) or qforms.boilerplate(ev.text):  # a link or "code is available" answers nothing
            continue
        role = roles.get((ev.paper_id, ev.index), Role.METHOD)
        s, t = ev.score, ev.text
        in_text = sum(mentions(t, n) for n in question.names)
        in_title = sum(mentions(titles.get(ev.paper_id, ""), n) for n in question.names)
        s += min(0.08, 0.04 * in_text) + min(0.04, 0.02 * in_title)
        # Sizes and figures named in the question (1B, 405B, 10K, 92%) are as specific as names.
        s += min(0.1, 0.05 * sum(1 for f in figures if re.search(rf"(?<![\w.]){re.escape(f)}(?![\w])", t)))
        # A sentence that leans on the previous one ("This ...", "They ...") cannot open an answer alone,
        # unless "This approach" can be named from the sentence before it.
        antecedent = _antecedent(t, ev.index, sentences.get(ev.paper_id, []), question)
        s -= 0.05 * (bool(_ANAPHOR.match(t)) and not antecedent)
        # "Additionally, ..." adds to a claim made before it: a supporting point, not an opening.
        s -= 0.04 * bool(_ADDITIVE.match(t))
        qt = question.qtype
        about = bool(forms) and any(mentions(t, a) for a in forms)
        # "the Policy Cliff paper": the paper's own sentences are about it although they never name their title.
        about = about or ((asks_paper or (qt == QType.QUANTITATIVE and proper))
                          and any(mentions(titles.get(ev.paper_id, ""), a) for a in forms))
        about = about or bool(subject and antecedent == subject)  # "They tend to ..." after "Reward models ..."
        # Only X's title names X ("COPO: ..."): about X; for a problem question so is all of X's paper (problem first).
        own = named_in.get(ev.paper_id, (False, False))  # the paper names X (in its title, in its abstract)
        about = about or own == (True, False) or ((problem or asks_paper) and any(own))
        # The question's phrases ("credit assignment", "generative reward models"), not only its words.
        s += min(0.09, 0.03 * len(q_bigrams & _bigrams(content_stems(t))))
        strength = max((definition_strength(t, a) for a in forms), default=0) if qt == QType.DEFINITION else 0
        defines = strength > 0
        # "Unlike X, which ..., Y ...": X only as the compared side; the sentence is about Y.
        named = [a for a in forms if mentions(t, a)]
        contrasted = qt in _NO_CONTRAST_LEAD and bool(named) and all(contrasted_only(t, a) for a in named)
        s -= 0.1 * contrasted
        if qt != QType.GENERAL:
            s -= 0.08 * bool(_FRAMING.search(t))
        if qt == QType.DEFINITION and subject:
            s += 0.06 * about + 0.22 * defines + 0.04 * (strength == 2)
            # A sentence that defines the term answers "what is X" whatever its role or its opening "This".
            s -= 0.06 * (role in (Role.LIMITATION, Role.RESULT) and not defines)
            s += 0.05 * (defines and bool(_ANAPHOR.match(t)) and not antecedent)
        elif qt == QType.COMPARISON and question.sides:
            hit = [mentions(t, side) for side in question.sides]
            s += 0.05 * sum(hit) + 0.1 * (all(hit) and bool(_CONTRAST.search(t)))
            # "How does A differ from B": A is the topic, B the point of reference. A sentence on B alone
            # describes the reference point; one saying what A does instead states the difference.
            s += 0.05 * (hit[0] and (bool(_CONTRAST.search(t)) or says_instead(t))) - 0.05 * (hit[1] and not hit[0])
        elif qt == QType.MECHANISM:
            mech = bool(_MECH_CUE.search(t))
            s += 0.05 * (role == Role.METHOD) + 0.03 * (role == Role.RESULT) + 0.03 * mech
            s += 0.06 * bool(forms and (any(_acts(t, a) for a in forms) or antecedent == subject))
            # "How does X work" is well opened by X's defining sentence; "why" wants a cause, not a definition.
            # A named method's introducing sentence ("X, which treats ...") says how it works most directly.
            s += 0.05 * about + (0.14 if proper else 0.1) * (not why and bool(forms and any(_defines(t, a) for a in forms)))
            s -= 0.05 * (role in (Role.LIMITATION, Role.CONCLUSION))
            s -= 0.05 * (bool(_PERFORMANCE.search(t)) and not mech)
            cause = bool(_CAUSE.search(t))
            s += 0.06 * (why and cause) - 0.06 * (why and not cause and bool(_PERFORMANCE.search(t)))
            # A lead about the asked-about thing: a sentence that never names it (nor stands for it) answers
            # some neighbouring question.
            s -= (0.12 if proper else 0.06) * bool(forms and not about and not antecedent)
            shared = _share(predicate, t)
            # "How does X avoid Y?" is answered by what X does instead ("directly optimizes", "an alternative
            # to", "without requiring"), a sentence that need not repeat Y at all.
            instead = avoided and bool(about or antecedent) and says_instead(t)
            s += 0.12 * shared * bool(about or antecedent) - 0.06 * (bool(predicate) and not shared and not instead)
            s += 0.06 * instead
            if ev.paper_id not in in_paper:  # once per paper, not once per sentence of it
                in_paper[ev.paper_id] = any(mentions(" ".join(sentences.get(ev.paper_id, [])), a) for a in forms)
            s += verb_score(asked, t, about or bool(antecedent), in_paper[ev.paper_id], subject)
        elif qt == QType.QUANTITATIVE:
            s += 0.1 * bool(_NUMBER.search(t)) + 0.04 * (role == Role.RESULT) + 0.04 * about
        elif qt == QType.METHODS:
            s += 0.06 * (role == Role.METHOD) + 0.03 * (role == Role.RESULT) - 0.06 * (role == Role.BACKGROUND)
        elif qt == QType.NAMED:
            s += 0.04 * (role in (Role.METHOD, Role.RESULT, Role.OBJECTIVE)) + 0.06 * (in_text > 0)
            s -= 0.04 * (role == Role.BACKGROUND)
            s -= (0.12 if proper else 0.06) * bool(forms and not about and not antecedent)
            # "What does X add/do?" asks what X is made of, not how well it scores ("what did X find": the
            # reverse), and is answered by X's own introducing sentence ("we propose X, which measures ...").
            does = bool(_ASKS_WHAT_IT_DOES.search(question.text))
            s += does * (0.04 * (role == Role.METHOD) - 0.06 * (role == Role.RESULT or bool(_PERFORMANCE.search(t))))
            s += (0.14 if does else 0.06) * bool(forms and any(_defines(t, a) for a in forms))
            s += 0.12 * _share(predicate, t) * bool(about or antecedent)
        # "What does X replace Y with?": a sentence that names Y and says what goes instead ("bypassing Y",
        # "instead of Y") answers it, even when it speaks of X's principle without X's name.
        if replacing and qt in (QType.NAMED, QType.MECHANISM):
            s += 0.12 * (says_instead(t) and _share(predicate, t) >= 0.5)
        s += qforms.form_score(verdict, problem, qt == QType.GENERAL, t, role, about or bool(antecedent) or bool(
            problem and proper and any(mentions(titles.get(ev.paper_id, ""), a) for a in forms)), question.text)
        # Inline enumerations and very long sentences make poor direct answers.
        s -= 0.06 * later_item_answers(t, asked_stems) + 0.04 * (len(t.split()) > 45)
        other_work = reports_other_work(t)
        reported = role == Role.BACKGROUND and other_work
        # What earlier work did is not a method the corpus proposes, nor the named thing's own finding.
        s -= 0.08 * (other_work and qt in (QType.METHODS, QType.NAMED, QType.MECHANISM))
        out.append(Scored(ev=ev, role=role, score=s, reported=reported, antecedent=antecedent, contrasted=contrasted))
    out.sort(key=lambda x: (-x.score - order.get(x.ev.paper_id, 0.0), x.ev.paper_id, x.ev.index))
    defines = [max((lead_rank(x.ev.text, a) for a in forms), default=0)
               if question.qtype == QType.DEFINITION else 0 for x in out]
    topic = question.sides[0] if question.qtype == QType.COMPARISON and question.sides else ""
    out = lead_first(out, defines, topic, why, mentions, lambda t: bool(_CAUSE.search(t)))
    out = why_from_first_paper(out, papers[0].id, lambda t: bool(_CAUSE.search(t))) if why and papers else out
    if question.qtype == QType.MECHANISM and not why and not (asked and out and states_verb(out[0].ev.text, asked.verb, subject)):
        out = qforms.how_first(out, predicate, content_stems)
    out = verb_first(out, asked, subject)
    if question.qtype == QType.METHODS:
        out = named_method_first(out)
    out = qforms.idea_first(out) if qforms.asks_idea(question.text) else out
    if problem and question.qtype in (QType.GENERAL, QType.NAMED, QType.MECHANISM):
        out = qforms.problem_first(out)
    if question.qtype == QType.GENERAL:
        out = qforms.verdict_first(out, question.text, verdict or asks_outcome(question.text))
        # A comparing yes/no question keeps the finding that states the comparison (`forms.comparison_first`).
        out = stronger_finding_first(out, qforms._settles) if verdict and not qforms.asks_comparison_verdict(question.text) else out
        out = thing_first(out) if not verdict and not problem and asks_thing(question.text) else out
    out = qforms.alternative_first(out, qforms.rejected_alternative(question.text), mentions) if why else out
    if replacing and question.qtype in (QType.NAMED, QType.MECHANISM, QType.GENERAL):  # "What does X maximize instead of Y?"
        out = replacement_first(out, predicate, content_stems)
    out = past_introduction(out) if question.qtype in (QType.GENERAL, QType.NAMED) else out  # a work's bare introduction
    return aspect_lead(out, question, forms, content_stems, not (why or verdict or problem),
                       lambda t: any(_acts(t, a) for a in forms))


class Selection(BaseModel):
    lead: Scored
    points: list[Scored]
    groups: list[tuple[str, list[Scored]]]
    missing_sides: list[str] = []


def select(question: Question, scored: list[Scored], papers: list[Paper], max_points: int = 5) -> Selection:
    """The lead sentence and the supporting points, grouped by compared side or by paper."""
    # A point must be relevant on its own, not merely come from a relevant paper.
    base = max(s.ev.score for s in scored)
    strong = [s for s in scored if s.ev.score >= 0.7 * base]
    lead = scored[0]
    if lead not in strong:
        strong.insert(0, lead)
    if question.qtype == QType.COMPARISON and question.sides:
        groups: list[tuple[str, list[Scored]]] = []
        missing: list[str] = []
        used = {(lead.ev.paper_id, lead.ev.index)}
        # A sentence that names one compared side is on topic by construction: a looser relevance bar.
        loose = [s for s in scored if s.ev.score >= 0.5 * base]
        comparing = comparing_papers(papers, question.sides, mentions)  # abstracts about the comparison itself
        for side in question.sides:
            on_side = [s for s in loose if mentions(s.ev.text, side) and (s.ev.paper_id, s.ev.index) not in used]
            chosen = _distinct([s for s in on_side if s.ev.paper_id in comparing] if comparing else on_side, 3, 1)
            if not chosen and not mentions(lead.ev.text, side):  # the lead leaves this side open: any abstract
                chosen = _distinct(on_side, 3, per_paper=1)
            used |= {(c.ev.paper_id, c.ev.index) for c in chosen}
            if not chosen and not mentions(lead.ev.text, side):
                missing.append(side)
            if chosen:
                groups.append((f"On {side}", chosen))
        points = [c for _, g in groups for c in g]
        return Selection(lead=lead, points=points, groups=groups, missing_sides=missing)
    per_paper = 1 if question.qtype == QType.METHODS else 2
    rest = [s for s in strong[1:] if not _near(s.ev.text, lead.ev.text)]
    points = _distinct(rest, max_points, per_paper)
    if question.qtype not in (QType.METHODS, QType.DEFINITION):  # other papers' points: near the lead, same question
        asked = set(content_stems(question.text)) - _QUESTION_WORDS
        own_best = max((s.ev.score for s in scored if s.ev.paper_id == lead.ev.paper_id), default=0.0)
        points = same_question(on_question(points, lead, anchor=own_best), lead, papers, asked, names=tuple(question.names),
                               mentions=mentions)
    by_paper: dict[str, list[Scored]] = {}
    for p in points:
        by_paper.setdefault(p.ev.paper_id, []).append(p)
    title = {p.id: p for p in papers}
    groups = [(title[pid].title, sorted(items, key=lambda x: x.ev.index)) for pid, items in by_paper.items()]
    return Selection(lead=lead, points=points, groups=groups)
