"""Which sentence of the asked paper answers the aspect asked about, not just names the paper's contribution.

Two question shapes whose answer a relevance score under-rates (follow-up 17 of evals/RESULTS.md):

- "How does X keep ... from ...?", "Who scores the pairs in X?": the sentence introducing X ("We propose X, a novel
  framework that ...") shares X's name and the topic with the question, so it scores high, yet it says what X is,
  not the aspect asked. The same abstract's method sentence that states more of what the question asks (its content
  words beyond X's name and the question's scaffolding) answers it.
- "How many / how few ...?", "By how much ...?": a count or an amount is asked; a lead that states no figure (the
  contributions, the setting) yields to the same abstract's close sentence that does.
- "How does Shop-R1 stop its action-prediction reward from being gamed?": an abstract that describes its method part by
  part heads each part's sentence with the part ("For action prediction, we propose ...", "For negative samples, X is
  proposed ..."). The introduction names every part and so outscores it; the sentence the asked part heads answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.ask.lead import (
    _BEATS,
    _HOW_WELL,
    _INTRODUCES,
    _SAYS_HOW,
    Scored,
    connective_opener,
    leans_on_previous,
    poses_question,
)
from reviewer.ask.listing import list_first
from reviewer.ask.question import QType, Question
from reviewer.roles import Role

# Words that frame any question and say nothing about the aspect asked.
_SCAFFOLD = ("what which who whom how why does do did is are was were can could should would will paper papers "
             "method methods approach model models use used uses way ways according study work thought whether if when "
             "where there much many more most any some each")
# An aim ("aims to identify"), a performance claim ("enhances", "improves", "increase agreement") or a reported finding
# says how well or what was studied, not how the asked aspect is done.
_NOT_HOW = re.compile(r"\b(?:aims?\s+to|seeks?\s+to|improv\w*|enhanc\w*|increas\w*|boost\w*|outperform\w*|achiev\w*|"
                      r"surpass\w*|state-of-the-art|superior|not only|(?:show|demonstrate|find|reveal|observe)s?\s+that)\b",
                      re.IGNORECASE)
# How far down the order (candidates) and how low a score (share of the lead's) the aspect sentence may sit: a short
# method sentence shares few words with a paraphrased question, so it can score well under the introduction.
ASPECT_REACH = 8
ASPECT_SHARE = 0.3
# "Furthermore, for inference we use ...": an added step of the same method, which the printed answer shows without the
# connective; a contrast or a consequence ("However", "Thus") still leans on its neighbour.
# Another contribution ("Additionally, we have developed a data pipeline for X"): it too says what the paper made,
# not how the asked aspect works, so an introduction does not yield to it.
_CONTRIBUTES = re.compile(r"\b(?:we|the authors)\s+(?:have\s+|also\s+|further\s+)*(?:introduc|propos|present|develop|"
                          r"construct|build|built|creat|put forward)\w*", re.IGNORECASE)
_ADDS = re.compile(r"^(?:furthermore|moreover|additionally|in addition|also|further)\b,?\s*", re.IGNORECASE)


def aspect_words(question: str, subject_terms: list[str], stems: Callable[[str], list[str]]) -> set[str]:
    """The question's content stems beyond the asked thing's names and the question's scaffolding."""
    return set(stems(question)) - set(stems(" ".join(subject_terms))) - set(stems(_SCAFFOLD))


def aspect_first(out: list[Scored], aspect: set[str], stems: Callable[[str], list[str]]) -> list[Scored]:
    """A lead that introduces a method ("We propose X, a framework that ...") yields to the same abstract's method
    sentence, among the next ASPECT_REACH candidates and scoring at least ASPECT_SHARE of it, that states more of the
    asked aspect's words and stands alone (no connective, anaphor, restated question, aim or performance claim)."""
    if not out or len(aspect) < 2 or not _INTRODUCES.search(out[0].ev.text):
        return out
    lead = out[0]

    def covered(x: Scored) -> int:
        return len(aspect & set(stems(x.ev.text)))

    best, most = 0, covered(lead)
    for i, x in enumerate(out[1:ASPECT_REACH], start=1):
        t = _ADDS.sub("", x.ev.text)
        if (x.ev.paper_id == lead.ev.paper_id and x.role == Role.METHOD and x.score >= ASPECT_SHARE * lead.score
                and covered(x) > most and not _NOT_HOW.search(t) and not _CONTRIBUTES.search(t) and not x.contrasted
                and not connective_opener(t)
                and not leans_on_previous(t, x.antecedent) and not poses_question(t)):
            best, most = i, covered(x)
    return [out[best], *out[:best], *out[best + 1:]] if best else out


