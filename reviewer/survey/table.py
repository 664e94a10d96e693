"""Comparison table: per paper, typed fields taken from its title and abstract.

- method: the name of the method, system or resource ("S-GRPO", "RewardBench 2"), from the title's
  prefix, "called X", the acronym the contribution sentence defines, or its phrase when that is a name; else
  blank (never a description);
- task: the problem it addresses ("for X" in the contribution sentence, else the title's subtitle);
- benchmarks: only names in a gazetteer mined from the surveyed papers (names used next to
  "benchmark"/"dataset" or in an evaluation list) plus a small curated list, so method names such as
  "VPO" never land there;
- result: the clause of a result sentence that carries a number with its metric.

Cells are whole spans, never cut with an ellipsis; a blank cell means the abstract does not say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reviewer.models import Paper
from reviewer.quotes import verify_quote
from reviewer.survey import headline
from reviewer.survey.benchclause import EDITION, evaluated_names
from reviewer.survey.headline import _numbered_span  # noqa: F401 (tests import it here)
from reviewer.survey.names import (
    appositive_name,
    descriptive_method,
    named_phrase,
    title_head_name,
    title_prefix_name,
)
from reviewer.survey.ownname import _spelled, defined_name, title_defined_name
from reviewer.survey.resultcell import (
    MAX_RESULT_WORDS,  # noqa: F401 (tests import it here)
    reads_alone,
)
from reviewer.survey.taskchallenge import stated_challenge
from reviewer.survey.taskkind import named_task
from reviewer.survey.tasks import _CONTRIBUTION, _OWN, _sentences, task_of
from reviewer.survey.titleactivity import title_activity
from reviewer.survey.types import Cell, TableRow
from reviewer.survey.voice import impersonal
from reviewer.textutil import split_sentences

MAX_PHRASE_WORDS = 10
CURATED_BENCHMARKS = frozenset("""GSM8K MATH MATH500 MATH-500 AIME AIME24 AIME25 AIME2024 AIME2025 AMC AMC23 Minerva
    OlympiadBench GPQA GPQA-Diamond MMLU MMLU-Pro HumanEval MBPP LiveCodeBench BBH BIG-Bench ARC HellaSwag
    TruthfulQA AlpacaEval MT-Bench Arena-Hard RewardBench RM-Bench ProcessBench PRM800K HotpotQA TriviaQA
    StrategyQA CommonsenseQA MathVista MMMU MathVerse SWE-bench WebShop ALFWorld HH-RLHF UltraFeedback
    HelpSteer2 CLEVRER MMVU NetHack SciFact FEVER SQuAD WinoGrande PIQA MedQA PubMedQA MedMCQA
    LogiQA ReClor FOLIO ToolBench WebArena OSWorld GAIA Spider BIRD""".split())
# (a single capital before a hyphen counts too: 'M-RewardBench', 'S-GRPO')
_NAME = re.compile(r"(?<![\w-])(?:[A-Z][\w.+-]*\d[\w.-]*|[A-Z][A-Za-z]*[A-Z][\w.+-]*|[A-Z][a-z]+-[A-Z][\w.-]*|[A-Z]-[A-Z][\w.+-]*)(?![\w-])")
_BENCH_SUFFIX = re.compile(r"(?:Bench|bench|BENCH|QA|Eval|Arena|Gym|Set|set|(?<=\d)K)(?:[-\s]?\d+(?:\.\d+)?)?$")
_EVAL_CONTEXT = re.compile(r"\b(?:benchmarks?|datasets?|suites?|test sets?)\b"
                           r"|\b(?:experiments?|evaluations?|evaluation results|results)\s+on\b", re.IGNORECASE)
_LIST_LEAD = re.compile(r"(?:\bon|\bincluding|\bsuch as|\bacross|\(|,|\band|\bor)\s*(?:the\s+)?$")
_NOT_BENCH = frozenset("""LLM LLMS LRM LRMS LM LMS RL RLHF RLAIF RLVR PRM PRMS ORM ORMS DPO PPO GRPO SFT COT CoT AI AGI
    NLP ML API GPU GPUS SOTA MCTS KL MLLM MLLMS VLM VLMS QA IR RAG TTS PO HF BON BoN KTO SIMPO IPO ORPO RM RMS
    MDP FLOPS FLOPs CPU ID OOD MOE MoE VLA LoRA LORA TPU NLI RAG SQL""".split())
_MODEL_PREFIX = re.compile(
    r"^(?:qwen|llama|gpt|deepseek|mistral|mixtral|claude|gemini|gemma|phi|o1|o3|o4|r1|internlm|yi|glm|"
    r"chatglm|vicuna|olmo|falcon|bloom|t5|bert|roberta|palm|opt|llava|internvl|skywork|granite)",
    re.IGNORECASE,
)
_HARDWARE = re.compile(r"^(?:[AHVL]\d{2,3}|[AH]800|TPU\w*|GPU\w*)(?:-\w+)?$")
# ('a decoding algorithm we call EQUILIBRIUM-RANKING': the authors' own naming verb)
_CALLED = re.compile(r"\b(?:called|named|dubbed|termed|we call|we term)\s+(?P<name>[A-Z][\w\-.+]*(?:\s[A-Z0-9][\w\-.+]*)?)")
_DEFINED_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9\-+]{1,14})\)")
_PHRASE_CUT = re.compile(
    r",|\s(?:that|which|to|where|whereby|by|using|via|with|for|in|on|from|based|designed|trained|as|"
    r"capable|featuring|enabling)\s")
_LEAD_WORDS = re.compile(r"^(?:a|an|the|two|three|several|novel|new|simple|general|unified|first|our)\s+",
                         re.IGNORECASE)


def _plural_acronym(name: str) -> bool:
    """'GRMs', 'LLMs': a plural class name, not a benchmark."""
    return bool(re.fullmatch(r"[A-Z]{2,}s", name))


_NOT_A_NAME = re.compile(r"^(?:towards?|on|beyond|rethinking|revisiting|when|how|what|why|can|is|are|do|does|"
                         r"from|through|with|without|in|the|a|an)\b|^[A-Z][a-z]+ing\s", re.IGNORECASE)


def _name_like(word: str) -> bool:
    """'S-GRPO', 'ReasonFlux-PRM', 'RM-R1', 'AURORA': inner capitals, digits, or all capitals."""
    core = word.strip("()[],.")
    return len(core) >= 2 and (any(c.isupper() for c in core[1:]) or any(c.isdigit() for c in core)) \
        and core[:1].isalpha()


def _abbreviated(head: str, abstract: str) -> str:
    """'Tool-Augmented Policy Optimization' when the abstract writes 'Tool-Augmented Policy Optimization (TAPO)': the
    acronym, the short name the abstract goes on to use and a table column reads best with; else the head itself."""
    m = re.search(rf"(?<![\w-]){re.escape(head)}\s*\(([A-Z][A-Za-z0-9\-+]{{1,14}})\)", abstract, re.IGNORECASE)
    return m.group(1) if m and " " in head and _spelled(m.group(1), head) and not _plural_acronym(m.group(1)) else head


def method_name(paper: Paper) -> str:
    """The name the paper gives its method, system or resource, or ''."""
    head = paper.title.split(":", 1)[0].strip() if ":" in paper.title else ""
    if head and len(head.split()) <= 4 and any(_name_like(w) for w in head.split()) and not _NOT_A_NAME.match(head) \
            and not re.search(r"\b(?:is|are|was|were|can|do|does|will)\b", head):  # 'LLMs are X' is a claim
        return _abbreviated(head, paper.abstract)
    for sentence in _sentences(paper):
        m = _CALLED.search(sentence)
        if m and _OWN.search(sentence):  # 'an ability called Theory-of-Mind' in the background is no method
            named_first = re.search(r"(?<![\w-])([A-Z][\w.+-]*),\s*$", sentence[:m.start()])
            if named_first and _name_like(named_first.group(1)):
                return named_first.group(1)  # 'we propose ARTE, dubbed Aligning TeacheR with ...': the name comes first
            # 'called Reinforcing Cognitive Experts (RICE)': the acronym the sentence defines is the name the paper
            # uses; the two capitalised words the pattern takes would cut the long form ('Reinforcing Cognitive').
            spelled = re.match(r"(?:\s[A-Z][\w\-.+]*){0,4}\s*\(([A-Z][A-Za-z0-9\-+]{1,14})\)", sentence[m.end():])
            long_form = len(m.group("name").split()) + len(spelled.group(0).split()) - 1 if spelled else 0
            return spelled.group(1) if spelled and long_form >= 2 else m.group("name").rstrip(".,")
        c = _CONTRIBUTION.search(sentence)
        if c and title_prefix_name(paper.title, c.group("obj")):
            return title_prefix_name(paper.title, c.group("obj"))
        if c:
            acr = _DEFINED_ACRONYM.search(c.group("obj"))
            if acr and sum(ch.isupper() for ch in acr.group(1)) >= 2 and acr.group(1).upper() not in _NOT_BENCH:
                return acr.group(1)
            first = c.group("obj").split()[0].rstrip(",") if c.group("obj").split() else ""
            if _name_like(first) and first.upper() not in _NOT_BENCH:
                return first
            named = appositive_name(c.group("obj"))
            if named and named.upper() not in _NOT_BENCH and not _MODEL_PREFIX.match(named):
                return named
    return ""


# Words a phrase cannot end on: it was cut before what they introduce ('sets of conditions that', 'datasets (medical').
_OPEN_ENDS = frozenset("and or of a an the that which with for to in on by from".split())


def contribution_phrase(paper: Paper) -> str:
    """The contribution's head noun phrase ('consensus filtering mechanism'), whole words, no ellipsis."""
    for sentence in _sentences(paper):
        c = _CONTRIBUTION.search(sentence)
        if not c:
            continue
        obj = _LEAD_WORDS.sub("", _LEAD_WORDS.sub("", c.group("obj").strip()))
        cut = _PHRASE_CUT.search(obj)
        phrase = obj[: cut.start()] if cut else obj
        words = phrase.split()
        if 1 <= len(words) <= MAX_PHRASE_WORDS and words[-1].lower() not in _OPEN_ENDS \
                and phrase.count("(") == phrase.count(")") and not re.search(r"[?\"“”]|\bhypothes[ie]s\b|\b(?:this|these|those|its|their)\b", phrase, re.I):
            return phrase.strip(" ,.:")
    return ""


