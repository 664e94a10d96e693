"""Nothing lost, nothing stale: Unicode titles, conflict-aware dedup, re-indexing on merge, missing or
damaged indexes and catalogues (issue 17, items 1, 2, 3 and 5)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from conftest import SEEDS
from reviewer.catalog import Catalog
from reviewer.cli import cli, main
from reviewer.settings import Settings

NO_SEEDS = {"REVIEWER_AUTO_INGEST_SEEDS": "0", "REVIEWER_EMBED_MAX_LENGTH": "64"}


def seed_abstracts(n: int) -> list[str]:
    """Real abstracts from the bundled seeds, distinct and in a stable order, as ingest stores them
    (LaTeX and HTML markup turned into plain text)."""
    from reviewer.ingest.markup import plain_text
    from reviewer.ingest.parse import parse_file

    out: list[str] = []
    for path in sorted(SEEDS.iterdir()):
        for rec in parse_file(path):
            if hasattr(rec, "abstract") and plain_text(rec.abstract) not in out:
                out.append(plain_text(rec.abstract))
                if len(out) == n:
                    return out
    raise AssertionError("not enough seed abstracts")


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def ingest(*paths: Path) -> tuple[int, dict, str]:
    result = CliRunner().invoke(cli, ["ingest", "--json", "-q", *map(str, paths)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.stdout), result.stderr


def papers() -> list[dict]:
    result = CliRunner().invoke(cli, ["papers", "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def bare_home(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in NO_SEEDS.items():
        monkeypatch.setenv(name, value)


# -- item 1: titles in every script, and symbols that name different things --------------------------

UNICODE_TITLES = [
    "大型语言模型的推理能力研究", "大型语言模型的对齐方法", "Рассуждения больших языковых моделей",
    "Выравнивание языковых моделей", "Συλλογισμός σε μεγάλα γλωσσικά μοντέλα", "大規模言語モデルの推論",
    "大規模言語モデルのアライメント",
    "α-Divergence Variational Inference", "β-Divergence Variational Inference",
    "C Code Generation with LLMs", "C++ Code Generation with LLMs", "C# Code Generation with LLMs",
]


def test_titles_in_other_scripts_and_symbols_stay_distinct(bare_home: None, tmp_path: Path) -> None:
    abstracts = seed_abstracts(len(UNICODE_TITLES) + 1)
    rows = [{"title": t, "abstract": a} for t, a in zip(UNICODE_TITLES, abstracts, strict=False)]
    rows.append({"title": "???", "abstract": abstracts[-1]})  # nothing but punctuation: never skipped
    code, report, _ = ingest(write_jsonl(tmp_path / "scripts.jsonl", rows))
    assert code == 0
    assert report["stats"]["added"] == len(rows)
    titles = sorted(p["title"] for p in papers())
    assert titles == sorted(UNICODE_TITLES + ["???"])
    assert len({p["id"] for p in papers()}) == len(rows)


def test_accents_and_punctuation_still_dedup(bare_home: None, tmp_path: Path) -> None:
    abstract = seed_abstracts(1)[0]
    rows = [{"title": "Naïve Reward Models Are Enough", "abstract": abstract},
            {"title": "Naive reward models are enough!", "abstract": abstract}]
    _, report, _ = ingest(write_jsonl(tmp_path / "a.jsonl", rows))
    assert (report["stats"]["added"], report["stats"]["merged"] + report["stats"]["unchanged"]) == (1, 1)


# -- item 2: same title, different paper ------------------------------------------------------------


def test_same_title_with_conflicting_authors_and_year_is_two_papers(bare_home: None, tmp_path: Path) -> None:
    smith, jones = seed_abstracts(2)
    first = write_jsonl(tmp_path / "smith.jsonl",
                        [{"title": "Reward Hacking", "abstract": smith, "authors": ["Ann Smith"], "year": 2024}])
    second = write_jsonl(tmp_path / "jones.jsonl",
                         [{"title": "Reward Hacking!", "abstract": jones, "authors": ["Bob Jones"], "year": 2023}])
    ingest(first)
    code, report, stderr = ingest(second)
    assert code == 0
    assert report["stats"]["added"] == 1 and report["stats"]["merged"] == 0
    assert "near-duplicate" in stderr and "smith2024reward" in stderr
    by_key = {p["key"]: p for p in papers()}
    assert set(by_key) == {"smith2024reward", "jones2023reward"}
    with Catalog(Settings().catalog_path) as catalog:
        assert catalog.resolve("smith2024reward").abstract == smith
        assert catalog.resolve("jones2023reward").abstract == jones


def test_same_title_same_author_merges_and_same_doi_merges(bare_home: None, tmp_path: Path) -> None:
    text, other = seed_abstracts(2)
    rows = [
        {"title": "Reward Hacking", "abstract": text, "authors": ["Ann Smith"], "year": 2024},
        {"title": "Reward hacking.", "abstract": text, "authors": ["A. Smith", "C. Wu"]},  # same paper
        {"title": "Process Supervision", "abstract": other, "doi": "10.1000/ps"},
        {"title": "Process Supervision (extended)", "abstract": other, "doi": "10.1000/PS", "year": 2025},
    ]
    _, report, _ = ingest(write_jsonl(tmp_path / "a.jsonl", rows))
    assert report["stats"]["added"] == 2
    assert len(papers()) == 2


# -- item 3: merges re-index the paper ----------------------------------------------------------------


def test_merge_that_replaces_abstract_and_adds_year_and_source_reindexes(bare_home: None, tmp_path: Path) -> None:
    from reviewer.embed import embed_texts
    from reviewer.index import VectorStore
    from reviewer.vector_cache import VectorCache, paper_sentences

    old, new, filler = seed_abstracts(3)
    old_short = old.split(". ")[0] + "."
    assert len(new) > 1.2 * len(old_short)
    title = "A Paper Whose Abstract Is Replaced"
    ingest(write_jsonl(tmp_path / "first.jsonl", [{"title": title, "abstract": old_short},
                                                  {"title": "Unrelated Filler Paper", "abstract": filler}]))
    code, report, _ = ingest(write_jsonl(tmp_path / "second.jsonl",
                                         [{"title": title, "abstract": new, "year": 2024}]))
    assert code == 0 and report["stats"]["merged"] == 1

    settings = Settings()
    with Catalog(settings.catalog_path) as catalog:
        paper = catalog.resolve(title)
    assert paper.abstract == new and paper.year == 2024 and paper.sources == ["first.jsonl", "second.jsonl"]
    stored = VectorStore(settings).vectors([paper.id])[paper.id]
    expected = embed_texts([paper.text], settings.index_settings)[0]  # the index model's
    assert float(stored @ expected) > 0.999  # the vector is the new text's, not the old abstract's
    cache = VectorCache(settings.index_settings)
    assert len(cache.paper_matrices([paper.id])[paper.id]) == len(paper_sentences(paper.title, new))
    cache.close()

    runner = CliRunner()
    for args in (["--mode", "dense", "--year-min", "2024"], ["--mode", "dense", "--source", "second.jsonl"],
                 ["--mode", "bm25", "--year-min", "2024"]):
        result = runner.invoke(cli, ["search", new.split(". ")[0], "--json", "-k", "3", *args])
        assert result.exit_code == 0, result.output
        assert [h["id"] for h in json.loads(result.stdout)] == [paper.id], args


# -- item 5: stale runs, missing indexes, damaged files -------------------------------------------------


def _dense_ids(query: str) -> list[str]:
    result = CliRunner().invoke(cli, ["search", query, "--json", "--mode", "dense", "-k", "3"])
    assert result.exit_code == 0, result.output
    return [h["id"] for h in json.loads(result.stdout)]


@pytest.mark.parametrize("damage", ["chroma", "bm25", "collection", "deleted-collection", "bm25-pointer"])
def test_missing_or_switched_index_is_rebuilt(seeded_home: Path, damage: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    query = "process reward models for step-level verification"
    before = _dense_ids(query)
    assert before
    if damage == "collection":
        monkeypatch.setenv("REVIEWER_COLLECTION", "other-corpus")
    elif damage == "deleted-collection":  # e.g. dropped on a shared Chroma server
        from reviewer.index import VectorStore, collection_name

        VectorStore(Settings()).client.delete_collection(collection_name(Settings()))
    elif damage == "bm25-pointer":
        (seeded_home / "bm25" / "current.json").write_text("{not json")
    else:
        shutil.rmtree(seeded_home / damage)
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient.clear_system_cache()  # as a new process would: no in-memory copy of the old store
    assert _dense_ids(query) == before
    bm25 = CliRunner().invoke(cli, ["search", query, "--json", "--mode", "bm25", "-k", "3"])
    assert bm25.exit_code == 0 and len(json.loads(bm25.stdout)) == 3


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    import sys

    monkey = pytest.MonkeyPatch()
    monkey.setattr(sys, "argv", ["reviewer", *args])
    try:
        with pytest.raises(SystemExit) as exc:
            main()
    finally:
        monkey.undo()
    return int(exc.value.code or 0), capsys.readouterr().err


def test_zero_byte_catalogue_is_an_error_not_a_fresh_home(seeded_home: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    catalog = seeded_home / "catalog.sqlite"
    for extra in ("catalog.sqlite-wal", "catalog.sqlite-shm"):
        (seeded_home / extra).unlink(missing_ok=True)
    catalog.write_bytes(b"")
    code, err = run_main(["papers"], capsys)
    assert code == 1
    assert str(catalog) in err and "0 bytes" in err and "Traceback" not in err
    assert catalog.stat().st_size == 0  # the seeds were not ingested into it


@pytest.mark.parametrize("name", ["catalog.sqlite", "vectors.sqlite", "chroma/chroma.sqlite3"])
def test_corrupt_data_file_is_named_with_a_recovery_hint(seeded_home: Path, name: str,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    target = seeded_home / name
    for extra in (Path(f"{target}-wal"), Path(f"{target}-shm")):
        extra.unlink(missing_ok=True)
    target.write_bytes(b"this is not a database\n" * 200)
    code, err = run_main(["search", "reward models", "--mode", "dense"], capsys)
    assert code == 1
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert lines[0].startswith("Error: ") and str(target) in lines[0] and "unexpected" not in err
    assert "hint:" in err


def test_survey_after_ingest_is_a_new_run_with_the_new_paper(seeded_home: Path, tmp_path: Path) -> None:
    from reviewer.survey.run import run_survey

    topic = "lattice quantum chromodynamics on graphics processors"
    settings = Settings()
    first = run_survey(topic, settings, max_papers=8, offline=True, quiet=True)
    title = "Lattice Quantum Chromodynamics Simulations on Graphics Processors"
    abstract = ("We run lattice quantum chromodynamics simulations on graphics processors. "
                "Lattice quantum chromodynamics on graphics processors is fast and accurate.")
    code, _, _ = ingest(write_jsonl(tmp_path / "qcd.jsonl", [{"title": title, "abstract": abstract}]))
    assert code == 0
    second = run_survey(topic, Settings(), max_papers=8, offline=True, quiet=True)
    assert second.run_dir != first.run_dir and "scope" in second.computed
    assert title in [p.paper.title for p in json_scope(second.run_dir)]
    again = run_survey(topic, Settings(), max_papers=8, offline=True, quiet=True)
    assert again.run_dir == second.run_dir and "scope" in again.loaded  # unchanged corpus: resumed
    # Neighbour: a setting that changes what is retrieved or kept makes the saved run stale too.
    other = run_survey(topic, Settings(min_evidence_score=0.5), max_papers=8, offline=True, quiet=True)
    assert other.run_dir != second.run_dir and "scope" in other.computed


def json_scope(run_dir: Path) -> list:
    from reviewer.survey.types import ScopeResult

    return ScopeResult.model_validate_json((run_dir / "scope.json").read_text()).papers


def test_embedded_vectors_match_text_after_seed_ingest(seeded_home: Path) -> None:
    """Guard for the re-index path: a plain re-ingest re-embeds nothing and changes no vector."""
    from reviewer.index import VectorStore

    settings = Settings()
    store = VectorStore(settings)
    ids = sorted(store.ids())[:5]
    before = store.vectors(ids)
    code, report, _ = ingest(SEEDS)
    assert code == 0 and report["index"]["embedded"] == 0 and report["index"]["reindexed"] == 0
    after = VectorStore(settings).vectors(ids)
    assert all(np.allclose(before[i], after[i]) for i in ids)


def test_a_quote_in_another_script_is_verified_as_itself() -> None:
    """Neighbour of item 1: loose comparison used to drop non-Latin letters, so any invented Chinese
    quote 'matched' any Chinese abstract."""
    from reviewer.quotes import verify_quote

    abstract = "大型语言模型在推理任务上表现出色。我们提出了一种新方法。"
    assert verify_quote("这是一个完全捏造的引用", abstract) is None
    assert verify_quote("我们提出了一种新方法", abstract) is not None
    assert verify_quote("Θεωρία που δεν υπάρχει", "Μια εντελώς διαφορετική περίληψη για μοντέλα.") is None


def test_catalogue_from_before_the_unicode_normalisation_is_migrated(bare_home: None, tmp_path: Path) -> None:
    """A catalogue written with the old ASCII-only title key ('c code generation with llms' for C++)
    must not swallow the C paper ingested later."""
    import sqlite3

    first, second = seed_abstracts(2)
    ingest(write_jsonl(tmp_path / "old.jsonl", [{"title": "C++ Code Generation with LLMs", "abstract": first}]))
    db = sqlite3.connect(Settings().catalog_path)
    db.execute("UPDATE papers SET norm_title='c code generation with llms'")  # what the old code stored
    db.execute("PRAGMA user_version = 2")  # the schema version before the Unicode title key
    db.commit()
    db.close()
    code, report, _ = ingest(write_jsonl(tmp_path / "new.jsonl",
                                         [{"title": "C Code Generation with LLMs", "abstract": second}]))
    assert code == 0 and report["stats"]["added"] == 1
    assert sorted(p["title"] for p in papers()) == ["C Code Generation with LLMs", "C++ Code Generation with LLMs"]
