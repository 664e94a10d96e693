"""The seed-claim splits as fitting data (evals/fit_seeds.py): the table look-up that scores a refit with the
rule guards must agree with the checker itself, leave-one-split-out must never score a split with a model that
saw it, the nested figure must choose each split's setting on the other splits, and the held-out quay split
must stay out of every fit."""

from __future__ import annotations

import numpy as np
import pytest

from evals import sets
from evals.fit_checker import choose_by_loso, fit_params
from evals.fit_seeds import (
    FIT_SPLITS,
    HELD_OUT,
    SeedRows,
    decide_all,
    featurize_seeds,
    loso_probs,
    with_rules,
)
from evals.seed_claims import load_rows, seed_papers_by_title
from reviewer.checker.offline import CheckerParams, OfflineChecker, load_params, probabilities
from reviewer.checker.types import LABELS
from reviewer.settings import Settings

SPLITS = ("test", "roles")  # two small splits of real hand-written claims over real seed abstracts


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(home=tmp_path_factory.mktemp("home"))


@pytest.fixture(scope="module")
def seeds(settings: Settings) -> SeedRows:
    return featurize_seeds(settings, SPLITS)


def test_the_look_up_of_the_rules_gives_the_checkers_own_label_on_every_claim(settings: Settings,
                                                                              seeds: SeedRows) -> None:
    params = load_params()
    looked_up = with_rules(seeds, probabilities(params, seeds.x), probabilities(params, seeds.x_quiet),
                           params.support_threshold, params.contradict_threshold)
    checker = OfflineChecker(settings, params)
    papers = seed_papers_by_title()
    rows = [r for s in SPLITS for r in load_rows(s)]  # type: ignore[arg-type]
    own = [LABELS.index(checker.check(r.claim, [papers[r.title].model_copy(update={"key": r.paper})]).label)
           for r in rows]
    assert looked_up.tolist() == own
    # the rules matter on these claims: the combiner's own label alone would differ somewhere
    combiner = decide_all(probabilities(params, seeds.x), params.support_threshold, params.contradict_threshold)
    assert (combiner != np.array(own)).any()


def test_leave_one_split_out_never_scores_a_split_with_a_model_fitted_on_it(seeds: SeedRows) -> None:
    seen: list[np.ndarray] = []

    def fit(mask: np.ndarray) -> CheckerParams:
        seen.append(mask.copy())
        return load_params()

    loso_probs(seeds, fit)
    assert len(seen) == len(SPLITS)
    for split, mask in zip(SPLITS, seen, strict=True):
        assert not mask[seeds.split == split].any()  # none of the scored split's rows
        assert mask[seeds.split != split].all()  # every other split's rows


def test_the_nested_figure_never_chooses_a_setting_on_the_split_it_scores(seeds: SeedRows) -> None:
    # two settings: one right on every claim of the first split and wrong on the second, one the reverse
    first = seeds.split == SPLITS[0]
    wrong = (seeds.y + 1) % len(LABELS)
    preds = {(1.0, 0.0, 0.0, 0.5, 0.5): np.where(first, seeds.y, wrong),
             (1.0, 0.0, 0.0, 0.5, 0.3): np.where(first, wrong, seeds.y)}
    chosen, report = choose_by_loso(preds, seeds)
    assert report["loso_mean"] == 0.5 and chosen in preds
    # chosen on the other split alone, each split gets the setting that is wrong on it
    assert report["nested_loso_per_split"] == {SPLITS[0]: 0.0, SPLITS[1]: 0.0}


def test_a_row_of_weight_zero_changes_nothing_in_the_fit(seeds: SeedRows) -> None:
    # the seed rows enter every LOSO fit, those of the scored split at weight 0: they must not shift the class balance
    params = load_params()
    xs = (seeds.x - np.asarray(params.mean)) / np.asarray(params.scale)
    first = seeds.split == SPLITS[0]
    alone = fit_params(xs[first], seeds.y[first], 1.0)
    padded = fit_params(xs, seeds.y, 1.0, np.where(first, 1.0, 0.0))
    for a, b in zip(alone, padded, strict=True):
        assert np.allclose(a.weights, b.weights, atol=1e-5) and abs(a.bias - b.bias) < 1e-5


def test_the_held_out_quay_split_never_feeds_a_fit_nor_a_choice() -> None:
    assert "quay" in HELD_OUT and "quay" not in FIT_SPLITS
    assert not set(FIT_SPLITS) & set(HELD_OUT) and set(FIT_SPLITS) | set(HELD_OUT) <= set(sets.names("claims"))
    chosen_on = load_params().metadata["seed_claims_leave_one_split_out"]["loso_per_split"]  # type: ignore[index]
    assert set(chosen_on) == set(FIT_SPLITS)  # the shipped fit was chosen on every fitting split, never on quay
