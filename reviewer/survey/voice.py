"""A table cell in the survey's voice, not the paper's: 'Our method achieves 77% ...' -> 'DRPO achieves 77% ...'.

A comparison table lists many papers side by side; 'our' and 'we' in a cell point at nobody the reader can see
(whose method? the survey's?). The cell keeps the abstract's words and only changes who is speaking: the
paper's own method by its name where the row has one, 'the' for any other thing the paper calls its own, and a
leading 'We achieve / obtain / observe ...' drops to what was achieved or observed.
"""

from __future__ import annotations

import re

# 'our (proposed) method', 'Our lightweight approach': the paper's own method, by a generic noun.
_OUR_METHOD = re.compile(r"\b[Oo]ur\s+(?:proposed\s+)?(?:[a-z][\w-]*\s+){0,2}?"
                         r"(?:method|approach|framework|algorithm|model|system|technique|pipeline)\b(?!-)")
# 'Our SophiaVL-R1-7B', 'our EconProver': a name follows, which needs no determiner ('the RAP method' keeps one).
_OUR_NAME = re.compile(r"\b[Oo]ur\s+(?=[A-Z][\w-]*[A-Z0-9][\w-]*\s+(?!(?:method|approach|framework|algorithm|model|"
                       r"system|dataset|technique|pipeline|strategy)s?\b))")
_OUR = re.compile(r"\b([Oo])ur\b")
# 'We achieve X', 'We obtain up to 5% improvement', 'We notice 22--25% entropy reduction': the object is the result.
_WE_LEAD = re.compile(r"^We\s+(?:are able to\s+|can\s+)?(?:achieve|obtain|observe|notice|see|attain|reach|report)d?\s+",
                      re.IGNORECASE)
_WE = re.compile(r"\b[Ww]e\b")


def impersonal(cell: str, name: str = "") -> str:
    """The cell without 'we' or 'our' (see the module docstring); '' when the paper's voice cannot be removed."""
    if not cell:
        return cell
    text = _WE_LEAD.sub("", cell)
    if text is not cell and text:
        text = text[:1].upper() + text[1:] if not text[:1].isdigit() else text
    if name and name not in text:
        text = _OUR_METHOD.sub(name, text, count=1)
    text = _OUR_NAME.sub("", text)
    text = _OUR.sub(lambda m: "The" if m.group(1) == "O" else "the", text)
    if _WE.search(text):
        text = _WE.sub(lambda m: "The authors" if m.group(0) == "We" else "the authors", text)
    return text[:1].upper() + text[1:] if text[:1].islower() and not re.match(r"[a-z]+[A-Z]", text) else text
