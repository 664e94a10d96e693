"""A survey over a corpus imported from CSL-JSON (Zotero's export) cites with full metadata, and its
report plus --bib renders through `pandoc --citeproc` with every citation resolved."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import bibtexparser
import pytest
from click.testing import CliRunner

from conftest import SEEDS
from reviewer.cli import _register_extras, cli
from reviewer.ingest.parse import parse_file
from reviewer.models import PaperRecord

SURNAMES = ["Wang", "García", "Kim", "Okafor", "Müller", "Nguyen", "Rossi", "Ivanova", "Haddad", "Sato", "Silva"]


def _csl_corpus(path: Path) -> dict[str, dict[str, object]]:
    """Every seed paper as a CSL-JSON item with authors, a year and one kind of link each."""
    records = [r for f in sorted(SEEDS.iterdir()) for r in parse_file(f) if isinstance(r, PaperRecord)]
    items, by_title = [], {}
    first: dict[str, int] = {}
    for n, rec in enumerate(records):
        i = first.setdefault(rec.title, n)  # a title listed in two seed files is one paper: same metadata
        item: dict[str, object] = {
            "id": f"item{n}", "type": "article-journal" if i % 2 else "paper-conference", "title": rec.title,
            "abstract": rec.abstract, "container-title": f"Venue {i % 5}",
            "author": [{"family": SURNAMES[i % len(SURNAMES)], "given": "Ana"}, {"family": "Second", "given": "B."},
                       {"family": "Third", "given": "C."}],
            "issued": {"date-parts": [[2019 + i % 7, 1 + i % 12]]},
        }
        if i % 3 == 0:
            item["DOI"] = f"10.5555/seed.{i}"
        elif i % 3 == 1:
            item["URL"] = f"https://arxiv.org/abs/24{1 + i % 12:02d}.{10000 + i}"
        else:
            item["URL"] = f"https://example.org/paper/{i}"
        items.append(item)
        by_title.setdefault(rec.title, item)
    path.write_text(json.dumps(items, ensure_ascii=False, indent=1))
    return by_title


def _expected_link(item: dict[str, object]) -> str:
    if "DOI" in item:
        return f"https://doi.org/{item['DOI']}"
    url = str(item["URL"])
    return url.replace("https://arxiv.org/abs/", "https://arxiv.org/abs/")


def test_survey_bibliography_shows_authors_years_venues_links_and_renders_with_pandoc(tmp_path: Path) -> None:
    _register_extras()
    corpus = tmp_path / "zotero-library.json"
    by_title = _csl_corpus(corpus)
    env = {"REVIEWER_AUTO_INGEST_SEEDS": "false", "REVIEWER_QUIET": "1"}
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", "-q", str(corpus)], env=env)
    assert result.exit_code == 0, result.output
    survey, bib = tmp_path / "survey.md", tmp_path / "refs.bib"
    result = runner.invoke(cli, ["survey", "process reward models for LLM reasoning", "--offline", "-q",
                                 "--max-papers", "16", "-o", str(survey), "--bib", str(bib)], env=env)
    assert result.exit_code == 0, result.output
    md = survey.read_text()
    refs = md.split("## References", 1)[1].strip().splitlines()
    assert len(refs) >= 4 and "n.d." not in md
    for line in refs:
        m = re.match(r"^\d+\. \*\*(\S+)\*\*: (\S+) et al\. \((\d{4})\)\. (.+?)\. \*Venue \d\*\. <(\S+)>$", line)
        assert m, line
        key, surname, year, title, link = m.groups()
        item = next(v for t, v in by_title.items() if title.replace("\\", "") == t.rstrip(".").replace("\\", "")
                    or title.startswith(t[:40]))
        assert surname == item["author"][0]["family"]  # type: ignore[index]
        assert int(year) == item["issued"]["date-parts"][0][0]  # type: ignore[index]
        assert link == _expected_link(item)
        assert key.startswith(re.sub(r"[^a-z]", "", surname.lower().replace("í", "i").replace("ü", "u"))[:4])

    entries = bibtexparser.loads(bib.read_text()).entries
    assert len(entries) == len(refs)
    assert {e["ENTRYTYPE"] for e in entries} <= {"article", "inproceedings"}
    assert all(e.get("author", "").count(" and ") == 2 and e.get("year") for e in entries)

    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed (scripts/test.sh installs Debian's pandoc when it can)")
    html = tmp_path / "survey.html"
    proc = subprocess.run([pandoc, str(survey), "--citeproc", "--bibliography", str(bib), "-o", str(html)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and "not found" not in proc.stderr, proc.stderr
    text = html.read_text()
    assert 'class="references' in text and "csl-entry" in text
    assert text.count('class="csl-entry"') == len(refs)
    first_surname = re.match(r"^\d+\. \*\*\S+\*\*: (\S+)", refs[0]).group(1)  # type: ignore[union-attr]
    assert f"{first_surname}, Ana" in text
