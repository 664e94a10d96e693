"""Background passed off as the paper's finding: a claim whose only evidence reports others' work or sets the
abstract's context (`reviewer/roles.py`), read by `offline.OfflineChecker.check`."""

from __future__ import annotations

import re

from reviewer.checker.claimtext import ATTRIBUTION_FRAME as _ATTRIBUTION
from reviewer.checker.features import Analysis
from reviewer.models import EvidenceSentence
from reviewer.roles import (
    Role,
    faults_reported_practice,
    own_finding_clause,
    rejects_reported_view,
    reports_other_work,
    sentence_role,
    sentence_roles,
)
from reviewer.textutil import content_stems

# A premise the paper builds on, stated inside its own sentence: 'We introduce X, leveraging the insight that
# LLMs internally operate in ...', 'Given that X, we ...'. What follows 'that' is taken as given, not found.
_PREMISE = re.compile(r"(?:\b(?:leverag\w*|build\w* (?:up)?on|based on|motivated by|inspired by|grounded in|drawing "
                      r"on|guided by|rel\w* on|exploit\w*) (?:the |this |an? )?(?:\w+ )?(?:insights?|observations?|"
                      r"fact|assumptions?|intuitions?|hypothes[ie]s|premises?|beliefs?)|^(?:given|recogni[sz]ing|"
                      r"assuming|acknowledging)) that (?P<premise>[^.;]+)", re.IGNORECASE)


# A state of affairs conceded before the sentence's point: 'While dense feedback annotations are expensive to
# acquire, sparse feedback presents ...' (not the paper's own result: 'While our method ...').
_CONCEDED = re.compile(r"^(?:while|although|though|even though|whereas)\s+(?P<premise>(?:(?!\b(?:we|our|us)\b)[^,;])"
                       r"{10,}),", re.IGNORECASE)


# A view the sentence names as held, not found: 'Contrary to the common belief that X, our findings reveal ...', 'The
# dominant practice of AI alignment assumes (1) that X'. What follows 'that' is the view, whoever holds it.
_HELD = re.compile(r"(?:\b(?:belief|assumption|view|wisdom|notion|perception)s?\s+(?:is\s+)?|\b(?:practices?|research|"
                   r"work|studies|literature|methods|approaches)\b[^.;]{0,60}?\b(?:assumes?|believes?|presumes?|"
                   r"posits?)\s+(?:\(\w\)\s+)?)that\s+(?P<premise>[^.;,]+)", re.IGNORECASE)
# ... turned against in the same sentence: 'contrary to the belief that X', 'we challenge the assumption that X'
_AGAINST = re.compile(r"\b(?:contrary\s+to|challeng\w*|counter\s+to|despite|unlike|overturn\w*|refut\w*|"
                      r"question\w*)\s+(?:\w+\s+){0,4}?$", re.IGNORECASE)


_NAMES_VIEW = re.compile(r"\b(?:belie\w*|assum\w*|presum\w*|views?|viewed|wisdom|notion|contrary|challeng\w*|refut\w*|"
                         r"myths?|misconceptions?|questions?|overturn\w*)\b", re.IGNORECASE)


def held_view(claim: str, sentence: str) -> bool | None:
    """None unless the claim restates a view the sentence names as held ('the common belief that X'); then whether
    the sentence itself turns against it ('Contrary to the common belief that X, ...')."""
    if _NAMES_VIEW.search(claim):
        return None  # 'The authors challenge the belief that X' reports the view as one, as the sentence does
    for m in _HELD.finditer(sentence):
        if bare_coverage(claim, m.group("premise")) >= 0.75:
            return bool(_AGAINST.search(sentence[: m.start()]))
    return None


def premise_only(claim: str, sentence: str, conceded: bool = False) -> bool:
    """The claim restates a premise the sentence builds on ('leveraging the insight that X') or, with `conceded`
    (a sentence that sets the context or the aim, not a result: 'Although Self-PRM improves accuracy, analysis
    exposes ...' reports one), concedes before its point ('While X, ...'), and little else."""
    m = _PREMISE.search(sentence) or (_CONCEDED.search(sentence) if conceded else None)
    return bool(m) and bare_coverage(claim, m.group("premise")) >= 0.8


def bare_coverage(claim: str, sentence: str) -> float:
    """Share of the claim's content words, past an attribution frame, that the sentence holds."""
    words = content_stems(_ATTRIBUTION.sub("", claim.strip()))
    have = set(content_stems(sentence))
    return sum(w in have for w in words) / len(words) if words else 0.0


