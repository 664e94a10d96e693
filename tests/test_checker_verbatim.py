"""A claim that quotes one seed abstract sentence word for word is decided by that sentence (issue 12, c23).

Real seed abstracts. MinD's sentence 11 was CONTRADICTED by its own abstract: sentence 10 ('the tuned model tends
to consume even more tokens') read as an opposite effect, and its '~70%' read as '70%' against the quote's '~70%'.
The twins edit the same sentence and stay CONTRADICTED; a quoted report of others' work stays refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.seed_claims import seed_papers_by_title
from reviewer.checker import ClaimChecker
from reviewer.checker.features import FEATURE_NAMES
from reviewer.checker.verbatim import quoted_sentence
from reviewer.models import Paper
from reviewer.settings import Settings
from reviewer.textutil import split_sentences

MIND = "Done Is Better than Perfect: Unlocking Efficient Reasoning by Structured Multi-Turn Decomposition"
MMR1 = "MMR1: Enhancing Multimodal Reasoning with Variance-Aware Sampling and Open Resources"
RLHS = "RLHS: Mitigating Misalignment in RLHF with Hindsight Simulation"
POSITION = "Embracing Contradiction: Theoretical Inconsistency Will Not Impede the Road of Building Responsible AI Systems"
ARITHMETIC = "Language Models Trained to do Arithmetic Predict Human Risky and Intertemporal Choice"
THOUGHT_CRIME = "Thought Crime: Backdoors and Emergent Misalignment in Reasoning Models"


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> ClaimChecker:
    return ClaimChecker(Settings(home=Path(tmp_path_factory.mktemp("home"))))


def _paper(title: str) -> tuple[Paper, list[str]]:
    paper = seed_papers_by_title()[title]
    return paper, split_sentences(paper.abstract)


def test_a_quote_is_supported_though_another_sentence_of_its_abstract_moves_the_other_way(checker: ClaimChecker) -> None:
    paper, sents = _paper(MIND)
    assert "more tokens" in sents[10] and "~70% reduction" in sents[11]
    verdict = checker.check(sents[11] + " [@donebetter]", [paper])
    assert verdict.label == "SUPPORTED", verdict.reasons
    # a span that starts after a clause break is quoted too
    span = sents[11].split(", ", 1)[1]
    assert checker.check(span, [paper]).label == "SUPPORTED"
    # the twins: the same sentence with its number or its direction edited is still a contradiction
    assert checker.check(sents[11].replace("~70%", "~20%"), [paper]).label == "CONTRADICTED"
    assert checker.check(sents[11].replace("reduction in", "increase in"), [paper]).label == "CONTRADICTED"


def test_a_quote_is_not_read_as_saying_of_one_name_what_another_sentence_says_of_another(checker: ClaimChecker) -> None:
    paper, sents = _paper(RLHS)
    quote = next(s for s in sents if s.startswith("Through an online human user study"))
    assert "RLHS consistently outperforms RLHF" in quote
    assert checker.check(quote, [paper]).label == "SUPPORTED"
    # in the survey writer's voice: 'the authors show that' is 'we show that', the users' 'their goals' stay theirs
    assert "we show that" in quote and "their goals" in quote
    assert checker.check(quote.replace("we show that", "the authors show that"), [paper]).label == "SUPPORTED"
    # the twin: the comparison turned round is a contradiction
    assert checker.check(quote.replace("RLHS consistently outperforms RLHF", "RLHF consistently outperforms RLHS"),
                         [paper]).label == "CONTRADICTED"


def test_a_number_printed_with_a_tilde_reads_as_the_same_number_in_claim_and_evidence(checker: ClaimChecker) -> None:
    paper, sents = _paper(MMR1)
    assert "~1.6M" in sents[3]
    analysis, _ = checker.offline.analyse(sents[3], [paper])
    assert analysis.features[FEATURE_NAMES.index("num_conflict")] == 0.0
    assert not any("number" in r for r in analysis.reasons), analysis.reasons
    # a paraphrase keeping '~70%' is no quote, and its number is no edit either
    mind, _ = _paper(MIND)
    analysis, _ = checker.offline.analyse("MinD can cut output token usage by up to ~70%.", [mind])
    assert analysis.features[FEATURE_NAMES.index("num_conflict")] == 0.0, analysis.reasons


def test_a_quoted_report_of_other_work_is_still_not_the_papers_finding(checker: ClaimChecker) -> None:
    paper, sents = _paper(THOUGHT_CRIME)
    assert sents[0].startswith("Prior work shows that")
    verdict = checker.check(sents[0], [paper])
    assert verdict.label != "SUPPORTED"
    assert any("reports other work" in r for r in verdict.reasons), verdict.reasons


def test_a_sentence_in_the_papers_own_voice_is_no_attributed_context_and_an_open_question_is_quoted(
        checker: ClaimChecker) -> None:
    paper, sents = _paper(POSITION)
    # 'This position paper argues that ...' opens its own abstract: the frame is the paper's, not the claim writer's
    assert sents[0].startswith("This position paper argues that")
    assert checker.check(sents[0], [paper]).label == "SUPPORTED"
    # an open question the paper states is what the paper says, not an aim to read past
    paper, sents = _paper(ARITHMETIC)
    quote = next(s for s in sents if s.endswith("are not well understood."))
    assert checker.check(quote, [paper]).label == "SUPPORTED"


def test_a_span_is_a_quote_only_where_its_sentence_asserts_it() -> None:
    _, sents = _paper(MIND)
    # 'Observing that ..., we advocate ...': the main clause after the break is asserted
    assert quoted_sentence("we advocate leveraging RL algorithms like GRPO to prioritize correct outputs with fewer "
                           "turns", sents) == 10
    # a span that starts mid-clause ('the tuned model tends to consume even more tokens ...') is not a quote
    assert quoted_sentence("the tuned model tends to consume even more tokens than the original one", sents) == -1


def test_a_spelled_out_abbreviation_is_the_name_it_abbreviates_when_reading_descriptions() -> None:
    from reviewer.checker.described import description_swapped

    # IEP's abstract defines 'Chain-of-Thought(CoT)'; the claim spells it out. Read as a name, 'chain-of-thought
    # prompting' ends what the claim says of IEP; read as words, IEP took up CoT's description (a false swap)
    title = "Eliminating Reasoning via Inferring with Planning: A New Framework to Guide LLMs' Non-linear Thinking"
    abstract = seed_papers_by_title()[title].abstract
    assert description_swapped("IEP consistently outperforms chain-of-thought prompting across a range of tasks.",
                               abstract) is None
    # the twin: IEP's description given to chain-of-thought, spelled out, is still a swap
    assert description_swapped("Chain-of-thought prompting combines the principles of elimination and inference to "
                               "guide LLMs to think non-linearly.", abstract) is not None


def test_a_quote_of_what_the_paper_reports_after_we_demonstrate_that_is_quoted(checker: ClaimChecker) -> None:
    # the survey writes 'They demonstrate that <the rest of sentence 7>'; the frame is set aside, the rest is a quote
    paper, sents = _paper("Aligning Language Models Using Follow-up Likelihood as Reward Signal")
    assert sents[7].startswith("Lastly, we demonstrate that fine-tuning")
    rest = sents[7].split("we demonstrate that ", 1)[1]
    assert quoted_sentence(rest, sents) == 7
    assert checker.check("They demonstrate that " + rest, [paper]).label == "SUPPORTED"
