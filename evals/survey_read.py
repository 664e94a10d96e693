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
- appraisals: a quote that only praises the work ('... offers valuable insights', 'paves the way', 'eager to release');
- unintroduced referents: a paper's first quote speaks of a thing of the paper the reader has not met: 'their
  method', 'the authors' framework', 'the resulting chain' or 'these points' with nothing before it, or a name the
  abstract coins elsewhere ('(DCS)', 'R^3, a ...') that neither the quote, the paper's title nor an earlier sentence
  of the report citing the paper has given (counted when the abstracts are passed).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from pydantic import BaseModel, Field

from reviewer.survey.referent import COINED_NAME

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
# A thing of the paper's own, named by what it is, not what it is called: 'their method', 'the authors' framework',
# 'the proposed algorithm', 'the resulting chain'.
_OWN_NOUN = (r"(?:method|approach|framework|model|system|algorithm|protocol|technique|pipeline|mechanism|chain|strategy|"
             r"dataset|benchmark|corpus|objective|loss|metric|procedure|paradigm|recipe)")
_OWN_THING = re.compile(rf"\b(?:(?:their|the authors'|the proposed|the resulting)(?: [\w-]+){{0,3}}? {_OWN_NOUN}(?![\w-])|"
                        rf"(?:this|these|those|such)(?: [\w-]+){{0,2}} (?:{_OWN_NOUN}s?|points?|weakness(?:es)?|variants?|"
                        rf"designs?|process(?:es)?|inequalities|properties|behaviou?rs?|issues?|problems?|limitations?|"
                        rf"findings?|observations?|insights?|phenomen(?:on|a)|challenges?)(?![\w-]))", re.IGNORECASE)
# ... unless the sentence introduces it itself ('the authors propose a framework ...', 'their method, X, ...').
_INTRODUCES = re.compile(r"\b(?:propos|introduc|present|develop|design|call|nam|buil|construct|formulat|devis)\w*\b",
                         re.IGNORECASE)


class ReadShape(BaseModel):
    reports: int = 0
    sections: int = 0
    headless: int = 0
    count_only: int = 0
    multi: int = 0  # sections of two or more papers
    first_quotes: int = 0
    mid_thought: int = 0
    appraisals: int = 0
    unintroduced: int = 0
    unshared: int = 0  # leads of two or more papers that say nothing the papers have in common
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


def shared(text: str, keys: list[str]) -> bool:
    """A lead sentence says something of two or more of the section's papers together: cited to several, or 'both',
    'all three', 'each of them', 'share', 'in common' (not the count's 'the methods they propose include ...')."""
    return len(keys) >= 2 or bool(re.search(r"\b(?:both|all (?:of them|two|three|four|five|six|seven|eight|nine|ten|\d+)|"
                                            r"each of them|share|in common)\b", text, re.IGNORECASE))


def coined(name: str, abstract: str) -> bool:
    """The abstract gives NAME as its own coinage: 'we propose NAME', 'called NAME', 'NAME, a novel ...', or '(NAME)'
    in a sentence that proposes or introduces something (not 'large language models (LLMs)')."""
    n = re.escape(name)
    verb = r"\b(?:call|name|dubb|term|propos|introduc|present|develop|design|construct|buil)\w*"
    for sentence in re.split(r"(?<=[.!?])\s+", abstract):
        # '(NAME)' after a capitalised long form ('Distributional Correctness Score (DCS)'), not after a common noun
        # ('large language models (LLMs)').
        if re.search(rf"{verb} (?:[\w-]+ ){{0,3}}?{n}(?![\w-])|(?<![\w-]){n}, (?:a|an)\b", sentence, re.IGNORECASE) \
                or (re.search(rf"(?:[A-Z][\w-]*\s+){{2,}}\({n}\)|(?<![\w-]){n} \([A-Z]", sentence)
                    and re.search(verb + r"|\b(?:we|our)\b", sentence, re.IGNORECASE)):
            return True
    return False


