"""The table's Headline result cell: the clause of an abstract's result sentence that carries a number.

A result is a number with its metric ('+4.33% execution accuracy', '76 accuracy points', '1.4x-9x reduction',
'from 76.2% to 81.24%', '+8.2 on pass@1', 'three-fold') in a sentence that says something did better, worse or
ranked ('outperforms', '34.2% higher', 'drops by 50%', 'emerging top of 140 reward models'). Release sentences
(code and data availability) are skipped, but a sentence that only mentions open-source models is a result like
any other ('outperforms prior open-source models by 2 points'). The cell is whole clauses of the abstract, never
cut mid-clause; a sentence whose clause cannot stand alone gives way to the next (resultcell.reads_alone).
"""

from __future__ import annotations

import re

from reviewer.models import Paper
from reviewer.survey.clauses import clauses as split_clauses
from reviewer.survey.clauses import drop_connective
from reviewer.survey.resultcell import (
    _THAT_CLAUSE,
    CELL_WORDS,
    MAX_RESULT_WORDS,
    qualitative_result,
    reads_alone,
    shares_object,
)
from reviewer.textutil import split_sentences

SUBJECT_CELL_WORDS = 25  # a subjectless result clause takes the clause before it only while the cell stays short
_WORD_NUMBER = r"(?:two|three|four|five|six|seven|eight|nine|ten)"
_BENCH = r"(?-i:[A-Z][A-Za-z]*(?:[A-Z]|\d)[\w.-]*)"  # a benchmark-shaped name: inner capitals or digits
_NUMBER_METRIC = re.compile(
    r"(?<![\w.])\d+(?:\.\d+)?\s?(?:%|×|x\b|times\b|points?\b|pp\b|percent|-fold\b)|\b(?:accuracy|pass@\d+|win rate|F1|"
    r"score|reduction|speed-?up|improvement|gain)s?\b[^.,;]{0,30}(?<![\w.])\d+(?:\.\d+)?(?![\w-])"
    # '76 accuracy points', '+8.2 on pass@1', 'ten times more accurate', 'a three-fold gain', 'from 0.41 to 0.58'
    rf"|(?<![\w.])\d+(?:\.\d+)?\s+(?:(?!data\b)[a-z-]+\s+){{1,2}}points?\b|(?<=[\s(])\+\d+(?:\.\d+)?(?![\w.])"
    rf"|\b{_WORD_NUMBER}(?:\s+times\b|-fold\b)|\bfrom\s+\d+(?:\.\d+)?%?\s+to\s+\d+(?:\.\d+)?"
    # a score on a named benchmark: 'up to 0.59 on MT-Bench', '(AIME24 56.7, AMC 68.7, ...)'
    rf"|(?<![\w.])\d+\.\d+\s+on\s+{_BENCH}|(?<=[(,]\s)(?:and\s+)?{_BENCH}\s+\d+\.\d+(?![\w.%])",
    re.IGNORECASE)
# Verbs of a gain: a limitation sentence states a headline result only when what it finally says is one.
_GAIN_VERB = re.compile(r"\b(?:outperform\w*|surpass\w*|improv\w*|achiev\w*|reduc\w*|boost\w*|gains?|exceed\w*|raises?|"
                        r"increas\w*|cuts?|match\w*|reach\w*|attain\w*)\b", re.IGNORECASE)
_RESULT_VERB = re.compile(
    r"\b(?:outperform\w*|surpass\w*|improv\w*|achiev\w*|reduc\w*|boost\w*|gains?|exceed\w*|raises?|"
    r"increas\w*|cuts?|match\w*|reach\w*|attain\w*|drops?|dropped|declin\w*|degrad\w*|superior|state-of-the-art|"
    r"ranks?|ranked|top|up to|differ\w*)\b"
    rf"|\b{_WORD_NUMBER}\s+times\s+(?:more|less|higher|lower|faster|better)\b"
    r"|(?<![\w.])\d+(?:\.\d+)?\s?(?:%|×|x|points?|pp)?\s+(?:higher|lower|faster|better|fewer|more|less|cheaper)\b",
    re.IGNORECASE)
