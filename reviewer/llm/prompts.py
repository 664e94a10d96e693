"""Prompt templates live as files in `prompts/` so they can be read and changed without touching code.

File format (one prompt per file, e.g. `prompts/answer.md`)::

    ### system
    You are a careful reviewer. Reply as JSON like {{"answer": "..."}}.
    ### human
    Question: {question}

* A line that is exactly `### system`, `### human` or `### ai` (case-insensitive) starts a message
  with that role; everything up to the next such line is its text (surrounding blank lines dropped).
  Other `###` lines are ordinary text. Only blank lines may precede the first header. Roles may
  repeat (few-shot examples use `### human` / `### ai` pairs). At least one `### human` is required.
* Texts are LangChain **f-string** templates: `{name}` is a variable and literal braces are doubled,
  `{{` and `}}` -- so JSON examples are written `{{"answer": "..."}}`. f-string rather than mustache
  because LangChain's mustache HTML-escapes `{{var}}` values (`&`, `<`, `"` in abstracts would be
  mangled). Braces inside variable *values* are never interpreted, so passing JSON as a value is safe.
  A forgotten doubling shows up as an unexpected variable and fails the load-time check below.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.errors import ConfigError

if TYPE_CHECKING:
    from langchain_core.prompts import ChatPromptTemplate

_HEADER = re.compile(r"^###[ \t]*(system|human|ai)[ \t]*$", re.IGNORECASE)
_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")

_cache: dict[tuple[Path, frozenset[str]], ChatPromptTemplate] = {}
_lock = threading.Lock()


def default_prompts_dir() -> Path:
    """The prompts shipped as package data; settings.prompts_dir overrides it."""
    from reviewer.resources import prompts_dir

    return prompts_dir()


def prompt_path(name: str, prompts_dir: Path | None = None) -> Path:
    """Resolve a prompt name (`answer` or `answer.md`) to its file; names cannot escape the directory."""
    if not _NAME.match(name) or ".." in name:
        raise ConfigError(
            f"invalid prompt name {name!r}",
            hint="prompt names are file names in the prompts directory, e.g. 'answer'",
        )
    base = prompts_dir if prompts_dir is not None else default_prompts_dir()
    filename = name if name.endswith(".md") else f"{name}.md"
    return base / filename


def parse_prompt_text(text: str, source: str) -> list[tuple[str, str]]:
    """Split a prompt file into (role, template) messages; `source` names the file in errors."""
    messages: list[tuple[str, list[str]]] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line.strip())
        if header:
            messages.append((header.group(1).lower(), []))
        elif messages:
            messages[-1][1].append(line)
        elif line.strip():
            raise ConfigError(
                f"{source}:{lineno}: text before the first '### system' / '### human' line",
                hint="start the file with a '### system' or '### human' line",
            )
    if not any(role == "human" for role, _ in messages):
        raise ConfigError(
            f"{source}: no '### human' section",
            hint="a prompt file needs at least a '### human' line followed by the user message",
        )
    result: list[tuple[str, str]] = []
    for role, lines in messages:
        body = "\n".join(lines).strip("\n")
        if not body.strip():
            raise ConfigError(f"{source}: empty '### {role}' section")
        result.append((role, body))
    return result


def _build(path: Path, required_vars: frozenset[str]) -> ChatPromptTemplate:
    from langchain_core.prompts import ChatPromptTemplate

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"prompt file {path} not found",
            hint="check REVIEWER_PROMPTS_DIR and the prompt name",
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"prompt file {path} cannot be read: {exc}") from exc
    messages = parse_prompt_text(text, str(path))
    try:
        template = ChatPromptTemplate.from_messages(messages, template_format="f-string")
    except (ValueError, KeyError, IndexError) as exc:
        raise ConfigError(
            f"prompt file {path} is not a valid f-string template: {exc}",
            hint="write literal braces doubled: {{ and }}",
        ) from exc
    found = set(template.input_variables) | set(template.optional_variables)
    if found != required_vars:
        missing = sorted(required_vars - found)
        unexpected = sorted(found - required_vars)
        parts = []
        if missing:
            parts.append(f"missing variables {missing}")
        if unexpected:
            parts.append(f"unexpected variables {unexpected}")
        raise ConfigError(
            f"prompt file {path}: {'; '.join(parts)}",
            hint="variables are written {name}; literal braces (e.g. in JSON examples) must be doubled: {{ }}",
        )
    return template


def load_prompt(
    name: str, required_vars: set[str] | frozenset[str], *, prompts_dir: Path | None = None
) -> ChatPromptTemplate:
    """Load `prompts/<name>.md` and check its variables equal `required_vars` (ConfigError otherwise).

    Checking at load time turns a typo in a template into an immediate, named error instead of a
    KeyError mid-run or, worse, a silently unfilled placeholder sent to the model. Cached per process.
    """
    path = prompt_path(name, prompts_dir).resolve()
    key = (path, frozenset(required_vars))
    with _lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    template = _build(path, key[1])
    with _lock:
        _cache[key] = template
    return template


def clear_prompt_cache() -> None:
    """Forget loaded prompts (tests and long-lived processes after editing prompt files)."""
    with _lock:
        _cache.clear()
