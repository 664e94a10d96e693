"""Comparison table: per paper, method/contribution, evaluation/benchmark and key result.

Cells are short spans of the abstract, found offline by cue phrases ("we propose", "on GSM8K",
"outperforms ... by 8%") or taken from the LLM after verification; an abstract that says nothing on
a column leaves the cell blank rather than guessed.
"""

from __future__ import annotations

import re

from reviewer.models import Paper
from reviewer.quotes import verify_quote
from reviewer.survey.models import Cell, TableRow
from reviewer.survey.prose import EVAL_CUES, FINDING_CUES, METHOD_CUES, RESULT_CUES, is_boilerplate
from reviewer.textutil import split_sentences

MAX_CELL_WORDS = 16
_VERB_OBJECT = re.compile(
    r"\b(?:propose|introduce|present|develop|design|describe|formulate|build|construct|offer|devise|"
    r"contribute)s?\s+(?P<obj>.+)",
    re.IGNORECASE,
)
_CLAUSE_CUT = re.compile(r", (?:which|where|while|whereas|enabling|allowing|thereby)\b|;|:\s| - | -- | — |\. ")
_TRAILING_FUNCTION = re.compile(r"(?:\s+(?:that|which|where|in|of|for|to|with|by|and|or|the|a|an|on|as|via))+$",
                                re.IGNORECASE)
_THAT_CLAUSE = re.compile(
    r"\b(?:\w+)\s+(?:\w+ly\s+)?"
    r"(?:show|shows|find|finds|demonstrate|demonstrates|reveal|reveals|indicate|indicates|observe|confirm|"
    r"confirms|suggest|suggests)\s+that\s+",
    re.IGNORECASE,
)
_HARDWARE = re.compile(r"^(?:[AHVL]\d{2,3}|[AH]800|TPU\w*|GPU\w*)(?:-\w+)?$")
_BENCH = re.compile(
    r"\b(?:[A-Z][A-Za-z]*\d+[\w\-.]*|[A-Z]{2,}(?:[\-+][\w.]+)*|[A-Z][a-z]+(?:[A-Z][\w]*)+(?:-[\w]+)?)\b"
)
_NOT_BENCH_WORDS = """LLM LLMS LRM LRMS LM LMS RL RLHF RLAIF RLVR PRM PRMS ORM ORMS DPO PPO GRPO SFT COT AI AGI NLP ML API
    GPU GPUS SOTA MCTS KL MLLM MLLMS VLM VLMS QA IR RAG TTS PO HF BON BO N KTO SIMPO IPO ORPO RM RMS MDP
    FLOPS CPU ID OOD MOE VLA"""
_NOT_BENCH = frozenset(_NOT_BENCH_WORDS.split())
_MODEL_PREFIX = re.compile(
    r"^(?:qwen|llama|gpt|deepseek|mistral|mixtral|claude|gemini|gemma|phi|o1|o3|o4|r1|internlm|yi|glm|"
    r"chatglm|vicuna|olmo|falcon|bloom|t5|bert|roberta|palm|opt)",
    re.IGNORECASE,
)
_EVAL_PHRASE = re.compile(
    r"\b(?:on|across|over)\s+(?P<what>(?:[\w\-]+\s+){0,5}?(?:benchmarks?|datasets?|tasks|domains|suites?))\b",
    re.IGNORECASE,
)
# Numbers that report results (12.5%, 3x, +4.1, 0.82), not enumerations like "(1)" or model sizes.
_NUMBERISH = re.compile(
    r"\d+(?:\.\d+)?\s?%|\b\d+(?:\.\d+)?\s?(?:points?|pp|x|×|times)\b|[+-]\d+(?:\.\d+)?\b|\b\d+\.\d+\b(?!\s?[BM]\b)"
)
_VACUOUS = frozenset(["various", "different", "multiple", "diverse", "several", "many", "a", "range", "of", "wide", "the", "and"])


def shorten(span: str, max_words: int = MAX_CELL_WORDS) -> str:
    """First clause of a span, cut to `max_words` with an ellipsis; the words kept stay verbatim."""
    span = span.strip()
    cut = _CLAUSE_CUT.search(span)
    if cut and len(_TRAILING_FUNCTION.sub("", span[: cut.start()]).split()) >= 2:
        span = _TRAILING_FUNCTION.sub("", span[: cut.start()])
    tokens = span.split()
    if len(tokens) > max_words:
        return _TRAILING_FUNCTION.sub("", " ".join(tokens[:max_words]).rstrip(",;:(")) + " …"
    return span.rstrip(" .,;:")


