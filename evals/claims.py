"""Claim checking on SciFact dev: 3-way accuracy, macro-F1 and the confusion matrix of ClaimChecker.

    python -m evals.claims --mode offline            # all 300 dev claims (~1 min with cached vectors)
    python -m evals.claims --mode offline --limit 50 --json out.json

Each claim is checked against its gold cited abstracts: the evidence documents for SUPPORT /
CONTRADICT claims. NEI claims have no evidence document; with `--nei retrieved` (the default) each is
checked against the top BM25-retrieved abstract of the whole corpus, with `--nei cited` against the
documents SciFact lists as cited (`cited_doc_ids`), which the annotators judged and found silent.
Gold label per claim: SUPPORT if any evidence document supports it, else CONTRADICT if any
contradicts it, else NEI; mapped to SUPPORTED / CONTRADICTED / UNSUPPORTED.
Sentence vectors are cached under the settings' home (default `.reviewer-home/` in the repo).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from evals.metrics import confusion_lines
from evals.synthetic import SyntheticResult, format_synthetic, run_synthetic_eval
from reviewer.checker.types import LABELS
from reviewer.models import Paper
from reviewer.settings import Settings

DATA = Path(__file__).resolve().parent / "datasets" / "scifact"
GOLD_MAP = {"SUPPORT": "SUPPORTED", "CONTRADICT": "CONTRADICTED", "NEI": "UNSUPPORTED"}
DEFAULT_HOME = Path(__file__).resolve().parent.parent / ".reviewer-home"


# ---------------------------------------------------------------- pure metrics


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Share of exact label matches (0.0 for no items)."""
    if len(gold) != len(pred):
        raise ValueError("gold and pred differ in length")
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 0.0


def confusion(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = LABELS) -> list[list[int]]:
    """Counts, rows = gold label, columns = predicted label, both in `labels` order."""
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred, strict=True):
        matrix[index[g]][index[p]] += 1
    return matrix


