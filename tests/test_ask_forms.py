"""Question forms on real seed text, asked in paraphrase (not the eval wording): a yes/no question leads with the
finding that settles it, a problem question with the problem, a two-part question answers its second part too,
boilerplate never leads, an attributing aside does not hide a definition, and "arises when" gives a cause.
"""

from __future__ import annotations

from pathlib import Path

from ask_helpers import first_cited
from reviewer.ask.define import definition_strength
from reviewer.ask.forms import asks_problem, asks_verdict, boilerplate, rejected_alternative, two_parts
from reviewer.ask.question import QType, analyse
from reviewer.citations import cited_sentences


def _lead(question: str) -> str:
    return first_cited(question)[0].text


def test_question_forms_are_recognised() -> None:
    assert asks_verdict("Is it true that weak teachers can train strong reasoners?")
    assert asks_verdict("Can safety be preserved by freezing a subspace?")
    assert asks_verdict("What evidence suggests that base models already know how to reason?")
    assert asks_verdict("What tendency do computer-use agents show on infeasible goals?")  # an observed behaviour
    assert not asks_verdict("What is soft thinking?") and not asks_verdict("How does COPO blend its losses?")
    assert asks_problem("Which issue is COPO designed to fix?") and asks_problem("What goes wrong in one-shot RL?")
    assert not asks_problem("What does COPO add to GRPO?")
    assert two_parts("Why is RL costly here, and what does CFT do instead?") == ("Why is RL costly here?",
                                                                                 "what does CFT do instead?")
    assert two_parts("What are the strengths and weaknesses of DPO?") is None
    assert two_parts("How do LLMs learn what to say and what not to say?") is None  # the second half asks nothing


def test_a_yes_no_question_leads_with_the_finding_not_the_aim(seeded_home: Path) -> None:
    lead = _lead("Could a far weaker model supervise a stronger one into reasoning better?")
    assert "weaker reasoners can substantially improve" in lead


def test_a_yes_no_question_does_not_lead_with_the_view_it_doubts(seeded_home: Path) -> None:
    lead = _lead("Can safety behaviour be confined to a separate part of weight space?")
    assert "growing body of work" not in lead and "no evidence of a subspace" in lead


def test_a_link_never_leads(seeded_home: Path) -> None:
    assert not boilerplate(_lead("What is COPO?"))


def test_a_problem_question_leads_with_the_problem_not_a_link(seeded_home: Path) -> None:
    lead = _lead("Which issue is COPO designed to fix?")
    assert "degenerates to zero" in lead and not boilerplate(lead)
    assert boilerplate("Code of this work has been released at https://github.com/hijih/copo-code.git.")
    assert not boilerplate("We release a benchmark of 90 tasks built on OSWorld.")


def test_a_problem_named_in_a_two_part_question_leads(seeded_home: Path) -> None:
    cited, answer = first_cited("What difficulty do RL-trained retrieval-augmented models run into, and how does "
                                "REX-RAG get past it?")
    assert "dead ends" in cited.text


def test_the_second_part_of_a_two_part_question_is_answered(seeded_home: Path) -> None:
    _, answer = first_cited("Why train on critiques of one problem instead of running RL, and how much less compute "
                            "does it need?")
    # The answer to the second question is the first point after the lead.
    assert "20x less compute" in [c for c in cited_sentences(answer.answer) if c.keys][1].text


def test_an_attributing_aside_does_not_hide_a_definition() -> None:
    sentence = "Bullshit, as conceptualized by philosopher Harry Frankfurt, refers to statements made without regard " \
               "to their truth value."
    assert definition_strength(sentence, "bullshit") == 2
    q = analyse("What does it mean to say that a model bullshits?")
    assert q.qtype == QType.DEFINITION and q.subject == "bullshit"
    assert analyse("What does DPO mean?").subject == "DPO"


def test_arises_when_states_a_cause(seeded_home: Path) -> None:
    assert "arises when" in _lead("Why do LLM agents that keep evolving after deployment lose their alignment?")


def test_a_name_only_the_title_gives_is_what_the_abstract_is_about(seeded_home: Path) -> None:
    """The COPO abstract never says "COPO" (only its title and a link do): its sentences are still about COPO."""
    cited, answer = first_cited("What problem does COPO solve?")
    assert answer.question_type == QType.NAMED.value and "degenerates to zero" in cited.text


def test_an_evidence_question_leads_with_the_result_not_the_method(seeded_home: Path) -> None:
    lead = _lead("What results indicate that base models already hold the reasoning skills thinking models use?")
    assert "91% of the performance gap" in lead


def test_proves_inadequate_is_a_finding(seeded_home: Path) -> None:
    assert "proves inadequate" in _lead("Is it enough to simply reward safe reasoning traces?")


def test_the_problem_stated_before_the_name_is_about_the_named_method(seeded_home: Path) -> None:
    """The AgentAlign abstract states the problem (agents' susceptibility, a safety deficiency) before naming it."""
    lead = _lead("What problem does AgentAlign solve?")
    assert "susceptibility to malicious use" in lead or "deficiency in agentic use safety" in lead


def test_compared_with_asks_the_question_after_the_comma(seeded_home: Path) -> None:
    """"Compared with GRPO, ..." must not pull the lead towards sentences naming GRPO (results against it)."""
    cited, answer = first_cited("Compared with GRPO, how does XRPO make more of rare correct answers?")
    assert "amplify low-probability yet correct responses" in cited.text
    assert answer.question_type == QType.MECHANISM.value


def test_why_x_rather_than_y_is_answered_by_what_is_wrong_with_y(seeded_home: Path) -> None:
    """The CFT abstract's short "However, RL is not only expensive but also unstable." ranks far down on relevance."""
    assert "not only expensive but also unstable" in _lead("Why train on critiques of one problem rather than use "
                                                           "reinforcement learning?")
    assert rejected_alternative("Why does GRPO sharpen the distribution rather than solve new problems?") == ""


def test_experiments_that_demonstrate_are_a_finding(seeded_home: Path) -> None:
    assert "accelerating training convergence" in _lead("Does XRPO converge faster than GRPO?")
