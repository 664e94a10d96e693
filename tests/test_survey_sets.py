"""The survey eval's topic sets: every relevant paper is a seed paper, and every set file can be run.

A misspelt citation key in a hand-written set makes a relevant paper impossible to cite, so the set's
recall silently understates every run; a set file missing from `evals.survey` cannot be scored by
`reviewer eval survey --set`. Both are checked on the real seeds index for every `survey_*.jsonl`.
"""

from __future__ import annotations

from pathlib import Path

import evals.survey as survey_eval
from reviewer.models import Paper

DATASETS = Path(survey_eval.__file__).parent / "datasets"


def test_every_relevant_paper_of_every_survey_set_is_a_seed_paper(seed_papers: dict[str, Paper]) -> None:
    files = sorted(DATASETS.glob("survey_*.jsonl"))
    assert len(files) >= 21
    for path in files:
        for topic in survey_eval.load_dev(path):
            assert topic.relevant and set(topic.relevant) <= set(seed_papers), (path.name, topic.topic)
            assert topic.paraphrase.strip().lower() != topic.topic.strip().lower(), (path.name, topic.topic)


def test_every_survey_set_file_is_registered_for_the_eval() -> None:
    registered = {value.name for name, value in vars(survey_eval).items() if name.endswith("_SET")}
    assert {path.name for path in DATASETS.glob("survey_*.jsonl")} <= registered
