"""Make untrusted text (LLM replies, corpus titles and abstracts) safe to print to a terminal.

Escape sequences can set the clipboard (OSC 52), plant hyperlinks (OSC 8), move the cursor to
overwrite earlier lines (CSI) or retitle the window; bidi overrides reorder what is shown. The CLI
prints everything through `echo`, which removes them; our own colours are added after sanitising.
"""

from __future__ import annotations

import re

import click

# ESC-introduced sequences: OSC/DCS/SOS/PM/APC strings up to BEL or ST, CSI with its parameters, and
# two-byte escapes; then the 8-bit (C1) forms of the same.
_SEQUENCES = re.compile(
    r"\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b[ -/]*[0-~]?"
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
)
# Remaining C0/C1 controls except tab and newline, DEL, and bidi embedding/override/isolate controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def sanitize(text: str) -> str:
    """`text` without terminal control sequences or control characters (tab and newline kept)."""
    if text.isascii() and text.isprintable():
        return text
    return _CONTROLS.sub("", _SEQUENCES.sub("", text))


def sanitize_json(text: str) -> str:
    """JSON text with C1 and bidi controls escaped (json.dumps escapes C0 itself), so it stays the same data."""
    return _CONTROLS.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def echo(text: str = "", *, err: bool = False, nl: bool = True) -> None:
    """click.echo of sanitised text: the one way the CLI prints text it did not write itself."""
    click.echo(sanitize(text), err=err, nl=nl)
