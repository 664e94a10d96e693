"""evals/ask_rank.py, the stage-by-stage diagnostic of follow-up 16: where `ask` loses the expected paper.

Real seeds and the real offline `ask`; the two questions are worded for this test. One names its paper (Step-DPO), so
every stage holds it; the other is asked about Step-DPO but expects a paper on another topic (BoardgameQA), which no
stage reaches.
"""

from __future__ import annotations

import json
from pathlib import Path

from evals.ask_rank import RankRow, compare, rank_rows

QUESTION = "What unit does Step-DPO optimise preferences over instead of whole answers?"


def _set(root: Path, expected: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    case = {"q": QUESTION, "type": "general", "papers": [expected], "reference": "Individual reasoning steps."}
    (root / "ask_probe.jsonl").write_text(json.dumps(case) + "\n", encoding="utf-8")
    return root


def test_each_stage_holds_the_named_paper_and_none_holds_an_unrelated_one(settings, tmp_path: Path) -> None:
    (found,) = rank_rows(["probe"], _set(tmp_path / "named", "stepdpo"))
    assert found.hybrid == 1 and found.retrieved and found.candidate and found.cited and found.lead
    assert found.lead_key == "stepdpo" and "step" in found.lead_text.lower()
    (lost,) = rank_rows(["probe"], _set(tmp_path / "other", "boardgameqadataset"))
    assert lost.hybrid is not None and lost.hybrid > 8
    assert not (lost.retrieved or lost.candidate or lost.cited or lost.lead)
    assert lost.lead_key == "stepdpo"  # the same answer, judged against another expected paper


def test_compare_lists_only_the_questions_whose_lead_changed(tmp_path: Path) -> None:
    rows = [RankRow(set="s", q="a?", candidate=True, lead_key="x", lead_text="X does it."),
            RankRow(set="s", q="b?", candidate=True, lead_key="y", lead_text="Y does it.")]
    before, after = tmp_path / "before.jsonl", tmp_path / "after.jsonl"
    before.write_text("".join(r.model_dump_json() + "\n" for r in rows), encoding="utf-8")
    rows[1] = rows[1].model_copy(update={"lead_key": "z", "lead_text": "Z does it.", "answers": True})
    after.write_text("".join(r.model_dump_json() + "\n" for r in rows), encoding="utf-8")
    out = compare(before, after)
    assert "b?" in out and "lead y->z" in out and "label None->True" in out and "a?" not in out
    assert compare(before, before) == "no change"
