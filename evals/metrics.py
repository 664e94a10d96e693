"""Retrieval metrics, kept pure so tests can check them against hand-computed values."""

from __future__ import annotations

import math


def ndcg_at_k(ranked: list[str], relevant: set[str], k: int = 10) -> float:
    """Binary-relevance nDCG@k, the BEIR convention."""
    if not relevant:
        return 0.0
    dcg = sum(1.0 / math.log2(i + 2) for i, doc in enumerate(ranked[:k]) if doc in relevant)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal


def recall_at_k(ranked: list[str], relevant: set[str], k: int = 100) -> float:
    if not relevant:
        return 0.0
    return len(set(ranked[:k]) & relevant) / len(relevant)


def mrr_at_k(ranked: list[str], relevant: set[str], k: int = 10) -> float:
    for i, doc in enumerate(ranked[:k]):
        if doc in relevant:
            return 1.0 / (i + 1)
    return 0.0


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def confusion_lines(labels: list[str], confusion: list[list[int]]) -> list[str]:
    """A confusion matrix as text, rows gold and columns predicted (the claim evals print it the same way)."""
    lines = ["confusion (rows gold, cols predicted): " + " / ".join(s[:4] for s in labels)]
    for label, row in zip(labels, confusion, strict=True):
        lines.append(f"  {label:<12} " + " ".join(f"{v:5d}" for v in row))
    return lines
