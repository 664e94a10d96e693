"""Where a "how" question's lead goes when the best-scored sentence only sets the scene (split from forms.py).

A background sentence ("LLMs have recently advanced theorem proving ...") says what the field does, not how the asked
thing is done; the abstract's own proposal, or a method sentence naming its means, says how.
"""

from __future__ import annotations

import re

from reviewer.ask.lead import Scored, connective_opener, leans_on_previous, poses_question
from reviewer.roles import Role

# "We propose X to address these limitations by ...": the proposal that answers the problem stated before it.
PROPOSES = re.compile(r"\b(?:we|the authors)\s+(?:propose|introduce|present|develop)\b|\bto (?:address|tackle|overcome|"
                      r"solve|mitigate|remedy) (?:these|this|such|the)\b", re.IGNORECASE)
PROPOSAL_REACH = 2
# A method sentence that names its means ("are generated using a pre-trained reward function", "by asking users what
# behaviors they consider similar"), and a reported finding ("the authors showcase that agents trained via ...").
_STATES_MEANS = re.compile(r"\b(?:by \w+ing|through|based on|using|via|employs?|leverag\w+|utiliz\w+|adopts?|works? by)\b",
                           re.IGNORECASE)
_REPORTS_FINDING = re.compile(r"\b(?:show|showcase|demonstrate|find|reveal|observe|indicate)s?\s+that\b", re.IGNORECASE)
PROPOSAL_SHARE = 0.4


def proposal_after_background(out: list[Scored], lead: Scored) -> list[Scored]:
    """A "how" lead that only sets the scene ("LLMs have recently advanced theorem proving through test-time scaling")
    says what the field does, not how the asked thing is done: the abstract's own proposal ("we propose two methods:
    (1) ...") answers it, wherever it sits, when it scores at least PROPOSAL_SHARE of the lead. A method sentence of
    that abstract placed before the proposal and naming its means ("the preferences ... are generated using a
    pre-trained reward function") says how more directly than a bare proposal ("the authors introduce RankDPO to
    enhance DPO-based methods"), so it answers first."""
    for i, x in enumerate(out):
        t = x.ev.text
        if (x.ev.paper_id == lead.ev.paper_id and x.role == Role.METHOD
                and (PROPOSES.search(t) or _STATES_MEANS.search(t) and not _REPORTS_FINDING.search(t)
                     and not poses_question(t) and not connective_opener(t))
                and x.score >= PROPOSAL_SHARE * lead.score and not leans_on_previous(t, x.antecedent)):
            return [x, *out[:i], *out[i + 1:]]
    return out