_URL = re.compile(r"https?://\S+|\b[\w.-]+\.(?:com|org|io|co)/\S*")
_RESOURCE_WORD = re.compile(r"\b(?:benchmarks?|datasets?|corpus|corpora|suites?|test sets?)\b", re.IGNORECASE)
# '... on SDXL and SD3-Medium models': a list the noun 'models' closes names models, not datasets.
_MODELS_AFTER = re.compile(r"^(?:\s*(?:,|and|or)\s*[\w.+-]+)*\s+models?\b", re.IGNORECASE)
_RESOURCE_LIST = re.compile(r"\b(?:benchmarks?|datasets?)\s*(?::|such as|including)[^.;:]*$", re.IGNORECASE)


def _candidates(sentence: str) -> Iterable[tuple[str, bool]]:
    """Name-like tokens of an evaluation sentence, and whether each sits in a list or beside 'benchmark'.

    Not candidates: parts of a URL, a license ('CC-BY-4.0 license'), models named as such. An abbreviation in
    parentheses ('model (GPM)', 'STICK (Self-TICK)') names what the words before it name, so it is listed only
    when those words are a dataset or benchmark ('a new dataset (PromptOpinSumm)')."""
    urls = [u.span() for u in _URL.finditer(sentence)]
    for m in _NAME.finditer(sentence):
        if any(a <= m.start() < b for a, b in urls):
            continue
        name = m.group(0).rstrip(".-")
        before = sentence[max(0, m.start() - 14): m.start()]
        after = sentence[m.end(): m.end() + 12].lower()
        if after.lstrip().startswith("licen") or _MODELS_AFTER.match(sentence[m.end(): m.end() + 80]):
            continue
        listed = bool(_LIST_LEAD.search(before)) or after.lstrip().startswith(("benchmark", "dataset", ","))
        if sentence[m.start() - 1: m.start()] == "(" and sentence[m.end(): m.end() + 1] == ")":
            listed = after[1:].lstrip().startswith(("benchmark", "dataset")) or bool(
                _RESOURCE_WORD.search(sentence[max(0, m.start() - 50): m.start()])
                or _RESOURCE_LIST.search(sentence[max(0, m.start() - 160): m.start()]))
        yield name, listed


