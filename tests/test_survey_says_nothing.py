"""What a survey reader skips: appraisals that say nothing, a paper opened mid-thought, an aside in one block.

Rules pinned on real seed abstracts (the `seed_papers` fixture); each test names the rule it guards.
"""

from __future__ import annotations

import re

from reviewer.models import EvidenceSentence, Paper
from reviewer.settings import Settings
from reviewer.survey.prose import is_anaphoric
from reviewer.survey.quotepick import pick_quotes
from reviewer.survey.sections import PAPERS_PER_PARAGRAPH, aside_section, offline_section
from reviewer.survey.synthesis import open_problem_quotes
from reviewer.survey.types import EvidenceResult, Outline, PaperEvidence, Section, StageInfo, TableRow
from reviewer.survey.vacuous import continues, says_nothing
from reviewer.textutil import split_sentences


def _evidence(paper: Paper, indices: list[int]) -> PaperEvidence:
    sentences = split_sentences(paper.abstract)
    return PaperEvidence(key=paper.key, paper_id=str(paper.id), relevance=1.0, row=TableRow(key=paper.key),
                         sentences=[EvidenceSentence(paper_id=str(paper.id), key=paper.key, index=i, text=sentences[i],
                                                     score=1.0 - n / 10) for n, i in enumerate(indices)])


def _sentence(paper: Paper, pattern: str) -> str:
    found = [s for s in split_sentences(paper.abstract) if re.search(pattern, s)]
    assert len(found) == 1, (paper.key, pattern, found)
    return found[0]


def test_appraisals_say_nothing_unless_a_finding_or_method_follows(seed_papers: dict[str, Paper]) -> None:
    """An appraisal of the work, a hope or a code release says nothing; one that goes on to a finding ('...,
    suggesting that ...') or a method ('... and propose ...'), or releases a contribution, says something."""
    empty = [(seed_papers["onetoken"], r"urgent need"), (seed_papers["assessingjudging"], r"crucial insights"),
             (seed_papers["maqa2024evaluating"], r"pave the way"), (seed_papers["scalingautonomous"], r"significant advancement"),
             (seed_papers["salmon2023self"], r"open-sourced the code")]
    full = [(seed_papers["revisiting2024superficial"], r"shed new light"), (seed_papers["gtrguided"], r"highlight the necessity"),
            (seed_papers["thoughtcrime"], r"We release three new datasets")]
    assert all(says_nothing(_sentence(p, pat)) for p, pat in empty)
    assert not any(says_nothing(_sentence(p, pat)) for p, pat in full)


def test_no_seed_paper_is_quoted_by_an_appraisal(seed_papers: dict[str, Paper], settings: Settings) -> None:
    """Over all seeds with an appraisal sentence: ranked first among the paper's quotable sentences, it is still not
    quoted when the paper has another sentence that stands alone and says something."""
    checked = 0
    for paper in seed_papers.values():
        sentences = split_sentences(paper.abstract)
        empty = [i for i, s in enumerate(sentences) if says_nothing(s)]
        picked = [e.index for e in pick_quotes(paper, {})[0] if e.index not in empty]
        if not empty or not any(not is_anaphoric(sentences[i]) for i in picked):
            continue
        result = EvidenceResult(info=StageInfo(stage="evidence"), papers=[_evidence(paper, empty[:1] + picked)])
        draft = offline_section(Section(title="T", scope="", keys=[paper.key]), result, seed_papers, settings)
        assert sentences[empty[0]].rstrip(". ")[-40:] not in draft.text, (paper.key, sentences[empty[0]])
        checked += 1
    assert checked >= 40


def test_open_problems_never_quote_a_hope(seed_papers: dict[str, Paper]) -> None:
    """MAQA's 'We believe our observations will pave the way for future work ...' names no open problem."""
    maqa = seed_papers["maqa2024evaluating"]
    quotes = open_problem_quotes([_evidence(maqa, [5, 6])], seed_papers)
    assert not any("pave the way" in q.text for q in quotes), [q.text for q in quotes]


def test_a_paper_is_not_opened_mid_thought(seed_papers: dict[str, Paper], settings: Settings) -> None:
    """Implicit PRM's best-ranked sentence is 'We further find that scaling up ...': the section opens the paper with
    another of its sentences, and a continuation that comes before that one in the abstract is not quoted."""
    free = seed_papers["freeprocess"]
    sentences = split_sentences(free.abstract)
    further = next(i for i, s in enumerate(sentences) if continues(s))
    assert sentences[further].startswith("We further find")
    later = next(i for i, s in enumerate(sentences) if s.startswith("Particularly, we find"))
    assert later > further  # an extra printed before the paper's first quote would hide the rule
    result = EvidenceResult(info=StageInfo(stage="evidence"), papers=[_evidence(free, [further, later])])
    draft = offline_section(Section(title="Implicit PRMs", scope="", keys=[free.key]), result, seed_papers, settings)
    quotes = [s for s in re.split(r"(?<=\]\.)\s+", draft.text) if "@freeprocess" in s]
    first = quotes[0].split("\n\n")[-1]
    assert "further" not in first.split(",")[0], first


