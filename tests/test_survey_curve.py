"""evals.survey_curve on the real seeds: it scores the papers the evidence stage keeps, cut to their first N."""

from __future__ import annotations

from evals.survey import load_dev
from evals.survey_curve import CAPS, curve, figures, kept
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings
from tests.survey_steps import surveyed


def test_a_cap_keeps_each_wordings_first_papers_and_the_last_row_is_the_whole_survey(
        settings: Settings, retriever: HybridRetriever) -> None:
    topic = load_dev()[0]
    a = kept(settings, retriever, topic.topic)
    # The tool runs the pipeline's own stages: the same papers in the same order as the evidence stage keeps.
    assert a == [e.key for e in surveyed(settings, retriever, topic.topic).papers]
    b = kept(settings, retriever, topic.paraphrase)
    assert len(a) >= 2 and len(b) >= 2, (a, b)
    rel = set(topic.relevant)
    whole = figures([(topic.relevant, a, b)], max(CAPS))
    assert whole[0] == len(set(a) & rel) / len(rel) and whole[1] == len(set(b) & rel) / len(rel)
    assert whole[3] == len(set(a) & set(b)) / len(set(a) | set(b))
    first = figures([(topic.relevant, a, b)], 1)
    assert first[4] == 1.0  # one paper per wording
    assert first[2] == ((a[0] in rel) + (b[0] in rel)) / 2
    rows = curve({"dev": [(topic.relevant, a, b)]})
    assert [cap for cap, _ in rows] == list(CAPS) and rows[-1][1] == whole
    recalls = [f[0] for _, f in rows]
    assert recalls == sorted(recalls)  # a longer survey never finds fewer of the relevant papers
