"""Timing helpers shared by the benchmarks: medians, percentiles, interleaved rounds, subprocess workers.

The machine is shared, so no absolute time is a result on its own: every figure is a ratio against a
baseline measured side by side (A, B, A, B, ...) and medians are taken.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BENCH_DIR = REPO / ".reviewer-home" / "bench"  # gitignored: cached homes, vectors and corpora
SCIFACT_HOME = REPO / ".reviewer-home" / "evals" / "scifact"  # read-only: always copied before use
PYTHON = sys.executable

def _default_batch() -> int:
    from reviewer.settings import Settings

    return int(Settings.model_fields["embed_batch_size"].default)


DEFAULT_BATCH = _default_batch()  # reviewer's default embed_batch_size
_STRIP = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "REVIEWER_LLM_BASE_URL", "REVIEWER_LLM_API_KEY",
          "REVIEWER_CHROMA_URL", "REVIEWER_LLM_MODEL")


@dataclass
class Figure:
    """One measured figure next to its target; ok is None when there is no pass/fail target."""

    name: str
    value: str
    target: str = ""
    ok: bool | None = None
    note: str = ""


@dataclass
class Section:
    title: str
    figures: list[Figure] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # markdown details (tables, notes)
    seconds: float = 0.0

    def add(self, name: str, value: str, target: str = "", ok: bool | None = None, note: str = "") -> None:
        self.figures.append(Figure(name, value, target, ok, note))

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        self.lines.append("| " + " | ".join(header) + " |")
        self.lines.append("|" + "|".join("---" for _ in header) + "|")
        self.lines.extend("| " + " | ".join(r) + " |" for r in rows)
        self.lines.append("")


def median(values: list[float]) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile, q in [0, 100]."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def interleave(cases: dict[str, Callable[[], Any]], rounds: int) -> dict[str, list[float]]:
    """Run every case once per round, rotating the order each round; seconds per case per round."""
    names = list(cases)
    out: dict[str, list[float]] = {n: [] for n in names}
    for r in range(rounds):
        shift = r % len(names)
        for name in names[shift:] + names[:shift]:
            out[name].append(timed(cases[name])[0])
    return out


def clean_env(home: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment for a child process: no LLM endpoint, no telemetry, a given REVIEWER_HOME."""
    env = {k: v for k, v in os.environ.items() if k not in _STRIP}
    env.update({"HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False", "REVIEWER_QUIET": "1",
                "PYTHONPATH": str(REPO)})
    if home is not None:
        env["REVIEWER_HOME"] = str(home)
    env.update(extra)
    return env


@dataclass
class ProcResult:
    seconds: float
    max_rss_mb: float
    returncode: int
    stdout: str
    stderr: str


def run_process(args: list[str], env: dict[str, str], cwd: Path = REPO, timeout: float = 1200) -> ProcResult:
    """Run a child; its wall time and ru_maxrss from os.wait4 (an upper bound: Linux folds the parent's
    peak into a fork + exec child's ru_maxrss; workers report their own VmHWM instead)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, cwd=str(cwd), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    chunks: dict[str, str] = {}

    def drain(name: str, stream: Any) -> None:
        chunks[name] = stream.read()

    readers = [threading.Thread(target=drain, args=(n, s)) for n, s in (("out", proc.stdout), ("err", proc.stderr))]
    for t in readers:
        t.start()
    killer = threading.Timer(timeout, proc.kill)
    killer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    killer.cancel()
    for t in readers:
        t.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return ProcResult(seconds, usage.ru_maxrss / 1024, proc.returncode, chunks.get("out", ""), chunks.get("err", ""))


def run_worker(task: str, args: dict[str, Any], env: dict[str, str], timeout: float = 1800) -> dict[str, Any]:
    """Run `python -m benchmarks.worker TASK ARGS` and return the JSON it prints on its last line."""
    result = run_process([PYTHON, "-m", "benchmarks.worker", task, json.dumps(args)], env, timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"worker {task} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        raise RuntimeError(f"worker {task} printed no JSON:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    out: dict[str, Any] = json.loads(lines[-1])
    out["wall_seconds"] = result.seconds
    return out


def machine_info() -> dict[str, str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 2**20:.1f} GiB"
                break
    except OSError:
        pass
    return {"nproc": str(os.cpu_count()), "ram": ram, "cpu": cpu, "python": platform.python_version(),
            "load": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def ratio(value: float) -> str:
    return f"{value:.2f}×"


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
