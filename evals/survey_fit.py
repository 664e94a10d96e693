"""Per-paper checks of a survey report for `reviewer eval survey`, written apart from the writer's rules.

- misfit: a sectioned paper whose own title and abstract do not use its section title's label phrase (each noun
  phrase of the title beyond the topic's words) in any form the theme judge accepts (evals/judge_terms.py: word
  for word, by its initials, an acronym the corpus defines for it, a name the corpus calls an instance of it).
  The judge's 'weak' flag only fires when fewer than half of a section's papers use the phrase; this counts
  every paper the title is not true of.
- open problem: an Open problems sentence that does not state a limitation or future work, by an independent
  cue test (states_limitation) and, as a second reading, by reviewer/roles.py.
- table cells: a Task cell that repeats the paper's title (or its subtitle) or names no task (a model class or an
  outcome: 'Large Reasoning Models', 'Amplified benefits'), a Benchmarks cell holding the paper's own method, and a
  headline-result cell longer than a cell should be (a whole sentence, not its number, metric and benchmark).
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from evals.judge_terms import Terms
from evals.theme_judge import _KIND_WORDS, _initials, label_words, segments, uses_phrase

RESULT_CELL_WORDS = 25  # a headline result longer than this reads as the abstract's sentence, not a cell


class FitShape(BaseModel):
    sectioned: int = 0
    misfits: int = 0
    misfit_list: list[str] = Field(default_factory=list)
    thin: int = 0  # sectioned papers that use a title phrase only once, in their abstract (thin_fit)
    thin_list: list[str] = Field(default_factory=list)
    open_sentences: int = 0
    open_not_limitation: int = 0  # by states_limitation
    open_not_limitation_role: int = 0  # by reviewer/roles.py
    open_list: list[str] = Field(default_factory=list)
    task_cells: int = 0
    task_is_title: int = 0
    task_empty: int = 0  # Task cells that name no task (a model class or an outcome)
    task_empty_list: list[str] = Field(default_factory=list)
    bench_cells: int = 0
    bench_own_method: int = 0  # benchmark cells holding the paper's own method name
    bench_own_list: list[str] = Field(default_factory=list)
    result_cells: int = 0
    result_long: int = 0
    result_words: int = 0


_CORPUS: dict[str, object] = {}


def _corpus() -> tuple[dict[str, tuple[str, str]], Terms]:
    """Every catalog paper's (title, abstract) and the corpus's term forms, loaded once per process."""
    if not _CORPUS:
        from reviewer.catalog import Catalog
        from reviewer.settings import Settings

        with Catalog(Settings().catalog_path) as catalog:
            papers = {p.key: (p.title, p.abstract) for p in catalog.iter_papers()}
        _CORPUS["papers"] = papers
        _CORPUS["terms"] = Terms([f"{t}. {a}" for t, a in papers.values()])
    return _CORPUS["papers"], _CORPUS["terms"]  # type: ignore[return-value]


def title_phrases(title: str, topic: str, terms: Terms) -> list[list[str]]:
    """Per noun phrase of the title that says something beyond the topic, every form a paper may write it in."""
    topic_words = {w.lower() for w in re.split(r"[\s-]+", topic) if w}
    out = []
    for seg, _ in segments(title):
        said = [w for w in label_words(seg, topic) if not any(
            set(lf.split()) <= topic_words for lf in terms.long_forms(w))]
        if not said or all(w.lower() in _KIND_WORDS for w in said):
            continue  # the topic's own words, or a kind of paper ('Empirical studies of X')
        phrase = " ".join(said)
        out.append([phrase, _initials(said)] + terms.forms(phrase, _initials(said)))
    return out


def misfit(title: str, topic: str, text: str, terms: Terms) -> str:
    """The first title phrase the paper's text does not use in any accepted form, or ''."""
    for forms in title_phrases(title, topic, terms):
        if not any(uses_phrase(f, text) for f in forms):
            return forms[0]
    return ""


