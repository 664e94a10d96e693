"""BibTeX vs JSONL parse rate on the same papers (issue 14/17): `python scripts/bench_bibtex.py [N] [DIR]`.

Writes N seed-derived papers (default 20,000) as BibTeX (via reviewer.references, so titles and abstracts
carry real TeX escapes) and as JSONL, then times parse_file on each: best CPU time of 3 runs.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from reviewer.ingest.parse import parse_file
from reviewer.models import Paper, PaperRecord
from reviewer.references import render_bibtex

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp/reviewer-bench-bibtex")
    out.mkdir(parents=True, exist_ok=True)
    seeds = [r for f in sorted((REPO / "seeds").iterdir()) for r in parse_file(f) if isinstance(r, PaperRecord)]
    papers = [Paper(id=f"p{i}", key=f"k{i}", title=f"{s.title} {i}", abstract=s.abstract, year=2020 + i % 5,
                    authors=["Ana Wang", "Bo Li", "C. de la Cruz"], doi=f"10.5555/x.{i}", venue="Journal of Tests",
                    kind="article") for i, s in ((i, seeds[i % len(seeds)]) for i in range(n))]
    (out / "c.bib").write_text(render_bibtex(papers))
    with open(out / "c.jsonl", "w") as fh:
        for p in papers:
            fh.write(json.dumps({"title": p.title, "abstract": p.abstract, "authors": p.authors, "year": p.year,
                                 "doi": p.doi, "venue": p.venue}) + "\n")
    best = {"c.jsonl": float("inf"), "c.bib": float("inf")}
    for _ in range(3):
        for name in best:
            start = time.process_time()
            count = sum(isinstance(r, PaperRecord) for r in parse_file(out / name))
            best[name] = min(best[name], time.process_time() - start)
            assert count == n, (name, count)
    a, b = best["c.jsonl"], best["c.bib"]
    print(f"{n} entries: JSONL {a / n * 1000:.3f} ms/entry, BibTeX {b / n * 1000:.3f} ms/entry, ratio {b / a:.2f}")


if __name__ == "__main__":
    main()
