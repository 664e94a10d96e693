"""Issue 16 lever 2: `python -m benchmarks.float_query_seeds PACK ARMS` (benchmarks/RESULTS.md §6g (e)).

`python -m benchmarks.float_query_seeds --plans MODEL:PLAN ...` runs benchmarks/plan_seeds.py instead (production
ingest of the seeds with that plan, e.g. `qint8-fused:late`, §6h) with the same float query.

benchmarks/late_seeds.py with every query embedded by the float model (`minilm_model="wheel"`) while the documents
keep the arm's model (e.g. qint8): does the int8 quality loss sit on the query side?
"""

from __future__ import annotations

import sys
from typing import Any

from benchmarks import late_seeds, plan_seeds
from reviewer.retrieve import HybridRetriever

_index_query = HybridRetriever.index_query


def _float_query(self: HybridRetriever, query: str) -> Any:
    settings = self.settings
    self.settings = settings.model_copy(update={"minilm_model": "wheel"})
    try:
        return _index_query(self, query)
    finally:
        self.settings = settings


def main() -> None:
    HybridRetriever.index_query = _float_query  # type: ignore[method-assign]
    if sys.argv[1] == "--plans":
        sys.argv = [sys.argv[0], *sys.argv[2:]]
        plan_seeds.main()
        return
    late_seeds.main()


if __name__ == "__main__":
    main()
