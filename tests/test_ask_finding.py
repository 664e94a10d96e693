"""A question asking what a study found opens with the study's finding, not its aim (reviewer/ask/finding.py).

Sentences are real seed text at the scores the ranker gave them in the dev-read runs (follow-up 27); the questions
are para17's and para21's."""

from __future__ import annotations

from reviewer.ask.finding import asks_finding, finding_first, reports_finding
from seed_text import scored

IRL_AIM = "we analyse how sensitive the IRL problem is to misspecification"
IRL_CONDITIONS = "we provide necessary and sufficient conditions that completely characterise"  # a method: "observed"
IRL_FINDING = "Our analysis suggests that the IRL problem is highly sensitive"
PPO_AIM = "In the first report, we dissect the framework of RLHF"
PPO_FINDING = "We identify policy constraints being the key factor"


def test_what_an_analysis_concludes_opens_with_its_finding() -> None:
    q = ("What does the analysis of how inverse RL reacts to a wrong model of human behaviour conclude about its "
         "sensitivity?")
    aim, conditions, finding = scored(IRL_AIM, 0.684), scored(IRL_CONDITIONS, 0.60), scored(IRL_FINDING, 0.582)
    out = finding_first(q, [aim, conditions, finding])
    assert out[0] is finding
    assert out[1:] == [aim, conditions]  # the others keep their order


def test_what_a_report_singles_out_opens_with_what_it_identified() -> None:
    q = "What did the first report dissecting PPO for aligning large language models single out as the key to making PPO work?"
    aim, finding = scored(PPO_AIM, 0.787), scored(PPO_FINDING, 0.637)
    assert finding_first(q, [aim, finding])[0] is finding
    q = ("Which ingredient did the report taking apart the human-feedback training pipeline find decisive for the "
         "clipped policy-gradient algorithm to work?")
    aim, finding = scored(PPO_AIM, 0.588), scored(PPO_FINDING, 0.385)  # 0.65 of the lead
    assert finding_first(q, [aim, finding])[0] is finding


def test_the_lead_stays_unless_the_question_asks_a_finding_the_lead_lacks() -> None:
    aim, finding = scored(IRL_AIM, 0.684), scored(IRL_FINDING, 0.582)
    # A question not asking what was found, or asking with "to show" (a purpose), is left alone.
    assert not asks_finding("How sensitive is inverse RL to a misspecified behavioural model?")
    assert not asks_finding("What did the team train on the dataset to show it works?")
    assert finding_first("How sensitive is inverse RL to a misspecified behavioural model?", [aim, finding])[0] is aim
    q = "What does the analysis of inverse RL under misspecification conclude?"
    # A lead that reports a finding stays; a finding far weaker than the lead (under RATIO) does not take its place.
    assert reports_finding(finding.ev.text) and not reports_finding(aim.ev.text)
    assert finding_first(q, [finding, aim])[0] is finding
    assert finding_first(q, [scored(IRL_AIM, 0.9), scored(IRL_FINDING, 0.5)])[0].ev.text == aim.ev.text


def test_another_papers_finding_does_not_take_the_lead() -> None:
    q = "What does the analysis of how inverse RL reacts to a wrong model of human behaviour conclude?"
    aim, other, own = scored(IRL_AIM, 0.684), scored(PPO_FINDING, 0.67), scored(IRL_FINDING, 0.582)
    assert finding_first(q, [aim, other, own])[0] is own


def test_a_lead_that_reports_a_finding_is_left_to_the_ranker() -> None:
    # Both DailyDilemmas sentences report findings; which one answers is the ranker's call, not this rule's.
    q = "What did the study of everyday quandaries find about the values LLMs prioritise?"
    lead = scored("We find that LLMs are most aligned with the self-expression over survival values", 0.7)
    other = scored("We find that end users cannot effectively steer such prioritization", 0.69)
    assert finding_first(q, [lead, other])[0] is lead
