"""The section lead on real seed papers: a count by kind of contribution, a shared benchmark, and what
separates the papers, every factual sentence cited and supported by the abstract it cites."""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.checker import ClaimChecker
from reviewer.citations import cited_sentences
from reviewer.models import Paper
from reviewer.settings import Settings
from reviewer.survey.lead import section_lead
from reviewer.survey.prose import is_framing
from reviewer.survey.table import method_name, offline_row
from reviewer.survey.types import PaperEvidence, TableRow


def _evidence(papers: list[Paper], gazetteer: frozenset[str],
              row: Callable[..., TableRow] = offline_row) -> dict[str, PaperEvidence]:
    """Each paper's evidence with its offline table row (`row`: offline_row, or the session's memo of it)."""
    return {p.key: PaperEvidence(key=p.key, paper_id=p.id, relevance=0.9, sentences=[], row=row(p, gazetteer))
            for p in papers}


def test_lead_says_what_separates_the_papers_and_cites_each_fact(seed_papers: dict[str, Paper],
                                                                  seed_gazetteer: frozenset[str],
                                                                  table_row: Callable[..., TableRow],
                                                                  settings: Settings) -> None:
    """Groups of seed papers that name a common benchmark: the lead counts them without a claim, cites the
    shared benchmark, then contrasts named papers by task or benchmarks, one cited sentence each, and the
    offline checker supports every cited sentence against its own abstract."""
    gazetteer = seed_gazetteer
    evidence = _evidence(list(seed_papers.values()), gazetteer, table_row)
    checker = ClaimChecker(settings)
    leads = contrasted = supported = checked = 0
    for bench in ("MATH", "GSM8K", "AlpacaEval", "MT-Bench"):
        group = [p for p in seed_papers.values() if method_name(p)
                 and bench in evidence[p.key].row.benchmarks.text.split(", ")][:5]
        if len(group) < 3:
            continue
        keys = [p.key for p in group]
        names = {p.key: method_name(p) for p in group}
        lead = section_lead(keys, evidence, names, seed_papers)
        leads += 1
        assert is_framing(lead[0]) and "under this theme" in lead[0], lead[0]
        facts = [s for line in lead for s in cited_sentences(line) if s.keys]
        framing = [s for line in lead for s in cited_sentences(line) if not s.keys]
        assert all(is_framing(s.text) for s in framing), framing
        for fact in facts:
            # Grounded by construction: every benchmark and task the sentence names is in each cited abstract.
            named = re.findall(r"(?:evaluated on|targets) (.+?)(?: and is evaluated on |\.$)", fact.text)
            for part in named:
                for item in re.split(r", | and ", part):
                    assert all(item in seed_papers[k].abstract for k in fact.keys), (fact.text, item)
            checked += 1
            supported += checker.check(fact.text, [seed_papers[k] for k in fact.keys]).label == "SUPPORTED"
        differ = next((i for i, line in enumerate(lead) if line.startswith("They differ")), None)
        if differ is not None:
            contrasted += 1
            after = lead[differ + 1:]
            assert len(after) >= 2 and all(line.rstrip(".").endswith("]") for line in after), after
            # Each contrast names a different paper's method.
            assert len({line.split(" ")[0] for line in after}) == len(after), after
    assert leads >= 3 and contrasted >= 2, (leads, contrasted)
    # The check stage drops what the offline checker does not support; most lead facts must survive it.
    assert supported >= 0.7 * checked, (supported, checked)


def test_lead_count_separates_studies_from_methods(seed_papers: dict[str, Paper]) -> None:
    """A group mixing question-titled studies with named methods says how many of each there are."""
    studies = [p for p in seed_papers.values() if p.title.rstrip().endswith("?")][:2]
    methods = [p for p in seed_papers.values() if method_name(p) and ":" in p.title
               and not p.title.rstrip().endswith("?") and "bench" not in p.title.lower()][:3]
    keys = [p.key for p in studies + methods]
    lead = section_lead(keys, _evidence(studies + methods, frozenset()), {p.key: method_name(p) for p in methods},
                        seed_papers)
    assert lead[0].startswith("Five papers fall under this theme:"), lead[0]
    assert "two are empirical studies" in lead[0], lead[0]


def test_open_problems_never_quote_a_sentence_that_solves_the_problem(seed_papers: dict[str, Paper]) -> None:
    """Seed sentences such as 'we overcome the challenges of data scarcity' or 'we address these limitations
    through ...' use a problem's words but state a solution; the open-problems section never quotes them."""
    from reviewer.survey.synthesis import open_problem_quotes
    from reviewer.textutil import split_sentences

    solving = re.compile(r"\b(?:overcom\w*|we address (?:these|this|the)|mitigat\w*|alleviat\w*)\b", re.IGNORECASE)
    problem = re.compile(r"\b(?:limitations?|challenges?|fail\w*|costly|bottlenecks?)\b", re.IGNORECASE)
    candidates = [p for p in seed_papers.values()
                  if any(solving.search(s) and problem.search(s) for s in split_sentences(p.abstract))]
    assert len(candidates) >= 5
    # Papers that do state a limitation of their own, so that the section has something to quote.
    candidates += [p for p in seed_papers.values() if re.search(r"\bstill (?:meets|faces) challenges\b", p.abstract)]
    evidence = [PaperEvidence(key=p.key, paper_id=p.id, relevance=0.9, row=TableRow(key=p.key)) for p in candidates]
    quotes = open_problem_quotes(evidence, seed_papers, limit=len(evidence))
    assert quotes, "some of these papers also state a real limitation"
    assert not [q.text for q in quotes if solving.search(q.text)]


