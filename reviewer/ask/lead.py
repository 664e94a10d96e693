"""Which sentence may open an answer, and what a "how does X avoid Y" question wants to hear.

A relevance score cannot tell a sentence that stands on its own from one that continues its neighbour:
"However, loss reweighting in DPO acts ..." and "Additionally, X is more efficient ..." argue with or add
to a claim the reader has not seen. Such sentences may support an answer, never open it. The rule is
categorical (not a score penalty) because a strong lexical match can outweigh any fixed penalty.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from pydantic import BaseModel, Field

from reviewer.models import EvidenceSentence
from reviewer.roles import Role


class Scored(BaseModel):
    """An evidence sentence with its role and the type-aware score used to choose it."""

    ev: EvidenceSentence
    role: Role
    score: float
    reported: bool = False
    antecedent: str = Field(default="", description="What 'This approach' at the start refers to, if known.")
    contrasted: bool = Field(default=False, description="Names the asked term only as the compared side.")


# Openers that contrast with, add to, or conclude from the sentence before.
_LEANING_OPENER = re.compile(
    r"^(?:however|yet|but|still|nevertheless|nonetheless|instead|rather|conversely|in contrast|by contrast|"
    r"on the other hand|on the contrary|meanwhile|whereas|moreover|furthermore|additionally|in addition|besides|"
    r"also|further|similarly|likewise|again|thus|therefore|hence|consequently|accordingly|as a result|"
    r"as such|in this way|in doing so|to this end|to that end|for this reason|otherwise|then)\b",
    re.IGNORECASE,
)
# "This ..." that stands for something said before; "This paper/work/study" names the abstract itself.
_ANAPHOR_OPENER = re.compile(r"^(?:this|these|those|they|it|such|its|their|that|both|the latter|the former)\b",
                             re.IGNORECASE)
_SELF_REFERENCE = re.compile(r"^(?:this|these)\s+(?:paper|work|study|article|survey|report|thesis|chapter|position "
                             r"paper|technical report)s?\b", re.IGNORECASE)


def connective_opener(text: str) -> bool:
    """'However, ...', 'Moreover, ...', 'Thus, ...': the sentence argues with or adds to its neighbour."""
    return bool(_LEANING_OPENER.match(text.strip()))


def leans_on_previous(text: str, antecedent: str = "") -> bool:
    """The sentence's subject is an anaphor whose antecedent is unknown ("This results in ...", "They ..."),
    so it cannot be understood without the sentence before it."""
    t = text.strip()
    return bool(_ANAPHOR_OPENER.match(t)) and not _SELF_REFERENCE.match(t) and not antecedent


# A sentence that poses the question (or says it is open) frames it; it cannot be the answer.
_POSES_QUESTION = re.compile(
    r"\b(?:(?:question|issue|puzzle)s?\s+(?:is|are|remains?)\s+(?:whether|how|why|what)|"
    r"(?:we|this (?:paper|work|study))\s+(?:ask|asks|investigate|investigates|examine|examines|study|studies|explore|"
    r"explores)\s+(?:whether|how|why)|remains? (?:largely |poorly )?(?:unclear|unknown|open|unexplored|underexplored|lacking|elusive)|"
    r"(?:little|less) is known)\b",
    re.IGNORECASE,
)


_NAMING_CUE = re.compile(r"\b(?:known as|called|termed|dubbed|defined as|refer(?:s|red)? to as|we call)\b", re.IGNORECASE)


def poses_question(text: str) -> bool:
    """'A fundamental question is whether GRPO merely sharpens ...': the question restated, not answered."""
    return bool(_POSES_QUESTION.search(text))


# "How does X avoid / bypass / get around / do without Y": Y is what X does NOT do.
_AVOID_QUESTION = re.compile(
    r"\b(?:avoid|avoids|bypass|bypasses|skip|skips|get(?:s)? around|circumvent|circumvents|sidestep|sidesteps|"
    r"do(?:es)? without|eliminate|eliminates|remove|removes|dispense with|work(?:s)? without|without)\b",
    re.IGNORECASE,
)
# How a sentence says what X does instead: "directly optimizes", "without requiring", "eliminating the need",
# "an alternative to", "instead of", "no ... needed".
_INSTEAD_CUE = re.compile(
    r"\b(?:directly|without (?:requiring|needing|the need|any|an?|explicit)|eliminat\w+|bypass\w*|"
    r"alternative to|instead of|rather than|in place of|replac\w+|removing the need|no need|"
    r"obviat\w+|free of|-free|dispens\w+|circumvent\w*|sidestep\w*)",
    re.IGNORECASE,
)


def asks_how_avoided(question: str) -> bool:
    """'How does DPO avoid training a reward model?': the answer is what X does instead."""
    return bool(re.match(r"^\s*(?:how|in what way)\b", question, re.IGNORECASE)) and bool(
        _AVOID_QUESTION.search(question))


# "What does X replace Y with?" / "What does X use instead of Y?": the answer says what stands in Y's place.
_REPLACE_QUESTION = re.compile(r"\b(?:replace[sd]?|substitutes?|swaps?|instead of|in place of)\b", re.IGNORECASE)


def asks_replacement(question: str) -> bool:
    """'What does ROVER replace the policy iteration loop with?': Y is named, the answer is its stand-in."""
    return bool(_REPLACE_QUESTION.search(question))


def says_instead(text: str) -> bool:
    """The sentence states a replacement mechanism: 'directly optimizes', 'without requiring', 'alternative to'."""
    return bool(_INSTEAD_CUE.search(text))


# "Why" is answered by a cause: what a sentence says something stems from, fails at or mistakes.
CAUSE = re.compile(r"\b(?:because|due to|since|stem(?:s|ming)?\s+(?:\w+ly\s+)?from|caused\s+(?:\w+ly\s+)?by|as a result|"
                   r"owing to|leads? to|"
                   r"mistak\w+|suffers? from|fail\w* to|unable to|overlook\w*|ignor\w*|rel(?:y|ies) on|latch\w*|"
                   r"arises? (?:when|from)|drives?|induces?)\b|"
                   # "too coarse-grained, as heterogeneous tasks ...": the reason follows the restated claim.
                   r",\s+(?:as|since)\s+(?!well\b|shown\b|such\b|opposed\b|described\b|follows\b|in\b|a result\b|"
                   r"measured\b|defined\b|expected\b|evidenced\b|part\b|an?\b|the\b)",
                   re.IGNORECASE)
# "stems primarily from", "arises mainly when": an adverb may sit inside the cue.
_STRONG_CAUSE = re.compile(r"\b(?:because|due to|stem(?:s|ming)?\s+(?:\w+ly\s+)?from|caused\s+(?:\w+ly\s+)?by|owing to|"
                           r"suffers? from|as a result of|attributed to|root cause|aris(?:e|es|ing)\s+(?:\w+ly\s+)?(?:when|from)|"
                           r"driven\s+(?:\w+ly\s+)?by|reliance on|"
                           r"(?:limited|hindered|constrained|bottlenecked) by)\b"
                           # "Since multimodal reasoning covers a wider range of tasks, the ... shift is more severe": an
                           # opening "Since ..., " states the reason for its main clause (not "Since 2020").
                           r"|^Since\s+(?!\d)[^,]{10,200},", re.IGNORECASE)

# What a sentence says something brings about: "..., causing errors in early steps to accumulate", "the robot collects
# informative data more efficiently, thereby accelerating learning". Within the lead's own abstract such a sentence
# gives the reason a why-question asks for, where a lead that restates the question gives none.
_CONSEQUENCE = re.compile(r"\b(?:caus(?:e|es|ing)|thereby)\b", re.IGNORECASE)


def lead_first(
    out: list[Scored],
    defines: list[int],
    topic: str,
    why: bool,
    mentions: Callable[[str, str], bool],
    has_cause: Callable[[str], bool],
) -> list[Scored]:
    """The scored sentences (best first) with the one that may open the answer moved to the front.

    `defines[i]`: how well sentence i defines the asked term (0 not, 1 names its class, 2 says what it is,
    3 without then naming a weakness of X);
    `topic`: side A of "how does A differ from B"; `why`: the question asks why, and `has_cause` tells a
    sentence that gives a cause.
    """
    # "What is X?" is answered by a sentence that defines X, when one is reasonably relevant at all.
    top = max((x.ev.score for x in out), default=0.0)
    # A sentence naming the asked term only as the compared side ("Unlike X, ...") is about something else.
    # One that says what X is or does (strength 2) beats one that only names its class ("inefficiencies like X").
    # A sentence that poses a question defines a term in passing only when it names it outright ("a concept
    # we refer to as X"); an aside inside the question ("whether algorithms such as X, the standard ...") does not.
    fit = [i for i, x in enumerate(out) if defines[i] and x.ev.score >= 0.6 * top and not x.contrasted
           and (not poses_question(x.ev.text) or _NAMING_CUE.search(x.ev.text))]
    # Among those, one that does not go on to say what X fails at ("X, the standard framework, is prone to").
    first = next((i for level in (3, 2, 1) for i in fit if defines[i] >= level), None)
    # "How does A differ from B" is answered about A: a lead on B alone describes the point of reference.
    on_topic = bool(topic) and any(mentions(x.ev.text, topic) for x in out[:10])
    if first is None:
        # The lead stands on its own (no unresolved anaphor, no restated question); a defining sentence
        # answers "what is X" whatever its opening "This" stands for.
        first = next((i for i, x in enumerate(out) if not x.contrasted and (
            defines[i] or (not leans_on_previous(x.ev.text, x.antecedent) and not poses_question(x.ev.text)
                           and (not on_topic or mentions(x.ev.text, topic))))), 0)
    # "Why P?": a lead that only restates P (no cause cue) yields to a cause (or a consequence) stated in the same
    # abstract nearby, else to the cause another close paper states right after its own restatement of P.
    if why and first < len(out) and not has_cause(out[first].ev.text):
        lead = out[first]
        first = next((i for i, x in enumerate(out[: first + 5]) if x.ev.paper_id == lead.ev.paper_id
                      and (_STRONG_CAUSE.search(x.ev.text) or _CONSEQUENCE.search(x.ev.text))
                      and not leans_on_previous(x.ev.text, x.antecedent)), first)
        if out[first] is lead:
            first = _cause_after_restatement(out, lead, first)
    return [out[first], *out[:first], *out[first + 1:]] if first else out


# How close another paper's restatement of a why-question must score to the lead's (a fraction of its score), and
# how far the cause may follow it in that abstract ("... open RMs perform poorly ... Even approaches that ... We
# hypothesize that this brittleness stems primarily from ...").
RESTATED_WHY_SHARE = 0.75
CAUSE_REACH = 2
# "This added complexity complicates ...": a demonstrative with its own noun says what it stands for, enough for a
# reason to be read alone ("This results in ...", "It ..." do not).
_NAMED_DEMONSTRATIVE = re.compile(r"^(?:This|These)\s+(?!is\b|was\b|are\b|were\b|can\b|may\b|leads?\b|results?\b|"
                                  r"means\b|makes?\b|allows?\b|enables?\b|suggests?\b|shows?\b)[a-z][\w-]*\s")
# How close (a fraction of the lead's score) a cause stated elsewhere in the lead's own abstract must score to lead.
OWN_CAUSE_SHARE = 0.85


def _cause_after_restatement(out: list[Scored], lead: Scored, first: int) -> int:
    """Index in `out` of the strong cause that follows, within CAUSE_REACH sentences, the lead's restatement of
    the question, or else another paper's close restatement (one of the ten best-placed sentences); `first` when
    there is none.

    A why-question is answered by a reason; an abstract that states the problem and then its cause answers it,
    where the lead's abstract only states the problem."""
    at = {(x.ev.paper_id, x.ev.index): i for i, x in enumerate(out)}

    def cause_after(x: Scored) -> int | None:
        for step in range(1, CAUSE_REACH + 1):
            i = at.get((x.ev.paper_id, x.ev.index + step))
            if i is not None and _STRONG_CAUSE.search(out[i].ev.text) and not connective_opener(out[i].ev.text) \
                    and not leans_on_previous(out[i].ev.text, out[i].antecedent):
                return i
        return None

    own = cause_after(lead)
    if own is not None:
        return own
    # The lead's abstract gives a reason elsewhere: that reason answers "why", when it is nearly as close to the
    # question as the lead ("... complicates UQ because the probabilities ... are conditioned on ..."); the lead,
    # which gives none, does not. A farther one means the lead is not a mere restatement: it stays.
    own_causes = [i for i, x in enumerate(out) if x.ev.paper_id == lead.ev.paper_id and _STRONG_CAUSE.search(x.ev.text)]
    if own_causes:
        close = [i for i in own_causes if out[i].score >= OWN_CAUSE_SHARE * lead.score
                 and not connective_opener(out[i].ev.text) and (_NAMED_DEMONSTRATIVE.match(out[i].ev.text)
                                                                or not leans_on_previous(out[i].ev.text, out[i].antecedent))]
        return close[0] if close else first
    others = (cause_after(x) for x in out[:10]
              if x.ev.paper_id != lead.ev.paper_id and x.score >= RESTATED_WHY_SHARE * lead.score)
    return next((i for i in others if i is not None), first)


