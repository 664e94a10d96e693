"""Sentence-level text helpers for the offline writer: third-person rewriting, cue-phrase roles, framing.

Rewrites only swap who is speaking ("We propose X" -> "Wang et al. propose X"); the claim itself stays
verbatim so the checker can still match it against the abstract.
"""

from __future__ import annotations

import re

from reviewer.models import Paper
from reviewer.textutil import surname

_LEADING_MARKERS = re.compile(
    r"^(?:Moreover|Furthermore|Additionally|In addition|Finally|Specifically|Importantly|Notably|Overall|"
    # 'For example, a 1B LLM can exceed ...' exemplifies the abstract's sentence before it, which is not quoted.
    r"For example|For instance|As an example|By contrast|Nonetheless|In turn|Firstly|Secondly|Thirdly|"
    r"However|Besides|Further|Concretely|Crucially|Second|Third|First|Lastly|Meanwhile|Consequently|"
    r"As a result|In particular|To this end|Thus|Hence|Therefore|Then|Next|Different from (?:them|these|this)|"
    r"Unlike (?:them|these|this)|In contrast|On the other hand|To address (?:this|these)(?: \w+)?|"
    r"(?:Based on|Building on|Motivated by|Inspired by|In light of|Given) (?:it|this|these|that|them)(?: \w+)?|"
    r"To (?:mitigate|address|tackle|solve|overcome|achieve|close|bridge|fill|remedy) (?:it|this|these|that|them|"
    r"the gap|this gap)(?: \w+)?|To (?:mitigate|address|tackle|solve|overcome|alleviate|remedy|resolve) the (?!\w+ of\b)"
    r"(?:[\w-]+ ){0,1}(?:issues?|problems?|challenges?|limitations?|gaps?|shortcomings?|drawbacks?|concerns?)|To this end|Yet|Instead|Accordingly|Similarly|Likewise|Still|Nevertheless|"
    r"Together|Taken together|Collectively|Altogether|All in all|In sum|In summary|In conclusion|To conclude),\s+"
)
_ENUMERATOR = re.compile(r"^\(?(?:\d{1,2}|[ivx]{1,4}|[a-h])\)\s+")  # "(3) ", "ii) ": a list item quoted alone


def _lead(sentence: str) -> str:
    return _LEADING_MARKERS.sub("", _ENUMERATOR.sub("", sentence.strip()))


_THIS_WORK = re.compile(
    r"^(?:(?:In|Within|Through) (?:this|the present|our) (?:paper|work|study|article|report|letter),?\s+"
    r"|Here,?\s+|In response,?\s+)(?=(?:[^,.;]{1,60},\s+)?we\b)",
    re.IGNORECASE,
)
_THIS_PAPER = re.compile(r"^(This|Our|The present) (paper|work|study|article|report|survey|review|position paper|"
                         r"tutorial|thesis)\b", re.IGNORECASE)
_ANAPHORA = re.compile(r"^(?:This|These|It|Its|They|Their|Such|Those|That|He|She|Both|Each)\b")
# Openers that point outside the quote without a pronoun: a definite generic reference to the paper's
# own method ("The framework employs ..."), a definite "only/key/first ..." ("The key idea is ..."), a
# prepositional phrase naming a part introduced earlier ("In the second stage, ...", "For the RM approach,
# ...") and "Based on X, ..." (X was introduced before). Such a sentence is quoted after its antecedent.
_CONTEXT_OPENER = re.compile(
    r"^The (?:(?:proposed|resulting|new|above|same|overall|whole|entire|underlying|trained|learned|final|"
    r"former|latter)\s+)?(?:method|approach|framework|system|algorithm|technique|pipeline|paradigm|strategy|recipe|"
    r"architecture|procedure|scheme|mechanism)s?\b"
    r"|^The (?:proposed|resulting|trained|learned|final) (?:model|policy|agent|dataset|benchmark)s?\b"
    r"|^The (?:former|latter)\b"
    r"|^The (?:only|main|key|core|central|first|second|third|final|last|remaining|other) [a-z][\w-]*"
    r"|^(?:In|For|At|During|Within|Under|On) the (?!first time\b|meantime\b|end\b|future\b|past\b|same time\b)"
    r"(?:(?!of\b)[\w-]+ ){0,3}(?!of\b)[\w-]+,"
    r"|^(?:Based on|Building on|Built on|Built upon|On top of|Leveraging|Equipped with) [^,]{1,40},"
    r"|^(?:Inspired|Motivated|Guided|Driven|Informed) by (?:this|these|those|such|that|the above)\b"
)
# A list item marker: "(1) ", "ii) ", "(b) ".
_LIST_ITEM = re.compile(r"(?:^|(?<=[\s:;,]))\((\d{1,2}|[ivx]{1,4}|[a-h])\)\s")
# "...: 1) X, and 2) Y": bare numbers open a list only after a colon; later ones follow any space.
_BARE_FIRST = re.compile(r"(?:^|(?<=[:;]\s))(?:1|i)\)\s")
_BARE_SECOND = re.compile(r"(?<=\s)(?:2|ii)\)\s")
_FIRST_ITEM = re.compile(r"(?:^|[:;]\s+)(?:First|Firstly|First of all),\s")
_SECOND_WORD = re.compile(r"\b(?:[Ss]econd(?:ly)?|[Tt]hen|[Nn]ext|[Ff]inally)\b")
_ITEM_ORDER = {"1": 0, "2": 1, "3": 2, "4": 3, "i": 0, "ii": 1, "iii": 2, "iv": 3, "a": 0, "b": 1, "c": 2, "d": 3}
_BOILERPLATE = re.compile(
    r"https?://|github\.com|\b(?:code|models?|data(?:set)?s?|weights|checkpoints)\b[^.]{0,60}"
    r"\b(?:available|released|open-?source[d]?|public(?:ly)?)\b|\bwill be (?:made )?(?:public|available|released)",
    re.IGNORECASE,
)

