"""The survey's absolute similarity thresholds for another embedding model, from corpus text only (branch e33).

The survey's floors (reviewer.survey.evidence RELEVANCE_FLOOR / RESCUE_FLOOR / TOP_MARGIN, reviewer.survey.bridges
BRIDGE_FLOOR) are values on one model's similarity scale. Another model (the corpus-adapted MiniLM of branch e31)
spreads similarities differently, so the same number keeps a different share of papers. This tool puts each
threshold at the same quantile of the other model's distribution as it sits in today's model's, the
distributions taken over the corpus alone, no eval topic and no label:

- relevance: sampled corpus phrases of two or more words (or titles) used as topics, scored against every paper by the survey's own
  relevance model (reviewer.survey.evidence._relevance: title and best sentence, then
  reviewer.survey.anchors.anchored: closeness to the topic's best papers);
- bridges: every pair of corpus vocabulary phrases (reviewer.survey.bridges.vocabulary), as bridge_phrases compares them.

    python -m evals.survey_floors sample OUT.npz [titles|phrases]   # under the model REVIEWER_* selects
    python -m evals.survey_floors derive BASE.npz OTHER.npz

`derive` prints today's values, their quantile in BASE, and the value at that quantile in OTHER; the margin under a
topic's best paper (a difference of relevance) maps so that the same share of each topic's papers lies within it.
Use `sample ... phrases` (topics as short as a survey's): with whole titles as topics the adapted model of
branch e31 already matches today's model near the floor, while with short topics it scores the bulk of a topic's
papers higher and keeps ~1.6x as many over today's floor (evals/RESULTS.md, branch e33).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

TOPICS = 80  # corpus titles used as topics, evenly spaced over the catalogue


def quantile_map(base: np.ndarray, other: np.ndarray, value: float) -> tuple[float, float]:
    """(q, v): the share q of `base` below `value`, and the value at quantile q of `other`."""
    q = float(np.mean(np.asarray(base) < value))
    return q, float(np.quantile(np.asarray(other), q))


def margin_map(base: np.ndarray, base_best: np.ndarray, other: np.ndarray, other_best: np.ndarray, margin: float) -> float:
    """A margin under each topic's best relevance, mapped so that the same share of a topic's papers lies within it:
    `base` / `other` hold each topic's relevances one topic after another, `*_best` each topic's best."""
    def gaps(values: np.ndarray, best: np.ndarray) -> np.ndarray:
        return (best[:, None] - np.asarray(values).reshape(len(best), -1)).ravel()

    share = float(np.mean(gaps(base, base_best) < margin))
    return float(np.quantile(gaps(other, other_best), share))


def relevance_sample(settings: object, topics: int = TOPICS, kind: str = "titles") -> tuple[np.ndarray, np.ndarray]:
    """(values, best): the relevance of every paper to each sampled corpus topic, and each topic's best.

    `kind` 'titles': corpus titles as topics (their own paper left out); 'phrases': the corpus vocabulary's
    phrases of two or more words (reviewer.survey.bridges.vocabulary: 'test-time scaling', 'visual reasoning'),
    which are as short as a survey topic."""
    from reviewer.services import open_retriever
    from reviewer.survey.anchors import anchored
    from reviewer.survey.bridges import vocabulary
    from reviewer.survey.evidence import _relevance

    retriever = open_retriever(settings, quiet=True)  # type: ignore[arg-type]
    papers = sorted(retriever.catalog.iter_papers(), key=lambda p: p.id)
    stored = retriever.store.vectors([p.id for p in papers])
    if kind == "titles":
        texts = [(p.title, p.id) for p in papers]
    else:
        phrases = sorted(p for p in vocabulary(retriever.catalog, settings.home).phrases if len(p.split()) > 1)  # type: ignore[attr-defined]
        texts = [(p, "") for p in phrases]
    step = max(1, len(texts) // topics)
    values, best = [], []
    for n, (text, own) in enumerate(texts[::step][:topics]):
        rel = anchored(_relevance([text], papers, settings), stored, [])  # type: ignore[arg-type]
        rest = np.array([r for pid, r in rel.items() if pid != own])
        values.append(rest)
        best.append(rest.max())
        print(f"\r{n + 1}/{topics}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return np.concatenate(values), np.array(best)


def phrase_sample(settings: object) -> np.ndarray:
    """Cosines of every pair of distinct corpus vocabulary phrases (upper triangle)."""
    from reviewer.catalog import Catalog
    from reviewer.survey.bridges import _unit, vocabulary
    from reviewer.vector_cache import VectorCache

    with Catalog(settings.catalog_path) as catalog:  # type: ignore[attr-defined]
        vocab = vocabulary(catalog, settings.home)  # type: ignore[attr-defined]
    cache = VectorCache(settings)  # type: ignore[arg-type]
    try:
        table = _unit(cache.embed(vocab.phrases))
    finally:
        cache.close()
    sims = table @ table.T
    return sims[np.triu_indices(len(table), k=1)]


def derive(base_path: Path, other_path: Path) -> dict[str, float]:
    """Today's thresholds mapped from BASE's distributions onto OTHER's."""
    from reviewer.survey.bridges import BRIDGE_FLOOR
    from reviewer.survey.evidence import RELEVANCE_FLOOR, RESCUE_FLOOR, TOP_MARGIN

    base, other = np.load(base_path), np.load(other_path)
    out: dict[str, float] = {}
    for name, value in (("relevance_floor", RELEVANCE_FLOOR), ("rescue_floor", RESCUE_FLOOR)):
        q, v = quantile_map(base["relevance"], other["relevance"], value)
        out[name] = v
        print(f"{name}: {value:.3f} at quantile {q:.4f} -> {v:.3f}")
    out["top_margin"] = margin_map(base["relevance"], base["best"], other["relevance"], other["best"], TOP_MARGIN)
    print(f"top_margin: {TOP_MARGIN:.3f} -> {out['top_margin']:.3f} (the same share of each topic's papers within it)")
    q, v = quantile_map(base["phrases"], other["phrases"], BRIDGE_FLOOR)
    out["bridge_floor"] = v
    print(f"bridge_floor: {BRIDGE_FLOOR:.3f} at quantile {q:.5f} -> {v:.3f}")
    return out


def main(argv: list[str]) -> None:
    if len(argv) in (2, 3) and argv[0] == "sample":
        from reviewer.settings import Settings

        settings = Settings()
        values, best = relevance_sample(settings, kind=argv[2] if len(argv) == 3 else "titles")
        np.savez_compressed(argv[1], relevance=values, best=best, phrases=phrase_sample(settings),
                            identity=np.array(settings.embedding_model_id))
        print(f"{settings.embedding_model_id}: {len(values)} relevances, median best {np.median(best):.3f}")
    elif len(argv) == 3 and argv[0] == "derive":
        derive(Path(argv[1]), Path(argv[2]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