def per_class(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = LABELS) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support per label; a label never predicted has precision 0."""
    m = confusion(gold, pred, labels)
    out: dict[str, dict[str, float]] = {}
    for i, label in enumerate(labels):
        tp = m[i][i]
        predicted = sum(row[i] for row in m)
        actual = sum(m[i])
        p = tp / predicted if predicted else 0.0
        r = tp / actual if actual else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[label] = {"precision": p, "recall": r, "f1": f, "support": float(actual)}
    return out


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = LABELS) -> float:
    """Unweighted mean of per-label F1 over all `labels` (an unpredicted label contributes 0)."""
    scores = per_class(gold, pred, labels)
    return sum(s["f1"] for s in scores.values()) / len(labels) if labels else 0.0


# ---------------------------------------------------------------- SciFact


@dataclass(frozen=True)
class SciFactClaim:
    id: int
    claim: str
    label: str  # SUPPORTED / CONTRADICTED / UNSUPPORTED
    doc_ids: tuple[int, ...]  # the abstracts the claim is checked against


def load_papers(root: Path = DATA) -> dict[int, Paper]:
    """SciFact abstracts as Papers (sentences joined with spaces, as an ingested abstract would be)."""
    papers: dict[int, Paper] = {}
    with open(root / "corpus.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            papers[d["doc_id"]] = Paper(
                id=str(d["doc_id"]),
                key=f"scifact{d['doc_id']}",
                title=d["title"],
                abstract=" ".join(s.strip() for s in d["abstract"]),
            )
    return papers


def gold_label(evidence: dict[str, list[dict]]) -> str:
    labels = {e["label"] for items in evidence.values() for e in items}
    if "SUPPORT" in labels:
        return GOLD_MAP["SUPPORT"]
    if "CONTRADICT" in labels:
        return GOLD_MAP["CONTRADICT"]
    return GOLD_MAP["NEI"]


NeiDocs = Literal["retrieved", "cited"]


def load_claims(
    split: Literal["train", "dev"], root: Path = DATA, nei: NeiDocs = "cited", papers: dict[int, Paper] | None = None
) -> list[SciFactClaim]:
    """Labelled claims with the documents to check them against (evidence docs; for NEI see `nei`)."""
    rows = [json.loads(line) for line in (root / f"claims_{split}.jsonl").read_text(encoding="utf-8").splitlines()]
    top: dict[int, int] = {}
    if nei == "retrieved":
        top = _top_retrieved([r for r in rows if not r["evidence"]], papers or load_papers(root))
    out: list[SciFactClaim] = []
    for r in rows:
        docs = sorted(int(d) for d in r["evidence"]) or (
            [top[int(r["id"])]] if nei == "retrieved" else list(r["cited_doc_ids"]))
        out.append(SciFactClaim(int(r["id"]), r["claim"], gold_label(r["evidence"]), tuple(docs)))
    return out


def _top_retrieved(rows: list[dict], papers: dict[int, Paper]) -> dict[int, int]:
    """The best BM25 abstract of the corpus for each claim (lexical, so no corpus embedding is needed)."""
    from reviewer.index import LexicalIndex

    index = LexicalIndex.build([str(d) for d in papers], [p.text for p in papers.values()], "scifact")
    return {int(r["id"]): int(index.query(r["claim"], 1)[0][0]) for r in rows}


# ---------------------------------------------------------------- the evaluation


class ClaimsEvalResult(BaseModel):
    dataset: str = "scifact-dev"
    mode: Literal["offline", "llm"]
    n_claims: int
    labels: list[str] = Field(default_factory=lambda: list(LABELS))
    accuracy: float
    macro_f1: float
    per_class: dict[str, dict[str, float]]
    confusion: list[list[int]] = Field(description="Rows = gold, columns = predicted, in `labels` order.")
    nei_documents: str = Field(description="What NEI claims are checked against: retrieved (top BM25) or cited.")
    seconds: float
    ms_per_claim: float
    fallbacks: int = Field(default=0, description="LLM-mode verdicts that fell back to offline.")
    params: dict[str, object] = Field(default_factory=dict, description="Metadata of the fitted combiner.")
    synthetic: SyntheticResult | None = Field(default=None, description="Per-family scores on the synthetic test split.")


def run_claims_eval(
    settings: Settings,
    mode: Literal["offline", "llm"] = "offline",
    limit: int | None = None,
    split: Literal["train", "dev"] = "dev",
    llm: object | None = None,
    nei: NeiDocs = "retrieved",
    synthetic: bool = True,
) -> ClaimsEvalResult:
    """Check every (or the first `limit`) SciFact claim against its gold abstracts and score the labels."""
    from reviewer.checker import ClaimChecker
    from reviewer.checker.offline import load_params

    if mode == "llm" and llm is None:
        from reviewer.llm import LLMClient

        llm = LLMClient(settings)
    checker = ClaimChecker(settings, llm=llm if mode == "llm" else None)  # type: ignore[arg-type]
    papers = load_papers()
    claims = load_claims(split, nei=nei, papers=papers)
    claims = claims[:limit] if limit else claims
    started = time.perf_counter()
    gold, pred, fallbacks = [], [], 0
    for c in claims:
        verdict = checker.check(c.claim, [papers[d] for d in c.doc_ids])
        gold.append(c.label)
        pred.append(verdict.label)
        fallbacks += any("fell back" in r for r in verdict.reasons)
    seconds = time.perf_counter() - started
    synth = run_synthetic_eval(checker) if synthetic and mode == "offline" and not limit else None
    return ClaimsEvalResult(
        synthetic=synth,
        dataset=f"scifact-{split}",
        mode=mode,
        n_claims=len(claims),
        accuracy=round(accuracy(gold, pred), 4),
        macro_f1=round(macro_f1(gold, pred), 4),
        per_class={k: {m: round(v, 4) for m, v in d.items()} for k, d in per_class(gold, pred).items()},
        confusion=confusion(gold, pred),
        seconds=round(seconds, 2),
        ms_per_claim=round(1000 * seconds / max(1, len(claims)), 2),
        fallbacks=fallbacks,
        nei_documents=nei,
        params=dict(load_params().metadata),
    )


def format_result(result: ClaimsEvalResult) -> str:
    lines = [
        f"{result.dataset} ({result.mode}, {result.n_claims} claims): accuracy {result.accuracy:.3f}, "
        f"macro-F1 {result.macro_f1:.3f}, {result.ms_per_claim:.1f} ms/claim (NEI vs {result.nei_documents} docs)",
    ]
    lines += confusion_lines(result.labels, result.confusion)
    for label, s in result.per_class.items():
        lines.append(f"  {label:<12} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    if result.synthetic is not None:
        lines.append(format_synthetic(result.synthetic))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=["offline", "llm"], default="offline")
    parser.add_argument("--split", choices=["train", "dev"], default="dev")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--nei", choices=["retrieved", "cited"], default="retrieved")
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME, help="vector cache directory")
    parser.add_argument("--json", type=Path, default=None, help="also write the result as JSON here")
    args = parser.parse_args(argv)
    settings = Settings(home=args.home)
    result = run_claims_eval(settings, args.mode, args.limit, args.split, nei=args.nei)
    print(format_result(result))
    if args.json:
        args.json.write_text(result.model_dump_json(indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