# "How many ...?", "How few ...?", "By how much ...?", "How much more / faster ...?": a count or an amount is asked.
_COUNT_Q = re.compile(r"^(?:(?:by\s+)?how\s+(?:many|few)|by\s+how\s+much|how\s+much\s+(?:more|less|fewer|faster|slower|"
                      r"quicker|sooner|higher|lower|larger|smaller|bigger|greater|longer|shorter|stronger|weaker|better|"
                      r"worse|cheaper|costlier|easier|harder|safer|wider|narrower|deeper))\b", re.IGNORECASE)
# A figure: a number standing alone (not the digit of a name such as GPT-4 or Qwen2.5), or a multiple in words.
_FIGURE = re.compile(r"(?<![\w.\-])\d[\d,.]*|\b(?:twice|doubl\w+|tripl\w+|\w+fold|(?:two|three|four|five|six|seven|eight|"
                     r"nine|ten|twenty|hundred)\s+times)\b", re.IGNORECASE)
FIGURE_SHARE = 0.5


def asks_count(question: str) -> bool:
    """'How many ...?', 'How few ...?', 'By how much ...?': the answer is a figure."""
    return bool(_COUNT_Q.match(question.strip()))


def states_figure(text: str) -> bool:
    return bool(_FIGURE.search(text))


def figure_first(out: list[Scored]) -> list[Scored]:
    """For a count question, a lead that states no figure yields to the best of the same abstract's next sentences
    (among the ten best placed) that does, is not background, scores at least FIGURE_SHARE of it and stands alone."""
    if not out or states_figure(out[0].ev.text):
        return out
    lead = out[0]
    for i, x in enumerate(out[1:], start=1):
        t = x.ev.text
        if (x.ev.paper_id == lead.ev.paper_id and states_figure(t) and x.role != Role.BACKGROUND
                and x.score >= FIGURE_SHARE * lead.score and not connective_opener(t)
                and not leans_on_previous(t, x.antecedent) and not poses_question(t)):
            return [x, *out[:i], *out[i + 1:]]
    return out


RESULT_SHARE = 0.5


def doing_first(out: list[Scored], acts: Callable[[str], bool]) -> list[Scored]:
    """'How does X ...?' led by how well X does ("X not only achieves superior accuracy but ...") yields to the same
    abstract's method sentence in which X does something ("X assigns partial rewards to ..."), among the next
    ASPECT_REACH candidates, scoring at least RESULT_SHARE of the lead and standing alone."""
    if not out:
        return out
    lead = out[0]
    t0 = lead.ev.text
    if not (lead.role == Role.RESULT and _HOW_WELL.search(t0) or _BEATS.search(t0)) or _SAYS_HOW.search(t0):
        return out
    for i, x in enumerate(out[1:ASPECT_REACH], start=1):
        t = x.ev.text
        if (x.ev.paper_id == lead.ev.paper_id and x.role == Role.METHOD and x.score >= RESULT_SHARE * lead.score
                and acts(t) and not _NOT_HOW.search(t) and not x.contrasted and not connective_opener(t)
                and not leans_on_previous(t, x.antecedent) and not poses_question(t)):
            return [x, *out[:i], *out[i + 1:]]
    return out


# "For advantage calculation, ...": an opening phrase naming the part of the method the sentence is about (not "For
# example", "For each pair", "For this reason").
_PART_FRAME = re.compile(r"^for\s+(?!example\b|instance\b|each\b|every\b|any\b|all\b|this\b|these\b|that\b|those\b|"
                         r"such\b|more\b|details?\b)([^,]{3,60}),", re.IGNORECASE)
PART_REACH = 16
PART_SHARE = 0.3


