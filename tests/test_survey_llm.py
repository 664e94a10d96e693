"""The LLM path with the fake chat model (tests/fakes.py), which answers by prompt name.

Checks that each prompt gets the right evidence, that invented keys, misquotes and unsupported
sentences never reach the report, that a malformed outline falls back to offline themes (and the
report says so), that calls stay near sections + 3, and that an identical re-run costs no calls.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from test_survey_offline import build_seeded_home

from fakes import FakeChat, SeedReplies, parse_evidence_block
from reviewer.citations import keys_in
from reviewer.llm.cache import ResponseCache
from reviewer.llm.client import LLMClient
from reviewer.llm.ledger import Ledger
from reviewer.settings import Settings
from reviewer.survey.report import render_markdown
from reviewer.survey.run import run_survey
from reviewer.survey.types import EvidenceResult, Outline

TOPIC = "process reward models for LLM reasoning"
MISQUOTE = "Our invented method triples accuracy on every benchmark we tried."
UNSUPPORTED = "Quantum gravity solves protein folding with 97% accuracy"
INVENTED = "madeup2099"
class ScriptedReplies(SeedReplies):
    """Valid replies with planted faults: a misquote, an invented table span, a ghost key in the outline,
    an invented key and an unsupported sentence in each section."""

    def scope(self, text: str) -> Any:
        return {"queries": ["process reward models", "step-level verification of reasoning",
                            "process supervision training data"]}

    def evidence(self, text: str) -> Any:
        papers = []
        for n, (key, sentences) in enumerate(parse_evidence_block(text).items()):
            quotes = [sentences[-1]] + ([MISQUOTE] if n == 0 else [])
            papers.append({
                "key": key, "relevance": 3, "summary": f"Summary of {key}.", "quotes": quotes,
                "method": " ".join(sentences[0].split()[:8]),
                "evaluation": "the fabricated XYZ-999 benchmark suite" if n == 0 else "",
                "result": "",
            })
        return {"papers": papers}

    def outline(self, text: str) -> Any:
        line = next(ln for ln in text.splitlines() if ln.startswith("Allowed keys:"))
        keys = re.findall(r"@(\S+?)(?:,|$)", line)
        groups = [keys[i::3] for i in range(3)]
        sections = [{"title": f"Theme {i + 1}", "scope": f"Scope {i + 1}.", "keys": g} for i, g in enumerate(groups)]
        sections[0]["keys"] = sections[0]["keys"] + ["ghost2099"]
        return {"sections": sections}

    def section(self, text: str) -> Any:
        evidence = parse_evidence_block(text.split("Paper summaries", 1)[0])
        sentences = [f"{sents[0].rstrip('.')} [@{key}]." for key, sents in evidence.items() if sents]
        first = next(iter(evidence))
        sentences.append(f"A fabricated claim says widgets beat everything by 99% [@{INVENTED}].")
        sentences.append(f"{UNSUPPORTED} [@{first}].")
        return "The papers in this theme are related.\n\n" + " ".join(sentences)


def scripted() -> FakeChat:
    return FakeChat(model_name="scripted-fake", default=ScriptedReplies())


@pytest.fixture
def settings(tmp_path_factory: pytest.TempPathFactory, _isolated_home: Path,
             monkeypatch: pytest.MonkeyPatch) -> Settings:
    home = build_seeded_home(tmp_path_factory)
    monkeypatch.setenv("REVIEWER_HOME", str(home))
    return Settings()


def _client(settings: Settings, fake: FakeChat, tmp_path: Path, **kw: Any) -> LLMClient:
    return LLMClient(settings, chat_model=fake, ledger=Ledger(tmp_path / "ledger.jsonl"),
                     cache=ResponseCache(tmp_path / "cache.sqlite"), **kw)


def test_llm_survey_prompts_checks_and_cache(settings: Settings, tmp_path: Path) -> None:
    fake = scripted()
    llm = _client(settings, fake, tmp_path)
    run = run_survey(TOPIC, settings, llm=llm, runs_dir=tmp_path / "runs", max_papers=16, quiet=True)
    report = run.report
    modes = {s.stage: s.mode for s in report.stages}
    assert modes["scope"] == "llm" and modes["evidence"] == "llm" and modes["outline"] == "llm"
    assert modes["sections"] == "llm"
    outline = Outline.model_validate_json((run.run_dir / "outline.json").read_text())
    assert len(outline.sections) == 3
    assert all("ghost2099" not in s.keys for s in outline.sections)

    # Each section prompt carries that section's evidence and nothing else.
    by_title = {s.title: set(s.keys) for s in outline.sections}
    for prompt in fake.prompts("section"):
        title = re.search(r"^Section: (.*)$", prompt, re.MULTILINE).group(1)  # type: ignore[union-attr]
        shown = set(parse_evidence_block(prompt.split("Paper summaries", 1)[0]))
        assert shown == by_title[title]
        line = prompt.split("using only these keys:", 1)[1].split("\n", 1)[0]
        allowed = {k.rstrip(".") for k in re.findall(r"@([\w:.\-]+)", line)}
        assert allowed == by_title[title]

    # Misquoted evidence and unverifiable table spans are dropped.
    evidence = EvidenceResult.model_validate_json((run.run_dir / "evidence.json").read_text())
    assert any(MISQUOTE[:40] in d for d in evidence.dropped_quotes)
    assert all(MISQUOTE not in s.text for e in evidence.papers for s in e.sentences)
    assert all("XYZ-999" not in e.row.benchmarks.text for e in evidence.papers)
    assert any(e.row.method.source == "llm" for e in evidence.papers)

    # Invented keys and unsupported sentences never reach the report.
    md = render_markdown(report)
    assert INVENTED not in md.split("## Appendix", 1)[0]
    assert UNSUPPORTED not in md.split("## Appendix", 1)[0]
    assert set(keys_in(md)) == {b.key for b in report.bibliography}
    retrieved = {k for s in outline.sections for k in s.keys} | {w.key for w in outline.not_covered}
    assert set(keys_in(md)) <= retrieved
    checks = [c for s in report.sections for c in s.checks]
    unsupported = [c for c in checks if (c.rewritten_from or c.text).startswith(UNSUPPORTED)]
    assert unsupported and all(c.action in ("rewritten", "dropped") for c in unsupported)
    assert report.totals.rewritten + report.totals.dropped >= len(report.sections)
    assert any(c.unknown_keys == [INVENTED] and c.action == "dropped" for c in checks)

    # About sections + 3 calls: scope, one evidence batch, outline, one per section, one revision.
    entries = llm.ledger.entries()
    assert len(entries) == len(outline.sections) + 4
    assert {e.stage for e in entries} == {"scope", "evidence", "outline", "section", "revise"}
    summary = llm.ledger.summary()
    assert summary.prompt_tokens > 0 and summary.completion_tokens > 0 and summary.cost_usd > 0

    # An identical re-run (recomputing every stage) is served from the cache: no model calls.
    before = len(fake.calls)
    again = run_survey(TOPIC, settings, llm=_client(settings, fake, tmp_path), runs_dir=tmp_path / "runs",
                       max_papers=16, quiet=True, fresh=True)
    assert len(fake.calls) == before
    new = Ledger(tmp_path / "ledger.jsonl").entries()[len(entries):]
    assert new and all(e.cache_hit and e.cost_usd == 0 for e in new)
    assert render_markdown(again.report).split("## Appendix")[0] == md.split("## Appendix")[0]


def test_malformed_outline_retries_then_falls_back(settings: Settings, tmp_path: Path) -> None:
    fake = scripted().enqueue("outline", "Sure! Here are some themes: {not json", "Still not {json")
    run = run_survey(TOPIC, settings, llm=_client(settings, fake, tmp_path), runs_dir=tmp_path / "runs",
                     max_papers=16, quiet=True)
    assert fake.count("outline") == 2  # the corrective retry, then give up
    outline = next(s for s in run.report.stages if s.stage == "outline")
    assert outline.mode == "offline" and outline.reason and "outline" in outline.reason
    assert 3 <= len(run.report.sections) <= 7
    md = render_markdown(run.report)
    assert "outline: offline — fallback:" in md
    assert set(keys_in(md)) == {b.key for b in run.report.bibliography}


def test_budget_exhaustion_falls_back_offline(settings: Settings, tmp_path: Path) -> None:
    fake = scripted()
    llm = _client(settings, fake, tmp_path, max_calls=2)
    run = run_survey(TOPIC, settings, llm=llm, runs_dir=tmp_path / "runs", max_papers=16, quiet=True)
    modes = {s.stage: s for s in run.report.stages}
    assert modes["scope"].mode == "llm" and modes["evidence"].mode == "llm"
    assert modes["outline"].mode == "offline" and "BudgetExceeded" in (modes["outline"].reason or "")
    assert modes["sections"].mode == "offline"
    assert len(fake.calls) == 2
    assert run.report.sections and run.report.bibliography
