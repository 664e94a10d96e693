"""Progress of long work without a terminal (logs, CI, nohup): periodic one-line summaries with a rate and ETA."""

from __future__ import annotations

import time

import pytest

from reviewer.progress import progress


def test_without_a_terminal_summary_lines_show_rate_and_eta(monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("REVIEWER_QUIET", raising=False)
    monkeypatch.setenv("REVIEWER_PROGRESS_EVERY", "0.05")
    with progress("embedding papers", 30, unit="papers") as bar:
        for _ in range(3):
            time.sleep(0.08)
            bar.advance(10)
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[0].startswith("embedding papers: 10/30 (33%), ") and " papers/s, ETA " in lines[0], lines
    rate = float(lines[0].split(", ")[1].split()[0])
    assert 40 <= rate <= 130  # 10 papers in ~0.08 s (generous: a loaded machine sleeps longer)
    assert lines[-1].startswith("embedding papers: 30/30 (100%), ") and "done in" in lines[-1], lines


def test_quiet_and_short_work_print_nothing(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REVIEWER_PROGRESS_EVERY", "0.01")
    monkeypatch.setenv("REVIEWER_QUIET", "1")
    with progress("embedding papers", 2, unit="papers") as bar:
        time.sleep(0.02)
        bar.advance(2)
    monkeypatch.delenv("REVIEWER_QUIET")
    monkeypatch.setenv("REVIEWER_PROGRESS_EVERY", "30")
    with progress("embedding papers", 2, unit="papers") as bar:
        bar.advance(2)
    assert capsys.readouterr().err == ""
