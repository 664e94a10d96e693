"""A reader's check of kept survey reports: theme titles and table cells that do not say what they claim to.

    python -m evals.reader_check DIR dev holdout ... [--list]    # DIR as written by `evals.survey_keep run`

Over every survey of a set, counts:
- titles: a theme title that ends in a dangling modifier ('... reasoning shorter', '... for parallel') -- an
  adjective with no noun after it (unless coordinated before a shared noun: 'large and small models'), a closing
  adverb ('... characters faithfully'), or the first of two modifiers the topic coordinates before one head
  ('parallel and divergent thinking' cut to 'parallel');
- method: a Method cell that is no name the paper gives its method (a coined name or acronym, or its title's
  name) but a description ('Theoretically bounded metric');
- task fragment: a Task cell with no head noun or led by a pronoun or determiner ('Environment itself', 'it',
  'this problem');
- task generic: a Task cell whose words are all the topic's or generic ones ('Chain-of-Thought reasoning' in a
  survey of chain-of-thought reasoning): it cannot tell two papers of the survey apart.

Written from English grammar and the column names, apart from the writer's rules (reviewer/survey/), so the
writer is not graded with its own code. Cells are counted over every table row (printed or listed under it).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from pydantic import BaseModel, Field

from evals.survey_text import _adjective

# Comparatives and common bare adjectives a title cannot end on (a noun must follow them).
_BARE_ADJ = frozenset("""short shorter shortest long longer longest cheap cheaper cheapest fast faster fastest slow slower
    small smaller large larger big bigger high higher low lower good better best bad worse strong stronger weak
    weaker safe safer simple simpler easy easier hard harder deep deeper efficient more less fewer greater robust
    accurate reliable concise verbose open parallel divergent different consistent latent implicit explicit
    diverse fair human-like""".split())
_LY_NOUNS = frozenset("family assembly supply anomaly monopoly reply rely apply ally only early july italy holy".split())
_GLUE = frozenset("a an the of for in on with and to via by from or as at into under over across without".split())
# Nouns' endings: a word with one of these is a head noun, not a cut modifier ('optimization', 'learning').
_NOUN_END = re.compile(r"(?:tion|sion|ment|ness|ity|ing|ance|ence|ship|ism|ure|s)$")


def _words(text: str) -> list[str]:
    return [w.strip(",:;.()").lower() for w in text.split() if w.strip(",:;.()")]


def title_fault(title: str, topic: str) -> str | None:
    """Why a theme title ends in a dangling modifier (see the module docstring), or None."""
    words = _words(title)
    if not words:
        return None
    for i, w in enumerate(words):
        if i + 1 < len(words) and words[i + 1] not in _GLUE:
            continue
        after = next((j for j in range(i + 2, len(words)) if words[j] in _GLUE), len(words)) - (i + 2)
        if i + 1 < len(words) and words[i + 1] in {"and", "or"} and after >= 2:
            continue  # 'large and small models': the modifiers share the noun after the other one
        if w in _BARE_ADJ or (len(words) > 1 and _adjective(w) and i == len(words) - 1):
            return f"dangling modifier '{w}'"
    last = words[-1]
    if len(words) > 2 and re.fullmatch(r"[a-z]{3,}ly", last) and last not in _LY_NOUNS:
        return f"dangling adverb '{last}'"  # 'LLMs portraying fictional characters faithfully': a clause's adverb
    if {"that", "which", "who"} & set(words):
        return None  # 'AI assistants that help people shop': a relative clause's verb, no modifier cut from a noun
    t = _words(topic)
    for j, w in enumerate(t[:-2]):
        # 'parallel and divergent thinking' -> a title ending on 'parallel': the coordinated modifier's head is lost.
        if w == last and t[j + 1] in {"and", "or"} and not _NOUN_END.search(w) and len(t) > j + 3 \
                and t[j + 3] not in _GLUE:
            return f"topic phrase cut after '{w}'"
    return None


# Technique and model-class acronyms: naming one says which family a method belongs to, not what the method is called.
_COMMON = frozenset("""LLM LLMS LM LMS LRM LRMS SLM MLLM MLLMS VLM VLMS RL RLHF RLAIF RLVR PRM PRMS ORM ORMS RM RMS DPO
    PPO GRPO SFT COT ICL MCTS KL NLP AI AGI QA RAG TTS BON MDP KTO IPO SIMPO MOE LORA VLA OOD PO GPT""".split())
_NAME_TOKEN = re.compile(r"(?<![\w-])[A-Za-z][\w.+-]*(?![\w-])")


def _name_token(token: str) -> bool:
    core = token.strip(".,-")
    if core.upper().rstrip("S") in _COMMON or core.upper() in _COMMON:
        return False
    parts = core.split("-")
    if any(p.upper().rstrip("S") in _COMMON or p.upper() in _COMMON for p in parts) and not any(
            any(c.isdigit() for c in p) or (p[:1].isupper() and p.upper() not in _COMMON and len(p) > 1) for p in parts
            if p.upper().rstrip("S") not in _COMMON):
        return False  # 'CoT-based' is a family, 'S-GRPO' or 'RM-R1' a name
    return len(core) >= 2 and (any(c.isupper() for c in core[1:]) or any(c.isdigit() for c in core) or "+" in core)


def method_fault(cell: str, title: str, abstract: str) -> str | None:
    """None when the cell is a name the paper gives its method; else why it is a description."""
    cell = cell.strip()
    if not cell:
        return None
    if any(_name_token(t) for t in _NAME_TOKEN.findall(cell)):
        return None
    head = title.split(":", 1)[0].strip()
    if ":" in title and cell.lower() == head.lower():
        return None  # 'Cooper: Co-Optimizing ...': the title's own name
    if re.search(rf"\b(?:called|named|dubbed|termed|we call)\s+[\"'“]?{re.escape(cell)}\b", abstract, re.IGNORECASE):
        return None
    if len(cell.split()) == 1 and re.search(rf"(?<![\w-]){re.escape(cell)}(?![\w-])", title, re.IGNORECASE):
        return None  # a one-word means the title names ('... via Self-Certainty')
    if len(cell.split()) > 1 and any(w[:1].isupper() and w.upper() not in _COMMON for w in cell.split()[1:]):
        return None  # a capitalised name after a family's acronym ('CoT Monitor+')
    if re.search(rf"\b[Oo]ur\s+{re.escape(cell)}\b.*\b[Oo]ur\s+{re.escape(cell)}\b", abstract):
        return None  # what the abstract calls its method, again and again ('our implicit PRM')
    if len(cell.split()) == 1 and cell[:1].isupper() and re.search(rf"(?<![.!?]\s)(?<!^){re.escape(cell)}\b", abstract):
        return None  # a capitalised one-word name used mid-sentence ('Guru')
    return "a description, not a name"


_LEADS = frozenset("""it its this these those that they them their such which what whose both each either one
    another other some any""".split())
_REFLEXIVE = re.compile(r"\b(?:itself|themselves|himself|herself)\b", re.IGNORECASE)
_FUNCTION_END = _GLUE | frozenset("that which who whose when while than its their our this these those such".split())
# Words that tell no two papers of a survey apart.
_GENERIC = frozenset("""reasoning reason llm llms language model models large lm lms lrm lrms mllm mllms ai systems system
    task tasks problem problems performance ability abilities capability capabilities chain-of-thought cot thought
    thoughts of for in on with the a an and to via by llm-based improving enhancing unlocking boosting advancing
    efficient efficiency effective better""".split())


def task_fault(cell: str, topic: str) -> str | None:
    """'fragment' or 'generic' (see the module docstring), or None."""
    words = _words(cell)
    if not words:
        return None
    coordinated = words[0] in {"both", "either", "neither"} and {"and", "or", "nor"} & set(words)
    if (words[0] in _LEADS and not coordinated) or _REFLEXIVE.search(cell):
        return "fragment: led by a pronoun or determiner" if words[0] in _LEADS else "fragment: a reflexive pronoun"
    if len(words) == 1:
        return "fragment: one word"
    last = words[-1]
    gerund = words[0].endswith("ing")  # 'guiding LLMs to think non-linearly': a verb phrase may end on its adverb
    if last in _FUNCTION_END or (not gerund and (last.endswith("ly") or last in _BARE_ADJ
                                                 or (_adjective(last) and "-" not in last))):
        return f"fragment: no head noun ('{last}')"
    own = {w[:5] for w in _words(topic)}
    if all(w in _GENERIC or w[:5] in own or w.rstrip("s") in _GENERIC for w in words):
        return "generic: only the topic's or generic words"
    return None


class ReaderShape(BaseModel):
    surveys: int = 0
    titles: int = 0
    title_faults: list[str] = Field(default_factory=list)
    methods: int = 0
    method_faults: list[str] = Field(default_factory=list)
    tasks: int = 0
    task_fragments: list[str] = Field(default_factory=list)
    task_generic: list[str] = Field(default_factory=list)


_NOT_THEMES = ("Open problems", "Papers outside the themes")


def add_report(report: object, papers: dict[str, tuple[str, str]], shape: ReaderShape) -> None:
    """Add one report's titles and table cells to `shape`; `papers` maps a key to (title, abstract)."""
    topic = getattr(report, "topic", "")
    shape.surveys += 1
    for section in getattr(report, "sections", []):
        if section.title in _NOT_THEMES:
            continue
        shape.titles += 1
        fault = title_fault(section.title, topic)
        if fault:
            shape.title_faults.append(f"{section.title} ({fault}) [{topic}]")
    for row in getattr(report, "table", []):
        title, abstract = papers.get(row.key, ("", ""))
        method, task = row.method.text.strip(), row.task.text.strip()
        if method:
            shape.methods += 1
            if method_fault(method, title, abstract):
                shape.method_faults.append(f"{row.key}: {method}")
        if task:
            shape.tasks += 1
            fault = task_fault(task, topic)
            if fault:
                (shape.task_fragments if fault.startswith("fragment") else shape.task_generic).append(
                    f"{row.key}: {task} ({fault}) [{topic}]")


