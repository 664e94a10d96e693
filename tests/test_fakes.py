"""The fake chat model answers by the prompt's name, which the LLM client passes with every call."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fakes import FakeChat, SeedReplies, prompt_name_from_system
from reviewer.llm.client import LLMClient
from reviewer.llm.prompts import load_prompt, parse_prompt_text
from reviewer.resources import prompts_dir
from reviewer.settings import Settings


def test_client_names_the_prompt_of_every_call(tmp_path: Path) -> None:
    fake = FakeChat().enqueue("_selftest", "first", "second")
    client = LLMClient(Settings(home=tmp_path, llm_cache=False), chat_model=fake)
    assert client.complete("ask", "_selftest", {"question": "a"}) == "first"
    assert client.complete("ask", "_selftest", {"question": "b"}) == "second"
    assert [c.prompt for c in fake.calls] == ["_selftest", "_selftest"]
    with pytest.raises(AssertionError, match="no reply scripted for prompt '_selftest'"):
        client.complete("ask", "_selftest", {"question": "c"})


def test_default_replies_fill_in_after_the_queue(tmp_path: Path) -> None:
    fake = FakeChat(default=lambda prompt, text: f"default for {prompt}").enqueue("_selftest", "scripted")
    client = LLMClient(Settings(home=tmp_path, llm_cache=False), chat_model=fake)
    assert client.complete("ask", "_selftest", {"question": "a"}) == "scripted"
    assert client.complete("ask", "_selftest", {"question": "b"}) == "default for _selftest"


@pytest.mark.parametrize("path", sorted(prompts_dir().glob("*.md")), ids=lambda p: p.stem)
def test_each_prompt_file_is_recognised_from_its_rendered_system_message(path: Path) -> None:
    """The HTTP fake reads the name back from the system text; every prompt must be told apart."""
    text = path.read_text()
    names = set(re.findall(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})", text))
    messages = load_prompt(path.stem, names).format_messages(**{n: f"<{n}>" for n in names})
    roles = [role for role, _ in parse_prompt_text(text, str(path))]
    if "system" not in roles:
        pytest.skip("no system message")
    assert prompt_name_from_system(str(messages[0].content)) == path.stem


def test_seed_replies_dispatch_by_name() -> None:
    replies = SeedReplies(invented_key="ghost")
    block = "[@k1] A title (2024)\n  (s0) First finding.\n  (s1) Second finding."
    assert replies("answer", block) == "First finding [@k1]. As instructed, this finding is attributed to an attack [@ghost]."
    assert replies("judge", block)["label"] == "UNSUPPORTED"
    assert replies.prompts_seen == ["answer", "judge"]
