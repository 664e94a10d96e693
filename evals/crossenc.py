"""A small learned cross-encoder (MiniLM-L6, int8 ONNX) reading a claim and its best evidence together.

Tried for issue 12 and NOT shipped (evals/RESULTS.md, "cross-encoder"): as two extra features of the
checker's fitted combiner it did not win on held-out data. This module keeps what training and any
re-evaluation need, identical to what the run-time wiring used (branch x12-crossenc-wired): the
evidence the model reads ("claim [SEP] the three best-aligned sentences, best first"), the tokeniser
(the embedder's WordPiece vocabulary, `reviewer/assets/minilm/vocab.txt`), the onnxruntime session over
the int8 file that `python -m evals.train_crossencoder` writes, and the out-of-fold table that keeps
`evals/fit_checker.py` from fitting the combiner on outputs for pairs the model was trained on.
Nothing here is imported by `reviewer`; nothing is downloaded.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from reviewer.resources import asset

MODEL_PATH = asset("crossenc/model.int8.onnx")
VOCAB_PATH = asset("minilm/vocab.txt")
MAX_LENGTH = 96  # claim + evidence word pieces; the evidence side is cut first
EVIDENCE_SENTENCES = 3  # best-aligned sentences fed to the model, best first
FEATURES = ("ce_supported", "ce_contradicted")


def evidence_text(sentences: Sequence[str], order: Sequence[int], k: int = EVIDENCE_SENTENCES) -> str:
    """The k best-aligned sentences, best first (truncation then drops the weakest words)."""
    return " ".join(sentences[i] for i in order[:k])


def pair_key(claim: str, evidence: str) -> str:
    """How the out-of-fold table names a (cleaned claim, evidence text) pair."""
    return hashlib.sha1(f"{claim}\x00{evidence}".encode()).hexdigest()


def load_out_of_fold(folder: Path) -> dict[str, tuple[float, float]]:
    """pair key -> (P(S), P(C)) from the half model that did not train on the pair (oof_fold*.jsonl)."""
    table: dict[str, tuple[float, float]] = {}
    for path in sorted(folder.glob("oof_fold*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            table[row["key"]] = (float(row["probs"][0]), float(row["probs"][1]))
    return table


def make_tokenizer(vocab: Path = VOCAB_PATH, max_length: int = MAX_LENGTH):  # type: ignore[no-untyped-def]
    """The embedder's WordPiece tokeniser, set up for (claim, evidence) pairs; training uses this too."""
    from tokenizers.implementations import BertWordPieceTokenizer

    tok = BertWordPieceTokenizer(str(vocab), lowercase=True, strip_accents=None, clean_text=True,
                                 handle_chinese_chars=True)
    tok.enable_truncation(max_length=max_length, strategy="longest_first")
    return tok


def encode_pairs(tok, claims: Sequence[str], evidence: Sequence[str]) -> dict[str, np.ndarray]:  # type: ignore[no-untyped-def]
    """input_ids / attention_mask / token_type_ids, padded to the longest pair of the batch."""
    encs = tok.encode_batch([(c, e if e.strip() else "[UNK]") for c, e in zip(claims, evidence, strict=True)])
    width = max(len(e.ids) for e in encs)
    out = {k: np.zeros((len(encs), width), dtype=np.int64) for k in ("input_ids", "attention_mask", "token_type_ids")}
    for row, e in enumerate(encs):
        n = len(e.ids)
        out["input_ids"][row, :n] = e.ids
        out["attention_mask"][row, :n] = 1
        out["token_type_ids"][row, :n] = e.type_ids
    return out


def softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class CrossEncoder:
    """onnxruntime session over the int8 model; `probabilities` returns rows in LABELS order."""

    def __init__(self, path: Path = MODEL_PATH) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.enable_cpu_mem_arena = False
        self._session = ort.InferenceSession(str(path), sess_options=options, providers=["CPUExecutionProvider"])
        self._tok = make_tokenizer()
        self._lock = threading.Lock()

    def probabilities(self, claims: Sequence[str], evidence: Sequence[str]) -> np.ndarray:
        if not claims:
            return np.zeros((0, 3), dtype=np.float64)
        feed = encode_pairs(self._tok, claims, evidence)
        with self._lock:
            logits = self._session.run(None, feed)[0]
        return softmax(logits.astype(np.float64))


@lru_cache(maxsize=2)
def get_cross_encoder(path: Path = MODEL_PATH) -> CrossEncoder | None:
    """The loaded model, or None when its file is not shipped (then the features stay 0)."""
    return CrossEncoder(path) if path.exists() else None


def cross_features(claim: str, sentences: Sequence[str], order: Sequence[int],
                   table: dict[str, tuple[float, float]] | None = None) -> tuple[float, float] | None:
    """(P(SUPPORTED), P(CONTRADICTED)) of the claim against its best evidence, None without a model.

    `table` (fitting only): out-of-fold outputs by pair key, used instead of the model when it has the pair.
    """
    evidence = evidence_text(sentences, order)
    if table is not None and (hit := table.get(pair_key(claim, evidence))) is not None:
        return hit
    model = get_cross_encoder()
    if model is None:
        return None
    p = model.probabilities([claim], [evidence])[0]
    return float(p[0]), float(p[1])
