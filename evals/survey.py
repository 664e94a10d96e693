"""`reviewer eval survey`: does the offline survey read like a survey, and is its paper choice stable?

For each dev topic (evals/datasets/survey_dev.jsonl: a topic, a paraphrase and a hand-picked set of
relevant seed papers) the survey runs fresh for the topic and for its paraphrase, and the report is
scored on: recall and precision of the cited papers against the relevant set, Jaccard of the two cited
sets, the share of cited sentences that open with an unresolved anaphor or quote a background sentence,
template openers, table fill, truncated cells, markup left in any text, theme-title shape, wall time.
The detectors here are written independently of the writer's own rules, so the eval does not grade
the writer with its own code.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
from pathlib import Path

from pydantic import BaseModel, Field

from evals import sets
from evals.survey_fit import FitShape, _corpus, add_sections, add_table
from evals.survey_fit import summary as fit_summary
from evals.survey_read import ReadShape, read_report
from evals.survey_read import summary as read_summary
from evals.survey_table import TableShape, add_table_cells, rendered_cells
from evals.survey_table import summary as table_summary
from evals.survey_text import pointing_subject, rendered_entities
from evals.theme_fit import ThemeFitShape
from evals.theme_fit import add_report as add_theme_fit
from evals.theme_fit import summary as theme_fit_summary
from evals.title_judge import CATCH_ALL as _CATCH_ALL
from evals.title_judge import title_problem
from reviewer.roles import Role, reports_other_work, sentence_roles
from reviewer.settings import Settings
from reviewer.textutil import normalize, split_sentences

DEV_SET = sets.DATA / "survey_dev.jsonl"
# Other sets: evals/sets.py finds them by file name; evals/datasets/sets.toml says how each was written and used.
# A sentence opening with a word that points outside the quote, unless it names its referent
# ("This paper", "These results show" count as resolved only with a noun that the sentence itself owns).
_ANAPHOR = re.compile(
    r"^(?:this|these|those|that|it|its|they|their|such|yet|however|thus|hence|therefore|moreover|"
    r"furthermore|besides|instead|then|also|additionally|consequently|similarly|likewise|"
    r"(?:based on|to (?:mitigate|address|solve|tackle|overcome|achieve|this end)|in light of|building on|"
    r"motivated by|inspired by|given|despite) (?:it|this|these|that|them|such))\b",
    re.IGNORECASE,
)
# Openers that point outside the quote without a pronoun: a definite reference to something named
# earlier ("The approach ...", "The key idea ..."), a part of it ("In the second phase, ..."), or a name
# introduced before ("Based on X, ...").
_CONTEXT_OPENER = re.compile(
    r"^(?:the (?:proposed |resulting |new |overall )?(?:method|approach|framework|system|algorithm|pipeline|"
    r"technique|strategy|scheme|mechanism|procedure)s?\b|the (?:only|key|main|core|first|second|third|former|"
    r"latter|remaining)\b|(?:in|for|during|at|within|under) the (?:[\w-]+ ){0,2}(?:stage|phase|step|level|"
    r"optimi[sz]ation|approach|method|setting|part|module|component|round|loop|process|variant|case),|"
    r"(?:based on|building on|built on|on top of) [^,]{1,40},)",
    re.IGNORECASE,
)
# A discourse connective that points back to the sentence before ('For example, a 1B LLM can ...' exemplifies a
# claim the abstract made just before): unresolved unless the quote before it is that sentence.
_CONNECTIVE = re.compile(
    r"^(?:for (?:example|instance)|as an example|e\.g\.|in particular|specifically|in addition|as a result|"
    r"in contrast|by contrast|on the other hand|meanwhile|notably|accordingly|nevertheless|nonetheless|in turn|"
    r"to this end|first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|lastly|next)\b", re.IGNORECASE)
# An uncited sentence announcing how the papers differ, which needs two cited sentences after it to carry it out.
_ANNOUNCE = re.compile(r"^(?:they|these (?:papers|methods|works)|the (?:papers|methods)) (?:differ|vary|contrast)\b",
                       re.IGNORECASE)
# A list item quoted without the rest of its list: "(1) ..." with no "(2)" in the sentence, or "(ii) ..."
# without "(i)"; "...: First, ..." whose "Second" is in the next sentence.
_ITEM = re.compile(r"(?<![\w(])\(?(1|2|3|4|i|ii|iii|iv|a|b|c)\)\s")
_FIRST_ONLY = re.compile(r"[:;]\s+first(?:ly)?,", re.IGNORECASE)
_TEMPLATE_OPENERS = re.compile(
    r"^(?:this section|in this section|this theme|the following|here we|we now|this part|"
    r"this subsection|papers in this)\b", re.IGNORECASE,
)
_MARKUP = re.compile(r"\\[A-Za-z]+|\\[%&_#$']|\{[^{}\s]*\}|&(?:[a-z]{2,8}|#\d+);|\$[^$\s]{1,20}\$|\d(?:times|rightarrow)\b|[a-z](?:rightarrow|leftarrow|otimes|oplus)[A-Z]")
class DevTopic(BaseModel):
    topic: str
    paraphrase: str
    relevant: list[str]


class TopicScore(BaseModel):
    topic: str
    recall: float
    recall_paraphrase: float
    precision: float
    precision_paraphrase: float
    jaccard: float
    cited: list[str]
    cited_paraphrase: list[str]
    seconds: float
    seconds_paraphrase: float
    # The ceiling the relevance ranking allows: the share of the relevant set among the top |relevant|
    # papers of the evidence stage's full ranking, i.e. recall if the count were chosen perfectly.
    r_precision: float = 0.0
    r_precision_paraphrase: float = 0.0


class ReportShape(BaseModel):
    catch_alls: int = 0  # sections titled 'Further work on X' / 'Work on X', of any size
    aside_papers: int = 0  # cited papers the overview names apart from the themes
    # Cited papers discussed under no named theme, only in the overview's aside (Open problems aside), and all
    # cited papers: a survey discusses each cited paper under a theme, so this share should be small.
    aside_only: int = 0
    cited_papers: int = 0
    cited_sentences: int = 0
    papers_cited: int = 0
    table_rows: int = 0
    anaphor_or_background: int = 0
    template_openers: int = 0
    context_openers: int = 0  # also counted in anaphor_or_background
    broken_lists: int = 0  # also counted in anaphor_or_background
    cells: int = 0
    cells_filled: int = 0
    truncated_cells: int = 0
    markup_hits: list[str] = Field(default_factory=list)
    # HTML entities in the rendered Markdown ('(&lt;10%)'): markup a reader of the report sees.
    entity_hits: list[str] = Field(default_factory=list)
    pointing_subjects: int = 0  # pronoun subjects after a leading phrase; also in anaphor_or_background
    connective_openers: int = 0  # 'For example, ...' without its antecedent; also in anaphor_or_background
    empty_announcements: int = 0  # 'They differ in ...' followed by fewer than two cited sentences
    titles: int = 0
    bad_titles: list[str] = Field(default_factory=list)
    all_titles: list[str] = Field(default_factory=list)
    flagged: list[str] = Field(default_factory=list)
    fit: FitShape = Field(default_factory=FitShape)  # misfit papers, open problems, table cells (survey_fit)
    table: TableShape = Field(default_factory=TableShape)  # row coverage, cells shown, grounding (survey_table)
    read: ReadShape = Field(default_factory=ReadShape)  # leads and first quotes as a reader meets them (survey_read)
    theme: ThemeFitShape = Field(default_factory=ThemeFitShape)  # themed papers that do not fit (theme_fit)


class SurveyEvalResult(BaseModel):
    topics: list[TopicScore]
    shape: ReportShape
    recall: float
    recall_paraphrase: float
    precision: float
    jaccard: float
    r_precision: float = 0.0
    r_precision_paraphrase: float = 0.0
    anaphor_or_background_share: float
    table_fill: float
    max_seconds: float
    row_coverage: float = 0.0  # cited papers with a printed table row / cited papers


def load_dev(path: Path = DEV_SET) -> list[DevTopic]:
    return [DevTopic.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def broken_list(text: str) -> bool:
    """A quote that carries part of an enumeration which continues outside it."""
    items = {m.group(1) for m in _ITEM.finditer(text)}
    if items:
        return not ({"1", "2"} <= items or {"i", "ii"} <= items or {"a", "b"} <= items)
    return bool(_FIRST_ONLY.search(text)) and not re.search(r"\bsecond(?:ly)?\b|\bthen\b|\bfinally\b", text, re.I)


def _source(text: str, keys: list[str], abstracts: dict[str, str]) -> tuple[str, int, list[str]] | None:
    """The abstract sentence a quote comes from: (key, index, the abstract's sentences), or None."""
    words = set(normalize(text).split())
    best: tuple[float, str, int, list[str]] | None = None
    for key in keys:
        sentences = split_sentences(abstracts.get(key, ""))
        for i, s in enumerate(sentences):
            sw = set(normalize(s).split())
            overlap = len(words & sw) / max(1, len(sw))
            if best is None or overlap > best[0]:
                best = (overlap, key, i, sentences)
    if best is None or best[0] < 0.6:
        return None
    return best[1], best[2], best[3]


def _source_role(text: str, keys: list[str], abstracts: dict[str, str]) -> tuple[bool, str]:
    """Whether the quoted sentence is, in its abstract, background or a report of others' work."""
    found = _source(text, keys, abstracts)
    if found is None:
        return False, ""
    _, i, sentences = found
    role = sentence_roles(sentences)[i]
    return role == Role.BACKGROUND or reports_other_work(sentences[i]), sentences[i]


def _has_antecedent(prev: object, text: str, keys: list[str], abstracts: dict[str, str]) -> bool:
    """The quote before this one is from the same paper, and, when the abstract's own sentence opens with the
    pointer ('These insights ...', '..., they match ...'), it is the abstract sentence right before it (the one
    the pointer refers to). A 'They'/'Their' the writer put for the abstract's 'We'/'Our' refers to the
    authors, whom the previous quote of the same paper names."""
    prev_keys = list(getattr(prev, "keys", []) or [])
    if not set(prev_keys) & set(keys):
        return False
    here, there = _source(text, keys, abstracts), _source(getattr(prev, "text", ""), prev_keys, abstracts)
    if here is None or there is None:
        return True  # a rewritten quote the matcher cannot place: trust the shared paper
    original = here[2][here[1]]
    if re.search(r"\b(?:we|our)\b", original, re.IGNORECASE) and re.match(r"(?:[^.;]{0,200}?,\s+)?(?:they|their)\b",
                                                                       text, re.IGNORECASE):
        return True  # the writer's 'They'/'Their' for the abstract's 'We'/'Our' ('To address this, we propose')
    if not (_ANAPHOR.match(original) or _CONNECTIVE.match(original) or _CONTEXT_OPENER.match(original) or pointing_subject(original)):
        return True
    return here[0] == there[0] and there[1] == here[1] - 1


def report_shape(report: object, abstracts: dict[str, str], shape: ReportShape) -> None:
    """Add one report's sentence, table, markup and title statistics to `shape`."""
    from reviewer.survey.sections import ASIDE, OPEN_PROBLEMS
    from reviewer.survey.types import SurveyReport

    assert isinstance(report, SurveyReport)
    themes = [s for s in report.sections if s.title not in (OPEN_PROBLEMS, ASIDE)]
    themed = {k for s in themes for k in s.cited_keys}
    shape.aside_only += len({k for s in report.sections if s.title == ASIDE for k in s.cited_keys} - themed)
    shape.cited_papers += len(report.bibliography)
    for section in report.sections:
        if section.title == ASIDE:  # no theme: papers the overview names apart from the themes
            shape.aside_papers += len(section.cited_keys)
        shape.titles += section.title != ASIDE
        shape.all_titles.append(f"{section.title} [{len(section.cited_keys)}]")
        problem = None if section.title in (OPEN_PROBLEMS, ASIDE) else title_problem(
            section.title, report.topic, len(section.cited_keys), only_theme=len(themes) == 1)
        shape.catch_alls += bool(_CATCH_ALL.search(section.title))
        if problem:
            shape.bad_titles.append(f"{section.title} ({problem})")
        texts = [section.title, section.scope]
        for p in section.paragraphs:
            for n, s in enumerate(p.sentences):
                if not s.keys and _ANNOUNCE.match(s.text):
                    shape.empty_announcements += sum(1 for x in p.sentences[n + 1:] if x.keys) < 2
                texts.append(s.text)
                if _TEMPLATE_OPENERS.match(s.text):
                    shape.template_openers += 1
                if not s.keys:
                    continue
                shape.cited_sentences += 1
                background, _ = _source_role(s.text, s.keys, abstracts)
                # An anaphor is resolved when the sentence before it quotes the sentence before it in the
                # same abstract (its antecedent).
                antecedent = n > 0 and _has_antecedent(p.sentences[n - 1], s.text, s.keys, abstracts)
                context = bool(_CONTEXT_OPENER.match(s.text)) and not antecedent
                listed = broken_list(s.text)
                pointing = pointing_subject(s.text) and not antecedent and not _ANAPHOR.match(s.text)
                shape.context_openers += context
                shape.broken_lists += listed
                shape.pointing_subjects += pointing
                connective = bool(_CONNECTIVE.match(s.text)) and not antecedent
                shape.connective_openers += connective
                if (_ANAPHOR.match(s.text) and not antecedent) or background or context or listed or pointing \
                        or connective:
                    shape.anaphor_or_background += 1
                    shape.flagged.append(s.text[:160])
        for text in texts:
            shape.markup_hits += [m.group(0) for m in _MARKUP.finditer(text)]
    from reviewer.survey.report import MIN_TABLE_FIELDS

    read_report(report, shape.read, abstracts)
    add_theme_fit(report, shape.theme)
    add_sections(report, shape.fit, lambda text, keys: _source(text, keys, abstracts))
    add_table(report, shape.fit, MIN_TABLE_FIELDS)
    add_table_cells(report, _corpus()[0], MIN_TABLE_FIELDS, shape.table)
    shape.papers_cited += len(report.table)
    for row in report.table:
        if row.facts() < MIN_TABLE_FIELDS:
            continue  # listed under the table, not printed as a row
        shape.table_rows += 1
        cells = row.cells()
        shape.truncated_cells += sum(1 for c in cells if c.rstrip().endswith(("…", "...")))
        shape.markup_hits += [m.group(0) for c in cells for m in _MARKUP.finditer(c)]
    for b in report.bibliography:
        shape.markup_hits += [m.group(0) for m in _MARKUP.finditer(b.title)]
    from reviewer.survey.report import render_markdown

    markdown = render_markdown(report)
    shape.entity_hits += rendered_entities(markdown)
    cells, filled = rendered_cells(markdown)  # every cell of every table printed, whatever its columns
    shape.cells += cells
    shape.cells_filled += filled


def run_survey_eval(settings: Settings, limit: int | None = None, path: Path = DEV_SET) -> SurveyEvalResult:
    from reviewer.catalog import Catalog
    from reviewer.ingest.pipeline import ensure_ready
    from reviewer.services import open_retriever
    from reviewer.survey.run import run_survey

    ensure_ready(settings)
    with Catalog(settings.catalog_path) as catalog:
        abstracts = {p.key: p.abstract for p in catalog.iter_papers()}
    retriever = open_retriever(settings, quiet=True)
    offline = settings.model_copy(update={"llm_offline": True})
    topics, shape = [], ReportShape()
    with tempfile.TemporaryDirectory(prefix="survey-eval-") as tmp:
        for dev in load_dev(path)[:limit]:
            cited, seconds, ranked = [], [], []
            for text in (dev.topic, dev.paraphrase):
                started = time.monotonic()
                result = run_survey(text, offline, offline=True, fresh=True, quiet=True, retriever=retriever,
                                    runs_dir=Path(tmp))
                seconds.append(round(time.monotonic() - started, 2))
                cited.append({b.key for b in result.report.bibliography})
                ranked.append(_ranking(result.run_dir))
                report_shape(result.report, abstracts, shape)
            rel = set(dev.relevant)
            a, b = cited
            topics.append(TopicScore(
                topic=dev.topic, recall=len(a & rel) / len(rel), recall_paraphrase=len(b & rel) / len(rel),
                precision=len(a & rel) / max(1, len(a)), precision_paraphrase=len(b & rel) / max(1, len(b)),
                jaccard=len(a & b) / max(1, len(a | b)), cited=sorted(a), cited_paraphrase=sorted(b),
                seconds=seconds[0], seconds_paraphrase=seconds[1],
                r_precision=len(set(ranked[0][: len(rel)]) & rel) / len(rel),
                r_precision_paraphrase=len(set(ranked[1][: len(rel)]) & rel) / len(rel),
            ))
    n = len(topics)
    return SurveyEvalResult(
        topics=topics, shape=shape,
        recall=round(sum(t.recall for t in topics) / n, 3),
        recall_paraphrase=round(sum(t.recall_paraphrase for t in topics) / n, 3),
        precision=round(sum(t.precision + t.precision_paraphrase for t in topics) / (2 * n), 3),
        jaccard=round(sum(t.jaccard for t in topics) / n, 3),
        r_precision=round(sum(t.r_precision for t in topics) / n, 3),
        r_precision_paraphrase=round(sum(t.r_precision_paraphrase for t in topics) / n, 3),
        anaphor_or_background_share=round(shape.anaphor_or_background / max(1, shape.cited_sentences), 4),
        table_fill=round(shape.cells_filled / max(1, shape.cells), 3),
        max_seconds=max(max(t.seconds, t.seconds_paraphrase) for t in topics),
        row_coverage=round(shape.table_rows / max(1, shape.papers_cited), 3),
    )


def _ranking(run_dir: Path) -> list[str]:
    """Every pooled paper, best first, as the offline evidence stage ranked it (surveyed, then left out:
    both lists are in rank order and every surveyed paper ranks above every left-out one)."""
    from reviewer.survey.types import EvidenceResult

    ev = EvidenceResult.model_validate_json((run_dir / "evidence.json").read_text(encoding="utf-8"))
    return [e.key for e in ev.papers] + [w.key for w in ev.weak]


def format_result(result: SurveyEvalResult) -> str:
    lines = [f"{'topic':<58} {'R':>5} {'R(par)':>6} {'P':>5} {'P(par)':>6} {'Jacc':>5} {'s':>5}"]
    for t in result.topics:
        lines.append(f"{t.topic[:58]:<58} {t.recall:>5.2f} {t.recall_paraphrase:>6.2f} {t.precision:>5.2f} "
                     f"{t.precision_paraphrase:>6.2f} {t.jaccard:>5.2f} {max(t.seconds, t.seconds_paraphrase):>5.1f}")
    s = result.shape
    lines += [
        f"mean recall {result.recall:.3f} (paraphrase {result.recall_paraphrase:.3f}), precision "
        f"{result.precision:.3f}, Jaccard {result.jaccard:.3f}",
        f"ranking ceiling (relevant share of the top |relevant| ranked papers): topic {result.r_precision:.3f}, "
        f"paraphrase {result.r_precision_paraphrase:.3f}",
        f"cited sentences {s.cited_sentences}: anaphor/background {s.anaphor_or_background} "
        f"({result.anaphor_or_background_share:.1%}; of which context-dependent openers {s.context_openers}, "
        f"partial lists {s.broken_lists}, pronoun subjects after a leading phrase {s.pointing_subjects}, "
        f"connectives without their antecedent {s.connective_openers}); "
        f"template openers {s.template_openers}; announced contrasts carried out by fewer than two cited sentences "
        f"{s.empty_announcements}",
        f"table rows {s.table_rows} for {s.papers_cited} cited papers; cells {s.cells}: filled "
        f"{result.table_fill:.1%}, truncated {s.truncated_cells}; "
        f"markup left {len(s.markup_hits)} {sorted(set(s.markup_hits))[:8]}; HTML entities in the rendered "
        f"Markdown {len(s.entity_hits)} {sorted(set(s.entity_hits))[:8]}",
        f"theme titles {s.titles}: failing {len(s.bad_titles)} {s.bad_titles[:12]}; catch-all titles of any size "
        f"{s.catch_alls}; papers cited apart from the themes {s.aside_papers}; cited only in the overview aside "
        f"{s.aside_only} of {s.cited_papers} ({s.aside_only / max(1, s.cited_papers):.1%})",
        fit_summary(s.fit),
        table_summary(s.table),
        read_summary(s.read),
        theme_fit_summary(s.theme),
        f"slowest survey {result.max_seconds:.1f} s",
    ]
    return "\n".join(lines)


def dumps(result: SurveyEvalResult) -> str:
    return json.dumps(result.model_dump(), indent=2)
