"""Eval sets are found by file name, so a set is runnable the moment its file exists, and every set is described.

A set missing from a hand-kept registry used to be impossible to score; a wrong `--set` must be one usage error
that names the file it looked for and the sets that exist, never a traceback.
"""

from __future__ import annotations

import subprocess
import sys

import tomllib

from evals import sets


def test_every_set_file_is_found_and_described_and_every_description_has_a_file() -> None:
    described = tomllib.loads((sets.DATA / "sets.toml").read_text(encoding="utf-8"))
    for kind in sets.KINDS:
        files = {p.name for p in sets.DATA.glob(f"{sets.PREFIX[kind]}*.jsonl")} - sets.NOT_SETS
        found = sets.names(kind)
        assert {f"{sets.PREFIX[kind]}{name}.jsonl" for name in found} == files, kind
        assert set(described.get(kind, {})) == set(found), kind
        assert all(text.strip() for text in sets.descriptions(kind).values()), kind


def test_names_sort_numbered_sets_by_number() -> None:
    names = sets.names("survey")
    assert names.index("blind3") < names.index("blind9") < names.index("blind10") < names.index("blind21")
    assert "hand_labels" not in sets.names("ask")


def _reviewer(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reviewer", *args], capture_output=True, text=True, timeout=120)


def test_an_unknown_set_is_one_usage_error_naming_the_file_and_the_known_sets() -> None:
    for args, missing in ((["eval", "survey", "--set", "blind99"], "survey_blind99.jsonl"),
                          (["eval", "ask", "--set", "para99"], "ask_para99.jsonl"),
                          (["eval", "claims", "--set", "seeds-nosuch"], "seed_claims_nosuch.jsonl")):
        result = _reviewer(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert missing in result.stderr and "known: " in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    result = _reviewer("eval", "claims", "--set", "canal")
    assert result.returncode == 2 and "use scifact, seeds or seeds-NAME" in result.stderr, result.stderr


def test_eval_sets_lists_each_set_with_its_description() -> None:
    result = _reviewer("eval", "sets", "claims")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "claims:"
    listed = [line.split()[0] for line in lines[1:]]
    assert listed == sets.names("claims")
    assert all(len(line.split(maxsplit=1)) == 2 for line in lines[1:])
