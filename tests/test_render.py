"""Rendering: hostile corpus text stays inert, references are numbered by first citation, BibTeX escapes."""

from __future__ import annotations

import re

from reviewer.citations import keys_in
from reviewer.models import Paper
from reviewer.survey.report import (
    bibliography,
    escape_cell,
    escape_md,
    render_bibtex,
    render_markdown,
    safe_url,
)
from reviewer.survey.types import (
    Cell,
    CheckedSection,
    Coverage,
    Paragraph,
    Sentence,
    SentenceCheck,
    StageInfo,
    SurveyOptions,
    SurveyReport,
    TableRow,
)

HOSTILE_TITLE = "# Pwned <script>alert('x')</script> [click](javascript:alert(1)) `code` | pipe *bold* _em_"
HOSTILE_QUOTE = "We show <img src=x onerror=alert(1)> gains of 5% [@evil2024] ](javascript:alert(2)) | col."


def _paper(key: str, title: str, **kw: object) -> Paper:
    return Paper(id=f"p{key}", key=key, title=title, abstract=kw.pop("abstract", "An abstract."), **kw)  # type: ignore[arg-type]


def _report(papers: dict[str, Paper]) -> SurveyReport:
    sections = [
        CheckedSection(
            title="## Theme <b>one</b>",
            scope="Scope with [a](http://x) link",
            paragraphs=[Paragraph(sentences=[
                Sentence(text="This section covers work on things."),
                Sentence(text=HOSTILE_QUOTE, keys=["bkey"]),
                Sentence(text="Another finding holds.", keys=["akey", "bkey"]),
            ])],
        ),
        CheckedSection(
            title="Second theme",
            scope="More.",
            paragraphs=[Paragraph(sentences=[Sentence(text="A third paper result.", keys=["ckey"])])],
        ),
    ]
    bib = bibliography(sections, papers)
    return SurveyReport(
        topic="topic <script>",
        options=SurveyOptions(topic="topic"),
        sections=sections,
        table=[
            TableRow(key="bkey", method=Cell(text="a | b method <x>", source="offline"),
                     task=Cell(text="step | verification", source="offline"),
                     benchmarks=Cell(text="GSM8K", source="offline")),
            TableRow(key="akey"),
            TableRow(key="ckey", result=Cell(text="# heading-like result", source="llm")),
        ],
        bibliography=bib,
        coverage=Coverage(queries=["q1 <i>", "q2"], retrieved=5, dropped=[
            SentenceCheck(section="Second theme", text="Dropped <script>x</script> claim", keys=["ckey"],
                          action="dropped", reason="UNSUPPORTED: no support"),
        ]),
        stages=[StageInfo(stage="outline", mode="offline", reason="outline: LLM failed (bad JSON)")],
    )


def _papers() -> dict[str, Paper]:
    return {
        "bkey": _paper("bkey", HOSTILE_TITLE, authors=["Doe, Jane", "Roe, Rick", "Poe, Edgar"], year=2024,
                       url="javascript:alert(3)"),
        "akey": _paper("akey", "A {braced} title with 100% & $math$ #tag", authors=["Smith, A."], year=2023,
                       url="https://example.org/a", doi="10.1/abc_def"),
        "ckey": _paper("ckey", "Plain title", arxiv_id="2401.00001"),
        "unused": _paper("unused", "Never cited"),
    }


def test_escape_md_neutralises_html_links_and_block_markers() -> None:
    out = escape_md(HOSTILE_TITLE)
    assert "<script" not in out and "</script" not in out and "&lt;script>" in out
    assert "](" not in out.replace("&#93;(", "")  # no link syntax survives
    assert "[" not in out and "]" not in out
    assert out.startswith("\\#")
    assert "\\`code\\`" in out and "\\|" in out and "\\*bold\\*" in out
    assert escape_md("1. looks like a list").startswith("1\\.")
    assert escape_md("- dash").startswith("\\-")


def test_escape_md_escapes_only_what_could_open_markup() -> None:
    """'<' opens a tag only before a letter, '/', '!' or '?', '&' an entity only before a name or number an
    HTML parser decodes: '(<10%)', '>8%' and 'Q&A' print as written, in prose, cells and titles alike."""
    for plain in ("low precision (<10%) on hard problems", "PAVs are >8% more accurate", "science Q&A, K&K",
                  "epsilon < 1/2", "A>B>C"):
        assert escape_md(plain) == plain and escape_cell(plain) == plain[:1].upper() + plain[1:]
    assert escape_md("<think> and </think>") == "&lt;think> and &lt;/think>"
    assert escape_md("<!-- x --> <?php") == "&lt;!-- x --> &lt;?php"
    assert escape_md("a &lt; b, &#91;1&#93; and &not") == "a &amp;lt; b, &amp;#91;1&amp;#93; and &amp;not"


def test_escape_cell_keeps_table_shape() -> None:
    assert "\\|" in escape_cell("a | b")
    assert "\n" not in escape_cell("two\nlines")
    assert escape_cell("") == " "


def test_safe_url_rejects_script_schemes() -> None:
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("https://ok.org/x?y=1") == "https://ok.org/x?y=1"
    assert safe_url("https://bad.org/<script>") is None


