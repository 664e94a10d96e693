"""What a reader sees on real seed text: section leads that count the papers they quote, result cells that stand
alone, family titles that hold for their papers."""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.models import EvidenceSentence, Paper
from reviewer.settings import Settings
from reviewer.survey.prose import is_anaphoric
from reviewer.survey.regroup import holds_head
from reviewer.survey.resultcell import reads_alone
from reviewer.survey.sections import offline_section
from reviewer.survey.table import _numbered_span, offline_row
from reviewer.survey.types import EvidenceResult, PaperEvidence, Section, StageInfo, TableRow
from reviewer.textutil import split_sentences


def _evidence(paper: Paper, indices: list[int]) -> PaperEvidence:
    sentences = split_sentences(paper.abstract)
    return PaperEvidence(key=paper.key, paper_id=str(paper.id), relevance=1.0, row=TableRow(key=paper.key),
                         sentences=[EvidenceSentence(paper_id=str(paper.id), key=paper.key, index=i, text=sentences[i],
                                                     score=1.0 - n / 10) for n, i in enumerate(indices)])


def test_the_lead_counts_only_the_papers_the_section_quotes(seed_papers: dict[str, Paper], settings: Settings) -> None:
    """metacognitivereuse's evidence in a blind survey was three sentences that each point back ('This yields ...',
    'Together, these results ...', 'This approach ...') with no quotable antecedent, so the section printed no quote
    of it, yet its lead and scope said 'Two papers'. The lead and scope count the one paper quoted."""
    meta, logic = seed_papers["metacognitivereuse"], seed_papers["memorizationlogical"]
    pointing = [i for i, s in enumerate(split_sentences(meta.abstract)) if re.match(r"(?:This|Together, these)\b", s)]
    assert len(pointing) >= 2
    result = EvidenceResult(info=StageInfo(stage="evidence"),
                            papers=[_evidence(logic, [4, 6]), _evidence(meta, pointing)])
    section = Section(title="Empirical studies of memorization", scope="Two empirical studies of memorization.",
                      keys=[logic.key, meta.key])
    draft = offline_section(section, result, seed_papers, settings)
    assert "@metacognitivereuse" not in draft.text  # the premise: nothing of it is quoted
    assert draft.text.startswith("One paper falls under this theme"), draft.text[:80]
    assert draft.scope.startswith("One "), draft.scope


def test_result_cells_stand_alone_over_all_seeds(seed_papers: dict[str, Paper], table_row: Callable[..., TableRow], seed_gazetteer: frozenset[str]) -> None:
    """No headline-result cell over the seeds opens with a complementizer, a relative or a concessive clause cut
    from its main clause, or a pronoun pointing at an unseen sentence."""
    papers = list(seed_papers.values())
    gazetteer = seed_gazetteer
    bad = []
    for p in papers:
        cell = table_row(p, gazetteer).result.text
        if re.match(r"(?:That|Where|Which|It|They|This|These)\b", cell) or (
                re.match(r"(?:Although|Though|Whereas|While)\b", cell) and ", " not in cell):
            bad.append((p.key, cell))
    assert not bad, bad


def test_result_cell_rules_on_seed_sentences(seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str]) -> None:
    """The cell keeps the abstract's words: a pronoun for the method becomes its name, a list of numbers runs on to
    its end ('GSM8K (+4.9%), HumanEval (+4.3%) ...'), two verbs sharing an object are not cut apart ('discovered and reused a Python-based solution'), a
    concession alone is no result, and a main clause after a concession stays."""
    gazetteer = seed_gazetteer
    mastering = offline_row(seed_papers["mastermulti"], gazetteer).result.text  # 'It achieves 76% accuracy on HotpotQA'
    assert mastering.startswith("MASTER achieves 76%"), mastering
    assert not offline_row(seed_papers["reasoningvectors"], gazetteer).result.text.startswith("This ")
    span = _numbered_span(next(s for s in split_sentences(seed_papers["reasoningvectors"].abstract) if "GSM8K (+4.9%)" in s))
    assert "HumanEval (+4.3%)" in span and "BigBenchHard" in span, span
    cheatsheet = offline_row(seed_papers["dynamiccheatsheet"], gazetteer).result.text
    assert not cheatsheet.endswith("discovered"), cheatsheet
    assert reads_alone("Although Qwen2.5 achieves strong mathematical reasoning performance") == ""
    kept = "While fine-tuning leads to heavy memorization, it also consistently improves generalization performance"
    assert reads_alone(kept) == kept


def test_a_family_title_with_the_head_glued_on_holds_only_for_papers_that_use_the_head(
        seed_papers: dict[str, Paper]) -> None:
    """'Reinforcement learning for memorization' held two papers (one-problem critique fine-tuning, reasoning
    vectors) that never use the word: the glued head claims what their texts do not."""
    title = "Reinforcement learning for memorization"
    assert not holds_head(title, "memorization", seed_papers["unleashingreasoning"])
    assert not holds_head(title, "memorization", seed_papers["reasoningvectors"])
    assert holds_head(title, "memorization", seed_papers["memorizationlogical"])
    assert holds_head("Reinforcement learning", "memorization", seed_papers["reasoningvectors"])  # nothing glued


def test_regroup_puts_no_paper_under_a_glued_head_it_never_uses(seed_papers: dict[str, Paper]) -> None:
    """The two papers of the blind survey's 'Reinforcement learning for memorization' section, left over by the
    themes, stay apart from the themes rather than under a title whose head neither paper uses."""
    from reviewer.survey.catchall import rescope
    from reviewer.survey.regroup import regroup
    from reviewer.survey.titles import _stems

    topic = "memorization and data contamination in reasoning evaluations"
    loose = ["unleashingreasoning", "reasoningvectors"]
    # As the outline calls it: the topic's own words are ignored when a title is checked against a paper (fit.fits).
    sections, aside = regroup(loose, [], seed_papers, "memorization", topic, _stems(topic), rescope)
    glued = [(s.title, s.keys) for s in sections if "memorization" in s.title.lower()]
    assert not glued and sorted(aside) == sorted(loose), (glued, aside)


def test_a_paper_the_lead_cites_is_discussed_without_a_quote(seed_papers: dict[str, Paper],
                                                             settings: Settings) -> None:
    """GradeSQL's evidence here is two sentences that point back with no quotable antecedent, so no quote of it is
    printed; but the lead says what it targets and where it is evaluated, citing it. It is one of the papers the
    section discusses: counted, and its lead sentence kept."""
    grade, flux = seed_papers["gradesqloutcome"], seed_papers["zoureasonflux"]
    pointing = [i for i, s in enumerate(split_sentences(grade.abstract)) if is_anaphoric(s)]
    plain = [i for i, s in enumerate(split_sentences(flux.abstract)) if not is_anaphoric(s)][:2]
    graded, quoted = _evidence(grade, pointing), _evidence(flux, plain)
    graded.row, quoted.row = offline_row(grade), offline_row(flux)
    assert graded.row.benchmarks.text  # the premise: the lead has something to say of it
    result = EvidenceResult(info=StageInfo(stage="evidence"), papers=[quoted, graded])
    section = Section(title="Outcome and process reward models", scope="Two papers on reward models.",
                      keys=[flux.key, grade.key])
    draft = offline_section(section, result, seed_papers, settings)
    lead, _, rest = draft.text.partition("\n\n")
    assert "@gradesqloutcome" not in rest  # the premise: nothing of it is quoted
    assert "@gradesqloutcome" in lead, lead
    assert lead.startswith("Two papers fall under this theme"), lead[:80]
