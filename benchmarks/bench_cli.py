"""CLI start-up: `reviewer --help` and `reviewer search QUERY` vs `python -c pass`, as subprocesses.

The three commands interleave (rotating order) for several rounds and medians are compared. A
`python -X importtime` run of `reviewer --help` lists what start-up imports and flags heavy modules.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from benchmarks.common import PYTHON, Section, clean_env, log, median, ratio, run_process
from benchmarks.data import copy_home, seeds_home

HELP_TARGET = 0.4
HEAVY = ("chromadb", "langchain", "langchain_core", "langchain_openai", "onnxruntime", "numpy", "openai",
         "bm25s", "tokenizers", "rich", "pydantic", "pydantic_settings", "scipy", "torch")
FORBIDDEN = ("chromadb", "langchain", "langchain_core", "langchain_openai", "onnxruntime", "numpy")
QUERY = "process reward models for LLM reasoning"


def reviewer_exe() -> str:
    candidate = Path(sys.executable).parent / "reviewer"
    return str(candidate) if candidate.exists() else "reviewer"


def run(quick: bool) -> Section:
    section = Section("3. CLI start-up")
    rounds = 3 if quick else 7
    exe = reviewer_exe()
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as tmp:
        home = copy_home(seeds_home()[0], Path(tmp) / "home")
        env = clean_env(home)
        commands = {
            "python -c pass": [PYTHON, "-c", "pass"],
            "reviewer --help": [exe, "--help"],
            f'reviewer search "{QUERY}"': [exe, "search", QUERY],
        }
        for args in commands.values():  # warm the page cache and .pyc files once
            run_process(args, env)
        log(f"cli: {len(commands)} commands × {rounds} rounds")
        names = list(commands)
        times: dict[str, list[float]] = {n: [] for n in names}
        for r in range(rounds):
            for name in names[r % 3:] + names[: r % 3]:
                result = run_process(commands[name], env)
                if result.returncode != 0:
                    raise RuntimeError(f"{name} failed: {result.stderr[-2000:]}")
                times[name].append(result.seconds)
        base, help_s, search_s = (median(times[n]) for n in names)
        imports = _importtime(exe, env)
    section.add("`reviewer --help` wall time (median)", f"{help_s:.3f} s", f"< {HELP_TARGET} s", help_s < HELP_TARGET,
                f"{ratio(help_s / base)} of `python -c pass` ({base:.3f} s) side by side")
    section.add("`reviewer search` wall time / `python -c pass`", ratio(search_s / base), "(baseline for §4)", None,
                f"{search_s:.3f} s median on the seeds (343 abstracts), index already built")
    heavy = sorted({m.split(".")[0] for m, _, _ in imports if m.split(".")[0] in HEAVY})
    bad = [m for m in heavy if m in FORBIDDEN]
    section.add("heavy modules imported by `reviewer --help`", ", ".join(bad) or "none",
                "none of " + "/".join(FORBIDDEN[:2] + FORBIDDEN[4:]), not bad,
                f"other notable imports: {', '.join(m for m in heavy if m not in bad) or 'none'}")
    section.table(["command", "median wall", "vs python -c pass"],
                  [[f"`{n}`", f"{median(times[n]):.3f} s", ratio(median(times[n]) / base)] for n in names])
    top = sorted(((m, us) for m, us, depth in imports if depth == 0), key=lambda kv: -kv[1])[:12]
    section.lines.append("Largest top-level imports of `reviewer --help` (`python -X importtime`, cumulative):")
    section.lines.append("")
    section.table(["module", "cumulative"], [[f"`{m}`", f"{us / 1000:.1f} ms"] for m, us in top])
    return section


def _importtime(exe: str, env: dict[str, str]) -> list[tuple[str, int, int]]:
    """(module, cumulative µs, nesting depth) of every import made by `reviewer --help`."""
    result = run_process([PYTHON, "-X", "importtime", exe, "--help"], env)
    pattern = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)")
    out = []
    for line in result.stderr.splitlines():
        m = pattern.match(line)
        if m:
            out.append((m.group(4), int(m.group(2)), len(m.group(3)) // 2))
    return out
