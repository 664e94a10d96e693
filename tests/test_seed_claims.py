"""The hand-written seed claim sets: every claim cites a real seed abstract, and dev and test share no paper."""

from __future__ import annotations

from collections import Counter

import pytest

from evals import sets
from evals.seed_claims import Split, load_rows, seed_papers_by_title


def test_seed_claims_resolve_and_the_splits_share_no_paper() -> None:
    papers = seed_papers_by_title()
    dev, test = load_rows("dev"), load_rows("test")
    assert len(dev) + len(test) >= 80
    for row in [*dev, *test]:
        assert row.title in papers, row.id
    assert not {r.paper for r in dev} & {r.paper for r in test}
    assert len({r.id for r in [*dev, *test]}) == len(dev) + len(test)
    # every contradiction family the project is measured on is present in both splits
    for rows in (dev, test):
        families = Counter(r.family for r in rows)
        assert all(families[f] for f in ("supported", "number", "direction", "comparison", "unsupported"))
        assert all((r.label == "CONTRADICTED") == (r.family not in ("supported", "unsupported")) for r in rows)


def test_the_blind_split_uses_papers_no_other_split_uses() -> None:
    papers = seed_papers_by_title()
    blind = load_rows("blind")
    others = {r.paper for r in [*load_rows("dev"), *load_rows("test")]}
    other_titles = {r.title for r in [*load_rows("dev"), *load_rows("test")]}
    assert len(blind) >= 45
    assert all(r.title in papers for r in blind)
    assert not {r.paper for r in blind} & others and not {r.title for r in blind} & other_titles
    labels = Counter(r.label for r in blind)
    assert min(labels.values()) >= len(blind) // 4, labels  # roughly a third of each label


def test_the_fresh_split_uses_papers_no_other_split_uses() -> None:
    papers = seed_papers_by_title()
    fresh = load_rows("fresh")
    others = [*load_rows("dev"), *load_rows("test"), *load_rows("blind")]
    assert len(fresh) >= 36
    assert all(r.title in papers for r in fresh)
    assert not {r.paper for r in fresh} & {r.paper for r in others}
    assert not {r.title for r in fresh} & {r.title for r in others}
    assert len({r.id for r in fresh}) == len(fresh)
    assert all((r.label == "CONTRADICTED") == (r.family not in ("supported", "unsupported")) for r in fresh)
    labels = Counter(r.label for r in fresh)
    assert min(labels.values()) >= len(fresh) // 4, labels  # roughly a third of each label


def test_the_final_split_uses_papers_no_other_split_uses() -> None:
    papers = seed_papers_by_title()
    final = load_rows("final")
    others = [*load_rows("dev"), *load_rows("test"), *load_rows("blind"), *load_rows("fresh")]
    assert len(final) >= 40
    assert all(r.title in papers for r in final)
    assert not {r.paper for r in final} & {r.paper for r in others}
    assert not {r.title for r in final} & {r.title for r in others}
    assert len({r.id for r in final}) == len(final)
    assert all((r.label == "CONTRADICTED") == (r.family not in ("supported", "unsupported")) for r in final)
    families = Counter(r.family for r in final)
    # weighted toward the comparisons and directions the checker misses, with faithful twins to catch over-triggering
    assert families["comparison"] + families["direction"] >= 20 and families["supported"] >= 12, families


# Every seed paper is used by some split by now, so the c25 blind split `lock` reuses the papers earlier splits use
# least; the disjointness tests below hold among the splits written on unused papers.
_REUSES_PAPERS: tuple[str, ...] = ("lock", "canal", "basin", "delta", "estuary", "fjord", "lagoon", "marsh", "tarn")
_DISJOINT: tuple[Split, ...] = tuple(s for s in sets.names("claims") if s not in _REUSES_PAPERS)


def test_the_disjointness_checks_see_every_split_written_on_unused_papers() -> None:
    # Splits are found by file name (evals/sets.py); an empty list here would make the checks below pass vacuously.
    assert len(_DISJOINT) >= 20 and {"hidden", "sealed", "probe", "vault", "roles", "final"} <= set(_DISJOINT)


