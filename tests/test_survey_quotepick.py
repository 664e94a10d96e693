"""A surveyed paper keeps a quote that stands alone, so the section writer does not drop it from the survey.

Real seed text: "Metacognitive Reuse" states its mechanism in an objective sentence ("We study a simple
mechanism ...") and every one of its method, result and conclusion sentences opens with an anaphor ("These
behaviors ...", "This approach ...", "This yields ...", "Together, these results ..."). The section writer
leads a paper with a sentence that stands alone and drops anaphoric quotes it cannot give an antecedent, so
with only those picks the paper was selected, then left uncited.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.models import Paper
from reviewer.roles import Role, sentence_roles
from reviewer.settings import Settings
from reviewer.survey.prose import is_anaphoric
from reviewer.survey.quotepick import QUOTABLE, pick_quotes
from reviewer.textutil import split_sentences


def test_a_paper_whose_quotable_sentences_all_lean_back_is_quoted_by_its_aim(seed_papers: dict[str, Paper]) -> None:
    paper = seed_papers["metacognitivereuse"]
    sentences = split_sentences(paper.abstract)
    roles = sentence_roles(sentences)
    quotable = [s for s, r in zip(sentences, roles, strict=True) if r in QUOTABLE]
    assert quotable and all(is_anaphoric(s) for s in quotable)  # the case this guards
    picked, _ = pick_quotes(paper, {})
    alone = [e for e in picked if not is_anaphoric(e.text)]
    assert [e.text[:40] for e in alone] == ["We study a simple mechanism that convert"]
    assert roles[alone[0].index] == Role.OBJECTIVE
    # The topic's scores may favour the anaphoric sentences by more than the pick margin: the aim still joins.
    favour = {(paper.id, i): 0.6 for i, s in enumerate(sentences) if is_anaphoric(s)}
    picked, _ = pick_quotes(paper, favour)
    assert any(e.text.startswith("We study a simple mechanism") for e in picked)


def test_every_seed_paper_with_a_sentence_that_stands_alone_gets_one_among_its_picks(
    seed_papers: dict[str, Paper],
) -> None:
    """Whenever the abstract has a quotable (or, failing those, objective) sentence that stands alone, the
    picks hold one; the picks stay the paper's own method, result, conclusion or objective sentences."""
    checked = 0
    for paper in seed_papers.values():
        sentences = split_sentences(paper.abstract)
        roles = sentence_roles(sentences)
        candidates = [s for s, r in zip(sentences, roles, strict=True) if r in QUOTABLE or r == Role.OBJECTIVE]
        picked, _ = pick_quotes(paper, {})
        assert all(roles[e.index] in QUOTABLE | {Role.OBJECTIVE} for e in picked), paper.key
        if picked and any(not is_anaphoric(s) for s in candidates):
            assert any(not is_anaphoric(e.text) for e in picked), (paper.key, [e.text[:60] for e in picked])
            checked += 1
    assert checked > 250


def test_the_survey_cites_the_paper_it_selected(settings: Settings, tmp_path: Path) -> None:
    """Offline survey of a wording that selects "Metacognitive Reuse": the paper is cited, with its aim."""
    from reviewer.survey.run import run_survey

    report = run_survey("reusing recurring reasoning steps across problems", settings, runs_dir=tmp_path,
                        quiet=True).report
    assert "metacognitivereuse" in {b.key for b in report.bibliography}
    text = " ".join(s.text for section in report.sections for p in section.paragraphs for s in p.sentences)
    assert "study a simple mechanism that converts recurring reasoning fragments" in text
