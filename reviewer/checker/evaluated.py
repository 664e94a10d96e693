"""'X is evaluated on A, B and C': the survey lead's fact sentence, checked part by part against the abstract.

The lead shortens a table row into "<method> is evaluated on <benchmarks>" (`survey/lead.py`). Its words are spread
over the abstract ('Our offline alignment results show that ... CUT ... surpass the best baseline by 52.34 points
on AlpacaEval'), so no one sentence is close to it and the combiner calls it UNSUPPORTED. It is SUPPORTED when its
parts are: the subject is the cited paper's own method (`ownname.own_name`, the writer's own name for it), and every
benchmark is named in an own (not background) sentence of that abstract that evaluates something, after an 'on'
of that clause that is not training ('trained on X' is data, not evaluation). What this does not accept: a
benchmark the abstract only reports others using ('benchmarks such as ToMi ask ...'), releases ('we release
LC2024'), or combines with ('integrates with GSPO'), a benchmark named after the method itself ('RSD-generated'),
and another paper's method.
"""

from __future__ import annotations

import re

from reviewer.checker.ownname import own_name, resolve
from reviewer.evalclause import COMPARING_WORDS, evaluated, learns_from
from reviewer.models import Paper
from reviewer.roles import Role, sentence_roles
from reviewer.textutil import normalize, split_sentences

_CLAIM = re.compile(r"^(?P<name>[^,;]{1,60}?) is evaluated on (?P<list>[^;:]{1,200}?)\.?$")
# Something was evaluated in the sentence: an experiment, a result, a score.
_EVALUATES = re.compile(r"\b(?:experiments?|evaluat\w*|results?|achiev\w*|accuracy|outperform\w*|surpass\w*|"
                        r"improv\w*|gains?|performance|reduction|scores?|points|beats?|sota|state-of-the-art)\b",
                        re.IGNORECASE)
# Words that end the 'on' phrase: a new clause starts, so the benchmark is not what 'on' governs.
_CLAUSE = frozenset({"that", "which", "while", "but", "whereas", "to", "is", "are", "was", "were", "we",
                     # ... or it turns to what the method is compared with ('..., outperforming methods such as CoT';
                     # the comparing words are evalclause's, shared with the survey's table and lead)
                     "over", "from", "of", "demonstrate", "demonstrates", "show", "shows", "against",
                     "method", "methods", "approach", "approaches", "baseline", "baselines", "technique", "techniques",
                     "algorithm", "algorithms", "objective", "objectives", "models"}) | COMPARING_WORDS
# Field words, not benchmarks: 'evaluated on LLMs / RL / SFT' names no place of evaluation.
_GENERIC = frozenset({"llm", "lm", "mllm", "lrm", "vlm", "slm", "rl", "rm", "prm", "orm", "sft", "qa", "nlp", "nli",
                      "ai", "api", "gpu", "usd", "sql", "cot", "dpo", "ppo", "grpo", "rlhf", "rlvr", "mcts", "t2i"})
_WINDOW = 10
_LIST_OPENERS = frozenset({"including", "such", "like", "e", "namely", "i", "and"})
_METHODS = frozenset({"algorithm", "algorithms", "method", "methods", "objective", "objectives", "framework",
                      "approach", "model", "models", "baseline", "baselines"})


def _benches(listing: str) -> list[str]:
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", listing.strip())
    return [p.strip() for p in parts if p.strip()]


def _evaluated_in(bench: str, sentence: str) -> bool:
    """`bench` occurs in the sentence inside an 'on ...' phrase (not training data) of a sentence that evaluates, and
    the shared clause reader (`reviewer.evalclause`) finds no mention it only trains on, releases, contrasts,
    integrates with or compares against."""
    # the whole name, not the start of a longer one ('MATH' in 'MATH-500', 'Qwen2' in 'Qwen2.5-Math')
    if not _EVALUATES.search(sentence) or not re.search(rf"(?<![\w.-]){re.escape(bench)}(?![\w-]|\.\w)", sentence,
                                                          re.IGNORECASE) or not evaluated(bench, sentence, ignore_case=True):
        return False
    raw = sentence.split()
    norm = [normalize(t) for t in raw]
    want = normalize(bench)
    for i in range(len(raw)):
        j = next((j for j in range(i + 1, min(len(raw), i + 6) + 1) if " ".join(norm[i:j]) == want), 0)
        if not j or (j < len(raw) and norm[j] in _METHODS):
            continue  # absent here, or the name of an algorithm ('on both GRPO and DAPO algorithms')
        if _governed_by_on(raw, norm, i):
            return True
    return False


def _governed_by_on(raw: list[str], norm: list[str], i: int) -> bool:
    """An 'on' (not 'trained on') comes before token `i` within the same phrase: a comma in between only opens a
    list ('on tasks, including MMLU, MATH') or separates its items, never a new clause ('On both tasks, X achieves')."""
    for k in range(i - 1, max(-1, i - _WINDOW - 1), -1):
        if norm[k] in _CLAUSE:
            return False
        if raw[k].endswith((",", ";", ":")):
            after = raw[k + 1]
            item = re.match(r"[A-Z0-9]", after) and (k + 2 >= len(raw) or raw[k + 1].endswith(",")
                                                     or norm[k + 2] in ("and", "or"))
            if not (norm[k + 1] in _LIST_OPENERS or item):
                return False
        if norm[k] == "on":
            return k == 0 or not learns_from(norm[k - 2] if k >= 2 else "", norm[k - 1])
    return False


def evaluated_on(claim: str, paper: Paper) -> str:
    """Why the claim 'X is evaluated on A, B and C' holds of `paper`, or '' when any part is not stated."""
    m = _CLAIM.match(claim.strip())
    if not m:
        return ""
    name, benches = m.group("name").strip(), _benches(m.group("list"))
    own = own_name(paper.title, paper.abstract)
    if not own or normalize(name) != normalize(own) or not benches or not all(re.search(r"[A-Z0-9]", b) for b in benches):
        return ""  # another paper's method, or a description ('math reasoning only') rather than benchmark names
    sentences = split_sentences(paper.abstract)
    roles = sentence_roles(sentences)
    own_words = set(normalize(own).split())  # 'RSD-generated' holds 'RSD'; 'RM-Bench' not 'Think-RM'
    for bench in benches:
        if normalize(bench).rstrip("s") in _GENERIC:
            return ""
        if own_words <= set(normalize(bench).split()):
            return ""  # a benchmark named after the method is its output or itself, not where it is evaluated
        if not any(role not in (Role.BACKGROUND, Role.LIMITATION) and _evaluated_in(bench, resolve(s, own, ()))
                   for s, role in zip(sentences, roles, strict=True)):
            return ""
    return f"rule: {own} is the paper's own method and every benchmark named is where its abstract evaluates it"
