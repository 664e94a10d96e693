"""Corpus parsers: the bundled seed files exactly, the structured formats, detection and bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import SEEDS
from reviewer.errors import InputError
from reviewer.ingest.detect import is_prose
from reviewer.ingest.identifiers import normalize_arxiv_id, normalize_doi, split_authors
from reviewer.ingest.parse import detect_format, parse_file
from reviewer.ingest.seedtext import parse_author_line
from reviewer.models import PaperRecord
from reviewer.textutil import normalize_title

SEED_COUNTS = {"000": 10, "001": 97, "002": 102, "003": 75, "004": 81}
CHROME = ["Get trending papers in your email inbox!", "Subscribe", "Daily Papers", "byAK and the research community"]
DATE_LINE = re.compile(r"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}(, \d{4})?( \d+)?$")
ABS1 = (
    "We propose a new method for aligning language models with human values. It works well on many "
    "benchmarks and we release code. Our experiments show consistent gains across settings and scales."
)
ABS2 = (
    "Large reasoning models are studied here in depth with many experiments and careful ablations. We find "
    "surprising results about thinking tokens. These results matter for the deployment of agents."
)


def split(path: Path) -> tuple[list[PaperRecord], list[InputError]]:
    items = list(parse_file(path))
    assert all(isinstance(i, (PaperRecord, InputError)) for i in items)
    return [i for i in items if isinstance(i, PaperRecord)], [i for i in items if isinstance(i, InputError)]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="module")
def seed_records() -> dict[str, list[PaperRecord]]:
    out = {}
    for prefix in SEED_COUNTS:
        records, errors = split(seed(prefix))
        assert errors == []
        out[prefix] = records
    return out


def by_title(records: dict[str, list[PaperRecord]], prefix: str, title: str) -> PaperRecord:
    (match,) = [r for r in records[prefix] if r.title.startswith(title)]
    return match


# ---------------------------------------------------------------- the bundled seeds


def test_seed_formats_and_counts(seed_records: dict[str, list[PaperRecord]]) -> None:
    assert detect_format(seed("000")) == "result_list"
    for prefix in ("001", "002", "003", "004"):
        assert detect_format(seed(prefix)) == "hf_daily"
    assert {p: len(r) for p, r in seed_records.items()} == SEED_COUNTS
    everything = [r for records in seed_records.values() for r in records]
    assert len(everything) == 365
    assert len({normalize_title(r.title) for r in everything}) == 343


def test_seed_counts_independently() -> None:
    """HF files: every paper has exactly one abstract line (>= 300 chars) and nothing else is that long;
    the non-blank lines are 6 chrome + 2 per paper + 3 per metadata block (one per '·')."""
    for prefix in ("001", "002", "003", "004"):
        lines = seed(prefix).read_text(encoding="utf-8").splitlines()
        abstracts = sum(1 for ln in lines if len(ln) >= 300)
        dots = sum(1 for ln in lines if ln == "·")
        nonblank = sum(1 for ln in lines if ln.strip())
        assert abstracts == SEED_COUNTS[prefix]
        assert nonblank == 6 + 2 * abstracts + 3 * dots
    lines = seed("000").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "final response" and len(lines) == 1 + 10 + 9 + 10  # 9 of 10 papers list authors


def test_hf_records_are_the_lines_of_the_file(seed_records: dict[str, list[PaperRecord]]) -> None:
    for prefix in ("001", "002", "003", "004"):
        path = seed(prefix)
        lines = path.read_text(encoding="utf-8").splitlines()
        for r in seed_records[prefix]:
            assert r.source == str(path)
            assert r.line is not None and lines[r.line - 1] == r.title
            assert lines[r.line + 1] == r.abstract


def test_seed_chrome_never_leaks(seed_records: dict[str, list[PaperRecord]]) -> None:
    for records in seed_records.values():
        for r in records:
            for chrome in CHROME:
                assert chrome.lower() not in r.title.lower() and chrome.lower() not in r.abstract.lower()
            assert r.title.lower() != "new" and r.abstract.lower() != "new"
            assert not DATE_LINE.match(r.title) and not DATE_LINE.match(r.abstract)
            assert not re.search(r"•\s*\d+\s+authors?", r.title + r.abstract)
            assert "·" not in r.title and r.title not in ("Oct 30", "Nov 12", "Sep 16", "Sep 9")
            assert len(r.title) < 200 and not r.title.endswith(".")
            assert len(r.abstract) >= 300 and len(r.abstract.split()) >= 40 and is_prose(r.abstract)


def test_hf_metadata_spot_checks(seed_records: dict[str, list[PaperRecord]]) -> None:
    r = by_title(seed_records, "001", "Parallel-R1: Towards Parallel Thinking via Reinforcement Learning")
    assert (r.organization, r.date, r.upvotes, r.year, r.n_authors, r.line) == ("Tencent", "Sep 9", 3, None, None, 21)
    r = by_title(seed_records, "001", "Dynamic Normativity")
    assert (r.n_authors, r.date, r.year, r.upvotes, r.organization, r.line) == (1, "Jun 16, 2024", 2024, None, None, 13)
    r = by_title(seed_records, "001", "Reasons to Reject? Aligning Language Models with Judgments")
    assert (r.n_authors, r.date, r.year, r.upvotes) == (5, "Dec 22, 2023", 2023, 1)
    r = by_title(seed_records, "001", "VR-Thinker")
    assert (r.organization, r.date, r.upvotes) == ("NJU-LINK Lab", "Oct 12", 2)
    r = by_title(seed_records, "001", "GTAlign")  # no metadata block at all
    assert (r.n_authors, r.organization, r.date, r.year, r.upvotes) == (None, None, None, None, None)
    r = by_title(seed_records, "001", "AI Agent Behavioral Science")  # a short title, not an organisation
    assert r.abstract.startswith("Recent advances in large language models")
    r = by_title(seed_records, "002", "SEED-GRPO")
    assert (r.n_authors, r.date, r.upvotes, r.year) == (4, "May 18", 16, None)
    r = by_title(seed_records, "002", "Repurposing Synthetic Data")
    assert (r.organization, r.date, r.upvotes) == ("TongyiLab", "Oct 28", 2)
    r = by_title(seed_records, "002", "MMR1: Enhancing Multimodal Reasoning")
    assert (r.organization, r.date, r.upvotes) == ("MMR1", "Sep 25", 3)
    assert all(r.date is None and r.n_authors is None for p in ("003", "004") for r in seed_records[p])
    assert sum(r.date is not None for r in seed_records["001"]) == 83
    assert sum(r.organization is not None for r in seed_records["002"]) == 2
    for records in seed_records.values():
        for r in records:  # years only from a printed 4-digit year
            assert r.year is None or (r.date is not None and str(r.year) in r.date)


def test_result_list_seed(seed_records: dict[str, list[PaperRecord]]) -> None:
    records = seed_records["000"]
    assert [r.line for r in records] == [2, 5, 8, 11, 14, 17, 20, 22, 25, 28]
    first = records[0]
    assert first.title == "What Is Preference Optimization Doing, How and Why?"
    assert first.authors == ["Yue Wang", "Qizhou Wang", "Zizhuo Zhang", "Ang Li", "Gang Niu", "Bo Han", "Masashi Sugiyama"]
    assert first.abstract.startswith("Preference optimization (PO) is indispensable")
    assert records[1].authors == ["Khanh-Tung Tran", "Barry O'Sullivan", "Hoang D. Nguyen"]
    assert "Paul de Font-Reaulx" in records[2].authors
    assert records[2].title.endswith("Moral Reasoning in Language Models, More than Outcomes")
    togate = by_title(seed_records, "000", "TO-GATE")
    assert togate.authors == [] and togate.abstract.startswith("Large language models (LLMs) can effectively")
    raider = by_title(seed_records, "000", "RAIDER")
    assert raider.authors == ["Silvia Izquierdo-Badiola", "Carlos Rizzo", "Guillem Alenyร"]  # mojibake kept
    assert records[-1].title == "Multimodal Auto Validation For Self-Refinement in Web Agents"


def test_author_line_classifier() -> None:
    assert parse_author_line("Chan, Yik Siu, Yong, Zheng-Xin, Bach, Stephen H.") == [
        "Yik Siu Chan", "Zheng-Xin Yong", "Stephen H. Bach"]
    assert parse_author_line("What Is Preference Optimization Doing, How and Why?") is None
    assert parse_author_line("Evaluating Models, More than Outcomes") is None
    assert parse_author_line(ABS1) is None


# ---------------------------------------------------------------- JSONL


def test_jsonl_fields_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        {"title": "Paper One", "abstract": "We do things.", "authors": "Smith, John and Jane Doe", "year": "2021",
         "url": "https://arxiv.org/abs/2401.12345v3", "doi": "https://doi.org/10.1000/ABC.Def"},
        [1, 2],
        "not json at all",
        {"Title": "Paper Two", "Abstract": "More.", "authors": ["A B", {"given": "C", "family": "D"}],
         "year": 2020, "id": 17, "arxiv_id": "arXiv:2310.01234v2"},
        {"title": "No abstract"},
        {"title": ["x"], "abstract": "y"},
        {"title": "T", "abstract": "A", "year": [2020]},
        {"title": "Three", "summary": "S.", "authors": "A. One; B. Two", "doi": "doi:10.48550/arXiv.2402.00001"},
        {"title": "Huge", "abstract": "x" * 100_001},
    ]
    text = "\ufeff" + "\n".join(ln if isinstance(ln, str) else json.dumps(ln) for ln in lines) + "\n\n"
    path = write(tmp_path, "papers.txt", text)
    assert detect_format(path) == "jsonl"
    records, errors = split(path)
    one, two, three = records
    assert (one.title, one.authors, one.year, one.line) == ("Paper One", ["John Smith", "Jane Doe"], 2021, 1)
    assert (one.doi, one.arxiv_id, one.source) == ("10.1000/abc.def", "2401.12345", str(path))
    assert (two.authors, two.year, two.source_id, two.arxiv_id, two.line) == (["A B", "C D"], 2020, "17", "2310.01234", 4)
    assert (three.abstract, three.authors, three.arxiv_id, three.line) == ("S.", ["A. One", "B. Two"], "2402.00001", 8)
    assert [e.line for e in errors] == [2, 3, 5, 6, 7, 9]
    assert "JSON object" in errors[0].reason and "malformed JSON" in errors[1].reason
    assert "abstract" in errors[2].reason and "'title' must be a string" in errors[3].reason
    assert "year" in errors[4].reason and "100,000" in errors[5].reason


# ---------------------------------------------------------------- CSV


def test_csv_aliases_multiline_and_bad_rows(tmp_path: Path) -> None:
    text = (
        "Key,Title,Abstract Note,Author,Publication Year,DOI,Url\r\n"
        'K1,"A, title","Multi\r\nline abstract","Smith, John; Doe, Jane",2019,10.1000/X1,https://arxiv.org/pdf/2401.00001v1\r\n'
        "K2,B,,X,2020,,\r\n"
        'K3,C,"bad"quote,X,1,,\r\n'
        'K4,D,"ok ""quoted""","Lee, K",,,\r\n'
        ",,,,,,\r\n"
        "K5,E,abs,X,2020,,,extra\r\n"
    )
    path = write(tmp_path, "export.txt", text)
    assert detect_format(path) == "csv"
    records, errors = split(path)
    a, d = records
    assert (a.title, a.abstract, a.authors, a.year, a.line) == ("A, title", "Multi line abstract", ["John Smith", "Jane Doe"], 2019, 2)
    assert (a.doi, a.arxiv_id, a.source_id) == ("10.1000/x1", "2401.00001", "K1")
    assert (d.title, d.abstract, d.authors, d.line) == ("D", 'ok "quoted"', ["K Lee"], 6)
    assert [e.line for e in errors] == [4, 5, 8]  # multi-line row 2-3 shifts the numbering; starts are reported
    assert "abstract" in errors[0].reason and "malformed CSV" in errors[1].reason and "fields" in errors[2].reason