# 'a decoding algorithm we call EQUILIBRIUM-RANKING', 'an AI assistant named Dromedary-2': a system's name
# (but 'a dataset called BoardgameQA' names a dataset).
# A name the paper gives its own method: 'called X', 'we call this X', 'our method X'.
_INTRODUCED = re.compile(r"(?<!dataset )(?<!benchmark )(?<!corpus )\b(?:called|named|dubbed|termed|we call(?: this| it)?|"
                         r"our (?:[\w-]+ )?(?:method|approach|framework|algorithm|pipeline|system)s?)\s+[`'\"“]*"
                         r"([A-Z][\w.+-]*)(?!\s+(?:benchmark|dataset))")


_LICENSE = re.compile(r"^(?:CC-BY|CC0|MIT|Apache|GPL|BSD)\b")  # 'a dataset (CC-BY-4.0)': its license, not its name


def _plausible(name: str) -> bool:
    head = name.split("-", 1)[0]
    return not (_plural_acronym(name) or _LICENSE.match(name) or head.upper() in _NOT_BENCH or head.upper().rstrip("S") in _NOT_BENCH or name in _NOT_BENCH
                or _HARDWARE.match(name) or _MODEL_PREFIX.match(name) or len(name) < 3)


# "<Name> dataset" mid-sentence: a resource's name in any hyphenated or CamelCase shape ('Pick-a-Pic dataset').
_NAMED_RESOURCE = re.compile(r"(?<=[a-z,;(] )([A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+|[A-Z][a-z]+[A-Z][\w-]*)\s+"
                             r"(?:dataset|benchmark|test set|corpus|suite)s?\b")
