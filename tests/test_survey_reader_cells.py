"""What a researcher reads in the table and the theme titles, on real seed text: a Method cell is a name the paper
gives its method (never a description), a Task cell is a phrase with a head noun that tells papers apart (no
reflexive fragment, not only generic words, not the survey's topic restated), and the topic head a theme title
is built on ends on a noun (no goal adjective, no modifier cut from the head it shares)."""

from __future__ import annotations

from collections.abc import Callable

from reviewer.models import Paper
from reviewer.survey.cellfit import for_topic, restates_topic
from reviewer.survey.names import descriptive_method, title_head_name
from reviewer.survey.outline import topic_head
from reviewer.survey.ownname import defined_name
from reviewer.survey.table import contribution_phrase, method_name, offline_row, our_method_phrase
from reviewer.survey.tasks import generic_task
from reviewer.survey.types import TableRow


def test_a_method_cell_is_never_a_description(seed_papers: dict[str, Paper], table_row: Callable[..., TableRow]) -> None:
    """A paper that names no method ('we propose a theoretically bounded metric to ...') has a blank Method cell:
    a description tells a reader scanning the column nothing a name would."""
    blank = 0
    for p in seed_papers.values():
        if method_name(p) or defined_name(p) or our_method_phrase(p) or title_head_name(p.title, p.abstract):
            continue
        phrase = descriptive_method(contribution_phrase(p))
        if phrase and phrase.islower() and len(phrase.split()) > 1:  # lower-case words only: a description
            blank += 1
            assert table_row(p).method.text == "", (p.key, table_row(p).method.text)
    assert blank >= 10, blank


def test_a_contribution_phrase_that_is_a_name_fills_the_cell(seed_papers: dict[str, Paper], table_row: Callable[..., TableRow]) -> None:
    """'we propose Markovian Thinking', 'we introduce Search Arena', '... via Self-Certainty': the contribution's
    phrase is a name (Title Case mid-sentence, a coined token, or the title's one-word means) and stays."""
    kept = {table_row(p).method.text for p in seed_papers.values()
            if not (method_name(p) or defined_name(p) or our_method_phrase(p))
            and descriptive_method(contribution_phrase(p))}
    assert {"Markovian Thinking", "Search Arena", "self-certainty", "Kwai Keye-VL"} <= kept, kept


def test_named_methods_keep_their_cell(seed_papers: dict[str, Paper], table_row: Callable[..., TableRow]) -> None:
    """The names stay: a paper whose abstract or title gives its method a name has it in the cell."""
    named = [p for p in seed_papers.values() if method_name(p)]
    assert len(named) >= 100
    assert all(table_row(p).method.text == method_name(p) for p in named)


def test_no_task_cell_is_a_reflexive_fragment_or_only_generic_words(seed_papers: dict[str, Paper], table_row: Callable[..., TableRow]) -> None:
    """'We revisit the environment itself' gives no task 'environment itself'; 'Chain-of-Thought reasoning' or 'LLM
    reasoning' is true of every paper of a reasoning survey, so the next source of the task is read instead."""
    tasks = {p.key: table_row(p).task.text for p in seed_papers.values()}
    assert not [t for t in tasks.values() if "itself" in t.lower().split() or "themselves" in t.lower().split()]
    assert not [(k, t) for k, t in tasks.items() if t and generic_task(t)]
    # ... and a paper whose first task phrase was generic gets its next one, not a blank.
    ctrls = next(p for p in seed_papers.values() if p.title.startswith("CTRLS"))
    assert tasks[ctrls.key] and not generic_task(tasks[ctrls.key]), tasks[ctrls.key]


def test_a_task_that_restates_the_topic_is_blank_in_that_survey_only(seed_papers: dict[str, Paper]) -> None:
    """'Language model uncertainty quantification' tells nothing in a survey of uncertainty quantification for LLMs,
    but does tell papers apart in a survey of reward models."""
    paper = next(p for p in seed_papers.values() if p.title.startswith("Language Model Uncertainty Quantification"))
    row = offline_row(paper)
    assert row.task.text, "the paper's own row has a task"
    topic = "uncertainty quantification for large language models"
    assert restates_topic(row.task.text, topic)
    assert for_topic(row, topic).task.text == ""
    assert for_topic(row, "process reward models for LLM reasoning").task.text == row.task.text
    assert for_topic(row, topic).method.text == row.method.text  # only the task cell is judged


def test_a_topic_head_ends_on_its_noun() -> None:
    """The goal adjective a topic puts after its object ('making X cheaper', 'keeping X stable') is no part of the
    subject a theme title is glued to; a modifier coordinated with another before one noun keeps that noun."""
    assert topic_head("making multimodal reasoning cheaper", []) == "multimodal reasoning"
    assert topic_head("making tree search faster", []) == "tree search"
    assert topic_head("rendering reward modeling more robust", []) == "reward modeling"
    assert topic_head("deep and wide search over reasoning trees", []) == "deep and wide search"
    assert topic_head("efficient and robust reward models", []) == "efficient and robust reward models"
    assert topic_head("cooperation between large and small agents for planning", []) == "large and small agents"
    assert topic_head("deep and wide search over reasoning trees", []) == "deep and wide search"
    assert topic_head("reward design and reward learning for agents", []) == "reward design"  # a noun stays whole
    # Two nouns joined ('compute and wall-clock time'): the first was no modifier, nothing is glued to it.
    from reviewer.survey.headclean import shared_head

    assert shared_head("compute", "training made cheaper in compute and wall-clock time") == "compute"
    # Unchanged where the head was already a noun phrase.
    assert topic_head("process reward models for LLM reasoning", []) == "process reward models"
    assert topic_head("test-time compute scaling", []) == "test-time compute scaling"


def test_a_one_section_title_drops_a_closing_adverb() -> None:
    """'LLMs portraying fictional characters faithfully' titles its one section without the clause's adverb; an
    adverb after a verb ('agents that act safely') is kept, since the verb alone would dangle."""
    from reviewer.survey.onetitle import single_title

    assert single_title("LLMs portraying fictional characters faithfully", "") == "LLMs portraying fictional characters"
    assert single_title("agents that act safely", "") == "Agents that act safely"
    assert single_title("moral reasoning and value judgments of language models", "") == \
        "Moral reasoning and value judgments of language models"


def test_a_kind_title_never_ends_inside_a_from_to_range() -> None:
    """A long topic cut to five words for 'Empirical studies of X' may cut 'from short to long' in two; the title is
    cut again before the dangling phrase rather than ending on its adjective."""
    from reviewer.survey.kinds import kind_title

    topic = "sorting training examples from short to long for curriculum learning"
    assert kind_title("study", topic_head(topic, []), topic) == "Empirical studies of sorting training examples"
    assert kind_title("study", "", "tool use by language model agents") == "Empirical studies of tool use"
