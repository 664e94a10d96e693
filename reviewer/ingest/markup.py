"""LaTeX commands, TeX braces and HTML entities turned into plain text, once, when a paper is ingested.

Abstracts copied from arXiv or BibTeX carry `\\emph{X}`, `12.5\\%`, `{process reward model}`,
`&gt;` and `1.5\\times` debris; every later consumer (search, quotes, tables) should see the plain text
a reader sees. The raw text is kept on the record (`raw_title`, `raw_abstract`).
"""

from __future__ import annotations

import html
import re

from reviewer.models import PaperRecord

# Commands whose argument is the text (\emph{X} -> X); \url{X} keeps the address.
_WRAPPERS = re.compile(
    r"\\(?:emph|textbf|textit|texttt|textsc|textrm|textsf|text|mathrm|mathbf|mathit|mathcal|mathbb|"
    r"operatorname|underline|url|href|mbox|boldsymbol|bm)\s*\{([^{}]*)\}"
)
_SYMBOLS = {
    "times": "×", "neq": "≠", "ne": "≠", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "approx": "≈",
    "sim": "~", "rightarrow": "→", "to": "→", "leftarrow": "←", "Rightarrow": "⇒", "cdot": "·",
    "pm": "±", "infty": "∞", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε",
    "varepsilon": "ε", "theta": "θ", "lambda": "λ", "mu": "μ", "pi": "π", "sigma": "σ", "tau": "τ",
    "phi": "φ", "varphi": "φ", "omega": "ω", "ldots": "…", "dots": "…", "cdots": "…",
    "otimes": "⊗", "oplus": "⊕",
}
_ACCENTS = {"'": "\u0301", "`": "\u0300", '"': "\u0308", "^": "\u0302", "~": "\u0303", "c": "\u0327"}
_ACCENT = re.compile(r"\\(['`\"^~]|c\s)\{?([A-Za-z])\}?")
_ESCAPED = re.compile(r"\\([%&_#$])")
_COMMAND = re.compile(r"\\([A-Za-z]+)\b\s?")
_BRACES = re.compile(r"\{([^{}]*)\}")
_MATH = re.compile(r"\$([^$]{1,80})\$")
_HTML_TAG = re.compile(r"</?(?:i|b|em|strong|sub|sup|br|p|span|div|tt|code|u)\b[^<>]{0,200}>", re.IGNORECASE)
# "\times" that lost its backslash upstream: "1.5-5times", "10 times" is English and stays.
_GLUED_TIMES = re.compile(r"(?<=\d)times\b")
_GLUED_ARROW = re.compile(r"(?<=[\d)\s])rightarrow\b")
# A symbol name that lost its backslash between two name parts ("ZhrightarrowEn", "LongotimesShort"): no English
# word joins a lower-case letter to a capital through these names.
_GLUED_JOIN = re.compile(r"(?<=[a-z])(rightarrow|leftarrow|Rightarrow|otimes|oplus)(?=[A-Z])")


def _accent(match: re.Match[str]) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", match.group(2) + _ACCENTS[match.group(1).strip()])


def _command(match: re.Match[str]) -> str:
    name = match.group(1)
    if name in _SYMBOLS:
        return _SYMBOLS[name] + (" " if match.group(0).endswith(" ") else "")
    return name + (" " if match.group(0).endswith(" ") else "")  # an undefined macro (\oni): its name


def plain_text(text: str) -> str:
    """The text a reader sees: no TeX commands, braces, math dollars, HTML entities or inline tags."""
    if not text:
        return text
    out = html.unescape(html.unescape(text)) if "&" in text else text
    out = _HTML_TAG.sub("", out)
    if "\\" in out or "{" in out or "$" in out:
        out = _MATH.sub(r"\1", out)
        for _ in range(3):  # nested wrappers, innermost first
            new = _WRAPPERS.sub(lambda m: m.group(1), out)
            if new == out:
                break
            out = new
        out = _ACCENT.sub(_accent, out)
        out = _ESCAPED.sub(r"\1", out)
        out = _COMMAND.sub(_command, out)
        for _ in range(3):
            new = _BRACES.sub(r"\1", out)
            if new == out:
                break
            out = new
        out = out.replace("\\\\", " ").replace("\\", "")
    out = _GLUED_TIMES.sub("×", out)
    out = _GLUED_ARROW.sub("→", out)
    out = _GLUED_JOIN.sub(lambda m: _SYMBOLS[m.group(1)], out)
    return re.sub(r"[ \t]{2,}", " ", out).strip()


def clean_record(record: PaperRecord) -> PaperRecord:
    """The record with plain-text title and abstract; the raw text is kept when cleaning changed it."""
    title, abstract = plain_text(record.title), plain_text(record.abstract)
    if title == record.title and abstract == record.abstract:
        return record
    return record.model_copy(update={
        "title": title, "abstract": abstract, "raw_title": record.title, "raw_abstract": record.abstract,
    })