_RESOURCE_STOP = frozenset("""The This That These Our Their Its A An New Large Multiple Several Public Existing Standard
    Synthetic Human Real Open Common Popular Widely Diverse""".split())


def mine_gazetteer(papers: list[Paper]) -> frozenset[str]:
    """Benchmark and dataset names the papers use as such, plus the curated list.

    A name counts when it is listed in an evaluation sentence ("on GSM8K, MATH and AIME") or sits
    next to "benchmark"/"dataset"; names that look like benchmarks (…Bench, …QA, …Eval) count anywhere.
    """
    found: set[str] = set(CURATED_BENCHMARKS)
    methods = {method_name(p) for p in papers} | {m.group(1).rstrip(".-") for p in papers
                                                    for m in _INTRODUCED.finditer(p.abstract)}
    lower_words = {w for p in papers for w in re.findall(r"(?<![\w-])[a-z][\w-]*", p.abstract)}
    for paper in papers:
        for m in _NAMED_RESOURCE.finditer(paper.abstract):
            name = m.group(1)
            # A capitalised word the abstracts also write in lower case is a common word ('Summary'), not a name.
            if name.lower() not in lower_words and name not in methods and name.split("-")[0] not in _RESOURCE_STOP \
                    and _plausible(name):
                found.add(name)
    for paper in papers:
        # A paper's own dataset ('we propose ULTRAFEEDBACK, a ... preference dataset') is a dataset name too.
        found.update(n for n in {m.group(0).rstrip(".-") for m in _NAME.finditer(paper.abstract)}
                     if _own_resource(n, paper.abstract) and _plausible(n))
        for sentence in split_sentences(paper.abstract):
            context = bool(_EVAL_CONTEXT.search(sentence))
            for name, listed in _candidates(sentence):
                if not _plausible(name):
                    continue
                benchy = bool(_BENCH_SUFFIX.search(name)) and len(name) > 4
                if benchy or (context and listed and name not in methods):
                    found.add(name)
    return frozenset(found)


_RESOURCE_NOUN = r"(?:dataset|benchmark|corpus|test set)s?\b"


def _own_resource(name: str, abstract: str) -> bool:
    """'we propose ULTRAFEEDBACK, a large-scale ... preference dataset', 'we construct a new dataset, Persuasive-Pairs,
    of ...', 'we introduce CLASH (Character perspective-based ...), a meticulously curated dataset': the paper's own
    name is a dataset's (its spelled-out form in parentheses may stand between)."""
    if not name:
        return False
    said = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
    # ('the LLM benchmark', 'a QA dataset': a kind of model or task before the noun is no name)
    before_noun = rf"|{said}(?:(?<=\({re.escape(name)})\))?(?:\s*\([^()]{{1,200}}\))?\s+{_RESOURCE_NOUN}" \
        if _plausible(name) else ""
    return bool(re.search(
        rf"(?:(?<=\(){re.escape(name)}\)|{said}(?:\s*\([^()]{{1,200}}\))?)(?:,|\s+is|\s+--?)\s+(?:a|an)\s+"
        rf"(?:(?!of\b)[\w-]+,?\s+){{0,6}}?{_RESOURCE_NOUN}"
        rf"|\b(?:a|an)\s+(?:(?!of\b)[\w-]+\s+){{0,6}}?(?:dataset|benchmark|corpus|test set),\s+{said}" + before_noun,
        abstract))


