"""Writing user-named output files (-o, --bib, --out) without ever destroying what the path names.

A regular file or a new path is replaced atomically (temp file + rename, keeping an existing file's
mode, else the umask's); a symlink is followed to its target; a device, FIFO or other special file is
streamed into, never replaced, so `-o /dev/null` stays a device and `/dev/full` gives a clean ENOSPC.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from reviewer.errors import ReviewerError


class OutputError(ReviewerError):
    """An output path cannot be written; named with the reason."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _target(path: Path) -> Path:
    """The path a write really goes to: symlinks (also dangling ones) resolved to their target."""
    return Path(os.path.realpath(path)) if os.path.islink(path) else Path(os.path.abspath(path))


def _existing_ancestor(path: Path) -> Path:
    parent = path.parent
    while not os.path.lexists(parent) and parent != parent.parent:
        parent = parent.parent
    return parent


def check_output(path: Path, option: str) -> Path:
    """Fail before any work if `path` cannot be written; return the real target.

    Probes the directory by creating (and removing) a temp file, which also tells root the truth about
    read-only or pseudo file systems where permission bits alone would say yes.
    """
    target = _target(path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"{option} {path}: {exc.strerror or exc}") from exc
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{option} {path}: is a directory", hint="give a file name")
    if st is not None and not stat.S_ISREG(st.st_mode):
        if not os.access(target, os.W_OK):
            raise OutputError(f"{option} {path}: not writable")
        return target  # a device or FIFO: streamed into at write time
    ancestor = _existing_ancestor(target)
    if not ancestor.is_dir():
        raise OutputError(f"{option} {path}: {ancestor} is not a directory")
    try:
        fd, probe = tempfile.mkstemp(prefix=".reviewer-probe-", dir=ancestor)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"{option} {path}: cannot write in {ancestor} ({exc.strerror or exc})") from exc
    return target


def check_outputs(paths: dict[str, Path | None]) -> None:
    """check_output for each given option, and refuse two options naming the same file."""
    seen: dict[Path, str] = {}
    for option, path in paths.items():
        if path is None:
            continue
        target = check_output(path, option)
        if target in seen:
            raise OutputError(f"{seen[target]} and {option} both name {path}", hint="give them different files")
        seen[target] = option


def write_output(path: Path, text: str) -> None:
    """Write `text` to what `path` names (see the module docstring); OSError becomes one clean line."""
    from reviewer import textutil

    target = _target(Path(path))
    data = text.encode("utf-8")
    try:
        try:
            st = os.stat(target)
        except FileNotFoundError:
            st = None
        if st is not None and not stat.S_ISREG(st.st_mode):
            with open(target, "wb", buffering=0) as fh:  # device/FIFO: write into it, never replace it
                view = memoryview(data)
                while view:
                    view = view[fh.write(view) :]
            return
        mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
        textutil.atomic_write_bytes(target, data, mode=mode)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