METHOD_CUES = re.compile(
    r"\b(?:we|this (?:paper|work|study)|here we)\s+(?:\w+ly\s+)?(?:propose|introduce|present|develop|design|"
    r"describe|formulate|build|construct|offer|devise|contribute|leverage|extend|adapt|train)s?\b"
    r"|\b(?:is|are) (?:a|an) (?:novel |new |simple |general |unified )?(?:framework|method|approach|algorithm|"
    r"technique|benchmark|model|paradigm|strategy)\b",
    re.IGNORECASE,
)
EVAL_CUES = re.compile(
    r"\b(?:benchmarks?|datasets?|evaluat\w*|experiments?|tested|test sets?|tasks such as|across \w+ "
    r"(?:tasks|benchmarks|domains)|on (?:the )?[A-Z][\w\-]*\d[\w\-]*)",
)
RESULT_CUES = re.compile(
    r"\b(?:outperform\w*|surpass\w*|improv\w*|achiev\w*|gains?|boost\w*|reduc\w*|exceed\w*|state-of-the-art|"
    r"SOTA|yield\w*|rivals?|matches|beats?|higher|lower|better|superior|consistently|significantly)\b"
    r"|\d+(?:\.\d+)?\s?%|\b\d+(?:\.\d+)?\s?(?:points?|x|×)\b",
    re.IGNORECASE,
)
FINDING_CUES = re.compile(
    r"\b(?:we (?:find|show|observe|demonstrate|reveal|discover)|results? (?:show|demonstrate|indicate|suggest|"
    r"reveal)|findings?|analys[ie]s (?:show|reveal)|experiments (?:show|demonstrate))\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d")
# A name that carries digits ('RM-R1', 'GPT-4', 'Qwen2.5-7B'): a capitalised token whose digits follow a letter names a
# method or model, it states no number.
_NAME_WITH_DIGITS = re.compile(r"(?<![\w.-])(?=[\w.-]*[A-Z])[A-Za-z][A-Za-z.-]*\d[\w.-]*")
# Background statements about the field, which a survey should not attribute to one paper's findings.
_BACKGROUND = re.compile(
    r"\b(?:have|has) (?:recently )?(?:emerged|become|shown|achieved|demonstrated|gained|attracted|proven|been)"
    r"|\b(?:recent|existing|current|prior|previous|most|conventional|standard)(?: [\w-]+)? (?:work|works|methods|"
    r"approaches|studies|research|advances|efforts|techniques|systems|models)\b|\b(?:typically|commonly|widely)\b|\bremains? (?:a |an )?(?:challeng|open|unclear|difficult|underexplored|limited)"
    r"|\b(?:is|are) (?:a |an )?(?:promising|crucial|critical|key|fundamental|important|essential|popular)\b"
    r"|\bplays? (?:a|an) (?:crucial|critical|key|important|vital|central)\b|^(?:A|The) (?:promising|growing|common)\b"
    r"|\bemerg\w* as\b|\b(?:as|is|are) (?:a |an )?(?:promising|powerful|popular)\b|\bhas (?:greatly |significantly )?"
    r"(?:improved|advanced|transformed|enabled)\b",
    re.IGNORECASE,
)
# Framing sentences the checker lets through: no digits, no finding vocabulary, short.
_CLAIM_WORDS = re.compile(
    r"\b(?:outperform\w*|surpass\w*|improv\w*|achiev\w*|increas\w*|decreas\w*|reduc\w*|show\w*|demonstrat\w*|"
    r"prov\w*|find\w*|found|reveal\w*|better|worse|best|superior|state-of-the-art|significant\w*|always|never|"
    r"fails?|failed|causes?|leads? to|results? in|effective\w*|accura\w*|gains?|enabl\w*|first)\b",
    re.IGNORECASE,
)

