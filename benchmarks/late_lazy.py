"""What late chunking would move from ingest to query time (issue 16, RESULTS.md §6e, question c).

    python -m benchmarks.late_lazy [N_QUESTIONS]

Evidence ranking (`ask`, survey), MMR selection and the claim checker read sentence vectors by content hash
(VectorCache.embed); only re-scoring and `ask`'s corpus-wide sentence recall read the per-paper unit matrices.
Late-chunked sentence vectors depend on their paper, so they cannot be stored under a sentence's content hash:
those consumers would keep independently embedded vectors, made lazily the first time a sentence is needed.
This measures that cost on the seeds: one home ingested as today (every sentence cached) and a copy whose
cache keeps only the whole-text vectors (as a late-chunking ingest would leave it), with the bundled seed
vectors switched off in both (REVIEWER_SEED_VECTORS=false, so nothing refills the cache). The same `reviewer ask
--offline` questions (one process) and one offline survey run in each; reported: texts embedded (new cache
rows) and the child's CPU seconds.
"""

from __future__ import annotations

import json
import resource
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from benchmarks.common import PYTHON, clean_env, run_process
from reviewer.catalog import Catalog
from reviewer.ingest.pipeline import ingest_paths
from reviewer.settings import Settings
from reviewer.vector_cache import VectorCache

DATASETS = Path(__file__).resolve().parent.parent / "evals" / "datasets"


def _rows(home: Path) -> int:
    with sqlite3.connect(home / "vectors.sqlite") as db:
        return int(db.execute("SELECT COUNT(*) FROM vec16").fetchone()[0])


def _keep_whole_texts(settings: Settings) -> None:
    with Catalog(settings.catalog_path) as catalog:
        texts = [p.text for p in catalog.papers()]
    cache = VectorCache(settings)
    keep = {cache._hash(t) for t in texts}
    cache.close()
    with sqlite3.connect(settings.vectors_path) as db:
        rows = [h for (h,) in db.execute("SELECT h FROM vec16")]
        db.executemany("DELETE FROM vec16 WHERE h = ?", [(h,) for h in rows if h not in keep])


def _run(home: Path, args: list[str], stdin: str | None = None) -> tuple[int, float]:
    before, usage = _rows(home), resource.getrusage(resource.RUSAGE_CHILDREN)
    env = clean_env(home, REVIEWER_SEED_VECTORS="false")
    if stdin is not None:
        path = home / "questions.txt"
        path.write_text(stdin)
        args = ["sh", "-c", " ".join(args) + f" < {path}"]
    got = run_process(args, env)
    assert got.returncode == 0, got.stderr[-2000:]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return _rows(home) - before, (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    questions = [json.loads(x)["q"] for x in (DATASETS / "ask_dev.jsonl").read_text().splitlines() if x.strip()][:n]
    topic = json.loads((DATASETS / "survey_dev.jsonl").read_text().splitlines()[0])["topic"]
    with tempfile.TemporaryDirectory(prefix="late-lazy-") as tmp:
        today = Path(tmp) / "today"
        settings = Settings(home=today, auto_ingest_seeds=False)
        ingest_paths(settings, [settings.seeds_dir], quiet=True)
        late = Path(tmp) / "late"
        shutil.copytree(today, late)
        _keep_whole_texts(Settings(home=late, auto_ingest_seeds=False))
        print(f"vector-cache rows: today {_rows(today)}, late-chunked home {_rows(late)}")
        print("| step | today: texts embedded / CPU s | late chunking, lazy sentences: texts embedded / CPU s |")
        print("|---|---|---|")
        steps = [(f"`ask --offline`, {n} ask dev questions in one process",
                  [PYTHON, "-m", "reviewer", "ask", "--offline"], "\n".join(questions) + "\n"),
                 (f"`survey` offline, topic {topic!r}",
                  [PYTHON, "-m", "reviewer", "survey", topic, "-o", "SURVEY"], None),
                 ("`check` of that survey", [PYTHON, "-m", "reviewer", "check", "SURVEY"], None)]
        for name, args, stdin in steps:
            cells = []
            for home in (today, late):
                argv = [str(home / "survey.md") if a == "SURVEY" else a for a in args]
                rows, cpu = _run(home, argv, stdin)
                cells.append(f"{rows} / {cpu:.1f}")
            print(f"| {name} | {cells[0]} | {cells[1]} |", flush=True)


if __name__ == "__main__":
    main()
