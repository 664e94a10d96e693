"""Whether a mention of a benchmark or dataset name says the paper is evaluated on it: one reader, one vocabulary.

A name in an abstract is not always where the method is evaluated. The survey's table and section lead
(`survey/benchclause.py`) and the checker's reading of the lead's "X is evaluated on A" (`checker/evaluated.py`)
ask the same question of the clause before the mention, so they share these word lists and this reader:

- *not used at all* -- an objective the method integrates with ('integrates seamlessly with other RL objectives
  such as GSPO'), or a method it is compared with ('outperforms existing advances (e.g., GRPO and GSPO)',
  'better than DPO'): no benchmark or dataset of the paper's;
- *named, but not where it is evaluated* -- training data ('trained on RSD-generated traces', 'built on X'), a
  released resource ('we also release LC2024'), or the prior work it contrasts itself with ('Existing ...
  benchmarks such as ToMi', '... as in ToMi').

A comparison stops holding once an evaluation preposition follows it ('outperforms GRPO on MATH': MATH is where
it is evaluated).
"""

from __future__ import annotations

import re

# 'on' after these introduces the data a model learns from or rests on, not where it is evaluated.
TRAINING_WORDS = frozenset("""trained train trains training pretrained pre-trained tuned finetuned fine-tuned fine
    distilled built based building relies rely depends conditioned focus focuses focused focusing""".split())
# ... unless what rests on the data is an evaluation ('Evaluation results based on AlignBench show ...').
EVALUATION_NOUNS = frozenset("results result evaluation evaluations experiments experiment scores performance".split())
# Words that compare the method with another one: a name they govern is a competitor, not a benchmark.
COMPARING_WORDS = frozenset("""than versus vs outperforming outperforms outperform outperformed surpassing surpasses
    surpass surpassed beating beats beat""".split())
# 'on', 'across', 'in': an evaluation preposition after a comparison ('outperforms GRPO on MATH').
_EVAL_PREPOSITION = re.compile(r"\b(?:on|across|in|over)\b", re.IGNORECASE)

_TRAINED_ON = "|".join(sorted((re.escape(w) for w in TRAINING_WORDS if w != "fine"), key=len, reverse=True))
_EVALUATION_BEFORE = "".join(rf"(?<!\b{w}\s)" for w in sorted(EVALUATION_NOUNS))
# Not a benchmark or dataset the paper uses at all: an objective or method it is combined with.
_INTEGRATED = re.compile(r"\bintegrat(?:e|es|ed|ing)\b(?:\s+\w+)?\s+with\b[^.]*$", re.IGNORECASE)
# ... or a method it is compared with: a comparing word, or 'compared to/with', with no evaluation preposition after it.
_COMPARED = re.compile(r"(?:\b(?:" + "|".join(sorted(COMPARING_WORDS, key=len, reverse=True))
                       + r")\b|\bcompared\s+(?:to|with)\b|\brelative\s+to\b)(?P<rest>[^.]*)$", re.IGNORECASE)
# Named, but not where the method is evaluated: training data, a released resource, the prior work it contrasts.
_NOT_EVAL = re.compile(
    rf"{_EVALUATION_BEFORE}\b(?:{_TRAINED_ON}|fine\s+tuned)\s+on\s+(?:the\s+)?(?:\S+\s+){{0,2}}$"
    r"|\b(?:release[sd]?|releasing|open-?sourc(?:e|es|ed|ing))\b[^,]*$"
    r"|\b(?:existing|prior|previous|conventional|traditional)\s+(?:[\w-]+\s+){0,3}(?:benchmarks?|datasets?|methods?|"
    r"approaches|objectives?|algorithms?)\s+(?:such as|like|including|e\.g\.,?)\s+(?:[\w.+-]+(?:,|\s+and|\s+or)?\s+){0,4}$"
    r"|\bas\s+in\s+$",
    re.IGNORECASE)


def learns_from(before: str, word: str) -> bool:
    """True when 'on' after `word` (itself after `before`) introduces data learned from or rested on ('trained on',
    'built on'), not an evaluation ('results based on')."""
    return word.lower() in TRAINING_WORDS and before.lower() not in EVALUATION_NOUNS


def clause_before(text: str, start: int) -> str:
    """The text before text[start] back to the last sentence or clause boundary ('.', ';', ':', '!' or '?')."""
    head = text[:start]
    ends = [m.end() for m in re.finditer(r"(?<!\be\.g)(?<!\bi\.e)[.;:!?]\s", head)]
    return head[ends[-1]:] if ends else head


def compared_with(clause: str) -> bool:
    """True when the clause ends on what a comparing word governs ('outperforms existing advances (e.g., GRPO and')."""
    m = _COMPARED.search(re.sub(r"\b(?:e\.g|i\.e)\.", "eg", clause))
    return bool(m) and not _EVAL_PREPOSITION.search(m.group("rest"))


def not_used(clause: str) -> bool:
    """True when the name after `clause` is something the paper integrates with or compares against."""
    return bool(_INTEGRATED.search(clause)) or compared_with(clause)


def not_evaluated(clause: str) -> bool:
    """True when the name after `clause` is training data, a released resource or contrasted prior work."""
    return bool(_NOT_EVAL.search(clause))


def evaluation_mention(text: str, start: int, strict: bool = True) -> bool:
    """False when the clause before text[start] integrates with or compares against the name there, or (strict)
    trains on, releases or contrasts it."""
    clause = clause_before(text, start)
    return not (not_used(clause) or (strict and not_evaluated(clause)))


def evaluated(name: str, text: str, strict: bool = True, ignore_case: bool = False) -> bool:
    """Any mention of `name` in `text` is not one of the kinds above (a name not found at all: False)."""
    return any(evaluation_mention(text, m.start(), strict)
               for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE if ignore_case else 0))