def test_csv_semicolon_delimited(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "title;abstract;year\nT1;A one;2001\nT2;A two;\n")
    records, errors = split(path)
    assert errors == [] and [(r.title, r.year) for r in records] == [("T1", 2001), ("T2", None)]


def test_csv_missing_abstract_column(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "title,year\nT1,2001\nT2,2002\n")
    records, errors = split(path)
    assert records == [] and len(errors) == 1
    assert errors[0].line == 1 and "no abstract column" in errors[0].reason


# ---------------------------------------------------------------- BibTeX

BIB = r"""% exported by hand
@string{jml = "J. Mach. Learn."}
@comment{ignore me}
@article{smith2020,
  title = {{GPT}-4: A {\"u}ber {S}tudy of \emph{Things}},
  author = {Smith, John and M{\"u}ller, J{\"o}rg and {Google DeepMind} and others},
  journal = jml, year = 2020, month = jan,
  abstract = "We study things. 50\% better.",
  eprint = {2401.12345v2}, archivePrefix = {arXiv},
  doi = {https://doi.org/10.1000/ABC.def}
}
@inproceedings{noabs, title={No Abstract Here}, year=2021}
@misc{scholar, title = {Scholar}, journal = {arXiv preprint arXiv:2310.01234}, abstract = {Abs.},
  url = {https://doi.org/10.5555/Q}}
@article{broken, title={x
@article{after, title={After}, abstract={A}, author={Doe, J.}, year={in press}}
@online(paren, title = "Paren (entry)", abstract = "Uses parentheses.", date = {2022-03-01})
"""


