"""Question analysis for `ask`: what kind of answer is wanted, about which named things.

The type decides which evidence sentences answer the question (a definition wants a defining sentence,
"how" wants method sentences, a number wants result sentences with numbers); the entities decide the
sub-queries and whether the question names something the corpus has never heard of. Rules, not a
model: question forms are few and regular, and a rule is inspectable.
"""

from __future__ import annotations

import re
from enum import Enum

from pydantic import BaseModel, Field

from reviewer.ask.verb import asked_verb


class QType(str, Enum):
    DEFINITION = "definition"
    COMPARISON = "comparison"
    MECHANISM = "mechanism"
    METHODS = "methods"
    QUANTITATIVE = "quantitative"
    NAMED = "named"
    GENERAL = "general"


class Question(BaseModel):
    """A parsed question: its type, the term or sides it is about, and the names it uses."""

    text: str
    qtype: QType
    subject: str = Field(default="", description="The term defined / the thing asked about.")
    sides: list[str] = Field(default_factory=list, description="The two things compared, if any.")
    names: list[str] = Field(default_factory=list, description="Proper names: systems, methods, datasets.")
    sub_queries: list[str] = Field(default_factory=list)


_LEAD = r"^(?:so|and|ok(?:ay)?|please|can you|could you|tell me|explain)[, ]+\s*"
_DEFINE = re.compile(
    r"^(?:what\s+(?:is|are)\s+(?:meant\s+by\s+)?|what\s+does\s+(?:the\s+term\s+)?(?!it\s+mean\s)(.+?)\s+(?:mean|refer\s+to|stand\s+for|describe|denote)"
    r"|define\s+|definition\s+of\s+|what\s+do\s+(?:people|authors|papers|researchers)\s+mean\s+by\s+"
    # "(Can you explain) what X is", "what is the X method": the term, not a request for a list of methods.
    r"|(?:explain\s+|describe\s+)?what\s+(.+?)\s+(?:is|are|means)$"
    r"|what\s+is\s+(?:the\s+|an?\s+)?(\S+\s+(?:method|approach|technique|algorithm|framework|objective))$"
    # "What does it mean (to say) that a model overthinks?": the term is the verb ("overthink").
    r"|what\s+does\s+it\s+mean\s+(?:to\s+say\s+)?(?:that|when|for)\s+(?:\S+\s+){1,4}?(?:to\s+)?(\w+?)(?<!s)s?$)(.*)$",
    re.IGNORECASE,
)
_COMPARE = [
    re.compile(r"^(?:how|in what ways?|why)\s+(?:do(?:es)?|is|are)\s+(.+?)\s+(?:differ|different|distinct|compare)"
               r"\w*\s+(?:from|to|with)\s+(.+?)$", re.IGNORECASE),
    re.compile(r"(?:difference|differences|distinction|contrast)\s+between\s+(.+?)\s+and\s+(.+?)$", re.IGNORECASE),
    re.compile(r"^(?:compare|contrast)\s+(.+?)\s+(?:and|with|to|versus|vs\.?)\s+(.+?)$", re.IGNORECASE),
    re.compile(r"^(.+?)\s+(?:vs\.?|versus)\s+(.+?)$", re.IGNORECASE),
    re.compile(r"(?:how|where)\s+(?:does|do)\s+(.+?)\s+(?:differ|contrast|compare)\w*\s+(?:from|to|with)\s+(.+?)$",
               re.IGNORECASE),
    re.compile(r"^(?:what|which)\s+.*?\b(?:better|worse|advantages?|preferable)\b.*?,?\s+(.+?)\s+or\s+(.+?)$",
               re.IGNORECASE),
    re.compile(r"^(?:is|are|does|do)\s+(.+?)\s+(?:better|worse|more \w+|less \w+)\s+than\s+(.+?)$", re.IGNORECASE),
]
_METHODS = re.compile(
    r"^(?:what|which)\s+(?:\w+\s+){0,3}?(?:methods?|approaches|techniques|strategies|ways|algorithms|"
    r"solutions|frameworks|mechanisms|remedies|options)\b"
    r"|^(?:list|name|give|enumerate|survey)\b|^how\s+(?:can|could|do|does|might)\s+(?:one|we|you|researchers|"
    r"people|papers)\s+(?:reduce|mitigate|prevent|avoid|improve|address|fix|counter|combat|detect|tackle)\b"
    r"|\bwhat\s+(?:has been|have been|is being|are being)\s+(?:proposed|tried|done|used)\b",
    re.IGNORECASE,
)
_QUANT = re.compile(
    r"^how\s+(?:much|many|large|big|fast|far|often|accurate|well)\b|\b(?:what|which)\s+(?:\w+\s+){0,2}?"
    r"(?:accuracy|score|percentage|rate|number|speed-?up|improvement|gain|size|win rate|pass@\d+)\b"
    r"|\bby how (?:much|many)\b|\bhow (?:big|large) (?:is|was) the (?:gain|improvement|drop)\b",
    re.IGNORECASE,
)
_MECHANISM = re.compile(
    r"^(?:how|in what way|by what (?:means|mechanism))\b|\bwhat\s+(?:mechanism|mechanisms|makes|causes|drives|"
    r"explains)\b|^why\b|\bworks?\b.*\?$",
    re.IGNORECASE,
)
_ABOUT_NAME = re.compile(
    r"^(?:what|which)\s+(?:does|did|is)\s+\S+\s+(?:do|propose|introduce|contribute|offer|add|about|show|find|claim|"
    r"bring|change|replace|use|modify|blame|identify|report)\b"
    r"|^(?:tell me about|describe|summari[sz]e)\b"
    # "What problem does X address?", "What shortcoming of A does X fix?": about what X was made for.
    r"|^(?:what|which)\s+(?:\w+\s+){1,8}?(?:does|did)\s+\S+\s+(?:address|solve|tackle|fix|overcome|target|remedy)\b",
    re.IGNORECASE,
)
_NAMED_NOUN = re.compile(
    r"\b(?:the\s+)?([\w\-.+]+(?:\s+[\w\-.+]+){0,2}?)\s+(?:paper|system|model|framework|method|dataset|benchmark|"
    r"algorithm|approach|toolkit|technique)\b",
    re.IGNORECASE,
)
# Tokens that look like proper names: an inner capital, a digit next to letters, or all-caps of >= 2 letters.
_NAME_TOKEN = re.compile(r"(?<![\w@])(?:[A-Za-z0-9][\w.+]*(?:-[\w.+]+)*)(?![\w])")
# An apostrophe inside a word ("Kaleido's ... GPT-4's") opens and closes no quotation.
_QUOTED = re.compile(r"(?<![A-Za-z0-9])[\"“']([^\"”']{2,60})[\"”'](?![A-Za-z0-9])")
_GENERIC_CAPS = frozenset(
    """LLM LLMS AI RL ML NLP QA API GPU CPU MLLM MLLMS VLM VLMS LM LMS COT I A""".split()
)


