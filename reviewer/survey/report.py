"""Stage 6, report: the bibliography of exactly the cited papers, the table, the coverage appendix, and
the report rendered as Markdown, JSON and BibTeX.

Titles, quotes and cells come from an untrusted corpus, so every such string is escaped: HTML tags,
entities, backticks, emphasis marks, brackets that could form links or citations, table pipes and
line-leading block markers all render as text. Only the renderer writes `[@key]` groups, and only for
keys that resolve to a bibliography entry.
"""

from __future__ import annotations

import html
import re

from reviewer.citations import attach, filter_citations
from reviewer.models import Paper
from reviewer.references import format_reference, render_bibtex, safe_url  # noqa: F401 - re-exported
from reviewer.survey.context import Previous, SurveyContext
from reviewer.survey.types import (
    BibEntry,
    CheckedSection,
    CheckTotals,
    Coverage,
    SurveyReport,
    TableRow,
    WeakPaper,
)

_MD_SPECIAL = re.compile(r"([\\`*_~|$])")
_BLOCK_START = re.compile(r"^(\s*)([#>+=-])")
_ORDERED_START = re.compile(r"^(\s*\d+)([.)])")
THIN_SECTION_PAPERS = 2
COLUMNS = ("Ref.", "Method", "Task", "Benchmarks and datasets", "Headline result")
NO_BENCH_COLUMNS = ("Ref.", "Method", "Task", "Headline result")
# A paper gets a row when its abstract gives two of the four fields, so no row is mostly blank; a paper with one
# field is listed under the table with that field, so nothing the abstract gives is lost (dev: 84% of cited papers
# get a row, 75% of their cells filled; at one field 97% and 69%, at three 53% and 87%).
MIN_TABLE_FIELDS = 2


# Only where markup could start: '<' before a letter, '/', '!' or '?' opens a tag, comment or declaration;
# '&' opens an entity when an HTML parser would decode what follows ('&lt;', '&#91;', also '&not' without
# its ';'). '<10%', '>8%' and 'Q&A' print as the abstract writes them.
_TAG_OPEN = re.compile(r"<(?=[A-Za-z/!?])")
_AMP = re.compile(r"&(?=#?[A-Za-z0-9])")


def _entity_amp(m: re.Match[str]) -> str:
    start = m.string[m.start():m.start() + 34].split("&", 2)[1]  # up to the next '&', which is judged alone
    start = "&" + start
    return "&amp;" if html.unescape(start) != start else "&"


def escape_md(text: str) -> str:
    """Untrusted text as inert Markdown: no HTML, links, code, emphasis or block markers."""
    text = " ".join(text.split())
    text = _TAG_OPEN.sub("&lt;", _AMP.sub(_entity_amp, text))
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


def short_title(title: str) -> str:
    """The title's name part ('S-GRPO' of 'S-GRPO: Early Exit ...'), or the whole title; never cut."""
    head = title.split(":", 1)[0].strip() if ":" in title else title
    return head if len(head.split()) >= 1 else title


def bibliography(sections: list[CheckedSection], papers: dict[str, Paper]) -> list[BibEntry]:
    """Exactly the cited papers, numbered by first citation."""
    order = list(dict.fromkeys(k for s in sections for k in s.cited_keys if k in papers))
    return [
        BibEntry(number=n, key=k, title=papers[k].title, authors=papers[k].authors, year=papers[k].year,
                 url=papers[k].url, doi=papers[k].doi, arxiv_id=papers[k].arxiv_id, venue=papers[k].venue,
                 kind=papers[k].kind)
        for n, k in enumerate(order, start=1)
    ]


