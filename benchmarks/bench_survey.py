"""Survey: offline end-to-end wall time on the seeds vs `reviewer search`, and LLM calls per survey.

The offline survey and the search baseline run as CLI subprocesses, interleaved. The LLM path runs
in-process with a small dispatching fake chat model that answers each stage's prompt with valid JSON
(well-behaved replies: real keys, verbatim quotes, supported sentences); calls and tokens are read
from the ledger, and an identical re-run (recomputing every stage) must be served from the cache.
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import Section, clean_env, log, median, ratio, run_worker
from benchmarks.data import copy_home, seeds_home
from tests.fakes import FakeChat, SeedReplies, parse_evidence_block

TOPIC = "process reward models for LLM reasoning"
OFFLINE_TARGET = 10.0


def run(quick: bool) -> Section:
    section = Section("4. Survey: offline wall time and LLM calls per survey")
    rounds = 1 if quick else 3
    with tempfile.TemporaryDirectory(prefix="bench-survey-") as tmp_name:
        tmp = Path(tmp_name)
        search = ["search", TOPIC]
        survey = ["survey", TOPIC, "--offline", "--quiet", "--fresh", "-o", str(tmp / "survey.md")]
        firsts: list[dict[str, Any]] = []
        first_base: list[float] = []
        for i in range(1 if quick else 2):
            log(f"survey: first offline survey on a freshly ingested home ({i + 1})")
            fresh_home = copy_home(seeds_home()[0], tmp / f"first-{i}")  # as ingest left it
            fresh_env = clean_env(fresh_home)
            firsts.append(_cli(survey, fresh_env))
            first_base.append(_cli(search, fresh_env)["wall_seconds"])
        home, env = fresh_home, fresh_env  # re-runs happen where a survey already ran
        times: dict[str, list[float]] = {"search": [], "survey": []}
        embeds: list[dict[str, Any]] = []
        for r in range(rounds):
            for name in (["search", "survey"] if r % 2 == 0 else ["survey", "search"]):
                got = _cli(search if name == "search" else survey, env)
                times[name].append(got["wall_seconds"])
                if name == "survey":
                    embeds.append(got)
        base, warm = median(times["search"]), median(times["survey"])
        cold = median([f["wall_seconds"] for f in firsts])
        first = firsts[0]
        cold_ratio = median([f["wall_seconds"] / b for f, b in zip(firsts, first_base, strict=True)])
        section.add("offline survey wall time, first run after ingest", f"{cold:.2f} s", f"< {OFFLINE_TARGET:.0f} s",
                    cold < OFFLINE_TARGET, f"{ratio(cold_ratio)} of `reviewer search` run right after it on the same "
                    f"home; MiniLM embedded {first['embedded_texts']} texts in {first['embed_seconds']:.1f} s of it")
        section.lines.append("Texts MiniLM embedded during the first survey, by caller: " + "; ".join(
            f"`{k}` {int(v[0])} texts, {v[1]:.1f} s" for k, v in sorted(first["callers"].items(), key=lambda kv: -kv[1][1])))
        section.lines.append("")
        section.add("offline survey wall time, re-run with --fresh", f"{warm:.2f} s", f"< {OFFLINE_TARGET:.0f} s",
                    warm < OFFLINE_TARGET, f"{ratio(warm / base)} of `reviewer search`; MiniLM embedded "
                    f"{embeds[0]['embedded_texts']} texts ({embeds[0]['embed_seconds']:.1f} s)")
        log("survey: LLM path with a fake chat model")
        _llm(section, home, tmp)
    section.lines.append(f"Offline: `reviewer survey \"{TOPIC}\" --offline --fresh` (default 40 papers) vs "
                         f"`reviewer search` on a copy of the seeds home, each a fresh process, {rounds} interleaved "
                         "round(s) after the first survey; LLM: `run_survey(..., llm=LLMClient(settings, "
                         "chat_model=fake, ...))` in-process.")
    section.lines.append("")
    return section


def _cli(argv: list[str], env: dict[str, str]) -> dict[str, Any]:
    got = run_worker("cli", {"argv": argv}, env)
    if got["code"] != 0:
        raise RuntimeError(f"reviewer {' '.join(argv)} exited with {got['code']}")
    return got


def _llm(section: Section, home: Path, tmp: Path) -> None:
    from reviewer.llm.cache import ResponseCache
    from reviewer.llm.client import LLMClient
    from reviewer.llm.ledger import Ledger
    from reviewer.settings import Settings
    from reviewer.survey.run import run_survey

    settings = Settings(home=home, auto_ingest_seeds=False)
    fake = make_fake_chat()
    ledger_path, cache_path = tmp / "ledger.jsonl", tmp / "llm-cache.sqlite"

    def client() -> LLMClient:
        return LLMClient(settings, chat_model=fake, ledger=Ledger(ledger_path), cache=ResponseCache(cache_path))

    start = time.perf_counter()
    first = run_survey(TOPIC, settings, llm=client(), runs_dir=tmp / "runs", quiet=True)
    llm_seconds = time.perf_counter() - start
    entries = Ledger(ledger_path).entries()
    sections = len(first.report.sections)
    calls = sum(1 for e in entries if not e.cache_hit)
    by_stage: dict[str, int] = {}
    for e in entries:
        by_stage[e.stage] = by_stage.get(e.stage, 0) + 1
    prompt = sum(e.prompt_tokens for e in entries)
    completion = sum(e.completion_tokens for e in entries)
    estimated = any(e.estimated for e in entries)
    again = run_survey(TOPIC, settings, llm=client(), runs_dir=tmp / "runs", quiet=True, fresh=True)
    new = Ledger(ledger_path).entries()[len(entries):]
    repeat_calls = sum(1 for e in new if not e.cache_hit)
    modes = ", ".join(f"{s.stage}={s.mode}" for s in first.report.stages)
    section.add("LLM calls per survey (fake chat model)", f"{calls} for {sections} sections",
                f"≤ sections + 3 = {sections + 3}", calls <= sections + 3,
                "by stage: " + ", ".join(f"{k} {v}" for k, v in sorted(by_stage.items())))
    section.add("tokens per survey", f"{prompt:,} prompt + {completion:,} completion",
                "(reported)", None, "estimated (the fake reports no usage)" if estimated else "")
    section.add("LLM calls on an identical re-run (--fresh, same cache)", str(repeat_calls), "0", repeat_calls == 0,
                f"{len(new)} ledger entries, all cache hits" if repeat_calls == 0 else "")
    section.lines.append(f"LLM survey with the fake model: {llm_seconds:.2f} s wall (pipeline cost without model "
                         f"latency), stage modes: {modes}; {len(again.report.sections)} sections on the re-run.")
    section.lines.append("")


class BenchReplies(SeedReplies):
    """Valid replies for every survey prompt: 12 papers graded on topic, three themes, no planted faults."""

    def scope(self, text: str) -> Any:
        return {"queries": ["process reward models", "step-level verification of reasoning",
                            "process supervision training data"]}

    def evidence(self, text: str) -> Any:
        return {"papers": [
            {"key": key, "relevance": 3 if n < 12 else 1, "summary": f"What {key} contributes.",
             "quotes": sents[-2:], "method": "", "evaluation": "", "result": ""}
            for n, (key, sents) in enumerate(parse_evidence_block(text).items())]}

    def outline(self, text: str) -> Any:
        keys = re.findall(r"@(\S+?)(?:,|$)", next(ln for ln in text.splitlines() if ln.startswith("Allowed keys:")))
        return {"sections": [{"title": f"Theme {i + 1} of the surveyed work", "scope": f"Scope {i + 1}.",
                              "keys": keys[i::3]} for i in range(3)]}


def make_fake_chat() -> Any:
    """The test suite's fake chat model (tests/fakes.py), answering each survey prompt by name."""
    return FakeChat(model_name="bench-fake", default=BenchReplies())
