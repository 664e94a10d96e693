"""Quotes whose antecedent the checker dropped: name the authors again, or leave the quote out.

The offline writer quotes a paper's sentences together: the first names the authors ("Wang et al. propose
X"), the next ones say "They ..." for the abstract's "We ...", and a sentence opening with "This ..." comes
right after the sentence it points to. When the checker drops the first of these, the next one is left
pointing at the previous paper's sentence. An authors' pronoun is then replaced by the authors' name (the
claim is unchanged, so the checker's verdict stands); any other pointer has lost its antecedent and goes.
"""

from __future__ import annotations

import re

from reviewer.models import Paper
from reviewer.survey.prose import _singular_verb, author_label, is_anaphoric
from reviewer.survey.types import SentenceCheck
from reviewer.textutil import normalize, split_sentences

_AUTHORS = re.compile(r"^(?:(?P<lead>[^.;]{0,200}?,\s+))?(?P<pronoun>[Tt]hey|[Tt]heir)\b(?P<rest>.*)$", re.DOTALL)
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur)\b")


def _source(text: str, paper: Paper) -> str:
    """The abstract sentence the quote was taken from (most shared words), or ''."""
    words = set(normalize(text).split())
    best, best_overlap = "", 0.0
    for s in split_sentences(paper.abstract):
        sw = set(normalize(s).split())
        overlap = len(words & sw) / max(1, len(sw))
        if overlap > best_overlap:
            best, best_overlap = s, overlap
    return best if best_overlap >= 0.6 else ""


def name_authors(text: str, paper: Paper) -> str | None:
    """'They propose X' -> 'Wang et al. propose X' when 'They' stands for the abstract's 'We' (the authors);
    None when the sentence's pronoun is the abstract's own ('they match ...' of the method)."""
    m = _AUTHORS.match(text)
    if m is None:
        return None
    source = _source(text, paper)
    lead = m.group("lead") or ""
    if not source or not _FIRST_PERSON.search(source[: len(lead) + 25]):
        return None
    label, singular = author_label(paper, text)
    if m.group("pronoun").lower() == "their":  # as third_person writes an owner: 'Wang et al.'s', 'the authors''
        owner = "the authors'" if label.startswith("the authors") else f"{label}'s"
        owner = owner[:1].upper() + owner[1:] if not lead else owner
        return f"{lead}{owner}{m.group('rest')}"
    if not lead:
        label = label[:1].upper() + label[1:]  # 'The authors of X train ...'

    rest = m.group("rest")
    if singular and rest.startswith(" "):
        rest = " " + _singular_verb(rest[1:])
    return f"{lead}{label}{rest}"


def fix_orphans(row: list[SentenceCheck], papers: dict[str, Paper]) -> None:
    """In one paragraph's surviving sentences, re-anchor or drop each quote whose antecedent is gone."""
    before: SentenceCheck | None = None
    for check in row:
        if check.action not in ("kept", "rewritten", "framing"):
            continue
        orphan = len(check.keys) == 1 and check.keys[0] in papers and not (
            before is not None and set(before.keys) & set(check.keys))
        if orphan:
            paper = papers[check.keys[0]]
            named = name_authors(check.text, paper)
            if named is not None:
                check.text = named
            elif is_anaphoric(check.text):
                check.action = "dropped"
                check.reason = "the sentence it points back to did not survive the check"
                continue
        before = check


# The section lead's announcement of a contrast ('They differ in the problem each one targets.'), which the
# sentences after it carry out one paper each.
ANNOUNCES_CONTRAST = re.compile(r"^They differ in\b")


def drop_empty_announcements(row: list[SentenceCheck]) -> None:
    """An uncited sentence announcing a contrast stands only while two cited sentences still follow it: when the
    checker dropped the others, 'They differ ...' before a single paper exemplifies nothing it states."""
    for n, check in enumerate(row):
        if check.action != "framing" or not ANNOUNCES_CONTRAST.match(check.text):
            continue
        after = [c for c in row[n + 1:] if c.keys and c.action in ("kept", "rewritten")]
        if len(after) < 2:
            check.action = "dropped"
            check.reason = "announced a contrast that fewer than two checked sentences carry out"

