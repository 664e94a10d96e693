"""`-o` and `--bib` write *to* what they name and never replace it (issue 17, item 6).

Device targets are our own device nodes made with mknod in a tmp dir (same major/minor as /dev/null
and /dev/full), so a regression can never replace the system's devices.
"""

from __future__ import annotations

import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from reviewer.cli import main

TOPIC = "process reward models"
SURVEY = ["survey", TOPIC, "--offline", "-q", "--max-papers", "8"]


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    monkey = pytest.MonkeyPatch()
    monkey.setattr(sys, "argv", ["reviewer", *args])
    try:
        with pytest.raises(SystemExit) as exc:
            main()
        code = int(exc.value.code or 0)
    except pytest.fail.Exception:  # main() returned normally: success
        code = 0
    finally:
        monkey.undo()
    out = capsys.readouterr()
    return code, out.out, out.err


def survey(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code, _, err = run_main([*SURVEY, *args], capsys)
    return code, err


def run_files(home: Path) -> dict[str, int]:
    """Every file under the home's runs/ with its modification time in ns: a started survey adds or touches one."""
    runs = home / "runs"
    return {str(p): p.stat().st_mtime_ns for p in runs.rglob("*") if p.is_file()} if runs.exists() else {}


def error_lines(err: str) -> list[str]:
    """stderr without the optional `  hint:` line the project's errors may carry."""
    return [ln for ln in err.strip().splitlines() if not ln.startswith("  hint: ")]


def make_device(path: Path, minor: int) -> Path:
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except PermissionError:
        pytest.skip("mknod needs CAP_MKNOD")
    return path


def test_devices_are_written_into_never_replaced(seeded_home: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    null = make_device(tmp_path / "null", 3)
    code, err = survey(["-o", str(null), "--bib", str(tmp_path / "refs.bib")], capsys)
    assert code == 0, err
    assert stat.S_ISCHR(null.lstat().st_mode)  # still a device, not a file holding the report
    assert (tmp_path / "refs.bib").read_text().startswith("@")

    full = make_device(tmp_path / "full", 7)
    code, err = survey(["-o", str(full)], capsys)
    assert code == 1
    lines = error_lines(err)
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "No space left on device" in lines[0], err
    assert stat.S_ISCHR(full.lstat().st_mode)


def test_fifo_is_streamed_into(seeded_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, err = survey(["-o", str(fifo)], capsys)
    reader.join(timeout=30)
    assert code == 0, err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert got and got[0].startswith(b"# Survey: ")


def test_symlink_is_followed_and_modes_are_kept(seeded_home: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "real" / "report.md"
    target.parent.mkdir()
    target.write_text("old\n")
    os.chmod(target, 0o640)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    old_mask = os.umask(0o022)
    try:
        code, err = survey(["-o", str(link), "--bib", str(tmp_path / "new.bib")], capsys)
    finally:
        os.umask(old_mask)
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text().startswith("# Survey: ")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # an existing file keeps its mode
    assert stat.S_IMODE((tmp_path / "new.bib").stat().st_mode) == 0o644  # a new one gets the umask's


@pytest.mark.parametrize("case", ["parent-is-file", "same-file", "unwritable-dir", "is-directory"])
def test_bad_output_paths_fail_before_any_work(seeded_home: Path, tmp_path: Path, case: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "afile").write_text("x")
    if case == "parent-is-file":
        args = ["-o", str(tmp_path / "afile" / "report.md")]
    elif case == "same-file":
        args = ["-o", str(tmp_path / "x.md"), "--bib", str(tmp_path / "x.md")]
    elif case == "is-directory":
        args = ["--bib", str(tmp_path)]
    else:
        locked = tmp_path / "locked"
        locked.mkdir()
        os.chmod(locked, 0o500)
        # Root ignores permission bits; a /proc directory refuses new files even to root.
        args = ["-o", str((Path("/proc/self") if os.geteuid() == 0 else locked) / "report.md")]
    before = run_files(seeded_home)  # the shared template may already hold other tests' runs
    code, err = survey(args, capsys)
    assert code != 0
    lines = error_lines(err)
    assert len(lines) == 1 and lines[0].startswith("Error: "), err
    assert run_files(seeded_home) == before  # failed before the survey started
    assert sorted(p.name for p in tmp_path.iterdir() if p.name not in ("locked", "reviewer-home", "user-home")) \
        == ["afile", "seeded-home"]
