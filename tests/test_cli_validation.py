"""CLI input validation, exit codes and messages (issue 17: the validation list and "Also")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS, run_main
from helpers_servers import REPO, cli_env, run_cli


def one_error(err: str) -> str:
    """The single `Error:` line of stderr (an indented hint line may follow)."""
    lines = [ln for ln in err.strip().splitlines() if not ln.startswith("  hint: ")]
    assert len(lines) == 1 and lines[0].startswith("Error: "), err
    assert "Traceback" not in err and "unexpected" not in err, err
    return lines[0]


@pytest.mark.parametrize("args", [
    ["ask", ""], ["ask", "   "], ["survey", "", "--offline"], ["search", ""],
    ["search", "reward models", "-k", "0"], ["search", "reward models", "-k", "-2"], ["ask", "reward", "-k", "0"],
    ["search", "reward models", "--year-min", "2025", "--year-max", "2020"],
])
def test_empty_input_and_bad_k_are_one_line_errors(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_main(args, capsys)
    assert code != 0 and out == ""
    one_error(err)


def test_verify_empty_claim_is_an_error(seeded_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_main(["verify", "--claim", " ", "--paper", "wangpreference"], capsys)
    assert code != 0 and out == ""
    assert "claim" in one_error(err).lower()


@pytest.mark.parametrize("command", [["search", "reward models"], ["ask", "reward models", "--offline"],
                                     ["survey", "reward models", "--offline"]])
def test_unknown_source_is_an_error(seeded_home: Path, command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_main([*command, "--source", "no-such-file.jsonl"], capsys)
    assert code == 1 and out == ""
    assert "no-such-file.jsonl" in one_error(err)
    code, out, _ = run_main(["search", "reward models", "--source", "000_4ac046663be8b763.txt"], capsys)
    assert code == 0 and out.strip()


def test_bad_settings_name_the_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REVIEWER_RETRIEVE_K", "lots")
    code, _, err = run_main(["settings"], capsys)
    assert code == 1 and "REVIEWER_RETRIEVE_K" in one_error(err)
    monkeypatch.delenv("REVIEWER_RETRIEVE_K")
    monkeypatch.setenv("REVIEWER_HOME", "")
    monkeypatch.chdir(tmp_path)
    code, _, err = run_main(["papers"], capsys)
    assert code == 1 and "REVIEWER_HOME" in one_error(err)
    assert list(tmp_path.iterdir()) == [], "an empty REVIEWER_HOME must not mean the current directory"


def test_settings_say_where_each_value_came_from(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REVIEWER_RETRIEVE_K", "5")
    code, out, _ = run_main(["settings"], capsys)
    assert code == 0
    lines = {ln.split(" = ")[0]: ln for ln in out.splitlines() if " = " in ln}
    assert "REVIEWER_RETRIEVE_K" in lines["retrieve_k"] and "= 5" in lines["retrieve_k"]
    assert "REVIEWER_HOME" in lines["home"]
    assert "default" in lines["fusion"] and "REVIEWER_FUSION" not in lines["fusion"]


def test_utf16_pipe_csv_and_non_utf8_check(seeded_home: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    utf16 = tmp_path / "papers.jsonl"
    utf16.write_text(json.dumps({"title": "A UTF-16 Paper", "abstract": "Some abstract text here."}) + "\n",
                     encoding="utf-16")
    code, _, err = run_main(["ingest", "-q", str(utf16)], capsys)
    assert code == 1 and "UTF-16" in err and "binary" not in err

    piped = tmp_path / "piped.csv"
    piped.write_text("title|abstract|year\nPipe Delimited Reward Models|We study reward models "
                     "stored in a pipe-delimited file. They work.|2024\n", encoding="utf-8")
    code, _, err = run_main(["ingest", "-q", str(piped)], capsys)
    assert code == 0, err
    _, out, _ = run_main(["papers", "--json"], capsys)
    titles = {p["title"] for p in json.loads(out)}
    assert "Pipe Delimited Reward Models" in titles and not any("|" in t for t in titles)

    latin = tmp_path / "report.md"
    latin.write_bytes("Caf\xe9 results [@x].\n".encode("latin-1"))
    code, _, err = run_main(["check", str(latin)], capsys)
    assert code == 1 and str(latin) in one_error(err) and "UTF-8" in err


def test_verify_exit_code_follows_the_verdict(seeded_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reviewer.catalog import Catalog
    from reviewer.settings import Settings

    with Catalog(Settings().catalog_path) as catalog:
        paper = catalog.resolve("What Is Preference Optimization Doing, How and Why?")
    # the paper's own finding (its second sentence reports a common belief, which is no finding of the paper)
    sentence = next(s for s in paper.abstract.split(". ") if s.startswith("Our analyses reveal")).rstrip(".") + "."
    code, out, _ = run_main(["verify", "--claim", sentence, "--paper", paper.key], capsys)
    assert out.startswith("\x1b[32mSUPPORTED") or out.startswith("SUPPORTED"), out
    assert code == 0
    code, out, _ = run_main(["verify", "--claim", "Tungsten boils at 5555 degrees in lunar vacuum chambers.",
                             "--paper", paper.key], capsys)
    assert out.split()[0] in ("UNSUPPORTED", "CONTRADICTED") and code == 1, out


def test_ingest_errors_follow_the_documented_convention(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REVIEWER_AUTO_INGEST_SEEDS", "0")
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text('{"title": "Good", "abstract": "A fine abstract."}\n{"title": "Bad"}\n')
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "Bad"}\n')
    readme = " ".join((REPO / "README.md").read_text().split())
    assert "exit code 1 when some input was rejected" in readme and "`Error: ...`" in readme
    for path in (mixed, bad):
        code, _, err = run_main(["ingest", "-q", str(path)], capsys)
        assert code == 1
        lines = [ln for ln in err.splitlines() if ln.strip() and not ln.startswith("  hint: ")]
        assert lines and all(ln.startswith(f"Error: {path}:2: ") or ln.startswith(f"Error: {path}:1: ")
                             for ln in lines), err


def test_papers_into_a_closed_pipe_exits_0(seeded_home: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "reviewer", "papers"], env=cli_env(seeded_home),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=str(REPO))
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()  # like `head -1`: read one line, then go away
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, err
    assert "Error" not in err and "Exception" not in err, err


def test_ingest_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "papers.fifo"
    os.mkfifo(fifo)
    env = cli_env(tmp_path / "home", REVIEWER_AUTO_INGEST_SEEDS="0")
    result = run_cli(["ingest", str(fifo)], env, timeout=60)
    assert result.returncode == 1
    assert "FIFO" in result.stderr and str(fifo) in result.stderr
    good = tmp_path / "good.jsonl"
    good.write_text('{"title": "After The FIFO", "abstract": "The lock was released."}\n')
    assert run_cli(["ingest", str(good)], env, timeout=120).returncode == 0
    # Inside a folder it is reported too, and the folder's files are still ingested.
    folder = tmp_path / "folder"
    folder.mkdir()
    os.mkfifo(folder / "inner.fifo")
    (folder / "paper.jsonl").write_text('{"title": "Inside The Folder", "abstract": "Read fine."}\n')
    inside = run_cli(["ingest", str(folder)], env, timeout=120)
    assert inside.returncode == 1 and "inner.fifo" in inside.stderr and "1 new" in inside.stdout
    # A FIFO given to `check` is refused the same way.
    checked = run_cli(["check", str(fifo)], cli_env(tmp_path / "home2"), timeout=60)
    assert checked.returncode != 0 and "FIFO" in checked.stderr


def test_seeds_dir_ingest_reports_sources(seeded_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Guard: a seed file name works as --source in dense mode (metadata lists every source)."""
    name = sorted(SEEDS.iterdir())[1].name
    code, out, err = run_main(["search", "reward models", "--mode", "dense", "--source", name, "--json"], capsys)
    assert code == 0, err
    assert json.loads(out)
