"""The title of a survey's one section, when a topic has too few papers for themes: the topic itself when
it is a short noun phrase, else the noun phrase a question or a long topic is about. Never 'Work on X'
when the topic gives a phrase, since that names no theme."""

from __future__ import annotations

import re

from reviewer.survey.terms import title_case

# 'which ethical values LLMs hold ...' names a thing once the question word goes ('Ethical values LLMs hold ...');
# 'how ...', 'why ...', 'whether ...' or 'which is ...' stay clauses.
_WH_THING = re.compile(r"^(?:which|what)\s+(?!(?:is|are|was|were|do|does|did|can|could|should|would|will|makes?|"
                       r"made|has|have)\b)(?=[a-z])", re.IGNORECASE)
_WH_CLAUSE = re.compile(r"^(?:how|why|whether|when|where|which|what|who|do|does|can|are|is)\b", re.IGNORECASE)


# Words before which a long topic can be cut and stay a noun phrase ('AI tutors that explain proofs and grade
# homework' -> 'AI tutors that explain proofs'; 'a compact set of prompts to tune a model on' -> '... of prompts').
# Conjunctions that open an adverbial clause ('... a multi-step plan | before they act'): a cut before one
# leaves the noun phrase whole, as a cut before 'that' or 'while' does.
_SUBORDINATE = frozenset("before after until unless because since although though once".split())
_CLAUSE_CUT = frozenset("""that which who while when where whether in of for with during by to and or on under across via
    from against between without""".split()) | _SUBORDINATE
_CLAUSE_BREAK = frozenset("that which who while when where whether to and or".split()) | _SUBORDINATE
# 'how reliable are X ...' asks about X: the noun phrase after the copula is the subject.
_HOW_ADJ_COPULA = re.compile(r"^how\s+[a-z-]+\s+(?:are|is|were|was)\s+(?=[A-Za-z])", re.IGNORECASE)


def single_title(topic: str, head: str) -> str:
    """The one section's title when the topic has too few papers for themes: the topic if it is short and a
    noun phrase."""
    # What the topic contrasts its subject with ('... instead of only the final answer') is not its subject.
    topic = _HOW_ADJ_COPULA.sub("", _WH_THING.sub("", topic.strip()))
    subject = _CONTRAST.split(topic, maxsplit=1)[0]
    topic = subject if len(subject.split()) >= 3 else topic
    if _WH_CLAUSE.match(topic):
        topic = ""  # a question is not a title; its head phrase is
    # 'LLMs portraying fictional characters faithfully': a clause's closing adverb says how, not what; the title
    # is the noun phrase before it.
    words = topic.split()
    if len(words) >= 4 and re.fullmatch(r"[a-z]{3,}ly", words[-1]) and words[-1] not in _LY_NOUNS \
            and re.search(r"(?:[^s]s|tion|ment|ness|ity)$", words[-2]):  # ... after its object noun, not its verb

        topic = " ".join(words[:-1])
    if 3 <= len(topic.split()) <= 8:
        return title_case(topic)
    # A long topic is still a noun phrase once cut before its last clause or prepositional phrase ('LLMs that
    # call external tools and APIs while solving tasks' -> '... and APIs'); 'Work on X' would name no theme.
    words = _drop_gerund(topic).split()
    # A clause boundary first ('... websites | and fill in forms'), so a phrasal verb is never cut in two.
    clause = max((i for i, w in enumerate(words) if 3 <= i <= 8 and w.lower() in _CLAUSE_BREAK), default=0)
    if len(words) > 8 and clause:
        words = words[:clause]
    while len(words) > 8:
        cut = max((i for i, w in enumerate(words) if i >= 3 and w.lower() in _CLAUSE_CUT), default=0)
        if not cut:
            break
        words = words[:cut]
    if 3 <= len(words) <= 8 and not _WH_CLAUSE.match(words[0]):  # 'estimating how ...' leaves a clause
        return title_case(" ".join(words))
    if head:
        return title_case(f"Work on {head}")
    words = topic.split()[:8]
    while len(words) > 3 and words[-1].lower() in {"a", "an", "the", "of", "for", "in", "on", "with", "and", "or", "to"}:
        words.pop()
    return title_case(" ".join(words))


_LY_NOUNS = frozenset("family assembly supply anomaly monopoly reply rely apply ally only early holy".split())
_CONTRAST = re.compile(r"\s+(?:instead of|rather than|as opposed to|compared (?:with|to)|versus|vs\.?)\s+",
                       re.IGNORECASE)


# '-ing' words that open a noun phrase ('reasoning models', 'scaling laws'); 'training' and 'fine-tuning'
# do so only before a word naming part of the training ('training data', not 'training LLM agents').
_NOUN_ING_HEAD = frozenset("""reasoning learning thinking planning scaling modeling modelling computing programming
    engineering processing sampling decoding prompting ranking reranking""".split())
_TRAINING_NOUN = re.compile(r"^(?:training|fine-tuning)\s+(?:data|sets?|signals?|objectives?|dynamics|recipes?|"
                            r"pipelines?|stages?|time|costs?|curricul\w*)\b", re.IGNORECASE)


def _drop_gerund(chunk: str) -> str:
    """'training LLM agents' -> 'LLM agents': a leading verb in -ing (not a noun such as 'reasoning') is the
    activity done to the subject, which follows it."""
    # 'analyses of DPO-style preference learning': what the papers do to the subject, not the subject.
    chunk = re.sub(r"^(?:analys[ei]s|stud(?:y|ies)|surveys?|understanding|the role|roles?|effects?) of\s+", "", chunk,
                   flags=re.IGNORECASE)
    words = chunk.split()
    if len(words) >= 3 and words[0].lower().endswith("ing") and words[0].lower() not in _NOUN_ING_HEAD \
            and not _TRAINING_NOUN.match(chunk):
        return re.sub(r"^(?:(?:the|a|an|each|every|its|their)\s+)+", "", " ".join(words[1:]), flags=re.IGNORECASE)
    return chunk