# What a release sentence says: its link, or that code, data or models are (made) available, released, open-sourced.
_RELEASE = re.compile(
    r"https?://|github\.com|\b(?:code|codes|models?|data(?:sets?)?|weights|checkpoints|benchmark)\b[^.]{0,60}\b(?:is|are|"
    r"will be|has been|have been|be)\s+(?:made\s+)?(?:publicly\s+|freely\s+)?(?:available|released|open-?sourced?|"
    r"public)\b|\bwe (?:will )?(?:release|open-?source)\b",
    re.IGNORECASE)


def _sentences(paper: Paper) -> list[str]:
    return [s for s in split_sentences(paper.abstract) if not _RELEASE.search(s)]

# What joins a numbered clause to the sentence it was cut from ('achieving average gains of 12.1% ...').
_RESULT_LEAD = re.compile(r"^(?:(?:and|or|while|which|thereby|notably|furthermore|moreover|additionally|specifically|"
                          r"empirically|overall|in particular|achieving|yielding|reaching|attaining|resulting in|"
                          r"leading to|showing|demonstrating)\b,?\s*)+", re.IGNORECASE)


# A clause that opens with its circumstances and has no verb of its own: its subject is in the clause before.
_NO_SUBJECT = re.compile(r"(?:with|by|over|compared (?:to|with)|relative to)\s+(?!.*\b(?:we|it|they|this)\s+\w+)",
                         re.IGNORECASE)
# ... and a clause that is itself such a fragment cannot lend it one.
_FRAGMENT = re.compile(r"(?:as well as|for (?:instance|example)|e\.g\.|such as|including|covering|[a-z]+ing)\b", re.IGNORECASE)


# The paper's own finding: 'In experiments, we highlight that ...', 'our analysis reveals ...'.
_OWN_FINDING = re.compile(r"\b(?:we|our (?:[\w-]+ )?(?:results|experiments|analys[ie]s|findings|evaluations?))\s+"
                          r"(?:\w+ly\s+|also\s+|further\s+)?(?:find|found|show|highlight|observe|reveal|uncover|"
                          r"demonstrate)s?\b", re.IGNORECASE)


def headline_result(paper: Paper, name: str = "", own: str = "", evaluation: bool = False) -> str:
    """The clause that states a result with a number and metric; whole words, never cut mid-clause. The next
    numbered sentence is tried when the best one's clause cannot stand alone (resultcell.reads_alone).

    `evaluation`: the paper builds no method of its own (an analysis, or a benchmark it evaluates models on), so a
    limitation it finds in the models it evaluates ('accuracy on GSM8K drops by at least 50%') is its headline."""
    from reviewer.roles import Role, sentence_roles

    ranked: list[tuple[int, int, str, str]] = []
    sentences = _sentences(paper)
    roles = sentence_roles(sentences)
    for i, sentence in enumerate(sentences):
        # A limitation with a number ('..., analysis exposes persistent challenges: the approach exhibits low
        # precision (<10%) ...') is no headline result unless what it finally states is a gain.
        limit = roles[i] == Role.LIMITATION and not _GAIN_VERB.search(re.split(r":\s", sentence)[-1])
        # ... but an evaluation's own finding ('we highlight that existing LLMs fail ...') is its headline, read as
        # its whole that-clause (the numbered span alone, 'revealing ... (e.g. ... drops by at least 50%)', says
        # neither who failed nor at what).
        finding = _finding_clause(sentence) if limit and evaluation else ""
        if i == 0 or (limit and not finding) or not _NUMBER_METRIC.search(sentence):
            continue
        score = 2 * bool(_RESULT_VERB.search(sentence)) + len(_NUMBER_METRIC.findall(sentence))
        if score >= 2:
            ranked.append((-score, i, sentence, finding))
    for _, _, sentence, finding in sorted(ranked):
        cell = reads_alone(finding or _numbered_span(sentence), name)
        if cell:
            return cell
    return reads_alone(qualitative_result(paper, own or name), name)


