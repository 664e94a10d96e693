"""Text detectors for `reviewer eval survey` that need more than a one-line pattern.

- `grammar_problem`: a theme title that is not a grammatical noun phrase: a modifier left without its
  head noun ('Multimodal mathematical and reasoning', 'Inference time in PRMs'), a bare singular count
  noun as head ('Further work on intermediate step'), a half compound ('zero few-shot prompting'), a
  plural noun stacked before a noun ('Rankings preference'), or a clause ('Which values LLMs hold').
- `pointing_subject`: a quote whose subject is a pronoun or demonstrative, at the start of the sentence
  or after a leading prepositional or adverbial phrase ('Across multiple domains, ..., they match ...').
- `rendered_entities`: HTML entities left in the rendered Markdown ('(&lt;10%)'), which a reader of the
  report sees as markup although no tag could open there.

These are written from English grammar, independently of the survey writer's own rules, so the eval
does not grade the writer with its own code.
"""

from __future__ import annotations

import re

_ADJ_SUFFIX = re.compile(r"(?:[a-z]{4,}al|[a-z]{3,}ic|[a-z]{3,}ive|[a-z]{3,}ous|[a-z]{3,}able|[a-z]{3,}ible|"
                         r"[a-z]{3,}ful|[a-z]{3,}less)$")
# Words with an adjective's ending that English uses as nouns ('signal', 'logic', 'objective').
_NOUNS_LIKE_ADJ = frozenset("""signal signals trial proposal retrieval interval removal rival tutorial journal
    animal capital manual individual potential approval arrival survival denial referral renewal material
    principal terminal chemical criminal editorial festival hospital mineral portal ritual total crystal
    metal medal rationale logic topic metric heuristic music rhetoric clinic critic arithmetic mechanic
    graphic traffic characteristic diagnostic analytic objective directive incentive alternative initiative
    perspective narrative representative detective adjective motive derivative executive collective
    primitive positive negative relative native comparative generative cognitive""".split()) - {
    "generative", "cognitive", "comparative", "relative", "positive", "negative", "collective", "native"}
# Halves of hyphenated modifiers: 'inference-time', 'step-level', 'reward-free' (with or without hyphen,
# such a word ends a modifier and needs a head noun after it).
_MODIFIER_HEAD = frozenset("time level scale grained based aware free driven guided specific agnostic wise "
                           "shot style oriented centric".split())
# Singular count nouns that cannot head a title bare ('intermediate step' for 'intermediate steps').
_COUNT_NOUNS = frozenset("""step model method agent token sample example question answer response benchmark
    dataset task trajectory solution judge verifier paper algorithm framework""".split())
_DETERMINERS = frozenset("a an the each every one single its their this that".split())
_GLUE = frozenset("and or in on for of with to via by from at as under over across between without".split())
_WH = frozenset("which what how why whether when where who".split())
_NUMBERS = frozenset("zero one few single multi two three".split())


def _adjective(word: str) -> bool:
    """By its ending ('mathematical', 'generative', 'step-level'); names and acronyms ('MuSiQue') are not."""
    if any(c.isupper() for c in word[1:]):
        return False
    w = word.lower()
    if "-" in w:
        return w.rsplit("-", 1)[1] in _MODIFIER_HEAD
    return bool(_ADJ_SUFFIX.search(w)) and w not in _NOUNS_LIKE_ADJ


def grammar_problem(title: str) -> str | None:
    """Why a title is not a grammatical noun phrase, or None (see the module docstring)."""
    words = [w.strip(",:;") for w in title.split()]
    low = [w.lower() for w in words]
    if not words:
        return "empty"
    if low[0] in _WH:
        return "a clause, not a noun phrase"
    for i, w in enumerate(words):
        nxt = low[i + 1] if i + 1 < len(low) else ""
        ends_phrase = nxt == "" or nxt in _GLUE
        if not ends_phrase:
            continue
        first = i == 0 or low[i - 1] in _GLUE
        # A modifier with no head noun: 'Multimodal mathematical and reasoning' (unless it shares the head
        # after 'and': 'mathematical and logical reasoning').
        # ... or the other conjunct's head: 'step-level and outcome rewards' (a one-word conjunct has none to share).
        right = next((j for j in range(i + 2, len(low)) if low[j] in _GLUE), len(low)) - (i + 2)
        shares_head = nxt in {"and", "or"} and i + 2 < len(words) and (_adjective(words[i + 2]) or right >= 2)
        if not shares_head and _adjective(w) and len(words) > 1:
            return f"modifier '{w}' without its noun"
        if low[i] in _MODIFIER_HEAD and not first:
            return f"'{words[i - 1]} {w}' is a modifier cut from its noun"
        # 'each intermediate step': the determiner may sit before the noun's modifiers.
        back = next((j for j in range(i - 1, -1, -1) if low[j] in _GLUE or low[j] in _DETERMINERS), -1)
        if low[i] in _COUNT_NOUNS and not first and not (back >= 0 and low[back] in _DETERMINERS):
            return f"bare singular '{w}' as head"
    for i in range(len(low) - 1):
        if low[i] in _NUMBERS and "-" in low[i + 1] and low[i + 1].split("-", 1)[0] in _NUMBERS:
            return f"half compound '{words[i]} {words[i + 1]}'"
    if len(low) >= 2 and re.fullmatch(r"[a-z]{4,}[^su]s", low[0]) and low[1] not in _GLUE \
            and not low[1].endswith(("ing", "ed")) and not words[1][:1].isupper() and low[1] not in {"and", "or"}:
        return f"plural '{words[0]}' stacked before a noun"
    return None


