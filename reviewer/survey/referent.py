"""What a paper's first quote speaks of that the reader has not met, and the sentence of the abstract that introduces it.

An abstract introduces its method once ('We propose the Distributional Correctness Score (DCS) ...', 'we construct
RewardMATH, a benchmark ...') and then speaks of it by name or as 'our method', 'the resulting chain', 'these points'.
Quoted first and alone, such a sentence leaves the reader asking which method, which chain ('R^3 significantly
improves ...', 'Experiments ... show that their method outperforms ...', '... disregarding these inherent generative
inequalities'). The writer then quotes, before it, the sentence that introduces the thing: the one that coins the
name, or the paper's own 'we propose/introduce ...' sentence, or for a demonstrative the sentence just before.
"""

from __future__ import annotations

import re

from reviewer.roles import Role, reports_other_work
from reviewer.survey.openfit import points_back
from reviewer.survey.prose import dangling_list, is_anaphoric, strip_marker
from reviewer.survey.vacuous import later_step

_OWN_NOUN = (r"(?:method|approach|framework|model|system|algorithm|protocol|technique|pipeline|mechanism|chain|"
             r"strategy|dataset|benchmark|corpus|objective|loss|metric|procedure|paradigm|recipe|estimator|agent)")
# 'our method', 'the proposed framework', 'the resulting chain': the paper's own thing, by what it is.
_OWN_THING = re.compile(rf"\b(?:our|the proposed|the resulting)(?: [\w-]+){{0,2}}? {_OWN_NOUN}(?![\w-])", re.IGNORECASE)
# 'these points', 'this weakness', 'these inherent generative inequalities': something said before, anywhere in the
# sentence (openfit.points_back looks at its first words only). Not the paper itself ('this work').
_DEMONSTRATIVE = re.compile(r"\b(?:this|these|those)((?: [a-z][\w-]*){1,3}?) (?!paper|work|study|article|survey|"
                            r"section|letter|report)([a-z][\w-]*)\b(?! (?:of|that|which|where|in which)\b)")
_NOT_NOUN = re.compile(r"^(?:is|are|was|were|has|have|can|could|will|would|may|might|to|and|or|in|on|by|for|with|"
                       r"as|that|which|leads?|shows?|allows?|enables?|yields?|suggests?|indicates?|means?|makes?|"
                       r"results?|helps?|provides?|improves?|reduces?|\w+ly|\w+ed)$")
# The sentence introduces something itself: 'we propose X', 'X, a benchmark ...', 'called X'.
_INTRODUCES = re.compile(r"\b(?:we|this (?:paper|work|study)|the authors)\s+(?:\w+ly\s+)?(?:propose|introduce|present|"
                         r"develop|design|construct|build|create|devise|formulate|curate|collect|release)s?\b"
                         r"|\b(?:called|named|dubbed|termed)\b", re.IGNORECASE)
# The paper's statement of what it contributes ('In this work, we focus on X and propose a ... approach').
_PROPOSES = re.compile(r"\b(?:we|this (?:paper|work|study))\b[^.;]{0,80}?\b(?:propose|introduce|present|develop|design)"
                       r"s?\b", re.IGNORECASE)
# A coined name: capitals or digits after its first letter ('GRPO', 'R^3', 'MM-PRM'); the survey eval reads names the same way.
COINED_NAME = re.compile(r"(?<![\w-])([A-Z][\w^-]*[A-Z0-9^][\w^-]*|[A-Z]\^\d)(?![\w-])")
_VERB = r"\b(?:call|name|dubb|term|propos|introduc|present|develop|design|construct|buil|creat|devis|formulat|curat)\w*"


def coins(sentence: str, name: str) -> bool:
    """The sentence gives NAME as the paper's coinage: 'we propose NAME', 'NAME, a ...', a capitalised long form with
    '(NAME)' or 'NAME (Long form)' in a sentence of the authors' ('we', or a verb of making) -- not 'large language
    models (LLMs)', nor a known method the background spells out ('Direct Preference Optimization (DPO) is ...')."""
    n = re.escape(name)
    if re.search(rf"{_VERB} (?:[\w-]+ ){{0,3}}?{n}(?![\w-])|(?<![\w-]){n}, (?:a|an)\b", sentence, re.IGNORECASE):
        return True
    return bool(re.search(rf"(?:[A-Z][\w-]*\s+){{2,}}\({n}\)|(?<![\w-]){n} \([A-Z]", sentence)
                and re.search(_VERB + r"|\b(?:we|our)\b", sentence, re.IGNORECASE))


