"""'Which X still work when ...?', 'Which kinds of evaluation fail to improve ...?': asked for what turned out.

A which/what question whose verb is an outcome (works, fails, helps, holds, generalises) asks which things a study
found to behave so; it is answered by the finding that names them ("our findings show that entropy and
consistency-based methods estimate the uncertainty well"), not by the abstract's motivation or method that shares
more of its words. Such a question is neither yes/no nor a request for methods, so the finding rule of yes/no
questions (`forms.finding_first`: the lead's own abstract's finding, if it scores 0.6 of the lead) is applied to it.
"""

from __future__ import annotations

import re

_OUTCOME_VERB = (r"(?:work|works|fail|fails|help|helps|hurt|hurts|succeed|succeeds|matter|matters|hold|holds|"
                 r"generali[sz]es?|transfers?|break|breaks|degrades?|suffers?)")
# "Which <one to four words> [still/actually] <outcome verb>": the verb is the question's predicate, right after
# its subject (not "Which methods use ...", a request for methods; not "What does X do", a question about X).
_OUTCOME_Q = re.compile(rf"^(?:which|what)\s+(?!(?:is|are|was|were|do|does|did|can|could)\b)(?:[\w'-]+\s+){{1,4}}?"
                        rf"(?:still\s+|actually\s+|really\s+|reliably\s+|consistently\s+)?{_OUTCOME_VERB}\b",
                        re.IGNORECASE)


def asks_outcome(question: str) -> bool:
    """The question asks which things turned out to work, fail or help: a finding answers it."""
    return bool(_OUTCOME_Q.match(question.strip()))
