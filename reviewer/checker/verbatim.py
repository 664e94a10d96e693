"""A claim that quotes one abstract sentence word for word says what that sentence says.

The rules built to catch edited paraphrases (a changed number, an opposite effect read off another sentence of the
abstract, a comparison the other way round) fire on true quotes too: a quote's words meet every cue of the other
sentences, and a number printed '~70%' in one place reads as '70%' in another. A quote is therefore decided by its
own sentence: SUPPORTED, unless that sentence reports other work or sets the context (`background.py`), which the
offline checker still reads first. Compared in the project's normal form (`textutil.normalize`: case, accents and
punctuation folded), so '~70%' and '70%' or 'R1-Distill' and 'R1 Distill' are the same words.

A span of a sentence counts only when it starts where the sentence does, after a clause break (',', ';', ':') or
after the paper's own 'we show that', and nothing before it negates, hedges, conditions or reports it: 'We find no evidence that X improves Y' does not
state 'X improves Y', nor does 'If X, ...' state X.
"""

from __future__ import annotations

import re

from reviewer.checker.background import restated_context
from reviewer.checker.features import Analysis
from reviewer.models import EvidenceSentence
from reviewer.roles import rejects_reported_view
from reviewer.textutil import normalize

MIN_WORDS = 6  # a shorter span ('the model improves accuracy') is a phrase, not a quoted statement

# Words before a span that keep the sentence from asserting it (negation, hedge, condition, report).
_UNASSERTING = frozenset({
    "no", "not", "never", "nor", "neither", "without", "cannot", "t", "fail", "fails", "failed", "whether", "if",
    "unless", "once", "when", "may", "might", "could", "would", "should", "can", "potentially", "possibly", "likely",
    "perhaps", "hypothesize", "hypothesise", "hypothesized", "posit", "believe", "believed", "assume", "assumes",
    "assumed", "suggest", "suggests", "suggested", "claim", "claims", "claimed", "argue", "argues", "argued",
    "question", "questions",
})
# The paper's own report of its finding: what follows 'we show that' / 'our results demonstrate that' is asserted.
_OWN_FINDING = re.compile(r"\b(?:we|our (?:\w+ )?(?:results?|experiments?|analys[ie]s|findings?|evaluations?))\s(?:\w+ly\s)?"
                          r"(?:show|showed|shows|find|found|finds|demonstrate|demonstrated|demonstrates|observe|observed|"
                          r"reveal|revealed|reveals|confirm|confirmed|confirms|establish|established)\s(?:\w+\s)?that$")
_BREAK = re.compile(r"[,;:]$|^[-–—]+$")


def _tokens(sentence: str) -> list[tuple[str, bool]]:
    """The sentence's normal-form words, each with whether a clause break comes right before it."""
    out: list[tuple[str, bool]] = []
    after_break = True
    for raw in sentence.split():
        words = normalize(raw).split()
        for k, w in enumerate(words):
            out.append((w, after_break and k == 0))
        after_break = bool(_BREAK.search(raw)) or (not words and after_break)
    return out


def quoted_sentence(claim: str, sentences: list[str]) -> int:
    """Index of the sentence the claim quotes whole, or as an asserted span of at least MIN_WORDS words; -1 if none."""
    want = normalize(claim).split()
    if len(want) < MIN_WORDS:
        return -1
    for i, sentence in enumerate(sentences):
        toks = _tokens(sentence)
        words = [w for w, _ in toks]
        for start in range(len(words) - len(want) + 1):
            if words[start : start + len(want)] != want:
                continue
            if start == 0 or ((toks[start][1] or _OWN_FINDING.search(" ".join(words[:start])))
                              and not _UNASSERTING & set(words[:start])):
                return i
    return -1


def quoted_verdict(claim: str, analysis: Analysis, items: list[EvidenceSentence], reasons: list[str],
                   score: float) -> tuple[str, float]:
    """The verdict on a claim quoting `items[analysis.quoted]`, read by the offline checker after its background
    rule: SUPPORTED, unless an attributed quote ('The paper finds that ...') restates the abstract's opening context
    as the paper's finding (`background.restated_context`)."""
    q = items[analysis.quoted]
    if (ctx := restated_context(claim, items)) >= 0:
        reasons.append(f"rule: the claim restates sentence {items[ctx].index} of {items[ctx].key}, the abstract's "
                       "context, as the paper's finding")
        return ("CONTRADICTED" if rejects_reported_view([x.text for x in items], ctx) else "UNSUPPORTED"), min(score, 0.1)
    reasons.append(f"guard: the claim quotes sentence {q.index} of {q.key} word for word; cues read off other "
                   "sentences, or a number printed two ways, do not contradict it")
    analysis.contradiction_sentences = []
    return "SUPPORTED", max(score, 0.9)
