"""Table cells on real seed abstracts: results the paper reports as its evidence, and a benchmark column that
holds dataset and benchmark names only (never a system's, a model's or a license's name, nor part of a URL)."""

from __future__ import annotations

import re

from reviewer.models import Paper
from reviewer.survey.table import benchmarks_of, headline_result, method_name, mine_gazetteer
from reviewer.textutil import split_sentences

# Finite verbs only: the sentence says that something did better ('improves', not 'for enhancing').
_COMPARING = re.compile(r"\b(?:outperform(?:s|ed)?|surpass(?:es|ed)?|improve[sd]|enhance[sd]|achieve[sd]|exceed(?:s|ed)?|"
                        r"excel(?:s|led)?|beats|reduce[sd]|boost(?:s|ed)?|compared (?:to|with))\b", re.I)


def test_results_reported_as_evidence_fill_the_result_cell(seed_papers: dict[str, Paper]) -> None:
    """'Our experiments on ... show that rDPO is robust ... compared to vanilla DPO', 'Empirical results show
    that, with ..., FoR can ... excel ...', '... demonstrates that General-Reasoner outperforms ...': a
    sentence that reports the paper's experiments, or says its own method compares well, is a result
    whatever role the sentence classifier gives it."""
    seen = 0
    for p in seed_papers.values():
        name = method_name(p)
        for s in split_sentences(p.abstract)[1:]:
            evidence = re.match(r"(?:Our |The )?(?:\w+ )?(?:experiments|results)\b[^.]*\b(?:show|demonstrate)s? that\b", s)
            own = name and re.search(rf"\b(?:show|demonstrate)s? that {re.escape(name)} ", s)
            if (evidence or own) and _COMPARING.search(s) and not re.search(r"\d|https?://|\bcode\b", s) \
                    and len(s.split()) <= 40:
                seen += 1
                cell = headline_result(p)
                assert cell and cell[1:] in p.abstract, (p.key, s, cell)
                break
    assert seen >= 5, seen


def _cells(papers: dict[str, Paper]) -> dict[str, list[str]]:
    gazetteer = mine_gazetteer(list(papers.values()))
    return {k: [n for n in benchmarks_of(p, gazetteer, method_name(p)).split(", ") if n] for k, p in papers.items()}


def test_benchmark_column_holds_no_system_model_license_or_url_names(seed_papers: dict[str, Paper]) -> None:
    cells = _cells(seed_papers)
    text = " ".join(p.abstract for p in seed_papers.values())
    introduced = {m.group(2) for m in re.finditer(
        r"(\w+) (?:called|named|dubbed|we call)\s+([A-Z][\w.+-]*[\w+])(?!\s+(?:benchmark|dataset))", text)
        if m.group(1) not in {"dataset", "benchmark", "corpus"}}
    models = set(re.findall(r"\b([A-Z][\w.-]+) and [A-Z][\w.-]+ models\b", text)) | set(
        re.findall(r"\b[A-Z][\w.-]+ and ([A-Z][\w.-]+) models\b", text))
    abbreviations = set(re.findall(r"\b(?:model|mechanism|method|approach|framework|algorithm)\s+\(([A-Z][\w-]+)\)", text))
    seen = {"introduced": 0, "models": 0, "abbreviations": 0, "sizes": 0, "urls": 0}
    for key, names in cells.items():
        abstract = seed_papers[key].abstract
        url_only = {n for n in re.findall(r"https?://\S+", abstract) for n in re.findall(r"[A-Z][\w-]+", n)}
        for n in names:
            assert n not in introduced, (key, n, "a system the corpus names")
            assert n not in models, (key, n, "a model")
            assert n not in abbreviations, (key, n, "a method's abbreviation")
            assert not re.search(r"-\d+(?:\.\d+)?B$", n), (key, n, "a model size")
            assert not n.startswith("CC-BY"), (key, n, "a license")
            outside = re.sub(r"https?://\S+", " ", abstract)
            assert n not in url_only or re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", outside), (key, n, "URL part")
    # The corpus has each kind of trap, so the checks above were exercised.
    seen["introduced"] = len(introduced)
    seen["models"] = len(models)
    seen["abbreviations"] = len(abbreviations)
    seen["sizes"] = len(re.findall(r"\b[A-Z][\w-]+-\d+B\b", text))
    seen["urls"] = len(re.findall(r"https?://\S*[A-Z]", text))
    assert all(v >= 1 for v in seen.values()), seen


