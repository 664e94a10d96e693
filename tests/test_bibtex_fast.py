"""The fast BibTeX scanner: the same fields as bibtexparser wherever it answers, the old careful path for
everything else, and a parse rate close to JSONL's (bibtexparser alone was ~57x slower)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import bibtexparser
import pytest

from conftest import SEEDS
from reviewer.ingest.bibfast import parse_entry
from reviewer.ingest.parse import parse_file
from reviewer.models import Paper, PaperRecord
from reviewer.references import render_bibtex

ENTRIES = [
    "@article{a1,\n  title = {{A {Braced} Title}},\n  author = {Wang, Yi and Li, Ana},\n  year = 2024,\n}",
    '@misc{a2, title = "Quoted {with \\"inner\\"} title", month = jan, note = "x" # {y} # "z"}',
    "@inproceedings{a3,\n  Title = {Mixed Case Field},\n  BookTitle = {Proc. of X},\n  abstract = {Line one\n"
    "      line two.}\n}",
    "@article{a4, title={T}, journal = ven}",  # undefined macro: bibtexparser decides
    "@article{a5, title={T}, title={again}}",  # duplicate field
    "@misc{a6, title={Caf\\'e \\& Bar 100\\%}, url = {https://x.org/a_b%20c}}",
    "@misc{a7,\n  title = {Trailing comma},\n}\n% a comment after the entry\n",
    "@misc{, title = {No key}}",
]


@pytest.mark.parametrize("text", ENTRIES)
def test_fast_scanner_agrees_with_bibtexparser_or_declines(text: str) -> None:
    strings: dict[str, str] = {"jan": "January"}
    fast = parse_entry(text, strings)
    if fast is None:
        return  # the careful path (bibtexparser) handles it, exactly as before
    reference = bibtexparser.loads(text).entries
    assert len(reference) == 1
    assert fast == reference[0]


def test_fast_scanner_answers_the_common_shapes() -> None:
    answered = [t for t in ENTRIES if parse_entry(t, {"jan": "January"}) is not None]
    assert len(answered) >= 5


def test_string_macros_and_careful_fallback_in_one_file(tmp_path: Path) -> None:
    path = tmp_path / "mixed.bib"
    path.write_text(
        '@string{ven = "Venue A"}\n'
        "@article{ok, title={Fine}, abstract={An abstract.}, journal = ven, year = 2020}\n"
        "@article{odd, title={Odd}, abstract={Dup.}, abstract={Twice.}}\n"
        "@article{open, title={Never closed}, abstract={x}\n"
        "@article{after, title={After}, abstract={Still read.}}\n"
    )
    items = list(parse_file(path))
    recs = {i.title: i for i in items if isinstance(i, PaperRecord)}
    errors = [(i.line, i.reason) for i in items if not isinstance(i, PaperRecord)]
    assert recs["Fine"].venue == "Venue A" and recs["Fine"].line == 2 and recs["Fine"].kind == "article"
    assert recs["After"].line == 5 and "Odd" in recs
    assert errors == [(4, "BibTeX entry 'open' is not closed before the next entry (missing '}')")]


def test_bibtex_parse_rate_is_close_to_jsonl(tmp_path: Path) -> None:
    seeds = [r for f in sorted(SEEDS.iterdir()) for r in parse_file(f) if isinstance(r, PaperRecord)]
    papers = [Paper(id=f"p{i}", key=f"k{i}", title=f"{s.title} {i}", abstract=s.abstract, year=2020 + i % 5,
                    authors=["Ana Wang", "Bo Li"], doi=f"10.5555/x.{i}", venue="J", kind="article")
              for i, s in enumerate(seeds * 3)]
    bib, jsonl = tmp_path / "c.bib", tmp_path / "c.jsonl"
    bib.write_text(render_bibtex(papers))
    jsonl.write_text("".join(json.dumps({"title": p.title, "abstract": p.abstract, "authors": p.authors,
                                         "year": p.year, "doi": p.doi}) + "\n" for p in papers))

    def cpu(path: Path) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            n = sum(isinstance(r, PaperRecord) for r in parse_file(path))
            best = min(best, time.process_time() - start)
        assert n == len(papers)
        return best

    ratio = cpu(bib) / cpu(jsonl)
    assert ratio < 8, f"BibTeX parses {ratio:.1f}x slower than JSONL (bibtexparser alone: ~57x)"
