"""Offline synthesis: what turns a list of quotes into a survey section.

- quotes that open with an anaphor ("This method...", "It...") get their subject resolved to the
  method's name, or are quoted together with their antecedent, or are left out;
- methods are named in the prose ("their system" -> "Kaleido");
- papers are ordered so that related claims sit together;
- each section opens with a lead built from facts (lead.py), never a template phrase;
- an open-problems section gathers the papers' own limitation and future-work sentences.
"""

from __future__ import annotations

import re

from reviewer.models import EvidenceSentence, Paper
from reviewer.roles import Role, reports_other_work, sentence_roles
from reviewer.survey.openfit import points_back, quotable_problem
from reviewer.survey.prose import (
    dangling_list,
    is_anaphoric,
    lead_then_pointer,
    opens_with_context,
    strip_marker,
)
from reviewer.survey.referent import introducers
from reviewer.survey.types import PaperEvidence, TableRow
from reviewer.survey.vacuous import later_step, says_nothing
from reviewer.textutil import content_stems, split_sentences

_NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                 "twenty"]
# "This method improves ..." / "It uses ...": a subject that points back to the paper's method.
_SUBJECT = re.compile(
    r"^(?:(?:This|The|Our|The proposed|This new|Such an?) (?:method|approach|framework|model|system|algorithm|"
    r"technique|pipeline|paradigm|strategy|design|agent|benchmark|dataset|recipe|architecture)s?|It)\b"
    r"(?=\s+(?!is\b|was\b|has\b|remains\b|seems\b|becomes\b|appears\b|turns\b)[a-z])"
)
_OWN_THING = re.compile(r"\b(?:their|the proposed) (?:method|approach|framework|system|model|algorithm|technique|"
                        r"pipeline|benchmark|dataset)\b")


def count_word(n: int) -> str:
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


