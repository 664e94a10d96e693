"""Word-level rules for theme titles: which preposition joins a label to the survey's head, which
openers make a label a fragment, and how Title-Case hyphenated words read in a sentence-case title."""

from __future__ import annotations

import re

from reviewer.survey.verbuse import folded

# Process words that a method is applied WITH ("Policy optimization with PRMs"), not OF: the genitive would
# say the optimization acts on the PRMs. Material words take "for" ("Data for PRMs").
_WITH_PROCESS = re.compile(r"(?:optimi[sz]ation|learning|tuning|distillation|supervision|feedback|search)$",
                           re.IGNORECASE)
_FOR_PROCESS = re.compile(r"(?:data|labels?|annotation)$", re.IGNORECASE)
# Openers that make a label a fragment ("During training", "Towards reasoning"): dropped from the label.
_LEADING_GLUE = frozenset("""during in on for with by from of to via at after before through toward towards
    without under over across among between about as into upon within beyond against while when""".split())
# '-ing' words that work as nouns at the head of a label ("Reasoning traces", "Scaling laws"); any other
# opening '-ing' word is a verb whose object must say something ("Aligning language" says nothing).
_NOUN_ING = frozenset("""reasoning learning training planning thinking modeling modelling scaling tuning
    fine-tuning understanding ranking reranking sampling prompting decoding labeling labelling filtering
    shaping hacking monitoring routing editing reading writing coding testing programming computing
    engineering processing""".split())


# Heads that name a thing a phrase can be "in" or "of" (models, agents, an acronym such as 'PRMs'); a head
# naming an activity or phenomenon ('reward hacking', 'curriculum learning') takes neither.
# An acronym names a thing when it is a model ('PRM', 'LLMs') or plural; 'PPO', 'DPO', 'RL' name methods,
# which 'Reward modeling of PPO' would misdescribe.
_THING = re.compile(r"(?:models?|agents?|systems?|networks?|verifiers?|judges?|polic(?:y|ies)|datasets?|"
                    r"benchmarks?|critics?|evaluators?|[A-Z]*Ms?|[A-Z]{2,}s)$")


def _names_a_thing(head: str) -> bool:
    return bool(_THING.search(head.strip()))


def _process_link(raw: str) -> str:
    if _WITH_PROCESS.search(raw):
        return "with"
    return "for" if _FOR_PROCESS.search(raw) else "of"


def _drop_leading_glue(raw: str) -> str:
    words = raw.split()
    while len(words) > 1 and words[0].lower() in _LEADING_GLUE:
        words.pop(0)
    return " ".join(words) if words else raw


def _hyphen_case(word: str, keep_first: bool) -> str:
    """'Multi-Turn' -> 'Multi-turn' (or 'multi-turn' mid-title); 'LLM-as-a-Judge' and 'Best-of-N' keep names."""
    parts = word.split("-")
    if len(parts) < 2 or not all(p[:1].isupper() and p[1:].islower() and p.isalpha() for p in parts):
        return word
    low = [p.lower() for p in parts]
    return "-".join(([parts[0]] if keep_first else [low[0]]) + low[1:])


# A third-person verb cannot open a name ('Aligns LLMs', 'Optimizes policies'): the phrase is a clause fragment.
_VERB_3RD = re.compile(r"^(?:\w+(?:izes|ises|ifies)|aligns|learns|improves|enhances|boosts|makes|uses|elicits|induces|"
                       r"enables|yields|reduces|increases|generates|trains|achieves|outperforms|surpasses|requires|"
                       r"allows|helps|leads|relies|remains|shows|reveals|provides|performs|"
                       r"align|learn|improve|enhance|make|use|train|boost|enable|reduce|generate|optimi[sz]e|guide|"
                       r"teach|elicit|mitigate|evaluate|rethink|revisit|unlock|incentivi[sz]e)$", re.IGNORECASE)


def opens_with_verb(phrase: str) -> bool:
    words = phrase.split()
    return bool(words) and bool(_VERB_3RD.match(words[0]))


