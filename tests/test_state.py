"""Where state lives: every path comes from Settings, and every SQLite database carries a schema version."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.catalog import CATALOG_SCHEMA, Catalog
from reviewer.errors import ConfigError
from reviewer.llm.cache import ResponseCache
from reviewer.settings import Settings
from reviewer.sqlite_schema import Schema
from reviewer.vector_cache import VectorCache

REPO = Path(__file__).resolve().parent.parent


def _user_version(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("PRAGMA user_version").fetchone()[0])


def _open_all(settings: Settings) -> None:
    Catalog(settings.catalog_path).close()
    VectorCache(settings).close()
    ResponseCache(settings.cache_path)


def test_every_database_is_created_at_the_settings_path_with_a_version(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home")
    _open_all(settings)
    expected = {settings.catalog_path: CATALOG_SCHEMA.version, settings.vectors_path: 1, settings.cache_path: 1}
    for path, version in expected.items():
        assert _user_version(path) == version, path
    assert sorted(p.name for p in settings.home.glob("*.sqlite")) == sorted(
        p.name for p in (settings.catalog_path, settings.vectors_path, settings.cache_path)
    )


@pytest.mark.parametrize("which", ["catalog_path", "vectors_path", "cache_path"])
def test_a_database_from_a_newer_reviewer_is_refused(tmp_path: Path, which: str) -> None:
    settings = Settings(home=tmp_path / "home")
    _open_all(settings)
    path: Path = getattr(settings, which)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 7")
    with pytest.raises(ConfigError, match=rf"{path.name}: .*schema version 7 was written by a newer reviewer"):
        _open_all(settings)


def test_cli_reports_a_newer_home_in_one_line(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home")
    Catalog(settings.catalog_path).close()
    with sqlite3.connect(settings.catalog_path) as db:
        db.execute("PRAGMA user_version = 9")
    out = subprocess.run([sys.executable, "-m", "reviewer", "papers"], cwd=REPO, capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "REVIEWER_HOME": str(settings.home),
                              "HOME": str(tmp_path)}, timeout=120)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    first = out.stderr.splitlines()[0]
    assert first.startswith("Error: ") and str(settings.catalog_path) in first and "version 9" in first, out.stderr


def test_unversioned_home_is_adopted_as_v1_and_migrated_keeping_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    ddl = "CREATE TABLE IF NOT EXISTS t (a TEXT)"
    with sqlite3.connect(path) as db:  # a home written before schemas were versioned
        db.execute(ddl)
        db.execute("INSERT INTO t VALUES ('kept')")
    schema = Schema("test", ddl)

    @schema.migration(2)
    def _add_b(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE t ADD COLUMN b TEXT DEFAULT 'new'")

    conn = sqlite3.connect(path, isolation_level=None)
    schema.ensure(conn, path)
    schema.ensure(conn, path)  # idempotent: a second open changes nothing
    assert conn.execute("SELECT a, b FROM t").fetchall() == [("kept", "new")]
    assert _user_version(path) == 2

    fresh = tmp_path / "fresh.sqlite"  # a new database takes the same path: v1 DDL, then each migration
    conn = sqlite3.connect(fresh, isolation_level=None)
    schema.ensure(conn, fresh)
    assert [r[1] for r in conn.execute("PRAGMA table_info(t)")] == ["a", "b"]
    assert _user_version(fresh) == 2


def test_failed_migration_leaves_the_database_at_its_old_version(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    schema = Schema("test", "CREATE TABLE IF NOT EXISTS t (a TEXT)")
    conn = sqlite3.connect(path, isolation_level=None)
    schema.ensure(conn, path)

    @schema.migration(2)
    def _broken(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE t ADD COLUMN b TEXT")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        schema.ensure(conn, path)
    assert _user_version(path) == 1
    assert [r[1] for r in conn.execute("PRAGMA table_info(t)")] == ["a"]


def test_migrations_must_be_contiguous() -> None:
    schema = Schema("test", "CREATE TABLE t (a TEXT)")
    with pytest.raises(ValueError, match="migration 3"):
        schema.migration(3)(lambda conn: None)