def test_a_dataset_paper_names_its_own_dataset_in_the_benchmark_cell(seed_papers: dict[str, Paper]) -> None:
    """'we propose ULTRAFEEDBACK, a large-scale, ... preference dataset': the paper's own name is a dataset's, so
    it belongs in the benchmark column even though it is also the paper's method name."""
    cells = _cells(seed_papers)
    seen = 0
    for key, p in seed_papers.items():
        own = method_name(p)
        if not own or " " in own:
            continue
        for m in re.finditer(rf"(?<![\w-])({re.escape(own)}), an? ((?:[\w-]+,? ){{0,6}}?)(?:dataset|benchmark)\b",
                             p.abstract, re.I):
            if " of " in f" {m.group(2)} ":
                continue
            seen += 1
            assert m.group(1) in cells[key], (key, m.group(1), cells[key])
            break
    assert seen >= 3, seen


def test_a_final_k_makes_a_benchmark_shape_only_after_a_number(seed_papers: dict[str, Paper]) -> None:
    """GSM8K and PRM800K end in a count; a word that merely ends in K ('STICK', a self-refinement method) is
    a benchmark only when the abstract says so next to it."""
    seen = 0
    for p in seed_papers.values():
        for name in mine_gazetteer([p]):
            if not re.search(r"[A-Za-z]K$", name) or name not in p.abstract:
                continue
            seen += 1
            n = re.escape(name)
            assert re.search(rf"{n}[\s,)]*(?:benchmark|dataset)|(?:benchmark|dataset)s?[\s:,(]*(?:called |named )?{n}"
                             rf"|{n}, an? (?:[\w-]+,? ){{0,6}}(?:dataset|benchmark)", p.abstract, re.I), (p.key, name)
    assert seen >= 1, seen


def test_what_a_release_is_for_is_not_a_task(seed_papers: dict[str, Paper]) -> None:
    """'... released for usage under MIT License', '... to support future research in X': the purpose of a
    release names no problem the paper addresses, so it never fills the task cell."""
    from reviewer.survey.table import task_of

    purpose = re.compile(r"\bfor\s+(?:usage|research use|future research|commercial use)\b", re.I)
    seen = 0
    for p in seed_papers.values():
        if not purpose.search(p.abstract):
            continue
        seen += 1
        task = task_of(p, method_name(p))
        assert not re.search(r"\b(?:usage|licen[cs]e|future research|research use|commercial)\b", task, re.I), (p.key, task)
    assert seen >= 2, seen


def test_a_dataset_called_by_name_stays_a_dataset(seed_papers: dict[str, Paper]) -> None:
    """'develop a dataset called X': X names a dataset, unlike 'an assistant named X'. The seed name ends in
    QA, which alone makes it a benchmark, so each is renamed to a shape that proves nothing by itself."""
    seen = 0
    for p in seed_papers.values():
        for m in re.finditer(r"\b(?:dataset|benchmark) (?:called|named) ([A-Z][\w-]+)", p.abstract):
            seen += 1
            renamed = p.model_copy(update={"abstract": p.abstract.replace(m.group(1), "Boardwalk-Zeta")})
            assert "Boardwalk-Zeta" in mine_gazetteer([renamed]), (p.key, m.group(0))
    assert seen >= 1, seen


def test_a_recurring_our_phrase_names_an_unnamed_method(seed_papers: dict[str, Paper]) -> None:
    """A paper that gives its method no proper name but keeps calling it 'our <words> <ACRONYM>' ('our implicit
    PRM', three times) has that phrase in its method cell rather than an empty one."""
    from reviewer.survey.table import contribution_phrase, offline_row

    seen = 0
    for p in seed_papers.values():
        if method_name(p) or contribution_phrase(p):
            continue
        phrases = re.findall(r"\bour ((?:[a-z][\w-]+ ){0,2}[A-Z]{2,}[\w-]*)", p.abstract)
        recurring = [x for x in set(phrases) if phrases.count(x) >= 2 and not x.upper().startswith("LLM")]
        if recurring:
            seen += 1
            assert offline_row(p).method.text in recurring, (p.key, recurring)
    assert seen >= 1, seen


