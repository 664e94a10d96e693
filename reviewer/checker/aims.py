"""An aim is no evidence: 'OBJECTIVE To assess whether X' asks about X, it does not report X.

An abstract's aim or open question shares the claim's topic words, so it is often the best-aligned sentence,
and the combiner then supports a claim on the strength of a question: 'H. pylori infection decreases the risk
of gastric cancer' against 'OBJECTIVE To investigate the association between gastric cancer and prior infection
with H. pylori' (the result sentences say the opposite). When a SUPPORTED claim's best sentence is such an aim,
`offline.OfflineChecker.check` decides again on the abstracts without their aims, so the answer, if the abstract
gives one, decides. A claim that is itself about what was studied ('the authors assess whether ...') is left as
it is.
"""

from __future__ import annotations

import re

from reviewer.models import EvidenceSentence, Paper
from reviewer.textutil import split_sentences

_TO_DO = (r"(?:assess|determine|investigate|examine|evaluate|test|define|compare|summari[sz]e|quantify|explore|"
          r"identify|characteri[sz]e|estimate|describe|analy[sz]e|understand|clarify|establish|measure)")  # not 'address'
# a sentence that goes on to its answer ('we test whether models can verify them, and find that most struggle')
_ANSWERED = re.compile(r"\b(?:and|but|we) (?:then )?(?:find|found|show|showed|observe|observed|reveal|revealed|"
                       r"demonstrate|demonstrated)\b", re.IGNORECASE)
_AIM = re.compile(
    r"^\s*(?-i:OBJECTIVES?|AIMS?|PURPOSE|QUESTION|IMPORTANCE)\b"  # a structured abstract's aim heading
    # ... or its methods: what was done and measured, not what came of it
    r"|^\s*(?-i:(?:MATERIALS? AND )?METHODS?|(?:STUDY )?DESIGN|SETTINGS?|PARTICIPANTS|PATIENTS|SUBJECTS|INTERVENTIONS?|"
    r"(?:MAIN )?OUTCOME MEASURES?|MEASUREMENTS?|DATA SOURCES?|STUDY SELECTION)\b(?! [a-z]+ (?:is|was|are|were) )"
    r"|\b(?:was|were) (?:also )?(?:determined|measured|recorded|collected|quantified)\s*\.?$"
    r"|\b(?:investigat|examin|assess|determin|test|ask|explor|evaluat|stud|know|unknown|unclear|clarif|question|"
    r"uncertain|understand|establish)\w*\s+(?:\w+\s+){0,3}?whether\b"  # 'we investigated whether X', not 'whether A or B'
    r"|\b(?:aim(?:ed|s)?|sought|purpose|objective|goal)\b[^.]{0,40}?\bto " + _TO_DO + r"\b"
    r"|^\s*(?:To|In order to) " + _TO_DO + r"\b(?![^.]*,\s*we\b)"  # not 'To assess X, we engrafted Y' (a method)
    r"|\b(?:remains?|is|are|was|were) (?:largely |still |currently )?(?:unknown|unclear|poorly understood|"
    r"not (?:well |fully )?(?:known|understood)|controversial|debated|unexplored)\b",
    re.IGNORECASE)
# a claim about the study itself ('the authors assess whether ...', 'the study examines ...')
_ABOUT_THE_STUDY = re.compile(r"\b(?:investigat\w*|stud(?:y|ied|ies)|examin\w*|assess\w*|evaluat\w*|whether|aim\w*|"
                              r"explor\w*|test(?:s|ed)?)\b", re.IGNORECASE)


# a clause that asserts before the open question: 'HPV testing increases sensitivity, but whether ... is unknown'
_ASSERTED_FIRST = re.compile(r"(?:,|;)\s*(?:but|however|yet|although|though|whereas)\b", re.IGNORECASE)


def is_aim(sentence: str) -> bool:
    """The sentence states an aim or an open question, not a result."""
    m = _AIM.search(sentence)
    return bool(m) and not _ANSWERED.search(sentence) and not _ASSERTED_FIRST.search(sentence[: m.start()])


def aim_led(claim: str, best: EvidenceSentence | None) -> bool:
    """The claim's best-aligned sentence is an aim, and the claim itself is not about what was studied."""
    return best is not None and is_aim(best.text) and not _ABOUT_THE_STUDY.search(claim)


def without_aims(papers: list[Paper]) -> tuple[list[Paper], dict[tuple[str, int], int]]:
    """The papers with their aim sentences dropped, and each kept sentence's new (paper id, index) -> old index."""
    out, where = [], {}
    for paper in papers:
        kept = [(i, s) for i, s in enumerate(split_sentences(paper.abstract)) if not is_aim(s)]
        where.update({(paper.id, j): i for j, (i, _) in enumerate(kept)})
        out.append(paper.model_copy(update={"abstract": " ".join(s for _, s in kept)}))
    return out, where
