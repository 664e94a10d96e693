"""`ask` answers the question asked: per question type, unknown names refused, pseudo-citations cleaned.

Questions are paraphrases written for these tests (not the dev set's, not the README's); expected
sentences are real seed text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from reviewer.ask.answer import answer_question
from reviewer.ask.cite import clean, has_stray_citation
from reviewer.ask.question import QType, analyse
from reviewer.ask.render import tidy
from reviewer.citations import cited_sentences
from reviewer.cli import cli
from reviewer.llm.client import LLMClient
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings


def _first_cited(text: str) -> tuple[str, list[str]]:
    first = next(c for c in cited_sentences(text) if c.keys)
    return first.text, first.keys


def test_question_types_are_recognised() -> None:
    cases = {
        "What does the term reward overoptimization mean?": QType.DEFINITION,
        "In what ways are step-level reward models different from outcome verifiers?": QType.COMPARISON,
        "How does SCoRe train self-correction?": QType.MECHANISM,
        "Which techniques have been proposed to curb overthinking in reasoning models?": QType.METHODS,
        "By how much does HelpSteer2 improve Reward-Bench accuracy?": QType.QUANTITATIVE,
        "What does the UltraFeedback dataset contain?": QType.NAMED,
    }
    assert {q: analyse(q).qtype for q in cases} == cases
    comparison = analyse("In what ways are step-level reward models different from outcome verifiers?")
    assert comparison.sides == ["step-level reward models", "outcome verifiers"]


def test_definition_leads_with_the_defining_sentence(seeded_home: Path) -> None:
    settings = Settings()
    answer = answer_question("What does reward misgeneralization mean?", settings, HybridRetriever(settings))
    text, keys = _first_cited(answer.answer)
    assert answer.question_type == "definition"
    assert "a phenomenon where reward models learn spurious correlations" in text and keys == ["twominds"]


def test_comparison_covers_both_sides_and_leads_with_the_difference(seeded_home: Path) -> None:
    settings = Settings()
    q = "In what way do step-wise reward models for reasoning differ from outcome reward models?"
    answer = answer_question(q, settings, HybridRetriever(settings))
    text, _ = _first_cited(answer.answer)
    assert answer.question_type == "comparison"
    lowered = text.lower()
    assert "outcome" in lowered and ("step" in lowered or "process" in lowered)
    assert len({c.key for c in answer.citations}) >= 3
    assert "On outcome reward models:" in answer.answer


def test_mechanism_leads_with_how_it_works(seeded_home: Path) -> None:
    settings = Settings()
    answer = answer_question("How does Step-DPO decide what a preference pair compares?", settings,
                             HybridRetriever(settings))
    text, keys = _first_cited(answer.answer)
    assert answer.question_type == "mechanism"
    assert keys == ["stepdpo"] and "individual reasoning steps as units" in text


def test_quantitative_leads_with_a_number(seeded_home: Path) -> None:
    settings = Settings()
    answer = answer_question("By how much does SCoRe raise self-correction on MATH?", settings,
                             HybridRetriever(settings))
    text, keys = _first_cited(answer.answer)
    assert answer.question_type == "quantitative"
    assert keys == ["trainingself"] and "15.6%" in text


def test_methods_question_lists_several_papers(seeded_home: Path) -> None:
    settings = Settings()
    answer = answer_question("Which techniques have been proposed to curb overthinking in reasoning models?",
                             settings, HybridRetriever(settings))
    assert answer.question_type == "methods"
    assert len({c.key for c in answer.citations}) >= 3


def test_unknown_name_is_refused_with_the_closest_known_names(seeded_home: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "What win rate does the ReasonFlux-Omega system report?",
                                      "--json", "-q"])
    out = json.loads(result.stdout)
    assert out["refused"] is True and out["citations"] == []
    assert "ReasonFlux-Omega" in out["answer"] and "not in the corpus" in out["answer"]
    assert "ReasonFlux-PRM" in out["closest_names"]
    # A known name in the same question shape is answered, not refused.
    known = json.loads(CliRunner().invoke(cli, ["ask", "What does the ReasonFlux-PRM system do?", "--json",
                                                "-q"]).stdout)
    assert known["refused"] is False and any(c["key"] == "zoureasonflux" for c in known["citations"])


def test_json_carries_sentences_type_and_evidence_quotes(seeded_home: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "What is Markovian Thinking?", "--json", "-q"])
    out = json.loads(result.stdout)
    assert {"answer", "citations", "refused", "mode", "notes"} <= set(out)
    assert out["question_type"] == "definition"
    assert out["sentences"] and all(set(s) >= {"text", "keys", "role", "score"} for s in out["sentences"])
    abstract_of = {c["key"] for c in out["citations"]}
    assert out["evidence"] and {e["key"] for e in out["evidence"]} <= abstract_of
    assert "(n.d.)" not in result.stdout


def test_text_is_tidied() -> None:
    assert tidy("(2) Reward models are brittle.") == "Reward models are brittle."
    assert tidy("Second, we introduce E-GRPO for our setting.") == "The authors introduce E-GRPO for their setting."


def test_printed_answer_has_no_enumerators_first_person_or_nd(seeded_home: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "How do PRMs help test-time scaling of small models?", "-q"])
    assert result.exit_code == 0, result.output
    body = result.stdout
    assert "(n.d.)" not in body and "References" in body
    for line in body.splitlines():
        assert not line.startswith(("- (1)", "- (2)", "- (3)"))
    assert " we " not in f" {body.lower()} ".replace("\n", " ")


def test_pseudo_citations_are_normalised_and_dropped() -> None:
    allowed = {"stepdpo", "trainingself"}
    raw = ("Step-DPO optimizes individual steps [1]. SCoRe uses RL (@trainingself). "
           "A claim with an invented key [@ghost2024]. Another with a bare @ghost2025 key. "
           "Step-DPO works on MATH [stepdpo]. Both help @stepdpo. An unknown key [nobody2023made] too. "
           "Literal brackets [sic] stay.")
    cleaned = clean(raw, allowed)
    assert not has_stray_citation(cleaned.text)
    assert "[1]" not in cleaned.text and "ghost" not in cleaned.text
    assert "SCoRe uses RL [@trainingself]." in cleaned.text
    assert "Step-DPO works on MATH [@stepdpo]." in cleaned.text
    assert "Step-DPO optimizes individual steps" not in cleaned.text  # its only citation was invented
    assert set(cleaned.removed) >= {"[1]", "ghost2024", "ghost2025", "nobody2023made"}
    assert "Literal brackets [sic] stay." in cleaned.text


def test_llm_pseudo_citations_never_reach_the_answer(seeded_home: Path) -> None:
    settings = Settings()
    retriever = HybridRetriever(settings)
    q = "How does Step-DPO decide what a preference pair compares?"
    real = "stepdpo"
    reply = (f"Step-DPO treats individual reasoning steps as units for preference optimization [@{real}]. "
             "It was first proposed for code [2]. Others use tree search (@madeup2023). "
             "A bare citation @phantom2024 marks a fabricated result. "
             "A bracketed key [ghost2026reward] backs an invented number.")
    llm = LLMClient(settings, chat_model=FakeListChatModel(responses=[reply]))
    answer = answer_question(q, settings, retriever, llm=llm)
    assert answer.mode == "llm"
    assert not has_stray_citation(answer.answer)
    for gone in ("first proposed for code", "tree search", "fabricated result", "madeup2023", "phantom2024",
                 "invented number", "ghost2026reward"):
        assert gone not in answer.answer
    assert [c.key for c in answer.citations] == [real]
    assert any("phantom2024" in n for n in answer.notes)


def test_stdin_answers_each_line_with_one_load(seeded_home: Path) -> None:
    lines = "What is Markovian Thinking?\n\nWhat does the Zyzzyva-3 benchmark test?\n"
    result = CliRunner().invoke(cli, ["ask", "--json", "-q"], input=lines)
    assert result.exit_code == 0, result.output
    outs = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [o["refused"] for o in outs] == [False, True]


def test_name_check_tolerates_a_slip_but_not_another_version(seeded_home: Path) -> None:
    """The seeds spell "Zephy-7B" (sic): "Zephyr-7B" is that name; "HelpSteer9" is not HelpSteer2."""
    from reviewer.ask.names import corpus_names
    from reviewer.catalog import Catalog

    with Catalog(Settings().catalog_path) as catalog:
        names = corpus_names(catalog, None)
    assert names.known("Zephy-7B") and names.known("Zephyr-7B") and names.known("HelpSteer2")
    assert names.known("GPT4") and names.known("DeepSeekR1")  # spelled without the corpus's hyphen
    assert not names.known("HelpSteer9") and not names.known("Zephyr-70B")


def test_off_domain_words_are_refused_even_when_some_sentence_is_vaguely_similar(legacy_index: Path) -> None:  # pinned on the pre-split index (conftest LEGACY_INDEX)
    settings = Settings()
    answer = answer_question("How do language models transliterate cuneiform tablets?", settings,
                             HybridRetriever(settings))
    # Some sentence about language models clears the similarity bar; the question's own words do not occur.
    assert answer.best_similarity is not None and answer.best_similarity >= settings.min_evidence_similarity
    assert answer.refused and answer.citations == []


def test_llm_prompt_gets_the_question_type_and_type_ranked_evidence(seeded_home: Path) -> None:
    """The LLM path sees the same analysis: the type, a direct-answer-first instruction, and the defining
    sentence the extractive path would lead with, first in its paper's block."""
    from fakes import FakeChat, parse_evidence_block

    settings = Settings()
    fake = FakeChat().enqueue("answer", "INSUFFICIENT_EVIDENCE")
    answer_question("What does reward misgeneralization mean?", settings, HybridRetriever(settings),
                    llm=LLMClient(settings, chat_model=fake))
    prompt = fake.prompts("answer")[0]
    assert "definition question" in prompt and "FIRST sentence directly answers" in prompt
    blocks = parse_evidence_block(prompt[prompt.index("Evidence (grouped"):])
    assert next(iter(blocks)) == "twominds"  # the paper holding the defining sentence comes first
    assert any("a phenomenon where reward models learn spurious correlations" in s for s in blocks["twominds"])


