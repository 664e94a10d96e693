"""Examples filed under another class of the same abstract (`members.py`, issue 12, c20 pass). Real seed sentences,
each with its faithful twin."""

from __future__ import annotations

from reviewer.checker import ClaimChecker
from reviewer.checker.members import example_moved
from seed_text import assert_contradicted_twin, sentence_with

LLMS = "instruction-tuned LLMs such as Vicuna, WizardLM"
ARGS = "argument components (i.e., premise, claim)"


def test_an_example_is_mapped_to_the_class_it_illustrates() -> None:
    assert example_moved("The experiments cover pretrained LLMs such as Vicuna and WizardLM.",
                         sentence_with(LLMS)) == ("vicuna", "pretrained llm")
    assert example_moved("The experiments cover instruction-tuned LLMs such as Vicuna and WizardLM.",
                         sentence_with(LLMS)) is None
    # plural examples are the same examples
    assert example_moved("Explanations carry argument components such as attacks and supports.",
                         sentence_with(ARGS)) == ("attack", "argument component")
    assert example_moved("Explanations carry argument components such as premises and claims, and argument "
                         "relations like attack and support.", sentence_with(ARGS)) is None


def test_examples_moved_between_classes_are_contradicted(checker: ClaimChecker) -> None:
    assert_contradicted_twin(checker, LLMS,
                             "The experiments cover pretrained LLMs such as Vicuna and WizardLM and instruction-tuned "
                             "LLMs such as OPT and LLaMA.",
                             "The experiments cover instruction-tuned LLMs such as Vicuna and WizardLM and pretrained "
                             "LLMs such as OPT and LLaMA.")
    assert_contradicted_twin(checker, ARGS,
                             "In the dataset, doctors' explanations are annotated with argument components such as "
                             "attack and support, and argument relations such as premise and claim.",
                             "In the dataset, doctors' explanations are annotated with argument components such as "
                             "premise and claim, and argument relations such as attack and support.")
