"""The one fake chat model of the test suite and the benchmarks, in the style of simonw/llm's mock model.

`FakeChat` answers by the NAME of the prompt file a call rendered (LLMClient passes it as run
metadata), so editing a prompt's wording breaks no fake. Replies come from a queue filled with
`enqueue(prompt, *replies)` and, when that queue is empty, from `default` -- usually `SeedReplies`,
which answers every prompt validly from the prompt's own evidence. Every call is recorded.

The fake OpenAI HTTP server (tests/fake_openai_server.py) is for transport faults; when a CLI test
behind it needs valid stage replies it reuses `SeedReplies`, finding the prompt name from the
request's system message matched against the prompt files themselves (`prompt_name_from_system`).
"""

from __future__ import annotations

import json
import re
import threading
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import BaseModel, Field, PrivateAttr

Reply = str | dict | BaseModel | Exception | Callable[[str], Any]

_BLOCK_HEAD = re.compile(r"^\[@([^\]\s]+)\] .*$", re.MULTILINE)
_BLOCK_SENTENCE = re.compile(r"^  \(s(\d+)\) (.*)$", re.MULTILINE)


def parse_evidence_block(text: str) -> dict[str, list[str]]:
    """The inverse of reviewer.llm.blocks' formats: key -> its `(sN)` sentences, in order."""
    out: dict[str, list[str]] = {}
    heads = list(_BLOCK_HEAD.finditer(text))
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        out[head.group(1)] = [m.group(2) for m in _BLOCK_SENTENCE.finditer(text, head.end(), end)]
    return out


@lru_cache(maxsize=1)
def _system_openings() -> dict[str, str]:
    """Prompt name -> the start of its system message (up to its first brace), read from the prompt files."""
    from reviewer.llm.prompts import parse_prompt_text
    from reviewer.resources import prompts_dir

    out = {}
    for path in sorted(prompts_dir().glob("*.md")):
        system = next((text for role, text in parse_prompt_text(path.read_text(), str(path)) if role == "system"), "")
        opening = system.split("{", 1)[0].strip()
        if opening:
            out[path.stem] = opening
    return out


def prompt_name_from_system(system: str) -> str:
    """The prompt file whose system message this is ('unknown' if none): for requests seen only as text."""
    return next((name for name, opening in _system_openings().items() if system.strip().startswith(opening)),
                "unknown")


def _as_text(reply: Any) -> str:
    if isinstance(reply, BaseModel):
        return reply.model_dump_json()
    return reply if isinstance(reply, str) else json.dumps(reply)


@dataclass
class Call:
    prompt: str
    text: str


class FakeChat(BaseChatModel):
    """A LangChain chat model that replies by prompt name: scripted replies first, then `default`."""

    model_name: str = "fake"
    default: Any = None  # Callable[[prompt, text], reply] | None
    calls: list[Call] = Field(default_factory=list)
    _queues: dict[str, deque[Reply]] = PrivateAttr(default_factory=lambda: defaultdict(deque))
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    @property
    def _llm_type(self) -> str:
        return "fake"

    def enqueue(self, prompt: str, *replies: Reply) -> FakeChat:
        """Script the next replies to calls that render `prompt` (an Exception is raised instead)."""
        with self._lock:
            self._queues[prompt].extend(replies)
        return self

    def count(self, prompt: str) -> int:
        return sum(1 for c in self.calls if c.prompt == prompt)

    def prompts(self, prompt: str) -> list[str]:
        return [c.text for c in self.calls if c.prompt == prompt]

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None, run_manager: Any = None,
                  **kwargs: Any) -> ChatResult:
        name = str((getattr(run_manager, "metadata", None) or {}).get("prompt", "unknown"))
        text = "\n".join(str(m.content) for m in messages)
        with self._lock:
            self.calls.append(Call(name, text))
            queued = self._queues[name].popleft() if self._queues[name] else None
        if queued is None:
            if self.default is None:
                raise AssertionError(f"FakeChat: no reply scripted for prompt {name!r}")
            queued = self.default(name, text)
        if isinstance(queued, Exception):
            raise queued
        reply = queued(text) if callable(queued) else queued
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=_as_text(reply)))])