def test_bibtex(tmp_path: Path) -> None:
    path = write(tmp_path, "refs.txt", BIB)
    assert detect_format(path) == "bibtex"
    records, errors = split(path)
    smith, scholar, after, paren = records
    assert smith.title == "GPT-4: A über Study of Things"
    assert smith.abstract == "We study things. 50% better."
    assert smith.authors == ["John Smith", "Jörg Müller", "Google DeepMind"]
    assert (smith.year, smith.doi, smith.arxiv_id, smith.source_id, smith.line) == (
        2020, "10.1000/abc.def", "2401.12345", "smith2020", 4)
    assert (scholar.arxiv_id, scholar.doi, scholar.line) == ("2310.01234", "10.5555/q", 13)
    assert (after.authors, after.year, after.line) == (["J. Doe"], None, 16)
    assert (paren.title, paren.year, paren.line) == ("Paren (entry)", 2022, 17)
    assert [(e.line, e.reason) for e in errors] == [
        (12, "BibTeX entry 'noabs' has no abstract"),
        (15, "BibTeX entry 'broken' is not closed before the next entry (missing '}')"),
    ]


def test_bibtex_unclosed_at_eof_and_bad_macro(tmp_path: Path) -> None:
    path = write(tmp_path, "refs.bib", "@article{a, title={T}, abstract={A}, journal=nosuchmacro}\n@article{b, title={T\n")
    records, errors = split(path)
    assert records == []
    assert [e.line for e in errors] == [1, 2]
    assert "'a'" in errors[0].reason and "end of file" in errors[1].reason


