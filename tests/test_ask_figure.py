"""Follow-up 22: a question asking for a figure ("how many", "by how much", "what score") whose lead states none opens
with a close candidate that states one; real seed sentences at the scores the ranker gave them."""

from __future__ import annotations

from reviewer.ask.figure import asks_figure, figure_first, states_figure
from seed_text import scored

CHAMP_Q = "What score does the strongest model reach, without extra help, on the hint-annotated olympiad-style maths problems?"


def test_a_figure_question_led_by_a_description_opens_with_the_close_sentence_stating_the_figure() -> None:
    # CHAMP: the sentence describing the benchmark matches the question's description of it; the answer is 58.1%.
    described = scored("consists of high school math competition problems", 0.595)
    answer = scored("with the best model only scoring 58.1% in standard settings", 0.566)
    other = scored("However it has not been clear how they would fare", 0.465)
    assert figure_first(CHAMP_Q, [described, answer, other])[0].ev.text == answer.ev.text
    # The others keep their order after it.
    assert [s.ev.text for s in figure_first(CHAMP_Q, [described, answer, other])[1:]] == [described.ev.text,
                                                                                          other.ev.text]


def test_the_lead_stays_when_the_figure_is_far_weaker_or_not_asked_for() -> None:
    described = scored("consists of high school math competition problems", 0.595)
    weak = scored("with the best model only scoring 58.1% in standard settings", 0.45)
    assert figure_first(CHAMP_Q, [described, weak])[0].ev.text == described.ev.text
    close = scored("with the best model only scoring 58.1% in standard settings", 0.566)
    assert figure_first("How are the competition problems annotated?", [described, close])[0].ev.text == \
        described.ev.text


def test_a_lead_that_already_states_a_figure_stays() -> None:
    # CasiMedicos-Arg: "558 clinical cases in four languages" answers "how many cases" and leads.
    cases = scored("which consists of 558 clinical cases in four languages", 0.69)
    first = scored("the first multilingual dataset for Medical Question Answering", 0.70)
    question = "How many patient cases does the four-language collection of doctors' diagnostic explanations include?"
    assert figure_first(question, [cases, first])[0].ev.text == cases.ev.text
    assert figure_first(question, [first, cases])[0].ev.text == cases.ev.text


def test_what_counts_as_asking_for_and_stating_a_figure() -> None:
    assert asks_figure("Roughly how many publications did the literature review go through?")
    assert asks_figure("Against how many competing methods was the graph rationale model compared?")
    assert asks_figure("By how much did tool-using assistants become safer?")
    assert not asks_figure("How does the tutoring agent produce deeper explanations?")
    assert not asks_figure("Does how well a model does on maths tell you how well it will reason elsewhere?")
    # A name with digits in it (o1) is not a figure; a number word is.
    assert not states_figure(scored("The introduction of OpenAI's o1 series marks", 0.5).ev.text)
    assert states_figure(scored("three core challenges: tracking evolving values", 0.5).ev.text)
