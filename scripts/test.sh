#!/usr/bin/env bash
# The README's test command: a venv, the package with its test extras, then the default test suite.
# The browser test renders a report in Debian's headless Chromium; as root we install it if missing
# (elsewhere install it yourself, or set REVIEWER_SKIP_BROWSER=1 to skip that one test). Debian's pandoc is
# installed the same way for the `pandoc --citeproc` round trip of reports and their BibTeX.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
        || echo "warning: could not install chromium; the browser test will fail" >&2
fi
if ! command -v pandoc >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pandoc >/dev/null) \
        || echo "warning: could not install pandoc; the pandoc round-trip tests will be skipped" >&2
fi
python3 -m venv .venv
. .venv/bin/activate
pip install --disable-pip-version-check -q -e '.[test]'
python -m pytest -q "$@"