def test_bibtex_files_do_not_share_macros_even_when_interleaved(tmp_path: Path) -> None:
    first = write(tmp_path, "a.bib", '@string{ven = "Venue A"}\n@misc{a1, title={A1}, abstract={x}}\n'
                  "@misc{a2, title={A2}, abstract={y}, journal=ven}\n")
    second = write(tmp_path, "b.bib", "@misc{b1, title={B1}, abstract={z}, journal=ven}\n@misc{b2, title={B2}, abstract={w}}\n")
    gen_a, gen_b = parse_file(first), parse_file(second)
    a1, b1, a2, b2 = next(gen_a), next(gen_b), next(gen_a), next(gen_b)
    assert isinstance(a1, PaperRecord) and isinstance(a2, PaperRecord) and a2.title == "A2"
    assert isinstance(b1, InputError) and "ven" in b1.reason and b1.line == 1  # macro of the other file
    assert isinstance(b2, PaperRecord) and b2.title == "B2"


# ---------------------------------------------------------------- normalisation helpers


def test_id_normalisation() -> None:
    assert normalize_doi("https://dx.doi.org/10.1145/ABC.123") == "10.1145/abc.123"
    assert normalize_doi("DOI: 10.1000/xyz") == "10.1000/xyz"
    assert normalize_doi("not a doi") is None
    assert normalize_arxiv_id("https://arxiv.org/abs/2401.12345v7") == "2401.12345"
    assert normalize_arxiv_id("arXiv:0704.0001") == "0704.0001"
    assert normalize_arxiv_id("hep-th/9901001v2") == "hep-th/9901001"
    assert normalize_arxiv_id("https://arxiv.org/pdf/2310.01234.pdf") == "2310.01234"
    assert normalize_arxiv_id("1234") is None
    assert split_authors("Alice Smith, Bob Jones and Carol White") == ["Alice Smith", "Bob Jones", "Carol White"]
    assert split_authors("Wang, Yue, Li, Ang") == ["Yue Wang", "Ang Li"]
    assert split_authors("de Font-Reaulx, Maria José") == ["Maria José de Font-Reaulx"]
    assert split_authors("Smith, J. and Doe, K.") == ["J. Smith", "K. Doe"]


