"""The eval's theme-title judge: is a section title a 2-8 word noun phrase a researcher would write?

Written apart from the writer's own title rules (reviewer/survey/titles.py), so `reviewer eval survey` does not
grade the writer with its own code.
"""

from __future__ import annotations

import re

from evals.survey_text import grammar_problem, topic_lead

_GENERIC_TITLES = frozenset(
    "llms llm language models large language models ai systems reinforcement learning reasoning alignment "
    "training evaluation methods findings approaches models benchmarks data".split("  ")
) | {"llms", "llm", "language models", "large language models", "ai systems", "reinforcement learning",
     "reasoning", "alignment", "training", "evaluation", "methods", "findings", "models", "benchmarks"}
_EDGE_WORDS = frozenset("a an the of for in on with and to via by from or as at".split())


# Words that open a prepositional or adverbial phrase: a title starting with one is a fragment
# ("During training of X"); "Towards" is how paper titles open, but a section title names a thing.
_PREPOSITIONS = frozenset("""during in on for with by from of to via at after before through toward towards
    without under over across among between about as into upon within beyond against while when""".split())
# Head nouns that name no subject of their own: a title whose head is one of these and whose other words
# are the survey topic's own ("Further work on PRMs") is a catch-all, not a theme.
_EMPTY_HEADS = frozenset("""work works further other more additional related miscellaneous misc topics topic
    advances approaches approach methods method studies study papers paper research directions aspects
    issues questions general various""".split())
CATCH_ALL = re.compile(r"^(?:further|other|more|additional|related|miscellaneous) (?:work|papers|studies|"
                        r"topics|approaches|methods|research)\b|^work on\b|\band (?:other|related|more)\b",
                        re.IGNORECASE)
# A finite verb ('Aligns LLMs ...', 'Optimizes policies ...') opens a clause, not a noun phrase.
_FINITE_VERB = re.compile(r"^(?:[a-z]+(?:izes|ises|ifies)|aligns|improves|enhances|learns|makes|uses|boosts|enables|"
                          r"yields|reduces|increases|trains|generates|elicits|induces)$")
CATCH_ALL_MAX = 3  # a catch-all of a few left-over papers is honest; of more it hides the themes


