"""Child-process side of the benchmarks: `python -m benchmarks.worker TASK JSON_ARGS`.

Each task prints one JSON line (its timings and its own peak RSS), so every measurement runs in a
fresh interpreter with nothing else loaded, and memory figures are per process.
"""

from __future__ import annotations

import hashlib
import json
import resource
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.common import DEFAULT_BATCH

DIM = 384


class FakeEmbedder:
    """Random-but-fixed unit vectors (np.random.default_rng(0), drawn in call order): no model cost."""

    def __init__(self) -> None:
        self.rng = np.random.default_rng(0)

    def embed(self, texts: list[str], sort_by_length: bool = True) -> np.ndarray:
        v = self.rng.standard_normal((len(texts), DIM)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)


class RealThenFake(FakeEmbedder):
    """Runs the real model on the first `real_calls` embedding calls (the first ingest chunk) and discards
    its output: the process then holds the loaded session and has seen a real activation peak, while
    every vector stays random-but-fixed and the remaining 100k papers cost nothing to embed."""

    def __init__(self, real: Any, real_calls: int) -> None:
        super().__init__()
        self.real, self.left = real, real_calls

    def embed(self, texts: list[str], sort_by_length: bool = True) -> np.ndarray:
        if self.left > 0:
            self.left -= 1
            self.real.embed(texts, sort_by_length)
        return super().embed(texts, sort_by_length)


class CachedEmbedder:
    """Prototype of a paper-vector cache keyed by sha1(model tag + text), in SQLite like VectorCache."""

    def __init__(self, inner: Any, path: Path, tag: str) -> None:
        self.inner, self.tag = inner, tag
        self.db = sqlite3.connect(str(path), isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS vec (h TEXT PRIMARY KEY, v BLOB NOT NULL)")
        self.hits = self.misses = 0

    def embed(self, texts: list[str], sort_by_length: bool = True) -> np.ndarray:
        hashes = [hashlib.sha1(f"{self.tag}\0{t}".encode()).hexdigest() for t in texts]
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(hashes), 500):
            chunk = hashes[start : start + 500]
            rows = self.db.execute(f"SELECT h, v FROM vec WHERE h IN ({','.join('?' * len(chunk))})", chunk)
            found.update((h, np.frombuffer(v, dtype=np.float32)) for h, v in rows)
        todo = [i for i, h in enumerate(hashes) if h not in found]
        self.hits += len(texts) - len(todo)
        self.misses += len(todo)
        if todo:
            vectors = self.inner.embed([texts[i] for i in todo], sort_by_length)
            self.db.execute("BEGIN")
            for i, v in zip(todo, vectors, strict=True):
                found[hashes[i]] = np.asarray(v, dtype=np.float32)
                self.db.execute("INSERT OR REPLACE INTO vec VALUES (?, ?)", (hashes[i], found[hashes[i]].tobytes()))
            self.db.execute("COMMIT")
        return np.stack([found[h] for h in hashes])


