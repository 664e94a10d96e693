"""The lead of a question about one aspect of a method, and of a count question (reviewer/ask/aspect.py), on real seed
sentences at scores like the ranker's. Questions are paraphrases written for these tests, not eval wording."""

from __future__ import annotations

from pathlib import Path

from ask_helpers import first_cited
from evals.seed_claims import seed_papers_by_title
from reviewer.ask.aspect import asks_count, aspect_first, aspect_words, figure_first, states_figure
from reviewer.ask.lead import Scored
from reviewer.models import EvidenceSentence
from reviewer.roles import Role, sentence_roles
from reviewer.textutil import content_stems, split_sentences
from seed_text import scored


def _aspect(question: str, names: list[str]) -> set[str]:
    return aspect_words(question, names, content_stems)


def test_the_sentence_stating_the_asked_aspect_beats_the_introduction() -> None:
    intro = scored("we introduce COIG-P (Chinese Open Instruction Generalist - Preference)", 0.91)
    other = scored("existing Chinese preference datasets are limited by small scale", 0.80)
    how = scored("employed 15 mainstream LLMs to generate and score chosen-rejected response pairs", 0.70)
    question = "Who scores the answer pairs collected for COIG-P?"
    out = aspect_first([intro, other, how], _aspect(question, ["COIG-P"]), content_stems)
    assert "15 mainstream LLMs" in out[0].ev.text


def test_the_inference_time_part_beats_the_training_method_it_follows() -> None:
    intro = scored("we propose Self-Principled Critique Tuning (SPCT)", 0.84)
    how = scored("we use parallel sampling to expand compute usage", 0.45)
    question = "How does DeepSeek-GRM turn extra compute at query time into better reward judgments?"
    out = aspect_first([intro, how], _aspect(question, ["DeepSeek-GRM"]), content_stems)
    assert "parallel sampling" in out[0].ev.text


def test_a_performance_claim_does_not_displace_the_introduction() -> None:
    # The introduction says how Themis copes (access to calculators and search engines); the other sentence states
    # more of the question's words but only praises the result ("not only ... but also enhances ...").
    intro = scored("named Themis, to address these limitations", 1.0)
    # "This approach not only ...": `score_for_type` resolves "This approach" to Themis from the sentence before.
    praise = scored("not only fosters synergy between tool utilization and reward grading", 0.6)
    praise = praise.model_copy(update={"antecedent": "Themis"})
    question = "How does Themis make reward scoring more reliable?"
    out = aspect_first([intro, praise], _aspect(question, ["Themis"]), content_stems)
    assert out[0] is intro


def test_a_lead_that_does_not_introduce_a_method_stays() -> None:
    # Only an introduction ("we introduce X, a ...") is taken to say what X is rather than the aspect asked.
    lead = scored("existing Chinese preference datasets are limited by small scale", 0.9)
    how = scored("employed 15 mainstream LLMs to generate and score chosen-rejected response pairs", 0.8)
    question = "Who scores the answer pairs collected for COIG-P?"
    assert aspect_first([lead, how], _aspect(question, ["COIG-P"]), content_stems)[0] is lead


def test_a_count_question_is_led_by_the_sentence_with_the_figure() -> None:
    assert asks_count("How few human comparisons did the opinion summariser need?")
    assert asks_count("By how much does the new method cut inference cost?")
    assert not asks_count("How much do LLM political stances depend on the prompt?")
    assert states_figure("with a significant reduction in dataset size (just 940 samples)")
    assert not states_figure("fine-tuned GPT-4 and Qwen2.5 on the data")
    contributions = scored("Our contributions include a novel Reward Modelling technique", 0.75)
    figure = scored("just 940 samples", 0.58)
    out = figure_first([contributions, figure])
    assert "940" in out[0].ev.text


def test_how_x_does_it_beats_how_well_x_does() -> None:
    from reviewer.ask.aspect import doing_first
    from reviewer.ask.select import _acts

    result = scored("E-GRPO not only achieves superior accuracy", 0.85)
    doing = scored("E-GRPO assigns partial rewards to incorrect samples", 0.74)
    assert doing_first([result, doing], lambda t: _acts(t, "E-GRPO"))[0] is doing
    # A sentence in which the asked thing does nothing (it is not the subject of a verb) does not take the lead.
    assert doing_first([result, doing], lambda t: _acts(t, "GRPO"))[0] is result


def test_what_x_maximizes_in_place_of_y_is_led_by_the_replacing_sentence(seeded_home: Path) -> None:
    # A general question ("what does X maximize ...") asking for a replacement is led like a named one.
    lead = first_cited("What does PIT maximize instead of how good an individual response is?")[0].text
    assert "quality gap" in lead


def test_a_clearly_closer_finding_of_another_paper_settles_a_yes_no_question() -> None:
    from reviewer.ask.aspect import stronger_finding_first
    from reviewer.ask.forms import _settles

    weak = scored("employing these critical questions can improve the reasoning capabilities", 0.59)
    probe = scored("a simple linear probe trained on CoT activations significantly outperforms", 0.72)
    assert stronger_finding_first([weak, probe], _settles)[0] is probe
    # Within the margin the lead stays: near-ties are the ranker's call, not a reason to switch papers.
    near = probe.model_copy(update={"score": 0.64})
    assert stronger_finding_first([weak, near], _settles)[0] is weak


def _scored_in(fragment: str, score: float, paper_id: str) -> Scored:
    """Like `seed_text.scored`, for a sentence of an abstract the seeds hold twice (under two titles)."""
    paper = next(p for p in seed_papers_by_title().values() if fragment in p.abstract)
    sentences = split_sentences(paper.abstract)
    index = next(i for i, t in enumerate(sentences) if fragment in t)
    ev = EvidenceSentence(paper_id=paper_id, key=paper_id, index=index, text=sentences[index], score=score,
                          similarity=score)
    return Scored(ev=ev, role=sentence_roles(sentences)[index], score=score)


def test_a_caveat_of_another_paper_does_not_replace_a_result() -> None:
    from reviewer.ask.aspect import stronger_finding_first
    from reviewer.ask.forms import _settles

    result = _scored_in("medical LLMs only outperform their base models in 22.7% of cases", 0.51, "one")
    caveat = _scored_in("general-domain models may already exhibit strong medical knowledge", 0.63, "another")
    assert _settles(caveat) and caveat.role == Role.LIMITATION
    assert stronger_finding_first([result, caveat], _settles)[0] is result


def test_an_introduction_does_not_yield_to_another_contribution() -> None:
    # "Additionally, we have developed a data construction pipeline for Step-DPO ...": what else the paper made.
    intro = scored("which treats individual reasoning steps as units for preference optimization", 1.0)
    pipeline = scored("we have developed a data construction pipeline for Step-DPO", 0.99)
    question = "How does Step-DPO choose what the two sides of a preference pair are?"
    assert aspect_first([intro, pipeline], _aspect(question, ["Step-DPO"]), content_stems)[0] is intro
