"""Stage 6: the report as Markdown, JSON and BibTeX.

Titles, quotes and cells come from an untrusted corpus, so every such string is escaped: HTML tags,
entities, backticks, emphasis marks, brackets that could form links or citations, table pipes and
line-leading block markers all render as text. Only the renderer writes `[@key]` groups, and only for
keys that resolve to a bibliography entry.
"""

from __future__ import annotations

import re

from reviewer.citations import attach, filter_citations
from reviewer.models import Paper
from reviewer.references import format_reference, render_bibtex, safe_url  # noqa: F401 - re-exported
from reviewer.survey.models import BibEntry, CheckedSection, SurveyReport, TableRow

_MD_SPECIAL = re.compile(r"([\\`*_~|$])")
_BLOCK_START = re.compile(r"^(\s*)([#>+=-])")
_ORDERED_START = re.compile(r"^(\s*\d+)([.)])")
COLUMNS = ("Paper", "Method / contribution", "Evaluation / benchmark", "Key result")


def escape_md(text: str) -> str:
    """Untrusted text as inert Markdown: no HTML, links, code, emphasis or block markers."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("[", "&#91;").replace("]", "&#93;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _BLOCK_START.sub(r"\1\\\2", text)
    return _ORDERED_START.sub(r"\1\\\2", text)


def escape_cell(text: str) -> str:
    """A table cell: escaped like prose (pipes included), first letter up, never empty."""
    text = text.strip()
    return escape_md(text[:1].upper() + text[1:]) or " "


def cite(text: str, keys: list[str]) -> str:
    """Escaped sentence with its citation group before the final punctuation."""
    return attach(escape_md(text), keys, terminate=True)


def short_title(title: str, words: int = 8) -> str:
    head = title.split(":", 1)[0].strip() if ":" in title else title
    tokens = head.split()
    return " ".join(tokens[:words]) + (" …" if len(tokens) > words else "")


def bibliography(sections: list[CheckedSection], papers: dict[str, Paper]) -> list[BibEntry]:
    """Exactly the cited papers, numbered by first citation."""
    order = list(dict.fromkeys(k for s in sections for k in s.cited_keys if k in papers))
    return [
        BibEntry(number=n, key=k, title=papers[k].title, authors=papers[k].authors, year=papers[k].year,
                 url=papers[k].url, doi=papers[k].doi, arxiv_id=papers[k].arxiv_id, venue=papers[k].venue,
                 kind=papers[k].kind)
        for n, k in enumerate(order, start=1)
    ]


def _section_md(n: int, section: CheckedSection) -> str:
    lines = [f"## {n}. {escape_md(section.title)}", "", f"*Scope: {escape_md(section.scope)}*", ""]
    for paragraph in section.paragraphs:
        lines.append(" ".join(cite(s.text, s.keys) for s in paragraph.sentences))
        lines.append("")
    return "\n".join(lines)


def _table_md(rows: list[TableRow], numbers: dict[str, int], titles: dict[str, str]) -> list[str]:
    out = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for row in rows:
        paper = f"\\[{numbers[row.key]}\\] {escape_md(titles[row.key])}"
        cells = [paper, escape_cell(row.method.text), escape_cell(row.evaluation.text),
                 escape_cell(row.result.text)]
        out.append("| " + " | ".join(cells) + " |")
    return out


def overview(report: SurveyReport) -> str:
    """What was searched and found, and how the text was checked; states nothing about the literature."""
    cov, totals = report.coverage, report.totals
    themes = "; ".join(escape_md(s.title) for s in report.sections)
    parts = [
        f"This survey searched the corpus with {len(cov.queries)} "
        f"quer{'y' if len(cov.queries) == 1 else 'ies'} for “{escape_md(report.topic)}” and retrieved "
        f"{cov.retrieved} papers.",
    ]
    if report.sections:
        parts.append(
            f"It cites {len(report.bibliography)} of them across {len(report.sections)} "
            f"theme{'s' if len(report.sections) != 1 else ''}: {themes}."
        )
    if cov.weak:
        parts.append(f"{len(cov.weak)} retrieved papers were judged weakly related and are listed in the appendix.")
    modes = {s.stage: s.mode for s in report.stages}
    writer = "an LLM" if modes.get("sections") in ("llm", "mixed") else "extracting and attributing abstract sentences"
    parts.append(
        f"Sections were written by {writer}; each cited sentence was checked against the abstracts it cites "
        f"({totals.kept} kept, {totals.rewritten} rewritten, {totals.dropped} dropped)."
    )
    if cov.thin_topic:
        parts.append("**Coverage is thin:** the corpus holds little on this topic, so treat the themes below "
                     "as a partial view.")
    return " ".join(parts)


def render_markdown(report: SurveyReport) -> str:
    """The whole report; every [@key] in it resolves to a numbered reference."""
    numbers = {b.key: b.number for b in report.bibliography}
    titles = {b.key: short_title(b.title) for b in report.bibliography}
    out = [f"# Survey: {escape_md(report.topic)}", "", "## Overview", "", overview(report), ""]
    for n, section in enumerate(report.sections, start=1):
        out.append(_section_md(n, section))
    rows = [r for r in report.table if r.key in numbers]
    if rows:
        out += ["## Comparison of methods", "",
                "Cells quote the abstracts; a blank cell means the abstract does not say.", ""]
        out += _table_md(rows, numbers, titles) + [""]
    out += _appendix(report) + [""]
    out += ["## References", ""]
    for b in report.bibliography:
        out.append(f"{b.number}. **{escape_md(b.key)}**: {format_reference(b, escape=escape_md, markdown=True)}")
    text = "\n".join(out).rstrip() + "\n"
    guard = filter_citations(text, set(numbers))
    return guard.text + "\n" if guard.removed else text


def _appendix(report: SurveyReport) -> list[str]:
    cov = report.coverage
    out = ["## Appendix: coverage", "", "### Queries run", ""]
    out += [f"{i}. {escape_md(q)}" for i, q in enumerate(cov.queries, start=1)] + [""]
    out += ["### Retrieved but not cited", ""]
    out += [f"- **{escape_md(p.key)}**: {escape_md(p.title)} ({escape_md(p.reason)})" for p in cov.uncited] or ["- none"]
    out += ["", "### Weakly related or not covered", ""]
    out += [f"- **{escape_md(p.key)}**: {escape_md(p.title)} ({escape_md(p.reason)})" for p in sorted(cov.weak, key=lambda w: w.key)] or ["- none"]
    out += ["", "### Sections with thin support", ""]
    out += [f"- {escape_md(t)}" for t in cov.thin_sections] or ["- none"]
    out += ["", f"### Sentences dropped by the checker ({len(cov.dropped)})", ""]
    for d in cov.dropped:
        cited = f" (cited: {', '.join(escape_md(k) for k in d.keys + d.unknown_keys)})" if d.keys or d.unknown_keys else ""
        text = d.text if len(d.text) <= 240 else d.text[:240] + " …"
        out.append(f"- *{escape_md(d.section)}*: “{escape_md(text)}”{cited} — {escape_md(d.reason)}")
    if not cov.dropped:
        out.append("- none")
    out += ["", "### How each stage ran", ""]
    for s in report.stages:
        why = f" — fallback: {escape_md(s.reason)}" if s.reason else ""
        out.append(f"- {s.stage}: {s.mode}{why}")
    out += [f"- note: {escape_md(n)}" for n in cov.notes]
    return out