def _sentences(paper: Paper) -> list[str]:
    return [s for s in split_sentences(paper.abstract) if not is_boilerplate(s)]


def method_cell(paper: Paper) -> Cell:
    for sentence in _sentences(paper):
        if not METHOD_CUES.search(sentence) or "?" in sentence:
            continue
        m = _VERB_OBJECT.search(sentence)
        if m and len(m.group("obj").split()) >= 2:
            return Cell(text=shorten(m.group("obj")), source="offline")
    return Cell()


def _benchmarks(sentence: str, exclude: set[str]) -> list[str]:
    names: list[str] = []
    for m in _BENCH.finditer(sentence):
        name = m.group(0).rstrip(".")
        before = sentence[max(0, m.start() - 1) : m.start()]
        head = name.split("-", 1)[0].upper()
        if before == "(" or head in _NOT_BENCH or head.rstrip("S") in _NOT_BENCH or _HARDWARE.match(name):
            continue
        if _MODEL_PREFIX.match(name) or name.lower() in exclude or len(name) < 3:
            continue
        if name not in names:
            names.append(name)
    return names


def evaluation_cell(paper: Paper, method: Cell) -> Cell:
    own = {w.lower().strip(",()") for w in method.text.split()}
    title_name = paper.title.split(":", 1)[0] if ":" in paper.title else " ".join(paper.title.split()[:2])
    own.update(w.lower() for w in title_name.split())
    phrase = ""
    for sentence in _sentences(paper):
        if not EVAL_CUES.search(sentence):
            continue
        names = _benchmarks(sentence, own)
        if names:
            return Cell(text=", ".join(names[:5]), source="offline")
        m = _EVAL_PHRASE.search(sentence)
        if m and not phrase:
            words_ = m.group("what").lower().split()
            if any(w not in _VACUOUS for w in words_[:-1]):
                phrase = m.group("what")
    return Cell(text=shorten(phrase), source="offline") if phrase else Cell()


def result_cell(paper: Paper) -> Cell:
    best: tuple[int, int, str] | None = None
    for i, sentence in enumerate(_sentences(paper)):
        if i == 0 or not (RESULT_CUES.search(sentence) or FINDING_CUES.search(sentence)):
            continue
        score = 2 * bool(_NUMBERISH.search(sentence)) + bool(RESULT_CUES.search(sentence))
        score += bool(FINDING_CUES.search(sentence))
        if best is None or score > best[0]:
            best = (score, i, sentence)
    if best is None or best[0] < 2:
        return Cell()
    return Cell(text=_result_span(best[2]), source="offline")


def _clauses(sentence: str) -> list[str]:
    """Comma-separated clauses, never splitting inside parentheses."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(sentence):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == "," and depth == 0 and sentence[i + 1 : i + 2] == " ":
            out.append(sentence[start:i])
            start = i + 2
    out.append(sentence[start:])
    return [c for c in out if c.strip()]


def _result_span(sentence: str) -> str:
    """The part that states the result: after 'we show that', else the clauses around the first number."""
    m = _THAT_CLAUSE.search(sentence)
    span = sentence[m.end() :] if m else sentence
    limit = MAX_CELL_WORDS + 4
    if len(span.split()) > limit:
        clauses = _clauses(span)
        anchor = next((i for i, c in enumerate(clauses) if _NUMBERISH.search(c)), None)
        if anchor is None:
            anchor = next((i for i, c in enumerate(clauses) if RESULT_CUES.search(c)), 0)
        span = ", ".join(clauses[anchor:])
    tokens = span.split()
    if len(tokens) > limit:
        return _TRAILING_FUNCTION.sub("", " ".join(tokens[:limit]).rstrip(",;:(")) + " …"
    return span.rstrip(" .")


def offline_row(paper: Paper) -> TableRow:
    method = method_cell(paper)
    return TableRow(
        key=paper.key, method=method, evaluation=evaluation_cell(paper, method), result=result_cell(paper)
    )


def verified_cell(span: str, abstract: str) -> Cell | None:
    """An LLM cell that appears in the abstract (exactly or after normalisation), shortened; else None."""
    if not span.strip():
        return None
    match = verify_quote(span, abstract)
    if match is None or match.method == "fuzzy":
        return None
    return Cell(text=shorten(span.strip(), MAX_CELL_WORDS + 4), source="llm")
