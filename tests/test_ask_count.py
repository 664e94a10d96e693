"""A question that asks for a figure of a known kind opens with a sentence stating that kind (reviewer/ask/count.py).

Sentences are real seed text at the scores the ranker gave them in the dev-read runs (follow-up 24); the questions
are para16, para18 and para19's."""

from __future__ import annotations

from reviewer.ask.count import asked_figure, asked_figure_first
from seed_text import scored

FOURTEEN = "decomposing it into 14 vision-language-related capabilities"  # mmSSR: a count, not a share
THIRTY_PERCENT = "achieving 99.1% of full performance with only 30% of the 2.6M data"
FOUR_LLMS = "using four instruction-tuned LLMs, namely Llama 3 8B"  # HPT: a count of models, not of strategies
FIVE_STRATEGIES = "composed of five unique prompting strategies"
QUESTIONER = "Complex tasks can be accomplished through iterative clarifying questions"  # TO-GATE's background
TWO_PARTS = "which consists of two key components: a clarification resolver"


def test_a_share_question_opens_with_the_percentage_not_with_a_count() -> None:
    q = ("What share of the full multimodal instruction data did the capability-scoring selector keep while "
         "retaining nearly all of the performance?")
    lead, share = scored(FOURTEEN, 0.632), scored(THIRTY_PERCENT, 0.606)
    assert asked_figure_first(q, [lead, share])[0] is share


def test_how_many_wants_a_number_before_the_asked_noun() -> None:
    q = "How many prompting strategies of rising difficulty make up the ladder used to grade both datasets and language models?"
    lead, five = scored(FOUR_LLMS, 0.568), scored(FIVE_STRATEGIES, 0.560)
    assert asked_figure_first(q, [lead, five])[0] is five
    # "four instruction-tuned LLMs ... four datasets" counts other things: it is not the asked figure.
    states = asked_figure(q)
    assert states is not None and not states(lead.ev.text) and states(five.ev.text)


def test_which_two_parts_opens_with_the_sentence_naming_two() -> None:
    q = ("Which two parts make up the method that optimises the questioning path when a model asks clarifying "
         "questions to learn what a user wants?")
    lead, two = scored(QUESTIONER, 0.654), scored(TWO_PARTS, 0.627)
    assert asked_figure_first(q, [lead, two])[0] is two


def test_the_lead_stays_when_it_states_the_asked_figure_or_the_other_is_far_weaker() -> None:
    q = "How many prompting strategies of rising difficulty make up the ladder?"
    five, four = scored(FIVE_STRATEGIES, 0.56), scored(FOUR_LLMS, 0.55)
    assert asked_figure_first(q, [five, four])[0] is five
    lead, weak = scored(FOUR_LLMS, 0.9), scored(FIVE_STRATEGIES, 0.5)  # 0.5 < RATIO of 0.9
    assert asked_figure_first(q, [lead, weak])[0] is lead
    # A question asking no figure of a known kind is left alone.
    assert asked_figure("How does the taxonomy grade datasets?") is None


def test_only_the_leads_own_abstract_may_give_the_count() -> None:
    # Another paper's "three features approximate this gap" names the count but not the asked tasks; ProgressGym's own
    # "three core challenges" sentence, scoring lower, answers.
    q = "What three tasks does the framework for learning how moral views change across history set?"
    lead = scored("we introduce ProgressGym, an experimental framework allowing the learning", 0.722)
    other = scored("three features approximate this gap", 0.70)
    own = scored("Specifically, we introduce three core challenges", 0.570)
    assert asked_figure_first(q, [lead, other, own])[0] is own


def test_how_many_of_the_n_things_is_answered_by_another_count_of_them() -> None:
    # para20: the question gives the whole ("twelve datasets"); Jekyll & Hyde's lead restates that whole, the
    # sentence two places up in its abstract gives the part asked ("in 4 out of 12 datasets").
    q = "On how many of the twelve reasoning datasets did giving the model a role to play hurt its reasoning?"
    lead = scored("selecting better choices among the potential solutions on twelve widely-used", 0.715)
    part = scored("degrade their reasoning abilities in 4 out of 12 datasets", 0.60)
    states = asked_figure(q)
    assert states is not None and not states(lead.ev.text) and states(part.ev.text)
    assert asked_figure_first(q, [lead, part])[0] is part
