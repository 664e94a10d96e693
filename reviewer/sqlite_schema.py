"""Versioned SQLite schemas: `PRAGMA user_version` on every database reviewer writes, with migrations.

Each database declares one `Schema`: the version-1 DDL (frozen: it is what every home had before
schemas were versioned) and numbered migrations registered with a decorator::

    CATALOG = Schema("catalogue", V1_DDL)

    @CATALOG.migration(2)
    def _add_venue(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE papers ADD COLUMN venue TEXT")

`CATALOG.ensure(conn, path)` brings any database up to the newest version in one IMMEDIATE
transaction (so two processes opening a fresh home do not race) and refuses, with one clear line,
a database written by a newer reviewer. A fresh database runs the v1 DDL and then every migration,
the same path an old home takes, so there is a single way to reach each version.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from reviewer.errors import ConfigError

Migration = Callable[[sqlite3.Connection], None]


class Schema:
    """The DDL of version 1 plus the migrations to every later version of one database."""

    def __init__(self, name: str, v1_ddl: str) -> None:
        self.name = name
        self._v1 = [s.strip() for s in v1_ddl.split(";") if s.strip()]
        self._migrations: dict[int, Migration] = {}

    @property
    def version(self) -> int:
        """The newest version: 1, or the highest registered migration."""
        return max(self._migrations, default=1)

    def migration(self, version: int) -> Callable[[Migration], Migration]:
        """Register `fn` as the step from `version - 1` to `version`; versions must be contiguous from 2."""

        def register(fn: Migration) -> Migration:
            if version != self.version + 1:
                raise ValueError(f"{self.name}: migration {version} registered after version {self.version}")
            self._migrations[version] = fn
            return fn

        return register

    def ensure(self, conn: sqlite3.Connection, path: Path | str) -> None:
        """Create or migrate the database to `self.version`; ConfigError if it is newer than that.

        `conn` must be in autocommit mode (isolation_level=None), as all of reviewer's connections are.
        """
        found = _user_version(conn)
        if found == self.version:
            return
        if found > self.version:
            raise _too_new(self.name, path, found, self.version)
        conn.execute("BEGIN IMMEDIATE")
        try:
            found = _user_version(conn)  # another process may have migrated while we waited for the lock
            if found > self.version:
                raise _too_new(self.name, path, found, self.version)
            if found == 0:  # fresh, or a home from before versioning: its tables are v1 (IF NOT EXISTS)
                for statement in self._v1:
                    conn.execute(statement)
                found = 1
            for version in range(found + 1, self.version + 1):
                self._migrations[version](conn)
            conn.execute(f"PRAGMA user_version = {self.version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _too_new(name: str, path: Path | str, found: int, supported: int) -> ConfigError:
    return ConfigError(
        f"{path}: {name} schema version {found} was written by a newer reviewer (this one reads up to {supported})",
        hint="upgrade reviewer, or set REVIEWER_HOME to another directory",
    )
