"""Two lead rules for paraphrased questions (real seed text, scores set as the ranker gave them; questions worded for
these tests, not the eval sets'): a why-lead that gives no cause yields to the cause its own abstract states further
down when that cause scores close to it; a "which model ... most" question is answered by the result naming the
model that ranked first, not by the benchmark's motivation."""

from __future__ import annotations

from reviewer.ask.forms import asks_winner, verdict_first
from reviewer.ask.lead import CAUSE, Scored, lead_first
from reviewer.ask.select import mentions
from reviewer.models import EvidenceSentence
from reviewer.roles import sentence_roles
from reviewer.textutil import split_sentences
from seed_text import paper_with


def _scored(fragment: str, score: float) -> Scored:
    """The seed sentence containing `fragment`, scored as given (its index and role in its abstract kept)."""
    paper = paper_with(fragment)
    sentences = split_sentences(paper.abstract)
    index = next(i for i, s in enumerate(sentences) if fragment in s)
    ev = EvidenceSentence(paper_id=paper.id, key=paper.key, index=index, text=sentences[index], score=score,
                          similarity=score)
    return Scored(ev=ev, role=sentence_roles(sentences)[index], score=score)


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
    assert verdict_first(_winner_candidates(), other, verdict=False)[0].ev.text.startswith("Current safety benchmarks")
