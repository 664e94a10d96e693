"""A built wheel works outside the repository: prompts, seeds and assets ship as package data.

Offline by construction: the wheel is built with the running interpreter's setuptools
(--no-build-isolation) and installed with --no-index --no-deps into a fresh venv; the dependencies
come from the running environment through a .pth line added only *after* the install (so pip never
sees, let alone touches, the development install). The commands then run from a directory outside
the repository with PYTHONPATH unset, so only the installed copy can be imported.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = ["pyproject.toml", "README.md", "reviewer", "evals", "prompts", "seeds"]


def _run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kwargs)  # type: ignore[call-overload]
    assert out.returncode == 0, f"{cmd[:3]} failed:\n{out.stdout[-2000:]}\n{out.stderr[-4000:]}"
    return out


def _build_wheel(tmp: Path) -> Path:
    src = tmp / "src"  # a copy, so the build leaves no build/ or egg-info in the repository
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build")
    src.mkdir()
    for name in SOURCES:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, src / name, symlinks=True, ignore=ignore)
        else:
            shutil.copy2(path, src / name)
    dist = tmp / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index",
          "-w", str(dist), str(src)])
    (wheel,) = dist.glob("reviewer-*.whl")
    return wheel


def _venv_with_wheel(tmp: Path, wheel: Path) -> Path:
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index",
          str(wheel)])
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    deps = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (site / "zz_deps.pth").write_text("\n".join(deps) + "\n")
    return venv


def test_wheel_runs_ask_and_survey_outside_the_repo(tmp_path: Path) -> None:
    venv = _venv_with_wheel(tmp_path, _build_wheel(tmp_path))
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items()
           if k != "PYTHONPATH" and not k.startswith(("REVIEWER_", "OPENAI_"))}
    env.update(REVIEWER_HOME=str(tmp_path / "home"), HOME=str(tmp_path), PYTHONNOUSERSITE="1")

    where = _run([str(venv / "bin" / "python"), "-c",
                  "import reviewer, reviewer.settings as s; st = s.Settings(); "
                  "print(reviewer.__file__); print(st.prompts_dir); print(st.seeds_dir)"],
                 cwd=work, env=env).stdout.split()
    assert all(p.startswith(str(venv)) for p in where), where  # the installed copy, not the repository

    ask = _run([str(venv / "bin" / "reviewer"), "ask", "--json",
                "How do process reward models differ from outcome reward models?"], cwd=work, env=env)
    answer = json.loads(ask.stdout)
    assert not answer["refused"] and answer["citations"], answer
    assert all(f"[@{c['key']}]" in answer["answer"] for c in answer["citations"])

    report = work / "survey.md"
    _run([str(venv / "bin" / "reviewer"), "survey", "process reward models for LLM reasoning",
          "-o", str(report)], cwd=work, env=env)
    text = report.read_text()
    assert "## References" in text, text[-1500:]
    assert text.count("[@") >= 5