def test_the_aside_is_written_in_paragraphs_of_a_few_papers(seed_papers: dict[str, Paper], settings: Settings) -> None:
    """Seven papers no theme fits are quoted in paragraphs of at most PAPERS_PER_PARAGRAPH papers, not one block."""
    keys = ["onetoken", "assessingjudging", "maqa2024evaluating", "scalingautonomous", "salmon2023self",
            "gtrguided", "freeprocess"]
    result = EvidenceResult(info=StageInfo(stage="evidence"),
                            papers=[_evidence(seed_papers[k], [1, 2]) for k in keys])
    drafts = aside_section(Outline(info=StageInfo(stage="outline"), sections=[], aside=keys), result, seed_papers,
                           settings)
    paragraphs = drafts[0].text.split("\n\n")
    assert len(paragraphs) >= 2
    for p in paragraphs:
        assert len(set(re.findall(r"@(\w+)", p))) <= PAPERS_PER_PARAGRAPH, p


def test_the_conclusion_says_where_the_weight_lies_and_names_the_methods(seed_papers: dict[str, Paper]) -> None:
    """The conclusion recaps the largest theme, the papers no theme fits, and the methods the papers name (from the
    table rows of real seed abstracts, in the order the sections discuss them), not only the theme titles again."""
    from reviewer.survey.report import conclusion
    from reviewer.survey.sections import ASIDE, OPEN_PROBLEMS
    from reviewer.survey.table import offline_row
    from reviewer.survey.types import (
        CheckedSection,
        Coverage,
        Paragraph,
        Sentence,
        SurveyOptions,
        SurveyReport,
    )

    def section(title: str, keys: list[str]) -> CheckedSection:
        return CheckedSection(title=title, scope="", paragraphs=[Paragraph(sentences=[Sentence(text="x", keys=[k])
                                                                                       for k in keys])])

    big, small, loose = ["mmprm", "prmnecessary", "alphamath2024almost"], ["zoureasonflux", "auroraautomated"], ["dreamprmdomain"]
    report = SurveyReport(topic="process reward models", options=SurveyOptions(topic="process reward models"),
                          sections=[section("Process supervision with PRMs", big), section("PRMs for long CoT", small),
                                    section(ASIDE, loose), section(OPEN_PROBLEMS, ["prmnecessary"])],
                          table=[offline_row(seed_papers[k]) for k in big + small + loose], bibliography=[],
                          coverage=Coverage(queries=["q"], retrieved=6), stages=[])
    text = " ".join(conclusion(report))
    assert "The largest theme is “Process supervision with PRMs” (three papers)" in text, text
    assert "one more paper on the topic fits no theme and is quoted in the overview" in text.lower(), text
    names = [r.method.text for r in report.table if r.method.text]
    assert len(names) >= 4 and all(n in text for n in names[:4]), (names, text)
    assert text.index(names[0]) < text.index(names[-1])


def test_a_later_this_paper_sentence_names_the_paper_not_a_pronoun(seed_papers: dict[str, Paper]) -> None:
    """UnifiedReward-Think's 'To this end, this paper proposes ...' quoted after the paper's first quote read 'Their
    paper proposes ...' (a pronoun opener); it reads 'The paper proposes ...'."""
    from reviewer.survey.prose import third_person

    paper = seed_papers["unifiedmultimodal"]
    sentence = _sentence(paper, r"this paper proposes UnifiedReward-Think")
    later = third_person(sentence, paper, name_first=False)
    assert later.startswith("The paper proposes UnifiedReward-Think"), later


def test_appraisals_with_a_derived_subject_or_an_eagerness_to_release(seed_papers: dict[str, Paper]) -> None:
    """'The insights gained from our analyses not only deepen the understanding of PO methods but also inspire ...'
    and 'we are eager to release technical reports, reward models and PPO codes' appraise the work; the same
    predicates that go on to a finding do not."""
    deepen = _sentence(seed_papers["wangpreference"], r"^The insights gained from our analyses")
    eager = _sentence(seed_papers["secrets2023rlhf"], r"eager to release")
    assert says_nothing(deepen) and says_nothing(eager)
    assert not says_nothing("The insights gained from our analyses deepen the understanding of DPO, showing that "
                            "it follows stable targets.")
    assert not says_nothing("The insights gained from our analyses reveal that PPO follows dynamic targets.")