# "We introduce X, a ... that <the question's own words>": the sentence that names X for the asked purpose.
_INTRODUCES = re.compile(r"\b(?:we|the authors)\s+(?:introduce|propose|present|develop|put forward)\b", re.IGNORECASE)
# How a sentence spells out the working of a method: "X works by", "employs", "In the first stage".
_SAYS_HOW = re.compile(r"\b(?:works? by|operates? by|proceeds? by|by having|employs?|utiliz\w+|leverag\w+|adopts?|"
                       r"involv(?:es|ing)|treats? [\w-]+(?: [\w-]+){0,5} as|"
                       r"consists? of|(?:is|are) (?:comprised|composed|made up) of|integrat\w+ [\w-]+|"
                       r"in the (?:first|second|third|final) (?:stage|step|phase)|first\b.*\bthen|via)\b"
                       # "Through forward simulation, our model quantifies ...": an opening phrase of means.
                       r"|^(?:through|by|via|using)\s[^,]{3,80},",
                       re.IGNORECASE)


# An introducing sentence this close in meaning to the question restates it even in other words ("learn a reward
# model ... without human annotations" for "how can a reward model be trained without anyone labelling data?").
RESTATE_SIMILARITY = 0.70


def restates(text: str, predicate: set[str], stems: Callable[[str], list[str]], similarity: float = 0.0) -> bool:
    """An introducing sentence that repeats (nearly) all of what the question asks, so adds only a name:
    "we introduce CritiQ, a method that mines criteria from human preferences" for "how are criteria mined
    from human preferences?"; in the question's words or, by `similarity` to it, in synonyms."""
    if not _INTRODUCES.search(text):
        return False
    if similarity >= RESTATE_SIMILARITY:
        return True
    if len(predicate) < 2:
        return False
    return len(predicate & set(stems(text))) >= max(2, round(len(predicate) * 2 / 3 + 0.01))


