"""A name of the abstract put where a sentence has another name, the rest reworded (issue 12, sixteenth pass).

Real seed sentences; each swapped claim is paired with its faithful twin, and the guards (the name's own frame
elsewhere in the abstract, an alias spelled another way, the paper's own method for 'we') with claims that must
not be read as swaps.
"""

from __future__ import annotations

import pytest

from reviewer.checker import ClaimChecker
from reviewer.checker.substituted import name_substituted, names_crossed
from reviewer.textutil import split_sentences
from seed_text import assert_contradicted_twin, paper_with, sentence_with

OMNISQL = "such as OmniSQL, yields superior ORM performance"
TPLLAMA = "TP-LLaMA significantly outperforms the baselines"
GPT4O = "GPT-4o's success rate on Game of 24 increased"
PTAGRPO = "distill CoT into compact high-level guidance"
GTR = "GTR significantly enhances the performance and generalization of the LLaVA-7b model"
FEEDBACK = "with Llama as the generator and Gemma as the reviewer"

CASES = {
    # Llama3 is one of the model families the ORMs are finetuned from, not a model already aligned with SQL
    "such as": (OMNISQL, "When the finetuned model is already aligned with SQL generation, as Llama3 is, ORM "
                         "performance is superior.",
                "When the finetuned model is already aligned with SQL generation, as OmniSQL is, ORM performance "
                "is superior."),
    # ToolLLaMA is the prior model the paper builds on; TP-LLaMA is the one that beats the baselines
    "subject": (TPLLAMA, "ToolLLaMA significantly outperforms the baselines in almost every test scenario.",
                "TP-LLaMA significantly outperforms the baselines in almost every test scenario."),
    # Claude 3.5 Sonnet's gain is on AIME; the Game of 24 jump is GPT-4o's
    "possessive": (GPT4O, "Claude 3.5 Sonnet's success rate on Game of 24 rose from 10% to 99%.",
                   "GPT-4o's success rate on Game of 24 rose from 10% to 99%."),
    # ALFWorld (an embodied task the abstract names elsewhere) takes LLaVA-7b's place, LLaVA-7b moves elsewhere
    "moved": (GTR, "GTR clearly raises the performance and generalization of the ALFWorld model across visual "
                   "environments like LLaVA-7b.",
              "GTR clearly raises the performance and generalization of the LLaVA-7b model across various visual "
              "environments."),
}


def test_a_name_added_beside_one_that_keeps_its_frame_is_no_swap() -> None:
    # ALFWorld set next to LLaVA-7b, which keeps its own words around it: added, not put in its place
    sentences = split_sentences(paper_with(GTR).abstract)
    claim = ("GTR significantly enhances the performance and generalization of the LLaVA-7b model on ALFWorld tasks "
             "across various visual environments.")
    assert name_substituted(claim, sentence_with(GTR), sentences) is None


def test_two_names_of_a_sentence_in_each_others_frames() -> None:
    sentence = sentence_with(FEEDBACK)
    swapped = "The LLM Feedback Loop with Gemma as the generator and Llama as the reviewer achieves a notable win rate."
    assert names_crossed(swapped, sentence) == ("gemma", "llama")
    for faithful in ("The LLM Feedback Loop with Llama as the generator and Gemma as the reviewer achieves a notable "
                     "win rate.",
                     "The LLM Feedback Loop, whose generator is Llama and whose reviewer is Gemma, wins notably often."):
        assert names_crossed(faithful, sentence) is None, faithful


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_a_name_of_the_abstract_in_another_names_place(checker: ClaimChecker, case: str) -> None:
    fragment, swapped, faithful = CASES[case]
    assert_contradicted_twin(checker, fragment, swapped, faithful)


def test_a_name_in_its_own_frame_elsewhere_in_the_abstract_is_no_swap() -> None:
    # Granite3 is named in the sentence listing the finetuned families: a claim merging that fact is no swap
    sentences = split_sentences(paper_with(OMNISQL).abstract)
    claim = "The ORMs are trained by finetuning open-source LLMs, including the Granite3 model family."
    assert not any(name_substituted(claim, s, sentences) for s in sentences)
    # a sentence of the abstract, read against another where a name sits in a like frame ('human or GPT-4
    # annotated data' / 'human or commercial LLM-based preference annotations'): its own frame fits it better
    flr = paper_with("Follow-up Likelihood as Reward")
    sentences = split_sentences(flr.abstract)
    own = sentence_with("trained on large-scale human or GPT-4 annotated data")
    other = sentence_with("without relying on human or commercial LLM-based preference annotations")
    assert name_substituted(own, other, sentences) is None
    sentences = split_sentences(paper_with(OMNISQL).abstract)
    moved = "Finetuning models already aligned with SQL generation, such as Granite3, yields superior ORM performance."
    assert name_substituted(moved, sentence_with(OMNISQL), sentences) == ("granite3", "omnisql")


def test_the_papers_own_method_stands_for_we_and_an_alias_for_its_long_form() -> None:
    sentences = split_sentences(paper_with(PTAGRPO).abstract)
    claim = "PTA-GRPO distills CoT into compact high-level guidance that is then used for SFT."
    assert name_substituted(claim, sentence_with(PTAGRPO), sentences) is None  # 'we leverage advanced LLMs to'
    sentences = split_sentences(paper_with(OMNISQL).abstract)
    evidence = sentence_with("achieving execution accuracy gains of +4.33% (BIRD)")
    claim = "On BIRD, ORMs raise execution accuracy by 4.33% over execution-based BoN and by 2.91% over Maj."
    assert name_substituted(claim, evidence, sentences) is None  # 'ex-BoN' is execution-based BoN
