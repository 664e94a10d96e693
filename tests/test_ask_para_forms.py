"""Lead rules for paraphrased questions (real seed text, scores set as the ranker gave them; questions worded for these
tests, not the eval sets'): a why-lead that gives no cause yields to the cause its own abstract states further down
when that cause scores close to it; a "which model ... most" question is answered by the result naming the model that
ranked first; "we identify ..." and "analyses with <a long list> suggest that ..." are findings; a "how" lead that only
sets the scene yields to the abstract's proposal; a proper noun in the question ("in Irish") favours papers that
write it; a "what can serve as" question is not answered by a report of better scores."""

from __future__ import annotations

from reviewer.ask.asked import asks_thing, reports_gains
from reviewer.ask.forms import asks_winner, form_score, how_first, verdict_first
from reviewer.ask.lead import _STRONG_CAUSE, CAUSE, Scored, lead_first
from reviewer.ask.proper import PROPER_WEIGHT, proper_order, proper_words
from reviewer.ask.select import mentions
from reviewer.roles import Role
from reviewer.textutil import content_stems
from seed_text import paper_with
from seed_text import scored as _scored


def _why_candidates(cause_score: float) -> list[Scored]:
    # The attention-chain abstract: a method detail leads, other papers' sentences follow, and the abstract's own
    # reason ("... because the probabilities assigned to answer tokens are conditioned on ...") is seventh, beyond the
    # five places after the lead that the nearby-cause rule looks at.
    return [_scored("Similarity filtering and probability thresholding further refine", 0.575),
            _scored("exhibit varying levels of confidence across input prompts", 0.564),
            _scored("The model learns to compress reasoning length in accordance with scene complexity", 0.560),
            _scored("LMs generate both predictions and numerical confidence estimates after reasoning", 0.553),
            _scored("Accurately quantifying a large language model's (LLM) predictive uncertainty", 0.545),
            _scored("We validate UQAC on multiple reasoning benchmarks", 0.52),
            _scored("This added complexity complicates uncertainty quantification", cause_score)]


def test_a_why_lead_without_a_cause_yields_to_its_own_abstracts_cause() -> None:
    out = _why_candidates(0.511)
    assert not CAUSE.search(out[0].ev.text)
    led = lead_first(out, [0] * len(out), "", True, mentions, lambda t: bool(CAUSE.search(t)))
    assert led[0].ev.text.startswith("This added complexity complicates uncertainty quantification (UQ) because")
    # A reason scoring far below the lead (0.6 of it) is another point of the abstract: the lead stays.
    led = lead_first(_why_candidates(0.35), [0] * len(out), "", True, mentions, lambda t: bool(CAUSE.search(t)))
    assert led[0].ev.text.startswith("Similarity filtering")
    # Not a why-question: nothing moves.
    led = lead_first(out, [0] * len(out), "", False, mentions, lambda t: bool(CAUSE.search(t)))
    assert led[0].ev.text.startswith("Similarity filtering")


def _winner_candidates() -> list[Scored]:
    return [_scored("Current safety benchmarks do not systematically probe a model's decision-making", 0.705),
            _scored("However, they overlook the challenge of agents taking harmful actions", 0.683),
            _scored("The benchmark is structured around a novel taxonomy of Existential Prioritization", 0.533),
            _scored("Performance varied significantly across subcategories", 0.407),
            _scored("achieved the highest Pacifism Score", 0.324),
            _scored("recorded the lowest P-Score", 0.233)]


def test_which_model_ranked_first_is_answered_by_the_result_naming_it() -> None:
    question = "Which LLM chose to protect people over preserving itself most often?"
    assert asks_winner(question)
    led = verdict_first(_winner_candidates(), question, verdict=False)
    assert "Gemini 2.5 Flash achieved the highest Pacifism Score" in led[0].ev.text
    # A "which" question that asks for no ranking keeps its lead.
    other = "Which scenarios does the benchmark use to probe self-preservation?"
    assert not asks_winner(other)
    assert not asks_winner("Which method first treated reasoning steps as the unit of preference optimization?")
    assert verdict_first(_winner_candidates(), other, verdict=False)[0].ev.text.startswith("Current safety benchmarks")


def test_we_identify_a_gap_is_the_finding_a_comparing_yes_no_question_wants() -> None:
    # M-RewardBench: the lead describes the evaluation; "Similarly, we demonstrate ... high-resource languages"
    # compares other things; "We identify a significant gap ... between English and non-English" settles it.
    out = [_scored("We then rigorously evaluate a wide range of reward models on M-RewardBench", 0.668),
           _scored("we conduct a systematic evaluation of several reward models in multilingual settings", 0.665),
           _scored("We identify a significant gap in RMs' performances between English and non-English", 0.640),
           _scored("the models exhibit better performance for high-resource languages", 0.559)]
    led = verdict_first(out, "Are reward models as good at scoring non-English answers as English ones?", verdict=True)
    assert led[0].ev.text.startswith("We identify a significant gap")


def test_a_finding_with_a_long_list_of_evidence_before_suggest_that_settles_a_yes_no_question() -> None:
    out = [_scored("In-depth analyses with perturbation tests, cross difficulty-level transferability", 0.939),
           _scored("our analysis with per-sample memorization score sheds light", 0.935),
           _scored("We found that LLMs could interpolate the training puzzles", 0.933)]
    led = verdict_first(out, "Does fine-tuning on logic puzzles teach a model to reason, or only to memorise?",
                        verdict=True)
    assert "suggest that the LLMs learn to reason on K&K puzzles despite training data memorization" in led[0].ev.text


