"""An exclusive claim against an inclusive sentence: 'evaluated on math only' where the abstract lists math with others.

'Only X', 'solely X' and 'exclusively X' deny everything but X. When the best-aligned sentence states X with no
restriction of its own (no 'only', 'solely', 'merely', 'just', 'alone', and no denial such as 'without' or 'no'
that a reader could restate as one) and also states at least two content words the claim leaves out, it names X
among other things ('across math, logic and coding', 'ranging from well-defined to ambiguous problems', 'across
all latency levels'), and the claim's restriction reverses it. 'Only' before an amount ('only 30% of the data',
'only a few steps') and before a degree ('only weakly correlated') measures, it does not exclude, and 'not
only' adds.
"""

from __future__ import annotations

import re

from reviewer.textutil import content_stems

_ONLY = re.compile(
    r"(?<!\bnot )(?<![\w-])(?:only|solely|exclusively|purely)\b"
    r"(?!\s+(?:(?:on|with|by|in|using)\s+)?(?:\d|a\b|an\b|one\b|two\b|three\b|half\b|few\b|minimal|small|slight|"
    r"marginal|modest|about\b|around\b|roughly\b|up to\b|\w+ly\b))",
    re.IGNORECASE,
)
# the sentence restricts (or denies) something itself: then 'only' may restate it
_RESTRICTS = re.compile(r"(?<![\w-])(?:only|solely|exclusively|purely|merely|just|alone|sole|single|no|not|without|"
                        r"never|none|cannot|\w+n't)(?![\w-])", re.IGNORECASE)
_SCOPE_END = re.compile(r"[,;:.()]")
SCOPE = 2  # content stems an 'only' restricts: 'only on response-level labels', not the rest of the clause
MIN_EXTRA = 2  # content stems the sentence states beyond the claim


def exclusive_overreach(claim: str, sentence: str) -> str:
    """The claim's restriction ('only X') that the sentence, naming X among other things, does not make; ''."""
    if _RESTRICTS.search(sentence):
        return ""
    stems = set(content_stems(sentence))
    extra = stems - set(content_stems(claim))
    if len(extra) < MIN_EXTRA:
        return ""
    for m in _ONLY.finditer(claim):
        after = content_stems(_SCOPE_END.split(claim[m.end():])[0])[:SCOPE]
        scope = after or content_stems(claim[: m.start()])[-2:]  # 'on math reasoning only'
        if any(s in stems for s in scope):
            return claim[m.start(): m.end() + len(_SCOPE_END.split(claim[m.end():])[0])].strip()
    return ""