def framed_part(text: str, asked: set[str], stems: Callable[[str], list[str]]) -> int:
    """How many words of the part heading the sentence ("For action prediction, ...") the question asks, when it asks
    at least half of them (0: no heading, or another part). Hyphens split ("action-prediction reward"); an added part
    ("Furthermore, for effective inference-time scaling, we use ...") is headed the same way."""
    m = _PART_FRAME.match(_ADDS.sub("", text.strip()))
    if not m:
        return 0
    part = set(stems(m.group(1).replace("-", " "))) - set(stems(_SCAFFOLD))
    n = len(part & asked)
    return n if part and 2 * n >= len(part) else 0


def part_first(out: list[Scored], question: str, stems: Callable[[str], list[str]]) -> list[Scored]:
    """A lead not headed by the asked part yields to the same abstract's sentence that is ("For rationale generation, we
    leverage ..."), among the next PART_REACH candidates, scoring at least PART_SHARE of it and not background; of
    several, the one whose heading the question asks most of."""
    if not out:
        return out
    asked = set(stems(question.replace("-", " "))) - set(stems(_SCAFFOLD))
    lead = out[0]
    if framed_part(lead.ev.text, asked, stems):
        return out
    best, most = 0, 0
    for i, x in enumerate(out[1:PART_REACH], start=1):
        if x.ev.paper_id != lead.ev.paper_id or x.score < PART_SHARE * lead.score or x.role == Role.BACKGROUND:
            continue
        n = framed_part(x.ev.text, asked, stems)
        if n > most:
            best, most = i, n
    return [out[best], *out[:best], *out[best + 1:]] if best else out


def aspect_lead(out: list[Scored], question: Question, forms: list[str], stems: Callable[[str], list[str]],
                plain: bool, acts: Callable[[str], bool]) -> list[Scored]:
    """The rules, last in the lead order: `figure_first` for a count question; `aspect_first` for a how / what / who
    question about a thing (`plain`: not a why, yes/no or problem question, which have their own leads), and
    `doing_first` for a how question about it (`acts`: the asked thing is the subject of a verb in the text);
    `part_first` for a how / what / who question about one part of a method; last `list_first` for a question asking
    for the members of a kind ("Which board games ...?")."""
    if asks_count(question.text):
        return figure_first(out)
    if plain and question.qtype in (QType.MECHANISM, QType.NAMED, QType.GENERAL):
        out = aspect_first(out, aspect_words(question.text, [*forms, *question.names], stems), stems)
    if plain and question.qtype == QType.MECHANISM:
        out = doing_first(out, acts)
    if plain and question.qtype in (QType.MECHANISM, QType.NAMED, QType.GENERAL):
        out = part_first(out, question.text, stems)
    if question.qtype not in (QType.METHODS, QType.DEFINITION):
        out = list_first(out, question.text, stems)
    return out


# How much higher (in score) another paper's finding must sit than the lead finding to replace it, and how far down.
FINDING_MARGIN = 0.1
FINDING_REACH = 5
# The replacing finding is stated as a result or a conclusion; a caveat ("... may already exhibit ...", a limitation
# sentence) or a method sentence that reports an analysis does not settle a yes/no question over the lead's result.
_FINDS = (Role.RESULT, Role.CONCLUSION)


def stronger_finding_first(out: list[Scored], settles: Callable[[Scored], bool]) -> list[Scored]:
    """A yes/no question's lead finding (often pulled up from its own abstract by `forms.finding_first`) yields to
    another paper's result or conclusion among the next FINDING_REACH candidates that scores at least FINDING_MARGIN
    higher and stands alone: the finding closest to the question settles it, whichever abstract states it."""
    if not out or not settles(out[0]):
        return out
    lead = out[0]
    best = 0
    for i, x in enumerate(out[1:FINDING_REACH], start=1):
        t = x.ev.text
        if (x.ev.paper_id != lead.ev.paper_id and not x.reported and settles(x) and x.role in _FINDS
                and x.score >= lead.score + FINDING_MARGIN and (not best or x.score > out[best].score)
                and not connective_opener(t) and not leans_on_previous(t, x.antecedent) and not poses_question(t)):
            best = i
    return [out[best], *out[:best], *out[best + 1:]] if best else out
