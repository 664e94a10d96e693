"""The verb a "what does X <verb> ...?" question asks about, and the sentences that state it.

"What does BVPO mix ...?", "What does the curriculum in Auto-CEI adjust?", "What does EPO train its model
with?" ask how X works, through one verb: the answer is the sentence of X's abstract that says X (or its
part, or the authors) <verb>s something ("mixes two gradient estimators", "adjusts rewards", "we train the
model via ..."). Such questions are typed as mechanism questions, not as questions about a named thing in
general, and a sentence of the named paper that carries the asked verb is preferred: a sentence that shares
only the question's nouns ("reduces variance for any nontrivial mixture") answers a neighbouring question.
Verbs that ask what X is or contributes as a whole ("do", "propose", "add", "show", "replace" ...) keep
their own handling.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from reviewer.ask.lead import Scored, connective_opener, leans_on_previous, poses_question
from reviewer.roles import Role

# Base-form verbs that ask how X does its work. "rely on" and "use" are also answered by their near synonyms.
_ASKED_VERBS = frozenset("""use rely cast adjust mix combine train employ leverage feed apply exploit penalize penalise
    reward optimize optimise learn predict estimate compute measure generate target encourage discourage
    condition distill distil store supply convert tune update sample score rank select filter weight reweight
    balance regularize regularise guide shape teach""".split())
_USE = r"us(?:e|es|ed|ing)|utili[sz]\w*|leverag\w*|employ\w*|adopt\w*|rel(?:y|ies|ied|ying)"
_SYNONYMS: dict[str, str] = {"use": _USE, "rely": _USE + r"|depend\w*|tak(?:e|es|ing)"}
_WHAT_DOES = re.compile(r"^(?:what|which\s+\w+)\s+(?:does|do|did)\s+(.+?)[\s?.!]*$", re.IGNORECASE)
_STOP = frozenset("the a an its their in of for on to with by from at".split())
# Verbs that ask what X is, found or contributes as a whole: the question is not about one working step.
_OTHER_VERBS = frozenset("""do find show propose introduce add replace claim report mean say contribute offer identify
    blame change modify bring achieve reach get look stand refer denote describe suggest argue reveal
    keep deal cope handle avoid work make improve reduce help differ speed cut compare relate pick judge""".split())


class AskedVerb(BaseModel):
    """The asked verb and the words of the subject phrase before it ("the curriculum in Auto-CEI")."""

    verb: str
    subject_words: list[str]


def asked_verb(question: str) -> AskedVerb | None:
    """'What does the curriculum in Auto-CEI adjust?' -> adjust, [curriculum, Auto-CEI]; None for other forms."""
    m = _WHAT_DOES.match(question.strip())
    if not m:
        return None
    words = m.group(1).split()
    for i, word in enumerate(words[:7]):
        if i and word.lower() in _OTHER_VERBS:
            return None
        following = words[i + 1].lower() if i + 1 < len(words) else ""
        if i and word.lower() in _ASKED_VERBS and not following.startswith("model"):  # "reward models": a noun
            return AskedVerb(verb=word.lower(), subject_words=[w for w in words[:i] if w.lower() not in _STOP])
    return None


def _forms(verb: str) -> str:
    """A regex for the verb's inflections: adjust(s|ed|ing), us(e|es|ed|ing), appl(y|ies|ied|ying)."""
    if verb in _SYNONYMS:
        return _SYNONYMS[verb]
    if verb.endswith("e"):
        return rf"{verb[:-1]}(?:e|es|ed|ing)"
    if verb.endswith("y"):
        return rf"{verb[:-1]}(?:y|ies|ied|ying)"
    return rf"{verb}(?:s|es|ed|ing)?"


def states_verb(text: str, verb: str, subject: str = "") -> bool:
    """The sentence uses the asked verb (or a near synonym) as a verb: 'mixes', 'adjusted', 'we train'.

    Not with the subject as its object: "using TICK leads to ..." says what TICK does for others, not what
    TICK uses."""
    # Whole words only: "mixture" is not "mix".
    for m in re.finditer(rf"\b(?:{_forms(verb)})\b", text, re.IGNORECASE):
        # "-ing" is a verb after "by / via / through / while / when", a comma or "and" ("by leveraging X");
        # elsewhere it is mostly a noun ("preference learning", "the training of").
        if m.group(0).lower().endswith("ing") and not re.search(r"(?:\b(?:by|via|through|while|when|and|thereby)|,)\s+$",
                                                                text[: m.start()], re.IGNORECASE):
            continue
        after = " ".join(text[m.end():].split()[:3]).lower()
        if subject and subject.lower().split()[0] in after:
            continue
        return True
    return False


def verb_score(asked: AskedVerb | None, text: str, about: bool, in_paper: bool, subject: str = "") -> float:
    """Bonus for a sentence that states the asked verb: about the subject (named or stood for), or from the named
    thing's own abstract with the subject's part or the authors as the doer ("The curriculum automatically adjusts
    rewards"; "we train the strategic reasoning model via ..."). The latter also offsets the penalty for a
    sentence that does not name the subject: in its own abstract the asked verb says what it does."""
    if asked is None or not states_verb(text, asked.verb, subject):
        return 0.0
    if about:
        return 0.12
    return 0.18 if in_paper else 0.0


def verb_first(out: list[Scored], asked: AskedVerb | None, subject: str = "") -> list[Scored]:
    """A lead that does not state the asked verb yields to a close sentence of the same abstract that does.

    Categorical, like the other lead rules: the introducing sentence ("we propose BVPO, a method that mixes two
    estimators") often scores well below a result sentence that repeats the question's nouns. The candidate is
    among the next five, scores at least 0.6 of the lead, stands alone and is not a result sentence (there the
    verb reports an effect: "the authors show that using X raises ...").
    """
    if asked is None or not out or states_verb(out[0].ev.text, asked.verb, subject):
        return out
    lead = out[0]
    for i, x in enumerate(out[1:6], start=1):
        t = x.ev.text
        if (x.ev.paper_id == lead.ev.paper_id and states_verb(t, asked.verb, subject)
                and x.score >= 0.6 * lead.score and x.role != Role.RESULT and not x.reported and not x.contrasted and not connective_opener(t)
                and not leans_on_previous(t, x.antecedent) and not poses_question(t)):
            return [x, *out[:i], *out[i + 1:]]
    return out
