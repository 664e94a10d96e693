"""Paraphrased questions on real seed text (not the eval sets' wording): a consequence question leads with the finding,
"what do X get wrong" with the problem, a result or a restatement yields to how, a paper whose single sentence says
it is found although the paper ranker misses it, "which notion ..." leads with the sentence naming it, and a
question in British spelling is read in the corpus's spelling.
"""

from __future__ import annotations

from pathlib import Path

from ask_helpers import first_cited
from reviewer.ask.forms import asks_idea, asks_problem, asks_verdict
from reviewer.ask.question import analyse
from reviewer.ask.spelling import corpus_spelling
from reviewer.textutil import content_stems


def _lead(question: str) -> str:
    return first_cited(question)[0].text


def test_consequence_and_wrongdoing_questions_are_recognised() -> None:
    assert asks_verdict("What happens if preference pairs come with rationales?")
    assert asks_verdict("What is the effect of longer chains of thought on accuracy?")
    assert not asks_verdict("What is a rationale?")
    assert asks_problem("What do spoken dialogue agents get wrong while they listen?")
    assert asks_problem("Where does best-of-n sampling fall short?")
    assert not asks_problem("What do spoken dialogue agents do while they listen?")
    assert asks_idea("Which principle from argumentation is applied to LLM reasoning?")
    assert not asks_idea("Which methods cut overthinking?")


def test_a_consequence_question_leads_with_the_finding(seeded_home: Path) -> None:
    lead = _lead("What is the effect of adding machine-written rationales to preference pairs?")
    assert "rationale-enriched preference learning offers multiple advantages" in lead


def test_what_a_system_gets_wrong_leads_with_the_problem(seeded_home: Path) -> None:
    lead = _lead("What do full-duplex spoken dialogue models get wrong during the listening phase?")
    assert "silence token" in lead


def test_harm_done_counts_as_the_problem(seeded_home: Path) -> None:
    lead = _lead("What goes wrong when an ORM or PRM supplies extra reward during RL for math reasoning?")
    assert "hurt RL training" in lead


def test_a_result_lead_yields_to_how(seeded_home: Path) -> None:
    lead = _lead("How can video reasoning models improve at test time without RL or fine-tuning?")
    assert "value cache" in lead


def test_a_restatement_in_other_words_yields_to_how(seeded_home: Path) -> None:
    lead = _lead("How can a critic learn to judge reasoning steps through self-play, with no step labels?")
    assert "sneaky generator" in lead


def test_a_paper_one_sentence_of_which_answers_is_found(seeded_home: Path) -> None:
    cited, answer = first_cited("Could a user shift a chatbot's ranking of competing values by editing its system prompt?")
    assert "dailydilemmasrevealing" in cited.keys and "cannot effectively steer" in cited.text


def test_a_library_past_the_recall_size_asks_the_ranker_alone(seeded_home: Path, monkeypatch) -> None:
    import reviewer.ask.recall as recall

    monkeypatch.setattr(recall, "RECALL_MAX_PAPERS", 100)  # the seed corpus (343 papers) is then "too big"
    cited, _ = first_cited("Could a user shift a chatbot's ranking of competing values by editing its system prompt?")
    assert "dailydilemmasrevealing" not in cited.keys


def test_which_notion_leads_with_the_sentence_naming_it(seeded_home: Path) -> None:
    lead = _lead("Which idea from the theory of argument helps LLMs spot their own logical mistakes?")
    assert "notion of critical questions" in lead


def test_british_spelling_is_read_in_the_corpus_spelling(seeded_home: Path) -> None:
    cited, answer = first_cited("Can end users re-order the values a model prioritises through its system prompt?")
    assert answer.question.endswith("prioritises through its system prompt?")  # quoted as asked
    assert "dailydilemmasrevealing" in cited.keys


def test_spelling_variants_only_when_the_corpus_uses_them() -> None:
    vocabulary = set(content_stems("prioritize the license, optimise behavior"))
    assert corpus_spelling("Who prioritises the licence?", vocabulary) == "Who prioritizes the license?"
    # The corpus's own (British) form stays; a word no variant rescues stays too.
    assert corpus_spelling("Does it optimise behaviour of HaloRank?", vocabulary) == \
        "Does it optimise behavior of HaloRank?"
    assert corpus_spelling("Does Dr-LLaVA prioritise?", vocabulary | {"drllava"}) == "Does Dr-LLaVA prioritize?"


def test_a_head_noun_before_a_setting_ends_the_how_subject() -> None:
    assert analyse("How can a reward model for web agents be learned without labels?").subject == "reward model"
    assert analyse("How can a process reward model be trained cheaply?").subject == "process reward model"
    assert analyse("How do they model uncertainty?").subject == "they"


def test_a_reliance_that_limits_is_the_cause(seeded_home: Path) -> None:
    lead = _lead("Why can't large reasoning models produce good research reports on their own?")
    assert "reliance on static internal knowledge" in lead


def test_why_instead_of_y_finds_y_by_its_head_noun(seeded_home: Path) -> None:
    lead = _lead("Why tune prompts with pairwise preference feedback rather than with numeric scores?")
    assert "such a score is often infeasible and unreliable" in lead


def test_what_makes_x_hard_leads_with_the_obstacle(seeded_home: Path) -> None:
    assert asks_problem("What makes long chains of thought so expensive to serve?")
    lead = _lead("What makes user feedback from recommender systems difficult to exploit for simulator alignment?")
    assert "ambiguous and noisy" in lead


def test_a_finding_the_authors_figure_out_settles_a_yes_no_question(seeded_home: Path) -> None:
    lead = _lead("Can one trust the math split of RewardBench when comparing reward models?")
    assert "math subset of RewardBench has different representations" in lead


def test_the_x_paper_is_the_paper_whose_abstract_names_x(seeded_home: Path) -> None:
    # "CoT-fine-tuned" is a known name with a descriptive suffix, not an unknown name to refuse.
    lead = _lead("What does the AFT paper say holds back CoT-fine-tuned LLMs?")
    assert "Assessment Misalignment" in lead


def test_a_how_cue_is_what_a_method_is_comprised_of(seeded_home: Path) -> None:
    lead = _lead("In what way does AlphaLLM enhance reasoning with no extra labels?")
    assert "comprised of prompt synthesis component" in lead


def test_the_reason_after_a_restated_claim_answers_why(seeded_home: Path) -> None:
    lead = _lead("Why is choosing experts at the level of whole tasks not fine-grained enough?")
    assert "heterogeneous tasks may require different expertise" in lead