# ---------------------------------------------------------------- detection and whole-file problems


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.csv", '{"title": "T", "abstract": "A"}\n', "jsonl"),
        ("a.bib", "title,abstract\nT,A\n", "csv"),
        ("a.jsonl", "@inproceedings{k, title={T}, abstract={A}}\n", "bibtex"),
        ("a.txt", "final response\nT\nA\n", "result_list"),
        ("a.bib", "\n\n  Daily Papers\n\nT\n\n" + ABS1 + "\n", "hf_daily"),
        ("a.csv", "id,year\n1,2\n", "csv"),  # only the extension says csv: parse reports the missing columns
        ("a.bib", "nothing here\n", "bibtex"),
    ],
)
def test_detection_ignores_misleading_extensions(tmp_path: Path, name: str, content: str, expected: str) -> None:
    assert detect_format(write(tmp_path, name, content)) == expected


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"  \n\n\t\n", "empty"),
        (b"title,abstract\n\x00\x01\x02\x00binary", "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"just some words\nand more words\n", "unrecognised"),
        (b"title,year\nT,2020\n", "no abstract column"),
    ],
)
def test_whole_file_problems(tmp_path: Path, content: bytes, reason: str) -> None:
    path = write(tmp_path, "bad.txt", content)
    with pytest.raises(InputError, match=reason):
        detect_format(path)
    items = list(parse_file(path))
    assert len(items) == 1 and isinstance(items[0], InputError) and items[0].path == str(path)


def test_latin1_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "latin.jsonl", b'{"title": "T", "abstract": "A"}\n{"title": "x"}\n' +
                 '{"title": "Caf\xe9", "abstract": "A"}\n'.encode("latin-1"))
    with pytest.raises(InputError) as info:
        detect_format(path)
    assert info.value.line == 3 and "0xe9" in info.value.reason
    items = list(parse_file(path))
    assert len(items) == 1 and isinstance(items[0], InputError) and items[0].line == 3


def test_bad_byte_after_the_sniff_window_still_stops_everything(tmp_path: Path) -> None:
    good = "".join(json.dumps({"title": f"T{i}", "abstract": "A" * 100}) + "\n" for i in range(2000))
    path = write(tmp_path, "late.jsonl", good.encode() + b'{"title": "\xff"}\n')
    assert detect_format(path) == "jsonl"
    items = list(parse_file(path))
    assert len(items) == 1 and isinstance(items[0], InputError) and items[0].line == 2001


def test_utf8_sig_and_missing_file(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.csv", "\ufefftitle,abstract\nT,A\n".encode())
    records, errors = split(path)
    assert errors == [] and records[0].title == "T" and records[0].line == 2
    (missing,) = parse_file(tmp_path / "nope.jsonl")
    assert isinstance(missing, InputError) and "cannot read" in missing.reason
    (directory,) = parse_file(tmp_path)
    assert isinstance(directory, InputError)