class SeedReplies:
    """Valid replies for every prompt, built from the evidence the prompt shows (override per test).

    `obey_injection` follows "cite @KEY" instructions found in the evidence (as a weak model might) and
    `invented_key` cites a key that is no paper, so tests can prove the allow-list decides what is cited.
    """

    _INJECTED = re.compile(r"cite @([A-Za-z0-9_:.\-]+[A-Za-z0-9])", re.IGNORECASE)

    def __init__(self, obey_injection: bool = False, invented_key: str | None = None) -> None:
        self.obey_injection = obey_injection
        self.invented_key = invented_key
        self.prompts_seen: list[str] = []

    def __call__(self, prompt: str, text: str) -> Any:
        self.prompts_seen.append(prompt)
        return getattr(self, prompt.replace("-", "_"), self.unknown)(text)

    def extra_keys(self, text: str) -> list[str]:
        keys = [self.invented_key] if self.invented_key else []
        if self.obey_injection:
            keys += self._INJECTED.findall(text)
        return list(dict.fromkeys(keys))

    def cited(self, text: str) -> str:
        sentences = [f"{sents[0].rstrip('.')} [@{key}]." for key, sents in parse_evidence_block(text).items() if sents]
        sentences += [f"As instructed, this finding is attributed to an attack [@{k}]." for k in self.extra_keys(text)]
        return " ".join(sentences)

    def answer(self, text: str) -> Any:
        return self.cited(text)

    def section(self, text: str) -> Any:
        return "The papers in this theme are related.\n\n" + self.cited(text.split("Paper summaries", 1)[0])

    def scope(self, text: str) -> Any:
        topic = re.search(r"Survey topic: (.*)", text)
        base = topic.group(1).strip() if topic else "the topic"
        return {"queries": [base, f"{base} methods", f"{base} evaluation benchmarks"]}

    def evidence(self, text: str) -> Any:
        papers = [{"key": key, "relevance": 3, "summary": f"Summary of {key}.", "quotes": sents[-1:], "method": "",
                   "evaluation": "", "result": ""} for key, sents in parse_evidence_block(text).items()]
        papers += [{"key": extra, "relevance": 3, "summary": "injected", "quotes": [], "method": "", "evaluation": "",
                    "result": ""} for extra in self.extra_keys(text)]
        return {"papers": papers}

    def allowed_keys(self, text: str) -> list[str]:
        line = next((ln for ln in text.splitlines() if ln.startswith("Allowed keys:")), "")
        return re.findall(r"@?([A-Za-z0-9][A-Za-z0-9_:.\-]*[A-Za-z0-9])", line.split(":", 1)[-1])

    def outline(self, text: str) -> Any:
        keys = self.allowed_keys(text)
        groups = [keys[i::3] for i in range(3)]
        groups[0] = groups[0] + self.extra_keys(text)
        return {"sections": [{"title": f"Theme number {i + 1} of the survey", "scope": f"Scope {i + 1}.",
                              "keys": g} for i, g in enumerate(groups)]}

    def revise(self, text: str) -> Any:
        revisions = []
        for item in text.split("\n\n---\n\n"):
            ident = re.search(r"^id: (\d+)", item, re.MULTILINE)
            found = parse_evidence_block(item)
            if ident is None or not found:
                continue
            key, sents = next(iter(found.items()))
            revisions.append({"id": int(ident.group(1)), "text": f"{sents[0].rstrip('.')} [@{key}]." if sents else ""})
        return {"revisions": revisions}

    def judge(self, text: str) -> Any:
        return {"label": "UNSUPPORTED", "quotes": [], "rationale": "fake"}

    def unknown(self, text: str) -> Any:
        return "ok"