def _rss_mb() -> float:
    """Peak RSS of this process image: VmHWM. (ru_maxrss is not used: Linux carries the parent's peak
    over fork + exec into it, so a child of a big benchmark runner would report the runner's peak.)"""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _texts(path: str, n: int) -> list[str]:
    """Title + ". " + abstract of the first n JSONL records: the same string ingest embeds (Paper.text)."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            out.append(f"{obj['title'].strip()}. {obj['abstract'].strip()}")
            if len(out) >= n:
                break
    return out


def _load_texts(args: dict[str, Any]) -> list[str]:
    """Either the exact texts an ingest run embedded (texts_json) or whole title + abstract texts (jsonl, n)."""
    if args.get("texts_json"):
        texts: list[str] = json.loads(Path(args["texts_json"]).read_text(encoding="utf-8"))
        return texts
    return _texts(args["jsonl"], args["n"])


def _wrap(owner: Any, name: str, phases: dict[str, float], label: str) -> None:
    """Accumulate the seconds spent in owner.name (a class or an instance attribute) under label."""
    raw = owner.__dict__[name] if name in getattr(owner, "__dict__", {}) else getattr(owner, name)
    func = raw.__func__ if isinstance(raw, classmethod) else raw

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            phases[label] = phases.get(label, 0.0) + time.perf_counter() - start

    if isinstance(raw, classmethod):
        setattr(owner, name, classmethod(timed))
    else:
        setattr(owner, name, timed)


def _fake_late(fake: FakeEmbedder) -> None:
    """The late plan encodes through the session's token states, not `embed`: give it the same random-but-fixed
    vectors (one unit row per title / sentence), running the real model first on what RealThenFake still owes."""
    import reviewer.late_chunk as late_mod
    from reviewer.vector_cache import paper_sentences

    real_late = late_mod.late_embed

    def late_embed(embedder: Any, papers: list[tuple[str, str]], *args: Any, **kwargs: Any) -> Any:
        if isinstance(fake, RealThenFake) and fake.left > 0:
            fake.left -= 1
            real_late(fake.real, papers, *args, **kwargs)
        wholes = fake.embed([f"{t}. {a}" for t, a in papers])
        return wholes, [fake.embed(paper_sentences(t, a)) for t, a in papers], []

    late_mod.late_embed = late_embed  # type: ignore[assignment]


def task_ingest(args: dict[str, Any]) -> dict[str, Any]:
    """reviewer.ingest.pipeline.ingest_paths into a fresh home, timed by phase (model load excluded)."""
    import reviewer.embed as embed_mod
    import reviewer.index as index_mod
    from reviewer.catalog import Catalog
    from reviewer.ingest.pipeline import ingest_paths
    from reviewer.settings import Settings

    arm = dict(args.get("settings", {}))
    if "minilm_model" in arm:  # ingest is the index's work: an arm's model is the index model (one model, both roles)
        arm.setdefault("index_model", arm["minilm_model"])
    model_file = arm.pop("model_file", None)  # §6k: a screened model file, run as minilm_model="qint8-fused"
    if model_file:
        shipped = embed_mod.model_path
        embed_mod.model_path = lambda m: Path(model_file) if m == "qint8-fused" else shipped(m)  # type: ignore[assignment]
    settings = Settings(home=Path(args["home"]), embed_max_length=args.get("max_length", 256),
                        embed_batch_size=args.get("batch_size", DEFAULT_BATCH), auto_ingest_seeds=False, **arm)
    if args.get("fake"):
        fake: Any = FakeEmbedder()
        if args.get("real_calls"):
            fake = RealThenFake(embed_mod.get_embedder(settings.embed_max_length, settings.embed_batch_size,
                                                       settings.embed_threads, settings.index_settings.minilm_model),
                                int(args["real_calls"]))
        embed_mod.get_embedder = lambda *a, **k: fake  # type: ignore[assignment]
        if settings.paper_vector == "late":
            _fake_late(fake)
    phases: dict[str, float] = {}
    seen: list[str] = []
    if not args.get("fake"):
        real = embed_mod.get_embedder(settings.embed_max_length, settings.embed_batch_size, settings.embed_threads,
                                      settings.index_settings.minilm_model)  # the same lru_cache key ingest asks for
        real.embed(["warm up the session"])
        inner = real.embed

        def recording(texts: list[str], sort_by_length: bool = True) -> np.ndarray:
            seen.extend(texts)
            return inner(texts, sort_by_length)

        real.embed = recording  # type: ignore[method-assign]
        _wrap(real, "embed", phases, "MiniLM embed")
        if args.get("cache_db"):
            cached = CachedEmbedder(real, Path(args["cache_db"]), f"{settings.embedding_model_id}:{settings.embed_max_length}")
            embed_mod.get_embedder = lambda *a, **k: cached  # type: ignore[assignment]
    if args.get("stub_vectors"):
        index_mod.VectorStore.add = lambda self, papers, *rest: len(papers)  # type: ignore[method-assign]
    else:
        _wrap(index_mod.VectorStore, "add", phases, "embed+chroma")
    _wrap(Catalog, "add_records", phases, "parse+catalog")
    _wrap(index_mod.LexicalIndex, "build", phases, "bm25")
    _wrap(index_mod.LexicalIndex, "save", phases, "bm25")
    start, cpu = time.perf_counter(), time.process_time()
    report = ingest_paths(settings, [Path(p) for p in args["paths"]], quiet=True)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    if args.get("dump_texts"):
        Path(args["dump_texts"]).write_text(json.dumps(seen), encoding="utf-8")
    return {"seconds": seconds, "cpu_seconds": cpu, "phases": phases, "papers": report.total_papers, "rss_mb": _rss_mb(),
            "embedded_texts": len(seen)}


def task_raw_embed(args: dict[str, Any]) -> dict[str, Any]:
    """MiniLMEmbedder.embed over the same texts and batch size: the floor ingest cannot beat."""
    from reviewer.embed import MiniLMEmbedder

    texts = _load_texts(args)
    embedder = MiniLMEmbedder(max_length=args.get("max_length", 256), batch_size=args.get("batch_size", DEFAULT_BATCH))
    embedder.embed(["warm up the session"])
    start = time.perf_counter()
    embedder.embed(texts)
    return {"seconds": time.perf_counter() - start, "n": len(texts), "rss_mb": _rss_mb()}


def task_embed_settings(args: dict[str, Any]) -> dict[str, Any]:
    """Seconds per variant per (round, unit of texts): variants interleave on each unit, order rotating."""
    from reviewer.embed import MiniLMEmbedder

    texts = _load_texts(args)
    if args.get("limit"):  # an evenly spaced sample keeps the mix (titles, sentences, whole texts) of the input
        texts = texts[:: max(1, len(texts) // args["limit"])][: args["limit"]]
    unit = args.get("unit", len(texts))
    sessions: dict[tuple[int, int | None], MiniLMEmbedder] = {}
    variants: dict[str, tuple[MiniLMEmbedder, int, bool]] = {}
    for name, v in args["variants"].items():
        key = (v.get("max_length", 256), v.get("threads"))
        if key not in sessions:
            sessions[key] = MiniLMEmbedder(max_length=key[0], batch_size=DEFAULT_BATCH, threads=key[1])
            sessions[key].embed(["warm up the session"])
        variants[name] = (sessions[key], v.get("batch_size", 32), v.get("sort", True))
    names = list(variants)
    times: dict[str, list[float]] = {n: [] for n in names}
    slot = 0
    for _ in range(args["rounds"]):
        for start in range(0, len(texts), unit):
            chunk = texts[start : start + unit]
            for name in names[slot % len(names):] + names[: slot % len(names)]:
                emb, bs, sort = variants[name]
                emb.batch_size = bs
                t0 = time.perf_counter()
                emb.embed(chunk, sort_by_length=sort)
                times[name].append(time.perf_counter() - t0)
            slot += 1
    tokens = np.array([len(e.ids) for e in next(iter(sessions.values()))._tokenizer.encode_batch(texts)])
    return {"times": times, "n": len(texts), "tokens_mean": float(tokens.mean()),
            "over_128": float((tokens > 128).mean()), "at_256": float((tokens >= 256).mean()),
            "rss_mb": _rss_mb()}


def task_cli(args: dict[str, Any]) -> dict[str, Any]:
    """Run `reviewer ARGV` in this process, counting the texts MiniLM embeds and the time it takes."""
    import traceback

    import reviewer.embed as embed_mod
    from reviewer.cli import main as cli_main

    stats = {"texts": 0, "seconds": 0.0}
    callers: dict[str, list[float]] = {}
    original = embed_mod.MiniLMEmbedder.embed

    def counting(self: Any, texts: list[str], sort_by_length: bool = True) -> np.ndarray:
        start = time.perf_counter()
        try:
            return original(self, texts, sort_by_length)
        finally:
            elapsed = time.perf_counter() - start
            stats["texts"] += len(texts)
            stats["seconds"] += elapsed
            frames = [f for f in traceback.extract_stack()[:-1] if "/reviewer/" in f.filename
                      and not f.filename.endswith(("embed.py", "vector_cache.py"))]
            where = f"{Path(frames[-1].filename).stem}.{frames[-1].name}" if frames else "?"
            entry = callers.setdefault(where, [0, 0.0])
            entry[0] += len(texts)
            entry[1] += elapsed

    embed_mod.MiniLMEmbedder.embed = counting  # type: ignore[method-assign]
    sys.argv = ["reviewer", *args["argv"]]
    start = time.perf_counter()
    code = 0
    try:
        cli_main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    return {"code": code, "seconds": time.perf_counter() - start, "embedded_texts": stats["texts"],
            "embed_seconds": stats["seconds"], "callers": callers, "rss_mb": _rss_mb()}


from benchmarks.bench_scale import task_ingest_scale  # noqa: E402 - tasks kept next to their benchmark
from benchmarks.plan_worker import task_plan_speed  # noqa: E402

TASKS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "plan_speed": task_plan_speed,
    "ingest_scale": task_ingest_scale,
    "ingest": task_ingest,
    "raw_embed": task_raw_embed,
    "embed_settings": task_embed_settings,
    "cli": task_cli,
}


def main() -> None:
    task, raw = sys.argv[1], sys.argv[2]
    result = TASKS[task](json.loads(raw))
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