def run(ctx: SurveyContext, previous: Previous) -> SurveyReport:
    """Bibliography of exactly the cited papers, their table rows, and the coverage appendix."""
    from reviewer.survey.cellfit import for_topic
    from reviewer.survey.sections import ASIDE, OPEN_PROBLEMS
    from reviewer.survey.table import offline_row
    from reviewer.survey.themes import MIN_K

    scope, evidence, outline = previous.need_scope(), previous.need_evidence(), previous.need_outline()
    drafts, checked, papers = previous.need_sections(), previous.need_check(), ctx.papers
    kept = [s for s in checked.sections if s.paragraphs]
    bib = bibliography(kept, papers)
    cited = {b.key for b in bib}
    rows = {e.key: e.row for e in evidence.papers}
    gazetteer = frozenset(evidence.gazetteer)
    table = [for_topic(rows.get(b.key) or offline_row(papers[b.key], gazetteer), ctx.topic) for b in bib]
    where = {k: s.title for s in outline.sections for k in s.keys} | {k: ASIDE for k in outline.aside}
    weak_keys = {w.key for w in outline.not_covered}
    uncited = [
        WeakPaper(key=e.key, title=papers[e.key].title,
                  reason=f"in “{where[e.key]}” but none of its sentences passed the checker" if e.key in where
                  else "not placed in a theme")
        for e in evidence.papers
        if e.key not in cited and e.key not in weak_keys
    ]
    thin = [s.title + " (no sentence survived the checker)" for s in checked.sections if not s.paragraphs]
    thin += [s.title for s in kept if len(s.cited_keys) < THIN_SECTION_PAPERS and s.title not in (OPEN_PROBLEMS, ASIDE)]
    dropped = [c for s in checked.sections for c in s.checks if c.action == "dropped"]
    top = max((e.relevance for e in evidence.papers), default=0.0)
    notes = []
    if evidence.dropped_quotes:
        notes.append(f"{len(evidence.dropped_quotes)} LLM quotes or table spans failed verification and were dropped")
    coverage = Coverage(
        queries=scope.queries, retrieved=len(scope.papers), uncited=uncited, weak=outline.not_covered,
        thin_sections=thin, dropped=dropped, notes=notes,
        thin_topic=len(evidence.papers) < 2 * MIN_K or top < ctx.settings.min_evidence_score or len(kept) == 0,
    )
    totals = CheckTotals()
    for s in checked.sections:
        totals.kept += s.count("kept")
        totals.rewritten += s.count("rewritten")
        totals.dropped += s.count("dropped")
        totals.framing += s.count("framing")
    stages = [scope.info, evidence.info, outline.info, drafts.info, checked.info]
    return SurveyReport(topic=ctx.topic, options=ctx.options, sections=kept, table=table, bibliography=bib,
                        coverage=coverage, stages=stages, totals=totals)


def _section_md(n: int, section: CheckedSection) -> str:
    lines = [f"## {n}. {escape_md(section.title)}", "", f"*Scope: {escape_md(section.scope)}*", ""]
    for paragraph in section.paragraphs:
        lines.append(" ".join(cite(s.text, s.keys) for s in paragraph.sentences))
        lines.append("")
    return "\n".join(lines)


def _table_md(rows: list[TableRow], numbers: dict[str, int], columns: tuple[str, ...] = COLUMNS) -> list[str]:
    """One row per paper; cells hold whole spans (they wrap). Without the benchmark column, its cell is left out."""
    out = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        texts = row.cells() if columns == COLUMNS else [row.method.text, row.task.text, row.result.text]
        cells = [f"\\[{numbers[row.key]}\\]"] + [escape_cell(text) for text in texts]
        out.append("| " + " | ".join(cells) + " |")
    return out


def table_groups(rows: list[TableRow]) -> tuple[list[TableRow], list[TableRow], list[TableRow]]:
    """(rows for the table with a benchmark column, rows for the table without one, papers listed under both).

    A benchmark column is blank for most papers (dev surveys: 88 of 178 rows), nearly always because the
    abstract names no benchmark or dataset at all; for those papers the column says nothing a reader can compare,
    so they get their own table without it. Which papers get a row does not change (MIN_TABLE_FIELDS)."""
    full = [r for r in rows if r.facts() >= MIN_TABLE_FIELDS]
    benched = [r for r in full if r.benchmarks.text.strip()]
    return benched, [r for r in full if not r.benchmarks.text.strip()], [r for r in rows if r not in full]


def _table_section(report: SurveyReport, numbers: dict[str, int], titles: dict[str, str]) -> list[str]:
    rows = [r for r in report.table if r.key in numbers]
    if not rows:
        return []
    benched, unbenched, sparse = table_groups(rows)
    out = ["## Comparison of methods", ""]
    if benched or unbenched:
        out += ["Fields are taken from each paper's title and abstract; a blank cell means the abstract "
                "does not say.", ""]
    if benched:
        out += _table_md(benched, numbers) + [""]
    if unbenched:
        out += [("Papers whose abstracts name no known benchmark or dataset:" if benched else
                 "None of these papers' abstracts names a known benchmark or dataset:"), ""]
        out += _table_md(unbenched, numbers, NO_BENCH_COLUMNS) + [""]
    if sparse:
        out += ["Papers whose abstracts give at most one of these fields (shown after the title), so they have no "
                "row:", ""]
        for r in sparse:
            out.append(f"- \\[{numbers[r.key]}\\] {escape_md(titles[r.key])}{_one_field(r, titles[r.key])}")
        out.append("")
    return out


def _one_field(row: TableRow, title: str) -> str:
    """' (headline result: ...)': the one field of a paper listed under the table, unless its title already says it
    ('One Token to Fool LLM-as-a-Judge (task: One Token to ...)' would repeat it)."""
    for name, cell in zip(COLUMNS[1:], row.cells(), strict=True):
        text = cell.strip()
        if text and text.lower() not in title.lower():
            return f" ({name.lower()}: {escape_md(text)})"
    return ""


