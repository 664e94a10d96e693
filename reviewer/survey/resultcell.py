"""A headline-result cell that reads alone: no word pointing at a sentence the table does not show.

A result cell is cut from an abstract sentence, so it can open with what tied it to that sentence: the
complementizer of '... show that X' ('That when rationales are accurate, accuracy improves'), a pointer to the
method named earlier ('This vector improves ...', 'It achieves 76% on HotpotQA'), a relative or subordinate
clause cut from its main clause ('Where the prior matches the task distribution', 'Although Qwen2.5 achieves
strong performance' — the paper's finding is the main clause it concedes to, not this). The cell keeps the
abstract's words: the complementizer goes, a pointer to the method becomes the method's name, a subordinate clause
stays only with its main clause, and a cell that is only a cut clause or points at any other noun is no headline
(''), so the paper's next result sentence is tried.
"""

from __future__ import annotations

import re

from reviewer.models import Paper
from reviewer.survey.clauses import clauses as split_clauses
from reviewer.survey.clauses import drop_connective, join_phrases
from reviewer.survey.prose import strip_marker
from reviewer.survey.tasks import _sentences

CELL_WORDS = 20  # a result sentence longer than this is cut to its clauses
MAX_RESULT_WORDS = 36
_THAT_CLAUSE = re.compile(r"^.*?\b(?:show|shows|demonstrate|demonstrates|find|finds|reveal|reveals|indicate|"
                          r"indicates|confirm|confirms)\s+that(?:\s+|,\s*)", re.IGNORECASE)

_THAT = re.compile(r"^[Tt]hat\s+(?=\S)")
# 'This vector', 'These intentional biases', 'Such a model': a determiner pointing at the abstract's earlier noun.
_POINTER_NOUN = re.compile(r"^(?:This|These|That|Those|Such)\s+(?=(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*\b)")
_POINTER_METHOD = re.compile(r"^(?:This|Our|The proposed)\s+(?:[a-z][\w-]*\s+)?(?:method|approach|framework|system|"
                             r"technique|algorithm|pipeline)\s+(?=[a-z])")