# A leading prepositional, adverbial or subordinate phrase ('Across multiple domains, including A, B, and C,'),
# then the main clause's subject. The phrase may hold a list (commas) but no finite clause of its own ('we').
_LEAD_WORD = (r"(?:across|in|on|at|for|with|by|through|under|over|on|from|after|before|during|unlike|beyond|"
              r"besides|despite|compared (?:to|with)|relative to|when|while|once|if|although|though|because|since|"
              r"as|using|leveraging|given|based on|building on|thanks to|notably|moreover|furthermore|"
              r"additionally|in addition|importantly|specifically|finally|overall|surprisingly|"
              r"empirically|experimentally|further|also|then|thus|hence|therefore|consequently|instead|"
              r"[a-z]+ing|[a-z]+ed)")  # 'Utilizing PRM, it ...', 'Trained on X, they ...'
_POINTER = (r"(?:(?:this|these|our|their) (?:proposed |new |resulting )?(?:method|approach|framework|system|model|"
            r"algorithm|technique|pipeline|strategy|agent)s?|the (?:proposed |new |resulting )?(?:method|approach|"
            r"framework|system|algorithm|technique|pipeline|strategy)s?|they|it|this|these|those|such|its|their|both|"
            r"each of them)")
_INITIAL = re.compile(rf"^(?P<p>{_POINTER})\b", re.IGNORECASE)
_AFTER_LEAD = re.compile(rf"^{_LEAD_WORD}\b(?:(?!\bwe\b)[^.;]){{0,200}}?,\s+(?P<p>{_POINTER})\b", re.IGNORECASE)
# 'It is shown that ...', 'it is possible to ...': an expletive 'it' points nowhere.
_EXPLETIVE = re.compile(r"\bit (?:is|was|has been|remains) (?:\w+ ){0,2}?(?:that|to|whether)\b", re.IGNORECASE)
_SELF = re.compile(r"^(?:this|the present|our|their) (?:paper|work|study|article|survey)\b", re.IGNORECASE)


def pointing_subject(text: str) -> bool:
    """The sentence's subject points to something outside it (see the module docstring)."""
    t = text.strip()
    m = _INITIAL.match(t) or _AFTER_LEAD.match(t)
    if not m:
        return False
    subject = t[m.start("p"):]
    return not _EXPLETIVE.match(subject) and not _SELF.match(subject)


_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,9}|#\d{1,6}|#x[0-9A-Fa-f]{1,6});")


def rendered_entities(markdown: str) -> list[str]:
    """HTML entities in the rendered report's text (headings, prose, table cells, lists, references)."""
    return [m.group(0) for m in _ENTITY.finditer(markdown)]


_CLAUSE_WORDS = frozenset("that which who while when where whether in of for with during by".split())


def topic_lead(title: str, topic: str) -> bool:
    """The title is the topic's opening words cut before a clause or phrase, as a topic too long for a title
    gives ('LLMs that call external tools and APIs while solving tasks' -> 'LLMs that call external tools and
    APIs'); a leading verb in -ing ('using LLMs as ...') is the activity, not the subject, and may go first."""
    low, first = title.lower().split(), topic.lower().split()[:1]
    for start in (0, 1) if first and first[0].endswith("ing") else (0,):
        words = topic.lower().split()[start:]
        lead, cut_here = " ".join(words[:len(low)]), words[len(low):len(low) + 1]
        if len(low) >= 3 and title.lower() == lead and (not cut_here or cut_here[0] in _CLAUSE_WORDS):
            return True
    return False