def unintroduced(text: str, said: str, title: str, abstract: str = "") -> bool:
    """A paper's first quote TEXT speaks of the paper's own thing the reader has not met (see the module docstring);
    SAID is what the report said of the paper before (its lead), TITLE the paper's title."""
    m = _OWN_THING.search(text)
    if m and not _INTRODUCES.search(text[:m.start()]) and not re.match(r"\s*(?:,\s*[`'\"]*[A-Z]|\([A-Z])", text[m.end():]) \
            and not re.match(r"(?i)(?:this|these|those|such) (?:paper|work|study|survey|article)", m.group(0)):
        noun = m.group(0).split()[-1].lower()[:5]
        if noun not in text[:m.start()].lower():
            return True
    for name in COINED_NAME.findall(text) if abstract else []:
        defined_here = re.search(rf"\({re.escape(name)}\)|(?<![\w-]){re.escape(name)} \(", text)
        if name in title or name in said or defined_here or not coined(name, abstract) or coined(name, text):
            continue
        return True
    return False


def read_report(report: object, shape: ReadShape, abstracts: dict[str, str] | None = None) -> None:
    from reviewer.survey.types import SurveyReport

    assert isinstance(report, SurveyReport)
    shape.reports += 1
    seen: set[str] = set()
    said: dict[str, str] = {"": ""}  # what the report said of each paper so far ("": of any paper, the leads too)
    titles = {b.key: b.title for b in report.bibliography}
    for section in report.sections:
        sentences = [s for p in section.paragraphs for s in p.sentences]
        # A theme's lead (its first paragraph, opening with the count) cites papers in its comparisons; a paper's
        # first quote is the first sentence quoted from its abstract after that.
        lead = section.paragraphs[0].sentences if section.paragraphs and len(section.paragraphs) > 1 and \
            section.paragraphs[0].sentences and _COUNT.match(section.paragraphs[0].sentences[0].text) else []
        for s in sentences:
            if any(s is x for x in lead):
                for k in s.keys:
                    said[k] = said.get(k, "") + " " + s.text
                said[""] += " " + s.text
                continue
            if not s.keys:
                said[""] += " " + s.text
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
                key = s.keys[0]
                if unintroduced(s.text, said.get(key, "") + said[""], titles.get(key, ""), (abstracts or {}).get(key, "")):
                    shape.unintroduced += 1
                    shape.note("unintroduced", s.text)
            seen.update(s.keys)
            for k in s.keys:
                said[k] = said.get(k, "") + " " + s.text
            said[""] += " " + s.text
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
            if not any(shared(s.text, s.keys) for s in (lead or sentences[:1])):
                shape.unshared += 1
                shape.note("unshared", f"{section.title}: {' '.join(s.text for s in (lead or sentences[:1]))}")


def summary(shape: ReadShape) -> str:
    return (f"reports {shape.reports}; theme sections {shape.sections}: headless {shape.headless}, count-only leads "
            f"{shape.count_only} and leads sharing nothing {shape.unshared} of {shape.multi} with two or more papers; papers' first quotes {shape.first_quotes}: "
            f"mid-thought {shape.mid_thought}, unintroduced referents {shape.unintroduced}; appraisals {shape.appraisals} of {shape.cited} cited sentences outside the leads")


def main(argv: list[str]) -> None:
    from reviewer.catalog import Catalog
    from reviewer.settings import Settings
    from reviewer.survey.types import SurveyReport

    with Catalog(Settings().catalog_path) as catalog:
        abstracts = {p.key: p.abstract for p in catalog.iter_papers()}
    show = "--list" in argv
    for where in [Path(a) for a in argv if a != "--list"]:
        shape = ReadShape()
        # survey_keep's run directories, or the reports `reviewer survey --json` printed (DIR/*.json, or one file)
        for path in (sorted(where.rglob("report.json")) or sorted(where.glob("*.json"))) if where.is_dir() else [where]:
            read_report(SurveyReport.model_validate_json(path.read_text(encoding="utf-8")), shape, abstracts)
        print(f"== {where}: {summary(shape)}")
        for kind, texts in shape.examples.items() if show else []:
            for text in texts:
                print(f"   {kind}: {text}")


if __name__ == "__main__":
    main(sys.argv[1:])