def test_a_title_that_names_only_its_genre_gives_no_genre_task(seed_papers: dict[str, Paper]) -> None:
    """'X: A Survey', 'X: An Empirical Study', 'X: Are We Making Progress?': the subtitle names the kind of paper
    or asks, so the Task cell never repeats it; it comes from the head (or from the subject of 'A Survey of Y')."""
    from reviewer.survey.table import task_of

    genre = re.compile(r"^(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:survey|review|study|case[- ]study|perspective|analysis|"
                       r"overview)\b|\?$", re.I)
    seen = from_head = 0
    for p in seed_papers.values():
        head, _, sub = p.title.partition(":")
        if not sub or not genre.search(sub.strip()):
            continue
        seen += 1
        task = task_of(p, method_name(p))
        assert not genre.search(task) and task != sub.strip(), (p.key, task)
        from_head += bool(task) and set(task.lower().split()) <= set(head.lower().split())
    assert seen >= 6 and from_head >= 3, (seen, from_head)


def test_a_method_cell_is_a_whole_phrase(seed_papers: dict[str, Paper]) -> None:
    """The method column holds a whole noun phrase: never one cut before what its last word introduces ('sets of
    conditions that'), inside a parenthesis ('datasets (medical'), or one that points outside itself ('this')."""
    from reviewer.survey.table import contribution_phrase

    seen = 0
    for p in seed_papers.values():
        phrase = contribution_phrase(p)
        if not phrase:
            continue
        seen += 1
        assert phrase.split()[-1].lower() not in {"that", "which", "with", "for", "to", "of", "and"}, (p.key, phrase)
        assert phrase.count("(") == phrase.count(")"), (p.key, phrase)
        assert not re.search(r"\b(?:this|these|those|its|their)\b", phrase, re.I), (p.key, phrase)
    assert seen >= 100, seen


def test_a_title_that_claims_a_gain_gives_its_object_as_the_task(seed_papers: dict[str, Paper]) -> None:
    """'Generated Checklists Improve LLM Evaluation and Generation': the title is a claim, and the task it names
    is what is improved, so the Task cell is that object (unless the abstract states a task), not the claim."""
    from reviewer.survey.table import task_of

    claim = re.compile(r"^(?:[\w'-]+ ){1,5}(?:Improves?|Boosts?|Empowers?|Helps?|Unlocks?)\s+(?P<obj>.+)$")
    seen = 0
    for p in seed_papers.values():
        sub = p.title.partition(":")[2].strip() or p.title
        m = claim.match(sub)
        if not m or len(_MEANS_SPLIT.split(m.group("obj"))[0].split()) < 2:
            continue
        seen += 1
        task = task_of(p, method_name(p))
        # The object, or a task the abstract states (which comes first), never the claim itself.
        assert task != sub, (p.key, task)
        assert task.lower() in m.group("obj").lower() or task.lower() not in p.title.lower(), (p.key, task)
    assert seen >= 3, seen


_MEANS_SPLIT = re.compile(r"\s+(?:with|via|through|using|by|from|without)\s+", re.I)


def test_a_title_head_that_opens_with_a_verb_is_not_a_method_name(seed_papers: dict[str, Paper]) -> None:
    """'Unpacking DPO and PPO: ...' says what the paper does, not what its method is called; a head such as
    'TICKing All the Boxes' gives way to the name its abstract defines."""
    seen = 0
    for p in seed_papers.values():
        head = p.title.partition(":")[0]
        if ":" not in p.title or not re.match(r"[A-Za-z][a-z]*ing\s", head):
            continue
        seen += 1
        assert method_name(p) != head.strip(), (p.key, head)
    assert seen >= 2, seen


def test_a_name_the_background_calls_something_is_not_the_method(seed_papers: dict[str, Paper]) -> None:
    """'... an ability called Theory-of-Mind (ToM)' names what the field studies; the method column takes a name
    only from a sentence in the paper's own voice ('we introduce a framework, Foresee and Reflect (FaR)')."""
    called = re.compile(r"\b(?:called|named|dubbed|termed)\s+([A-Z][\w\-.+]*)")
    own = re.compile(r"\b(?:we|our|this (?:paper|work|study))\b", re.I)
    seen = 0
    for p in seed_papers.values():
        for sentence in split_sentences(p.abstract):
            m = called.search(sentence)
            if m and not own.search(sentence):
                seen += 1
                assert method_name(p) != m.group(1).rstrip(".,"), (p.key, m.group(1))
    assert seen >= 2, seen
