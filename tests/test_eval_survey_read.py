"""The survey eval's reader check (evals/survey_read.py): a section that opens without its count, a lead that is
the count alone, a paper's first quote that continues an unseen sentence, and appraisals are each counted."""

from __future__ import annotations

from evals.survey_read import ReadShape, mid_thought, read_report, shared, unintroduced
from reviewer.survey.types import CheckedSection, Coverage, Paragraph, Sentence, SurveyOptions, SurveyReport


def _report(sections: list[CheckedSection]) -> SurveyReport:
    return SurveyReport(topic="t", options=SurveyOptions(topic="t"), sections=sections, table=[], bibliography=[],
                        coverage=Coverage(queries=["q"], retrieved=4), stages=[])


def _section(title: str, *paragraphs: list[tuple[str, list[str]]]) -> CheckedSection:
    return CheckedSection(title=title, scope="S.", paragraphs=[
        Paragraph(sentences=[Sentence(text=t, keys=k) for t, k in p]) for p in paragraphs])


def test_reader_check_counts_each_defect_once() -> None:
    headless = _section("A", [("They differ in the problem each one targets.", []), ("X targets Y.", ["a"])],
                        [("The authors propose X.", ["a"]), ("The authors then introduce Z to solve this issue.", ["b"])])
    count_only = _section("B", [("Two papers fall under this theme.", [])],
                          [("The authors propose U.", ["c"]), ("The work offers valuable insights for practice.", ["d"])])
    named = _section("C", [("Two papers fall under this theme; the methods they propose are V and W.", [])],
                     [("The authors propose V.", ["e"]), ("The authors propose W.", ["f"])])
    aside = _section("Papers outside the themes", [("Two papers fall under this theme.", [])],
                     [("The authors propose Q.", ["g"]), ("The authors propose R.", ["h"])])
    shape = ReadShape()
    read_report(_report([headless, count_only, named, aside]), shape)
    assert (shape.sections, shape.headless, shape.count_only, shape.multi) == (3, 1, 1, 2)
    assert (shape.mid_thought, shape.appraisals) == (1, 1)
    assert shape.first_quotes == 8  # a..h, each once; 'a' in the lead and again in the prose is one paper


def test_mid_thought_openers() -> None:
    assert mid_thought("The authors then introduce an approach to solve this issue using constrained RL.")
    assert mid_thought("The preference data are subsequently used to boost helpfulness.")
    assert mid_thought("Here, the listener re-evaluates the chain-of-thought.")
    assert mid_thought("Using these leakage-free datasets, the authors show that only accurate rewards help.")
    assert not mid_thought("The authors propose Cooper, a framework that jointly optimizes the policy and the RM.")
    assert not mid_thought("To address the cost of labels, the authors train a verifier without step labels.")


def test_unintroduced_referents_in_first_quotes() -> None:
    """A first quote speaking of a thing the reader has not met: a name the abstract coins elsewhere, 'their method',
    'these reward models'; not once the report (or the quote itself, or the title) has given it."""
    abstract = ("Existing rewards are brittle. To mitigate it, we integrate inductive biases, resulting in a mixture of "
                "reward functions: Regularized Relevance Reward (R^3). R^3 significantly improves performance.")
    assert unintroduced("R^3 significantly improves performance.", "", "Preference-free Alignment", abstract)
    assert not unintroduced("R^3 significantly improves performance.", "The authors propose R^3 [@a].",
                            "Preference-free Alignment", abstract)
    assert not unintroduced("R^3 significantly improves performance.", "", "R^3: Relevance Rewards", abstract)
    assert not unintroduced("LLMs are popular.", "", "T", "We study large language models (LLMs) and propose a method. "
                            "LLMs are popular.")
    assert unintroduced("Experiments show that their method outperforms the baselines.", "", "T")
    assert unintroduced("The analysis shows that an LLM can game some of these reward models.", "", "T")
    assert not unintroduced("The authors propose a framework, and their framework is fast.", "", "T")
    assert not unintroduced("In this work, the authors study reward hacking.", "", "T")


def test_leads_that_share_nothing_are_counted() -> None:
    """A lead of two or more papers that says nothing of them together (the count with method names, contrasts) is
    counted; a lead with 'both/all ...' or a sentence cited to two of them is not."""
    assert shared("A and B are both evaluated on MATH [@a; @b].", ["a", "b"])
    assert shared("Three papers fall under this theme, and all three are empirical studies.", [])
    assert not shared("Two papers fall under this theme; the methods they propose are A and B.", [])
    nothing = _section("N", [("Two papers fall under this theme; the methods they propose are A and B.", []),
                             ("They differ in the problem each one targets.", []), ("A targets X [@a].", ["a"]),
                             ("B targets Y [@b].", ["b"])], [("The authors propose A.", ["a"]), ("B is fast.", ["b"])])
    both = _section("S", [("Two papers fall under this theme; the methods they propose are C and D.", []),
                          ("C and D are both evaluated on MATH [@c; @d].", ["c", "d"])],
                    [("The authors propose C.", ["c"]), ("The authors propose D.", ["d"])])
    shape = ReadShape()
    read_report(_report([nothing, both]), shape)
    assert (shape.multi, shape.unshared) == (2, 1)
