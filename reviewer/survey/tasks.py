"""The table's Task cell: the problem a paper addresses, read from its abstract's own statements.

The references already give each paper's title, so a Task cell that restates the title (or its part after the
method's name) tells a reader nothing new. The abstract says what the paper is for: 'a framework for X', 'the
problem of X', 'a method to align X', 'we study X'. Only when it says none of these does the title give the
task, and then only its task phrase ('... for X', the object of a leading '-ing' verb before 'with/via'), not
the whole title.
"""

from __future__ import annotations

import re

from reviewer.models import Paper
from reviewer.roles import Role, sentence_roles
from reviewer.survey.names import clean_task
from reviewer.survey.prose import is_boilerplate
from reviewer.survey.sentcase import as_in_abstract as _as_in_abstract
from reviewer.survey.taskpurpose import contributed
from reviewer.survey.tasktitle import on_title, subtitle
from reviewer.survey.terms import _NOUNS_LOOKING_ADJ
from reviewer.textutil import split_sentences

# A participle that opens a modifier of the thing built ('a benchmark for character-grounded roleplay spanning 30
# iconic heroes', 'a corpus for X consisting of ...'): what follows says what the thing holds, not its task.
_PARTICIPLES = r"(?:spanning|covering|containing|consisting|comprising|featuring|encompassing)"
# Shared with table.py (the method column reads the same contribution sentence).
_CONTRIBUTION = re.compile(
    r"\b(?:we|this (?:paper|work|study))\s+(?:\w+ly\s+)?(?:propose|introduce|present|develop|design|"
    r"release|construct|build|curate|describe)s?\s+(?P<obj>[^.;]+)",
    re.IGNORECASE,
)
_FOR_TASK = re.compile(r"(?<!need )(?<!needs )\bfor\s+(?!the most|a\s|an\s|each|all\s|this|these|example|instance|that|which)(?P<task>(?:[\w\-]+\s+){0,7}?[\w\-]+)(?=[,.;:()]|\s(?:that|which|by|via|"
                       r"using|with|through|while|and\s(?:we|achiev|show))\b|$)", re.IGNORECASE)
_DEICTIC = re.compile(r"\b(?:this|these|that|those|it|its|such|our|their)\b", re.IGNORECASE)


def _sentences(paper: Paper) -> list[str]:
    return [s for s in split_sentences(paper.abstract) if not is_boilerplate(s)]


# Where a task phrase ends: punctuation, a relative clause, the means ('by', 'via', 'using') or the results.
_END = (r"(?=\s*(?:[,;:()]|\.(?!\d))|(?<!ed)\sby\b|\s(?:that|which|who|whose|via|using|through|while|whereby|where|without|so that|"
        rf"{_PARTICIPLES}|and\s"
        r"(?:we|achiev|show|demonstrat|evaluat|propos|introduc|find|discuss|reveal|observe|argue|highlight)|from scratch)\b|$)")
_PHRASE = r"(?P<task>(?:[\w\-'/]+\s+){0,9}?[\w\-/]+)"
_THING = (r"(?:methods?|approach(?:es)?|frameworks?|algorithms?|techniques?|strateg(?:y|ies)|pipelines?|recipes?|"
          r"systems?|models?|benchmarks?|datasets?|paradigms?|procedures?|schemes?|loss(?:es)?|objectives?|"
          r"mechanisms?|tools?|protocols?|environments?|suites?|testbeds?|solutions?)")
_OF_PROBLEM = re.compile(rf"\bthe (?:[\w-]+ )?(?:problem|task|challenge|issue) of\s+{_PHRASE}{_END}", re.IGNORECASE)
# The paper's own voice: 'a framework for X' or 'a model to V' said of another work's method is not its task.
_OWN = re.compile(r"\b(?:we|our|this (?:paper|work|study))\b", re.IGNORECASE)
_THING_FOR = re.compile(
    rf"\b{_THING}\s+(?:(?:designed|tailored|built|developed|specifically|explicitly)\s+)*for\s+"
    rf"(?!the most|a\s|an\s|each|all\s|this|these|example|instance|that|which|free\b){_PHRASE}{_END}", re.IGNORECASE)
