"""Follow-up 14 lead changes, on real seed text with questions worded for these tests (not the eval sets'): a "what"
question asking for a thing is not answered by a result that says how well the thing did, but by the same abstract's
method sentence; a method's name that an abstract writes only inside a link does not count as the abstract naming it,
so the paper whose title names it is about it in every sentence; a "how" lead that only introduces the method ("we
propose X, a framework that ...") and names no means yields to the sentence that says how."""

from __future__ import annotations

from pathlib import Path

from reviewer.ask.answer import answer_question
from reviewer.ask.asked import THING_SHARE, asks_thing, thing_first
from reviewer.ask.proper import prose
from reviewer.ask.select import mentions
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings
from reviewer.textutil import content_stems
from seed_text import paper_with
from seed_text import scored as _scored


def _cdr(method_score: float) -> list:
    # The CDR abstract's candidates as the ranker scored them for a "what reward does CDR ..." question: a RewardBench
    # result leads, the sentence introducing the density-ratio method is close behind.
    return [_scored("CDR achieves a RewardBench score of 82.6", 0.70),
            _scored("Preference tuning of large language models (LLMs) relies on high-quality human preference", 0.66),
            _scored("we introduce customized density ratio (CDR)", method_score)]


def test_a_what_question_led_by_how_well_takes_the_abstracts_method_sentence() -> None:
    question = "What does CDR derive its reward signal from?"
    assert asks_thing(question)
    led = thing_first(_cdr(0.62))
    assert led[0].ev.text.startswith("In this paper, we introduce customized density ratio (CDR)")
    # A method sentence far below the lead (under THING_SHARE of it) is not the answer's opening: the lead stays.
    assert thing_first(_cdr(THING_SHARE * 0.70 - 0.01))[0].ev.text.startswith("In our experiment using density ratio")
    # A question about the outcome is answered by the result: the rule is not applied to it.
    assert not asks_thing("What RewardBench score does CDR reach?")


def test_a_what_question_about_a_named_method_opens_with_its_method_not_its_gains(seeded_home: Path) -> None:
    settings = Settings()
    answer = answer_question("What quantity guides HAPO when it treats each token differently?", settings,
                             HybridRetriever(settings))
    lead = answer.answer.split("\n")[0]
    assert "outperforms DAPO" not in lead
    assert "token entropy" in lead and "[@uniformheterogeneous]" in lead


def test_a_name_written_only_in_a_link_is_not_the_abstract_naming_it(seeded_home: Path) -> None:
    abstract = paper_with("Variance-Aware Sampling (VAS)").abstract
    assert mentions(abstract, "MMR1") and not mentions(prose(abstract), "MMR1")
    settings = Settings()
    answer = answer_question("What does MMR1 use to select prompts for RL?", settings, HybridRetriever(settings))
    lead = answer.answer.split("\n")[0]
    assert "[@mmr1enhancing]" in lead and "Variance-Aware Sampling" in lead


def _introducing(intro: str, intro_score: float, rest: list[tuple[str, float]]) -> list:
    out = [_scored(intro, intro_score), *(_scored(f, s) for f, s in rest)]
    for x in out:  # the dense similarity to the question alone, as the ranker measured it (under RESTATE_SIMILARITY)
        x.ev.similarity = 0.5
    return out


def test_a_how_lead_that_only_introduces_the_method_yields_to_the_sentence_saying_how() -> None:
    from reviewer.ask.forms import how_first

    predicate = set(content_stems("learn which examples the student likes"))
    # ARTE: "we propose ARTE, ..., a framework that aligns the teacher model with student preferences" names the method
    # and its aim; the next sentence ("Specifically, we elicit draft questions ... using students' performance with
    # in-context learning as a proxy") says how the student's preferences are found.
    out = _introducing("we propose ARTE, dubbed Aligning TeacheR", 0.94,
                       [("In summary, our contributions lie in proposing a novel framework", 0.75),
                        ("Specifically, we elicit draft questions and rationales from the teacher model", 0.60)])
    assert how_first(out, predicate, content_stems)[0].ev.text.startswith("Specifically, we elicit draft questions")
    # oni: the introducing sentence yields to "Our approach annotates the agent's collected experience via an
    # asynchronous LLM server ..." (a how cue), which sits further down the candidates.
    out = _introducing("oni, a distributed architecture that simultaneously learns", 0.77,
                       [("Surprisingly, even though these learned reward models have strong inference-time", 0.58),
                        ("annotates the agent's collected experience via an asynchronous LLM server", 0.73)])
    assert how_first(out, set(content_stems("reward without asking the LLM about each observation")),
                     content_stems)[0].ev.text.startswith("Our approach annotates")
    # An introducing sentence that says how by a phrase of means ("improves training efficiency by streamlining
    # policy update ...") is the answer: it stays.
    out = _introducing("a novel extension to PPO that improves training efficiency by streamlining", 0.80,
                       [("T-PPO mitigates the issue of low hardware utilization", 0.75)])
    assert how_first(out, set(content_stems("speed up training on long outputs")), content_stems)[0].ev.text \
        .startswith("In this work, we propose Truncated Proximal Policy Optimization")
