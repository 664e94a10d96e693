"""The survey eval's topic sets: every relevant paper is a seed paper, and every set file can be run.

A misspelt citation key in a hand-written set makes a relevant paper impossible to cite, so the set's
recall silently understates every run. Checked on the real seeds index for every `survey_*.jsonl` (a set is
found by its file name: tests/test_eval_sets.py).
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

