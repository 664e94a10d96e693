"""Whether an abstract sentence can be quoted alone under "Open problems" as a problem the paper leaves open.

The Open problems section quotes one sentence per paper with nothing around it, so three kinds of sentence read
wrongly there although they use a problem's words:
- one that points back to what the abstract said before it ('So CoT monitoring can expose *these behaviors* but is
  unreliable', 'We hypothesize that *this brittleness* stems ...', 'We refer to *this* as under-adaptivity'): a
  demonstrative early in the sentence whose noun the sentence has not named, or a leading 'So/Thus/Hence';
- the gap that motivates the paper, stated before it says what it contributes ('However, RL is not only expensive
  but also unstable. ... In this work, we demonstrate that ...'): the problem the paper solves, not one it leaves;
- the paper's summary of its own contribution ('This work shows how ...', 'Our results shed light on ...',
  'Overall, our work advances ...'): a claim of what it offers, whatever cost or trade-off it mentions.
"""

from __future__ import annotations

import re

from reviewer.roles import Role

# Within this many words of the sentence's start, a demonstrative has no antecedent in the sentence itself.
EARLY_WORDS = 12
_CONSEQUENCE = re.compile(r"^(?:So|Thus|Hence|Therefore|Consequently|Accordingly|As a result)\b,?\s", re.IGNORECASE)
# ('such as X', 'such a X' introduce their own noun, not a pointer back.)
_DEMONSTRATIVE = re.compile(r"\b(?:this|these|those|such(?!\s+(?:as|an?)\b))\b(?:\s+([a-z][\w-]*))?", re.IGNORECASE)
_SELF = {"paper", "work", "study", "article", "report", "survey", "letter"}
_NOT_NOUN = {"as", "is", "was", "are", "were", "has", "have", "can", "will", "to", "that", "and", "or", "in", "of",
             "a", "an", "the"}
# 'In this work, we demonstrate ...', 'We propose ...': where the paper starts saying what it contributes.
_CONTRIBUTES = re.compile(r"\b(?:in (?:this|the present|our) (?:paper|work|study)|(?:this|our) (?:paper|work|study) "
                          r"(?:propose|introduce|present|show|demonstrate)s?|we (?:\w+ly )?(?:propose|introduce|present|"
                          r"develop|design|demonstrate|show|find|build|construct|release|study|investigate|examine|"
                          r"analy[sz]e|conduct|evaluate))\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
_SUMMARY = re.compile(r"^(?:\w+,\s+)?(?:our|this|the present) (?:work|paper|study|results?|findings|observations|"
                      r"analys[ie]s)\s+(?:\w+ly\s+)?(?:advances?|offers?|provides?|sheds? light|shows? how|paves?|opens?|"
                      r"contributes?|highlights? how|demonstrates? how|lays?|informs?)\b", re.IGNORECASE)


def points_back(sentence: str) -> bool:
    """A leading 'So/Thus', or an early demonstrative ('these behaviors', bare 'this') whose noun the sentence has
    not already named, so its antecedent is in the sentence before."""
    text = sentence.strip()
    if _CONSEQUENCE.match(text):
        return True
    for m in _DEMONSTRATIVE.finditer(text):
        before = text[:m.start()]
        if len(before.split()) >= EARLY_WORDS:
            break
        noun = (m.group(1) or "").lower()
        if noun in _SELF:
            continue
        if not noun or noun in _NOT_NOUN:
            return True
        stem = noun[:5]
        if stem not in before.lower():
            return True
    return False


def motivating_gap(sentences: list[str], roles: list[Role], i: int) -> bool:
    """A limitation, in no first person, stated before the paper first says what it contributes."""
    if _FIRST_PERSON.search(sentences[i]):
        return False
    first = next((j for j, s in enumerate(sentences) if _CONTRIBUTES.search(s)), None)
    return first is not None and i < first and roles[i] != Role.RESULT


def own_summary(sentence: str) -> bool:
    """The paper's summary of what its own work offers ('This work shows how ...')."""
    return bool(_SUMMARY.match(sentence.strip()))


def quotable_problem(sentences: list[str], roles: list[Role], i: int) -> bool:
    """Sentence i can stand alone as a problem the paper leaves open (see the module docstring)."""
    text = sentences[i]
    return not (points_back(text) or motivating_gap(sentences, roles, i) or own_summary(text))
