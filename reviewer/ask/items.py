"""Inline enumerations as leads: a list opens an answer badly only when the answer sits in a later item.

"We have two key findings: (1) smaller models benefit from structured thinking, while larger ones degrade, and (2)
..." answers "does structured thinking help the largest models?" in its first item; "(1) ..., (2) visual inputs
consume large context budgets ..." answers "why do video reward models lose detail?" only in its second, after an
item about something else. So the enumeration is judged by where the words it shares with the question fall: before
the second item, the sentence opens the answer as well as any; after it, the reader meets the wrong item first.
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems

# The marker of a second item: "(ii)", "(2)", "(b)", or "2)" after a space or punctuation.
SECOND_ITEM = re.compile(r"\((?:ii|2|b)\)|(?<=[\s:;])(?:ii|2|b)\)")
# Share of the question words the sentence states that must come before its second item for the list to lead well.
HEAD_SHARE = 0.75


def later_item_answers(text: str, asked: set[str]) -> bool:
    """The sentence enumerates inline and what it shares with the question (`asked`: the question's content stems,
    less its question words) lies mostly after the first item, or it shares nothing: a poor lead."""
    m = SECOND_ITEM.search(text)
    if not m:
        return False
    shared = asked & set(content_stems(text))
    if not shared:
        return True
    head = asked & set(content_stems(text[: m.start()]))
    return len(head) < HEAD_SHARE * len(shared)
