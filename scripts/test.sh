#!/usr/bin/env bash
# The README's test command: a venv, the package with its test extras, then the default test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
. .venv/bin/activate
pip install --disable-pip-version-check -q -e '.[test]'
python -m pytest -q "$@"
