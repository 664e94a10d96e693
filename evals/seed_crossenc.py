"""A cross-encoder trained on the hand-written seed claims, measured out-of-fold (issue 12, branch c26).

x12's cross-encoder (`evals/train_crossencoder.py`) learned SciFact's 'on topic but not supported' rather than
contradiction. This trains the same model on the right data: the human-written seed claim splits whose errors
developers have read (never the blind ones), each claim against the three sentences the checker aligns best,
with its gold label, grouped into folds by paper so a model is always scored on papers it never saw.

    python -m evals.seed_crossenc pairs --home H        # evals/datasets/crossenc/seed_pairs.jsonl (+ checker state)
    python -m evals.seed_crossenc train --fold 0        # needs the `train` extra; one process per fold
    python -m evals.seed_crossenc train --fold 1
    python -m evals.seed_crossenc report                # out-of-fold: what an S->C override would move

Nothing here is imported by `reviewer`.
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent / "datasets" / "crossenc"
PAIRS = OUT / "seed_pairs.jsonl"
BLIND = frozenset({"lock", "weir", "sluice", "groyne", "marina", "canal", "basin", "delta", "estuary",
                   "fjord", "lagoon", "marsh", "tarn"})  # held out: never trained or tuned on
# The read splits the pairs were built from, named so that a split added later is never trained on by accident.
READ: tuple[str, ...] = ("dev", "test", "blind", "fresh", "final", "hidden", "sealed", "roles", "probe", "vault", "swapdev",
                         "ward", "moor", "quay", "pier", "dock", "berth", "jetty", "wharf", "slip")
FOLDS = 2


def fold_of(paper: str, folds: int = FOLDS) -> int:
    return zlib.crc32(paper.encode()) % folds


def build_pairs(home: Path, out: Path = PAIRS) -> int:
    """One row per read-split claim: its evidence (top-3 aligned sentences) and the shipped checker's verdict."""
    from evals.crossenc import evidence_text
    from evals.seed_claims import load_rows, seed_papers_by_title
    from reviewer.checker.offline import OfflineChecker, probabilities
    from reviewer.settings import Settings

    chk = OfflineChecker(Settings(home=home))
    papers = seed_papers_by_title()
    lines = []
    for split in READ:
        for r in load_rows(split):
            paper = papers[r.title].model_copy(update={"key": r.paper})
            analysis, items = chk.analyse(r.claim, [paper])
            lines.append(json.dumps({
                "id": r.id, "split": split, "paper": r.paper, "fold": fold_of(r.paper), "label": r.label,
                "family": r.family, "claim": r.claim,
                "evidence": evidence_text([s.text for s in items], analysis.order),
                "checker": chk.check(r.claim, [paper]).label,
                "combiner": [round(float(v), 5) for v in probabilities(chk.params, analysis.features)[0]],
                "dense": round(float(analysis.features[0]), 5), "lex1": round(float(analysis.features[3]), 5),
                "features": [round(float(v), 6) for v in analysis.features],
                "sentences": [items[k].text for k in analysis.order[:3]]}))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def train_fold(fold: int, epochs: float, lr: float, batch: int, frozen: int, threads: int, sentences: int,
               synthetic: int = 0) -> None:
    """Train on the other folds' claims and write this fold's out-of-fold probabilities."""
    import torch

    from evals import train_crossencoder as tc
    from reviewer.textutil import split_sentences

    torch.set_num_threads(threads)
    tc.FROZEN_LAYERS = frozen
    rows = tc.load_pairs(PAIRS)
    for r in rows:  # the best-aligned sentences only: shorter pairs train faster on a shared CPU
        r["evidence"] = " ".join(split_sentences(r["evidence"])[:sentences])
    seen = [r for r in rows if r["fold"] != fold]
    held = [r for r in rows if r["fold"] == fold]
    if synthetic:  # x12's synthetic TRAIN rows (template perturbations of seed and SciFact sentences), S and C only
        synth = [r for r in tc.load_pairs(tc.PAIRS) if r["source"] == "synthetic-train" and r["label"] != "UNSUPPORTED"]
        for label in ("SUPPORTED", "CONTRADICTED"):
            picked = sorted((r for r in synth if r["label"] == label), key=lambda r: r["key"])[: synthetic // 2]
            seen += [{**r, "evidence": " ".join(split_sentences(r["evidence"])[:sentences])} for r in picked]
    model = tc.train(seen, tc.default_base(), epochs, lr, batch, tc.SEED + fold, f"seed fold {fold}")
    probs = tc.predict_torch(model, held)
    print(f"fold {fold}: held-out argmax accuracy {tc._acc(held, probs):.3f} on {len(held)} claims", flush=True)
    (OUT / f"seed_oof_fold{fold}{'_synth' if synthetic else ''}.jsonl").write_text(
        "".join(json.dumps({"id": r["id"], "probs": [round(float(v), 5) for v in p]}) + "\n"
                for r, p in zip(held, probs, strict=True)), encoding="utf-8")


def report(suffix: str = "") -> None:
    """Out-of-fold: the model alone, and an S->C override of the checker's SUPPORTED at each threshold."""
    rows = {r["id"]: r for r in map(json.loads, PAIRS.read_text(encoding="utf-8").splitlines())}
    probs: dict[str, list[float]] = {}
    for path in sorted(OUT.glob(f"seed_oof_fold?{suffix}.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            probs[row["id"]] = row["probs"]
    ids = [i for i in rows if i in probs]
    from reviewer.checker.types import LABELS as labels
    acc = np.mean([labels[int(np.argmax(probs[i]))] == rows[i]["label"] for i in ids])
    print(f"{len(ids)} claims out-of-fold; model alone argmax accuracy {acc:.3f}")
    said_s = [i for i in ids if rows[i]["checker"] == "SUPPORTED"]
    print(f"checker SUPPORTED: {len(said_s)} ({Counter(rows[i]['label'] for i in said_s)})")
    pos = [probs[i][1] for i in said_s if rows[i]["label"] == "CONTRADICTED"]
    neg = [probs[i][1] for i in said_s if rows[i]["label"] != "CONTRADICTED"]
    if pos and neg:
        print(f"AUC of P(C) among them: {np.mean([p > n for p in pos for n in neg]):.3f}")
    for t in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95):
        moved = Counter(rows[i]["label"] for i in said_s if probs[i][1] >= t)
        print(f"  P(C) >= {t}: moves {sum(moved.values())}: fixes {moved['CONTRADICTED']}, breaks "
              f"{moved['SUPPORTED']} S and {moved['UNSUPPORTED']} U")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pairs")
    p.add_argument("--home", type=Path, required=True)
    t = sub.add_parser("train")
    t.add_argument("--fold", type=int, required=True)
    t.add_argument("--epochs", type=float, default=4.0)
    t.add_argument("--lr", type=float, default=8e-5)
    t.add_argument("--batch", type=int, default=16)
    t.add_argument("--frozen", type=int, default=2, help="lower encoder layers kept as pretrained (of 6)")
    t.add_argument("--threads", type=int, default=1)
    t.add_argument("--sentences", type=int, default=1, help="best-aligned sentences fed as evidence")
    t.add_argument("--synthetic", type=int, default=0, help="also train on this many synthetic S/C rows")
    r = sub.add_parser("report")
    r.add_argument("--suffix", default="", help="'_synth': the run that also trained on synthetic rows")
    args = parser.parse_args(argv)
    if args.cmd == "pairs":
        print(build_pairs(args.home), "pairs")
    elif args.cmd == "train":
        train_fold(args.fold, args.epochs, args.lr, args.batch, args.frozen, args.threads, args.sentences, args.synthetic)
    else:
        report(args.suffix)


if __name__ == "__main__":
    main()