def _scored_order(question: str, pairs: list[tuple[str, str]], seeded: Path) -> list[str]:
    """Order `score_for_type` gives real seed sentences (key, text) that all start from the same base score."""
    from reviewer.ask.select import score_for_type
    from reviewer.catalog import Catalog
    from reviewer.models import EvidenceSentence
    from reviewer.textutil import split_sentences

    with Catalog(Settings().catalog_path) as catalog:
        papers = {p.key: p for p in catalog.iter_papers() if p.key in {k for k, _ in pairs}}
    evs = []
    for key, needle in pairs:
        sentences = split_sentences(papers[key].abstract)
        index = next(i for i, s in enumerate(sentences) if needle in s)
        evs.append(EvidenceSentence(paper_id=papers[key].id, key=key, index=index, text=sentences[index], score=0.5))
    scored = score_for_type(analyse(question), evs, list(papers.values()))
    return [next(n for k, n in pairs if s.ev.key == k and n in s.ev.text) for s in scored]


REORDER_CASES = [
    # Definition: the defining sentence beats one that merely uses the term.
    ("What is reward misgeneralization?", [("twominds", "Reward models (RMs) play a pivotal role"),
                                           ("twominds", "a phenomenon where reward models learn spurious")]),
    # Quantitative: the result with numbers beats the method sentence.
    ("How much does SCoRe improve self-correction?", [
        ("trainingself", "we develop a multi-turn online reinforcement learning"),
        ("trainingself", "improving the base models' self-correction by 15.6%")]),
    # Mechanism: the method sentence beats the background that states the problem.
    ("How does step-wise preference optimization work?", [
        ("stepdpo", "Ensuring the correctness of each reasoning step is critical"),
        ("stepdpo", "which treats individual reasoning steps as units")]),
    # Comparison: the sentence covering both sides with a contrast beats the one-sided one.
    ("How do process reward models differ from outcome reward models?", [
        ("lessonsdeveloping", "Process Reward Models (PRMs) emerge as a promising approach"),
        ("rewardingprogress", "potentially improving credit assignment over outcome reward models")]),
]


