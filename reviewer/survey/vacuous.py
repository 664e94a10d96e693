"""Sentences a reader of a survey skips: appraisals that say nothing about the paper, and continuations that
only make sense after a sentence the survey does not quote.

An abstract often closes with an appraisal of itself ('Our work provides crucial insights for developing more
reliable judges', 'We believe this paves the way for ...', 'We have open-sourced the code to encourage further
research'): true, checkable, and empty, since it names no method, result or finding. Quoted in a survey section
it takes the place of a sentence that says what the paper found. A sentence that goes on from an earlier one
('We further show ...', 'We then derive ...', 'Further experiments demonstrate ...') reads as a non sequitur
when it is the first thing the survey says about a paper.
"""

from __future__ import annotations

import re

# The subject: the paper, its findings or its method, the authors, or a pronoun for one of them; an opening
# phrase before it is allowed ('By shedding light on these mechanisms, this study offers valuable guidance').
_SUBJECT = (r"^(?:[^,;]{0,80},\s+)?(?:(?:this|the|our|these|their|such|overall,? (?:our|the)) (?:[\w'-]+ ){0,3}?"
            r"(?:work|paper|study|findings?|results?|framework|approach|method|analys[ie]s|observations?|insights?|"
            r"contributions?|benchmark|dataset|survey|experiments?|investigation|evaluation|system|model)s?"
            # ... with what they come from ('The insights gained from our analyses not only deepen ...')
            r"(?: (?:gained|obtained|drawn|derived|learned|learnt) (?:from|through|in) [^,;]{1,60}?)?|we|it|they)"
            r"\s+(?:(?:also|further|thus|therefore|hence|together|collectively|ultimately|thereby|can|may|could|"
            r"will|would|should|might|have|has|not only|are|is)\s+)*")
# The predicate: an appraisal of the work's importance, a hope, or a release of code, with no claim of its own.
_APPRAISAL = (r"(?:provid(?:e|es|ed|ing)|giv(?:e|es|en|ing)|(?:offer|yield|deliver)(?:s|ed|ing)?) (?:[\w-]+ ){0,3}?(?:insights?|understanding|guidance|"
              r"perspectives?|foundation|roadmap|directions?|avenues?|implications|lessons)\b"
              r"|(?:represent|mark|constitute)s? (?:a |an )?(?:significant|important|major|crucial|key|promising|"
              r"first|meaningful) (?:step|advance\w*|milestone|contribution|progress)"
              r"|(?:highlight|underscore|emphasi[sz]e|stress|call)s? (?:for )?(?:[\w-]+ ){0,2}?(?:need|importance|"
              r"potential|promise|necessity|value)\b"
              r"|pave[sd]? the way|open(?:s|ed)? (?:up )?(?:new |promising )?(?:avenues|directions|possibilities|doors)"
              r"|sh[e]d(?:s|ding)? (?:new |some )?light on|serves? as (?:a |an )?(?:[\w-]+ ){0,2}?(?:roadmap|foundation|"
              r"guide|resource|reference)|(?:hope|believe|envision|anticipate)s?\b"
              r"|deepens? (?:the |our |their )?(?:[\w-]+ ){0,2}?understanding\b"
              r"|(?:eager|happy|glad|pleased) to (?:release|share|open-source)"
              r"|(?:open-sourced?|release[sd]?|made (?:\w+ )?(?:publicly )?available) (?:the |our |their |all )?(?:[\w-]+ ){0,2}?"
              r"(?:code|models?|weights|data|datasets?|checkpoints|implementation)s?\b(?=[^.]*?(?:https?://|github|huggingface|"
              r"\bto (?:encourage|facilitate|foster|support|enable|promote|spur|advance)|\bfor (?:future|further)))")
_SAYS_NOTHING = re.compile(_SUBJECT + r"(?:" + _APPRAISAL + r")", re.IGNORECASE)
# ... unless the sentence goes on to say something: a finding ('..., suggesting that it is an over-simplification')
# or a method ('we highlight the necessity of process guidance and propose an automated corrector').
_CONTENT = re.compile(r"\b(?:suggesting|showing|demonstrating|indicating|revealing|confirming|finding) that\b"
                      r"|\b(?:and|then) (?:propose|introduce|present|develop|design|show|find|demonstrate)\b", re.IGNORECASE)

_CONTINUES = re.compile(
    r"^(?:[^,;]{0,60},\s+)?(?:we|they|the authors)\s+(?:further|then|also|additionally|next|subsequently|finally|"
    r"furthermore|moreover|likewise|similarly)\b"
    r"|^(?:further|additional|more|subsequent) (?:analys[ie]s|experiments?|results?|evaluations?|investigations?|"
    r"studies|ablations?|findings)\b",
    re.IGNORECASE,
)


def says_nothing(sentence: str) -> bool:
    """The sentence only appraises the work (its insights, its importance, the authors' hope, a code release)."""
    return bool(_SAYS_NOTHING.match(sentence.strip())) and not _CONTENT.search(sentence)


def continues(sentence: str) -> bool:
    """The sentence goes on from an earlier one ('We further show', 'Further experiments demonstrate')."""
    return bool(_CONTINUES.match(sentence.strip()))


# A sequence adverb early in the sentence ('The preference data are subsequently used to ...', 'Using it, we then
# ...'): the sentence is a later step of something the abstract said just before.
_LATER_STEP = re.compile(r"^(?P<before>(?:[\w'()-]+[ ,]+){0,7}?)(?:subsequently|then|thereafter|afterwards)\b(?! on\b)",
                         re.IGNORECASE)
# 'Here, the listener re-evaluates ...', 'The resulting GRPO approach ...': the setting or the thing the sentence before
# built.
_RESULTING = re.compile(r"^(?:Here,|The resulting\b)")
# ... not the 'then' of a condition or of a clause inside the sentence ('if X, then Y', 'X, which then ...').
_INNER_CLAUSE = re.compile(r"\b(?:which|that|who|if|when|whenever|once|and|or)\b", re.IGNORECASE)


def later_step(sentence: str) -> bool:
    """The sentence goes on from an earlier one: `continues`, or a sequence adverb among its first words."""
    text = sentence.strip()
    m = _LATER_STEP.match(text)
    return continues(text) or bool(m and not _INNER_CLAUSE.search(m.group("before"))) or bool(_RESULTING.match(text))

