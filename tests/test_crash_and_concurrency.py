"""Crashes and concurrency with real processes: kill -9 mid-ingest and mid-survey, two ingests at once.

After any of these the store must be whole: no paper missing or duplicated, and the catalogue,
the Chroma collection and the BM25 index holding exactly the same ids.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest
from fake_openai_server import FakeOpenAIServer, Fault, fake_openai

from helpers_servers import (
    StageResponder,
    catalog_count,
    chroma_vectors,
    cli_env,
    index_ids,
    kill_hard,
    make_corpus,
    run_cli,
    stage_of,
    start_cli,
    write_jsonl,
)
from reviewer.catalog import paper_id

__all__ = ["fake_openai"]

# Short token windows make embedding the synthetic abstracts several times faster.
FAST_EMBED = {"REVIEWER_EMBED_MAX_LENGTH": "32", "REVIEWER_AUTO_INGEST_SEEDS": "0"}


def wait_until(predicate, timeout: float, proc=None, what: str = "") -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"the process exited ({proc.returncode}) before {what}")
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


def assert_consistent(home: Path, expected_titles: list[str]) -> None:
    catalog_ids, chroma_ids, bm25_ids = index_ids(home)
    for name, ids in (("catalogue", catalog_ids), ("chroma", chroma_ids), ("bm25", bm25_ids)):
        duplicates = [i for i, n in Counter(ids).items() if n > 1]
        assert not duplicates, f"{name} has duplicates: {duplicates[:5]}"
    expected = {paper_id(t) for t in expected_titles}
    assert set(catalog_ids) == expected, "catalogue is missing papers or has extra ones"
    assert set(chroma_ids) == expected, "Chroma does not match the catalogue"
    assert set(bm25_ids) == expected, "BM25 does not match the catalogue"


def test_kill_9_mid_ingest_then_rerun_is_whole(tmp_path: Path) -> None:
    papers = make_corpus(320, seed=11)  # more than one upsert of 256, so Chroma can be left half-filled
    files = [write_jsonl(tmp_path / f"part{i}.jsonl", papers[i * 160:(i + 1) * 160]) for i in range(2)]
    home = tmp_path / "home"
    env = cli_env(home, **FAST_EMBED)

    proc = start_cli(["ingest", *map(str, files)], env, tmp_path / "logs", "ingest-killed")
    try:
        # The catalogue commits first; then embedding runs in upserts of 256. Kill after the first one.
        wait_until(lambda: catalog_count(home) > 0, 180, proc, "the catalogue had papers")
        wait_until(lambda: chroma_vectors(home) > 0, 180, proc, "Chroma had vectors")
    finally:
        kill_hard(proc)
    assert proc.returncode == -9
    committed, vectors = catalog_count(home), chroma_vectors(home)
    assert committed > 0 and vectors < 320, (committed, vectors)  # interrupted mid-way

    rerun = run_cli(["ingest", "--json", *map(str, files)], env)
    assert rerun.returncode == 0, rerun.stderr
    assert '"total_papers": 320' in rerun.stdout
    assert_consistent(home, [p["title"] for p in papers])

    # And the store is usable: a search over the recovered index finds papers from both halves.
    hits = run_cli(["search", "post-training quantization", "--json", "-k", "50"], env)
    assert hits.returncode == 0, hits.stderr
    assert "Quantization" in hits.stdout


def test_two_ingests_at_once_are_serialized_with_wait(tmp_path: Path) -> None:
    papers = make_corpus(120, seed=5)
    first = write_jsonl(tmp_path / "a.jsonl", papers[:80])
    second = write_jsonl(tmp_path / "b.jsonl", papers[40:])  # 40 papers overlap
    home = tmp_path / "home"
    env = cli_env(home, **FAST_EMBED)
    procs = [start_cli(["ingest", "--wait", str(path)], env, tmp_path / "logs", f"ingest-{path.stem}")
             for path in (first, second)]
    for proc in procs:
        assert proc.wait(timeout=300) == 0, (tmp_path / "logs").joinpath("ingest-a.err").read_text()
    outs = [(tmp_path / "logs" / f"ingest-{p.stem}.out").read_text() for p in (first, second)]
    # Whichever ran second saw the other's papers: 40 of its papers were already there.
    assert sorted(int(o.split(" new,")[0].rsplit(" ", 1)[1]) for o in outs) == [40, 80]
    assert all(o.rstrip().endswith("papers in corpus") or "indexed" in o for o in outs)
    assert_consistent(home, [p["title"] for p in papers])


def test_interrupted_survey_resumes_from_saved_stages(fake_openai: FakeOpenAIServer, seeded_home: Path,
                                                      tmp_path: Path) -> None:
    """kill -9 while the outline call hangs; the re-run reuses scope.json and evidence.json untouched."""
    responder = StageResponder()
    hang_outline = True

    def default(request):  # type: ignore[no-untyped-def]
        if hang_outline and stage_of(request) == "outline":
            return Fault.hang(120)
        return responder(request)

    fake_openai.default = default
    env = cli_env(seeded_home, REVIEWER_LLM_BASE_URL=fake_openai.base_url, REVIEWER_LLM_API_KEY="sk-test-resume",
                  REVIEWER_LLM_MODEL="fake-model", REVIEWER_LLM_TIMEOUT="300", REVIEWER_QUIET="0")
    report = tmp_path / "survey.md"
    args = ["survey", "process reward models for LLM reasoning", "-o", str(report), "--max-papers", "12"]
    proc = start_cli(args, env, tmp_path / "logs", "survey-killed")
    try:
        wait_until(lambda: any(stage_of(r.body) == "outline" for r in fake_openai.chat_requests), 300, proc,
                   "the survey reached the outline stage")
    finally:
        kill_hard(proc)
    (run_dir,) = [p.parent for p in (seeded_home / "runs").glob("*/scope.json")]
    saved = {name: (run_dir / f"{name}.json").stat().st_mtime_ns for name in ("scope", "evidence")}
    assert not (run_dir / "outline.json").exists() and not report.exists()
    stages_before = list(responder.stages)

    hang_outline = False
    time.sleep(0.05)  # mtimes must be able to differ if anything were rewritten
    proc2 = run_cli(args, env)
    assert proc2.returncode == 0, proc2.stderr
    assert "[1/6] scope: resumed from" in proc2.stderr and "[2/6] evidence: resumed from" in proc2.stderr
    assert "[3/6] outline …" in proc2.stderr
    assert {name: (run_dir / f"{name}.json").stat().st_mtime_ns for name in saved} == saved
    new_stages = responder.stages[len(stages_before):]
    assert "scope" not in new_stages and "evidence" not in new_stages and "outline" in new_stages
    assert all((run_dir / f"{s}.json").exists() for s in ("outline", "sections", "check", "report"))
    assert report.read_text().startswith("# Survey: ")


# -- atomic writes ----------------------------------------------------------------------------------


def test_interrupted_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reviewer.textutil as textutil

    target = tmp_path / "report.md"
    textutil.atomic_write_text(target, "old report\n")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(textutil.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space"):
        textutil.atomic_write_text(target, "new report " * 10_000)
    assert target.read_text() == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # the temp file was removed


def test_kill_9_during_writes_never_leaves_half_a_file(tmp_path: Path) -> None:
    """A process rewriting a 4 MB file in a loop is killed; the file is always one whole version."""
    import subprocess
    import sys

    target = tmp_path / "report.md"
    size = 4 * 1024 * 1024
    code = (
        "import sys; from pathlib import Path; from reviewer.textutil import atomic_write_text\n"
        f"p = Path(sys.argv[1]); i = 0\n"
        "while True:\n"
        f"    atomic_write_text(p, 'AB'[i % 2] * {size}); i += 1\n"
        "    if i == 2: Path(sys.argv[1] + '.started').touch()\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(target)], start_new_session=True)
    try:
        wait_until(lambda: Path(f"{target}.started").exists(), 120, proc, "two writes finished")
        time.sleep(0.3)
    finally:
        kill_hard(proc)
    data = target.read_bytes()
    assert len(data) == size and data in (b"A" * size, b"B" * size)


def test_survey_report_write_is_atomic(seeded_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The -o report goes through temp file + rename: a failed rename leaves the previous report intact."""
    import os

    from click.testing import CliRunner

    import reviewer.textutil as textutil
    from reviewer.cli import _register_extras, cli

    _register_extras()
    out = tmp_path / "out" / "survey.md"
    out.parent.mkdir()
    out.write_text("PREVIOUS REPORT\n")
    real_replace = os.replace
    attempted: list[str] = []

    def failing_replace(src: str, dst: str) -> None:
        if Path(dst) == out:
            attempted.append(str(src))
            raise OSError(5, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(textutil.os, "replace", failing_replace)
    result = CliRunner().invoke(cli, ["survey", "process reward models", "--offline", "-q", "-o", str(out),
                                      "--max-papers", "8"])
    assert result.exit_code != 0 and "Input/output error" in str(result.exception), result.output
    assert attempted and Path(attempted[0]).parent == out.parent  # temp file beside the target
    assert out.read_text() == "PREVIOUS REPORT\n"
    assert [p.name for p in out.parent.iterdir()] == ["survey.md"]
    # Stage files and the run's own report.md were written normally (before the -o write).
    run_dir = next((seeded_home / "runs").glob("*/report.md")).parent
    assert (run_dir / "options.json").exists() and (run_dir / "report.json").exists()
