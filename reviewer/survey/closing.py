"""The conclusion's recap: facts about the survey's own shape that a reader wants at its end.

A conclusion that only lists the theme titles again tells the reader nothing the overview did not. These
sentences say where the weight of the literature lies (the largest theme and how many papers fit no theme)
and which methods the papers name (the table's method cells, in the order the sections discuss them). They
are counts and names taken from the report itself, so they state nothing about the literature that a cited
sentence does not already say.
"""

from __future__ import annotations

from collections.abc import Callable

from reviewer.survey.types import SurveyReport

MAX_METHODS = 6


def recap(report: SurveyReport, aside_title: str, closing_title: str, escape_md: Callable[[str], str]) -> str:
    """'The largest theme is “B” (four papers); five more papers fit no theme ... The methods the papers name
    include A, B and C.' The aside (papers no theme fits) and the closing open-problems section are no themes."""
    from reviewer.survey.synthesis import count_word, listing

    aside = {k for s in report.sections if s.title == aside_title for k in s.cited_keys}
    themes = [s for s in report.sections if s.title not in (aside_title, closing_title) and s.cited_keys]
    themed = {k for s in themes for k in s.cited_keys}
    parts: list[str] = []
    sizes = sorted((len(s.cited_keys) for s in themes), reverse=True)
    if len(themes) >= 2 and sizes[0] > sizes[1]:
        top = next(s for s in themes if len(s.cited_keys) == sizes[0])
        parts.append(f"The largest theme is “{escape_md(top.title)}” ({count_word(sizes[0])} papers)")
    loose = len(aside - themed)
    if loose:
        parts.append(f"{count_word(loose)} more paper{'s' if loose != 1 else ''} on the topic "
                     f"fit{'s' if loose == 1 else ''} no theme and {'are' if loose != 1 else 'is'} quoted in the "
                     f"overview")
    text = ""
    if parts:
        joined = "; ".join(parts)
        text = joined[:1].upper() + joined[1:] + "."
    rows = {r.key: r.method.text.strip() for r in report.table if r.method.text.strip()}
    order = [k for s in themes for k in s.cited_keys] + sorted(aside - themed)
    names = list(dict.fromkeys(rows[k] for k in order if k in rows))
    if len(names) >= 2:
        shown = [escape_md(n[:1].upper() + n[1:]) for n in names[:MAX_METHODS]]
        verb = "are" if len(names) <= MAX_METHODS else "include"
        text += f" The methods and resources the papers name {verb} {listing(shown)}."
    return text.strip()