def inside_longer_name(phrase: str, texts: list[str]) -> bool:
    """A phrase that nearly always occurs inside one longer phrase ('relative policy' inside 'group relative
    policy optimization') is a fragment of that name, not a name of its own."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(phrase.lower())}(?![\w-])")
    total = 0
    neighbours: dict[str, int] = {}
    for text in texts:
        low = text.lower()
        for m in pattern.finditer(low):
            total += 1
            before = re.search(r"([a-z][\w-]*)\s+$", low[max(0, m.start() - 30):m.start()])
            after = re.match(r"\s+([a-z][\w-]*)", low[m.end():m.end() + 30])
            for side, word in (("<", before.group(1) if before else ""), (">", after.group(1) if after else "")):
                if word and word not in _LEADING_GLUE and word not in {"and", "or", "the", "a", "an", "is", "are"}:
                    neighbours[side + word] = neighbours.get(side + word, 0) + 1
    return total >= 2 and any(c >= 0.8 * total for c in neighbours.values())


_TASK_END = re.compile(
    r"(?:reasoning|answering|generation|tasks?|agents?|alignment|safety|translation|summari[sz]ation|math\w*|"
    r"coding|navigation|dialogue|recommendation|domains?|settings?|benchmarks?|games?|understanding|"
    r"planning|decision[- ]making)$", re.IGNORECASE)
# Labels that name a technique or a model, which a task or goal can be served by.
_METHOD_END = re.compile(r"(?:learning|optimi[sz]ation|search|supervision|prompting|training|distillation|fine-tuning|"
                         r"tuning|decoding|sampling|verification|verifiers?|models?|[A-Z]*RMs?)$")
# What goes wrong ('reward hacking', 'emergent misalignment', 'entropy collapse'): nothing is 'for' it.
PHENOMENON = re.compile(r"(?:\bmis\w+|\bover\w+|hacking|collapse|hallucinations?|bias(?:es)?|sycophancy|forgetting|"
                        r"deception|jailbreaks?|attacks?|failures?|errors?)$", re.IGNORECASE)


# Heads that name what a method learns from ('AI feedback', 'preference data'): a technique is 'from' them.
_SIGNAL_END = re.compile(r"(?:feedback|data|datasets?|rewards?|preferences?|labels?|annotations?|demonstrations?|"
                         r"signals?|supervision)$", re.IGNORECASE)


def acronym_head(head: str) -> bool:
    """A head that is a method acronym ('DPO', 'PRMs')."""
    return re.fullmatch(r"[A-Z][\w-]*[A-Z]s?", head.strip()) is not None


def technique_link(head: str) -> str:
    """How a technique attaches to a head that is no phenomenon: 'from' a signal it learns from, else 'for'."""
    return "from" if _SIGNAL_END.search(head.strip()) else "for"


def _lower_first(phrase: str) -> str:
    """'Math reasoning' -> 'math reasoning' inside a title; an acronym or a name ('TTS', 'DPO') stays."""
    return phrase[:1].lower() + phrase[1:] if phrase[1:2].islower() else phrase


def technique_title(technique: str, head: str) -> str:
    """A technique serves the head ('<technique> for/from <head>'); a phenomenon arises in it ('Reward hacking in
    reinforcement learning'). Never '<technique> and <head>', which says nothing of what separates a section."""
    if PHENOMENON.search(head):
        return f"{head[:1].upper() + head[1:]} in {_lower_first(technique)}"
    return f"{technique} {technique_link(head)} {_lower_first(head)}"


def serves_goal(head: str) -> bool:
    """A head naming a task or a goal ('math reasoning', 'code generation', 'self-correction'), which a
    method can be 'for'; not a thing, a method acronym or a phenomenon."""
    if PHENOMENON.search(head) or re.fullmatch(r"[A-Z][\w-]*[A-Z]s?", head) or _names_a_thing(head):
        return False
    return bool(_TASK_END.search(head) or re.search(r"(?:tion|sion)$", head, re.IGNORECASE))


# Words after which a phrase has ended: a label followed by one of these is used as a noun there.
_ENDS_PHRASE = frozenset("""and or of for in on with to by from at as that which than while is are was were be been
    has have had can could may might will would should do does via into over under across between without
    whose where when""".split())
_FOLLOWER = re.compile(r"[ \t]+([A-Za-z][\w-]*)|-([A-Za-z][\w-]*)")
CUT_SHARE = 0.6  # a label followed by another noun in 3 of 5 uses is a modifier ('inference time' scaling)


class Uses:
    """How a label is used in a set of texts: its occurrences, those followed by another content word, and
    for each such word the texts that put it there ('inference-time scaling', 'inference time compute')."""

    def __init__(self, label: str, texts: list[str]) -> None:
        words = label.split()
        self.total = self.followed = 0
        self.after: dict[str, set[int]] = {}
        self.hyphenated = self.spaced = 0
        if not words:
            return
        pattern = re.compile(r"(?<![\w-])" + r"([\s-]+)".join(re.escape(w) for w in words) + r"(?![\w])",
                             re.IGNORECASE)
        last = words[-1].casefold()
        for n, text in enumerate(texts):
            if last not in folded(text):  # no use here: skip the regex (hundreds of labels x the whole corpus)
                continue
            for m in pattern.finditer(text):
                self.total += 1
                joins = m.groups()
                self.hyphenated += bool(joins) and all("-" in j for j in joins)
                self.spaced += bool(joins) and not any("-" in j for j in joins)
                nxt = _FOLLOWER.match(text, m.end())
                word = (nxt.group(1) or nxt.group(2)).lower() if nxt else ""
                if word and word not in _ENDS_PHRASE and not word.endswith("ly"):
                    self.followed += 1
                    self.after.setdefault(word, set()).add(n)


def is_cut_modifier(label: str, texts: list[str], share: float = CUT_SHARE) -> bool:
    """The label is a modifier cut from its noun: the texts put another word after it in `share` of its (at
    least 3) uses ('Multimodal mathematical' reasoning, 'Inference time' scaling); 'human feedback' ends where
    it stands."""
    uses = Uses(label, texts)
    return uses.total >= 3 and uses.followed >= share * uses.total


_VERB_BEFORE = re.compile(r"\b(?:we|to|can|will|may|also|further)\s+$", re.IGNORECASE)
# A transitive verb is followed by its object's determiner ('results highlight the need'); a noun rarely is.
_VERB_AFTER = re.compile(r"\s+(?:the|a|an|that|how|its|their|our|this|these|what|whether)\b", re.IGNORECASE)


def used_as_verb(word: str, texts: list[str]) -> bool:
    """The texts use the word as a verb in most of its uses ('we highlight', 'results highlight the ...'), so a
    label it opens is a clause ('Highlight one-shot CFT'), not a name."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)
    total = verb = 0
    for text in texts:
        for m in pattern.finditer(text):
            total += 1
            verb += bool(_VERB_BEFORE.search(text[max(0, m.start() - 12):m.start()]) or _VERB_AFTER.match(text, m.end()))
    return verb >= 2 and verb * 2 >= total


def complete_modifier(label: str, texts: list[str], need: int) -> str:
    """'Inference time' -> 'Inference-time scaling' when `need` of the group's texts put that same word after
    it (hyphenated as most of them write it); '' when no word is shared by enough of them."""
    uses = Uses(label, texts)
    best = max(uses.after.items(), key=lambda kv: (len(kv[1]), kv[0]), default=None)
    if best is None or len(best[1]) < need:
        return ""
    joined = " ".join(label.split())
    head = joined.replace(" ", "-") if " " in joined and uses.hyphenated > uses.spaced else joined
    return f"{head} {best[0]}"


# Nouns of process or quality ('optimization', 'alignment', 'robustness') are used as mass nouns in titles.
_PROCESS_NOUN = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ure|ics)$")


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("sh", "ch", "x", "z")) else "s")


def plural_head(label: str, texts: list[str], any_plural: bool = False) -> str:
    """'Intermediate step' -> 'Intermediate steps': a singular count noun cannot head a title bare, and the texts
    show the noun counts (they write the phrase in the plural at least as often as in the singular). A mass
    noun ('human feedback', 'supervision') has no plural there and stays. `any_plural`: one plural use is
    enough (a group named by what several titles each call 'a reward model')."""
    words = label.split()
    last = words[-1] if words else ""
    if not last.isalpha() or not last.islower() or last.endswith(("s", "ing")) or len(last) < 3:
        return label
    plural = " ".join(words[:-1] + [_plural(last)])
    if _PROCESS_NOUN.search(last):  # mostly a mass noun ('optimization'), unless the texts count it ('solutions')
        return plural if counted_noun(last, texts) else label
    many = sum(len(re.findall(rf"(?<![\w-]){re.escape(plural)}(?![\w-])", t, re.IGNORECASE)) for t in texts)
    one = sum(len(re.findall(rf"(?<![\w-]){re.escape(label)}(?![\w-])", t, re.IGNORECASE)) for t in texts)
    # 'as a fine-grained judge': counted one at a time where it heads its phrase, so a count noun.
    counted = any(re.search(rf"\b(?:a|an|each|every|one)\s+{re.escape(label)}(?=\s*(?:[.,;:)]|$)|\s+(?:and|or|of|for|in|"
                            rf"on|with|to|that|which|is|was|as|by)\b)", t, re.IGNORECASE) for t in texts)
    return plural if (many >= 1 and (any_plural or many >= one)) or counted or counted_noun(last, texts) else label


COUNT_SHARE = 0.75
PLURAL_SHARE = 0.25


def counted_noun(word: str, texts: list[str]) -> bool:
    """The texts count the noun itself ('a practical solution.', 'multiple reasoning trajectories') and write
    its plural: a count noun, which cannot head a title bare even when the label's exact phrase is rare."""
    if not word.isalpha() or len(word) < 4:
        return False
    plural = _plural(word)
    many = sum(len(re.findall(rf"(?<![\w-]){plural}(?![\w-])", t, re.IGNORECASE)) for t in texts)
    one = sum(len(re.findall(rf"(?<![\w-]){word}(?![\w-])", t, re.IGNORECASE)) for t in texts)
    # Written in the plural often enough to be a count noun: not a stray 'feedbacks' beside 162 'feedback'. A noun
    # of process ('evaluation', 'alignment') is mostly a mass noun; it counts only where the texts write its
    # plural nearly as often as the singular ('solutions', 'questions').
    share = COUNT_SHARE if _PROCESS_NOUN.search(word) else PLURAL_SHARE
    if many < 2 or many < share * one:
        return False
    one_of = re.compile(rf"\b(?:a|an|each|every)\s+(?:[a-z][\w-]*\s+){{0,2}}{word}(?=\s*[.,;:)]|\s+(?:and|or|of|for|"
                        rf"in|on|with|to|that|which|is|was|as|by)\b)", re.IGNORECASE)
    # 'multiple reasoning trajectories': a plural after a number word is a noun, never a verb ('computes').
    several = re.compile(rf"\b(?:multiple|many|several|different|diverse|various|these|those|such|both|fewer|two|three|"
                         rf"four|five|\d+)\s+(?:[a-z][\w-]*\s+){{0,2}}{plural}\b", re.IGNORECASE)
    # Both: a plural alone may be a verb ('starts'), a counted singular a compound's modifier.
    return any(one_of.search(t) for t in texts) and any(several.search(t) for t in texts)


# What a verb in -ing is called as a noun: 'aligning' -> 'alignment', 'optimizing' -> 'optimization'.
_NOUN_ENDINGS = ("ment", "ation", "ion", "ication", "ance", "al")
# Nouns in -ing that name things rather than activities ('Embedding models', 'Grounding benchmarks').
_NOUN_ING_MORE = frozenset("embedding grounding clustering pretraining bootstrapping benchmarking setting".split())


def opens_with_gerund(phrase: str) -> bool:
    """The phrase opens with a verb in -ing that is not a noun ('Aligning LLM agents', not 'Reasoning traces'):
    the activity done to the object, a verb phrase rather than a name."""
    words = phrase.split()
    first = words[0].lower() if words else ""
    return len(words) > 1 and first.isalpha() and first.endswith("ing") and len(first) > 5 \
        and first not in _NOUN_ING and first not in _NOUN_ING_MORE and words[0][1:].islower()


def nominal(phrase: str, texts: list[str]) -> str:
    """'Aligning LLM agents' -> 'Alignment of LLM agents' when the texts use that noun ('alignment'); '' when they
    use none (the phrase is a verb phrase with no noun form here, to be replaced by another name)."""
    if not opens_with_gerund(phrase):
        return phrase
    first, rest = phrase.split(maxsplit=1)
    stem = first.lower()[:-3]
    stems = [stem, stem + "e"] + ([stem[:-1]] if stem.endswith("y") else []) + \
        ([stem[:-1]] if len(stem) > 3 and stem[-1] == stem[-2] else [])
    for base in stems:
        for end in _NOUN_ENDINGS:
            noun = (base[:-1] if base.endswith("e") and end[0] in "aeiou" else base) + end
            if noun != first.lower() and sum(len(re.findall(rf"(?<![\w-]){noun}(?![\w-])", t, re.IGNORECASE))
                                             for t in texts) >= 2:
                return f"{noun.capitalize() if first[:1].isupper() else noun} of {rest}"
    return ""


def _tidy_case(title: str) -> str:
    """Sentence case: words written Title Case mid-title go lower; acronyms and CamelCase names stay."""
    words = title.split()
    out = [words[0][:1].upper() + words[0][1:]] if words else []
    if out and "-" in out[0]:
        out[0] = _hyphen_case(out[0], keep_first=True)
    for w in words[1:]:
        plain = w[:1].isupper() and w[1:].islower() and w.isalpha()
        out.append(w.lower() if plain else _hyphen_case(w, keep_first=False))
    return " ".join(out)
