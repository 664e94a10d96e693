"""What a reader sees in a survey, on real seed text: theme titles that say what separates a section, quotes
that do not open with a connective pointing at an unquoted sentence, open problems that are limits (not
capabilities), and table cells that name a task and keep the paper's own method out of the benchmark column."""

from __future__ import annotations

import re
from collections.abc import Callable

from evals.survey_fit import own_method_names, task_names_nothing
from evals.title_judge import title_problem
from reviewer.models import Paper
from reviewer.survey.families import family_title
from reviewer.survey.fit import fits
from reviewer.survey.kinds import contribution_kind
from reviewer.survey.prose import third_person
from reviewer.survey.synthesis import names_open_problem, open_problem_quotes
from reviewer.survey.table import offline_row
from reviewer.survey.tasks import task_of
from reviewer.survey.themes import theme_title
from reviewer.survey.types import PaperEvidence, TableRow
from reviewer.textutil import split_sentences

# Survey heads written for the test: techniques and tasks, none of them a phenomenon.
_HEADS = ["test-time compute scaling", "chain-of-thought monitoring", "preference data collection"]


def _title_runs(seed_papers: dict[str, Paper]) -> list[str]:
    """Two-word runs of the seed titles' parts ('Policy Optimization', 'Reward Modeling'), as theme labels."""
    runs = set()
    for p in seed_papers.values():
        for part in re.split(r"[:?,]", p.title):
            words = re.findall(r"[A-Za-z][\w-]*", part)
            runs.update(" ".join(words[i:i + 2]) for i in range(len(words) - 1)
                        if not {w.lower() for w in words[i:i + 2]} & {"and", "of", "for", "in", "with", "to", "via",
                                                                         "the", "a", "on", "from", "by", "are", "is"})
    return sorted(runs)


_TECHNIQUE = re.compile(r"(?i)(?:learning|optimi[sz]ation|search|supervision|prompting|training|distillation|tuning|"
                        r"decoding|sampling|verification)$")


def test_theme_titles_never_glue_the_survey_head_on_with_and(seed_papers: dict[str, Paper]) -> None:
    """Every section of a survey is about its head, so '<label> and <head>' says nothing of what separates one:
    across the technique labels the seed titles give ('Policy Optimization') and heads that are not phenomena, no
    title ends in 'and <head>'; a label naming a kind of paper ('Empirical analysis') names the kind instead."""
    seen = 0
    for head in _HEADS:
        for raw in _title_runs(seed_papers):
            if not _TECHNIQUE.search(raw):
                continue
            title = theme_title(raw, head, [])
            seen += 1
            assert not title.lower().endswith(f" and {head.lower()}"), (raw, head, title)
        assert theme_title("Empirical analysis", head, []) == f"Empirical studies of {head}"
    assert seen > 100, seen


def test_family_titles_serve_the_head_or_place_a_phenomenon_in_the_technique() -> None:
    """A technique family is 'for' a head and a phenomenon arises 'in' it; neither glues the head on with 'and'."""
    assert family_title("Reinforcement learning", "test-time compute scaling") == \
        "Reinforcement learning for test-time compute scaling"
    assert family_title("Reinforcement learning", "reward hacking") == "Reward hacking in reinforcement learning"
    assert family_title("Reinforcement learning", "PRMs") == "Reinforcement learning for PRMs"  # a thing, not a method
    assert family_title("Reinforcement learning", "AI feedback") == "Reinforcement learning from AI feedback"


def test_the_title_judge_flags_a_label_glued_to_the_topic() -> None:
    """The eval's judge sees the glue the writer no longer makes, and still accepts a shared head ('mathematical
    and logical reasoning') and a relation ('... for ...')."""
    topic = "test-time compute scaling for reasoning"
    assert title_problem("Empirical analysis and test-time compute scaling", topic, 2)
    assert title_problem("Policy optimization for test-time compute scaling", topic, 3) is None
    assert title_problem("Mathematical and logical reasoning", "logical reasoning in language models", 3) is None


def test_a_title_naming_a_kind_of_paper_fits_only_papers_of_that_kind(seed_papers: dict[str, Paper]) -> None:
    """Method papers whose abstracts mention an 'empirical analysis' in passing do not fit a section titled
    'Empirical analysis ...'; studies that use the phrase still do."""
    title = "Empirical analysis of reasoning models"
    using = [p for p in seed_papers.values() if re.search(r"empirical analys[ie]s", p.abstract, re.IGNORECASE)
             and re.search(r"reasoning models?", p.abstract, re.IGNORECASE)]
    methods = [p for p in using if contribution_kind(p.title, p.abstract) == "method"]
    studies = [p for p in using if contribution_kind(p.title, p.abstract) == "study"]
    assert methods, "the seeds hold method papers that mention an empirical analysis"
    for p in methods:
        assert not fits(title, p, set()), p.key
        assert not fits("Empirical studies of reasoning models", p, set()), p.key  # the kind title too
    for p in studies:
        assert fits(title, p, set()), p.key


def test_quotes_drop_an_exemplifying_connective_whose_claim_is_not_quoted(seed_papers: dict[str, Paper]) -> None:
    """'For example, a 1B LLM can exceed ...' quoted alone exemplifies nothing the reader has seen: every seed
    sentence opening 'For example,' or 'For instance,' is quoted without it."""
    seen = 0
    for p in seed_papers.values():
        for s in split_sentences(p.abstract):
            if re.match(r"For (?:example|instance),", s):
                seen += 1
                quoted = third_person(s, p, name_first=False)
                assert not re.match(r"(?i)for (?:example|instance)\b", quoted), (p.key, quoted)
    assert seen >= 5, seen


