"""Files shipped inside the package, found with importlib.resources so a wheel install works anywhere.

`reviewer/data/prompts` and `reviewer/data/seeds` are symlinks to the top-level `prompts/` and
`seeds/` (the one source of truth); a built wheel holds real copies. `reviewer/assets/` holds the
vocabulary, the seed vectors and the checker parameters.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def package_path(relative: str) -> Path:
    """Filesystem path of a file or directory inside the installed `reviewer` package.

    Resolved, so a source checkout reports the real `prompts/` or `seeds/` path rather than the
    symlink (paper sources stored in the catalogue stay the same as before the move).
    """
    resource = files("reviewer").joinpath(*relative.split("/"))
    if not isinstance(resource, Path):  # a zipped install: reviewer reads files by path, so it needs a real one
        raise RuntimeError(f"reviewer must be installed as files on disk, not zipped ({resource})")
    return resource.resolve()


def prompts_dir() -> Path:
    return package_path("data/prompts")


def seeds_dir() -> Path:
    return package_path("data/seeds")


def asset(name: str) -> Path:
    return package_path(f"assets/{name}")