def test_markdown_is_inert_and_citations_resolve() -> None:
    papers = _papers()
    md = render_markdown(_report(papers))
    assert "<script" not in md and "<img" not in md and "<b>" not in md and "<i>" not in md
    assert "](javascript" not in md and "<javascript" not in md
    assert not re.search(r"^#+ .*<", md, re.MULTILINE)
    # The hostile "[@evil2024]" inside a quote must not become a citation.
    cited = keys_in(md)
    assert "evil2024" not in cited
    assert set(cited) == {"bkey", "akey", "ckey"}
    # A heading can only come from the renderer: no line starts with an unescaped hostile '#'.
    for line in md.splitlines():
        if line.startswith("#"):
            assert line.startswith(("# Survey:", "## ", "### "))
    table = [line for line in md.splitlines() if line.startswith("| ")]
    assert table and all(len(re.findall(r"(?<!\\)\|", line)) == 6 for line in table)


def test_bibliography_numbers_by_first_citation_and_lists_exactly_cited() -> None:
    papers = _papers()
    report = _report(papers)
    assert [b.key for b in report.bibliography] == ["bkey", "akey", "ckey"]
    assert [b.number for b in report.bibliography] == [1, 2, 3]
    md = render_markdown(report)
    refs = md.split("## References", 1)[1]
    assert re.search(r"^1\. \*\*bkey\*\*", refs, re.MULTILINE)
    assert re.search(r"^3\. \*\*ckey\*\*", refs, re.MULTILINE)
    assert "unused" not in refs and "Never cited" not in md
    assert "<https://doi.org/10.1/abc_def>" in refs  # DOI first, then arXiv, then the URL
    assert "<https://arxiv.org/abs/2401.00001>" in refs and "n.d." not in refs
    assert "](javascript" not in refs and "<javascript" not in refs


def test_bibtex_escapes_braces_and_specials() -> None:
    papers = _papers()
    bib = render_bibtex(_report(papers).bibliography)
    assert bib.count("@misc{") == 3
    entry = bib.split("@misc{akey,", 1)[1].split("\n}\n", 1)[0]
    assert r"A $\lbrace$braced$\rbrace$ title with 100\% \& \$math\$ \#tag" in entry
    assert "author = {Smith, A.}" in entry
    assert "url = {https://example.org/a}" in entry
    assert "doi = {10.1/abc_def}" in entry  # DOIs are not TeX-escaped
    hostile = bib.split("@misc{bkey,", 1)[1].split("\n}", 1)[0]
    assert "url =" not in hostile  # unsafe URLs are left out
    assert "Doe, Jane and Roe, Rick and Poe, Edgar" in hostile
    # Braces stay balanced in every entry.
    for block in bib.strip().split("\n\n"):
        depth = 0
        for i, ch in enumerate(block):
            if ch in "{}" and (i == 0 or block[i - 1] != "\\"):
                depth += 1 if ch == "{" else -1
                assert depth >= 0
        assert depth == 0
    assert "eprint = {2401.00001}" in bib


def test_a_row_needs_two_fields_and_a_listed_paper_keeps_its_one_field() -> None:
    """A row holds two of the four fields or more, so no row is mostly blank; a paper with one field is listed under
    the table with it (unless its title already says it), and one with none by its title alone."""
    papers = {"k1": _paper("k1", "One Token to Fool LLM-as-a-Judge"), "k2": _paper("k2", "Reason-RFT: Visual Reasoning"),
              "k3": _paper("k3", "RM-R1: Reward Modeling as Reasoning"), "k4": _paper("k4", "Bag of Tricks")}
    section = CheckedSection(title="Theme", scope="S.", paragraphs=[Paragraph(sentences=[
        Sentence(text="A result.", keys=["k1"]), Sentence(text="Another result.", keys=["k2"]),
        Sentence(text="A third result.", keys=["k3"]), Sentence(text="A fourth result.", keys=["k4"])])])
    report = SurveyReport(
        topic="t", options=SurveyOptions(topic="t"), sections=[section],
        table=[TableRow(key="k1"),
               TableRow(key="k2", method=Cell(text="Reason-RFT", source="offline"),
                        task=Cell(text="reinforcement fine-tuning for visual reasoning", source="offline")),
               TableRow(key="k3", method=Cell(text="RM-R1", source="offline")),
               TableRow(key="k4", result=Cell(text="Tuning temperature improves accuracy by up to 5%", source="offline"))],
        bibliography=bibliography([section], papers), coverage=Coverage(queries=["q"], retrieved=4), stages=[])
    lines = render_markdown(report).splitlines()
    listed = [line for line in lines if line.startswith("- \\[")]
    rows = [line for line in lines if line.startswith("| \\[")]
    assert listed == ["- \\[1\\] One Token to Fool LLM-as-a-Judge", "- \\[3\\] RM-R1",
                      "- \\[4\\] Bag of Tricks (headline result: Tuning temperature improves accuracy by up to 5%)"], listed
    # (no benchmark named: its row is in the table without that column)
    assert rows == ["| \\[2\\] | Reason-RFT | Reinforcement fine-tuning for visual reasoning |   |"], rows