def _topic_words(topic: str) -> set[str]:
    """The topic's words and the acronyms its word runs form ('process reward models' -> 'prm', 'prms')."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w-]*", topic)]
    content = [w for w in words if w not in _EDGE_WORDS]
    out = set(words) | {w.rstrip("s") for w in words}
    for i in range(len(content)):
        for j in range(i + 2, len(content) + 1):
            acr = "".join(w[0] for w in content[i:j])
            out |= {acr, acr + "s"}
    return out


def _topic_glued(title: str, topic: str) -> str | None:
    """'Policy optimization and test-time compute scaling' in a survey of test-time compute scaling: a phrase of
    its own (two words or more) joined by 'and' to the topic's own words, which every section of the survey is
    about, so the second half says nothing of what separates this one."""
    parts = re.split(r"\s+and\s+", title.strip())
    if not topic or len(parts) != 2 or title.lower().strip() in topic.lower():
        return None  # ... but the topic's own 'A and B' ('Robot learning and embodied agents') names the survey
    left = [w for w in re.findall(r"[\w-]+", parts[0]) if w.lower() not in _EDGE_WORDS]
    right = [w.lower() for w in re.findall(r"[\w-]+", parts[1]) if w.lower() not in _EDGE_WORDS]
    own = _topic_words(topic)
    if len(left) >= 2 and len(right) >= 2 and all(w in own or w.rstrip("s") in own for w in right):
        return "the topic glued on with 'and'"
    return None


_DETERMINERS = frozenset("their its our this these that those more most only such every each some".split())
# Heads of a two-word title that name a class of models or a generic thing, not a subject of its own.
_CLASS_HEADS = frozenset("""llm llms lm lms mllms vlms language model models system systems agent agents method methods approach
    approaches framework frameworks work works paper papers study studies finding findings result results""".split())


def _pair_problem(words: list[str]) -> str | None:
    """A section may be named by a two-word noun phrase alone ('Human values', 'Calibrated confidence'): the
    survey's topic is what every section is about. Not by a class of models ('Reasoning models', 'Small LLMs'),
    an acronym or function word, or a capitalised name cut from its noun ('Monte Carlo')."""
    low = [w.lower().strip(",:;") for w in words]
    if any(w in _EDGE_WORDS for w in low) or low[0] in _DETERMINERS:
        return "2 words"  # 'Their uncertainty', 'More than': no noun phrase of its own
    if low[-1] in _CLASS_HEADS or re.fullmatch(r"[A-Z]*Ms?", words[-1]):  # 'Small LLMs', 'Multimodal LMs'
        return "names a class of models, not a subject"
    if low[-1] in _PREPOSITIONS or low[0].endswith("ly") or low[0] in {"you", "we", "it"} or _FINITE_VERB.match(low[-1]) \
            or re.fullmatch(r"(?:learn|reason|need|think|know|make)", low[-1]):
        return "a clause or fragment, not a noun phrase"  # 'Reasoning across', 'Learning enhances', 'You need'
    if re.fullmatch(r"[A-Z]{2,}s", words[0]) and words[1].islower():
        return f"plural '{words[0]}' stacked before a noun"  # 'LLMs reason': a clause, or a plural used as modifier
    if re.search(r"[a-z]{3}ed$", low[-1]) and not low[-1].endswith(("need", "seed", "speed", "feed")):
        return f"modifier '{words[-1]}' without its noun"  # 'Advancing tool-augmented': a participle, no head noun
    if all(w[:1].isupper() and w[1:].islower() for w in words):
        return "a name cut from its noun"
    return None


def title_problem(title: str, topic: str = "", n_papers: int = 0, only_theme: bool = False) -> str | None:
    """Why a theme title is not a 2-8 word noun phrase a researcher would write, or None.

    Beyond shape (length, generic, dangling function word), a title is flagged when it opens with a
    preposition (a fragment), when it is a catch-all ("Further work on X") over more than a few papers,
    and when, once the topic's own words are set aside, it names nothing but an empty head ("work").
    """
    words = title.split()
    if not 2 <= len(words) <= 8:
        return f"{len(words)} words"
    if len(words) == 2 and _pair_problem(words):
        return _pair_problem(words)
    low = [w.lower().strip(",:;") for w in words]
    if title.lower() in _GENERIC_TITLES:
        return "generic"
    if low[0] in _PREPOSITIONS:
        return "starts with a preposition"
    if low[0] in _EDGE_WORDS or low[-1] in _EDGE_WORDS:
        return "starts or ends with a function word"
    if low[0] in {"allocate", "aligning", "using", "towards", "toward"} or _FINITE_VERB.match(low[0]):
        return "opens with a verb"
    if CATCH_ALL.search(title):  # a few left-over papers may be "further work"; more hide the themes
        return f"catch-all over {n_papers} papers" if n_papers > CATCH_ALL_MAX else None
    grammar = grammar_problem(title)
    if grammar:
        return grammar
    glued = _topic_glued(title, topic)
    if glued:
        return glued
    own = _topic_words(topic) | _EDGE_WORDS | {w.lower() for w in _GENERIC_TITLES} | {
        "llm", "llms", "language", "large", "model", "models"}
    # A one-section survey is titled by its topic (or by the topic's noun phrase once a leading 'which'/'what'
    # goes: 'which values LLMs hold' -> 'Values LLMs hold'), which is right; a theme must name more than the topic.
    as_topic = {topic.lower(), re.sub(r"^(?:which|what)\s+", "", topic.lower())}
    if topic_lead(title, topic):  # ... or by its opening words cut before a clause (survey_text.topic_lead)
        as_topic.add(title.lower())
    if only_theme and re.search(rf"(?<![\w-]){re.escape(title.lower())}(?![\w-])", topic.lower()):
        as_topic.add(title.lower())  # ... or, as the only theme, by a run of the topic's own words
    if topic and title.lower() not in as_topic and all(w in own or w in _EMPTY_HEADS for w in low):
        return "names nothing beyond the topic"
    return None
