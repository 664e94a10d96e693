"""A reader's check of the offline survey's prose: what a researcher objects to that the anaphor share misses.

    python -m evals.survey_read DIR [DIR ...]        # every report.json under each DIR (survey_keep's runs)

Counted over the theme sections of every report (not the overview's aside, not Open problems), written from how a
survey section reads, not from the writer's rules:
- headless sections: the section does not open with its count of papers ('Six papers fall under this theme ...'),
  because the lead was dropped, so it opens with what follows it ('They differ in ...', a quote);
- count-only leads: a section of two or more papers whose lead is the count and nothing else: no method named, no
  kind of contribution, nothing shared, nothing that separates them;
- mid-thought openers: a paper's first quote in the report goes on from a sentence the reader never saw ('The authors
  then introduce ...', '... to solve this issue', 'Building on this insight, ...');
- appraisals: a quote that only praises the work ('... offers valuable insights', 'paves the way', 'eager to release').
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from pydantic import BaseModel, Field

_NUMBER = (r"(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|Fifteen|Sixteen|"
           r"Seventeen|Eighteen|Nineteen|Twenty|\d+)")
_COUNT = re.compile(rf"^{_NUMBER} papers? falls? under this theme\b")
_COUNT_ONLY = re.compile(rf"^(?!One\b){_NUMBER} papers fall under this theme\.$")
# The quote goes on from an unseen sentence: an adverb of sequence after its subject, or a demonstrative noun phrase
# naming something said before ('this issue', 'these insights') in its first clause.
_SEQUENCE = re.compile(r"^(?:The authors|They|Their \w+|The paper|[A-Z][\w-]*)(?: of [^,]{1,60}?)? (?:then|further|"
                       r"also|additionally|subsequently|next|finally|again|likewise|similarly)\b")
_SAID_BEFORE = re.compile(r"\b(?:this|these|such|the above|the aforementioned) (?:issues?|problems?|limitations?|"
                          r"gaps?|insights?|observations?|findings?|phenomen(?:on|a)|challenges?|shortcomings?|"
                          r"questions?|results?|idea|ends?|goals?|motivation|analysis|bottlenecks?|"
                          r"deficienc(?:y|ies)|drawbacks?|concerns?)\b", re.IGNORECASE)
_APPRAISAL = re.compile(r"\b(?:valuable|crucial|new|important|novel|deep(?:er)?) (?:insights?|guidance|perspectives?)\b|"
                        r"\bpaves? the way\b|\bsheds? (?:new )?light\b|\bdeepen\w* (?:the|our) understanding\b|"
                        r"\beager to\b|\bserves? as a (?:roadmap|foundation|valuable)\b|\bopens? (?:up )?new avenues\b|"
                        r"\binspire\w* (?:the development|future)\b|\bhope (?:that|this|our)\b", re.IGNORECASE)
NOT_THEMES = ("Papers outside the themes", "Open problems")


class ReadShape(BaseModel):
    reports: int = 0
    sections: int = 0
    headless: int = 0
    count_only: int = 0
    multi: int = 0  # sections of two or more papers
    first_quotes: int = 0
    mid_thought: int = 0
    appraisals: int = 0
    cited: int = 0
    examples: dict[str, list[str]] = Field(default_factory=dict)

    def note(self, kind: str, text: str) -> None:
        self.examples.setdefault(kind, []).append(text[:150])


def mid_thought(text: str) -> bool:
    """The quote, as printed, continues a sentence the reader has not seen."""
    first_clause = re.split(r"[,;:]", text, maxsplit=1)[0] if not text.lower().startswith(("to ", "building on",
                                                                                            "based on")) else text
    return bool(_SEQUENCE.match(text) or _SAID_BEFORE.search(first_clause)
                or re.match(r"^(?:To (?:address|solve|tackle|overcome|mitigate|remedy|fill) (?:this|these|it|them)|"
                            r"(?:Building on|Based on|Using|With|Through|From|Given) (?:this|these|those|such)|"
                            r"In (?:this|that) (?:way|case|setting)|The resulting)\b|^Here,", text)
                or re.search(r"\b(?:subsequently|thereafter|afterwards)\b", first_clause, re.IGNORECASE))


def read_report(report: object, shape: ReadShape) -> None:
    from reviewer.survey.types import SurveyReport

    assert isinstance(report, SurveyReport)
    shape.reports += 1
    seen: set[str] = set()
    for section in report.sections:
        sentences = [s for p in section.paragraphs for s in p.sentences]
        # A theme's lead (its first paragraph, opening with the count) cites papers in its comparisons; a paper's
        # first quote is the first sentence quoted from its abstract after that.
        lead = section.paragraphs[0].sentences if section.paragraphs and len(section.paragraphs) > 1 and \
            section.paragraphs[0].sentences and _COUNT.match(section.paragraphs[0].sentences[0].text) else []
        for s in sentences:
            if any(s is x for x in lead):
                continue
            if not s.keys:
                continue
            shape.cited += 1
            if _APPRAISAL.search(s.text):
                shape.appraisals += 1
                shape.note("appraisal", s.text)
            fresh = [k for k in s.keys if k not in seen]
            if len(s.keys) == 1 and fresh and section.title != "Open problems":
                shape.first_quotes += 1
                if mid_thought(s.text):
                    shape.mid_thought += 1
                    shape.note("mid-thought", s.text)
            seen.update(s.keys)
        if section.title in NOT_THEMES or not sentences:
            continue
        shape.sections += 1
        if not _COUNT.match(sentences[0].text):
            shape.headless += 1
            shape.note("headless", f"{section.title}: {sentences[0].text}")
            continue
        n_papers = len({k for s in sentences for k in s.keys})
        if n_papers >= 2:
            shape.multi += 1
            lead_rest = sentences[1] if len(sentences) > 1 else None
            # The lead goes on with a cited comparison or an uncited framing sentence ('They differ ...').
            said_more = lead_rest is not None and (not lead_rest.keys or " are both evaluated on " in lead_rest.text
                                                   or " are all evaluated on " in lead_rest.text)
            if _COUNT_ONLY.match(sentences[0].text) and not said_more:
                shape.count_only += 1
                shape.note("count-only", section.title)


def summary(shape: ReadShape) -> str:
    return (f"reports {shape.reports}; theme sections {shape.sections}: headless {shape.headless}, count-only leads "
            f"{shape.count_only} of {shape.multi} with two or more papers; papers' first quotes {shape.first_quotes}: "
            f"mid-thought {shape.mid_thought}; appraisals {shape.appraisals} of {shape.cited} cited sentences outside the leads")


def main(argv: list[str]) -> None:
    from reviewer.survey.types import SurveyReport

    show = "--list" in argv
    for where in [Path(a) for a in argv if a != "--list"]:
        shape = ReadShape()
        for path in sorted(where.rglob("report.json")):
            read_report(SurveyReport.model_validate_json(path.read_text(encoding="utf-8")), shape)
        print(f"== {where}: {summary(shape)}")
        for kind, texts in shape.examples.items() if show else []:
            for text in texts:
                print(f"   {kind}: {text}")


if __name__ == "__main__":
    main(sys.argv[1:])
