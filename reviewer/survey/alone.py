"""When a theme's label can be its section's title on its own, without the survey's head glued on.

Every section of a survey is about the survey's topic, so '<label> and <head>' ('Human values and reward signals')
repeats the topic and asserts a relation the papers may not have; a researcher names the section by its own
subject ('Human values'). The glue is kept only for labels that are no complete noun phrase alone: a single
word, a model class or generic words ('LLMs', 'Reasoning models', 'AI systems'), a modifier without its noun
('Multilingual', 'Step-level'), or a clause or verb phrase ('Aligning LLMs', 'LLMs reason'). A name cut from its
noun ('Monte Carlo') is completed from the texts before it gets here (titles.whole_label).
"""

from __future__ import annotations

import re

from reviewer.survey.headclean import _ADJECTIVES, _DANGLING, _RELATIONAL, _verb_after_subject
from reviewer.survey.terms import _ADJECTIVE_END, _NOUNS_LOOKING_ADJ
from reviewer.survey.titlewords import _LEADING_GLUE, opens_with_gerund, opens_with_verb

# Words that name no theme alone ('LLMs', 'AI systems', 'Reinforcement learning'); themes.py and others use it.
GENERIC_THEME_WORDS = frozenset("""llm llms lm lms language model models large ai system systems reasoning
    reinforcement learning alignment training evaluation method methods finding findings approach approaches
    work works paper papers study studies analysis results framework frameworks""".split())
# Words a label's head can be that name no subject of a section: a model class or a generic word.
_GENERIC_HEADS = frozenset("""llm llms lm lms language model models system systems method methods approach
    approaches framework frameworks work works paper papers study studies finding findings result results
    agent agents""".split())


def stands_alone(label: str) -> bool:
    """The label is a complete noun phrase naming a subject of its own: two content words or more, headed by a
    noun that is no model class, generic or relational word, and no clause or verb phrase."""
    words = re.findall(r"[\w-]+", label)
    content = [w for w in words if w.lower() not in _DANGLING]
    if len(content) < 2 or len(words) != len(label.split()):
        return False
    head = content[-1]
    low = head.lower()
    if low in _GENERIC_HEADS or low in _RELATIONAL or re.fullmatch(r"[A-Z]*Ms?", head):
        return False  # 'Reasoning models', 'Small LLMs', 'Candidate types': a class of models or no subject;
        # a thing of its own may ('Preference datasets', 'Generative verifiers', 'Constitutional AI')
    if all(w.lower() in GENERIC_THEME_WORDS for w in content):
        return False  # 'Reinforcement learning', 'Language model training': every section of the field is about it
    if re.fullmatch(r"[A-Z]{2,}s", content[0]):
        return False  # 'LLMs regarding', 'LLMs reason': a plural is no modifier, so a clause or a fragment
    cased = [w.lower() if w[1:].islower() else w for w in content]  # as in running text
    if low in _LEADING_GLUE or opens_with_verb(head) and low.endswith("s") or cased[0].endswith("ly") or cased[0] in {"you", "we", "it"}:
        return False  # 'Reasoning across', 'Learning enhances', 'Implicitly learn', 'You need': no noun phrase
    if opens_with_verb(label) or opens_with_gerund(label) or _verb_after_subject(cased, 1):  # 'Models know'
        return False
    # A modifier without its noun ('Multilingual', 'Tool-augmented', 'Mathematical').
    return not _modifier(head)


def _modifier(word: str) -> bool:
    """By its ending, an adjective or participle ('mathematical', 'generative', 'calibrated'); a name is a noun."""
    if any(c.isupper() for c in word[1:]):
        return False
    low = word.lower()
    if "-" in low:  # 'step-level', 'model-based', 'long-context' modify; 'chain-of-thought' is a noun
        return low.rsplit("-", 1)[1] in {"level", "based", "aware", "free", "driven", "guided", "specific", "like"}
    if low in _NOUNS_LOOKING_ADJ:
        return False
    return low in _ADJECTIVES or bool(_ADJECTIVE_END.search(low)) or bool(re.search(r"(?:ical|[^e]ed)$", low))



# A head that names a class of models ('language models', 'compact models', 'multimodal LLMs', 'policies'): every
# paper of the survey is about one, so '<label> in/of/with/for <head>' says no more than the label.
_MODEL_NOUN = re.compile(r"[A-Za-z-]*(?:models?|LLMs?|LMs?|polic(?:y|ies))")
_CLASS_WORDS = frozenset("""small compact tiny large frontier base pretrained pre-trained open open-source open-weight
    proprietary multimodal vision-language multilingual autoregressive""".split())


def model_class(head: str) -> bool:
    """The head is a model class: a model noun after only generic words or size/modality adjectives ('small
    language models', 'multimodal models'); not 'reward models', 'diffusion models'. Agents are a thing a technique
    serves ('Tree search for LLM agents')."""
    words = head.split()
    if not words or not _MODEL_NOUN.fullmatch(words[-1]):
        return False
    return all(w.lower() in GENERIC_THEME_WORDS or w.lower() in _CLASS_WORDS or re.fullmatch(r"[A-Z]{2,}s?", w)
               for w in words[:-1])
