"""How an `ask` answer reads: the direct answer first, grouped cited points, tidy sentences, references.

Quoted abstract sentences are tidied only in ways that keep their meaning: list enumerators and
sentence-initial connectives are dropped ("(2) Reward models ..." -> "Reward models ..."), and the
authors' first person becomes third person ("we introduce E-GRPO" -> "the authors introduce E-GRPO"),
since in an answer "we" would read as the tool speaking.
"""

from __future__ import annotations

import re
import shutil
import textwrap

from reviewer.ask.select import DEMONSTRATIVE, Scored, Selection
from reviewer.citations import attach
from reviewer.models import Paper

_ENUM = re.compile(r"^\s*(?:\(?(?:\d{1,2}|[ivx]{1,4}|[a-h])\)|\d{1,2}\.(?!\d)|[-*\u2022])\s+", re.IGNORECASE)
_CONNECTIVE = re.compile(
    r"^(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth|finally|lastly|moreover|furthermore|additionally|"
    r"in addition|besides|then|next|also|further|importantly|notably|crucially|to this end|to that end|"
    r"as a result|consequently|thus|hence|therefore|specifically|concretely|in particular|"
    r"to address (?:this|these) (?:issues?|challenges?|limitations?|gaps?|problems?)|"
    r"to fill (?:this|the) gap|in this (?:paper|work|study)|here)\s*,\s*",
    re.IGNORECASE,
)
_FIRST_PERSON = [
    (re.compile(r"\bwe\b"), "the authors"),
    (re.compile(r"\bWe\b"), "The authors"),
    (re.compile(r"\bour\b"), "their"),
    (re.compile(r"\bOur\b"), "Their"),
    (re.compile(r"\bours\b"), "theirs"),
    (re.compile(r"\b(?<!-)us\b"), "them"),
    (re.compile(r"\bLet them\b"), "Let the authors"),
]
REPORTED_PREFIX = "As background, this abstract reports earlier work: "


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def tidy(sentence: str) -> str:
    """Enumerators and connectives off, first person to third person, one trailing period."""
    text = sentence.strip()
    for _ in range(3):
        stripped = _CONNECTIVE.sub("", _ENUM.sub("", text))
        if stripped == text:
            break
        text = stripped
    for pattern, repl in _FIRST_PERSON:
        text = pattern.sub(repl, text)
    text = re.sub(r"\bthe authors (?:propose|introduce|present)s\b", lambda m: m.group(0)[:-1], text)
    return _upper_first(text)


def display(item: Scored) -> str:
    """The sentence as printed: tidied, and attributed when it reports somebody else's work."""
    text = tidy(item.ev.text)
    if item.antecedent:
        named = DEMONSTRATIVE.sub(item.antecedent, text, count=1)
        if named == text:  # "They tend to ..." -> "Reward models tend to ..."
            named = re.sub(r"^(?:They|It)\b", item.antecedent[:1].upper() + item.antecedent[1:], text, count=1)
        text = named
    if item.reported:
        text = REPORTED_PREFIX + text[:1].lower() + text[1:] if not re.match(r"^[A-Z]{2,}", text) else (
            REPORTED_PREFIX + text)
    return text


def _label(title: str, paper: Paper | None) -> str:
    head = title.split(":")[0].strip() if ":" in title and len(title.split(":")[0].split()) <= 4 else title
    return head + (f" ({paper.year})" if paper is not None and paper.year else "")


def render_extractive(sel: Selection, papers: list[Paper], footer: str) -> str:
    """Lead sentence, then the points under their group headings, then the mode footer."""
    by_id = {p.id: p for p in papers}
    parts = [attach(display(sel.lead), [sel.lead.ev.key])]
    for side in sel.missing_sides:
        parts[0] += f" The retrieved abstracts say nothing specific about {side}."
    for label, items in sel.groups:
        heading = label if label.startswith("On ") else _label(label, by_id.get(items[0].ev.paper_id))
        bullets = "\n".join(f"- {attach(display(i), [i.ev.key])}" for i in items)
        parts.append(f"{heading}:\n{bullets}")
    parts.append(footer)
    return "\n\n".join(parts)


def wrap(text: str, width: int | None = None) -> str:
    """Wrap every line to the terminal width; bullets get a hanging indent."""
    width = width or max(40, min(shutil.get_terminal_size((100, 24)).columns, 120))
    out: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            out.append("")
            continue
        m = re.match(r"^(\s*(?:[-*]|\[\d+\])\s+)", line)
        indent = " " * len(m.group(1)) if m else ""
        out.append(textwrap.fill(line, width=width, subsequent_indent=indent, break_long_words=False,
                                 break_on_hyphens=False))
    return "\n".join(out)