def listing(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C': a list as prose writes it."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" and {items[-1]}"


def resolve_subject(sentence: str, name: str) -> str | None:
    """'This approach reduces X' -> 'NAME reduces X' when the paper names its method; else None.

    After a leading phrase too: 'Across three domains, it matches X' -> 'Across three domains, NAME matches
    X'. Only a singular subject ('it', 'this method') is replaced, so the verb still agrees; 'they' may be
    the authors or several things, and is left to the antecedent."""
    if not name:
        return None
    text = sentence.strip()
    m = _SUBJECT.match(text)
    if m:
        return f"{name}{text[m.end():]}"
    lead = lead_then_pointer(text)
    if lead is None:
        return None
    subject = lead.group("subject")
    if not re.fullmatch(r"(?i)it|this (?:method|approach|framework|system|model|algorithm|technique|pipeline|strategy)"
                        r"|the proposed (?:method|approach|framework|system|model|algorithm|technique|pipeline)", subject):
        return None
    if not re.match(r"\s+(?!is\b|was\b|has\b|remains\b|seems\b|becomes\b|appears\b)[a-z]", text[lead.end("subject"):]):
        return None
    return f"{text[:lead.start('subject')]}{name}{text[lead.end('subject'):]}"


def name_method(sentence: str, name: str) -> str:
    """Name the method where the rewritten quote says only 'their system' (once per sentence)."""
    if not name or name.lower() in sentence.lower():
        return sentence
    return _OWN_THING.sub(name, sentence, count=1)


def with_context(paper: Paper, chosen: list[EvidenceSentence], name: str) -> list[EvidenceSentence]:
    """The chosen quotes of one paper, each standing on its own.

    An anaphoric quote keeps its place only if its subject resolves to the method name, or if the
    sentence before it (its antecedent) is the paper's own and can be quoted with it.
    """
    sentences = split_sentences(paper.abstract)
    roles = sentence_roles(sentences)
    out: dict[int, EvidenceSentence] = {}
    for n, ev in enumerate(sorted(chosen, key=lambda e: e.index)):
        prev = ev.index - 1
        usable_prev = prev >= 0 and (prev in out or (
                roles[prev] != Role.BACKGROUND and not reports_other_work(sentences[prev])
                and not is_anaphoric(sentences[prev]) and not dangling_list(sentences[prev])))
        if not is_anaphoric(ev.text):
            # The paper's first quote that is a later step of the sentence before it ('The authors then introduce
            # an approach to solve this issue', 'The preference data are subsequently used ...') comes with that
            # sentence, as an anaphor does, when it is the paper's own; else it stands as before.
            if n == 0 and usable_prev and (later_step(ev.text) or points_back(strip_marker(ev.text))) \
                    and not later_step(sentences[prev]) and not points_back(strip_marker(sentences[prev])):
                out[prev] = EvidenceSentence(paper_id=paper.id, key=paper.key, index=prev, text=sentences[prev],
                                             score=ev.score)
            elif n == 0 and ev.index < len(sentences) and sentences[ev.index] == ev.text:
                # ... and one that speaks of a thing the abstract introduced earlier ('R^3 improves ...', 'their
                # method outperforms ...', '... these points') comes with the sentence that introduces it.
                for where in introducers(sentences, roles, ev.index, paper.title):
                    out[where] = EvidenceSentence(paper_id=paper.id, key=paper.key, index=where,
                                                  text=sentences[where], score=ev.score)
            out[ev.index] = ev
            continue
        # A definite phrase ("The framework ...") reads best after the sentence that introduced it, and
        # stays verbatim for the checker; a pronoun ("It ...") is replaced by the method's name first.
        resolved = resolve_subject(ev.text, name)
        if resolved is not None and not (usable_prev and opens_with_context(ev.text)):
            out[ev.index] = ev.model_copy(update={"text": resolved})
            continue
        if usable_prev:
            out.setdefault(prev, EvidenceSentence(paper_id=paper.id, key=paper.key, index=prev,
                                                  text=sentences[prev], score=ev.score))
            out[ev.index] = ev
    return [out[i] for i in sorted(out)]


def _row_terms(row: TableRow | None, ev: PaperEvidence) -> set[str]:
    text = " ".join(row.cells()) if row else ""
    text += " " + " ".join(s.text for s in ev.sentences[:2])
    return set(content_stems(text))


def related_order(keys: list[str], evidence: dict[str, PaperEvidence]) -> list[str]:
    """Greedy chain from the most relevant paper: each next paper is the one sharing most terms."""
    keys = [k for k in keys if k in evidence]
    if len(keys) <= 2:
        return keys
    terms = {k: _row_terms(evidence[k].row, evidence[k]) for k in keys}
    order = [keys[0]]
    left = keys[1:]
    while left:
        last = terms[order[-1]]
        nxt = max(left, key=lambda k: (len(terms[k] & last) / max(1, len(terms[k] | last)), -keys.index(k)))
        order.append(nxt)
        left.remove(nxt)
    return order


_OPEN = re.compile(
    r"\b(?:limitations?|fail(?:s|ed|ure|ures)?\b|struggl\w*|remains? (?:open|unclear|challenging|difficult|limited|"
    r"unsolved)|reward hacking|vulnerab\w*|not yet|open (?:question|problem)s?|future (?:work|research|efforts|"
    r"directions?)|costly|expensive|unreliable|brittle|degrad\w*|overfit\w*|collapse\w*|bottlenecks?|"
    r"insufficient|misclassif\w*|sensitive to|trade-?offs?|at the cost of|still (?:meets|faces|struggles|lacks)|"
    r"persistent challenges|challenges remain|low precision|low recall)",
    re.IGNORECASE,
)
_OPEN_ROLES = frozenset({Role.LIMITATION, Role.RESULT, Role.CONCLUSION})
# A sentence that solves a problem ("we overcome the challenges of ...", "To address these limitations, we ...")
# names no open problem, though it uses the words of one.
_PRAISE = re.compile(r"\b(?:outperform\w*|surpass\w*|state-of-the-art|significantly improv\w*|without (?:severe|any)|"
                     r"achiev\w*|overcom\w*|address(?:es|ed|ing)? (?:these|this|the|such|its|their)|revolutioni\w*|"
                     r"alleviat\w*|mitigat\w*|resolv\w*|solv(?:es|ed|ing))\b", re.IGNORECASE)
_FINDING = re.compile(r"\b(?:reveal|expos|find|found|show|observ|identif|uncover)\w*", re.IGNORECASE)
# A problem word in the scope of a word that removes it ('while minimizing cross-objective trade-offs', 'to mitigate
# reward hacking', 'without collapse') names a problem the paper solved, not one it leaves open.
_REMOVED = re.compile(r"\b(?:minimi[sz]\w*|reduc\w*|mitigat\w*|alleviat\w*|avoid\w*|prevent\w*|without|eliminat\w*|"
                      r"overcom\w*|address\w*|resolv\w*|tackl\w*|free of|lower\w*|fewer|less|remov\w*|counter\w*|"
                      r"combat\w*|circumvent\w*|bypass\w*|robust to|resist\w*|no)(?:\W+[\w-]+){0,4}\W*$", re.IGNORECASE)


# A problem word that is what the method lets its user do ('supports multi-objective alignment, allowing real-time
# trade-offs between preference dimensions') names a capability, not a limit.
_ENABLED = re.compile(r"\b(?:allow\w*|enabl\w*|support\w*|permit\w*|offer\w*|provid\w*|facilitat\w*|"
                      r"navigat\w*|flexibl\w*|customi[sz]\w*)(?:\W+[\w-]+){0,2}\W*$", re.IGNORECASE)
# A problem word that is what the paper studies ('by studying their relative tradeoffs') is its subject, not a limit.
_STUDIED = re.compile(r"\b(?:stud\w*|analy[sz]\w*|explor\w*|characteri[sz]\w*|balanc\w*|quantif\w*|measur\w*)"
                      r"(?:\W+[\w-]+){0,3}\W*$", re.IGNORECASE)
# '... causes significant degradation (-11.8%), demonstrating the vector's strong contribution': an ablation's
# evidence for the method; 'Unlike other MLLMs that often degrade ..., X maintains ...': others' problem.
_ABLATION = re.compile(r"\b(?:demonstrat|show|confirm|highlight|underscor|verif|validat)\w* (?:the |its |their )?"
                       r"(?:[\w'-]+ ){0,3}(?:contribution|importance|effectiveness|necessity|efficacy|value|benefit)s?\b",
                       re.IGNORECASE)
# A problem word that a sentence only announces ('conclude with open challenges and future research directions',
# 'revealing their advantages and limitations', 'pave the way for future work'): it says a problem exists, not which.
_ANNOUNCED = re.compile(r"\b(?:conclud\w*|lay\w* out|outlin\w*|discuss\w*|summari[sz]\w*|pav\w* the way|point\w* to|"
                        r"inspir\w*|warrant\w*|call\w* for|advantages and|strengths and|benefits and)"
                        r"(?:\W+[\w-]+){0,4}\W*$", re.IGNORECASE)
# ... unless it says which: 'outlining open problems in oversight, value pluralism, ...'.
_SPECIFIC = re.compile(r"\s+(?:in|of|on|such as|including|like)\s+(?!the (?:field|area|future)\b)\w")
_OTHERS = re.compile(r"^(?:\w+ly,\s+)?(?:unlike|in contrast to|compared (?:to|with)|whereas)\b[^,;]*$", re.IGNORECASE)


# A problem named in the clause that motivates the paper's own next step ('Recognizing the limitations of format-only
# rewards in the later phases, we incorporate length-based rewards'; 'Given that the thinking reward may be unreliable
# ..., we propose Trust-GRPO') is one the paper acts on, not one it leaves open.
_RESPONDED = re.compile(r"^(?:Recogni[sz]ing|Noting|Given|Observing|Acknowledging|Considering|Motivated by|Aware of|"
                        r"Realizing|Identifying|In light of|Inspired by)\b[^.;]*?,\s*(?:we|our|the authors)\b",
                        re.IGNORECASE)


def names_open_problem(text: str) -> bool:
    """The sentence names a limitation, failure or open question that it does not itself remove, that is not the
    subject it studies, not an ablation's evidence for the method, and not other work's (a leading 'Unlike ...')."""
    if _ABLATION.search(text):
        return False
    responded = _RESPONDED.match(text)
    for m in _OPEN.finditer(text):
        if responded and m.start() < responded.end():
            continue
        before = text[max(0, m.start() - 60):m.start()]
        if not (_REMOVED.search(before) or _STUDIED.search(before) or _ENABLED.search(before)
                or (_ANNOUNCED.search(before) and not _SPECIFIC.match(text, m.end()))
                or _OTHERS.match(text[:m.start()])):
            return True
    return False


def _tail(sentence: str) -> str:
    words = sentence.rstrip(" .").split()
    return " ".join(words[max(1, len(words) - 8):]).lower()  # never the first word, which the writer may rewrite


def open_problem_quotes(evidence: list[PaperEvidence], papers: dict[str, Paper], limit: int = 6,
                        written: str = "") -> list[EvidenceSentence]:
    """One own limitation, failure or future-work sentence per paper, most relevant papers first.

    Only the paper's own statements count (never its background on the field), and only ones that
    stand alone (no opening anaphor, no question); a sentence the sections already quote (`written`, matched by
    its last words, which the writer never rewrites) is not quoted twice.
    """
    written = " ".join(written.split()).lower()
    out: list[EvidenceSentence] = []
    for ev in sorted(evidence, key=lambda e: (-e.relevance, e.key)):
        paper = papers[ev.key]
        sentences = split_sentences(paper.abstract)
        roles = sentence_roles(sentences)
        quoted = {s.index for s in ev.sentences}
        order = sorted(range(len(sentences)), key=lambda i: (roles[i] != Role.LIMITATION, i))
        for i in order:
            text = sentences[i]
            own_finding = roles[i] in _OPEN_ROLES or (roles[i] == Role.METHOD and _FINDING.search(text))
            if i in quoted or (written and _tail(text) in written) or not own_finding or not names_open_problem(text) or _PRAISE.search(text):
                continue
            if is_anaphoric(text) or dangling_list(text) or "?" in text or reports_other_work(text) or len(text.split()) > 45 \
                    or re.search(r"@\w|<[a-z/]", text, re.IGNORECASE) or not quotable_problem(sentences, roles, i) \
                    or says_nothing(text):
                continue
            out.append(EvidenceSentence(paper_id=paper.id, key=paper.key, index=i, text=text, score=ev.relevance))
            break
        if len(out) >= limit:
            break
    return out
