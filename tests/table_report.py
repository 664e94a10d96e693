"""A one-section survey report over named seed papers, for tests of how the comparison table is built and printed."""

from __future__ import annotations

from reviewer.models import Paper
from reviewer.survey.report import bibliography
from reviewer.survey.table import mine_gazetteer, offline_row
from reviewer.survey.types import CheckedSection, Coverage, Paragraph, Sentence, SurveyOptions, SurveyReport


def seed_paper(seed_papers: dict[str, Paper], title: str) -> Paper:
    found = [p for p in seed_papers.values() if p.title == title]
    assert len(found) == 1, title
    return found[0]


def table_report(seed_papers: dict[str, Paper], titles: list[str]) -> SurveyReport:
    """Rows by the offline writer, in the order of `titles`, each paper cited once in one section."""
    papers = {p.key: p for p in (seed_paper(seed_papers, t) for t in titles)}
    gazetteer = mine_gazetteer(list(seed_papers.values()))
    section = CheckedSection(title="Theme", scope="S.", paragraphs=[Paragraph(sentences=[
        Sentence(text="A finding.", keys=[key]) for key in papers])])
    return SurveyReport(topic="t", options=SurveyOptions(topic="t"), sections=[section],
                        table=[offline_row(p, gazetteer) for p in papers.values()],
                        bibliography=bibliography([section], papers), coverage=Coverage(queries=["q"], retrieved=2),
                        stages=[])
