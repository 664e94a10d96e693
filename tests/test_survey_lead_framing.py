"""Leads and first quotes as a reader meets them, on real seed papers: the section's count names what the checker
lets stand as uncited framing (so the lead is never dropped and the section never opens on 'They differ ...'),
and a paper's first quote that is a later step of the sentence
before it ('We then introduce an approach to solve this issue') comes with that sentence; a problem the paper
acts on is no open problem."""

from __future__ import annotations

from collections.abc import Callable

from reviewer.models import EvidenceSentence, Paper
from reviewer.survey.lead import is_survey, section_lead
from reviewer.survey.prose import is_framing
from reviewer.survey.synthesis import names_open_problem, with_context
from reviewer.survey.table import method_name
from reviewer.survey.types import PaperEvidence, TableRow
from reviewer.survey.vacuous import later_step
from reviewer.textutil import split_sentences


def _lead(keys: list[str], seed_papers: dict[str, Paper], table_row: Callable[..., TableRow],
          gazetteer: frozenset[str]) -> list[str]:
    evidence = {k: PaperEvidence(key=k, paper_id=seed_papers[k].id, relevance=0.9, sentences=[],
                                 row=table_row(seed_papers[k], gazetteer)) for k in keys}
    return section_lead(keys, evidence, {k: method_name(seed_papers[k]) for k in keys}, seed_papers)


def test_count_never_names_a_method_whose_name_reads_as_a_finding(seed_papers: dict[str, Paper],
                                                                   table_row: Callable[..., TableRow],
                                                                   seed_gazetteer: frozenset[str]) -> None:
    """'Provably Robust DPO' holds a finding word: listed in the uncited count, it got the whole lead dropped by the
    checker. The count names the other methods and stays framing."""
    keys = ["provably2024robust", "diffusionalignment", "value2024incentivized", "3dproperties", "unpackingdpo",
            "wangpreference"]
    assert method_name(seed_papers["provably2024robust"]) == "Provably Robust DPO"
    count = _lead(keys, seed_papers, table_row, seed_gazetteer)[0]
    assert is_framing(count), count
    assert "Diffusion-DPO" in count and "Provably" not in count, count


def test_count_names_methods_whose_names_carry_digits(seed_papers: dict[str, Paper],
                                                      table_row: Callable[..., TableRow],
                                                      seed_gazetteer: frozenset[str]) -> None:
    """R1-Reward and RM-R1 are names, not numbers: the count names them and is still framing; a number is not."""
    count = _lead(["r1reward", "archertraining"], seed_papers, table_row, seed_gazetteer)[0]
    assert count == "Two papers fall under this theme; the methods they propose are R1-Reward and ArCHer.", count
    assert is_framing(count)
    assert not is_framing("Two papers fall under this theme; both score 70 points.")
    assert not is_framing("Two papers fall under this theme; both train 7B models.")
    assert not is_framing("Two papers fall under this theme; both report top-5 accuracy.")


def test_count_names_the_one_method_that_has_a_name(seed_papers: dict[str, Paper],
                                                    table_row: Callable[..., TableRow],
                                                    seed_gazetteer: frozenset[str]) -> None:
    keys = ["human2022preference", "personalizing2024reinforcement", "salmon2023self"]
    count = _lead(keys, seed_papers, table_row, seed_gazetteer)[0]
    assert count == "Three papers fall under this theme; one of them proposes SALMON.", count
    assert is_framing(count)


def _first_quotes(paper: Paper, index: int) -> list[int]:
    sentence = split_sentences(paper.abstract)[index]
    ev = EvidenceSentence(paper_id=paper.id, key=paper.key, index=index, text=sentence, score=0.5)
    return [e.index for e in with_context(paper, [ev], method_name(paper))]


def test_a_later_step_comes_with_the_sentence_before_it(seed_papers: dict[str, Paper]) -> None:
    """'We then introduce an approach to solve this issue ...' (Confronting Reward Model Overoptimization) and 'The
    preference data are subsequently used ...' (FLR) as a paper's first quote come after their own objective or
    method sentence; a sentence that stands alone does not pull its predecessor in, nor does a later step whose
    predecessor itself points back (Think-RM's 'We then further improve ...' after 'To elicit these ...').
    FLR's 'Our proposed reward mechanism, ... (FLR), matches ...' is no later step, but speaks of the mechanism the
    sentence before proposes ('we propose using the likelihood of follow-up utterances as rewards'), so it comes with
    that sentence (survey/referent.py, branch r30)."""
    assert _first_quotes(seed_papers["confrontingreward"], 5) == [4, 5]
    assert _first_quotes(seed_papers["aligningfollow"], 6) == [5, 6]
    assert _first_quotes(seed_papers["aligningfollow"], 4) == [3, 4]
    assert _first_quotes(seed_papers["thinkenabling"], 8) == [8]


def test_later_step_is_a_sequence_not_a_condition() -> None:
    assert later_step("We then introduce an approach to solve this issue.")
    assert later_step("The preference data are subsequently used to boost the helpfulness of the base model.")
    assert later_step("Here, the listener re-evaluates the reasoner's chain-of-thought.")
    assert not later_step("We propose X, which then improves Y across many tasks.")
    assert not later_step("If the verifier rejects a step, then the policy resamples it.")
    assert not later_step("We introduce Think-RM, a training framework for generative reward models.")


def test_a_survey_article_is_counted_as_a_survey(seed_papers: dict[str, Paper], table_row: Callable[..., TableRow],
                                                 seed_gazetteer: frozenset[str]) -> None:
    """A survey article ('Towards Large Reasoning Models: A Survey of ...') reports no experiment: a theme holding it
    and two methods counts it as a survey, not as an empirical study; an empirical study stays one."""
    count = _lead(["zoureasonflux", "reasoningsurvey", "dreamprmdomain"], seed_papers, table_row, seed_gazetteer)[0]
    assert count == ("Three papers fall under this theme: two propose methods (ReasonFlux-PRM and DreamPRM) and one "
                     "is a survey."), count
    both = _lead(["technicalsurvey", "alignmentsafety"], seed_papers, table_row, seed_gazetteer)[0]
    assert both == "Two papers fall under this theme, and both are surveys.", both
    assert is_survey(seed_papers["bidirectional2024human"])  # '... A Systematic Review for Clarifications, ...'
    assert not is_survey(seed_papers["preferencealgorithms"])  # an empirical study
    assert not is_survey(seed_papers["lessonsdeveloping"])


def test_a_problem_the_paper_acts_on_is_no_open_problem(seed_papers: dict[str, Paper]) -> None:
    """'Recognizing the limitations of format-only rewards ..., we incorporate length-based rewards' and 'Given that
    the thinking reward may be unreliable ... due to reward hacking, we propose Trust-GRPO' name a problem the paper
    then acts on; a limit stated in the main clause after such an opening still counts."""
    acted = [s for s in split_sentences(seed_papers["surrogatesignals"].abstract) if s.startswith("Recognizing")]
    acted += [s for s in split_sentences(seed_papers["sophiavlreinforcing"].abstract) if s.startswith("Given that")]
    assert len(acted) == 2 and not any(names_open_problem(s) for s in acted), acted
    assert names_open_problem("Given limited compute, our method still struggles on long proofs.")
    assert names_open_problem("The approach exhibits low precision (<10%) on difficult problems.")