@pytest.mark.parametrize(("question", "pairs"), REORDER_CASES, ids=["definition", "quantitative", "mechanism",
                                                                    "comparison"])
def test_type_rules_reorder_equally_relevant_sentences(question: str, pairs: list[tuple[str, str]],
                                                       seeded_home: Path) -> None:
    """From equal base scores, the sentence of the shape the question type wants comes first."""
    assert _scored_order(question, pairs, seeded_home)[0] == pairs[1][1]


def test_questions_and_cut_sentences_are_never_quoted(seeded_home: Path) -> None:
    """The 1B-vs-405B abstract asks two questions before answering them; `ask` quotes only the answers."""
    from reviewer.ask.select import is_fragment

    assert is_fragment("In this paper, we focus on two core questions: (1) What is the optimal approach to scale "
                       "test-time computation across different policy models, PRMs, and problem difficulty levels?")
    assert is_fragment("Cooper improves end-to-end RL performance, for instance, achieving a 0.")
    assert not is_fragment("For example, a 1B LLM can exceed a 405B LLM on MATH-500.")
    assert not is_fragment("It scores 94.1 on RewardBench, top of 140 reward models as of 1 Oct 2024.")
    settings = Settings()
    answer = answer_question("Which test-time scaling questions does the 1B versus 405B study pose and answer?",
                             settings, HybridRetriever(settings))
    assert answer.citations and all(not s.text.endswith("?") for s in answer.sentences)
    assert "?" not in answer.answer.replace(answer.question, "")