def test_a_capability_is_not_an_open_problem(seed_papers: dict[str, Paper]) -> None:
    """A trade-off the method lets its user make is what it offers, not what it leaves open; a limit the authors
    state stays one. Both sentences are the seeds' own."""
    capability = next(s for s in split_sentences(seed_papers["genarmreward"].abstract) if "trade-offs" in s)
    limit = next(s for s in split_sentences(seed_papers["inferencetime"].abstract) if "challenges" in s)
    assert not names_open_problem(capability), capability
    assert names_open_problem(limit), limit
    ev = PaperEvidence(paper_id=seed_papers["genarmreward"].id, key="genarmreward", relevance=1.0,
                       row=offline_row(seed_papers["genarmreward"]))
    assert all("trade-offs" not in q.text for q in open_problem_quotes([ev], seed_papers))


def test_task_cells_name_a_task_and_rarely_repeat_the_title(seed_papers: dict[str, Paper], table_row: Callable[..., TableRow]) -> None:
    """Across all seed papers, no Task cell is headed by the models worked on or by an outcome ('Large Reasoning
    Models', 'Amplified benefits'); at most 28% repeat the title or subtitle (31% before the title's
    'what' without its 'how' was tried), and most papers still have a Task cell (seven in ten: a paper whose
    abstract states no task gets a blank cell, not its title; tests/test_survey_task_source.py)."""
    filled = repeats = 0
    for p in seed_papers.values():
        row = table_row(p)
        task = task_of(p, row.method.text)
        cell = row.task.text
        filled += bool(cell)
        subtitle = p.title.split(":", 1)[1].strip() if ":" in p.title else p.title
        repeats += cell.strip().lower() in {p.title.lower(), subtitle.lower()}
        assert not (cell and cell.strip().lower() not in {p.title.lower(), subtitle.lower()}
                    and task_names_nothing(cell)), (p.key, cell, task)
    assert repeats <= 0.28 * len(seed_papers), repeats  # 92 of 343 (26.8%) with the rule, 106 without
    assert filled >= 0.7 * len(seed_papers), filled


def test_the_papers_own_method_named_in_apposition_stays_out_of_the_benchmark_column(
        seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str]) -> None:
    """'we propose a simple yet efficient pipeline, ThoughtMani, to ...': the name is the method, and though the
    abstract then writes 'on the LiveBench/Code dataset, ThoughtMani keeps ...', it is no benchmark."""

    gazetteer = seed_gazetteer
    row = offline_row(seed_papers["thoughtmanipulation"], gazetteer)
    assert row.method.text == "ThoughtMani"
    assert "ThoughtMani" not in row.benchmarks.text
    # 'our method DIV-SE', 'we call this IDIV-SE': names the paper gives its own methods are no benchmarks either.
    assert not {"DIV-SE", "IDIV-SE"} & set(offline_row(seed_papers["diversity2023thought"], gazetteer).benchmarks.text.split(", "))
    # ... and the eval counts a benchmark cell that holds it, but not a dataset paper listing its own dataset.
    assert own_method_names("ThoughtMani, LiveBench", "", seed_papers["thoughtmanipulation"].abstract) == ["ThoughtMani"]
    assert own_method_names("HelpSteer2", "HelpSteer2", seed_papers["helpsteer2open"].abstract) == []


def test_a_contrast_announcement_goes_when_its_contrasts_were_dropped(seed_papers: dict[str, Paper]) -> None:
    """'They differ in ...' stands before two checked sentences that carry it out; when the checker dropped all
    but one, it exemplifies nothing and goes too."""
    from reviewer.survey.orphans import drop_empty_announcements
    from reviewer.survey.types import SentenceCheck

    quotes = [(k, split_sentences(seed_papers[k].abstract)[-1]) for k in ("genarmreward", "sampledon")]

    def row(kept: int) -> list[SentenceCheck]:
        out = [SentenceCheck(text="They differ in the problem each one targets.", action="framing")]
        for n, (k, text) in enumerate(quotes):
            out.append(SentenceCheck(text=text, keys=[k], action="kept" if n < kept else "dropped"))
        return out

    one, two = row(1), row(2)
    drop_empty_announcements(one)
    drop_empty_announcements(two)
    assert one[0].action == "dropped"
    assert two[0].action == "framing"


def test_a_topic_naming_studies_has_their_subject_as_its_head() -> None:
    """'empirical analyses of chain-of-thought behaviour in reasoning models': the head is what was studied, so a
    kind section reads 'Empirical studies of chain-of-thought behaviour', never 'Empirical studies of empirical
    analyses of ...' or '... studies of studies of'."""
    from reviewer.survey.kinds import kind_title
    from reviewer.survey.outline import topic_head

    topic = "empirical analyses of chain-of-thought behaviour in reasoning models"
    assert topic_head(topic, []) == "chain-of-thought behaviour"
    assert kind_title("study", topic_head(topic, []), topic) == "Empirical studies of chain-of-thought behaviour"
    assert not topic_head("studies of how reward models fail", []).lower().startswith(("studies", "of"))
