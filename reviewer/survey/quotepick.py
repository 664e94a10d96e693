"""Which of a surveyed paper's abstract sentences the offline survey may quote for it.

Only the paper's own method, result and conclusion sentences are quoted (reviewer.roles); background and
sentences reporting other work never are. The section writer (reviewer.survey.sections) leads each paper
with a sentence that stands alone and drops an anaphoric quote ('This yields ...') whose antecedent it
cannot quote too, so a paper whose every pick leans on the sentence before vanished from the survey that
had selected it. The picks therefore always hold one sentence that stands alone when the abstract has one
among the quotable sentences or, failing those, the paper's own statement of aim (its objective sentence).
"""

from __future__ import annotations

import re

from reviewer.models import EvidenceSentence, Paper
from reviewer.roles import Role, reports_other_work, sentence_roles
from reviewer.survey.prose import is_anaphoric, is_boilerplate, role_bonus
from reviewer.survey.vacuous import says_nothing
from reviewer.textutil import split_sentences

SENTENCES_PER_PAPER = 5
SENTENCE_MARGIN = 0.2
INJECTED = re.compile(r"@\w|</?[a-z][^>]*>", re.IGNORECASE)  # citation keys or HTML inside an abstract: never quoted
QUOTABLE = frozenset({Role.METHOD, Role.RESULT, Role.CONCLUSION})


def pick_quotes(
    paper: Paper, combined: dict[tuple[str, int], float]
) -> tuple[list[EvidenceSentence], list[EvidenceSentence]]:
    """The paper's best own method/result/conclusion sentences for the topic (`combined`: each sentence's
    score against the topic's queries), and its limitation sentences."""
    sentences = split_sentences(paper.abstract)
    roles = sentence_roles(sentences)

    def item(i: int) -> EvidenceSentence:
        score = combined.get((paper.id, i), 0.0) + role_bonus(sentences[i], i)
        return EvidenceSentence(paper_id=paper.id, key=paper.key, index=i, text=sentences[i], score=round(score, 4))

    usable = [i for i, s in enumerate(sentences)
              if not is_boilerplate(s) and not reports_other_work(s) and not INJECTED.search(s)]
    quotable = [i for i in usable if roles[i] in QUOTABLE]
    objective = [i for i in usable if roles[i] == Role.OBJECTIVE]
    if not quotable:
        quotable = objective
    elif all(is_anaphoric(sentences[i]) for i in quotable):
        quotable += [i for i in objective if not is_anaphoric(sentences[i])]
    limits = [item(i) for i in usable if roles[i] == Role.LIMITATION]
    scored = sorted((item(i) for i in quotable), key=lambda e: (-e.score, e.index))
    if not scored:
        return [], limits
    best = scored[0].score
    picked = [e for e in scored[:SENTENCES_PER_PAPER] if e.score >= best - SENTENCE_MARGIN]
    alone = next((e for e in scored if not is_anaphoric(e.text)), None)
    if alone is not None and all(is_anaphoric(e.text) for e in picked):
        picked.append(alone)
    # ... and one that says something: an appraisal ('Our findings highlight the urgent need for ...',
    # vacuous.says_nothing) is no sentence the section writer should have to open the paper with.
    telling = next((e for e in scored if not is_anaphoric(e.text) and not says_nothing(e.text)), None)
    if telling is not None and telling not in picked and all(is_anaphoric(e.text) or says_nothing(e.text) for e in picked):
        picked.append(telling)
    return picked, limits
