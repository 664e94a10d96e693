"""What may stand in the table's method column: a name the paper gives its method, or a descriptive noun
phrase that says what the method is, never an empty head ('Design', 'A lightweight alternative',
'Yet efficient pipeline') or the paper's task ('Task of reasoning').

A reader scans the method column to tell the papers apart; a cell that only says "an efficient
pipeline" tells nothing and reads as extraction noise, so it is better left blank.
"""

from __future__ import annotations

import re

# Nouns that name no method by themselves, and words that only praise or qualify one.
_EMPTY_HEADS = frozenset("""framework frameworks method methods approach approaches pipeline pipelines technique
    techniques strategy strategies alternative alternatives paradigm paradigms system systems model models
    algorithm algorithms mechanism mechanisms scheme schemes solution solutions tool tools design designs
    generator generators module modules recipe recipes variant variants way ways version extension
    procedure procedures process research exploration form class shift study""".split())
_QUALIFIERS = frozenset("""a an the our new novel simple efficient effective lightweight general generic unified
    scalable robust principled practical flexible powerful versatile yet and but or also plug-and-play
    straightforward elegant first single two three several adaptive pioneering innovative""".split())
_NOT_A_METHOD = re.compile(r"^(?:the\s+)?(?:task|problem|question|challenge|issue|notion|concept|hypothesis)\b|"
                           r"^(?:using|use|evaluate|study|analy[sz]e|investigate)\b", re.IGNORECASE)
_LEADING_FILLER = re.compile(r"^(?:(?:yet|but|and|or|also|thus|then)\s+)+", re.IGNORECASE)


def descriptive_method(phrase: str) -> str:
    """The phrase without leading fillers ('yet ...'), or '' when it says nothing a reader can tell apart:
    only empty heads and qualifiers, one plain word, or a task rather than a method."""
    phrase = _LEADING_FILLER.sub("", phrase.strip())
    words = phrase.split()
    if not words or _NOT_A_METHOD.match(phrase):
        return ""
    content = [w for w in words if w.lower().strip(",.") not in _QUALIFIERS and not w.lower().endswith("ly")]
    if all(w.lower().strip(",.") in _EMPTY_HEADS for w in content):
        return ""
    if len(words) == 1 and words[0].islower() and "-" not in words[0]:  # 'design'; 'Guru', 'self-certainty' are names
        return ""
    return phrase


def title_prefix_name(title: str, contribution: str) -> str:
    """A one-word title prefix ('Cooper: Co-Optimizing ...') that the contribution sentence's object opens
    with ('we propose Cooper(Co-optimizing ...)') is the method's name, though it has no inner capitals."""
    if ":" not in title:
        return ""
    head = title.split(":", 1)[0].strip()
    if not re.fullmatch(r"[A-Z][\w.+-]{1,24}", head):
        return ""
    obj = re.sub(r"^(?:a|an|the)\s+", "", contribution.strip(), flags=re.IGNORECASE)
    return head if re.match(rf"{re.escape(head)}(?![\w-])", obj) else ""


_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\(\s*)$")
_TITLE_CASE_HEAD = re.compile(r"[A-Z][\w.+-]*(?:\s+[A-Z][\w.+-]*){0,3}")


def title_head_name(title: str, abstract: str) -> str:
    """A title's head before ':' in Title Case ('Varco Arena: A Tournament Approach ...', 'Thought Cloning: ...') that
    the abstract writes with the same capitals mid-sentence ('Our method, Varco Arena, provides ...'): the abstract
    uses it as a name, so it is the method's name though no word has inner capitals. A catchy head the abstract never
    repeats ('Thought Crime', 'The Policy Cliff') or writes in lower case names no method."""
    if ":" not in title:
        return ""
    head = title.split(":", 1)[0].strip()
    if not _TITLE_CASE_HEAD.fullmatch(head) or re.match(r"(?:The|A|An)\s", head):
        return ""
    return head if any(not _SENTENCE_START.search(abstract[:m.start()])
                       for m in re.finditer(rf"(?<![\w-]){re.escape(head)}(?![\w-])", abstract)) else ""


_CONTRAST = re.compile(r"\s+(?:rather than|instead of|as opposed to)\s.*$", re.IGNORECASE)


def clean_task(task: str) -> str:
    """A task without what it is contrasted with ('preference optimization rather than evaluating answers
    holistically' -> 'preference optimization'): the contrast is not the problem the paper addresses."""
    return _CONTRAST.sub("", task).strip()


# 'we propose a simple yet efficient pipeline, ThoughtMani, to ...', 'a multi-turn online reinforcement learning (RL)
# approach, SCoRe, that ...', 'a new dataset, Persuasive-Pairs, of ...': the name set off after the contribution's
# head noun names the method or resource, though neither the title nor a 'called' gives it.
_APPOSITIVE = re.compile(
    r"^(?:[\w-]+\s+|\([\w-]+\)\s+){0,7}?(?:pipeline|framework|method|approach|algorithm|system|technique|strategy|"
    r"paradigm|recipe|scheme|mechanism|toolkit|agent|model|dataset|benchmark|corpus)s?,?\s+(?:called\s+|named\s+)?(?P<name>[A-Z][\w.+-]*[A-Z0-9][\w.+-]*)"
    r"(?=[,:;(]|\s+(?:to|that|which|for|as)\b)")


def appositive_name(contribution: str) -> str:
    """The name in apposition to the contribution's head noun, or ''."""
    m = _APPOSITIVE.match(contribution.strip())
    return m.group("name").rstrip(".,") if m else ""



# Technique and model-class acronyms: a phrase whose only capitals are one of these names a family, not a method.
_FAMILY_ACRONYMS = frozenset("""LLM LLMS LM LMS LRM LRMS MLLM MLLMS VLM VLMS RL RLHF RLAIF RLVR PRM PRMS ORM ORMS RM RMS
    DPO PPO GRPO SFT COT ICL MCTS KL NLP AI QA RAG PO IPO""".split())


def _coined(word: str) -> bool:
    """'Keye-VL', 'D^3S', 'ePF': inner capitals or digits, and not a family's acronym."""
    core = word.strip("()[],.:;")
    return len(core) >= 2 and core[:1].isalpha() and core.upper().rstrip("S") not in _FAMILY_ACRONYMS \
        and (any(c.isupper() for c in core[1:]) or any(c.isdigit() for c in core))


def named_phrase(phrase: str, title: str) -> str:
    """The contribution's phrase when it is a name ('Markovian Thinking', 'Search Arena', 'Guru', 'Kwai Keye-VL', 'a
    means the title names: self-certainty'), else '': a description ('theoretically bounded metric', 'routing
    framework', 'hierarchical Bayesian framework') tells a reader scanning the Method column nothing a name would."""
    words = [w for w in phrase.split() if w.strip("()[],.:;")]
    if not words:
        return ""
    if any(_coined(w) for w in words):
        return phrase
    content = [w.strip("()[],.:;") for w in words if w.lower() not in {"of", "for", "and", "the", "a", "an", "in", "on"}]
    if content and all(w[:1].isupper() for w in content):  # Title Case mid-sentence: a proper name
        return phrase
    if len(words) == 1 and re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", title, re.IGNORECASE):
        return phrase  # the one-word means the title names ('... via Self-Certainty')
    return ""
