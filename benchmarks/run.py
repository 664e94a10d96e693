"""Entry point: `python -m benchmarks.run [--quick] [--only NAME[,NAME]] [--output PATH]`.

A full run of every benchmark writes benchmarks/RESULTS.md; `--quick` or `--only` runs write to
.reviewer-home/bench/RESULTS-partial.md unless --output says otherwise, so the committed results
always come from a full run. Cached inputs (seeds home, synthetic 100k home, quality vectors) live in
.reviewer-home/bench/; delete that folder to rebuild them.
"""

from __future__ import annotations

import argparse
import importlib
import shlex
import sys
import time
import traceback
from pathlib import Path

from benchmarks.common import BENCH_DIR, REPO, Section, log, machine_info

BENCHMARKS = {
    "embed": "benchmarks.bench_embed",
    "search": "benchmarks.bench_search",
    "cli": "benchmarks.bench_cli",
    "survey": "benchmarks.bench_survey",
    "memory": "benchmarks.bench_memory",
    "ask": "benchmarks.bench_ask",
    "check": "benchmarks.bench_check",
    "plan": "benchmarks.bench_plan",
    "ingest_scale": "benchmarks.bench_scale",
}
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="Smaller samples (~2-3 min once caches exist).")
    parser.add_argument("--only", help=f"Comma-separated subset of: {', '.join(BENCHMARKS)}.")
    parser.add_argument("--output", type=Path, help="Where to write the Markdown results.")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.only.split(",")] if args.only else list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    output = args.output or (RESULTS if not args.quick and not args.only else BENCH_DIR / "RESULTS-partial.md")
    command = "python -m benchmarks.run" + (" " + shlex.join(argv if argv is not None else sys.argv[1:])
                                             if (argv if argv is not None else sys.argv[1:]) else "")
    machine_start = machine_info()
    started, wall = time.strftime("%Y-%m-%d %H:%M:%S %Z"), time.perf_counter()
    sections: list[Section] = []
    failed = False
    for name in names:
        log(f"== {name} ==")
        t0 = time.perf_counter()
        try:
            section = importlib.import_module(BENCHMARKS[name]).run(args.quick)
        except Exception:
            failed = True
            section = Section(f"{name}: FAILED")
            section.lines += ["```", traceback.format_exc()[-4000:], "```", ""]
            log(f"{name} failed:\n{traceback.format_exc()}")
        section.seconds = time.perf_counter() - t0
        sections.append(section)
        log(f"{name} done in {section.seconds:.0f} s")
    total = time.perf_counter() - wall
    text = render(sections, command, started, total, machine_start, machine_info(), args.quick)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(text)
    log(f"wrote {output.relative_to(REPO) if output.is_relative_to(REPO) else output} in {total:.0f} s")
    return 1 if failed else 0


def code_state() -> str:
    """The commit measured and which reviewer/ files differ from it (read-only git calls)."""
    import subprocess

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, timeout=30).stdout
        except (OSError, subprocess.SubprocessError):
            return ""

    head = git("rev-parse", "--short", "HEAD").strip() or "unknown"
    dirty = [line[3:] for line in git("status", "--porcelain", "--", "reviewer").splitlines()]
    return f"commit {head}" + (f" plus uncommitted changes to {', '.join(dirty)}" if dirty else "")


def cache_note() -> str:
    """When the cached inputs were built and what building them cost (paid once per checkout)."""
    import json

    parts = []
    for home in sorted((BENCH_DIR / "homes").glob("*/bench-build.json")):
        info = json.loads(home.read_text())
        parts.append(f"{home.parent.name} home built {info['built']} in {info['seconds']:.0f} s")
    quality = BENCH_DIR / "quality"
    if quality.is_dir():
        parts.append(f"{len(list(quality.glob('*.npy')))} cached quality vector sets")
    return ("; ".join(parts) + " (a fresh checkout builds these once, adding ~10-25 min to its first full run)"
            if parts else "none yet: this run built them")


def _status(ok: bool | None) -> str:
    return "" if ok is None else ("PASS" if ok else "**MISS**")


def render(sections: list[Section], command: str, started: str, total: float, before: dict[str, str],
           after: dict[str, str], quick: bool) -> str:
    per_section = ", ".join(f"§{s.title.split('.')[0]} {s.seconds:.0f} s" for s in sections)
    lines = [
        "# Benchmark results",
        "",
        f"- Date: {started}",
        f"- Machine: {before['nproc']} CPUs ({before['cpu']}), {before['ram']} RAM, Python {before['python']}",
        f"- Load average (1/5/15 min) at start: {before['load']}; at end: {after['load']} "
        "(the machine is shared: absolute times are noisy, so each figure is paired with a side-by-side baseline)",
        f"- Command: `{command}`" + (" (quick mode: smaller samples)" if quick else ""),
        f"- Code measured: {code_state()}",
        f"- Cached inputs reused from `.reviewer-home/bench/`: {cache_note()}",
        f"- Wall time of the whole run: {total / 60:.1f} min ({per_section})",
        "",
        "## Summary",
        "",
        "| § | figure | measured | target | status | note |",
        "|---|---|---|---|---|---|",
    ]
    for s in sections:
        number = s.title.split(".")[0]
        for f in s.figures:
            lines.append(f"| {number} | {f.name} | {f.value} | {f.target} | {_status(f.ok)} | {f.note} |")
    lines.append("")
    for s in sections:
        lines += [f"## {s.title}", "", f"_{s.seconds:.0f} s_", ""]
        lines += [f"- {f.name}: **{f.value}** (target {f.target or '—'}) {_status(f.ok)}"
                  + (f" — {f.note}" if f.note else "") for f in s.figures]
        lines.append("")
        lines += s.lines
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    sys.exit(main())
