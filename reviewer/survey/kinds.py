"""What kind of contribution a paper makes: a method, an empirical study, or a benchmark or dataset.

Papers that share no phrase still differ in kind, and a reader scanning a survey wants the studies of
a field apart from the new methods it proposes. So a catch-all that no shared phrase can split is
split by kind and named for it ("Empirical studies of PRMs"), or, for methods, by the methods' names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal, TypeVar

from reviewer.survey.headclean import noun_phrase_head
from reviewer.textutil import split_sentences

Kind = Literal["method", "study", "benchmark"]
K = TypeVar("K")  # what a caller keys its papers by: a paper key, or an index into its evidence
PaperKind = Literal["method", "study", "benchmark", "survey"]

# A title asking a question or announcing a study ("What Are ...?", "Lessons of ...", "Bag of Tricks ...").
_STUDY_TITLE = re.compile(
    r"^(?:what|how|why|when|is|are|can|do|does|should|on the|rethinking|revisiting|understanding|"
    r"investigating|examining|demystifying|unveiling|a (?:closer )?look)\b|\b(?:lessons?|bag of tricks|"
    r"(?:an? )?(?:empirical|systematic|comprehensive) (?:study|analysis|investigation|evaluation)|"
    r"findings|a survey|insights)\b|\?", re.IGNORECASE)
_STUDY_SENTENCE = re.compile(
    r"\b(?:we|this (?:paper|work|study))\s+(?:\w+ly\s+)?(?:conduct|perform|present|provide|carry out)\s+"
    r"(?:an?|the first)\s+(?:\w+\s+){0,3}(?:study|analysis|investigation|evaluation|examination)\b|"
    r"\b(?:we|this (?:paper|work|study))\s+(?:\w+ly\s+)?(?:investigate|analy[sz]e|examine|study|revisit|"
    r"explore|evaluate)\b", re.IGNORECASE)
_PROPOSES = re.compile(r"\b(?:we|this (?:paper|work))\s+(?:\w+ly\s+)?(?:propose|introduce|present|develop|design)s?\b"
                       r"(?![^.]{0,60}\b(?:benchmark|dataset|study|analysis)\b)", re.IGNORECASE)
_BENCHMARK = re.compile(
    r"\b(?:we|this (?:paper|work))\s+(?:\w+ly\s+)?(?:introduce|present|propose|release|construct|build|curate|"
    r"create)s?\s+[^.]{0,60}\b(?:benchmark|dataset|corpus|test suite|evaluation (?:suite|paradigm|framework|protocol))\b",
    re.IGNORECASE)


_NAMED_RESOURCE = re.compile(
    r"\b[Ww]e\s+(?:\w+ly\s+)?(?:introduce|present|release|construct|build|curate|collect|create)\s+([A-Z][\w-]+),\s+"
    r"(?:a|an)\s+[^.]{0,80}?\b(?:dataset|benchmark|corpus)\b")
# A title whose subtitle is a dataset or benchmark ('CasiMedicos-Arg: A Medical Question Answering Dataset ...',
# '... -- A Comprehensive Chinese Medical Exam Dataset'): the paper's contribution is that resource.
_DATASET_TITLE = re.compile(r"(?::|\s--?\s)\s*(?:An?|The)\s+(?:[\w-]+\s+){0,6}?(?:Dataset|Benchmark|Corpus)s?\b"
                            r"(?!\s+(?:Construction|Generation|Synthesis|Curation|Selection|Filtering)\b)",
                            re.IGNORECASE)
# A title that announces an evaluation of something ('Evaluating Robustness of ...', 'Benchmarking LLMs on ...').
_EVALUATION_TITLE = re.compile(r"(?:evaluating|benchmarking|assessing|measuring)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)  # pure; the outline and each section lead ask again for the same papers
def contribution_kind(title: str, abstract: str) -> Kind:
    """'benchmark' when the paper's own contribution is a benchmark or dataset; 'study' when its title
    announces a study or its abstract studies without proposing a method; else 'method'."""
    sentences = split_sentences(abstract)
    if any(_BENCHMARK.search(s) for s in sentences) and re.search(r"bench|dataset|corpus", title, re.IGNORECASE):
        return "benchmark"
    if _DATASET_TITLE.search(title):
        return "benchmark"  # 'COIG-P: A High-Quality and Large-Scale Chinese Preference Dataset for Alignment ...'
    for m in _NAMED_RESOURCE.finditer(abstract):
        if m.group(1) in title:
            return "benchmark"  # 'we present UltraFeedback, a large-scale ... preference dataset'
        # 'Evaluating Robustness of Reward Models ...': a title announcing an evaluation over an abstract whose
        # named benchmark ('we construct RewardMATH, a benchmark ...') is what its results are reported on.
        if _EVALUATION_TITLE.match(title) and sum(1 for s in sentences if m.group(1) in s) >= 2:
            return "benchmark"
    name = title.split(":", 1)[0].strip() if ":" in title else ""
    if name and re.search(r"Bench|Eval\b|QA\b", name) and re.search(
            rf"\bwe\s+(?:\w+ly\s+)?(?:introduce|present|propose|release|construct|build|curate)\s+{re.escape(name)}\b",
            abstract, re.IGNORECASE):
        return "benchmark"  # 'we present MoReBench: 1,000 moral scenarios ...'
    proposes = any(_PROPOSES.search(s) for s in sentences)
    # 'What makes Reasoning Models Different? ...': a question title over an abstract that names the method it
    # proposes ('we propose FoReaL-Decoding, ...') is a method paper that opens with its motivating question.
    if _STUDY_TITLE.search(title) and not any(_names_method(s, sentences) for s in sentences):
        return "method" if _own_name_wins(sentences) else "study"
    studies = any(_STUDY_SENTENCE.search(s) for s in sentences)
    return "study" if studies and not proposes and not _own_name_wins(sentences) else "method"


# A name the paper coins: two capitals, or a capital and a digit or '^' ('CUT', 'DOVE', 'TP-LLaMA', 'R^3', 'Guru-7B').
_NAME = re.compile(r"(?<![\w^-])(?=[\w^-]*[A-Z][\w^-]*[A-Z0-9^])[A-Z][\w^-]*[\w^]")
_OWN_VOICE = re.compile(r"\b(?:we|our|this (?:paper|work|study))\b[^.]*\b(?:propos\w*|introduc\w*|present\w*|develop\w*|"
                        r"design\w*|resulting in|call\w*|dub\w*|named|term\w*)\b", re.IGNORECASE)
# A result reported against others: what a study does not claim for a name of its own.
_BEATS = re.compile(r"\b(?:outperform\w*|surpass\w*|beats?|(?:improvements?|gains?) over|state-of-the-art "
                    r"(?:performance|results))\b", re.IGNORECASE)


def _own_name_wins(sentences: list[str]) -> bool:
    """The abstract reports that a name it introduces itself beats others: the name first appears in a sentence in
    the paper's own voice that proposes, introduces or names something ('we propose a novel framework, Contrastive Unlikelihood Training (CUT)', 'resulting in our
    ToolPrefer-LLaMA (TP-LLaMA) model'), and a later or the same sentence has it before a win over others ('TP-LLaMA
    significantly outperforms the baselines', '... using DOVE outperforms the LLM trained with DPO'). A paper whose
    own named method wins is a method paper, however much it also studies; a study's wins belong to what it studies
    ('medical LLMs only outperform their base models in 12.1% of cases'), which it did not name first."""
    first: dict[str, int] = {}
    for i, s in enumerate(sentences):
        for m in _NAME.finditer(s):
            first.setdefault(m.group(0), i)
    own = {n for n, i in first.items() if _OWN_VOICE.search(sentences[i])}
    for s in sentences:
        win = _BEATS.search(s)
        if win and any(m.group(0) in own for m in _NAME.finditer(s[:win.start()])):
            return True
    return False


# A survey or review article ('... : A Survey', 'A Systematic Review for ...', 'This survey provides ...').
_SURVEY_TITLE = re.compile(r"\b(?:A|An)\s+(?:[A-Z][\w-]+\s+)?(?:Survey|Review)\b")
_SURVEY_ABSTRACT = re.compile(r"\b(?:this|our|the present) (?:survey|review)\b|\bwe survey\b|\b(?:provide|present|offer|"
                              r"conduct|introduce)s?\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:survey|review|overview)\s+of\b",
                              re.IGNORECASE)  # '... provides a comprehensive review of recent advances in ...' 


def is_survey_text(title: str, abstract: str) -> bool:
    """The paper is a survey or review article: it reports no study of its own, so it is no empirical study (a
    'study' to contribution_kind, which has no kind for it, but never under an 'Empirical studies of X' title)."""
    return bool(_SURVEY_TITLE.search(title) or _SURVEY_ABSTRACT.search(abstract))


# A coined name: a word with a capital after its first letter ('FoReaL-Decoding', 'ThoughtMani', 'TRAAC').
_COINED = re.compile(r"\b[A-Za-z][a-z]*[A-Z][\w-]*")


def _names_method(sentence: str, sentences: list[str]) -> bool:
    """The sentence proposes a method under a coined name ('we propose FoReaL-Decoding, a ... method'), not an
    analysis, benchmark or dataset (kinds._PROPOSES), and the abstract comes back to that name in two more of its
    sentences: the method is what the paper reports on, not an aside to its study ('we also propose a defense')."""
    m = _PROPOSES.search(sentence)
    name = _COINED.search(sentence[m.end():m.end() + 40]) if m is not None else None
    if m is None or name is None or _RESOURCE.search(sentence[m.end():]) or _RESOURCE.search(sentence[:m.start()]):
        return False
    return sum(1 for s in sentences if s is not sentence and name.group(0) in s) >= 2


# What a coined name may stand for other than a method: a resource or a study ('a focused benchmark of 700 ...').
_RESOURCE = re.compile(r"\b(?:benchmarks?|datasets?|corpus|corpora|environments?|sandbox|testbeds?|suites?|"
                       r"stud(?:y|ies)|analys[ie]s|concepts?)\b", re.IGNORECASE)


_CUT_BEFORE = frozenset("by for in of with on to from via that which while when".split())
_CUT_ALSO = frozenset("over across beyond under at".split())


def _short_topic(topic: str) -> str:
    """The topic, cut before its last prepositional phrase or clause until it fits a five-word slot in a kind
    title ('tool use by language model agents' -> 'tool use'); '' for a question."""
    words = topic.split()
    while len(words) > 5:
        cut = max((i for i, w in enumerate(words) if i >= 1 and w.lower() in _CUT_BEFORE), default=0)
        if not cut:
            return ""
        words = words[:cut]
    # 'studies of when and how ...' cut to 'studies of': no noun phrase, so no head ('Empirical studies of studies of')
    if topic.endswith("?"):
        return ""
    # 'ordering training problems from easy' (a 'from easy to hard' cut in two) is no noun phrase: cut again, before
    # the phrase that dangles ('ordering training problems').
    while words and not noun_phrase_head(" ".join(words)):
        cut = max((i for i, w in enumerate(words) if i >= 2 and w.lower() in _CUT_BEFORE), default=0)
        words = words[:cut]  # ... keeping two words at least: 'studies of when ...' gives no head, not 'studies'
    return noun_phrase_head(" ".join(words)) if words else ""


def reading_groups(kinds: dict[K, PaperKind], head: str, topic: str) -> list[tuple[TitledKind, list[K]]]:
    """The papers of each titled kind, in order; studies and surveys as one group when both are present and its
    title ('Studies and surveys of X') has at most eight words, so a lone survey beside studies is not left apart."""
    of = {k: [key for key, v in kinds.items() if v == k] for k in ("study", "benchmark", "survey")}
    if of["study"] and of["survey"] and len(kind_title("study+survey", head, topic).split()) <= 8:
        return [("study+survey", of["study"] + of["survey"]), ("benchmark", of["benchmark"])]
    return [("study", of["study"]), ("benchmark", of["benchmark"]), ("survey", of["survey"])]


def paper_kind(title: str, abstract: str) -> PaperKind:
    """contribution_kind, with survey and review articles apart from the empirical studies (is_survey_text): what a
    kind theme groups by."""
    return "survey" if is_survey_text(title, abstract) else contribution_kind(title, abstract)


TitledKind = Literal["study", "benchmark", "survey", "study+survey"]


def kind_title(kind: TitledKind, head: str, topic: str = "") -> str:
    """A 3-8 word title for a group of one kind: 'Empirical studies of PRMs', 'Benchmarks and datasets for PRMs',
    'Surveys of PRMs', 'Studies and surveys of PRMs'.
    Methods get no kind title: those no phrase or technique family unites go under 'Further work'. Without a
    head phrase the topic, cut to five words, names what was studied ('Empirical studies of tool use');
    'the topic' says nothing to a reader of the section list."""
    head = head or _short_topic(topic) or "the topic"
    if kind == "study":
        return f"Empirical studies of {head}"
    if kind == "survey":
        return f"Surveys of {head}"
    if kind == "study+survey":  # studies with a survey article among them: the title is true of both
        words = head.split()  # ... its head cut before its last prepositional phrase until the title has 8 words
        while len(words) > 4:  # 'test-time scaling of LLM reasoning' -> 'test-time scaling'
            cut = max((i for i, w in enumerate(words) if i >= 1 and w.lower() in _CUT_BEFORE | _CUT_ALSO), default=0)
            if not cut:
                break
            words = words[:cut]
        return f"Studies and surveys of {' '.join(words)}"
    # in a survey of 'reward model benchmarks', the benchmarks are for reward models
    base = re.sub(r"\s+(?:benchmarks?|datasets?|evaluations?)$", "", head, flags=re.IGNORECASE)
    if base != head:
        base = base + ("s" if re.search(r"(?i)model$", base) else "")
    return f"Benchmarks and datasets for {base}"