_PURPOSE = re.compile(
    rf"\b(?:{_THING}\s+(?:(?:designed|tailored|built|developed|that aims?|aiming|aims?)\s+)?to|designed to|"
    rf"aims? to|aiming to|in order to|so as to)\s+(?P<verb>[a-z]{{3,}})\s+(?P<obj>(?:[\w\-'/]+\s+){{0,8}}?[\w\-/]+){_END}")
_STUDY = re.compile(rf"\bwe\s+(?:\w+ly\s+)?(?:study|investigate|address|tackle|examine|explore|focus on|"
                    rf"revisit)\s+(?!whether|how|why|what|when|if|the question|this|these|it\b){_PHRASE}{_END}",
                    re.IGNORECASE)
_TITLE_FOR = re.compile(rf"\bfor\s+{_PHRASE}$", re.IGNORECASE)
# ('from' in 'Reinforcement Learning from Human Feedback' is part of the term, not a means)
_MEANS = re.compile(r"\s+(?:with|via|through|using|by|(?<!learning )from(?!\s+(?:human|ai)\s+feedback)|without)\s+",
                    re.IGNORECASE)
_NOT_VERBS = frozenset("""the a an be this that these those its their our each all both and or any some more
    such further further other human humans""".split())
# A phrase that names no task ('more detail', 'research use', 'our study'), or points outside itself.
_EMPTY = re.compile(r"\b(?:this|these|that|those|it|its|itself|themselves|such|our|their|licen[cs]e[ds]?|usage|research (?:use|"
                    r"purposes?)|commercial|public|download\w*|reproducib\w*|future (?:research|work|studies)|questions?(?![- ]answering)|"
                    r"aspects?|ways?|one|two|three|four|several|years?|decades?)\b",
                    re.IGNORECASE)
# Word endings of an adjective or a noun: after 'approach to' they open a noun phrase, not an infinitive.
_NOUN_ENDS = ("able", "ible", "al", "ive", "ous", "ion", "ions", "ment", "ity", "ics")
_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_TRAILING = frozenset("in of for on with to by from at as into".split())


