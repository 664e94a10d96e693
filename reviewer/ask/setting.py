"""Refusing a question that asks for a setting of a method, or the model it started from, that no close abstract gives.

An abstract names a method, what it does and what it reached; it rarely gives the values its authors chose (a sampling
temperature, a KL coefficient, a clipping threshold, a context length) or, often, which pretrained model the method
was built on. A question asking FOR such a value ("What sampling temperature did X use for its drafts?", "Which base
model was copied into the generator and the critic?") is answered only by a sentence that states it: the setting's
words with a value beside them ("a temperature of 0.7", "beta = 0.1"), or the role with a model's name beside it
("the LLaMA-2-70b base language model"). A sentence that only mentions the setting ("tuning temperature can improve
performance by up to 5%") or the role ("two copies of a base model") does not answer it. When no sentence of the papers
of the best-ranked sentences states it, `ask` refuses (branch a30; the value-free families are `detail.py`'s).

Only what the question asks FOR counts: its wh-word and head noun ("What sampling temperature ...?", "How many training
steps ...?", "Which backbone model ...?"). A question that merely mentions a setting ("By how much can tuning the
sampling temperature improve reasoning?") asks for a gain, which abstracts do state, and is not judged here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.textutil import split_sentences

# Settings whose value is a number. Each pattern is the setting's own words, as a question asks for it and as an
# abstract states it.
SETTINGS: dict[str, str] = {
    "sampling temperature": r"temperatures?",
    "coefficient": r"(?:KL|penalty|regulari[sz]ation|entropy|loss)?\s*(?:coefficients?|weights?\s+(?:of|on)\s+the\s+KL)",
    "threshold": r"thresholds?|cut-?offs?",
    "clipping range": r"clip(?:ping)?\s+(?:ratios?|ranges?|thresholds?|epsilons?|values?)",
    "discount factor": r"discount\s+factors?",
    "nucleus sampling": r"top-?[pk](?:\s+values?)?",
    "group size": r"group\s+sizes?",
    "vocabulary size": r"vocabular(?:y|ies)\s+sizes?",
    "context length": r"(?:context|sequence|generation|maximum|max)\s+(?:lengths?|windows?)|window\s+sizes?",
    "number of training steps": r"(?:training|gradient|update|optimi[sz]ation)\s+(?:steps|iterations)",
}
# "What <up to three words> <setting> ...?" / "How many <setting> ...?": the setting is what the question asks for.
_WH = r"^\s*(?:(?:under|on|in|at|from|by|with|for|to|of)\s+)?(?:what|which|how\s+many|how\s+large\s+an?|how\s+high\s+an?)\s+"
_ASKS = {name: re.compile(_WH + r"(?:[\w-]+\s+){0,3}?(?:" + words + r")\b", re.IGNORECASE)
         for name, words in SETTINGS.items()}
_STATES = {name: re.compile(r"\b(?:" + words + r")\b", re.IGNORECASE) for name, words in SETTINGS.items()}
# A value: a number ("0.7", "1e-3", "8k", "4,096") or a number word; how far from the setting's words (in words).
_VALUE = re.compile(r"^(?:\d[\d,.]*(?:e-?\d+)?[kKMB%]?|one|two|three|four|five|six|seven|eight|nine|ten)$")
VALUE_WINDOW = 6

# A model a method was built on, asked by its role: "Which base model ...?", "What backbone LLM ...?".
_ROLE = r"(?:base|backbone|teacher|student|initial|underlying|pre-?trained|foundation|starting|seed)"
_ASKS_MODEL = re.compile(_WH + r"(?:[\w-]+\s+){0,2}?" + _ROLE + r"\s+(?:(?:language|vision-language|reasoning)\s+)?"
                         r"(?:models?|LLMs?|checkpoints?|networks?)\b|" + _WH + r"backbones?\b", re.IGNORECASE)
# The role, or a verb that puts a model in it ("we train Qwen2.5-7B", "applied to LLaMA-2-70b"): read leniently, since
# a name beside any of them is more likely the answer than not.
_STATES_ROLE = re.compile(r"\b(?:" + _ROLE + r"|backbones?|built\s+(?:on|upon)|(?:fine-?)?tun(?:e|es|ed|ing)|initiali[sz]\w*|"
                          r"distill\w*\s+from|starting\s+from|train\w*|appl(?:y|ies|ied|ying))\b", re.IGNORECASE)
# A model's name carries a version or a size: "LLaMA-2-70b", "Qwen2.5-7B", "GPT-4o", "Mistral-7B", "T5".
_MODEL_NAME = re.compile(r"^(?=.*[A-Za-z])(?=.*\d)[A-Za-z][\w.]*(?:-[\w.]+)*$")
MODEL_WINDOW = 8
MODEL_ROLE = "model it was built on"
SETTING_NAMES = frozenset([*SETTINGS, MODEL_ROLE])


def asked_setting(question: str) -> str | None:
    """The setting or model role the question asks for by its wh-word and head noun, or None."""
    if _ASKS_MODEL.search(question):
        return MODEL_ROLE
    return next((name for name, pattern in _ASKS.items() if pattern.search(question)), None)


def _tokens(sentence: str) -> list[str]:
    return re.findall(r"[\w.%,-]+", sentence)


def _near(sentence: str, words: re.Pattern[str], value: Callable[[str], bool], window: int) -> bool:
    """The sentence uses the words with a value token at most `window` words from them."""
    tokens = [t.strip(".,") for t in _tokens(sentence)]
    for m in words.finditer(sentence):
        at = len(_tokens(sentence[: m.start()]))
        span = len(_tokens(m.group(0))) or 1
        if any(value(t) for t in tokens[max(0, at - window): at] + tokens[at + span: at + span + window]):
            return True
    return False


# A name in a title: a capital or a digit after its first letter ("RM-R1", "ReasonFlux-PRM", "GPT-4"), not a title word.
_TITLE_NAME = re.compile(r"^[A-Za-z][\w.-]*[A-Z0-9][\w.-]*$")


def own_names(title: str) -> set[str]:
    """The names a paper's title gives (its own method or model: "RM-R1: Reward Modeling as Reasoning")."""
    return {w.lower() for w in (t.strip(".,:;()") for t in title.split()) if _TITLE_NAME.match(w)}


def _other_model(token: str, own: set[str]) -> bool:
    """A model's name that is not the paper's own ("RM-R1", "ReasonFlux-PRM-7B" under "ReasonFlux-PRM: ...")."""
    low = token.lower()
    return bool(_MODEL_NAME.match(token)) and not any(low == n or low.startswith(n + "-") for n in own)


def states_setting(setting: str, text: str, title: str = "") -> bool:
    """Some sentence of the text gives the setting's value (or, for a model role, a model's name beside the role that
    is not one the paper's title names: "we train a family of ReasRMs, RM-R1" names what was built, not the model it
    was built on)."""
    if setting == MODEL_ROLE:
        own = own_names(title)
        return any(_near(s, _STATES_ROLE, lambda t: _other_model(t, own), MODEL_WINDOW) for s in split_sentences(text))
    return any(_near(s, _STATES[setting], lambda t: bool(_VALUE.match(t)), VALUE_WINDOW) for s in split_sentences(text))