def bare_introduction(text: str) -> bool:
    """'We propose X, a general protocol to evaluate LLMs': names X and its aim, and no means or finding."""
    return bool(_INTRODUCES.search(text)) and not _SAYS_HOW.search(text) and not _BY_MEANS.search(text)


# How well, not how: a performance claim ("to improve X, ..." is a purpose).
_HOW_WELL = re.compile(r"(?<!to )\b(?:improv\w*|outperform\w*|achiev\w*|surpass\w*|state-of-the-art|gains?|accuracy)\b",
                       re.IGNORECASE)
# A comparison with other methods is a result whatever role the sentence's "our method" earns it.
_BEATS = re.compile(r"\b(?:outperform\w*|surpass\w*|state-of-the-art)\b|^(?:in|across)\s+(?:\w+\s+)?experiments\b",
                    re.IGNORECASE)


# A phrase of means inside an introducing sentence: "by streamlining policy updates", "through peer review",
# "selects strategies based on their difficulty".
_BY_MEANS = re.compile(r"\b(?:by \w+ing|through|based on)\b", re.IGNORECASE)
_SHOWN = re.compile(r"\b(?:show|demonstrate|find|reveal|observe)s? that\b", re.IGNORECASE)


def how_after_restatement(out: list[Scored], predicate: set[str], stems: Callable[[str], list[str]]) -> list[Scored]:
    """'How does X ...?' led by a restatement yields to the same abstract's sentence that says how X works.

    The candidate must stand alone (no connective, no unresolved anaphor, not a restated question), be a
    method sentence, and score at least half the lead's score, so a weak neighbour never takes over.
    """
    if not out:
        return out
    lead = out[0]
    # A result ("our method achieves significant improvements ...") says how well, not how: it yields too.
    result = (lead.role == Role.RESULT and bool(_HOW_WELL.search(lead.ev.text)) or bool(_BEATS.search(lead.ev.text))) \
        and not _SAYS_HOW.search(lead.ev.text)
    # "We propose X, a framework that aligns A with B" names X and its aim without saying how it works: it yields too
    # (not "... improves efficiency by streamlining ...", "... through peer review", which say how).
    introduces = bool(_INTRODUCES.search(lead.ev.text) and not _SAYS_HOW.search(lead.ev.text)
                      and not _BY_MEANS.search(lead.ev.text))
    restated = restates(lead.ev.text, predicate, stems, lead.ev.similarity)
    if not (result or introduces or restated):
        return out
    # An introduction does not yield to a reported finding ("We then show that STICK can be used to improve ...").
    shown = _SHOWN if introduces and not (result or restated) else None
    for i, x in enumerate(out[1:10], start=1):
        t = x.ev.text
        if (x.ev.paper_id == lead.ev.paper_id and x.role == Role.METHOD and _SAYS_HOW.search(t)
                and not (shown and shown.search(t))
                and x.score >= 0.5 * lead.score and not x.contrasted and not connective_opener(t)
                and not leans_on_previous(t, x.antecedent) and not poses_question(t)):
            return [x, *out[:i], *out[i + 1:]]
    return out if result else _elaboration_after(out, lead)


