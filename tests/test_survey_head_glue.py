"""A theme title glued to the survey's head ('Outcome reward in PRMs') only over papers about that head (branch h31).

The fit test passes over the topic's words, so a selected paper that is only near the topic (SophiaVL-R1's 'thinking
reward model' in a survey of process reward models) sat under '<label> in PRMs'. headglue.unglue keeps the head only
when every paper of the section is about it; else the label alone names the section, or, for a technique family too
generic to stand alone, 'Reinforcement learning methods'. The eval's count (evals/theme_fit.py) finds a paper under a
glued head that its text never uses. All on real seed abstracts.
"""

from __future__ import annotations

from reviewer.models import Paper
from reviewer.survey.catchall import rescope
from reviewer.survey.headglue import about_head, split_glued, unglue
from reviewer.survey.types import Acronym, Section

PRM = [Acronym(phrase="process reward models", short="PRM")]


def _titles(sections: list[Section], papers: dict[str, Paper], head: str = "PRMs") -> list[str]:
    unglue(sections, papers, head, PRM, rescope)
    return [s.title for s in sections]


def test_a_glued_head_goes_when_a_paper_is_not_about_it(seed_papers: dict[str, Paper]) -> None:
    """Implicit PRM is a PRM paper; SophiaVL-R1 trains a 'thinking reward model', never a PRM: the section is
    'Outcome reward', and its scope line says so. Two PRM papers keep 'Outcome reward in PRMs'."""
    assert about_head("PRMs", seed_papers["freeprocess"], PRM)
    assert not about_head("PRMs", seed_papers["sophiavlreinforcing"], PRM)
    mixed = Section(title="Outcome reward in PRMs", scope="Two papers on outcome reward in PRMs.",
                    keys=["freeprocess", "sophiavlreinforcing"])
    both = Section(title="Outcome reward in PRMs", scope="", keys=["freeprocess", "mmprm"])
    assert _titles([mixed], seed_papers) == ["Outcome reward"]
    assert mixed.scope.startswith("Two papers on outcome reward.") or "in PRMs" not in mixed.scope, mixed.scope
    assert _titles([both], seed_papers) == ["Outcome reward in PRMs"]


def test_the_head_first_form_and_a_generic_family(seed_papers: dict[str, Paper]) -> None:
    """'PRMs for mathematical reasoning' over a paper that is no PRM paper is 'Mathematical reasoning'; 'Reinforcement
    learning' cannot stand alone, so its section is 'Reinforcement learning methods'; a label that is no noun phrase
    of its own ('Chain-of-Thought') keeps the head."""
    assert not about_head("PRMs", seed_papers["rmreward"], PRM)
    sections = [Section(title="PRMs for mathematical reasoning", scope="", keys=["mmprm", "sophiavlreinforcing"]),
                Section(title="Reinforcement learning for PRMs", scope="", keys=["rewardingprogress", "rmreward"]),
                Section(title="Chain-of-Thought and PRMs", scope="", keys=["zoureasonflux", "rmreward"])]
    assert _titles(sections, seed_papers) == ["Mathematical reasoning", "Reinforcement learning methods",
                                              "Chain-of-Thought and PRMs"]


def test_split_glued_reads_only_the_head_glued_on() -> None:
    assert split_glued("Outcome reward in PRMs", "PRMs") == "Outcome reward"
    assert split_glued("PRMs for long CoT", "PRMs") == "long CoT"
    assert split_glued("Empirical studies of PRMs", "PRMs") == ""  # a kind title names a kind, not a label
    assert split_glued("Reinforcement learning from human feedback", "human feedback") == ""  # one name
    assert split_glued("Process supervision", "PRMs") == ""


def test_the_eval_counts_papers_under_a_glued_head_they_never_use(seed_papers: dict[str, Paper]) -> None:
    from evals.theme_fit import Corpus, glued_head, uses_head

    topic = "process reward models for LLM reasoning"
    corpus = Corpus({k: (p.title, p.abstract) for k, p in seed_papers.items()})
    assert glued_head("Outcome reward in PRMs", topic) == "PRMs"
    assert glued_head("Empirical studies of PRMs", topic) == ""  # a kind title
    assert glued_head("Process reward models", topic) == ""  # the topic's words alone
    sophia, implicit = seed_papers["sophiavlreinforcing"], seed_papers["freeprocess"]
    assert not uses_head("PRMs", f"{sophia.title}. {sophia.abstract}", corpus)
    assert uses_head("PRMs", f"{implicit.title}. {implicit.abstract}", corpus)
    flux = seed_papers["zoureasonflux"]
    assert uses_head("process reward models", f"{flux.title}. {flux.abstract}", corpus)  # as 'PRMs'
