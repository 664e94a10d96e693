"""Dense indexing throughput vs the raw embedding floor, embedding settings, a vector cache.

* ingest (parse + catalogue + embed + Chroma + BM25: `reviewer.ingest.pipeline.ingest_paths` into a fresh home)
  vs `MiniLMEmbedder.embed` over exactly the texts that ingest embedded (recorded by the ingest run; with
  the sentence layout these are titles and abstract sentences), same batch size, each in a fresh
  process, alternating; plus the old floor, one whole "title. abstract" text per paper;
* max_length, sort-by-length, batch 8/16/32/64, threads 1 vs 2 (= auto on 2 cores): interleaved in one
  process over the texts ingest embeds;
* a cross-home content-hash cache of vectors: re-ingest of the same texts into a fresh home.
Quality per max_length is in bench_quality.py.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import DEFAULT_BATCH, Section, clean_env, log, median, ratio, run_worker
from benchmarks.data import scifact_jsonl

INGEST_TARGET = 0.8
DEFAULT = f"default (max_length 256, batch {DEFAULT_BATCH}, sorted, threads auto = 2 here)"
VARIANTS: dict[str, dict[str, Any]] = {
    DEFAULT: {},
    "max_length 128": {"max_length": 128},
    "max_length 64": {"max_length": 64},
    "sort_by_length off": {"sort": False},
    "batch 8": {"batch_size": 8},
    "batch 32": {"batch_size": 32},
    "batch 64": {"batch_size": 64},
    "threads 1": {"threads": 1},
}
QUICK_VARIANTS = (DEFAULT, "max_length 128", "sort_by_length off", "threads 1")


def run(quick: bool) -> Section:
    section = Section("1. Dense indexing throughput, embedding settings, vector cache")
    n, rounds = (16, 1) if quick else (32, 3)
    corpus = scifact_jsonl(n)
    with tempfile.TemporaryDirectory(prefix="bench-embed-") as tmp_name:
        tmp = Path(tmp_name)
        units = _ingest_vs_raw(section, corpus, n, rounds, tmp)
        _cache(section, corpus, tmp, quick)
        _settings(section, units, quick)
    from benchmarks.bench_quality import quality

    quality(section)
    return section


def _ingest_vs_raw(section: Section, corpus: Path, n: int, rounds: int, tmp: Path) -> Path:
    units = tmp / "ingest-texts.json"
    times: dict[str, list[float]] = {"ingest": [], "raw": [], "whole": []}
    phases: list[dict[str, float]] = []
    rss: dict[str, float] = {}
    embedded = 0
    for r in range(rounds):
        home = tmp / f"ingest-{r}"
        jobs = {
            "ingest": lambda h=home: run_worker("ingest", {"home": str(h), "paths": [str(corpus)],
                                                            "dump_texts": str(units)}, clean_env(h)),
            "raw": lambda h=home: run_worker("raw_embed", {"texts_json": str(units)}, clean_env(h)),
            "whole": lambda h=home: run_worker("raw_embed", {"jsonl": str(corpus), "n": n}, clean_env(h)),
        }
        order = ["ingest", "raw", "whole"] if r % 2 == 0 else ["whole", "raw", "ingest"]  # ingest first records texts
        for name in order:
            log(f"embed: {name} over {n} SciFact abstracts (round {r + 1}/{rounds})")
            got = jobs[name]()
            times[name].append(got["seconds"])
            rss[name] = max(rss.get(name, 0.0), got["rss_mb"])
            if name == "ingest":
                phases.append(got["phases"])
                embedded = got["embedded_texts"]
        shutil.rmtree(home, ignore_errors=True)
    pair = median([r / i for r, i in zip(times["raw"], times["ingest"], strict=True)])
    section.add(f"ingest throughput / raw MiniLM throughput on the same {embedded} texts ({n} abstracts)",
                ratio(pair), f"≥ {INGEST_TARGET}×", pair >= INGEST_TARGET,
                f"median of {rounds} side-by-side pair(s); raw {embedded / median(times['raw']):.1f} texts/s here")
    share = median([p["MiniLM embed"] / t for p, t in zip(phases, times["ingest"], strict=True)])
    section.add("same, in-process: MiniLM time inside ingest / ingest wall time", ratio(share),
                f"≥ {INGEST_TARGET}×", share >= INGEST_TARGET,
                "drift-free: both clocks in the same process at the same moment")
    whole = median([w / i for w, i in zip(times["whole"], times["ingest"], strict=True)])
    section.add(f"ingest vs the old floor: one whole title + abstract text per paper ({n} texts)", ratio(whole),
                "(study)", None, "< 1 means today's ingest embeds more than the one-vector-per-paper design did")
    total = median(times["ingest"])
    keys = sorted({k for p in phases for k in p})
    section.lines.append(f"Ingest of {n} abstracts embeds {embedded} texts; median phase share of its wall time "
                         "(phases nest: MiniLM embed is inside embed+chroma):")
    section.lines.append("")
    section.table(["phase", "share of ingest time"],
                  [[k, f"{median([p.get(k, 0.0) for p in phases]) / total:.1%}"] for k in keys])
    section.lines.append(f"Peak RSS: ingest {rss['ingest']:.0f} MB, raw embedding of the same texts {rss['raw']:.0f} MB, "
                         f"whole abstracts {rss['whole']:.0f} MB (batch {DEFAULT_BATCH}).")
    section.lines.append("")
    return units


def _cache(section: Section, corpus: Path, tmp: Path, quick: bool) -> None:
    """Plain ingest vs ingest through a cold cross-home cache vs re-ingest into a fresh home (warm cache)."""
    db = tmp / "shared-vectors.sqlite"
    times: dict[str, list[float]] = {"plain": [], "cold": [], "warm": []}
    for i, name in enumerate(["plain", "cold", "warm"] + ([] if quick else ["warm"])):
        home = tmp / f"cache-{i}"
        args: dict[str, Any] = {"home": str(home), "paths": [str(corpus)]}
        if name != "plain":
            args["cache_db"] = str(db)
        log(f"embed: ingest, {name} cross-home vector cache")
        times[name].append(run_worker("ingest", args, clean_env(home))["seconds"])
        shutil.rmtree(home, ignore_errors=True)
    plain = median(times["plain"])
    section.add("re-ingest into a fresh home with a warm cross-home vector cache / plain ingest",
                ratio(median(times["warm"]) / plain), "(study; lower is better)", None,
                f"filling the cache costs {median(times['cold']) / plain:.2f}× plain ingest")


def _settings(section: Section, units: Path, quick: bool) -> None:
    rounds = 1 if quick else 2
    variants = {k: v for k, v in VARIANTS.items() if not quick or k in QUICK_VARIANTS}
    count = min(len(json.loads(units.read_text(encoding="utf-8"))), 96 if quick else 192)
    unit = max(48, count // 2)
    log(f"embed: {len(variants)} embedding settings × {rounds} round(s) over {count} ingest texts")
    got = run_worker("embed_settings", {"texts_json": str(units), "limit": count, "unit": unit,
                                        "variants": variants, "rounds": rounds}, clean_env(units.parent))
    times: dict[str, list[float]] = got["times"]
    base = times[DEFAULT]
    rows = []
    for name, values in times.items():
        rel = median([b / v for b, v in zip(base, values, strict=True)])
        rows.append([name, f"{count * rounds / sum(values):.1f}", ratio(rel)])
        if name != DEFAULT:
            section.add(f"embedding throughput, {name} vs default", ratio(rel), "(study)", None)
    section.lines.append(f"Embedding settings over {count} evenly spaced texts of those ingest embedded (mean {got['tokens_mean']:.0f} "
                         f"WordPiece tokens; {got['over_128']:.1%} longer than 128, {got['at_256']:.1%} cut at 256); "
                         f"variants interleave on slices of {unit} texts, {rounds} round(s), one process; ratio = "
                         "median over slices of default time / variant time:")
    section.lines.append("")
    section.table(["setting", "texts/s here", "throughput vs default"], rows)
