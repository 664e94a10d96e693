"""The theme judge's 'weak' flag counts a title phrase as used in the forms the corpus itself gives it, on real
seed text: an acronym's definition ('PRMs' = 'process reward models') and an instance the corpus names ('RL
algorithms like GRPO'), so a true family or acronym title is not flagged while an untrue one still is."""

from __future__ import annotations

from evals.theme_judge import Corpus, judge_section
from tests.test_survey_labels import _corpus, _papers

TOPIC = "language model reasoning"
RL_BY_ALGORITHM = ("SEED-GRPO", "Unpacking DPO and PPO", "VR-Thinker")  # say GRPO / PPO, never 'reinforcement learning'
PRM_SPELT_OUT = ("Mitigating Premature Exploitation in Particle-based", "SPC: Evolving Self-Play Critic")
NO_RL = ("Mitigating Premature Exploitation in Particle-based", "AlphaMath Almost Zero", "DreamPRM")


def _weak(title: str, starts: tuple[str, ...]) -> list[str]:
    texts = [f"{p.title}. {p.abstract}" for p in _papers(*starts)]
    return [f.detail for f in judge_section(TOPIC, title, "", texts, Corpus(list(_corpus()))) if f.kind == "weak"]


def test_a_family_title_holds_for_papers_using_an_algorithm_the_corpus_calls_a_member() -> None:
    assert not _weak("Reinforcement learning", RL_BY_ALGORITHM)
    assert _weak("Reinforcement learning", NO_RL)  # still flagged where the papers use neither the family nor a member


def test_an_acronym_title_holds_for_papers_that_spell_it_out() -> None:
    assert not _weak("PRMs", PRM_SPELT_OUT)
    assert _weak("PRMs", RL_BY_ALGORITHM)


def test_a_plural_in_es_and_a_noun_in_ation_match_their_other_forms() -> None:
    # 'fine-grained judge' (singular of 'judges'); 'Retrieval-Augmented Generation' / '... MCTS' (augmentation).
    assert not _weak("Fine-grained judges", ("Self-rationalization improves LLM as a fine-grained judge",))
    assert not _weak("Retrieval augmentation", ("REX-RAG", "Enhancing Test-Time Scaling of Large Language Models with Hierarchical"))
    assert _weak("Retrieval augmentation", RL_BY_ALGORITHM)


def test_an_acronym_of_the_topics_own_words_is_the_topic_not_a_label() -> None:
    texts = [f"{p.title}. {p.abstract}" for p in _papers("How susceptible are LLMs to Logical Fallacies")]
    flags = judge_section("multi-agent debate and collaboration between LLMs", "Logical fallacies and MAD", "", texts,
                          Corpus(list(_corpus())))
    assert not [f for f in flags if f.kind == "weak"], flags
