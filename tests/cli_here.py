"""`reviewer ARGS` run through `reviewer.cli.main` in the test's own process, with a given environment.

For CLI tests about what a command prints and returns, not about the process: a cold `python -m reviewer`
costs ~2.5 CPU s of imports and index loading before the command runs. Tests about the process itself
(crashes, signals, kill -9, import cost, stdin/TTY, a secret leaking anywhere a process writes) keep
`helpers_servers.run_cli`. The result has `run_cli`'s shape, so a test can switch between the two.
"""

from __future__ import annotations

import os
import subprocess
import sys

from click.testing import CliRunner


def run_cli_here(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Exit code, stdout and stderr of `reviewer ARGS` with exactly `env` as the environment (restored after)."""
    from reviewer.cli import main

    saved_env, saved_argv = dict(os.environ), sys.argv
    os.environ.clear()
    os.environ.update(env)
    sys.argv = ["reviewer", *args]
    code = 0
    try:
        with CliRunner().isolation(input="") as (out, err, _):
            try:
                main()
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            stdout, stderr = out.getvalue().decode(), err.getvalue().decode()
    finally:
        sys.argv = saved_argv
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["reviewer", *args], code, stdout, stderr)