@pytest.mark.parametrize("split", ["hidden", "sealed", "probe", "vault"])
def test_the_hidden_and_sealed_splits_use_papers_no_other_split_uses_and_every_family(split: Split) -> None:
    papers = seed_papers_by_title()
    hidden = load_rows(split)
    all_splits: tuple[Split, ...] = _DISJOINT
    others = [r for s in all_splits if s != split for r in load_rows(s)]
    assert len(hidden) >= 60
    assert all(r.title in papers for r in hidden)
    assert not {r.paper for r in hidden} & {r.paper for r in others}
    assert not {r.title for r in hidden} & {r.title for r in others}
    assert len({r.id for r in hidden}) == len(hidden)
    families = Counter(r.family for r in hidden)
    assert all(families[f] for f in ("supported", "number", "direction", "comparison", "negation", "quantifier",
                                     "entity", "unsupported", "hedge", "background")), families
    contradicted = ("number", "direction", "comparison", "negation", "quantifier", "entity")
    assert all(r.label == "CONTRADICTED" for r in hidden if r.family in contradicted)
    assert all(r.label == "SUPPORTED" for r in hidden if r.family == "supported")
    assert all(r.label == "UNSUPPORTED" for r in hidden if r.family in ("unsupported", "hedge"))
    assert all(r.label != "SUPPORTED" for r in hidden if r.family == "background")  # quoted other work


def test_the_roles_split_uses_papers_no_other_split_uses_and_pairs_each_family_with_twins() -> None:
    papers = seed_papers_by_title()
    roles = load_rows("roles")
    others = [r for s in _DISJOINT if s != "roles" for r in load_rows(s)]
    assert all(r.title in papers for r in roles)
    assert not {r.paper for r in roles} & {r.paper for r in others}
    assert not {r.title for r in roles} & {r.title for r in others}
    families = Counter(r.family for r in roles)
    assert families["background"] >= 8 and families["entity"] >= 8 and families["supported"] >= 12, families
    assert all(r.label != "SUPPORTED" for r in roles if r.family == "background")
    assert all(r.label == "CONTRADICTED" for r in roles if r.family == "entity")


def test_the_vault_is_weighted_to_swapped_entities_and_background_and_swapdev_to_both_with_twins() -> None:
    # issue 12, eleventh pass: the held-out vault and its development split, on papers no other split uses
    vault, swapdev = load_rows("vault"), load_rows("swapdev")
    families = Counter(r.family for r in vault)
    assert families["entity"] >= 12 and families["background"] >= 10 and families["supported"] >= 12, families
    assert all(r.label != "SUPPORTED" for r in [*vault, *swapdev] if r.family == "background")
    assert all(r.label == "CONTRADICTED" for r in [*vault, *swapdev] if r.family == "entity")
    others = [r for s in _DISJOINT if s != "swapdev" for r in load_rows(s)]
    assert all(r.title in seed_papers_by_title() for r in swapdev)
    assert not {r.title for r in swapdev} & {r.title for r in others}
    assert not {r.paper for r in swapdev} & {r.paper for r in others}
    assert Counter(r.family for r in swapdev)["supported"] >= 10


_EVERY_FAMILY = ("supported", "number", "direction", "comparison", "negation", "quantifier", "entity", "background",
                 "unsupported")


# Blind splits written side by side in one round, each before any change of that round: they may share papers with
# each other (neither was developed on), but never with a split that rules were developed on.
_SAME_ROUND: dict[str, set[str]] = {"marina": {"groyne"}, "groyne": {"marina"}}


def _held_out_with_every_family(split: Split, families: tuple[str, ...], min_rows: int = 60) -> None:
    rows = load_rows(split)
    papers = seed_papers_by_title()
    siblings = _SAME_ROUND.get(split, set())
    others = [r for s in _DISJOINT if s != split and s not in siblings for r in load_rows(s)]
    assert len(rows) >= min_rows and len({r.id for r in rows}) == len(rows)
    assert all(r.title in papers for r in rows)
    assert not {r.title for r in rows} & {r.title for r in others}
    assert not {r.paper for r in rows} & {r.paper for r in others}
    counts = Counter(r.family for r in rows)
    assert all(counts[f] for f in families), counts
    assert all((r.label == "SUPPORTED") == (r.family == "supported") for r in rows)
    assert all(r.label == "CONTRADICTED" for r in rows if r.family not in ("supported", "unsupported", "hedge",
                                                                            "background"))


