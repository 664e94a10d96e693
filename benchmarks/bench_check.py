"""`reviewer check` on an offline survey: wall time per checked sentence, whole command included.

The survey is written once by `reviewer survey TOPIC --offline` into a copy of the seeds bench home;
then `reviewer check survey.md --json` runs as a subprocess for several rounds (process start-up,
catalogue, vector cache and every verdict included) and the median wall time is divided by the
number of cited sentences it checked. A second figure times the in-process check alone.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from benchmarks.common import PYTHON, Section, clean_env, log, median, run_process
from benchmarks.data import copy_home, seeds_home

TOPIC = "process reward models for LLM reasoning"
TARGET_MS = 50.0


def run(quick: bool) -> Section:
    section = Section("Claim checker: `reviewer check` on an offline survey")
    rounds = 2 if quick else 5
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp_name:
        tmp = Path(tmp_name)
        home = copy_home(seeds_home()[0], tmp / "home")
        env = clean_env(home)
        report = tmp / "survey.md"
        got = run_process([PYTHON, "-m", "reviewer", "survey", TOPIC, "--offline", "--quiet", "-o", str(report)], env)
        if got.returncode != 0:
            raise RuntimeError(f"survey failed: {got.stderr[-2000:]}")
        empty = tmp / "one.md"  # same command, one cited sentence: the fixed cost (model loads included)
        empty.write_text("# One\n\n" + _first_cited(report) + "\n", encoding="utf-8")
        times: list[float] = []
        fixed: list[float] = []
        n = 0
        for r in range(rounds + 1):  # the first round warms the page cache and .pyc files
            for path, bucket in ((report, times), (empty, fixed)):
                got = run_process([PYTHON, "-m", "reviewer", "check", str(path), "--json"], env)
                if got.returncode not in (0, 1):
                    raise RuntimeError(f"check failed: {got.stderr[-2000:]}")
                if path == report:
                    n = int(json.loads(got.stdout)["scores"]["cited_sentences"])
                if r:
                    bucket.append(got.seconds)
        log(f"check: {n} cited sentences, {rounds} rounds")
        inproc = _in_process(home, report)
    wall, base = median(times), median(fixed)
    per = 1000 * (wall - base) / max(1, n - 1)
    load = os.getloadavg()[0]
    section.add("`reviewer check survey.md` time per cited sentence, beyond the command's fixed cost", f"{per:.1f} ms",
                f"< {TARGET_MS:.0f} ms", per < TARGET_MS,
                f"{n} sentences: {wall:.2f} s vs {base:.2f} s for its first cited sentence alone (medians of {rounds}); "
                f"load average {load:.1f} on {os.cpu_count()} cores")
    section.add("`reviewer check survey.md` whole command per cited sentence", f"{1000 * wall / max(1, n):.1f} ms",
                "", None, "start-up, catalogue and model load included")
    section.add("in-process check per cited sentence (checker warm)", f"{inproc:.1f} ms", "", None,
                "check_text on the same report after one warm-up pass")
    return section


def _first_cited(report: Path) -> str:
    from evals.citations import prose_of_report
    from reviewer.citations import cited_sentences

    return next(s.text for s in cited_sentences(prose_of_report(report.read_text(encoding="utf-8"))) if s.keys)


def _in_process(home: Path, report: Path) -> float:
    from evals.citations import check_text, prose_of_report
    from reviewer.checker import ClaimChecker
    from reviewer.settings import Settings

    settings = Settings(home=home, auto_ingest_seeds=False)
    checker = ClaimChecker(settings)
    text = prose_of_report(report.read_text(encoding="utf-8"))
    check_text(text, settings, checker=checker)
    t0 = time.perf_counter()
    result = check_text(text, settings, checker=checker)
    return 1000 * (time.perf_counter() - t0) / max(1, result.scores.cited_sentences)