# "Specifically, our approach involves ...": the sentence that spells out the restated proposal. It shares few words
# with the question, so it may score well under half the restatement; it must follow it closely in the abstract.
_ELABORATES = re.compile(r"^(?:specifically|concretely|in particular|in detail|to do so|to achieve this|in practice)\b",
                         re.IGNORECASE)
ELABORATION_REACH = 2
ELABORATION_SHARE = 0.4


def following(out: list[Scored], lead: Scored, reach: int) -> Iterator[tuple[int, Scored]]:
    """The candidates that come within `reach` sentences after the lead in its own abstract, in abstract order,
    with their place in `out`: where a lead that only restates or poses the problem is spelled out."""
    at = {(x.ev.paper_id, x.ev.index): i for i, x in enumerate(out)}
    for step in range(1, reach + 1):
        i = at.get((lead.ev.paper_id, lead.ev.index + step))
        if i is not None:
            yield i, out[i]


def _elaboration_after(out: list[Scored], lead: Scored) -> list[Scored]:
    """A restating "how" lead yields to the method sentence within ELABORATION_REACH sentences after it in its
    abstract that spells it out ("Specifically, ...", or a how cue), scoring at least ELABORATION_SHARE of it."""
    for i, x in following(out, lead, ELABORATION_REACH):
        t = x.ev.text
        if (x.role == Role.METHOD and (_ELABORATES.search(t) or _SAYS_HOW.search(t) and not connective_opener(t))
                and x.score >= ELABORATION_SHARE * lead.score and not x.contrasted
                and not leans_on_previous(t, x.antecedent) and not poses_question(t)):
            return [x, *out[:i], *out[i + 1:]]
    return out