def gerund(verb: str) -> str:
    """'align' -> 'aligning', 'improve' -> 'improving', 'tie' -> 'tying', 'plan' -> 'planning'."""
    v = verb.lower()
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")):
        return v[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", v):  # one syllable ending consonant-vowel-consonant
        return v + v[-1] + "ing"
    return v + "ing"


_QUESTION = re.compile(r"^(?:whether|how|why|what|when|which|who|if)\b", re.IGNORECASE)
# Words that name the models a paper works on, not a task ('Large Language Models' after a survey's 'for').
_MODEL_WORDS = frozenset("large language models model llms llm lms lm agents agent ai systems the and of".split())


# Heads that name what is worked on or gained, not a problem: 'for Large Reasoning Models' says which models, 'for
# amplified benefits' what the authors hope for. With an action word before them ('Training reward models',
# 'Alignment of LLM agents') the phrase is a task again.
_NO_TASK_HEADS = frozenset("""models model llms llm lms lm mllms lrms vlms slms ai networks transformers
    benefits benefit gains gain advantages improvements performance results outcomes purposes applications""".split())
_PREPOSITION = re.compile(r"\s+(?:in|of|for|on|with|across|under|from|to|via|by|at)\s+", re.IGNORECASE)
_BOOST = re.compile(r"^(?:empower|boost|enhanc|improv|engag|mak|advanc|unlock|enabl|strengthen|elevat)\w*$", re.IGNORECASE)
_ACTION_WORD = re.compile(r"^[a-z-]+(?:ing|tion|sion|ment|ance|ence|ure|sis)$", re.IGNORECASE)


def _trimmed(task: str, low: int = 2) -> str:
    """'reasoning traces in' (cut before 'which'): the preposition belongs to the relative clause, not the task."""
    while len(task.split()) > low and task.split()[-1].lower() in _TRAILING:
        task = task.rsplit(" ", 1)[0]
    return task


# Words any paper of a reasoning or LLM survey could claim: a task made of nothing else ('LLM reasoning', 'Enhancing
# reasoning ability of MLLMs', 'Chain-of-Thought reasoning') tells no two papers apart, so a later source is tried.
_GENERIC_TASK_WORDS = frozenset("""reasoning reason llm llms lm lms lrm lrms mllm mllms vlm vlms language languages
    model models large ai chain-of-thought cot thought thoughts ability abilities capability capabilities
    performance of in for on with and the a an enhancing improving boosting unlocking advancing efficient""".split())


def generic_task(task: str) -> bool:
    """True when every word of the task is one of the generic words above."""
    words = [w.strip(",;:()").lower() for w in task.split()]
    return bool(words) and all(w in _GENERIC_TASK_WORDS for w in words if w)


# 'recent approaches' (from 'a survey of recent approaches'), 'addressing alignment challenges': a head that names only
# that there is work or trouble, with at most one word of what it is about, tells two papers apart by nothing.
_VAGUE_HEADS = frozenset("""approaches methods works advances progress techniques studies research developments
    challenges issues problems limitations gaps difficulties""".split())
_VAGUE_WORDS = frozenset("""recent existing current prior previous new novel various several key major open these
    addressing tackling solving overcoming mitigating""".split())


def vague_task(task: str) -> bool:
    """True when the task is a vague head ('approaches', 'challenges') with at most one other content word."""
    words = [w.strip(",;:()").lower() for w in task.split() if w.strip(",;:()")]
    content = [w for w in words if w not in _VAGUE_WORDS and w not in {"the", "a", "an", "of", "in", "for"}]
    return bool(words) and words[-1] in _VAGUE_HEADS and len(content) <= 2


def task_ok(task: str, low: int = 2, high: int = 9) -> str:
    task = _trimmed(clean_task(_DETERMINER.sub("", task.strip(" ,.;:"))), low)
    words = task.split()
    if not low <= len(words) <= high or _EMPTY.search(task) or _QUESTION.match(task) or generic_task(task) \
            or vague_task(task):
        return ""
    last = words[-1].lower()
    if re.fullmatch(r"[a-z]{2,}[^e]ed", last) or all(w.lower() in _MODEL_WORDS for w in words):
        return ""  # 'the issues caused' (cut before its 'by'), or only the models worked on
    if "?" in task or re.search(r"\s(?:of|for|up to|from|to|by|over|with)\s+\d+$", task):
        return ""  # a question and its answer ('Reasons to Reject? Aligning ...'); or cut inside a figure ('of 1,500')
    head = _PREPOSITION.split(task, maxsplit=1)[0].split()
    if len(head) > 1 and head[0].lower() in _NO_TASK_HEADS and re.fullmatch(r"[a-z]+(?:ing|ed)", head[1]):
        return ""  # 'models ranging from 1.5B to 32B parameters', 'LLMs trained on ...': the models studied  # 'Reward-policy maps in LLMs' is headed by 'maps'
    if head[-1].lower() in _NO_TASK_HEADS and _BOOST.match(head[0]) and all(
            w.lower() in _MODEL_WORDS | {"your", "our", "reasoning", "multimodal"} for w in head[1:-1]):
        return ""  # 'Empowering LLMs', 'Enhance Your Language Model': a vague gain for the models, no task
    # The action opens the phrase; 'reasoning' and 'thinking' before 'models' say which models, not what is done.
    if head[-1].lower() in _NO_TASK_HEADS and (len(head) == 1 or not _ACTION_WORD.match(head[0])
                                               or head[0].lower() in {"reasoning", "thinking"}):
        return ""
    return task


_RELATIVE_AFTER = re.compile(r"\s+(?:that|who|whom)\s+[^,;:.()]+")
_BARE_DEFINITE = re.compile(r"(?:^|\s)the\s+[\w-]+$", re.IGNORECASE)


def _restrictive(task: str, sentence: str, end: int) -> str:
    """'in order to learn the representations that people use': a task ending on a bare 'the <noun>' that the
    sentence continues with its restrictive clause ('that people use') says nothing without it, so the clause is
    kept, or the task dropped when that makes it longer than a cell's eleven words."""
    m = _RELATIVE_AFTER.match(sentence, end) if task and _BARE_DEFINITE.search(task) else None
    whole = f"{task} {m.group(0).strip()}" if m else task
    return whole if len(whole.split()) <= 11 else ""


_DETERMINED = re.compile(r"(?:the|a|an|their|its|our|these|this|those|current|existing|each|all)\s", re.IGNORECASE)
_VERB_NEXT = re.compile(r"\b(?:aims?|aiming|designed|tailored|built|developed|order|as)\s+to\s")
# 'our new X benchmark designed to V': the purpose of a thing the authors call theirs (taskpurpose.contributed).
_OUR_THING = re.compile(rf"\bour\s+(?:[\w-]+\s+){{0,3}}?{_THING}\b", re.IGNORECASE)


def from_sentence(sentence: str) -> str:
    """The task one own sentence states, or ''."""
    if not _OWN.search(sentence):
        return ""
    for pattern in (_OF_PROBLEM, _THING_FOR, _STUDY):
        m = pattern.search(sentence)
        task = _restrictive(task_ok(m.group("task")), sentence, m.end("task")) if m else ""
        if task:
            return task
    m = _PURPOSE.search(sentence)
    m = m if m and contributed(sentence, m, _OUR_THING) else None  # not a step's, a tool's or others' purpose
    # 'an approach to scalable alignment': a noun phrase, no verb; but after 'aiming to', 'designed to', 'in order to'
    # a verb follows ('aiming to enable efficient resource allocation')
    # ('a framework to augment current preference learning methods': a determiner after it makes it a verb too)
    if m and m.group("verb").endswith(_NOUN_ENDS) and not _VERB_NEXT.search(m.group(0)) \
            and not _DETERMINED.match(m.group("obj")):
        task = _restrictive(task_ok(f"{m.group('verb')} {m.group('obj')}"), sentence, m.end("obj"))
        if task:
            return task
    elif m and m.group("verb") not in _NOT_VERBS and not m.group("verb").endswith(("ing", "ed", "ly")):
        task = _restrictive(task_ok(f"{gerund(m.group('verb'))} {m.group('obj')}", 3, 10), sentence, m.end("obj"))
        if task:
            return task
    return ""


# 'we conduct a systematic investigation of X', 'we present the first comprehensive analysis of X': X is what the
# paper studies; 'a benchmark that evaluates X', 'a framework that jointly optimizes X': doing X is its task.
_INQUIRY = re.compile(
    rf"\b(?:we|this (?:paper|work|study))\s+(?:\w+ly\s+|first\s+|then\s+|also\s+)?(?:conducts?|presents?|performs?|provides?|offers?|carry out|"
    rf"carries out|undertakes?)\s+(?:an?\s+|the first\s+)?(?:[\w-]+\s+){{0,3}}?(?P<noun>evaluation|investigation|"
    rf"analysis|study|exploration|examination|assessment|survey|review|overview)\s+(?:of|for|on|into)\s+{_PHRASE}{_END}", re.IGNORECASE)
# 'a pipeline, ThoughtMani, to enable ...', 'an approach, namely SALMON (...), to align ...': the name in apposition
# sits between the thing and its purpose; or the thing between the name and it ('MultiRole-R1, a diversity-enhanced
# framework with multiple role perspectives, to improve ...').
_NAMED_PURPOSE = re.compile(
    rf"(?:\b{_THING},\s+(?:namely\s+|called\s+)?[A-Z]|(?<![\w-])[A-Z][\w.+-]*[A-Z0-9][\w.+-]*,\s+an?\s+)"
    rf"[^,;.]{{0,80}}?,\s+to\s+(?P<verb>[a-z]{{3,}})\s+"
    rf"(?P<obj>(?:[\w\-'/]+\s+){{0,7}}?[\w\-/]+){_END}")
_THAT_DOES = re.compile(
    rf"\b{_THING}\s+(?:that|which)\s+(?:\w+ly\s+)?(?P<verb>[a-z]{{3,}}?(?:ss|sh|ch|x|z)?)(?:es|s)\s+"
    rf"(?P<obj>(?:[\w\-'/]+\s+){{0,7}}?[\w\-/]+){_END}")
# Verbs of a thing's make-up or its results, not its task: 'a framework that uses/contains/outperforms ...'.
_NOT_TASK_VERBS = frozenset("""i ha doe wa use leverage employ combine consist contain include comprise require
    achieve outperform show provide introduce incorporate allow enable help serve relie rely build make take give
    offer let yield lead can need""".split())
_QUANTIFIERS = re.compile(r"\b(?:several|various|multiple|different|a (?:wide |broad )?range of)\s+", re.IGNORECASE)
# A phrase cut at a comma inside a noun phrase ('LLM decision-making in realistic, ...') ends on an adjective.
_ADJECTIVE_END = re.compile(r"(?:ic|ical|ous|ful|less|(?<!m)ent|ant|ive)$", re.IGNORECASE)


_ADDRESS = re.compile(r"\bwe\s+(?:address|tackle|solve)\b", re.IGNORECASE)
_COMPARED = re.compile(r"\s+(?:compared|relative)\s+(?:with|to)\b.*$", re.IGNORECASE)


def _whole(task: str) -> str:
    """The task without a comparison tacked on ('X compared with SFT models'), and without an adjective whose noun
    was cut off at a comma ('evaluating LLM decision-making in realistic' -> 'evaluating LLM decision-making')."""
    task = _COMPARED.sub("", task)
    words = task.split()
    if words and _ADJECTIVE_END.search(words[-1]) and words[-1].lower() not in _NOUNS_LOOKING_ADJ:
        task = _trimmed(" ".join(words[:-1]), 1)
        task = task if task.split()[-1].lower() not in _TRAILING else ""
    return task if len(task.split()) >= 2 else ""


def from_inquiry(sentence: str) -> str:
    """What an own sentence says the paper investigates, or what the thing it builds does; '' if neither."""
    m = _INQUIRY.search(sentence)
    if m:
        task = _QUANTIFIERS.sub("", m.group("task"))
        task = task_ok(f"evaluation of {task}", 3, 10) if m.group("noun").lower() in ("evaluation", "assessment") \
            else task_ok(task)
        if task and _whole(task):
            return _whole(task)
    m = _NAMED_PURPOSE.search(sentence)
    if m and m.group("verb") not in _NOT_VERBS and not m.group("verb").endswith(("ing", "ed", "ly")):
        task = _whole(task_ok(f"{gerund(m.group('verb'))} {m.group('obj')}", 3, 10))
        if task:
            return task
    m = _THAT_DOES.search(sentence)
    verb = m.group("verb").lower() if m else ""  # 'evaluat(es)', 'learn(s)', 'appli(es)'
    verb = verb[:-1] + "y" if verb.endswith("i") else verb
    # Only the thing the paper itself contributes ('we propose Cooper, a RL framework that ...').
    if m and not {verb, verb + "e"} & _NOT_TASK_VERBS and (_CONTRIBUTION.search(sentence[:m.start()])
                                                            or _ADDRESS.search(sentence[:m.start()])):
        return _whole(task_ok(f"{gerund(verb)} {m.group('obj')}", 3, 10))
    return ""


def from_abstract(sentences: list[str], method: str = "", title: str = "", abstract: str = "") -> str:
    """The first task the abstract's objective and method sentences state (the paper's own, not its background, and
    not that of a named benchmark it builds besides its method)."""
    roles = sentence_roles(sentences)
    for s, r in zip(sentences, roles, strict=True):
        c = _CONTRIBUTION.search(s)
        if c and _other_resource(c.group("obj"), method):
            continue
        if r in (Role.OBJECTIVE, Role.METHOD):
            task = from_sentence(s)
            if task and (not title or on_title(task, title, abstract)):
                return task
    return ""


# A title that is a claim about what its method does for a task: the task is the verb's object ('... Empowers
# Multimodal Reasoning'); for a problem it removes, the task is removing it ('... Prevents Thought Collapse in X').
# ('Time-Reversal Provides Unsupervised Feedback to LLMs', '... Elicits Effective Personalization to Real Users': what
# the method gives is its task as much as what it improves)
_TITLE_VERB = re.compile(r"\s(?P<verb>improves?|boosts?|empowers?|helps?|unlocks?|enhances?|advances?|elicits?|"
                         r"provides?|prevents?|avoids?)\s+(?P<obj>.+)$", re.IGNORECASE)


def from_title(title: str, method: str) -> str:
    """The title's task phrase: what follows its last 'for' ('Outcome Reward Models for Ranking SQL Queries'), or
    a leading '-ing' phrase before its means ('Enhancing Test-Time Scaling of LLMs with ...'); '' if neither."""
    sub = subtitle(title)
    m = _TITLE_FOR.search(sub)
    if m and task_ok(m.group("task"), 2, 8):
        return task_ok(m.group("task"), 2, 8)
    v = _TITLE_VERB.search(sub)
    if v and not _QUESTION.match(sub):  # 'Generated Checklists Improve LLM Evaluation and Generation'
        obj = task_ok(_MEANS.split(v.group("obj"), maxsplit=1)[0], 2, 8)
        if obj:
            return f"{v.group('verb').capitalize().rstrip('s')}ing {obj}" \
                if v.group("verb").lower().startswith(("prevent", "avoid")) else obj
    first = sub.split()[0].lower() if sub.split() else ""
    parts = _MEANS.split(sub, maxsplit=1)
    if first.endswith("ing") and len(parts) == 2 and (not method or not parts[0].lower().startswith(method.lower())):
        return task_ok(parts[0], 2, 8)
    return ""


# 'released for usage under MIT License', 'to support future research in ...': what a release is for, not a task.
_NOT_A_TASK = re.compile(r"\b(?:licen[cs]e[ds]?|usage|research (?:use|purposes?)|commercial|public|download\w*|"
                         r"reproducib\w*|future (?:research|work|studies))\b", re.IGNORECASE)


# 'we develop RABench, a comprehensive benchmark for RMs focusing on ...': the object is a benchmark or dataset
# with a name of its own.
_NAMED_RESOURCE_OBJ = re.compile(r"^\s*(?:the\s+)?(?P<name>[A-Z][\w.+-]*),?\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}?"
                                 r"(?:benchmark|dataset|corpus|test set)s?\b")


def _other_resource(obj: str, method: str) -> bool:
    """True when the contribution sentence builds a named benchmark or dataset that is not the paper's method (the
    method's task is not the benchmark's: RewardAnything's is not 'RMs focusing on generalization ...')."""
    m = _NAMED_RESOURCE_OBJ.match(obj)
    return bool(m and method and m.group("name").lower() != method.lower())


def task_of(paper: Paper, method: str) -> str:
    """What the paper addresses: 'for X' after its contribution, else what its own sentences or its title say it is for."""
    for sentence in _sentences(paper):
        c = _CONTRIBUTION.search(sentence)
        if not c or _other_resource(c.group("obj"), method):
            continue
        m = _FOR_TASK.search(c.group("obj"))
        if m and 2 <= len(m.group("task").split()) <= 8 and not _DEICTIC.search(m.group("task")) \
                and not _NOT_A_TASK.search(m.group("task")) and task_ok(m.group("task")):
            return clean_task(_trimmed(m.group("task")))
    # The problem the abstract's own sentences state, else the title's task phrase (tasks.py); the title itself
    # only when neither says one.
    task = (from_abstract(_sentences(paper), method, paper.title, paper.abstract)
            or _as_in_abstract(from_title(paper.title, method), paper.abstract))
    if task:
        return task
    sub = subtitle(paper.title)
    if method and sub.lower().startswith(method.lower()):
        return ""
    genre = from_genre_title(paper.title, method)
    if genre:
        return _as_in_abstract(genre, paper.abstract)
    # The title's 'what' without its 'how': 'Early Exit via Reinforcement Learning in Reasoning Models' -> 'Early
    # Exit'; the Method column names the means, and a cell repeating the title tells a reader nothing new.
    what = task_ok(_BY_MEANS.split(sub, maxsplit=1)[0], 2, 10) if _BY_MEANS.search(sub) else ""
    # ('Monte Carlo Tree Search Boosts Reasoning via ...': a claim about a method, its verb's object too short a task)
    what = "" if _TITLE_VERB.search(what) else what
    if what:
        return _as_in_abstract(what, paper.abstract)
    # What the paper investigates or what the thing it builds does, else a blank cell: never the title again (the
    # reference list already gives it, and a claim or a question is no task).
    sentences = _sentences(paper)
    for s, r in zip(sentences, sentence_roles(sentences), strict=True):
        task = from_inquiry(s) if r in (Role.OBJECTIVE, Role.METHOD) and _OWN.search(s) else ""
        if task:
            return task
    return ""


_BY_MEANS = re.compile(r"\s+(?:via|with|through|using)\s+", re.IGNORECASE)  # "without X" is part of the task


# A subtitle that names the kind of paper ('A Survey', 'An Empirical Study', 'A psychoanalytic perspective') or asks
# a question ('Are We Making Progress?'): the subject is in the head ('Medical Adaptation of LLMs: Are We ...?').
_GENRE = re.compile(r"^(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:survey|review|study|case[- ]study|perspective|analysis|overview|"
                    r"tutorial|primer|position paper|basics|opportunities)\b(?:\s+(?P<rel>of|on)\s+(?P<rest>.+))?",
                    re.IGNORECASE)


_CLAIM = re.compile(r"\b(?:is|are|was|were|do|does|did|can|will|not)\b", re.IGNORECASE)


def from_genre_title(title: str, method: str) -> str | None:
    """'Assessing Judging Bias in Large Reasoning Models: An Empirical Study' -> its head; 'A Survey of X' -> X;
    '' when the title names only its genre and its head is a claim or a name; None for any other title."""
    head, _, sub = title.partition(":")
    head, sub = head.strip(), sub.strip()
    m = _GENRE.match(sub or head)
    if m and m.group("rest"):  # 'A Systematic Study on the Impact of X', 'A Survey of Reinforced Reasoning with LLMs'
        return task_ok(m.group("rest"), 2, 10)
    if not sub or not (m or sub.endswith("?")):
        return None
    if head.endswith("?") or _QUESTION.match(head) or _CLAIM.search(head) \
            or (method and head.lower() == method.lower()) or len(head.split()) > 12:
        return ""  # 'Safety Subspaces are Not Distinct: A Fine-Tuning Case Study': no task phrase to give
    return from_title(head, method) or task_ok(head, 2, 12)
