"""Key phrases and their distinctiveness (c-TF-IDF), for query expansion and for naming themes.

Phrases are runs of 1-3 content words inside a clause, compared by stems but shown in their most
common surface form, so a theme reads "step-level verification" rather than "step level verif".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from pydantic import BaseModel

from reviewer.textutil import content_stems, words

# Verbs that open a topic's phrase ('train reward models', 'align LLMs'): the subject is what follows them.
LEADING_VERBS = frozenset("""train collect build align make use improve reduce avoid detect estimate measure
    evaluate generate learn teach tailor encourage prevent help enable select compare rank explain
    mitigate steer control fine-tune finetune design create""".split())

_CLAUSE = re.compile(r"[,.;:()\[\]!?\"“”]+|\s[-–—]\s")
# Words that may sit inside a phrase ("of", "and") but never start or end one, and words that are too
# generic to name anything.
_GLUE = frozenset({"of", "for", "and", "in", "with", "to", "on", "via"})
# Words that cannot open a name: prepositions, and verbs that titles use ("MCTS Boosts Reasoning").
_NO_START_WORDS = """along across among beyond without toward towards upon versus vs during boosts boost yields yield
    surpasses surpass unlocks unlock matters rethinking revisiting beats meets elicits induces"""
_NO_START = frozenset(_NO_START_WORDS.split())
_GENERIC_WORDS = """a an the this that these those we our their they it its is are was were be been being has have had
    can could may might will would should not no nor or but if then than also both each such via into
    over under about between among more most less least very much many some any all other using use used
    based new novel approach approaches paper papers propose proposes proposed present presents study
    studies show shows showed result results method methods model models work works framework frameworks
    various different existing significant significantly across however furthermore moreover first second
    third recent recently key specific several strong effective effectively better extensive comprehensive
    experiments experimental experiment demonstrate demonstrates achieve achieves achieved improve improves
    improved improvement improvements performance task tasks problem problems challenge challenges
    challenging remains remain large often while which who what how when where thus here there only
    one two three introduce introduces introduced develop developed provide provides enable enables
    enabling existing prior current way ways state-of-the-art sota leading further even well without
    within through due given make makes making including include includes like yet still via upon
    address addresses addressing limited limitation limitations lack lacks research researchers
    typically usually widely highly substantially notably particular particularly general generally
    benchmark benchmarks dataset datasets data code available publicly release released by from as at
    do does did shall whom why our ours us enhance enhances enhanced enhancing leverage leverages leveraging
    utilize utilizes utilizing employ employs aim aims ensure ensures allow allows allowing require requires
    requiring rely relies relying obtain obtains perform performs performing outperform outperforms help
    helps offer offers capable able solving solve solves tackle tackles evaluate evaluates evaluated
    evaluating assess assesses consider considers explore explores exploring investigate investigates
    analyze analyzes analyse reveal reveals suggest suggests indicate indicates find finds found called
    termed named known focus focuses focusing mitigate mitigates need needs designed trained proposing
    achieving improving remarkable promising powerful crucial critical essential fundamental
    significant notable simple complex additional multiple diverse robust efficient superior correct
    accurate high low higher lower strong weak good best great small big wide broad specifically
    et al respectively already exhibit exhibits train trains capability capabilities ability abilities emerged emerging increasingly growing whether across toward towards despite
    because although though whereas unless"""
_GENERIC = frozenset(_GENERIC_WORDS.split())
# Endings of adjectives and adverbs: a phrase ending in one is not a name ("solving complex").
_ADJECTIVE_END = re.compile(r"(?:ous|ive|ble|ly|ful|less|(?<!m)ent)$")


_NOUNS_LOOKING_ADJ_WORDS = """agent agents objective objectives alternative alternatives content environment
    environments component components gradient gradients student students perspective perspectives incentive
    incentives variable variables table tables assistant assistants participant participants"""
_NOUNS_LOOKING_ADJ = frozenset(_NOUNS_LOOKING_ADJ_WORDS.split())


class Phrase(BaseModel):
    stems: str
    surface: str
    score: float


# 'zero- and few-shot', 'zero-/few-shot': a half compound joins no phrase.
_SUSPENDED = re.compile(r"\b[\w]+-(?:\s+(?:and|or|to)\s+|\s*/\s*)")


def _runs(text: str) -> Iterable[list[str]]:
    for clause in _CLAUSE.split(_SUSPENDED.sub(", ", text)):
        run: list[str] = []
        for word in words(clause):
            low = word.lower()
            if low in _GENERIC and low not in _GLUE:
                if run:
                    yield run
                run = []
            else:
                run.append(word)
        if run:
            yield run


def phrases(text: str, max_len: int = 3) -> list[tuple[str, str]]:
    """(stem key, surface form) of every 1-3 word phrase that starts and ends with a content word."""
    out: list[tuple[str, str]] = []
    for run in _runs(text):
        for n in range(1, max_len + 1):
            for i in range(len(run) - n + 1):
                gram = run[i : i + n]
                if gram[0].lower() in _GLUE or gram[-1].lower() in _GLUE:
                    continue
                if _ADJECTIVE_END.search(gram[-1].lower()) and gram[-1].lower() not in _NOUNS_LOOKING_ADJ:
                    continue
                if any(w[0].isdigit() for w in gram) or any(len(w) > 40 for w in gram):
                    continue
                if gram[0].lower() in _NO_START:
                    continue
                stems = norm_stems(content_stems(" ".join(gram)))
                if not stems or (n == 1 and len(gram[0]) < 3):
                    continue
                out.append((" ".join(stems), " ".join(gram)))
    return out


def norm_stems(stems: list[str]) -> list[str]:
    """Stems with acronym plurals folded ('llms' -> 'llm'), which the English stemmer leaves alone."""
    return [s[:-1] if len(s) > 2 and s.endswith("s") and not any(c in "aeiouy" for c in s[:-1]) else s
            for s in stems]


def _surface(forms: Counter[str]) -> str:
    # Most frequent form; on ties prefer the one that keeps acronyms upper-case ("LLM" over "llm").
    return max(forms.items(), key=lambda kv: (kv[1], sum(c.isupper() for c in kv[0][1:]), kv[0]))[0]


class PhraseStats:
    """Document frequencies of phrases over a set of documents (one document = one paper)."""

    def __init__(self, docs: list[str], max_len: int = 3) -> None:
        self.n = len(docs)
        self.doc_phrases: list[set[str]] = []
        self.forms: dict[str, Counter[str]] = {}
        for doc in docs:
            found = phrases(doc, max_len)
            self.doc_phrases.append({s for s, _ in found})
            for stems, surface in found:
                self.forms.setdefault(stems, Counter())[surface.lower() if _lowerable(surface) else surface] += 1
        self.df: Counter[str] = Counter(p for group in self.doc_phrases for p in group)
        # Field-wide phrases of the whole corpus (fieldwide.py): they name the field, not a group of papers.
        self.field: dict[str, float] = {}
        # An even sample of the whole corpus's texts: how a phrase is used there (labelpick.whole_phrase).
        self.corpus: list[str] = []

    def local_df(self, members: list[int], stems: str) -> int:
        return sum(1 for i in members if stems in self.doc_phrases[i])

    def surface(self, stems: str) -> str:
        return _surface(self.forms[stems])

    def distinctive(
        self,
        members: list[int],
        exclude: set[str] | None = None,
        min_df: int = 1,
        top: int = 8,
        prefer: set[str] | None = None,
        overlapping: bool = False,
    ) -> list[Phrase]:
        """c-TF-IDF: phrases frequent in `members` and rare elsewhere; multi-word and `prefer`red favoured.
        With `overlapping`, a phrase sharing stems with a better one is kept too ('reward model' after
        'process reward model': the shorter one may be used by more papers)."""
        exclude, prefer = exclude or set(), prefer or set()
        local: Counter[str] = Counter(p for i in members for p in self.doc_phrases[i])
        size = max(len(members), 1)
        scored: list[Phrase] = []
        for stems, count in local.items():
            if count < min_df or set(stems.split()) <= exclude:
                continue
            n_words = len(stems.split())
            tf = count / size
            idf = math.log(1 + self.n / self.df[stems])
            length = {1: 1.0, 2: 1.5, 3: 1.6}.get(n_words, 1.6) * (1.3 if stems in prefer else 1.0)
            field = self.field.get(stems, 1.0)
            scored.append(Phrase(stems=stems, surface=self.surface(stems), score=tf * idf * length * field))
        scored.sort(key=lambda p: (-p.score, p.stems))
        return scored[:top] if overlapping else _drop_overlaps(scored, top)


def _lowerable(surface: str) -> bool:
    """Lower-case a form unless it holds an acronym or a mixed-case name (LLM, GSM8K, DeepSeek)."""
    return not any(sum(c.isupper() for c in w) > 1 or any(c.isdigit() for c in w) for w in surface.split())


def _drop_overlaps(ranked: list[Phrase], top: int) -> list[Phrase]:
    """Keep the best phrase of any group that shares stems (so 'reward' does not follow 'reward model')."""
    chosen: list[Phrase] = []
    for phrase in ranked:
        stems = set(phrase.stems.split())
        if any(stems & set(c.stems.split()) for c in chosen):
            continue
        chosen.append(phrase)
        if len(chosen) >= top:
            break
    return chosen


# Where a topic worded as a question or a clause breaks into noun phrases: question words, relative
# pronouns, auxiliaries and comparison words carry no topic, so "how trustworthy are language models used
# as evaluators" gives the same kind of pieces ("language models", "evaluators") as a keyword topic.
_CLAUSE_BREAKS = (
    r"how|what|why|which|who|whose|when|where|whether|that|is|are|was|were|be|been|being|do|does|did|"
    r"can|could|should|makes?|made|used as|instead of|rather than|compared (?:with|to)|than|or"
)
_LEADING = re.compile(r"^(?:(?:the|a|an|its|their|each|every|only|other|of)\s+)+", re.IGNORECASE)


def topic_chunks(topic: str) -> list[str]:
    """Keyword sub-phrases of a topic: the pieces between prepositions, conjunctions and clause words."""
    pieces = re.split(
        rf"\s+(?:for|in|with|on|via|and|using|to|from|under|towards?)\s+|[,:;?]|(?:^|\s+)(?:{_CLAUSE_BREAKS})(?=\s|$)",
        topic.strip(), flags=re.IGNORECASE)
    pieces = [_LEADING.sub("", p.strip()) for p in pieces if p]
    return [p for p in dict.fromkeys(pieces) if p and len(content_stems(p)) >= 1]


_NOT_A_HEAD = re.compile(r"^\w+(?:ing|ly|ive|ful|able|ible|ous|worthy)$", re.IGNORECASE)


def is_clause(topic: str) -> bool:
    """A topic worded as a question or clause ('how X makes Y ...'), not as a keyword phrase."""
    return re.search(rf"(?:^|\s)(?:{_CLAUSE_BREAKS})(?=\s|$)", topic, re.IGNORECASE) is not None


def head_chunk(chunks: list[str]) -> str | None:
    """The topic's head phrase: its first piece, skipping a lone verb or adjective left by a question
    ('estimating', 'trustworthy'), which names no subject."""
    return next((c for c in chunks if not _NOT_A_HEAD.match(c)), None)


def title_case(phrase: str) -> str:
    """Sentence case for a title: first letter up, acronyms untouched."""
    return phrase[:1].upper() + phrase[1:] if phrase else phrase