def test_the_ward_split_is_held_out_on_papers_no_other_split_uses_and_has_every_family() -> None:
    # issue 12, twelfth pass: written before any rule of the pass, scored once before and once after
    _held_out_with_every_family("ward", _EVERY_FAMILY)


def test_the_moor_split_is_held_out_on_papers_no_other_split_uses_and_has_every_family() -> None:
    # issue 12, thirteenth pass: written before any rule of the pass, scored once before and once after
    _held_out_with_every_family("moor", (*_EVERY_FAMILY, "hedge"))


def test_the_quay_split_is_held_out_on_papers_no_other_split_uses_and_has_every_family() -> None:
    # issue 12, fourteenth pass: written before the seed splits became fitting data, scored before and after
    _held_out_with_every_family("quay", (*_EVERY_FAMILY, "hedge"))


def test_the_pier_split_is_held_out_on_papers_no_other_split_uses_and_has_every_family() -> None:
    # issue 12, fifteenth pass: written before any rule of the pass, scored once before and once after
    _held_out_with_every_family("pier", (*_EVERY_FAMILY, "hedge"), min_rows=40)


def test_the_dock_split_is_held_out_on_papers_no_other_split_uses_and_has_every_family() -> None:
    # issue 12, sixteenth pass: written before any change of the pass, scored blind before and after
    _held_out_with_every_family("dock", (*_EVERY_FAMILY, "hedge"), min_rows=48)


def test_the_berth_split_is_held_out_on_papers_no_other_split_uses_and_has_every_family() -> None:
    # issue 12, seventeenth pass: written before any change of the pass, scored blind before and after
    _held_out_with_every_family("berth", (*_EVERY_FAMILY, "hedge"), min_rows=40)
    assert Counter(r.family for r in load_rows("berth"))["supported"] >= 15  # weighted to faithful paraphrases


def test_the_jetty_split_is_held_out_on_papers_no_other_split_uses_and_has_every_family() -> None:
    # issue 12, nineteenth pass: written before any change of the pass, scored blind before and after
    _held_out_with_every_family("jetty", (*_EVERY_FAMILY, "hedge"), min_rows=48)
    labels = Counter(r.label for r in load_rows("jetty"))
    assert labels["CONTRADICTED"] >= 18 and labels["SUPPORTED"] >= 15 and labels["UNSUPPORTED"] >= 10, labels


def test_the_wharf_split_is_held_out_on_papers_no_other_split_uses_and_has_every_family() -> None:
    # issue 12, twentieth pass: written before any change of the pass, scored blind before and after
    _held_out_with_every_family("wharf", (*_EVERY_FAMILY, "hedge"), min_rows=60)
    labels = Counter(r.label for r in load_rows("wharf"))
    assert labels["CONTRADICTED"] >= 25 and labels["SUPPORTED"] >= 25 and labels["UNSUPPORTED"] >= 12, labels


def test_the_slip_split_is_held_out_on_papers_no_other_split_uses_and_has_every_family() -> None:
    # issue 12, twenty-first pass: written before any change of the pass, scored blind before and after
    _held_out_with_every_family("slip", (*_EVERY_FAMILY, "hedge"), min_rows=30)
    labels = Counter(r.label for r in load_rows("slip"))
    assert labels["CONTRADICTED"] >= 12 and labels["SUPPORTED"] >= 12 and labels["UNSUPPORTED"] >= 5, labels


def test_the_marina_split_is_held_out_on_papers_no_other_split_uses_and_has_every_family() -> None:
    # branch c21: written before any change of the pass, scored blind before and after; weighted to faithful
    # paraphrases and UNSUPPORTED near-misses (strengthened hedges, unmentioned entities, another abstract's sentence)
    _held_out_with_every_family("marina", (*_EVERY_FAMILY, "hedge"), min_rows=60)
    labels = Counter(r.label for r in load_rows("marina"))
    assert labels["SUPPORTED"] >= 24 and labels["UNSUPPORTED"] >= 20 and labels["CONTRADICTED"] >= 20, labels


