"""Score a known-item set once: `python -m evals.blind_known_items SET.jsonl [MODEL]` (aggregates only).

Each row names one seed paper by a paraphrase ({"query", "title"}); prints dense and hybrid MRR and top-1 of the
production HybridRetriever on a fresh home (bundled seed vectors), without the per-item ranks, so a blind set can
be scored before and after a change without its failures being read.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from reviewer.catalog import paper_id
from reviewer.ingest.pipeline import ensure_ready
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings


def main() -> None:
    rows = [json.loads(line) for line in Path(sys.argv[1]).read_text().splitlines() if line.strip()]
    extra = {"minilm_model": sys.argv[2]} if len(sys.argv) > 2 else {}
    with tempfile.TemporaryDirectory(prefix="blind-known-") as tmp:
        settings = Settings(home=Path(tmp), **extra)
        ensure_ready(settings)
        retriever = HybridRetriever(settings)
        for mode in ("dense", "hybrid"):
            ranks = []
            for row in rows:
                ids = [h.id for h in retriever.search(row["query"], k=50, mode=mode)]  # type: ignore[arg-type]
                target = paper_id(row["title"])
                ranks.append(ids.index(target) + 1 if target in ids else 1000)
            print(f"{mode}: MRR {sum(1 / r for r in ranks) / len(ranks):.3f}, top-1 {sum(r == 1 for r in ranks)}/{len(ranks)}")


if __name__ == "__main__":
    main()
