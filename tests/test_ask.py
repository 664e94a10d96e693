"""`ask`: extractive mode, refusal, and the citation allow-list with a fake chat model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from fakes import FakeChat
from reviewer.ask.answer import answer_question, retrieve_for
from reviewer.ask.question import analyse
from reviewer.cli import cli
from reviewer.llm.client import LLMClient
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings

QUESTION = "How do process reward models differ from outcome reward models?"


def test_extractive_answer_cites_only_retrieved_papers(seeded_home: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", QUESTION, "--json", "-q"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert set(out) >= {"answer", "citations", "refused", "mode"}
    assert out["mode"] == "offline" and out["refused"] is False
    assert "Extractive answer" in out["answer"]
    # Retrieved = the question's own search plus its sub-queries (each compared side).
    retrieved = {p.key for p in retrieve_for(analyse(QUESTION), HybridRetriever(Settings()), Settings().retrieve_k,
                                             None)}
    cited = {c["key"] for c in out["citations"]}
    assert cited and cited <= retrieved
    assert "process reward" in out["answer"].lower()


def test_off_topic_question_is_refused(seeded_home: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "What is the boiling point of tungsten?", "--json", "-q"])
    out = json.loads(result.stdout)
    assert out["refused"] is True
    assert out["citations"] == []


def test_unknown_keys_from_the_model_are_removed(seeded_home: Path) -> None:
    settings = Settings()
    retriever = HybridRetriever(settings)
    real = retriever.search(QUESTION, k=settings.retrieve_k)[0].key
    reply = (f"Process reward models score each step [@{real}]. Outcome models only judge the end "
             f"[@smith2099invented; @{real}]. A fabricated finding [@nobody2024fake].")
    llm = LLMClient(settings, chat_model=FakeListChatModel(responses=[reply]))
    answer = answer_question(QUESTION, settings, retriever, llm=llm)
    assert answer.mode == "llm"
    assert "smith2099invented" not in answer.answer and "nobody2024fake" not in answer.answer
    assert [c.key for c in answer.citations] == [real]
    assert any("smith2099invented" in n and "nobody2024fake" in n for n in answer.notes)


def test_model_refusal_is_reported(seeded_home: Path) -> None:
    settings = Settings()
    llm = LLMClient(settings, chat_model=FakeListChatModel(responses=["INSUFFICIENT_EVIDENCE"]))
    answer = answer_question(QUESTION, settings, HybridRetriever(settings), llm=llm)
    assert answer.refused and answer.mode == "llm" and answer.citations == []


def test_the_prompt_carries_the_allow_list_and_evidence(seeded_home: Path) -> None:
    settings = Settings()
    retriever = HybridRetriever(settings)
    fake = FakeChat().enqueue("answer", "INSUFFICIENT_EVIDENCE")
    llm = LLMClient(settings, chat_model=fake)
    answer_question(QUESTION, settings, retriever, llm=llm)
    captured = fake.prompts("answer")
    keys = [h.key for h in retriever.search(QUESTION, k=settings.retrieve_k)]
    assert captured and all(f"@{k}" in captured[0] for k in keys)
    assert "outcome reward" in captured[0].lower()


def test_user_errors_are_one_clean_line(tmp_path: Path) -> None:
    env = {**os.environ, "REVIEWER_HOME": str(tmp_path / "h"), "REVIEWER_AUTO_INGEST_SEEDS": "0"}
    proc = subprocess.run([sys.executable, "-m", "reviewer", "search", "anything"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.startswith("Error: the corpus is empty")
    assert "Traceback" not in proc.stderr


def test_sentences_the_cited_abstract_contradicts_are_dropped(seeded_home: Path) -> None:
    settings = Settings()
    question = "How do strategic games evaluate planning and revision in LLM reasoning?"
    retriever = HybridRetriever(settings)
    key = retriever.search(question, k=settings.retrieve_k)[0].key
    reply = (f"Strategic games serve as closed, rule-based evaluation environments [@{key}]. "
             f"ChatGPT-o3-mini achieves a win rate of 47.7 percent [@{key}].")
    llm = LLMClient(settings, chat_model=FakeListChatModel(responses=[reply]))
    answer = answer_question(question, settings, retriever, llm=llm)
    assert "47.7" not in answer.answer
    assert "rule-based evaluation environments" in answer.answer
    assert any("contradict" in n for n in answer.notes)


def test_extractive_bullets_are_checked_one_by_one(seeded_home: Path) -> None:
    """Each quoted bullet is its own cited sentence, and the checker (the eval harness's) supports it."""
    from reviewer.checker import ClaimChecker
    from reviewer.citations import cited_sentences

    settings = Settings()
    retriever = HybridRetriever(settings)
    answer = answer_question("What are the known failure modes of LLM-as-a-judge evaluation?", settings, retriever)
    bullets = [line for line in answer.answer.splitlines() if line.startswith("- ")]
    cited = [c for c in cited_sentences(answer.answer) if c.keys]
    assert len(bullets) >= 2 and len(cited) == len(bullets) + 1  # the lead sentence, then one per bullet
    papers = {p.key: p for p in retriever.catalog.get_many(c.id for c in answer.citations).values()}
    checker = ClaimChecker(settings)
    for c in cited:
        assert len(c.keys) == 1 and c.text in answer.answer.replace(f" [@{c.keys[0]}]", "")
        assert checker.check(c.text, [papers[c.keys[0]]]).label == "SUPPORTED", c.text