def test_the_groyne_split_is_held_out_on_papers_no_other_split_uses_and_has_every_family() -> None:
    # issue 12, c20 pass: written before any change of the pass, scored blind before and after
    _held_out_with_every_family("groyne", (*_EVERY_FAMILY, "hedge"), min_rows=60)
    labels = Counter(r.label for r in load_rows("groyne"))
    assert labels["CONTRADICTED"] >= 30 and labels["SUPPORTED"] >= 20 and labels["UNSUPPORTED"] >= 10, labels


def test_the_weir_split_is_held_out_on_papers_no_other_split_uses_and_has_every_family() -> None:
    # issue 12, c22 pass: written before any change of the pass, scored blind once before and once after
    _held_out_with_every_family("weir", (*_EVERY_FAMILY, "hedge"), min_rows=70)
    labels = Counter(r.label for r in load_rows("weir"))
    assert labels["CONTRADICTED"] >= 35 and labels["SUPPORTED"] >= 20 and labels["UNSUPPORTED"] >= 15, labels


def test_the_sluice_split_is_held_out_on_papers_no_other_split_uses_and_has_every_family() -> None:
    # issue 12, c23 pass: written before any change of the pass, scored blind once before and once after
    _held_out_with_every_family("sluice", (*_EVERY_FAMILY, "hedge"), min_rows=70)
    labels = Counter(r.label for r in load_rows("sluice"))
    assert labels["CONTRADICTED"] >= 40 and labels["SUPPORTED"] >= 25 and labels["UNSUPPORTED"] >= 15, labels


def test_the_lock_split_is_blind_mixed_like_the_hidden_set_and_on_the_least_used_papers() -> None:
    # issue 12, c25 pass: written and scored once before any change of the pass, weighted to paraphrased
    # contradictions; every seed paper is already used, so it takes papers other splits hold at most two claims on
    rows = load_rows("lock")
    papers = seed_papers_by_title()
    others = [r for s in _DISJOINT for r in load_rows(s)]
    assert len(rows) >= 80 and len({r.id for r in rows}) == len(rows)
    assert all(r.title in papers for r in rows)
    uses = Counter(r.title for r in others)
    assert all(uses[r.title] <= 2 for r in rows), [r.paper for r in rows if uses[r.title] > 2]
    assert not {r.claim for r in rows} & {r.claim for r in others}
    counts = Counter(r.family for r in rows)
    assert all(counts[f] for f in (*_EVERY_FAMILY, "hedge")), counts
    assert all((r.label == "SUPPORTED") == (r.family == "supported") for r in rows)
    assert all(r.label == "CONTRADICTED" for r in rows if r.family not in ("supported", "unsupported", "hedge",
                                                                            "background"))
    labels = Counter(r.label for r in rows)
    assert labels["CONTRADICTED"] >= 40 and labels["SUPPORTED"] >= 25 and labels["UNSUPPORTED"] >= 15, labels


def test_the_canal_split_is_blind_on_little_used_papers_none_in_lock_and_copies_no_claim() -> None:
    # issue 12, c26 pass: written and scored once before the learned model was tried, its held-out set
    rows = load_rows("canal")
    papers = seed_papers_by_title()
    others = [r for s in _DISJOINT for r in load_rows(s)]
    lock = load_rows("lock")
    assert len(rows) >= 80 and len({r.id for r in rows}) == len(rows)
    assert all(r.title in papers for r in rows)
    uses = Counter(r.title for r in others)
    assert all(uses[r.title] <= 3 for r in rows), [r.paper for r in rows if uses[r.title] > 3]
    assert not {r.title for r in rows} & {r.title for r in lock}
    assert not {r.claim for r in rows} & {r.claim for r in [*others, *lock]}
    counts = Counter(r.family for r in rows)
    assert all(counts[f] for f in (*_EVERY_FAMILY, "hedge", "background")), counts
    assert counts["entity"] >= 10, counts  # exchanged roles, the commonest blind error
    assert all((r.label == "SUPPORTED") == (r.family == "supported") for r in rows)
    assert all(r.label == "CONTRADICTED" for r in rows if r.family not in ("supported", "unsupported", "hedge",
                                                                            "background"))
    labels = Counter(r.label for r in rows)
    assert labels["CONTRADICTED"] >= 40 and labels["SUPPORTED"] >= 25 and labels["UNSUPPORTED"] >= 15, labels