_EDITION = re.compile(EDITION + r"(?![\w.%-]|\.\d)")  # the whole number: not '2.0' of '2.05', nor '2024' of '2024b'


def _edition(abstract: str, end: int) -> str:
    """' 2024' when the name ending at `end` is followed by a year or a version number, else ''."""
    m = _EDITION.match(abstract, end)
    return m.group(0) if m else ""


_SPACED_BENCH = re.compile(r"(?<![\w-])(?:[A-Z][\w-]*\s){1,2}(?:Bench|Arena|Leaderboard|Gym|Eval)\b(?![\w-])")
_INTRODUCED_RESOURCE = re.compile(
    r"\b(?:[Ww]e|[Tt]his (?:paper|work|study))\s+(?:\w+ly\s+)?(?:introduce|present|propose|release|construct|build|curate|"
    r"create|collect)s?\s+(?P<name>[A-Z][\w.+-]*(?:\s[A-Z][\w.+-]*){0,2}),\s+(?:a|an)\s+(?:(?!of\b)[\w-]+,?\s+){0,6}?"
    + _RESOURCE_NOUN)


def benchmarks_of(paper: Paper, gazetteer: frozenset[str], method: str) -> str:
    """The gazetteer names the abstract mentions, in order, without the paper's own method name (unless the
    abstract says its own contribution is a dataset or benchmark)."""
    found: list[tuple[int, str]] = []
    own = {w.lower() for w in re.split(r"[\s:]+", method) if w}
    urls = [u.span() for u in _URL.finditer(paper.abstract)]
    for m in _NAME.finditer(paper.abstract):
        name = m.group(0).rstrip(".-")
        if any(a <= m.start() < b for a, b in urls):
            continue
        if (name in gazetteer or _own_resource(name, paper.abstract)) and (
                name.lower() not in own or _BENCH_SUFFIX.search(name) or _own_resource(name, paper.abstract)):
            found.append((m.start(), name + _edition(paper.abstract, m.start() + len(name))))
    # A resource the paper itself introduces under a name of one word or of several ('we introduce Guru, a curated RL
    # reasoning corpus', 'we introduce Search Arena, a crowd-sourced, large-scale, human-preference dataset').
    for m in _INTRODUCED_RESOURCE.finditer(paper.abstract):
        if _plausible(m.group("name")) and not _LEAD_WORDS.match(m.group("name") + " "):
            found.append((m.start("name"), m.group("name")))
    # A name whose benchmark word stands apart ('BigGen Bench', 'Chatbot Arena', 'Open LLM Leaderboard'), unless it is
    # the paper's own method ('Varco Arena') or a name already listed with the word after it ('AlpacaEval Leaderboard').
    for m in _SPACED_BENCH.finditer(paper.abstract):
        name, first = m.group(0), m.group(0).split()[0]
        if name.lower() != method.lower() and first not in _RESOURCE_STOP and first not in gazetteer \
                and not any(a <= m.start() < b for a, b in urls):
            found.append((m.start(), name))
    # Names of other shapes ('Pick-a-Pic') that the gazetteer took from "<Name> dataset".
    for name in gazetteer:
        if not _NAME.fullmatch(name) and name.lower() not in own:
            m = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", paper.abstract)
            if m:
                found.append((m.start(), name))
    # Not an objective the paper only integrates with (benchclause.py), nor a word made of its own name
    # ('trained on RSD-generated reasoning traces').
    found = [(pos, name) for pos, name in found if not (method and re.fullmatch(rf"{re.escape(method)}-[a-z]+", name))]
    names = list(dict.fromkeys(name for _, name in sorted(evaluated_names(found, paper.abstract, strict=False))))
    return ", ".join(names[:6])


# 'our implicit PRM' said twice or more: what the paper calls its method when it gives it no proper name.
_OUR_NAMED = re.compile(r"\b[Oo]ur\s+((?:[a-z][\w-]+\s+){0,2}[A-Z][\w-]*[A-Z][\w-]*)(?![\w-])")


def our_method_phrase(paper: Paper) -> str:
    """The phrase after 'our' that ends in an acronym and recurs ('our implicit PRM' x3), or ''."""
    counts: dict[str, int] = {}
    for m in _OUR_NAMED.finditer(paper.abstract):
        phrase = m.group(1)
        if phrase.split()[-1].upper() not in {"LLM", "LLMS", "LM", "LMS"}:
            counts[phrase] = counts.get(phrase, 0) + 1
    best = max(counts.items(), key=lambda kv: kv[1], default=("", 0))
    return best[0] if best[1] >= 2 else ""