_HOW_SUBJECT = re.compile(r"^(?:how|why)\s+(?:does|do|did|can|could|would|is|are|was|were|"
                          r"might|may|should|will|must)\s+(?:the\s+|a\s+|an\s+)?(.+)$",
                          re.IGNORECASE)
# Base-form verbs that end the subject of "how does <subject> <verb> ...".
_VERBS = frozenset(
    """deal cope keep get handle work avoid differ help make use improve reduce change decide learn train achieve
    compare affect scale perform generalize generalise fool prevent mitigate address estimate select detect
    choose combine produce generate measure evaluate assign compute update optimize optimise exploit fail lead
    lower raise increase decrease allow enable encourage stop teach behave interact relate emerge arise work
    solve tackle remove replace construct build obtain collect label annotate score rank guide shape transfer
    outperform beat compete fit capture represent model predict explain latch fool tend rely struggle need require
    give provide reason think sample pick overfit ignore miss break collapse drift end become turn start begin stay
    remain seem appear come go get""".split()
)
# Words that end a "why are X thought to ..." subject: reporting verbs and comparatives.
_SUBJECT_END = frozenset("thought said believed considered expected known supposed seen better worse more less so "
                         "often usually still".split())


_HEAD_NOUNS = frozenset("""model models environment method methods framework frameworks algorithm algorithms approach
    approaches system systems objective objectives loss technique techniques agent agents policy policies
    verifier verifiers judge judges benchmark benchmarks dataset datasets pipeline""".split())
