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

from reviewer.checker.ownname import own_name
from reviewer.models import Paper
from reviewer.textutil import normalize


def _parts(claim: str) -> tuple[list[str], str, bool] | None:
    """(the names, the pattern of what is said of them, whether it is read in the method sentences only), or None
    for another sentence."""
    from reviewer.survey.shared import PHRASES, pattern_of, phrase_pattern

    m = re.match(r"^(?P<names>[^;:]{1,200}?) (?:both|all) (?P<says>[^;:]{1,120}?)\.?$", claim.strip())
    if not m:
        return None
    names = [n.strip() for n in re.split(r",\s*|\s+and\s+", m.group("names")) if n.strip()]
    phrase = next((p for p in PHRASES if p.says == m.group("says")), None)
    if phrase is not None:
        pattern, in_methods = pattern_of(phrase.name), True
    elif m.group("says").startswith("concern "):  # a theme title's phrase the papers use
        pattern, in_methods = phrase_pattern(m.group("says").removeprefix("concern ")), False
    else:
        return None
    return (names, pattern, in_methods) if len(names) >= 2 else None


def shares(claim: str, papers: list[Paper]) -> str:
    """Why 'A and B both <fact>' holds of every cited paper, or '' when any part is not stated."""
    from reviewer.survey.families import own_method_text
    from reviewer.survey.shared import own_text, uses

    parts = _parts(claim)
    if parts is None or not papers:
        return ""
    names, pattern, in_methods = parts
    wanted = {normalize(n) for n in names}
    owns = [normalize(own_name(p.title, p.abstract)) for p in papers]
    if not all(o and o in wanted for o in owns):
        return ""  # a cited paper the claim does not name, or names by another paper's method
    if not wanted <= set(owns):
        return ""  # a name no cited paper owns: what the claim says of it is checked against nothing
    read = own_method_text if in_methods else own_text
    if not all(uses(pattern, read(p.title, p.abstract)) for p in papers):
        return ""
    return "rule: every cited paper is named by its own method, and its own title or method sentences use the shared fact"