def common_benchmarks(common: list[tuple[int, str]]) -> str:
    """'The benchmark named most often in the abstracts is RewardBench (two papers).' / '... are AMC (three
    papers), GSM8K and MATH (two papers each).': the verb agrees, and names with one count share it."""
    from reviewer.survey.synthesis import count_word, listing

    groups: dict[int, list[str]] = {}
    for c, b in common:
        groups.setdefault(c, []).append(escape_md(b))
    parts = []
    for c, names in groups.items():
        parts.append(f"{listing(names)} ({count_word(c)} papers{' each' if len(names) > 1 else ''})")
    if len(common) == 1:
        return f"The benchmark named most often in the abstracts is {parts[0]}."
    return "The benchmarks named most often in the abstracts are " + ", ".join(parts) + "."


def conclusion(report: SurveyReport) -> list[str]:
    """A short close: what the survey covered and where the open problems are; no new claims."""
    themes = [s.title for s in report.sections if s.cited_keys]
    if not themes:
        return []
    from reviewer.survey.closing import recap
    from reviewer.survey.sections import ASIDE, OPEN_PROBLEMS

    body = [t for t in themes if t not in (OPEN_PROBLEMS, ASIDE)]
    n = len(report.bibliography)
    text = (f"The survey covers {n} paper{'s' if n != 1 else ''} on “{escape_md(report.topic)}” in "
            f"{len(body)} theme{'s' if len(body) != 1 else ''}: " + "; ".join(escape_md(t) for t in body) + ".")
    bench: dict[str, int] = {}
    for row in report.table:
        for b in (row.benchmarks.text.split(", ") if row.benchmarks.text else []):
            bench[b] = bench.get(b, 0) + 1
    common = sorted(((c, b) for b, c in bench.items() if c >= 2), key=lambda x: (-x[0], x[1]))[:3]
    more = recap(report, ASIDE, OPEN_PROBLEMS, escape_md)
    if more:
        text += " " + more
    if common:
        text += " " + common_benchmarks(common)
    if OPEN_PROBLEMS in themes:
        text += " The open problems above are the authors' own statements of what their methods do not yet do."
    return ["## Conclusion", "", text, ""]


def overview(report: SurveyReport) -> str:
    """What was searched and found, and how the text was checked; states nothing about the literature."""
    cov, totals = report.coverage, report.totals
    from reviewer.survey.sections import ASIDE, OPEN_PROBLEMS

    body = [s for s in report.sections if s.title not in (OPEN_PROBLEMS, ASIDE)]
    themes = "; ".join(escape_md(s.title) for s in body)
    parts = [
        f"This survey searched the corpus with {len(cov.queries)} "
        f"quer{'y' if len(cov.queries) == 1 else 'ies'} for “{escape_md(report.topic)}” and retrieved "
        f"{cov.retrieved} papers.",
    ]
    if report.sections:
        parts.append(
            f"It cites {len(report.bibliography)} of them across {len(body)} "
            f"theme{'s' if len(body) != 1 else ''}: {themes}"
            + ("; a closing section collects the open problems the papers name."
               if any(s.title == OPEN_PROBLEMS for s in report.sections) else ".")
        )
    if cov.weak:
        parts.append(f"{len(cov.weak)} retrieved papers were left out; the appendix lists each with the reason.")
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
    from reviewer.survey.sections import ASIDE

    out = [f"# Survey: {escape_md(report.topic)}", "", "## Overview", "", overview(report), ""]
    # Papers no theme fits are named in the overview, never under a numbered 'Further work' heading.
    for section in (s for s in report.sections if s.title == ASIDE):
        for p in section.paragraphs:  # a blank line between paragraphs, or Markdown runs them together
            out += [" ".join(cite(s.text, s.keys) for s in p.sentences), ""]
    for n, section in enumerate((s for s in report.sections if s.title != ASIDE), start=1):
        out.append(_section_md(n, section))
    out += _table_section(report, numbers, titles)
    out += conclusion(report)
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
    # Sorted by key: the lists read the same whatever order the stages produced them in.
    uncited = sorted(cov.uncited, key=lambda p: p.key)
    out += [f"- **{escape_md(p.key)}**: {escape_md(p.title)} ({escape_md(p.reason)})" for p in uncited] or ["- none"]
    out += ["", "### Left out of the survey", ""]
    weak = sorted(cov.weak, key=lambda p: p.key)
    out += [f"- **{escape_md(p.key)}**: {escape_md(p.title)} ({escape_md(p.reason)})" for p in weak] or ["- none"]
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
