"""Reference-manager and scholarly-API formats: each fixture (written from the format's public docs,
with seed abstracts) ingests with every field kept, and the awkward corners of each format hold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reviewer.errors import InputError
from reviewer.ingest.parse import detect_format, parse_file
from reviewer.models import PaperRecord

FIX = Path(__file__).parent / "fixtures" / "formats"


def _seed_abstract(title_prefix: str) -> str:
    seeds = Path(__file__).parents[1] / "seeds"
    for path in sorted(seeds.iterdir()):
        for item in parse_file(path):
            if isinstance(item, PaperRecord) and item.title.startswith(title_prefix):
                return item.abstract
    raise AssertionError(title_prefix)


def _split(name: str) -> tuple[list[PaperRecord], list[InputError]]:
    items = list(parse_file(FIX / name))
    return [i for i in items if isinstance(i, PaperRecord)], [i for i in items if isinstance(i, InputError)]


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("zotero.ris", "ris"), ("zotero-csl.json", "json"), ("openalex-work.json", "json"),
     ("openalex-page.json", "json"), ("openalex-snapshot.jsonl", "jsonl"), ("s2-search.json", "json"),
     ("arxiv-snapshot.jsonl", "jsonl"), ("arxiv-atom.xml", "arxiv_atom"), ("pubmed.xml", "pubmed")],
)
def test_detected_from_content_not_extension(tmp_path: Path, name: str, fmt: str) -> None:
    renamed = tmp_path / "corpus.txt"
    renamed.write_bytes((FIX / name).read_bytes())
    assert detect_format(renamed) == fmt


def test_ris_repeated_authors_wrapped_abstract_dates_and_terminators() -> None:
    recs, errs = _split("zotero.ris")
    lessons, free, dream = recs
    assert lessons.authors == ["Zhenru Zhang", "Chujie Zheng", "Yangzhen Wu"]  # repeated AU, 'Last, First' flipped
    # AB wrapped over two lines: joined with one space, nothing lost
    assert _seed_abstract("The Lessons of Developing").startswith(lessons.abstract)
    assert lessons.abstract.endswith("building process supervision models.")
    assert (lessons.year, lessons.date, lessons.doi, lessons.arxiv_id) == (
        2025, "2025/01/13", "10.48550/arxiv.2501.07301", "2501.07301")
    assert lessons.venue == "Transactions on Machine Learning Research" and lessons.kind == "article"
    assert lessons.line == 1 and lessons.source_id == "zhang2025lessons"
    # A1 authors, N2 abstract, Y1 year, BT venue, CPAPER type, 'ER  -' without a trailing space
    assert free.authors == ["Lifan Yuan", "Wendi Li", "Huayu Chen"] and free.year == 2024
    assert free.abstract.startswith("Different from its counterpart") and free.kind == "inproceedings"
    assert free.venue.startswith("Proceedings of the 42nd") and free.line == 16
    assert dream.arxiv_id == "2505.20241" and dream.kind == "preprint" and dream.year == 2025
    assert [(e.line, e.reason) for e in errs] == [
        (27, "paper 'A record that has no abstract at all' has no abstract"),
        (33, "RIS entry is not closed with 'ER  -' at end of file"),
    ]


def test_csl_json_names_dates_and_missing_abstract_by_entry() -> None:
    recs, errs = _split("zotero-csl.json")
    lessons, free, dream = recs
    assert lessons.authors == ["Zhenru Zhang", "Chujie Zheng", "Yangzhen Wu"]
    assert (lessons.year, lessons.date, lessons.kind) == (2025, "2025-01-13", "article")
    assert lessons.doi == "10.48550/arxiv.2501.07301" and lessons.url == "https://arxiv.org/abs/2501.07301"
    assert free.authors == ["PRIME Team", "Lifan Yuan"]  # a literal name kept whole
    assert (free.year, free.date, free.arxiv_id, free.kind) == (2024, "2024-12-02", "2412.01981", "preprint")
    assert dream.venue == "Advances in Neural Information Processing Systems" and dream.kind == "inproceedings"
    assert dream.year == 2025 and dream.doi is None and dream.url is None
    assert len(errs) == 1 and errs[0].line is None
    assert str(errs[0]).endswith("zotero-csl.json: entry 3: paper 'A conference paper saved without its abstract' "
                                 "has no abstract")


def test_openalex_abstract_rebuilt_from_inverted_index_in_all_three_shapes() -> None:
    aurora = _seed_abstract("AURORA:Automated").split(" In this paper")[0]
    work, = _split("openalex-work.json")[0]
    page, page_errs = _split("openalex-page.json")
    snap, snap_errs = _split("openalex-snapshot.jsonl")
    assert work.abstract.startswith(aurora[:200]) and work.abstract == page[1].abstract == snap[1].abstract
    assert work.authors == ["Xiaoyu Tan", "Tianchu Yao", "Chao Qu"] and work.year == 2025
    assert (work.doi, work.arxiv_id, work.kind) == ("10.48550/arxiv.2502.11520", "2502.11520", "preprint")
    assert work.source_id == "https://openalex.org/W4390000001"
    aaai = page[0]
    assert aaai.venue == "Proceedings of the AAAI Conference on Artificial Intelligence"
    assert aaai.kind == "inproceedings" and aaai.doi == "10.1609/aaai.v38i17.29874"
    assert snap[0].kind == "article" and snap[0].url == "https://doi.org/10.1007/s42001-023-00231-1"
    assert "entry 3:" in page_errs[0].reason and "withheld" in page_errs[0].reason
    assert snap_errs[0].line == 3 and "has no abstract" in snap_errs[0].reason


def test_openalex_inverted_index_positions_not_key_order() -> None:
    from reviewer.ingest.scholarly import rebuild_abstract

    assert rebuild_abstract({"the": [0, 3], "over": [2], "jumped": [1], "fence.": [4]}) == "the jumped over the fence."
    assert rebuild_abstract(None) == "" and rebuild_abstract({"x": "bad"}) == ""


def test_semantic_scholar_tldr_is_flagged_and_paper_without_either_is_reported() -> None:
    recs, errs = _split("s2-search.json")
    free, think = recs
    assert free.abstract_source is None and free.abstract.startswith("Different from its counterpart")
    assert free.arxiv_id == "2412.01981" and free.kind == "inproceedings" and free.venue.startswith("International")
    assert think.abstract_source == "tldr" and think.abstract.startswith("ThinkPRM is a generative")
    assert think.doi == "10.18653/v1/2025.acl-long.1" and think.year == 2025
    assert [e.reason for e in errs] == ["entry 3: paper 'A paper with neither abstract nor tldr' has no abstract"]


def test_arxiv_snapshot_parsed_authors_first_version_year_and_old_ids() -> None:
    recs, errs = _split("arxiv-snapshot.jsonl")
    lessons, old = recs
    assert lessons.title == "The Lessons of Developing Process Reward Models in Mathematical Reasoning"
    assert lessons.authors[:2] == ["Zhenru Zhang", "Chujie Zheng"] and len(lessons.authors) == 9
    assert (lessons.year, lessons.arxiv_id, lessons.kind) == (2025, "2501.07301", "preprint")
    assert lessons.abstract == _seed_abstract("The Lessons of Developing")
    assert old.arxiv_id == "cs/0112017" and old.year == 2001  # year of v1, not of update_date
    assert old.authors[-1] == "Philipp Krähenbühl Jr" and old.doi == "10.1609/aaai.v38i17.29874"
    assert old.venue == "Proc. AAAI 2024" and old.kind == "article"
    assert [e.line for e in errs] == [3]


def test_arxiv_atom_entries_versions_dropped_and_api_error_reported(tmp_path: Path) -> None:
    recs, errs = _split("arxiv-atom.xml")
    dream, old = recs
    assert dream.title == "DreamPRM: Domain-Reweighted Process Reward Model for Multimodal Reasoning"
    assert (dream.arxiv_id, dream.year, dream.url) == ("2505.20241", 2025, "https://arxiv.org/abs/2505.20241")
    assert dream.authors == ["Qi Cao", "Ruiyi Wang", "Pengtao Xie"] and not errs
    assert (old.arxiv_id, old.doi, old.kind) == ("hep-th/9901001", "10.1007/s42001-023-00231-1", "article")
    error_feed = tmp_path / "err.xml"
    error_feed.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>'
        "<id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id><title>Error</title>"
        "<summary>incorrect id format for 1234.12345</summary></entry></feed>"
    )
    items = list(parse_file(error_feed))
    assert len(items) == 1 and "arXiv API error: incorrect id format" in str(items[0])


def test_pubmed_structured_abstract_keeps_labelled_sections() -> None:
    recs, errs = _split("pubmed.xml")
    lessons, boosting = recs
    labels = re.findall(r"\b([A-Z]{5,}):", lessons.abstract)
    assert labels == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    unlabelled = re.sub(r"\b[A-Z]{5,}: ", "", lessons.abstract)
    assert unlabelled == _seed_abstract("The Lessons of Developing")
    assert lessons.title == "The Lessons of Developing Process Reward Models in Mathematical Reasoning"  # <i> kept
    assert lessons.authors == ["Zhenru Zhang", "Chujie Zheng", "Qwen Team"] and lessons.year == 2025
    assert lessons.doi == "10.48550/arxiv.2501.07301" and lessons.venue == "Transactions on machine learning research"
    assert boosting.authors == ["Cheng Tan", "Jingxuan Wei Jr"] and boosting.date == "2024 Dec 05"
    assert [e.reason for e in errs] == [
        "entry 2 (PMID 39870001): paper 'A letter to the editor without an abstract' has no abstract"]


def test_truncated_xml_names_the_line(tmp_path: Path) -> None:
    text = (FIX / "pubmed.xml").read_text()
    cut = tmp_path / "cut.xml"
    cut.write_text(text[: text.index("<PubmedArticle>", text.index("</PubmedArticle>")) + 40])
    items = list(parse_file(cut))
    assert isinstance(items[0], PaperRecord) and isinstance(items[-1], InputError)
    assert "malformed XML" in items[-1].reason and items[-1].line is not None


def test_one_line_api_page_in_jsonl_is_unwrapped(tmp_path: Path) -> None:
    page = json.loads((FIX / "s2-search.json").read_text())
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps(page) + "\n" + json.dumps(page) + "\n")
    recs = [i for i in parse_file(path) if isinstance(i, PaperRecord)]
    assert [r.line for r in recs] == [1, 1, 2, 2] and recs[1].abstract_source == "tldr"
