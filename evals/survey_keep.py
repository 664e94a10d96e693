"""Run `reviewer eval survey` keeping every survey's run directory, and re-score kept reports.

    python -m evals.survey_keep run dev|holdout|fresh DIR     # the eval, runs kept under DIR/<set>/
    python -m evals.survey_keep score DIR dev holdout fresh   # titles, anaphora, entities of kept reports

Re-scoring lets the reports of an older commit be judged by the current detectors (how the before figures of
the "Survey text" section of evals/RESULTS.md were made); the eval itself keeps no runs.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import evals.survey as survey_eval
from evals import sets


def run(which: str, keep: Path) -> None:
    where = keep / which
    where.mkdir(parents=True, exist_ok=True)
    from reviewer.settings import Settings

    path = sets.path("survey", which)
    original = survey_eval.tempfile.TemporaryDirectory
    survey_eval.tempfile.TemporaryDirectory = lambda prefix="": contextlib.nullcontext(str(where))  # type: ignore[assignment,misc]
    try:
        result = survey_eval.run_survey_eval(Settings(), path=path)
    finally:
        survey_eval.tempfile.TemporaryDirectory = original  # type: ignore[misc]
    print(survey_eval.format_result(result))
    (keep / f"{which}.json").write_text(survey_eval.dumps(result), encoding="utf-8")


def score(keep: Path, sets: list[str]) -> None:
    from reviewer.catalog import Catalog
    from reviewer.settings import Settings
    from reviewer.survey.types import SurveyReport

    with Catalog(Settings().catalog_path) as catalog:
        abstracts = {p.key: p.abstract for p in catalog.iter_papers()}
    for which in sets:
        shape = survey_eval.ReportShape()
        for report in sorted((keep / which).glob("*/report.json")):
            survey_eval.report_shape(SurveyReport.model_validate_json(report.read_text(encoding="utf-8")), abstracts, shape)
        share = shape.anaphor_or_background / max(1, shape.cited_sentences)
        print(f"== {which}: cited sentences {shape.cited_sentences}, anaphor/background {shape.anaphor_or_background} "
              f"({share:.1%}; pronoun subjects after a leading phrase {shape.pointing_subjects}, connectives without "
              f"their antecedent {shape.connective_openers}, empty announcements {shape.empty_announcements}); table fill {shape.cells_filled / max(1, shape.cells):.1%}"
              f" of {shape.cells} cells; HTML entities "
              f"{len(shape.entity_hits)}; titles {shape.titles}, failing {len(shape.bad_titles)}; catch-alls "
              f"{shape.catch_alls}; cited only in the overview aside {shape.aside_only} of {shape.cited_papers} "
              f"({shape.aside_only / max(1, shape.cited_papers):.1%})")
        print("   " + survey_eval.fit_summary(shape.fit))
        print("   " + survey_eval.theme_fit_summary(shape.theme))
        for line in shape.fit.misfit_list + shape.fit.thin_list + shape.fit.open_list if "--list" in sys.argv else []:
            print(f"   fit: {line}")
        for title in shape.bad_titles:
            print(f"   title: {title}")
        for text in shape.flagged:
            print(f"   quote: {text}")


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "run":
        run(sys.argv[2], Path(sys.argv[3]))
    elif len(sys.argv) >= 4 and sys.argv[1] == "score":
        score(Path(sys.argv[2]), [a for a in sys.argv[3:] if not a.startswith("--")])
    else:
        print(__doc__)
        sys.exit(2)
