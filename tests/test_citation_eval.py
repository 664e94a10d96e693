"""The citation-quality instrument: ALCE-style metrics worked out by hand, and `reviewer check` catching
sentences planted in a real generated report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from evals.citations import misattributed
from reviewer.catalog import Catalog
from reviewer.checker.report import TextCheck, check_text
from reviewer.cli import cli
from reviewer.settings import Settings
from reviewer.textutil import split_sentences

GHOST = "nosuchpaper2099ghost"


def _two_papers(home: Path) -> tuple:
    with Catalog(home / "catalog.sqlite") as catalog:
        a = catalog.resolve("onetoken")  # One Token to Fool LLM-as-a-Judge
        b = catalog.resolve("freeprocess")  # Free Process Rewards without Process Labels
    return a, b


def _longest(abstract: str) -> str:
    return max(split_sentences(abstract), key=len).rstrip(".")


def test_recall_precision_and_invalid_share_by_hand(seeded_home: Path) -> None:
    a, b = _two_papers(seeded_home)
    from_a = _longest(a.abstract)
    text = "\n\n".join([
        f"{from_a} [@{a.key}].",              # supported; its one citation is needed
        f"{from_a} [@{a.key}; @{b.key}].",    # supported; only A is needed -> 1 of 2 citations count
        f"{from_a} [@{b.key}].",              # the wrong paper: unsupported, 0 of 1
        f"{from_a} [@{GHOST}].",              # unknown key: unsupported, 0 of 1, invalid
        "An uncited framing sentence.",
    ])
    result = check_text(text, Settings(), source="hand")
    s = result.scores
    assert (s.sentences, s.cited_sentences, s.citations) == (5, 4, 5)
    assert [c.label for c in result.checks] == ["SUPPORTED", "SUPPORTED", "UNSUPPORTED", "UNSUPPORTED"]
    assert [c.supporting_keys for c in result.checks] == [[a.key], [a.key], [], []]
    assert s.citation_recall == pytest.approx(2 / 4)
    assert s.citation_precision == pytest.approx(2 / 5)
    assert s.invalid_key_share == pytest.approx(1 / 5)
    assert result.checks[3].invalid_keys == [GHOST]


def test_misattribution_control_swaps_in_another_cited_paper(seeded_home: Path) -> None:
    a, b = _two_papers(seeded_home)
    text = f"{_longest(a.abstract)} [@{a.key}].\n\n{_longest(b.abstract)} [@{b.key}]."
    item: TextCheck = check_text(text, Settings())
    assert item.scores.citation_recall == 1.0
    control = misattributed(item, Settings(), _checker())
    assert [c.keys for c in control] == [[b.key], [a.key]]
    assert all(c.label != "SUPPORTED" for c in control)


def _checker():  # the pipeline's own checker, as the eval uses it
    from reviewer.checker import ClaimChecker

    return ClaimChecker(Settings())


def test_cli_check_catches_planted_sentences_in_a_real_report(seeded_home: Path, tmp_path: Path) -> None:
    from reviewer.cli import _register_extras

    _register_extras()  # what `main()` does before dispatching: survey, check and eval live in their own modules
    report = tmp_path / "survey.md"
    made = CliRunner().invoke(cli, ["survey", "process reward models for LLM reasoning", "-o", str(report),
                                    "--max-papers", "16", "-q"])
    assert made.exit_code == 0, made.output
    clean = CliRunner().invoke(cli, ["check", str(report), "--json"])
    assert clean.exit_code == 0, clean.output
    before = json.loads(clean.stdout)
    assert before["scores"]["cited_sentences"] >= 5 and before["scores"]["citation_recall"] == 1.0

    markdown = report.read_text()
    key = before["checks"][0]["keys"][0]
    planted = (f"This method reaches 99.9% accuracy on ImageNet without any training [@{key}]. "
               f"Process rewards were first proposed in 1987 by a chess engine [@{GHOST}].")
    head, rest = markdown.split("\n## 1.", 1)
    section_title, body = rest.split("\n\n", 1)
    report.write_text(f"{head}\n## 1.{section_title}\n\n{planted}\n\n{body}")
    dirty = CliRunner().invoke(cli, ["check", str(report), "--json"])
    assert dirty.exit_code == 1
    after = json.loads(dirty.stdout)
    verdicts = {c["sentence"][:30]: c for c in after["checks"]}
    assert verdicts["This method reaches 99.9% accu"]["label"] != "SUPPORTED"
    assert verdicts["Process rewards were first pro"]["invalid_keys"] == [GHOST]
    assert after["scores"]["cited_sentences"] == before["scores"]["cited_sentences"] + 2
    assert after["scores"]["supported"] == before["scores"]["supported"]