_NOT_VERBS = frozenset("""of for in on with from to and or that which who trained used based as at by via than
    like under over""".split())


def _how_subject(body: str) -> str:
    """'How does collaborative reward modeling deal with X' -> 'collaborative reward modeling'; the setting after a
    head noun is not part of it ('a reward model for agents' -> 'reward model')."""
    subject = _how_phrase(body)
    words = subject.split()
    for i, word in enumerate(words[1:-1], start=1):
        if word.lower() in _HEAD_NOUNS and words[i + 1].lower() in _SETTING:
            return " ".join(words[: i + 1])
    return subject


_SETTING = frozenset("for in on within across under during".split())


def _how_phrase(body: str) -> str:
    m = _HOW_SUBJECT.match(body)
    if not m:
        return ""
    words = m.group(1).split()
    for i, word in enumerate(words[:7]):
        following = words[i + 1] if i + 1 < len(words) else ""
        # "a reward model for agents be trained", "a reward model be trained": "model" is the head noun there,
        # not the verb of "how do they model X" (a preposition or "be" follows the noun, never the verb).
        noun = word.lower() in _HEAD_NOUNS and following.lower() in _NOT_VERBS | {"be", "get"}
        if i and (word.lower() in _VERBS or word.lower() in _SUBJECT_END) and not noun:
            return " ".join(words[:i]) if i <= 5 else ""
        # A head noun followed by a lowercase word that is not a preposition ends the noun phrase: "the
        # Delethink environment | bound ...", "process reward models | assign ..." (verbs no list can hold).
        if (i and i <= 4 and word.lower() in _HEAD_NOUNS and following[:1].islower()
                and following.lower() not in _NOT_VERBS):
            return " ".join(words[: i + 1])
    return ""


def _clean_side(text: str) -> str:
    text = re.sub(r"[?.!]+$", "", text.strip())
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+(?:do|does|in practice|exactly|really|each other)$", "", text, flags=re.IGNORECASE)
    # "the refusal cliff in reasoning models" -> "refusal cliff": the setting is not part of the name.
    return re.sub(r"\s+(?:in|for|within|among|during|when|under|across|on|at)\s+.*$", "", text,
                  flags=re.IGNORECASE).strip(" ,")


def looks_like_name(token: str) -> bool:
    """GRPO, ReasonFlux-PRM, GSM8K, o1, HelpSteer2: inner capitals, letter-digit mixes, acronyms."""
    core = token.strip(".,;:!?()'\"")
    if core.isalpha() and core[1:].islower():  # fast path: ordinary words
        return False
    if len(core) < 2 or core.isdigit() or re.fullmatch(r"\d+(?:\.\d+)?%?|\d{4}s?", core):
        return False
    if re.search(r"[a-z][A-Z]|[A-Z]{2,}|\w-[A-Z]", core):
        return True
    return bool(re.search(r"[A-Za-z]\d|\d[A-Za-z]", core)) and not re.fullmatch(r"\d+(?:st|nd|rd|th|x|k|b|m)",
                                                                                 core, re.IGNORECASE)