def _assert_blind_split(name: str, reused_splits: tuple[str, ...], max_uses: int = 3, min_rows: int = 80,
                        min_labels: tuple[int, int, int] = (40, 25, 15)) -> None:
    """A blind split: on little-used papers, none in the splits reused beside it, no claim copied, every family."""
    rows = load_rows(name)
    papers = seed_papers_by_title()
    others = [r for s in _DISJOINT for r in load_rows(s)]
    reused = [r for s in reused_splits for r in load_rows(s)]
    assert len(rows) >= min_rows and len({r.id for r in rows}) == len(rows)
    assert all(r.title in papers for r in rows)
    uses = Counter(r.title for r in others)
    assert all(uses[r.title] <= max_uses for r in rows), [r.paper for r in rows if uses[r.title] > max_uses]
    assert not {r.title for r in rows} & {r.title for r in reused}
    assert not {r.claim for r in rows} & {r.claim for r in [*others, *reused]}
    counts = Counter(r.family for r in rows)
    assert all(counts[f] for f in (*_EVERY_FAMILY, "hedge", "background")), counts
    assert all((r.label == "SUPPORTED") == (r.family == "supported") for r in rows)
    assert all(r.label == "CONTRADICTED" for r in rows if r.family not in ("supported", "unsupported", "hedge",
                                                                            "background"))
    labels = Counter(r.label for r in rows)
    assert labels["CONTRADICTED"] >= min_labels[0] and labels["SUPPORTED"] >= min_labels[1], labels
    assert labels["UNSUPPORTED"] >= min_labels[2], labels


def test_the_basin_split_is_blind_on_little_used_papers_none_in_lock_or_canal_and_copies_no_claim() -> None:
    # issue 12, c27 pass: written and scored once on the starting code before any checker change
    _assert_blind_split("basin", ("lock", "canal"))


def test_the_delta_split_is_blind_on_little_used_papers_none_in_lock_canal_or_basin_and_copies_no_claim() -> None:
    # issue 12, c28 pass: written and scored once on the starting code before any checker change
    _assert_blind_split("delta", ("lock", "canal", "basin"))


def test_the_estuary_split_is_blind_on_little_used_papers_none_in_lock_canal_basin_or_delta() -> None:
    # issue 12, c29 pass: written and scored once on the starting code before any checker change. Only nine papers
    # outside the reused splits had three or fewer claims, so the rest of its papers have four.
    _assert_blind_split("estuary", ("lock", "canal", "basin", "delta"), max_uses=4)


def test_the_fjord_split_is_blind_on_little_used_papers_none_in_lock_canal_basin_delta_or_estuary() -> None:
    # issue 12, c30 pass: written and scored once on the starting code before any checker change; its papers have
    # four claims each in the disjoint splits (no paper outside the reused splits has fewer by now).
    _assert_blind_split("fjord", ("lock", "canal", "basin", "delta", "estuary"), max_uses=4)


def test_the_lagoon_split_is_blind_on_little_used_papers_none_in_the_splits_reused_before_it() -> None:
    # issue 12, c31 pass: 48 claims on 12 papers with four claims each in the disjoint splits, written from the
    # abstracts and scored once on the starting code before any checker change.
    _assert_blind_split("lagoon", ("lock", "canal", "basin", "delta", "estuary", "fjord"), max_uses=4, min_rows=48,
                        min_labels=(19, 15, 10))


def test_the_marsh_split_is_blind_on_little_used_papers_none_in_the_splits_reused_before_it() -> None:
    # issue 12, c33 pass: 48 claims on 12 papers with four claims each over every split, written from the abstracts
    # and scored once on the starting code before any checker change; weighted a little to swapped entities.
    _assert_blind_split("marsh", ("lock", "canal", "basin", "delta", "estuary", "fjord", "lagoon"), max_uses=4,
                        min_rows=48, min_labels=(19, 17, 12))


def test_the_tarn_split_is_blind_on_little_used_papers_none_in_the_splits_reused_before_it() -> None:
    # issue 12, c38 pass: 64 claims on 16 papers with four claims each over every split, written from the abstracts
    # and scored once on the starting code before any checker change.
    _assert_blind_split("tarn", ("lock", "canal", "basin", "delta", "estuary", "fjord", "lagoon", "marsh"), max_uses=4,
                        min_rows=64, min_labels=(27, 21, 16))
