"""Per-paper checks of a survey report for `reviewer eval survey`, written apart from the writer's rules.

- misfit: a sectioned paper whose own title and abstract do not use its section title's label phrase (each noun
  phrase of the title beyond the topic's words) in any form the theme judge accepts (evals/judge_terms.py: word
  for word, by its initials, an acronym the corpus defines for it, a name the corpus calls an instance of it).
  The judge's 'weak' flag only fires when fewer than half of a section's papers use the phrase; this counts
  every paper the title is not true of.
- open problem: an Open problems sentence that does not state a limitation or future work, by an independent
  cue test (states_limitation) and, as a second reading, by reviewer/roles.py.
- table cells: a Task cell that repeats the paper's title (or its subtitle), and a headline-result cell longer
  than a cell should be (a whole sentence, not its number, metric and benchmark).
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
    open_sentences: int = 0
    open_not_limitation: int = 0  # by states_limitation
    open_not_limitation_role: int = 0  # by reviewer/roles.py
    open_list: list[str] = Field(default_factory=list)
    task_cells: int = 0
    task_is_title: int = 0
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


def states_limitation(sentence: str) -> bool:
    """The sentence states a limitation, failure, open question or future work, not a problem it solved."""
    for m in _CUE.finditer(sentence):
        if not _REMOVES.search(sentence[max(0, m.start() - 60):m.start()]):
            return True
    return False


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def task_is_title(task: str, title: str) -> bool:
    """The Task cell is the paper's title or the part of it after the name ('MM-PRM: <subtitle>')."""
    t = _norm(task)
    parts = {_norm(title)} | ({_norm(title.split(":", 1)[1])} if ":" in title else set())
    return bool(t) and t in parts


def add_table(report: object, shape: FitShape, min_fields: int) -> None:
    """Count Task cells that repeat the title and result cells that are too long, over the printed rows."""
    papers, _ = _corpus()
    for row in getattr(report, "table", []):
        if row.filled() < min_fields:
            continue
        title = papers.get(row.key, ("", ""))[0]
        if row.task.text.strip():
            shape.task_cells += 1
            shape.task_is_title += task_is_title(row.task.text, title)
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


def summary(shape: FitShape) -> str:
    return (f"sectioned papers {shape.sectioned}: misfits {shape.misfits} "
            f"({shape.misfits / max(1, shape.sectioned):.1%}); open-problem sentences {shape.open_sentences}: "
            f"not limitation {shape.open_not_limitation} ({shape.open_not_limitation / max(1, shape.open_sentences):.1%})"
            f", by roles.py {shape.open_not_limitation_role}; task cells {shape.task_cells}: title "
            f"{shape.task_is_title} ({shape.task_is_title / max(1, shape.task_cells):.1%}); result cells "
            f"{shape.result_cells}: over {RESULT_CELL_WORDS} words {shape.result_long} "
            f"({shape.result_long / max(1, shape.result_cells):.1%}), mean words "
            f"{shape.result_words / max(1, shape.result_cells):.1f}")