def _abstract_sentences(abstract: str) -> list[str]:
    """The abstract's sentences, split at a stop before a capital, a digit or a bracket (kept apart from the writer's
    splitter on purpose)."""
    return [x for x in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9(\[])", abstract) if x.strip()]


def thin_fit(title: str, topic: str, paper_title: str, abstract: str, terms: Terms) -> str:
    """The first title phrase a paper uses only in passing: not in its own title and in at most one sentence of its
    abstract ('... improving credit assignment over outcome reward models' under 'Outcome reward'). A reader takes
    a section title as what its papers are about; one mention does not make a paper about it. '' when none."""
    sentences = _abstract_sentences(abstract)
    for forms in title_phrases(title, topic, terms):
        if any(uses_phrase(f, paper_title) for f in forms):
            continue
        if sum(1 for x in sentences if any(uses_phrase(f, x) for f in forms)) <= 1:
            return forms[0]
    return ""


# Future work and open questions; limits, failures and costs of a method. A cue in the scope of a word that
# removes it ('while minimizing trade-offs', 'mitigates reward hacking', 'without collapse') states no problem.
_FUTURE_CUE = (r"future (?:work|research|directions?|studies|efforts|investigation)|remains? (?:an? )?(?:open|unclear|"
               r"unknown|unsolved|unexplored|challenging|difficult|limited)|open (?:questions?|problems?|challenges?)|"
               r"left (?:open|for future)|we leave|(?:further|more) (?:research|work|investigation|study) (?:is|are) "
               r"(?:needed|required)|warrants? further|calls? for")
_LIMIT_CUE = (r"limitations?|fails?\b|failed|failures?|struggl\w*|cannot|can not|unable to|(?:does|do|did) not "
              r"(?:generali[sz]e|scale|transfer|hold|capture|improve|help|address|handle)|not (?:yet|always|fully|"
              r"reliably)|still (?:faces?|meets?|lacks?|suffers?|struggles?|falls? short|has|have)|challenges? "
              r"(?:remain|persist)|persistent challenges?|suffers? from|vulnerab\w*|susceptib\w*|prone to|hacking|"
              r"brittle|costly|expensive|low (?:precision|recall|accuracy)|misclassif\w*|degrad\w*|collaps\w*|"
              r"at the cost of|lacks?\b|lacking|limited (?:to|by|in)|inaccura\w*|unreliab\w*|overfit\w*|"
              r"(?:fall|falls) short|worse|harm(?:s|ed|ful)?\b|drawbacks?|shortcomings?|bottlenecks?|trade-?offs?")
_CUE = re.compile(rf"\b(?:{_FUTURE_CUE}|{_LIMIT_CUE})", re.IGNORECASE)
_REMOVES = re.compile(r"\b(?:minimi[sz]\w*|reduc\w*|mitigat\w*|alleviat\w*|avoid\w*|prevent\w*|without|eliminat\w*|"
                      r"overcom\w*|address\w*|resolv\w*|tackl\w*|free of|lower\w*|fewer|less|remov\w*|fix\w*|"
                      r"counter\w*|combat\w*|circumvent\w*|bypass\w*|no longer|robust to|resist\w*)\b"
                      r"(?:\W+\w+){0,4}\W*$", re.IGNORECASE)


# ... and a cue that is what the method lets a user do ('allowing real-time trade-offs between ...') states a
# capability, not a limit.
_ENABLES = re.compile(r"\b(?:allow\w*|enabl\w*|support\w*|permit\w*|offer\w*|provid\w*|facilitat\w*|"
                      r"navigat\w*|flexibl\w*|customi[sz]\w*)(?:\W+[\w-]+){0,2}\W*$", re.IGNORECASE)


def states_limitation(sentence: str) -> bool:
    """The sentence states a limitation, failure, open question or future work, not a problem it solved nor a
    capability it offers."""
    for m in _CUE.finditer(sentence):
        before = sentence[max(0, m.start() - 60):m.start()]
        if not _REMOVES.search(before) and not _ENABLES.search(before):
            return True
    return False


def _norm(text: str) -> str:
    """Lower-case words, a leading article dropped ('The Lessons of ...' is 'Lessons of ...')."""
    return re.sub(r"^(?:the|a|an) ", "", " ".join(re.findall(r"[a-z0-9]+", text.lower())))


def task_is_title(task: str, title: str) -> bool:
    """The Task cell is the paper's title or the part of it after the name ('MM-PRM: <subtitle>')."""
    t = _norm(task)
    parts = {_norm(title)} | ({_norm(title.split(":", 1)[1])} if ":" in title else set())
    return bool(t) and t in parts


# A Task cell that names no task: its head noun is the kind of model worked on ('Large Reasoning Models') or an
# outcome ('Amplified benefits'), and no verb or action noun opens it ('Training reward models' is a task).
_MODEL_HEADS = frozenset("""model models llm llms lm lms mllms lrms vlms lvlms slms network networks transformer
    transformers""".split())
_OUTCOME_HEADS = frozenset("""benefit benefits gain gains improvement improvements advantage advantages performance
    result results outcome outcomes purpose purposes application applications use uses success""".split())
_ACTION = re.compile(r"^[a-z]+(?:ing|tion|sion|ment|ance|ence|ure|sis)$", re.IGNORECASE)


def task_names_nothing(task: str) -> bool:
    """The Task cell's head is a model class or an outcome and no action word opens it (see above)."""
    words = re.findall(r"[\w-]+", re.split(r"\s(?:in|of|for|on|with|across|from|to|via|by)\s", task)[0])
    if not words or words[-1].lower() not in _MODEL_HEADS | _OUTCOME_HEADS:
        return False
    # Only an opening action word makes it a task ('Training reward models'); 'Large Reasoning Models' names models.
    return len(words) == 1 or not _ACTION.match(words[0]) or words[0].lower() in {"reasoning", "thinking", "language"}


_RESULT_VERB = re.compile(r"\s+(?:consistently |significantly |also |further )?(?:outperforms?|achieves?|improves?|"
                          r"reduces?|keeps?|surpasses?|enhances?|boosts?|attains?|yields?|matches?|beats?|exceeds?)\b")
# 'we propose a simple yet efficient pipeline, ThoughtMani': a name the contribution verb introduces.
_INTRODUCES = r"\b(?:we|this (?:paper|work))\s+(?:\w+ly\s+)?(?:propose|introduce|present|develop|design)s?\s+(?:[\w-]+,?\s+){0,8}?"
_RESOURCE = re.compile(r"\b(?:benchmarks?|datasets?|corpus|corpora|test sets?|suites?)\b", re.IGNORECASE)


def own_method_names(bench_cell: str, method_cell: str, abstract: str) -> list[str]:
    """Names in the Benchmarks column that are the paper's own method: the row's method, a name the abstract uses
    as the subject of a result verb ('ThoughtMani keeps the original performance'), or one its own contribution
    sentence introduces with no dataset or benchmark word in it."""
    out = []
    for name in (n.strip() for n in bench_cell.split(",")):
        if not name or re.search(r"(?:Bench|bench|Gym|Arena|Eval|QA|Set)(?:[-\s]?\d+)?$", name):
            continue  # a benchmark-shaped name is a resource, whoever made it
        said = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
        introduced = [m.group(0) for m in re.finditer(_INTRODUCES + said, abstract, re.IGNORECASE)]
        # A paper whose own contribution is the dataset ('we present ULTRAFEEDBACK, a large-scale ... preference
        # dataset', 'introduces CLASH (Character perspective-based ...), a meticulously curated dataset') rightly lists it.
        # ('a new Multi-Answer Question Answering dataset, MAQA, ...', 'Logic Competence Measurement Benchmark
        # (LOGICOM), a diagnostic benchmark': the same shapes with the name in apposition or in parentheses)
        if re.search(said + r"\)?(?:\s*\([^()]+\))?(?:,|\s+is|\s+--?)?\s+(?:(?:a|an|the)\s+)?(?:[\w-]+,?\s+){0,6}?(?:dataset|benchmark|"
                     r"corpus|suite)s?\b", abstract) or re.search(r"\b(?:dataset|benchmark|corpus)s?\s+(?:called\s+|"
                                                                  r"named\s+)?" + said, abstract) \
                or re.search(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,6}?(?:dataset|benchmark|corpus),\s+" + said, abstract):
            continue
        if name.lower() == method_cell.strip().lower() or re.search(said + _RESULT_VERB.pattern, abstract) \
                or any(not _RESOURCE.search(s) for s in introduced):
            out.append(name)
    return out


def add_table(report: object, shape: FitShape, min_fields: int) -> None:
    """Count Task cells that repeat the title or name no task, benchmark cells holding the paper's own method,
    and result cells that are too long, over the printed rows."""
    papers, _ = _corpus()
    for row in getattr(report, "table", []):
        if row.facts() < min_fields:
            continue
        title, abstract = papers.get(row.key, ("", ""))
        if row.task.text.strip():
            shape.task_cells += 1
            is_title = task_is_title(row.task.text, title)
            shape.task_is_title += is_title
            if not is_title and task_names_nothing(row.task.text):
                shape.task_empty += 1
                shape.task_empty_list.append(row.task.text)
        if row.benchmarks.text.strip():
            shape.bench_cells += 1
            own = own_method_names(row.benchmarks.text, row.method.text, abstract)
            shape.bench_own_method += bool(own)
            shape.bench_own_list += own
        if row.result.text.strip():
            n = len(row.result.text.split())
            shape.result_cells += 1
            shape.result_words += n
            shape.result_long += n > RESULT_CELL_WORDS


def add_sections(report: object, shape: FitShape, source: object) -> None:
    """Count misfit papers over the themed sections and non-limitation Open problems sentences.
    `source(text, keys)` gives (key, index, sentences) of the abstract sentence a quote comes from."""
    from reviewer.roles import Role, sentence_roles
    from reviewer.survey.sections import ASIDE, OPEN_PROBLEMS

    papers, terms = _corpus()
    topic = getattr(report, "topic", "")
    for section in getattr(report, "sections", []):
        if section.title == OPEN_PROBLEMS:
            for p in section.paragraphs:
                for s in p.sentences:
                    if not s.keys:
                        continue
                    found = source(s.text, s.keys)  # type: ignore[operator]
                    original = found[2][found[1]] if found else s.text
                    shape.open_sentences += 1
                    if not states_limitation(original):
                        shape.open_not_limitation += 1
                        shape.open_list.append(original[:160])
                    if found is None or sentence_roles(found[2])[found[1]] != Role.LIMITATION:
                        shape.open_not_limitation_role += 1
            continue
        if section.title == ASIDE:
            continue
        for key in section.cited_keys:
            if key not in papers:
                continue
            shape.sectioned += 1
            phrase = misfit(section.title, topic, f"{papers[key][0]}. {papers[key][1]}", terms)
            if phrase:
                shape.misfits += 1
                shape.misfit_list.append(f"{section.title} ∌ {papers[key][0][:70]} (“{phrase}”)")
                continue
            phrase = thin_fit(section.title, topic, papers[key][0], papers[key][1], terms)
            if phrase:
                shape.thin += 1
                shape.thin_list.append(f"{section.title} ~ {papers[key][0][:70]} (“{phrase}” once)")


def summary(shape: FitShape) -> str:
    return (f"sectioned papers {shape.sectioned}: misfits {shape.misfits} "
            f"({shape.misfits / max(1, shape.sectioned):.1%}), in passing only {shape.thin} "
            f"({shape.thin / max(1, shape.sectioned):.1%}); open-problem sentences {shape.open_sentences}: "
            f"not limitation {shape.open_not_limitation} ({shape.open_not_limitation / max(1, shape.open_sentences):.1%})"
            f", by roles.py {shape.open_not_limitation_role}; task cells {shape.task_cells}: title "
            f"{shape.task_is_title} ({shape.task_is_title / max(1, shape.task_cells):.1%}), naming no task "
            f"{shape.task_empty} {shape.task_empty_list[:6]}; benchmark cells {shape.bench_cells}: with the paper's "
            f"own method {shape.bench_own_method} {shape.bench_own_list[:6]}; result cells "
            f"{shape.result_cells}: over {RESULT_CELL_WORDS} words {shape.result_long} "
            f"({shape.result_long / max(1, shape.result_cells):.1%}), mean words "
            f"{shape.result_words / max(1, shape.result_cells):.1f}")
