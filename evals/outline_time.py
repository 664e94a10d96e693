"""Time the offline outline stage on kept evidence, so two code versions are timed on the same inputs.

    python -m evals.outline_time DIR      # DIR from `python -m evals.survey_keep run <set> DIR` (DIR/<set>/<run>/)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(keep: Path) -> None:
    from reviewer.catalog import Catalog
    from reviewer.settings import Settings
    from reviewer.survey import outline
    from reviewer.survey.fieldwide import field_weights
    from reviewer.survey.types import EvidenceResult

    settings = Settings()
    extra: dict[str, list[str]] = {}
    with Catalog(settings.catalog_path) as catalog:
        papers = {p.key: p for p in catalog.iter_papers()}
        field = field_weights(settings, catalog)
        start = time.perf_counter()
        if hasattr(outline, "corpus_sample"):  # older versions read no corpus sample
            extra["corpus"] = outline.corpus_sample(catalog)
        sample = time.perf_counter() - start
    times = []
    for path in sorted(keep.glob("*/*/evidence.json")):
        evidence = EvidenceResult.model_validate_json(path.read_text(encoding="utf-8"))
        topic = json.loads((path.parent / "report.json").read_text(encoding="utf-8"))["topic"]
        start = time.perf_counter()
        outline.offline_outline(topic, evidence, papers, settings, None, [], field, **extra)  # type: ignore[arg-type]
        times.append((time.perf_counter() - start + sample, topic))
    times.sort(reverse=True)
    print(f"runs {len(times)}, total {sum(t for t, _ in times):.1f} s, slowest {times[0][0]:.2f} s ({times[0][1]})")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    main(Path(sys.argv[1]))