def test_background_reporting_other_work_is_attributed_as_such(seeded_home: Path) -> None:
    """Thought Crime's first sentence reports prior work's finding; it is quoted as background, and the
    claim checker still finds it in the cited abstract."""
    from reviewer.ask.render import REPORTED_PREFIX
    from reviewer.checker import ClaimChecker

    settings = Settings()
    retriever = HybridRetriever(settings)
    answer = answer_question("What does the term emergent misalignment mean?", settings, retriever)
    reported = [s for s in answer.sentences if "insecure code" in s.text]
    assert reported and reported[0].text.startswith(REPORTED_PREFIX) and reported[0].role == "background"
    paper = retriever.catalog.resolve("thoughtcrime")
    assert ClaimChecker(settings).check(reported[0].text, [paper]).label == "SUPPORTED"


def test_wrap_keeps_lines_within_width_with_hanging_bullets() -> None:
    from reviewer.ask.render import wrap

    text = "Lead sentence " * 12 + "[@k].\n\nOn x:\n- " + "point words " * 15 + "[@k]."
    lines = wrap(text, 50).splitlines()
    assert max(len(line) for line in lines) <= 50
    bullet = lines.index(next(line for line in lines if line.startswith("- ")))
    assert lines[bullet + 1].startswith("  ") and not lines[bullet + 1].startswith("   ")


def test_chat_answers_follow_up_questions_until_quit(seeded_home: Path) -> None:
    lines = ("What is Markovian Thinking?\nWhat does the Zyzzyva-3 benchmark test?\nquit\n"
             "What does the Qwertyzz-5 system do?\n")
    result = CliRunner().invoke(cli, ["chat"], input=lines)
    assert result.exit_code == 0, result.output
    assert "Markovian Thinking" in result.stdout and "[@markovianthinker]" in result.stdout
    assert "'Zyzzyva-3' is not in the corpus" in result.stdout
    assert "Qwertyzz-5" not in result.stdout  # asked after quit


def test_comparison_says_when_one_side_has_no_evidence(seeded_home: Path) -> None:
    settings = Settings()
    answer = answer_question("In what ways do step-level reward models differ from Kalman filters?", settings,
                             HybridRetriever(settings))
    assert answer.question_type == "comparison" and not answer.refused
    assert "say nothing specific about Kalman filters" in answer.answer
    assert "say nothing specific about step-level reward models" not in answer.answer