_SINGULAR = {"are": "is", "were": "was", "have": "has", "do": "does"}
_MODALS = {"can", "could", "may", "might", "will", "would", "should", "must", "shall", "also", "further",
           "then", "first", "additionally", "not", "now", "thereby", "therefore", "thus", "hence"}


def author_label(paper: Paper, sentence: str = "") -> tuple[str, bool]:
    """How to name a paper's authors in prose, and whether that name is singular."""
    names = [surname(a) for a in paper.authors if surname(a)]
    if len(names) >= 3 or (len(names) >= 1 and (paper.n_authors or 0) >= 3):
        return f"{names[0]} et al.", False
    if len(names) == 2:
        return f"{names[0]} and {names[1]}", False
    if len(names) == 1:
        return names[0], True
    short = paper.title.split(":", 1)[0].strip() if ":" in paper.title else ""
    if short and len(short.split()) <= 3 and short.lower() not in sentence.lower():
        return f"the authors of {short}", False
    return "the authors", False


def _singular_verb(rest: str) -> str:
    """Make the first verb of `rest` agree with a singular subject ('propose X' -> 'proposes X')."""
    tokens = rest.split(" ")
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if low in _MODALS or low.endswith("ly"):
            if low in {"can", "could", "may", "might", "will", "would", "should", "must", "shall"}:
                return rest
            continue
        if low in _SINGULAR:
            tokens[i] = _SINGULAR[low]
        elif re.fullmatch(r"[a-z]+", tok) and not tok.endswith(("s", "ed")):
            if tok.endswith("y") and tok[-2:-1] not in "aeiou":
                tokens[i] = tok[:-1] + "ies"
            elif tok.endswith(("sh", "ch", "x", "z", "o")):
                tokens[i] = tok + "es"
            else:
                tokens[i] = tok + "s"
        return " ".join(tokens)
    return rest


def third_person(sentence: str, paper: Paper, name_first: bool = True) -> str:
    """Rewrite a first-person abstract sentence so a survey can quote it ('We find' -> 'Wang et al. find')."""
    label, singular = author_label(paper, sentence) if name_first else ("they", False)
    owner = "their" if not name_first else ("the authors'" if label.startswith("the authors") else f"{label}'s")
    text = _THIS_WORK.sub("", _lead(sentence))
    m = _THIS_PAPER.match(text)
    if m:
        # 'Our paper introduces' -> 'The paper introduces' when the authors go unnamed ('The authors' paper' is stilted),
        # and after the paper's first quote, where 'Their paper proposes X' would point back with a pronoun.
        text = ("the" if owner in ("the authors'", "their") else owner) + f" {m.group(2)}" + text[m.end() :]
        owner = "their"
    m = re.search(r"\b[Ww]e\b", text)
    if m:
        head, tail = text[: m.start()], re.sub(r"\b[Ww]e\b", "they", text[m.end() :])
        if singular and tail.startswith(" "):
            tail = " " + _singular_verb(tail[1:])
        text = head + label + tail
        owner = "their"
    text = re.sub(r"^Our\b", owner, text)
    text = re.sub(r"\b[Oo]ur\b", "their", text)
    text = re.sub(r"\bours\b", "theirs", text)
    text = re.sub(r"\bourselves\b", "themselves", text)
    text = re.sub(r"\bus\b", "them", text)
    return text[:1].upper() + text[1:] if text else text


def strip_marker(sentence: str) -> str:
    """Drop a leading discourse marker ('Moreover, ') that has no antecedent once quoted alone."""
    text = _lead(sentence)
    return text[:1].upper() + text[1:] if text else text


def opens_with_context(sentence: str) -> bool:
    """Opens with a phrase (not a pronoun) that points to an earlier sentence ('The framework employs ...')."""
    text = _lead(sentence)
    return bool(_CONTEXT_OPENER.match(text[:1].upper() + text[1:]))


# A short opening phrase, then a pronoun subject: 'With reinforcement learning (RL), these models can ...'.
_CLAUSE_THEN_ANAPHOR = re.compile(r"^(?!In (?:this|the present|our) (?:paper|work|study)\b)[^,;.]{3,60},\s+"
                                  r"(?:these|those|such|it|they)\b(?! (?:paper|work|study)\b)")