def extract_names(text: str, nouns: bool = True) -> list[str]:
    """Proper-name tokens and quoted names in order, without duplicates or generic acronyms.

    `nouns` also takes a capitalised word before "paper/benchmark/dataset..." (questions only: slow on
    whole abstracts and not needed there).
    """
    names: list[str] = []
    for quoted in _QUOTED.findall(text):
        if quoted not in names:
            names.append(quoted.strip())
    for token in _NAME_TOKEN.findall(text):
        core = token.strip(".,;:!?()'\"")
        if core in names or not looks_like_name(core):
            continue
        generic = core.upper() in _GENERIC_CAPS or core.upper().removesuffix("S") in _GENERIC_CAPS
        if not generic and not any(core in n for n in names):
            names.append(core)
    for m in _NAMED_NOUN.finditer(text) if nouns else ():
        word = m.group(1).split()[-1]
        if m.start(1) > 0 and word[:1].isupper() and word not in names and word.upper() not in _GENERIC_CAPS:
            names.append(word)
    return names


_NAMED_DEFINE = re.compile(r"^what\s+is\s+(?:the\s+|an?\s+)?\S+\s+(?:method|approach|technique|algorithm|framework|"
                           r"objective)$", re.IGNORECASE)


def _defined(m: re.Match[str]) -> str:
    """The term a definition question asks about, whichever form of `_DEFINE` matched."""
    return next((g for g in m.groups() if g), "")


def analyse(question: str) -> Question:
    """Type, subject, sides, names and sub-queries of a question."""
    text = re.sub(r"\s+", " ", question).strip()
    body = re.sub(_LEAD, "", re.sub(_LEAD, "", text, flags=re.IGNORECASE), flags=re.IGNORECASE).rstrip(" ?!.")
    names = extract_names(text)
    sides: list[str] = []
    for pattern in _COMPARE:
        m = pattern.search(body)
        if m:
            sides = [_clean_side(m.group(1)), _clean_side(m.group(2))]
            if all(sides):
                break
            sides = []
    subject = ""
    if sides:
        qtype = QType.COMPARISON
    elif _QUANT.search(body) and not body.lower().startswith("how does"):
        qtype = QType.QUANTITATIVE
    elif _METHODS.search(body) and not _NAMED_DEFINE.match(body):
        qtype = QType.METHODS
    elif (m := _DEFINE.match(body)) and len(_defined(m).split()) <= 6:
        qtype = QType.DEFINITION
        subject = _clean_side(_defined(m))
        # "the steerability of LLMs": the term is "steerability"; "of LLMs" names whose property it is.
        subject = re.sub(r"\s+of\s+(?:(?:large\s+)?(?:language\s+)?models?|LLMs?|LMs?|agents?|AI(?: systems)?|"
                         r"reasoning models?|policies)$", "", subject, flags=re.IGNORECASE)
    elif _MECHANISM.search(body) or asked_verb(body):
        qtype = QType.MECHANISM
    elif names and (_NAMED_NOUN.search(body) or _ABOUT_NAME.search(body)):
        qtype = QType.NAMED
    else:
        qtype = QType.GENERAL
    if qtype in (QType.NAMED, QType.QUANTITATIVE, QType.MECHANISM, QType.GENERAL) and not subject and names:
        # "What RewardBench score does the model trained on X reach?": the benchmark is the yardstick, X the
        # thing measured.
        measured = [n for n in names if not re.search(rf"{re.escape(n)}\s+(?:score|accuracy|results?|performance|"
                                                      r"benchmark|leaderboard)\b", text, re.IGNORECASE)]
        subject = (measured or names)[0] if qtype == QType.QUANTITATIVE else names[0]
    if qtype == QType.MECHANISM and not subject:
        verb = asked_verb(body)
        subject = _how_subject(body) or (" ".join(verb.subject_words) if verb else "")
    subs = [text]
    if sides:
        subs += sides
    elif subject:
        subs.append(subject if qtype != QType.DEFINITION else f"{subject} is defined as")
    return Question(text=text, qtype=qtype, subject=subject, sides=sides, names=names, sub_queries=subs)