def headline_result(paper: Paper, name: str = "") -> str:
    """The headline-result cell (reviewer.survey.headline); without a number, the paper's own comparing sentence
    about its method (named here, so headline.py need not import this module)."""
    own = name or method_name(paper)
    return headline.headline_result(paper, name, own=own, evaluation=not own or _own_resource(own, paper.abstract))


# 'We then ensemble the diverse prompts in our method DIV-SE (...)', 'our method, PAS, achieves': the authors' own
# name for their method, said where they use it rather than where they introduce it (not the first word of a long
# form: 'our method Diversity-Preserving Hybrid RL (DPH-RL)').
_OUR_METHOD = re.compile(r"\b[Oo]ur (?:[\w-]+ )?(?:method|approach|framework|algorithm|technique)s?,?\s+([A-Z][\w.+-]*)(?!\s+[A-Z])")


def row_name(paper: Paper) -> str:
    """The name the row's cells are read with: `method_name`, else the acronym the paper defines for what it builds,
    else a title head the abstract uses as a name ('Varco Arena', 'Thought Cloning'); a name given as 'our method X'
    comes first when none of these is found or the one found is the dataset the paper builds ('the ... (PAPI) dataset')."""
    name = method_name(paper) or defined_name(paper) or title_head_name(paper.title, paper.abstract) \
        or title_defined_name(paper)
    ours = next((m.group(1).rstrip(".,") for m in _OUR_METHOD.finditer(paper.abstract)
                 if _name_like(m.group(1)) and m.group(1).upper() not in _NOT_BENCH), "")
    return ours if ours and (not name or _own_resource(name, paper.abstract)) else name


def offline_row(paper: Paper, gazetteer: frozenset[str] = CURATED_BENCHMARKS) -> TableRow:
    name = row_name(paper)
    # Only a name the paper gives its method (its contribution phrase when that is a name: 'Markovian Thinking'), or
    # what it calls it again and again ('our implicit PRM'): a description ('theoretically bounded metric', 'routing
    # framework') tells a reader scanning the column nothing a name would, so the cell is blank and the paper is
    # listed with its other fields when too few are left for a row.
    method = name or named_phrase(descriptive_method(contribution_phrase(paper)), paper.title) or our_method_phrase(paper)
    result = reads_alone(impersonal(headline_result(paper, name), name), name)  # "We observe that X" -> "That X" -> "X"
    benchmarks = benchmarks_of(paper, gazetteer, name)
    return TableRow(key=paper.key, method=_cell(method or built_resource(paper, benchmarks)),
                    task=_cell(task_of(paper, name) or named_task(paper, name) or title_activity(paper)
                               or stated_challenge(paper)),
                    benchmarks=_cell(benchmarks), result=_cell(result))


def built_resource(paper: Paper, benchmarks: str) -> str:
    """'..., and to validate this, we construct RewardMATH, a benchmark that ...': the benchmark or dataset the paper
    builds is what it contributes, named as a dataset paper's method is ('MoReBench'); '' when it builds none."""
    own = [b for b in benchmarks.split(", ") if b and _own_resource(b, paper.abstract)]
    return next((b for b in own for s in split_sentences(paper.abstract)
                 if (c := _CONTRIBUTION.search(s)) and re.search(rf"(?<![\w-]){re.escape(b)}(?![\w-])", c.group("obj"))),
                "")


def _cell(text: str) -> Cell:
    return Cell(text=text, source="offline") if text else Cell()


def verified_cell(span: str, abstract: str, title: str = "") -> Cell | None:
    """An LLM cell that appears in the title or abstract (exactly or after normalisation); else None."""
    if not span.strip():
        return None
    if title and span.strip().lower() in title.lower():
        return Cell(text=span.strip(), source="llm")
    match = verify_quote(span, abstract)
    if match is None or match.method == "fuzzy":
        return None
    return Cell(text=span.strip(), source="llm")


def llm_benchmarks(span: str, abstract: str, gazetteer: frozenset[str]) -> Cell | None:
    """Benchmark names from an LLM span: only names that the abstract contains and the gazetteer knows."""
    names = [n for n in re.split(r",\s*|\s+and\s+|;\s*", span) if n.strip()]
    kept = [n.strip() for n in names if n.strip() in gazetteer and n.strip() in abstract]
    return Cell(text=", ".join(dict.fromkeys(kept)), source="llm") if kept else None
