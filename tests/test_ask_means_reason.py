"""Follow-up 20 lead changes within the right paper, on real seed text at ranker-like scores: a "how" question led by
a scene-setting sentence yields to the abstract's method sentence that names its means before its bare proposal (not
to a reported finding); a "why" question led by a sentence that gives no reason yields to the same abstract's
sentence that says what something causes or brings about ("causing ...", "thereby ...")."""

from __future__ import annotations

from reviewer.ask.forms import how_first
from reviewer.ask.lead import CAUSE, lead_first
from reviewer.ask.select import mentions
from reviewer.roles import Role
from reviewer.textutil import content_stems
from seed_text import scored


def _how(out: list) -> str:
    return how_first(out, set(content_stems("gather preference data without paying people")), content_stems)[0].ev.text


def test_a_scene_setting_how_lead_yields_to_the_method_sentence_that_names_its_means() -> None:
    # Text-to-image DPO abstract: background leads; "the preferences for paired images are generated using a
    # pre-trained reward function" says how, "we introduce RankDPO to enhance DPO-based methods" only proposes.
    background = scored("has emerged as a powerful approach to align text-to-image", 0.59)
    assert background.role == Role.BACKGROUND
    conclusion = scored("This pipeline presents a practical and scalable solution", 0.57)
    means = scored("are generated using a pre-trained reward function", 0.53)
    proposal = scored("we introduce RankDPO to enhance DPO-based methods", 0.28)
    assert _how([background, conclusion, means, proposal]) == means.ev.text
    # Without the means sentence the proposal answers, as before.
    assert _how([background, conclusion, proposal]) == proposal.ev.text


def test_a_reported_finding_is_not_the_means_even_when_it_names_one() -> None:
    # Debate-reward abstract: "we showcase that agents trained via multi-agent debate learn ..." names a means ("via")
    # but reports a finding; the proposal of the debate-based reward model answers "how".
    background = scored("Equipping agents with the capacity to justify made decisions", 0.70)
    finding = scored("we showcase that agents trained via multi-agent debate", 0.60)
    proposal = scored("we propose the use of a debate-based reward model", 0.55)
    assert finding.role == Role.METHOD
    led = how_first([background, finding, proposal], set(content_stems("reward decisions backed by evidence")),
                    content_stems)
    assert led[0].ev.text == proposal.ev.text


def _why(out: list, why: bool = True) -> str:
    return lead_first(out, [0] * len(out), "", why, mentions, lambda t: bool(CAUSE.search(t)))[0].ev.text


def test_a_why_lead_without_a_reason_yields_to_the_consequence_its_abstract_states() -> None:
    # Action flow matching: "our approach refines planned actions ..." says what is done; "by transforming the actions
    # themselves ... the robot collects informative data more efficiently, thereby accelerating learning" says why.
    lead = scored("our approach refines planned actions to better match", 0.85)
    reason = scored("by transforming the actions themselves", 0.77)
    other = scored("Towards this goal, we introduce a generative framework leveraging flow matching", 0.59)
    assert _why([lead, reason, other]) == reason.ev.text
    # Not a why-question: the lead stays.
    assert _why([lead, reason, other], why=False) == lead.ev.text
    # Socratic questioning: "CoT prompting enables ..." restates; "... relies on the initial decisions, causing errors
    # in early steps to accumulate ..." gives the reason step-by-step prompting breaks down.
    restated = scored("Chain-of-Thought (CoT) prompting enables large language models", 0.61)
    causing = scored("confined by its inherent single-pass and sequential generation process", 0.60)
    assert _why([restated, causing]) == causing.ev.text


def test_a_question_about_a_named_work_moves_past_its_bare_introduction() -> None:
    from reviewer.ask.asked import PAST_INTRO_SHARE, past_introduction

    # Meta probing agents: "we propose meta probing agents (MPA), a general dynamic evaluation protocol ..." only
    # introduces the work; "Our multifaceted analysis demonstrated the strong correlation between the basic abilities
    # and an implicit Matthew effect on model size" says what it found, nearly as close to the question.
    intro = scored("we propose meta probing agents (MPA)", 0.69)
    analysis = scored("Our multifaceted analysis demonstrated the strong correlation", 0.65)
    designs = scored("MPA designs the probing and judging agents", 0.57)
    assert past_introduction([intro, analysis, designs])[0].ev.text == analysis.ev.text
    # A sentence well below the introduction does not take over.
    far = scored("Our multifaceted analysis demonstrated the strong correlation", PAST_INTRO_SHARE * 0.69 - 0.02)
    assert past_introduction([intro, far, designs])[0].ev.text == intro.ev.text
    # An introduction that says how ("improves training efficiency by streamlining policy update") is not bare: it stays.
    tppo = scored("a novel extension to PPO that improves training efficiency by streamlining", 0.80)
    other = scored("T-PPO mitigates the issue of low hardware utilization", 0.75)
    assert past_introduction([tppo, other])[0].ev.text == tppo.ev.text