def summary(shape: ReaderShape) -> str:
    return (f"surveys {shape.surveys}; dangling titles {len(shape.title_faults)}/{shape.titles}; method descriptions "
            f"{len(shape.method_faults)}/{shape.methods}; task fragments {len(shape.task_fragments)}/{shape.tasks}; "
            f"task generic {len(shape.task_generic)}/{shape.tasks}")


def score_dir(where: Path, papers: dict[str, tuple[str, str]]) -> ReaderShape:
    from reviewer.survey.types import SurveyReport

    shape = ReaderShape()
    for path in sorted(where.glob("*/report.json")):
        add_report(SurveyReport.model_validate_json(path.read_text(encoding="utf-8")), papers, shape)
    return shape


def main(argv: list[str]) -> None:
    from reviewer.catalog import Catalog
    from reviewer.settings import Settings

    args = [a for a in argv if not a.startswith("--")]
    if len(args) < 2:
        print(__doc__)
        sys.exit(2)
    with Catalog(Settings().catalog_path) as catalog:
        papers = {p.key: (p.title, p.abstract) for p in catalog.iter_papers()}
    for which in args[1:]:
        shape = score_dir(Path(args[0]) / which, papers)
        print(f"== {which}: {summary(shape)}")
        if "--list" in argv:
            for line in shape.title_faults + shape.method_faults + shape.task_fragments + shape.task_generic:
                print(f"   {line}")


if __name__ == "__main__":
    main(sys.argv[1:])