# 'It achieves', 'They match': a pronoun subject, which only the method's name can replace.
_PRONOUN = re.compile(r"^(?:It|They)\s+(?=[a-z])")
# Openers of a clause that is not the sentence's main clause.
_SUBORDINATE = re.compile(r"^(?:Although|Though|Even though|While|Whereas|When|If|Unless|Because|Since|Unlike|"
                          r"Despite|Once|Especially)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"^(?:Where|Which|Whereby|Wherein|Who|Whose)\b", re.IGNORECASE)
MIN_MAIN_WORDS = 4


def reads_alone(cell: str, name: str = "") -> str:
    """The cell as a table can print it (see the module docstring), or '' when it cannot stand alone."""
    text = cell.strip()
    if not text:
        return ""
    if _THAT.match(text):
        text = _THAT.sub("", text)
        text = text[:1].upper() + text[1:]
    if _RELATIVE.match(text):
        return ""
    if _SUBORDINATE.match(text):
        # 'While fine-tuning leads to memorization, it also improves generalization': the main clause follows.
        head, comma, main = text.partition(", ")
        if not comma or len(main.split()) < MIN_MAIN_WORDS or ":" in head:
            colon = text.partition(": ")[2]  # 'Especially for longer videos: a 7B model achieves 80.5% ...'
            return reads_alone(colon[:1].upper() + colon[1:], name) if len(colon.split()) > MIN_MAIN_WORDS else ""
    if name and _POINTER_METHOD.match(text):
        text = _POINTER_METHOD.sub(f"{name} ", text, count=1)  # 'This approach achieves' -> 'Jekyll achieves'
    elif _POINTER_NOUN.match(text):
        return ""  # 'This vector improves ...': what it points at is another sentence; the next result is tried
    elif _PRONOUN.match(text):
        if not name:
            return ""
        text = _PRONOUN.sub(f"{name} ", text, count=1)
    return text


_SAME_ENDING = ("ed", "ing", "es")


def shares_object(part: str, whole: str) -> bool:
    """'... after the model discovered' cut from '... discovered and reused a Python-based solution': two verbs
    joined by 'and' share the object after the second, so the first cannot end the cell."""
    m = re.search(re.escape(part) + r"\s+and\s+(\w+)", whole)
    last = part.split()[-1].lower() if part.split() else ""
    return bool(m) and any(last.endswith(e) and m.group(1).lower().endswith(e) for e in _SAME_ENDING)


# Verbs only ('improves', not 'improvement'): the sentence must say that something did better.
_COMPARES = re.compile(r"\b(?:outperform(?:s|ed)?|surpass(?:es|ed)?|improv(?:e|es|ed)|enhanc(?:e|es|ed)|achiev(?:e|es|ed)|achieving state-of-the-art|superior performance|superiority|"
                       r"exceed(?:s|ed)?|beats?|match(?:es|ed)|reduc(?:e|es|ed)|boost(?:s|ed)?|excel(?:s|led)?|"
                       r"compared (?:to|with)|(?<!to )(?<!of )better(?!\s+[a-z]+ing\b)|(?:faster|higher|stronger|lower|more accurate) than)\b",
                       re.IGNORECASE)
# A sentence that reports the paper's evidence is a result whatever role the classifier gives it ('Our experiments
# on IMDb ... show that rDPO is robust ...', 'Empirical results show that ...').
_EVIDENCE_LEAD = re.compile(r"^(?:\w+ly,\s+)?(?:our |the )?(?:[\w-]+ ){0,2}(?:experiments?|results|evaluations?|"
                            r"analys[ie]s|studies)\b[^.;]{0,120}?\b(?:show|demonstrate|reveal|indicate|confirm)s?\s+that\b",
                            re.IGNORECASE)
# 'To validate our approach, we conduct extensive evaluations, showing that Keye-VL achieves ...': the paper's evidence
# in a participle; the cell is what it shows.
_CONDUCTED = re.compile(r"\bwe\s+(?:\w+ly\s+)?(?:conduct|perform|run|carry out)\s+(?:[\w-]+\s+){0,3}?(?:experiments?|"
                        r"evaluations?|analys[ie]s|studies)\b[^.;]{0,120}?,\s+(?:showing|demonstrating|revealing|confirming|"
                        r"indicating)\s+that\s+", re.IGNORECASE)
# ('Remarkably, our method, PAS, achieves superior performance ...': an adverb before it, the name in apposition)
_OWN_VOICE = re.compile(r"^(?:\w+ly,\s+)?(?:our|the proposed) (?:[\w-]+ ){0,2}?(?:approach|method|model|framework|system|"
                        r"algorithm)s?,?\s+(?:[A-Z][\w.+-]*,\s+)?(?:\w+ly )?(?:outperform|surpass|achiev|exceed|beat)\w*\b",
                        re.IGNORECASE)
# A result cell may speak in the paper's voice ('Our model outperforms ...'), not point back ('This yields ...').
_POINTS_BACK = re.compile(r"^(?:this|these|that|those|it|its|such|their)\b", re.IGNORECASE)
# ('code' as a release, not the task in 'code generation benchmarks')
_NOT_A_RESULT = re.compile(r"\b(?:open-?sourced?|available at|https?://|code(?!\s+(?:generation|completion|synthesis|"
                          r"reasoning|tasks?|benchmarks?)\b)|release[ds]?|future|we (?:believe|view|"
                          r"argue|hypothesi[sz]e|hope|expect|conjecture|seek|aim|set out|ask))\b", re.IGNORECASE)


# '... competitive on general image-based tasks (Figure 1)': a pointer into the paper the table reader cannot follow.
_FIGURE = re.compile(r"\s*\((?:see\s+)?(?:Fig(?:ure)?|Table|Tab)\.?\s*\d+[a-z]?\)$", re.IGNORECASE)


def qualitative_result(paper: Paper, own: str) -> str:
    """Without a number: the paper's own result sentence that compares or improves ('AURORA enhances process
    evaluation accuracy, ...'), its 'results show that' lead removed; whole clauses, never cut mid-clause."""
    from reviewer.roles import Role, sentence_roles

    sentences = _sentences(paper)
    roles = sentence_roles(sentences)
    for i, sentence in enumerate(sentences):
        conducted = _CONDUCTED.search(sentence)
        span = (sentence[conducted.end():] if conducted else _THAT_CLAUSE.sub("", strip_marker(sentence))).rstrip(" .").lstrip(" ,")
        # '... demonstrates that General-Reasoner outperforms ...': a that-clause about the paper's own method.
        about_own = bool(own) and span != sentence.rstrip(" .") and span.startswith(own + " ")
        evidence = bool(_EVIDENCE_LEAD.match(sentence) or _OWN_VOICE.match(sentence) or conducted) or about_own
        if i == 0 or (roles[i] != Role.RESULT and not evidence) or not _COMPARES.search(sentence) \
                or _NOT_A_RESULT.search(sentence) or _POINTS_BACK.match(sentence):
            continue
        if len(span.split()) > CELL_WORDS:
            # The first clause, or the first that states the comparison with its own subject ('FoR can ... excel').
            # (a clause that opens with its means, 'by obtaining ...', states no result).
            clauses = [c for c in join_phrases(split_clauses(span)) if len(c.split()) <= MAX_RESULT_WORDS and _COMPARES.search(c)
                       and not re.match(r"(?:to|through|by|as|while|and)\b", c, re.IGNORECASE)]
            span = next((c for c in clauses if own and c.startswith(own + " ")), clauses[0] if clauses else "")
        span = _FIGURE.sub("", drop_connective(span))
        # (a cell that cannot stand alone, 'Although Qwen2.5 achieves strong ...' cut from its main clause, gives
        # way to the paper's next result sentence, as a numbered one does in headline.py)
        if len(span.split()) >= 5 and not _POINTS_BACK.match(span) and _COMPARES.search(span) and "?" not in span \
                and not re.match(r"(?:To|Through|By|As) ", span) and reads_alone(_sentence_case(span), own):
            return _sentence_case(span)
    return ""


def _sentence_case(span: str) -> str:
    """Raise the first letter unless the first word is a name written with inner capitals ('rDPO')."""
    first = span.split(" ", 1)[0]
    return span if any(c.isupper() for c in first[1:]) else span[:1].upper() + span[1:]
