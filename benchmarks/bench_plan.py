"""Embedding plan: throughput and SciFact dev hybrid quality of each plan, side by side in one run.

* Plans (what ingest embeds per paper; plan_quality.PLANS): today's whole text + title/sentences,
  no whole text (paper vector = mean of title + sentence vectors), shorter sentence max_length.
* Speed-only knobs on the chosen plan: batch size, length bucketing (sort) off, onnxruntime graph
  optimisation level, memory arena, intra-op threads, a pool of 2 single-thread processes.
* Throughput: benchmarks/plan_worker.py interleaves every variant over the same SciFact papers for
  ROUNDS rounds; per round, ratio = baseline seconds / variant seconds; reported as the geometric mean
  with a 95% t-interval over rounds (the batch-size question needs the interval: one run is noise).
* Cold ingest: `reviewer.ingest.pipeline.ingest_paths` into fresh homes, the pre-issue-16 default (the
  wheel's model, paper_vector=whole, batch 16) vs the new default or the BENCH_PLAN_ARMS arms, fresh
  processes in rotating order, same abstracts.
* Quality: plan_quality.py (all 300 judged dev claims, a fixed 1,000-document subset).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import Section, clean_env, log, run_worker
from benchmarks.data import scifact_jsonl
from benchmarks.plan_quality import BASELINE, CACHE, N_DOCS, PLANS, all_plans

# The default before issue 16's model change: the wheel's model, whole text; its batch size (16) is passed
# as the worker's batch_size. 'wheel-export' is the wheel's own file (since §6g 'wheel' runs the fused graph).
TODAY = {"paper_vector": "whole", "minilm_model": "wheel-export", "index_model": "wheel-export"}
TODAY_BATCH = 16
SPEEDUP_TARGET = 2.5
NDCG_TARGET, RECALL_TARGET = 0.735, 0.94
CHOSEN = "no whole text, title/sentences 256 (mean vector)"


def _plan_spec(name: str) -> dict[str, Any]:
    p = PLANS[name]
    return {"whole": p.whole, "sentence_length": p.sentence_length, "title_length": p.title_length}


def knob_variants(batch: int) -> dict[str, dict[str, Any]]:
    """Speed-only knobs on the chosen plan (same texts, same max_length: vectors equal up to int8 noise)."""
    base = {**_plan_spec(CHOSEN), "batch_size": batch}
    ref = f"{CHOSEN}, batch {batch}"
    out: dict[str, dict[str, Any]] = {ref: base}
    for b in (4, 8, 16, 32, 64):
        if b != batch:
            out[f"batch {b}"] = {**base, "batch_size": b, "same_vectors_as": ref}
    out["length bucketing off"] = {**base, "sort": False, "same_vectors_as": ref}
    for level in ("off", "basic", "extended"):
        out[f"graph optimisation {level} (default all)"] = {**base, "graph_level": level, "same_vectors_as": ref}
    out["memory arena on"] = {**base, "arena": True, "same_vectors_as": ref}
    out["intra-op threads 1"] = {**base, "threads": 1, "same_vectors_as": ref}
    out["intra-op threads 2"] = {**base, "threads": 2, "same_vectors_as": ref}
    out["thread spin-waiting off"] = {**base, "spin": False, "same_vectors_as": ref}
    out["pool: 2 processes x 1 thread"] = {**base, "procs": 2, "same_vectors_as": ref}
    return out


def interval(ratios: list[float]) -> tuple[float, float, float]:
    """Geometric mean of per-round ratios and its 95% t-interval (log scale)."""
    logs = [math.log(r) for r in ratios]
    m = sum(logs) / len(logs)
    if len(logs) < 2:
        return math.exp(m), float("nan"), float("nan")
    sd = math.sqrt(sum((x - m) ** 2 for x in logs) / (len(logs) - 1))
    half = _t975(len(logs) - 1) * sd / math.sqrt(len(logs))
    return math.exp(m), math.exp(m - half), math.exp(m + half)


def _t975(df: int) -> float:
    """Two-sided 95% Student t critical value (scipy is not a dependency)."""
    table = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262,
             10: 2.228, 12: 2.179, 15: 2.131, 20: 2.086, 30: 2.042}
    return table[max(k for k in table if k <= df)] if df < 60 else 1.96


def run(quick: bool) -> Section:
    from reviewer.settings import Settings

    section = Section("6. Embedding plan: papers/s and SciFact quality side by side")
    n, rounds, ingest_n, pairs = (8, 2, 16, 1) if quick else (8, 6, 32, int(os.environ.get("BENCH_PLAN_PAIRS") or 3))
    corpus = scifact_jsonl(max(n, ingest_n))
    batch = Settings().embed_batch_size
    if os.environ.get("BENCH_PLAN_INGEST_ONLY"):  # only the cold-ingest pairs (the target's measure)
        section.lines.append("`BENCH_PLAN_INGEST_ONLY=1`: cold-ingest pairs only (no speed rounds, no quality subset).")
        _cold_ingest(section, corpus, ingest_n, pairs, None)
        return section
    variants = {name: {**_plan_spec(name), "batch_size": 16} for name in PLANS}
    variants.update(knob_variants(batch))
    log(f"plan: {len(variants)} variants x {rounds} rounds over {n} SciFact papers")
    saved = CACHE / "last-speed.json"  # raw timings, kept so a failure after this step costs no re-run
    spec = {"jsonl": str(corpus), "n": n, "variants": variants, "rounds": rounds}
    if os.environ.get("BENCH_PLAN_REUSE") and saved.exists() and json.loads(saved.read_text())["spec"] == spec:
        got = json.loads(saved.read_text())["got"]
        log("plan: reusing the saved timings (BENCH_PLAN_REUSE)")
    else:
        got = run_worker("plan_speed", spec, clean_env(), timeout=7200)
        saved.write_text(json.dumps({"spec": spec, "got": got}))
    times = got["times"]
    log("plan: SciFact quality per plan (cached vectors after the first run)")
    data, quality = all_plans()
    rows = []
    for name in PLANS:
        g, lo, hi = interval([b / v for b, v in zip(times[BASELINE], times[name], strict=True)])
        q = quality[name]
        rows.append([name, f"{g:.2f}× [{lo:.2f}, {hi:.2f}]", f"{q['hybrid ndcg']:.4f}", f"{q['hybrid recall']:.4f}",
                     f"{q['dense ndcg']:.4f}", f"{q['dense recall']:.4f}"])
    section.lines.append(f"Plans: embedding throughput over the same {n} SciFact papers ({got['units']} titles + "
                         f"sentences), batch 16, {rounds} interleaved rounds in one process; ratio = geometric "
                         "mean of per-round (today's seconds / plan's seconds), 95% t-interval. Quality: "
                         f"SciFact dev, the first {len(data.claims)} judged claims "
                         f"over a fixed {N_DOCS}-document subset (their relevant docs + seeded distractors), "
                         "exact cosine, production re-rank and fusion weights:")
    section.lines.append("")
    section.table(["plan", "embedding papers/s vs today", "hybrid nDCG@10", "hybrid recall@100",
                   "dense nDCG@10", "dense recall@100"], rows)
    ref = f"{CHOSEN}, batch {batch}"
    krows = []
    for name in variants:
        if name in PLANS or name == ref:
            continue
        g, lo, hi = interval([b / v for b, v in zip(times[ref], times[name], strict=True)])
        verdict = "faster" if lo > 1 else "slower" if hi < 1 else "no difference shown"
        krows.append([name, f"{g:.2f}× [{lo:.2f}, {hi:.2f}]", verdict, f"{got['drift'].get(name, 0):.1e}"])
    section.lines.append(f"Speed-only knobs on the chosen plan ({CHOSEN}), against it at batch {batch}; "
                         "max 1 - cosine of the paper vectors vs the reference (quality is unchanged when ~1e-3 "
                         "or less):")
    section.lines.append("")
    section.table(["knob", "papers/s vs reference [95% CI]", "verdict", "vector drift"], krows)
    _cold_ingest(section, corpus, ingest_n, pairs, quality)
    return section


def _arms() -> dict[str, dict[str, Any]]:
    """Settings per cold-ingest arm; the first is the baseline every ratio divides by.

    BENCH_PLAN_ARMS='{"name": {settings}, ...}' measures several arms in one run (issue 16: the wheel's
    model + whole text, the int8 model + whole text, the int8 model + mean); otherwise today's default
    vs BENCH_PLAN_NEW ({} = the current defaults).
    """
    arms = json.loads(os.environ.get("BENCH_PLAN_ARMS") or "{}")
    if arms:
        return {"today": TODAY, **arms}
    return {"today": TODAY, "new": json.loads(os.environ.get("BENCH_PLAN_NEW") or "{}")}


def _cold_ingest(section: Section, corpus: Path, n: int, pairs: int,
                 quality: dict[str, dict[str, float]] | None) -> None:
    arms = _arms()
    names = list(arms)
    times: dict[str, list[float]] = {a: [] for a in names}
    extra: dict[str, list[tuple[float, int]]] = {a: [] for a in names}
    cpu: dict[str, list[float]] = {a: [] for a in names}  # process CPU time: less moved by other jobs
    section.lines.append(f"Arms (settings over the defaults; `today` = {json.dumps(TODAY)}, batch {TODAY_BATCH}): "
                         + "; ".join(f"`{a}` = `{json.dumps(v)}`" for a, v in arms.items()))
    with tempfile.TemporaryDirectory(prefix="bench-plan-") as tmp:
        for r in range(pairs):
            order = names[r % len(names):] + names[: r % len(names)]  # rotate: no arm always runs first
            for name in order:
                home = Path(tmp) / f"{name}-{r}"
                log(f"plan: cold ingest of {n} abstracts, arm {name} (round {r + 1}/{pairs})")
                args: dict[str, Any] = {"home": str(home), "paths": [str(corpus)], "settings": arms[name]}
                args["batch_size"] = TODAY_BATCH if name == "today" else _default_batch()
                got = run_worker("ingest", args, clean_env(home))
                times[name].append(got["seconds"])
                extra[name].append((got["phases"].get("MiniLM embed", 0.0), got["embedded_texts"]))
                cpu[name].append(got["cpu_seconds"])
                shutil.rmtree(home, ignore_errors=True)
    base = names[0]
    for name in names[1:]:
        g, lo, hi = interval([t / w for t, w in zip(times[base], times[name], strict=True)])
        section.add(f"cold ingest papers/s, {name} / today's default (same {n} SciFact abstracts)",
                    f"{g:.2f}× [{lo:.2f}, {hi:.2f}]", f"≥ {SPEEDUP_TARGET}×", g >= SPEEDUP_TARGET,
                    f"{pairs} rounds of fresh processes and homes, arm order rotating; today "
                    f"{n / min(times[base]):.1f} papers/s, {name} {n / min(times[name]):.1f} papers/s (best of each)")
        g, lo, hi = interval([t / w for t, w in zip(cpu[base], cpu[name], strict=True)])
        section.add(f"same, {name}, by process CPU seconds (user + system) instead of wall time ({n} abstracts)",
                    f"{g:.2f}× [{lo:.2f}, {hi:.2f}]", "(noise check)", None,
                    "CPU time is less inflated than wall time by other jobs' load on the shared cores")
    section.lines.append(f"CPU seconds per round ({' / '.join(names)}): "
                         + ", ".join("/".join(f"{cpu[a][r]:.2f}" for a in names) for r in range(pairs)))
    section.lines.append(f"Cold-ingest seconds per round ({' / '.join(names)}): "
                         + ", ".join("/".join(f"{times[a][r]:.2f}" for a in names) for r in range(pairs)))
    section.lines.append("")
    for name in names:
        embed = sorted(e for e, _ in extra[name])[len(extra[name]) // 2]
        section.lines.append(f"- {name}: {extra[name][0][1]} texts embedded; median MiniLM time {embed:.2f} s of "
                             f"median ingest {sorted(times[name])[len(times[name]) // 2]:.2f} s")
    section.lines.append("")
    if quality is None:
        return
    q = quality[CHOSEN]
    section.add(f"SciFact dev hybrid nDCG@10 / recall@100, chosen plan ({N_DOCS}-doc subset)",
                f"{q['hybrid ndcg']:.4f} / {q['hybrid recall']:.4f}", "vs today's side by side", None,
                f"today {quality[BASELINE]['hybrid ndcg']:.4f} / {quality[BASELINE]['hybrid recall']:.4f}; "
                "full-corpus figures: evals/RESULTS.md")


def _default_batch() -> int:
    from reviewer.settings import Settings

    return int(Settings.model_fields["embed_batch_size"].default)