def _closer_to(claim: str, own: str, reported: str) -> bool:
    """The claim shares more content words with the sentence's own-finding clause than with the reported one."""
    c = set(content_stems(claim))
    return len(c & set(content_stems(own))) > len(c & set(content_stems(reported)))


def background_only(claim: str, analysis: Analysis, items: list[EvidenceSentence]) -> tuple[bool, int] | None:
    """(rejected, sentence) when the best evidence reports other work and no own sentence is as close.

    'Some studies suggest X' is the paper reporting X, often to refute it: citing the paper for X
    would pass its background off as its finding. `rejected` says a later sentence turns against X.
    """
    if not analysis.order:
        return None
    best = analysis.order[0]
    item = items[best]
    sents = [x.text for x in items if x.paper_id == item.paper_id]
    top = analysis.alignment[best]
    if reports_other_work(item.text) and sentence_role(item.text, item.index, len(sents)) == Role.BACKGROUND:
        if any(analysis.alignment[i] >= top - 0.05 and not reports_other_work(items[i].text) for i in analysis.order[1:]):
            return None
    elif framed_by_claim(claim, item.text) and _context_only(items, analysis, best, top):
        return rejects_reported_view(sents, item.index), best  # 'The paper shows that <its opening context>'
    elif (held := held_view(claim, item.text)) is not None and (held or framed_by_claim(claim, item.text)):
        # 'The study confirms that X' where the sentence names X as a belief it goes on to reject (or one it holds)
        return held or rejects_reported_view(sents, item.index), best
    elif framed_by_claim(claim, item.text) and premise_only(
            claim, item.text, sentence_roles(sents)[item.index] in (Role.BACKGROUND, Role.OBJECTIVE)):
        return False, best  # 'The authors show that X' where the paper only builds on 'the insight that X'
    else:
        return None
    if (own := own_finding_clause(item.text)) and _closer_to(claim, own, item.text[: len(item.text) - len(own)]):
        return None  # 'while prior work suggests X, our results reveal Y': the claim restates Y, the paper's own
    # a reported practice the abstract goes on to fault is rejected too ('However, these approaches are constrained')
    return rejects_reported_view(sents, item.index) or faults_reported_practice(sents, item.index), best


def framed_by_claim(claim: str, sentence: str) -> bool:
    """The claim opens with an attribution frame ('The paper finds that ...') that its sentence does not: a sentence
    that opens so itself ('This position paper argues that ...') speaks in the paper's own voice, and a quote of it
    attributes nothing."""
    return bool(_ATTRIBUTION.match(claim.strip())) and not _ATTRIBUTION.match(sentence.strip())


def _context_only(items: list[EvidenceSentence], analysis: Analysis, best: int, top: float) -> bool:
    """The best sentence, and every sentence nearly as close, is the abstract's context: set before the paper's
    own first words ('we ...', 'this paper ...'), so a claim framed as the paper's finding cannot rest on it."""
    def context(k: int) -> bool:
        same = [x for x in items if x.paper_id == items[k].paper_id]
        return sentence_roles([x.text for x in same])[items[k].index] == Role.BACKGROUND
    return context(best) and all(context(i) for i in analysis.order[1:] if analysis.alignment[i] >= top - 0.05)


def restated_context(claim: str, items: list[EvidenceSentence]) -> int:
    """Index of the context sentence that an attributed claim ('The X paper finds that ...') restates, or -1.

    The claim must cover most of that sentence's words (>= 0.75) and clearly more than any of the paper's own
    sentences (by 0.3): then it passes the abstract's opening context off as its finding, whichever sentence
    the embeddings happen to rank first (branch c21; over the seed splits this never held for a SUPPORTED claim).
    """
    if not _ATTRIBUTION.match(claim.strip()) or not items:
        return -1
    roles = sentence_roles([x.text for x in items if x.paper_id == items[0].paper_id])
    if len(roles) != len(items):
        return -1  # one abstract at a time
    cover = [bare_coverage(claim, x.text) for x in items]
    context = [k for k, r in enumerate(roles) if r == Role.BACKGROUND]
    if not context:
        return -1
    best = max(context, key=lambda k: cover[k])
    own = max((c for k, c in enumerate(cover) if roles[k] != Role.BACKGROUND), default=0.0)
    return best if cover[best] >= 0.75 and own <= cover[best] - 0.3 and framed_by_claim(claim, items[best].text) else -1
