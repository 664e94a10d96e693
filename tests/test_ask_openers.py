"""Which sentence may open an `ask` answer: rules checked on real seed text, with paraphrased questions.

Each rule is general (openers, grammatical subject, 'avoid' questions, the compared side); the questions
here are not the eval sets' wording.
"""

from __future__ import annotations

from pathlib import Path

from ask_helpers import first_cited
from reviewer.ask.lead import asks_how_avoided, leans_on_previous, poses_question, says_instead
from reviewer.ask.names import corpus_names
from reviewer.ask.question import analyse
from reviewer.ask.select import _acts
from reviewer.retrieve import HybridRetriever
from reviewer.settings import Settings


def _lead(question: str) -> tuple[str, list[str]]:
    first, _ = first_cited(question)
    return first.text, first.keys


def test_a_term_after_a_preposition_is_not_the_acting_subject() -> None:
    # Seed sentences (wangpreference, cooperoptimizing).
    assert not _acts("However, loss reweighting in DPO acts less as a reward signal but more as a regularizer.", "DPO")
    assert _acts("Cooper leverages the high precision of rule-based rewards when identifying correct responses.",
                 "Cooper")


def test_replacement_mechanism_cues() -> None:
    assert asks_how_avoided("How does DPO get around fitting a separate reward model?")
    assert not asks_how_avoided("How does DPO handle noisy labels?")
    assert says_instead("Direct Preference Optimization (DPO), a simpler alternative to RLHF which directly optimizes "
                        "a policy that best satisfies human preferences under a classification objective.")
    assert not says_instead("However, loss reweighting in DPO acts less as a reward signal but more as a regularizer.")


def test_unresolved_anaphor_and_posed_question_cannot_lead() -> None:
    assert leans_on_previous("This results in distribution sharpening: the model can solve some problems.")
    assert not leans_on_previous("This paper presents a novel approach, namely SALMON, to align base models.")
    assert not leans_on_previous("They tend to latch on to response length.", antecedent="reward models")
    assert poses_question("A fundamental question is whether current reinforcement learning algorithms merely "
                          "sharpen the base model's distribution around problems it can already solve.")
    # wangpreference: the belief is reported only to say that its reasons are not known.
    assert poses_question("A common belief is that DPO is supervised learning while PPO is reinforcement learning, yet "
                          "deeper analyses for the reasons underlying these differences remain lacking.")
    assert not poses_question("We identify a degenerate rank bias in GRPO in which highly probable trajectories are "
                              "reinforced and rare ones are neglected.")


def test_how_does_x_avoid_y_leads_with_what_x_does_instead(seeded_home: Path) -> None:
    text, keys = _lead("How does DPO manage without training an explicit reward model?")
    assert keys == ["diffusionalignment"] and "directly optimizes a policy" in text


def test_a_why_question_is_not_answered_by_the_sentence_that_poses_it(seeded_home: Path) -> None:
    text, keys = _lead("Why does GRPO end up merely sharpening the base model's distribution?")
    assert keys == ["rewardingunlikely"] and "rank bias" in text and "question is whether" not in text


def test_a_comparison_leads_with_the_asked_side(seeded_home: Path) -> None:
    text, keys = _lead("In what way is Tree Preference Optimization different from DPO?")
    assert keys == ["tpoaligning"] and "Tree Preference Optimization" in text


def test_a_quantitative_subject_is_the_measured_thing_not_the_benchmark() -> None:
    q = analyse("Which RewardBench score is reached by a reward model trained with HelpSteer2-Preference?")
    assert q.qtype.value == "quantitative" and q.subject == "HelpSteer2-Preference"


def test_a_known_name_with_a_descriptive_suffix_is_known(seeded_home: Path) -> None:
    settings = Settings()
    names = corpus_names(HybridRetriever(settings).catalog, settings.home)
    assert names.known("MCTS-driven") and names.known("GRPO-style")
    assert not names.known("HyperPRM-based")


def test_a_comparative_is_not_a_definition() -> None:
    from reviewer.ask.select import _defines

    # Seed sentence (choicedivergence): says how DPH-RL compares, not what it is.
    assert not _defines("Additionally, DPH-RL is more training-efficient because it computes f-divergence using "
                        "generator functions.", "DPH-RL")
    assert _defines("Reward hacking is a phenomenon where the policy exploits flaws of the reward model.",
                    "reward hacking")


def test_a_definition_leads_with_the_defining_sentence_even_inside_framing(seeded_home: Path) -> None:
    # "..., it remains unclear whether ..., a concept we refer to as steerability." (coursecorrection) defines it,
    # although it also frames an open question; "of language models" is not part of the term.
    question = "What is meant by the steerability of language models?"
    assert analyse(question).subject == "steerability"
    text, keys = _lead(question)
    assert keys == ["coursecorrection"] and "refer to as steerability" in text


def test_a_reasonably_relevant_defining_sentence_outranks_a_closer_sentence_that_only_uses_the_term(
    seeded_home: Path,
) -> None:
    from reviewer.ask.select import score_for_type
    from reviewer.catalog import Catalog
    from reviewer.models import EvidenceSentence
    from reviewer.textutil import split_sentences

    with Catalog(Settings().catalog_path) as catalog:
        paper = next(p for p in catalog.iter_papers() if p.key == "coursecorrection")
    sentences = split_sentences(paper.abstract)
    uses = next(i for i, s in enumerate(sentences) if s.startswith("Our findings suggest"))
    defines = next(i for i, s in enumerate(sentences) if "refer to as steerability" in s)
    # The sentence that only uses the term is the more similar one, as the embedding ranks them.
    evs = [EvidenceSentence(paper_id=paper.id, key=paper.key, index=uses, text=sentences[uses], score=0.66),
           EvidenceSentence(paper_id=paper.id, key=paper.key, index=defines, text=sentences[defines], score=0.42)]
    scored = score_for_type(analyse("What does steerability mean?"), evs, [paper])
    assert scored[0].ev.index == defines


def test_the_paper_the_ranker_puts_far_ahead_supplies_the_lead(seeded_home: Path) -> None:
    # The question is close to one paper's title (onetoken); another paper's sentence about judges and reward
    # models is as similar sentence by sentence, so the paper-level score decides.
    text, keys = _lead("In what way can a single token fool a generative reward model used as a judge?")
    assert keys == ["onetoken"] and "superficial manipulations" in text


def test_a_why_lead_that_only_restates_the_claim_yields_to_the_cause_nearby(seeded_home: Path) -> None:
    # trainingself: "... SFT ... are insufficient for instilling self-correction" restates; the next sentence
    # gives the cause ("suffers from a distribution mismatch").
    text, keys = _lead("Why does SFT on model-generated correction traces fail to instill self-correction?")
    assert keys == ["trainingself"] and "distribution mismatch" in text