def test_a_paper_named_in_a_checked_sentence_keeps_its_citation(seed_papers: dict[str, Paper],
                                                                 seed_gazetteer: frozenset[str],
                                                                 table_row: Callable[..., TableRow],
                                                                 settings: Settings) -> None:
    """'A and B are both evaluated on MATH [@a; @b]' about seed papers that both name MATH: when the per-paper
    check would prune one key, the sentence would still name that paper's method; the key stays."""
    from reviewer.survey.check import SectionChecker

    gazetteer = seed_gazetteer
    checker = SectionChecker(settings, seed_papers)
    kept = 0
    for bench in ("MATH", "GSM8K", "AIME"):
        group = [p for p in seed_papers.values() if method_name(p) and re.fullmatch(r"[\w.+-]+", method_name(p))
                 and bench in table_row(p, gazetteer).benchmarks.text.split(", ")][:4]
        for a, b in zip(group, group[1:], strict=False):
            text = f"{method_name(a)} and {method_name(b)} are both evaluated on {bench}."
            check, _ = checker.check_sentence(text, [a.key, b.key])
            if check.action == "kept":
                kept += 1
                assert set(check.keys) == {a.key, b.key}, (text, check.keys, check.pruned_keys)
    assert kept >= 3, kept


def test_summary_openers_and_clause_then_pronoun_are_anaphoric(seed_papers: dict[str, Paper]) -> None:
    """'Together, these results ...' and 'With RL, these models ...' in seed abstracts point to earlier
    sentences and are treated as anaphoric, so they are quoted after their antecedent or not at all."""
    from reviewer.survey.prose import is_anaphoric
    from reviewer.textutil import split_sentences

    pointing = re.compile(r"^(?:Together|Taken together|Collectively|In summary),\s+(?:these|this|such|they)\b|"
                          r"^(?!In this (?:paper|work))[A-Z][^,;.]{2,50},\s+(?:these|such) [a-z]+s\b")
    seen = 0
    for p in seed_papers.values():
        for s in split_sentences(p.abstract):
            if pointing.match(s):
                seen += 1
                assert is_anaphoric(s), (p.key, s)
    assert seen >= 5, seen


def test_no_paper_is_said_to_be_evaluated_on_its_own_name(seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str],
                                                          table_row: Callable[..., TableRow]) -> None:
    """A paper whose method cell names its own dataset (the dataset is also in its benchmark cell) is never 'X is
    evaluated on X' in the lead, wherever it sits among the section's papers."""
    gazetteer = seed_gazetteer
    evidence = _evidence(list(seed_papers.values()), gazetteer, table_row)
    own = [p for p in seed_papers.values() if method_name(p)
           and method_name(p) in evidence[p.key].row.benchmarks.text.split(", ")]
    assert own, "no seed paper names its own dataset as its method"
    others = [p for p in seed_papers.values() if p not in own and method_name(p)][:2]
    for paper in own:
        keys = [paper.key] + [o.key for o in others]
        names = {k: method_name(seed_papers[k]) for k in keys}
        for line in section_lead(keys, evidence, names, seed_papers):
            name = re.escape(names[paper.key])
            assert not re.search(rf"\b{name} (?:targets .+? and )?is evaluated on (?:[^.]*, )?{name}\b", line), line


def test_contrasts_leave_out_the_shared_benchmark(seed_papers: dict[str, Paper], seed_gazetteer: frozenset[str]) -> None:
    """Plan-Then-Action and S-GRPO both name AMC: after the lead says so, the sentences on what separates them
    do not list AMC again as a difference (the themes2 run printed '... S-GRPO is evaluated on GSM8K, AIME and
    AMC' right after 'They differ in where they are evaluated')."""
    group = [seed_papers["planthen"], seed_papers["sgrpo"]]
    gazetteer = seed_gazetteer
    evidence = _evidence(group, gazetteer)
    names = {p.key: method_name(p) for p in group}
    lead = section_lead([p.key for p in group], evidence, names, seed_papers)
    shared = [s for s in lead if "are both evaluated on" in s]
    assert shared, lead
    bench = shared[0].split("are both evaluated on ", 1)[1].split(" [", 1)[0]
    contrasts = [s for s in lead if " is evaluated on " in s or " targets " in s]
    assert contrasts, lead
    assert not [s for s in contrasts if re.search(rf"\b{re.escape(bench)}\b", s)], lead
