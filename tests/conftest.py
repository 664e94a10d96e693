"""Shared fixtures: every test gets its own data dir and no LLM endpoint from the environment."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from reviewer.checker import ClaimChecker
    from reviewer.models import Paper
    from reviewer.retrieve import HybridRetriever
    from reviewer.settings import Settings
    from reviewer.survey.run import SurveyRun
    from reviewer.survey.types import TableRow

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point REVIEWER_HOME at a tmp dir and strip endpoint variables so no test reaches the network."""
    home = tmp_path / "reviewer-home"
    monkeypatch.setenv("REVIEWER_HOME", str(home))
    monkeypatch.setenv("HOME", str(tmp_path / "user-home"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    for var in (
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "REVIEWER_LLM_BASE_URL",
        "REVIEWER_LLM_API_KEY",
        "REVIEWER_CHROMA_URL",
        "REVIEWER_LLM_MODEL",
    ):
        monkeypatch.delenv(var, raising=False)
    return home


@pytest.fixture
def one_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """One MiniLM model for both roles (REVIEWER_INDEX_MODEL = the reading model's, 'wheel'): for tests of the
    index's own mechanics (plans, late chunking) that compare its rows with embed_texts under the same settings.
    The default split is covered by tests/test_model_roles.py and every test without this fixture."""
    monkeypatch.setenv("REVIEWER_INDEX_MODEL", "wheel")


def build_seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds ingested and indexed ONCE per test session (embedding 343 abstracts takes ~30-60 s)."""
    from reviewer.ingest.pipeline import ensure_ready
    from reviewer.settings import Settings

    home = tmp_path_factory.getbasetemp() / "seeded-template"
    marker = home / ".seeded"
    if marker.exists():
        return home
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("REVIEWER_HOME", str(home))
        ensure_ready(Settings(seeds_dir=SEEDS), quiet=True)
    marker.touch()
    return home


@pytest.fixture(scope="session")
def seeded_home_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_seeded_template(tmp_path_factory)


# The single-model index every default was before the two roles (issue 16): wheel model, whole-text paper vectors,
# pool 100, bm25s' k1 and the title once. Rules pinned on one seed case that the new index retrieves differently
# run on the index they were written on; the default index is what every other test reads.
LEGACY_INDEX = {"REVIEWER_INDEX_MODEL": "wheel", "REVIEWER_PAPER_VECTOR": "whole", "REVIEWER_CANDIDATE_POOL": "100",
                "REVIEWER_BM25_K1": "1.5", "REVIEWER_BM25_TITLE_REPEAT": "1"}


@pytest.fixture(scope="session")
def legacy_home_template(seeded_home_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds home re-indexed under LEGACY_INDEX once per session (the seed pack has the wheel's vectors of every
    title, sentence and whole text, so this embeds nothing)."""
    import shutil

    from reviewer.ingest.pipeline import ensure_ready
    from reviewer.settings import Settings

    home = tmp_path_factory.getbasetemp() / "legacy-template"
    if not (home / ".legacy").exists():
        shutil.copytree(seeded_home_template, home, dirs_exist_ok=True)
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("REVIEWER_HOME", str(home))
            for var, value in LEGACY_INDEX.items():
                mp.setenv(var, value)
            ensure_ready(Settings(seeds_dir=SEEDS), quiet=True)
        (home / ".legacy").touch()
    return home


@pytest.fixture
def legacy_index(legacy_home_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the seeds home indexed under LEGACY_INDEX, with those settings in the environment."""
    import shutil

    home = tmp_path / "legacy-home"
    shutil.copytree(legacy_home_template, home)
    monkeypatch.setenv("REVIEWER_HOME", str(home))
    for var, value in LEGACY_INDEX.items():
        monkeypatch.setenv(var, value)
    return home


@pytest.fixture
def legacy_settings(legacy_index: Path) -> Settings:
    from reviewer.settings import Settings

    return Settings(llm_offline=True)


@pytest.fixture
def legacy_retriever(legacy_settings: Settings) -> HybridRetriever:
    from reviewer.retrieve import HybridRetriever

    return HybridRetriever(legacy_settings)


@pytest.fixture
def seeded_home(seeded_home_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the indexed seeds home, so a test may modify it freely."""
    import shutil

    home = tmp_path / "seeded-home"
    shutil.copytree(seeded_home_template, home)
    monkeypatch.setenv("REVIEWER_HOME", str(home))
    return home


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run `reviewer ARGS` through main() in-process, as a user's shell would: exit code, stdout, stderr."""
    from reviewer.cli import main

    monkey = pytest.MonkeyPatch()
    monkey.setattr(sys, "argv", ["reviewer", *args])
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    finally:
        monkey.undo()
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def settings(seeded_home_template: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Offline settings on the shared, read-only seeds index (for tests that only read it; modules that
    need another home define their own `settings`)."""
    from reviewer.settings import Settings

    monkeypatch.setenv("REVIEWER_HOME", str(seeded_home_template))
    return Settings(llm_offline=True)


@pytest.fixture
def seed_papers(settings: Settings) -> dict[str, Paper]:
    """Every seed paper by citation key, read from the shared seeds index."""
    from reviewer.catalog import Catalog

    with Catalog(settings.catalog_path) as catalog:
        return {p.key: p for p in catalog.iter_papers()}


def _read_seed_papers(home: Path) -> dict[str, Paper]:
    from reviewer.catalog import Catalog
    from reviewer.settings import Settings

    with Catalog(Settings(home=home).catalog_path) as catalog:
        return {p.key: p for p in catalog.iter_papers()}


@pytest.fixture(scope="session")
def seed_gazetteer(seeded_home_template: Path) -> frozenset[str]:
    """`mine_gazetteer` over every seed paper, mined once per session: ~30 tests read the same one (0.7 CPU s each)."""
    from reviewer.survey.table import mine_gazetteer

    return mine_gazetteer(list(_read_seed_papers(seeded_home_template).values()))


@pytest.fixture(scope="session")
def table_row() -> Callable[..., TableRow]:
    """`offline_row` computed once per (paper, gazetteer) for the session. A row is a pure function of the two, and
    many tests check a rule over every seed paper's row (~3.4 CPU s a pass over the seeds); each caller gets its
    own deep copy, so no test sees another's changes."""
    from reviewer.survey.table import CURATED_BENCHMARKS, offline_row

    rows: dict[tuple[str, frozenset[str]], TableRow] = {}

    def row(paper: Paper, gazetteer: frozenset[str] = CURATED_BENCHMARKS) -> TableRow:
        key = (paper.model_dump_json(), gazetteer)
        if key not in rows:
            rows[key] = offline_row(paper, gazetteer)
        return rows[key].model_copy(deep=True)

    return row


@pytest.fixture(scope="session")
def offline_survey(seeded_home_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], SurveyRun]:
    """`run_survey(topic)` offline on the seeds with the default options, run once per topic for the session:
    several test files check their own rules on the same topic's report (~7 CPU s a survey). Each caller gets
    a deep copy of the run; its run directory is shared, so a test that edits saved stages runs its own."""
    from reviewer.settings import Settings
    from reviewer.survey.run import run_survey

    runs = tmp_path_factory.mktemp("shared-surveys")
    done: dict[str, SurveyRun] = {}

    def survey(topic: str) -> SurveyRun:
        if topic not in done:
            with pytest.MonkeyPatch.context() as mp:
                mp.setenv("REVIEWER_HOME", str(seeded_home_template))
                done[topic] = run_survey(topic, Settings(llm_offline=True), runs_dir=runs, quiet=True)
        return done[topic].model_copy(deep=True)

    return survey


@pytest.fixture(scope="module")
def checker() -> ClaimChecker:
    """The offline claim checker with its shipped weights (it reads no home)."""
    from reviewer.checker import ClaimChecker
    from reviewer.settings import Settings

    return ClaimChecker(Settings())


@pytest.fixture(scope="module")
def retriever(seeded_home_template: Path) -> HybridRetriever:
    """One retriever over the (read-only) indexed seeds for a whole module."""
    from reviewer.retrieve import HybridRetriever
    from reviewer.settings import Settings

    return HybridRetriever(Settings(home=seeded_home_template))