def test_a_how_lead_that_only_sets_the_scene_yields_to_the_abstracts_proposal() -> None:
    question = "How can an automated prover cut its token use and number of samples and still prove as much?"
    out = [_scored("have recently advanced the field of Automated Theorem Proving (ATP)", 0.823),
           _scored("We then investigate approaches to significantly reduce token usage", 0.727),
           _scored("We show that unlikeliness reward mitigates rank bias", 0.601),
           _scored("existing cost analyses typically regulate only the number of sampling passes", 0.567),
           _scored("Specifically, we propose two complementary methods", 0.489)]
    assert out[0].role == Role.BACKGROUND
    led = how_first(out, set(content_stems(question)), content_stems)
    assert led[0].ev.text.startswith("Specifically, we propose two complementary methods")


def test_a_proper_noun_in_the_question_puts_the_papers_that_write_it_first() -> None:
    question = "How can a model reason well in Irish when almost no Irish reasoning data exists?"
    irish = paper_with("the first benchmark for mathematical tasks in Irish")
    other = paper_with("we propose a hybrid model where we activate reasoning mechanisms in base models")
    assert proper_words(question, []) == ["Irish"]
    assert proper_order(question, [], [irish, other]) == {other.id: -PROPER_WEIGHT}
    # No candidate writes the word: it tells no paper from another.
    assert proper_order("How do models reason in Basque?", [], [irish, other]) == {}
    # A run of capitalised words or a hyphenated name is a method's name, matched as a name elsewhere.
    assert proper_words("Which methods use Monte Carlo Tree Search with Step-DPO?", []) == []



def test_a_what_can_serve_as_question_is_not_answered_by_a_report_of_gains() -> None:
    gains = _scored("demonstrate improved reward function accuracy", 0.554)
    thing = _scored("leverage the user's follow-up utterances as feedback signals", 0.526)
    question = "What part of the user's reply can be used to reward a chatbot's previous answer?"
    assert asks_thing(question) and reports_gains(gains.ev.text, gains.role)
    assert form_score(False, False, True, gains.ev.text, gains.role, False, question) < 0
    assert form_score(False, False, True, thing.ev.text, thing.role, False, question) == 0
    # A question about an outcome is answered by it.
    measured = "What accuracy does the pluralistic reward model reach?"
    assert not asks_thing(measured)
    assert form_score(False, False, True, gains.ev.text, gains.role, False, measured) == 0


def test_which_works_best_reaches_a_finding_that_shares_few_words_with_the_question() -> None:
    # The ranker's scores: the comparing finding is 0.49 of the listing lead, too far for a yes/no comparison (0.6)
    # but within reach of a question asking for a ranking (like "which model ... most").
    out = [_scored("There are several distinct approaches for preference fine-tuning", 0.783),
           _scored("Our analysis prescribes actionable insights for preference fine-tuning", 0.716),
           _scored("Learning from preference labels plays a crucial role", 0.580),
           _scored("Our main finding is that, in general, approaches that use on-policy sampling", 0.381)]
    led = verdict_first(out, "Which ways of tuning a model on preference pairs do best?", verdict=False)
    assert led[0].ev.text.startswith("Our main finding is that")
    led = verdict_first(out, "Does on-policy preference tuning do better than offline tuning?", verdict=True)
    assert not led[0].ev.text.startswith("Our main finding is that")


def test_a_lead_stating_the_yes_no_questions_own_claim_is_not_traded_for_another_finding() -> None:
    # Value Kaleidoscope (refuse set): "Humans prefer the sets of values output by our system over the teacher GPT-4"
    # states the asked claim without a "we show that"; the abstract's "we demonstrate that Kaleido can help explain
    # variability ..." is a finding about something else.
    claim = _scored("Humans prefer the sets of values output by our system over the teacher GPT-4", 0.84)
    other = _scored("we demonstrate that Kaleido can help explain variability in human decision-making", 0.77)
    led = verdict_first([claim, other], "Do people prefer Kaleido's value outputs to GPT-4's?", verdict=True)
    assert led[0] is claim
    # A yes/no question about something the lead does not state still opens with the finding.
    led = verdict_first([claim, other], "Can Kaleido explain why people decide differently?", verdict=True)
    assert led[0] is other


def test_an_opening_since_clause_is_the_reason_a_why_question_wants() -> None:
    # DreamPRM (para21): the introduction leads; "Since multimodal reasoning covers a wider range of tasks ..., the
    # ... shift ... is more severe" gives the asked reason, "However, current ... datasets suffer from quality
    # imbalance" a further problem.
    out = [_scored("we introduce DreamPRM, a domain-reweighted training framework", 0.70),
           _scored("Since multimodal reasoning covers a wider range of tasks", 0.64),
           _scored("current multimodal reasoning datasets suffer from quality imbalance", 0.53)]
    led = lead_first(out, [0] * len(out), "", True, mentions, lambda t: bool(CAUSE.search(t)))
    assert led[0].ev.text.startswith("Since multimodal reasoning")
    assert not _STRONG_CAUSE.search("Since 2020, reward models have been trained on human comparisons.")


def test_earlier_works_claim_does_not_settle_a_yes_no_question() -> None:
    # Jekyll & Hyde: the background's "recent studies demonstrate that prompting an appropriate role-playing persona
    # ... improves its reasoning capability" states the asked claim as earlier work's; the abstract's own finding
    # ("... degrade their reasoning abilities in 4 out of 12 datasets") answers.
    earlier = _scored("prompting an appropriate role-playing persona to an LLM improves its reasoning", 0.80)
    earlier = earlier.model_copy(update={"reported": True})
    finding = _scored("degrade their reasoning abilities in 4 out of 12 datasets", 0.70)
    led = verdict_first([earlier, finding], "Does prompting an LLM with a role-playing persona improve its reasoning?",
                        verdict=True)
    assert led[0] is finding