def _own(sentences: list[str], roles: list[Role], j: int) -> bool:
    """Sentence J is the paper's own statement (no background, no other work, no list running on)."""
    return roles[j] != Role.BACKGROUND and not reports_other_work(sentences[j]) and not dangling_list(sentences[j])


def _alone(sentences: list[str], roles: list[Role], j: int) -> bool:
    """... and reads alone (no anaphor, no later step, no pointer back once its 'To address this, ' is dropped)."""
    text = sentences[j]
    return _own(sentences, roles, j) and not is_anaphoric(text) and not later_step(text) \
        and not points_back(strip_marker(text))


def _with_step_before(sentences: list[str], roles: list[Role], j: int) -> list[int] | None:
    """Sentence J, and the one before it when J goes on from it ('We then show that STICK (Self-TICK) ...')."""
    if _alone(sentences, roles, j):
        return [j]
    if j > 0 and _own(sentences, roles, j) and _alone(sentences, roles, j - 1):
        return [j - 1, j]
    return None


def _demonstrative(text: str) -> str:
    """The noun phrase of a demonstrative the sentence has not named before it ('these reward models'), or ''."""
    for m in _DEMONSTRATIVE.finditer(text):
        words = (m.group(1) + " " + m.group(2)).split()
        if any(_NOT_NOUN.match(w) for w in words):
            continue
        if m.group(2)[:5].lower() not in text[:m.start()].lower():
            return " ".join(words)
    return ""


def introducers(sentences: list[str], roles: list[Role], index: int, title: str) -> list[int]:
    """The earlier sentences that introduce what sentence INDEX speaks of (`_introducers`), and the ones that
    introduce what the first of them speaks of in turn ('UQAC iteratively constructs an "attention chain" ...' for
    '... refine the resulting chain' needs 'we propose UQAC, ...'); at most two steps back."""
    found = _introducers(sentences, roles, index, title)
    if found:
        found = [j for j in _introducers(sentences, roles, found[0], title) if j not in found] + found
    return sorted(set(found))


def _introducers(sentences: list[str], roles: list[Role], index: int, title: str) -> list[int]:
    """The earlier sentences that introduce what sentence INDEX speaks of without naming it first (see the module
    docstring), when they are the paper's own and read in order; [] when the quote needs nothing before it."""
    text = sentences[index]
    if _INTRODUCES.search(text):
        return []
    before = list(range(index - 1, -1, -1))
    for name in COINED_NAME.findall(text):
        if name in title or coins(text, name) or re.search(rf"\({re.escape(name)}\)|(?<![\w-]){re.escape(name)} \(", text):
            continue
        where = next((j for j in before if coins(sentences[j], name)), None)
        if where is not None:
            return _with_step_before(sentences, roles, where) or []
    thing = _OWN_THING.search(text)
    phrase = _demonstrative(text) if not thing else thing.group(0).split(" ", 1)[1].split(" ", 1)[-1]
    if not thing and not phrase:
        return []
    # The nearest earlier sentence of the paper's own that names the thing ('an "attention chain"' for 'the resulting
    # chain', 'reward models' for 'these reward models'), else for 'our method' the paper's 'we propose ...'.
    head = phrase.split()[-1][:5].lower()
    body = " ".join(phrase.split()[-2:]).lower() if len(phrase.split()) > 1 else head
    for j in before[:3]:
        # ... where the thing is introduced, not spoken of again ('We validate our approach ...', 'This approach ...')
        again = re.search(rf"\b(?:our|their|the proposed|the resulting|this|these|those|such)(?: [\w-]+){{0,2}}? "
                          rf"{re.escape(head)}", sentences[j], re.IGNORECASE)
        if (body in sentences[j].lower() or head in sentences[j].lower()) and not again and _own(sentences, roles, j):
            found = _with_step_before(sentences, roles, j)
            if found:
                return found
    if thing:
        for j in before:
            if _PROPOSES.search(sentences[j]):
                found = _with_step_before(sentences, roles, j)
                if found:
                    return found
    return []
