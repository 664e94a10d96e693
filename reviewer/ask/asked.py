"""What a "what / which" question asks for when it asks for a thing, not for how well something did.

"What in a user's next message can serve as a reward?" is answered by naming that thing ("the user's follow-up
utterances as feedback signals"); a result sentence that reports better scores ("we conduct experiments ... and
demonstrate improved reward function accuracy") answers "how well", a question nobody asked.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reviewer.roles import Role

# A what/which question that names no measure or outcome: it asks for a thing (a signal, a component, a trait).
_WHAT_THING = re.compile(r"^(?:what|which)\b(?![^?]*\b(?:how (?:well|much|many)|scores?|accuracy|perform\w*|results?|"
                         r"find|found|show\w*|gains?|improve\w*|reach\w*|achiev\w*|better|best|most|least|worse|worst)\b)",
                         re.IGNORECASE)
# Talk of outcomes: what a result sentence reports when it says how well, not what.
_GAINS = re.compile(r"(?<!to )\b(?:improv\w*|outperform\w*|achiev\w*|surpass\w*|state-of-the-art|superior|gains?|"
                    r"boost\w*|enhanc\w*)\b", re.IGNORECASE)


@lru_cache(maxsize=256)
def asks_thing(question: str) -> bool:
    """'What can serve as X?', 'Which signal tells Y?': asks for a thing, not for a measured outcome."""
    return bool(_WHAT_THING.match(" ".join(question.split())))


def reports_gains(text: str, role: Role) -> bool:
    """A result sentence whose point is an outcome ('demonstrate improved accuracy', 'outperforms')."""
    return role == Role.RESULT and bool(_GAINS.search(text))