def _finding_clause(sentence: str) -> str:
    """'In experiments, we highlight that existing LLMs fail significantly on ... (e.g. accuracy on GSM8K drops by at
    least 50%)': what an evaluation found, its whole that-clause with the number; '' when it is not so or too long."""
    m = _OWN_FINDING.search(sentence)
    lead = re.match(r"\s*that\s+", sentence[m.end():]) if m else None
    clause = sentence[m.end() + lead.end():].rstrip(" .") if m and lead else ""
    if not clause or len(clause.split()) > MAX_RESULT_WORDS or not _NUMBER_METRIC.search(clause):
        return ""
    return clause[:1].upper() + clause[1:]


# A clause that continues a list of numbers: '4.5% in RL', 'and by 6.3%', or a name with its number ('HumanEval (+4.3%)').
_LIST_ITEM = re.compile(r"(?:(?:and|or)\s+)?(?:(?:by\s+|to\s+)?[-+−~]?\d[\d.]*(?![\d.]*\))|[A-Z][\w.-]*(?:\s[\w.-]+)?\s\([-+−~]?\d)")


def _scores_in_lead(sentence: str) -> str:
    """'Experimental results on five benchmarks (AIME24 56.7, AMC 68.7, ...) demonstrate that X achieves new
    state-of-the-art performance in average accuracy, validating ...': the scores are in the lead the that-clause
    drops, so the cell is the result's first clause with the scores' parenthesis; '' when the sentence is not so."""
    lead = _THAT_CLAUSE.match(sentence)
    rest = sentence[lead.end():] if lead else ""
    paren = next((p for p in re.findall(r"\([^()]{4,}\)", lead.group(0)) if _NUMBER_METRIC.search(p)), "") if lead else ""
    if not paren or _NUMBER_METRIC.search(rest):
        return ""
    main = split_clauses(drop_connective(rest.rstrip(" .")))[0].rstrip(" ,")
    cell = f"{main} {paren}"
    return cell[:1].upper() + cell[1:] if len(cell.split()) <= MAX_RESULT_WORDS and len(main.split()) >= 4 else ""


def _numbered_span(sentence: str) -> str:
    """A result sentence's span for the cell: whole if short, else its clause with the number (and its list)."""
    scores = _scores_in_lead(sentence)
    if scores:
        return scores
    span = drop_connective(_THAT_CLAUSE.sub("", sentence).rstrip(" ."))
    if len(span.split()) <= CELL_WORDS:
        return span[:1].upper() + span[1:]
    # A long sentence gives the cell its clause with the number, the metric and the benchmark, and the numbered
    # clauses that continue its list ('..., 4.5% in RL, and 6.3% in test-time scaling'), not the whole sentence.
    clauses = split_clauses(span)
    anchor = next((i for i, c in enumerate(clauses) if _NUMBER_METRIC.search(c)), 0)
    parts = [c for c in re.split(r":\s+|\s[-–—]\s|\s(?:and|while|where|whereas)\s(?=[a-z])", clauses[anchor])
             if len(c.split()) >= 6]
    if len(clauses[anchor].split()) > CELL_WORDS:  # '... settings - 1) X: <numbered part>', '<numbered part> and ...'
        clauses[anchor] = next((c for c in parts if _NUMBER_METRIC.search(c) and not shares_object(c, clauses[anchor])),
                               clauses[anchor])
    picked = [clauses[anchor]]
    for extra in clauses[anchor + 1:]:
        if not _LIST_ITEM.match(extra) \
                or len(" ".join(picked + [extra]).split()) > MAX_RESULT_WORDS:
            break
        picked.append(extra)
    if anchor > 0 and (len(clauses[anchor].split()) < 6
                       or (_NO_SUBJECT.match(clauses[anchor]) and not _FRAGMENT.match(clauses[anchor - 1])
                           and len(" ".join([clauses[anchor - 1], *picked]).split()) <= SUBJECT_CELL_WORDS)):
        picked.insert(0, clauses[anchor - 1])  # 'by 8%', 'with a win rate of 74.7%' alone do not say what improved
    text = _RESULT_LEAD.sub("", ", ".join(picked))
    return text[:1].upper() + text[1:] if len(text.split()) <= 2 * MAX_RESULT_WORDS else ""