# A longer leading prepositional, participial or subordinate phrase, which may hold a list ('Across multiple
# domains, including mathematics, planning, and QA, they match ...'), then a pronoun or demonstrative subject.
# The phrase holds no clause of its own ('we'), so the pronoun is the main clause's subject.
POINTING = (r"(?:(?:this|these|their|the proposed) (?:method|approach|framework|system|model|algorithm|technique|"
            r"pipeline|strategy)s?|they|it|these|those|such|this)")
_LEAD_THEN_POINTER = re.compile(
    r"^(?!In (?:this|the present|our) (?:paper|work|study)\b)(?:Across|In|On|At|For|With|By|Through|Under|Over|From|"
    r"After|Before|During|Unlike|Beyond|Besides|Despite|Compared (?:to|with)|Relative to|When|While|Once|If|"
    r"Although|Though|Because|Since|As|Given|Thanks to|[A-Z][a-z]+ing|[A-Z][a-z]+ed|[A-Z][a-z]+ly)\b"
    rf"(?:(?!\b[Ww]e\b)[^.;]){{3,200}}?,\s+(?P<subject>{POINTING})\b(?! (?:paper|work|study)\b)")
# 'it is shown that', 'it is possible to': an expletive subject points nowhere.
_EXPLETIVE = re.compile(r"it (?:is|was|has been|remains) (?:\w+ ){0,2}?(?:that|to|whether)\b", re.IGNORECASE)


def lead_then_pointer(sentence: str) -> re.Match[str] | None:
    """The pronoun subject after a leading phrase ('Across ..., they match'), or None; expletives excepted."""
    m = _LEAD_THEN_POINTER.match(sentence.strip())
    if m is None or _EXPLETIVE.match(sentence.strip()[m.start("subject"):]):
        return None
    return m


def is_anaphoric(sentence: str) -> bool:
    """Starts with a pronoun or a phrase that needs the previous sentence ('This raises...', 'It uses...',
    'The framework employs...', 'In the second stage, ...')."""
    text = _lead(sentence)
    text = text[:1].upper() + text[1:]
    return (bool(_ANAPHORA.match(text)) and not _THIS_PAPER.match(text)) or bool(_CONTEXT_OPENER.match(text)) \
        or bool(_CLAUSE_THEN_ANAPHOR.match(text)) or lead_then_pointer(text) is not None


def dangling_list(sentence: str) -> bool:
    """Part of an enumeration that runs past the sentence: '(1) X ...' without '(2)', an item quoted without
    the first one ('(2) Y ...'), or '...: First, X' whose 'Second' is in the next sentence."""
    items = [m.group(1).lower() for m in _LIST_ITEM.finditer(sentence.strip())]
    if items:
        order = {_ITEM_ORDER.get(i, -1) for i in items}
        return not {0, 1} <= order
    if _BARE_FIRST.search(sentence.strip()):
        return not _BARE_SECOND.search(sentence)
    return bool(_FIRST_ITEM.search(sentence)) and not _SECOND_WORD.search(sentence)


def is_background(sentence: str) -> bool:
    """A statement about the field ('PRMs have emerged as...') rather than the paper's own contribution."""
    return bool(_BACKGROUND.search(sentence)) and not (METHOD_CUES.search(sentence) or FINDING_CUES.search(sentence))


def is_context(sentence: str, index: int) -> bool:
    """Background, or an abstract's opening sentence that does not yet say what the paper does."""
    own = METHOD_CUES.search(sentence) or FINDING_CUES.search(sentence) or re.search(r"\b[Ww]e\b", sentence)
    return is_background(sentence) or (index == 0 and not own)


def is_boilerplate(sentence: str) -> bool:
    return bool(_BOILERPLATE.search(sentence))


def is_framing(sentence: str, max_words: int = 30) -> bool:
    """An uncited sentence that only frames (no numbers, no finding vocabulary, short) may stay."""
    return (
        not _NUMBER.search(_NAME_WITH_DIGITS.sub("", sentence))
        and not _CLAIM_WORDS.search(sentence)
        and len(sentence.split()) <= max_words
    )


def role_bonus(sentence: str, index: int) -> float:
    """Prefer contribution and finding sentences to background; penalise boilerplate and anaphora."""
    bonus = 0.0
    if METHOD_CUES.search(sentence):
        bonus += 0.06
    if FINDING_CUES.search(sentence) or RESULT_CUES.search(sentence):
        bonus += 0.05
    if index == 0 and not METHOD_CUES.search(sentence):
        bonus -= 0.04  # first sentences of abstracts are usually background
    if is_anaphoric(sentence):
        bonus -= 0.08
    if is_background(sentence):
        bonus -= 0.12
    if "?" in sentence:
        bonus -= 0.3
    if is_boilerplate(sentence):
        bonus -= 0.5
    n_words = len(sentence.split())
    if n_words < 8 or n_words > 45:
        bonus -= 0.05 if n_words <= 60 else 0.12
    return bonus
