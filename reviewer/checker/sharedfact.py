"""'A and B both use reinforcement learning': the survey lead's shared-fact sentence, checked paper by paper.

The lead says of two or more named papers that they share a technique family or a setting (`survey/shared.py`).
The words of the family are spread over each abstract ('we optimize the policy with GRPO'), so no one sentence is
close to the claim and the combiner may call it UNSUPPORTED. It is SUPPORTED when its parts are: every cited paper is
named in the claim by its own method's name (`ownname.own_name`), every name is a cited paper's, and each cited
paper's own text -- its title, objective and method sentences, never its background -- uses the family's or the
setting's words as something it has, not what it does without, read by the same pattern as the writer
(`shared.uses`).
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from reviewer.checker.ownname import own_name
from reviewer.models import Paper
from reviewer.textutil import normalize

# 'The two papers', 'All three papers', 'Two of the three papers': the papers the sentence cites, counted rather than named.
_COUNTED = re.compile(r"^(?:(?:Both|The two) papers|All (?P<all>\w+) papers|(?P<some>[A-Z][a-z]+|\d+) of the \w+ papers)$")


class _Parts(BaseModel):
    names: list[str]  # empty when the papers are counted, not named
    count: int  # how many papers a counted subject says, else 0
    pattern: str
    in_methods: bool  # read in the title and method sentences only (a family or setting), else the own text


def _parts(claim: str) -> _Parts | None:
    """What the claim says of whom, or None for another sentence."""
    from reviewer.survey.shared import PHRASES, pattern_of, phrase_pattern
    from reviewer.survey.synthesis import count_word

    m = re.match(r"^(?P<who>[^;:]{1,200}?) (?:both |all )?(?P<says>(?:use|learn|rely|steer|concern)\b[^;:]{1,120}?)"
                 r"\.?$", claim.strip())
    if not m:
        return None
    phrase = next((p for p in PHRASES if p.says == m.group("says")), None)
    if phrase is not None:
        pattern, in_methods = pattern_of(phrase.name), True
    elif m.group("says").startswith("concern "):  # a theme title's phrase the papers use
        pattern, in_methods = phrase_pattern(m.group("says").removeprefix("concern ")), False
    else:
        return None
    who = m.group("who")
    if counted := _COUNTED.match(who):
        word = counted.group("all") or counted.group("some") or "two"
        count = next((n for n in range(2, 100) if count_word(n) == word.lower()), 0)
        return _Parts(names=[], count=count, pattern=pattern, in_methods=in_methods) if count >= 2 else None
    if not re.search(r" (?:both|all) " + re.escape(m.group("says")), claim):
        return None
    names = [n.strip() for n in re.split(r",\s*|\s+and\s+", who) if n.strip()]
    return _Parts(names=names, count=0, pattern=pattern, in_methods=in_methods) if len(names) >= 2 else None


def holds_for(claim: str, paper: Paper) -> bool:
    """The part of a shared-fact claim about PAPER holds: its own text uses the fact (names and counts aside), so a
    survey keeps the citation when it reads the claim one paper at a time."""
    parts = _parts(claim)
    return parts is not None and _uses(parts, paper)


def _uses(parts: _Parts, paper: Paper) -> bool:
    from reviewer.survey.families import own_method_text
    from reviewer.survey.shared import own_text, uses

    read = own_method_text if parts.in_methods else own_text
    return uses(parts.pattern, read(paper.title, paper.abstract))


def shares(claim: str, papers: list[Paper]) -> str:
    """Why 'A and B both <fact>' or 'Two of the three papers <fact>' holds of the cited papers, or '' when any part is not
    stated: the named or counted papers are exactly the cited ones, and each one's own text uses the fact."""
    parts = _parts(claim)
    if parts is None or not papers:
        return ""
    if parts.count:
        if parts.count != len(papers):
            return ""  # 'Two of the three papers' cited to one paper: the other is checked against nothing
    else:
        wanted = {normalize(n) for n in parts.names}
        owns = [normalize(own_name(p.title, p.abstract)) for p in papers]
        if not all(o and o in wanted for o in owns):
            return ""  # a cited paper the claim does not name, or names by another paper's method
        if not wanted <= set(owns):
            return ""  # a name no cited paper owns: what the claim says of it is checked against nothing
    if not all(_uses(parts, p) for p in papers):
        return ""
    return "rule: the cited papers are the ones the claim names or counts, and each one's own text uses the shared fact"