# A method's name: a coined word with an inner capital (GTAlign, CritiQ, AlphaLLM), a hyphenated or all-capital
# coinage of 3+ letters (B-STaR, EQUILIBRIUM-RANKING, CONSENSUS), or a naming cue ("which we term ...").
# A capitalised word right after "introduce" or before "(Long Name)" is one too ("introduce Crome (Causally ...").
_METHOD_NAME = re.compile(r"(?<![\w-])(?:[A-Za-z]+[a-z][A-Z][\w-]*|[A-Z][A-Z-]{2,}[A-Za-z]*)(?![\w-])|"
                          r"\b(?:introduce|propose|present)[sd]?\s+(?:the\s+)?[A-Z][\w-]+|\b[A-Z][\w-]+\s+\([A-Z]")


def names_method(text: str) -> bool:
    """The sentence gives a method a name, so a reader can look it up; 'a new procedure' does not."""
    return bool(_METHOD_NAME.search(text) or _NAMING_CUE.search(text))


def named_method_first(out: list[Scored]) -> list[Scored]:
    """'Which methods ...?' led by a sentence that names no method yields to a close one that does."""
    if not out or names_method(out[0].ev.text):
        return out
    lead = out[0]
    for i, x in enumerate(out[1:6], start=1):
        t = x.ev.text
        if (names_method(t) and x.score >= 0.7 * lead.score and not x.reported and not connective_opener(t)
                and not leans_on_previous(t, x.antecedent) and not poses_question(t)):
            return [x, *out[:i], *out[i + 1:]]
    return out


_REPLACE_WORDS = frozenset({"replac", "instead", "substitut", "swap", "place"})


def replacement_first(out: list[Scored], predicate: set[str], stems: Callable[[str], list[str]]) -> list[Scored]:
    """'What does X replace Y with?': a close sentence that names most of Y and says what goes instead leads,
    whatever else the question's wording ('what does X do') rewards."""
    wanted = {s for s in predicate if s not in _REPLACE_WORDS}

    def answers(x: Scored) -> bool:
        return bool(wanted) and says_instead(x.ev.text) and len(wanted & set(stems(x.ev.text))) >= 0.5 * len(wanted)

    if not out or answers(out[0]):
        return out
    for i, x in enumerate(out[1:5], start=1):
        t = x.ev.text
        if (answers(x) and x.score >= 0.7 * out[0].score and not x.contrasted and not connective_opener(t)
                and not leans_on_previous(t, x.antecedent) and not poses_question(t)):
            return [x, *out[:i], *out[i + 1:]]
    return out
