"""Write a built model file atomically, or rebuild it into a temp file and compare (`--check`).

Shared by the model build scripts so a shipped file is always reproducible the same way."""

from __future__ import annotations

import hashlib
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_or_check(build: Callable[[Path], None], target: Path, repo: Path, prefix: str) -> None:
    """`--check`: exit 0 only if a fresh build has the shipped file's sha256; else rebuild `target` in place."""
    if "--check" in sys.argv[1:]:
        with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
            fresh = Path(tmp) / "model.onnx"
            build(fresh)
            same = sha256(fresh) == sha256(target)
            print(f"rebuilt {sha256(fresh)}\nshipped {sha256(target)}\n{'same' if same else 'DIFFERENT'}")
            raise SystemExit(0 if same else 1)
    tmp_path = target.with_suffix(".tmp.onnx")
    build(tmp_path)
    tmp_path.replace(target)
    shown = target.relative_to(repo) if target.is_relative_to(repo) else target
    print(f"{shown}: {target.stat().st_size / 1e6:.1f} MB, sha256 {sha256(target)}")
