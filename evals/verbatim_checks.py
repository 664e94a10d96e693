"""Does the claim checker drop true quotes? Cited sentences of offline surveys and asks, and every seed sentence.

    python -m evals.verbatim_checks collect --home H --out F.jsonl   # run the surveys and asks, keep their cited
                                                                      # sentences (the checker's inputs)
    python -m evals.verbatim_checks score --home H F.jsonl           # check them with this code's checker
    python -m evals.verbatim_checks self --home H                    # each seed sentence against its own paper

`collect` runs the offline survey for every topic and paraphrase of the survey sets (`evals/datasets/survey_*`)
and the offline `ask` for every question of the ask sets, and writes each cited sentence with its keys. The survey
checks its sentences itself; the offline ask does not (only the LLM answer path drops contradicted sentences), so
its cited sentences are the ones that path would check. `score` checks every collected sentence against its cited
abstracts with the checker of the code it runs from: the drafts do not depend on the checker (it is the last
stage), so scoring one collection with two versions of the code compares their checkers on the same inputs. It
counts the sentences the checker would rewrite or drop (any label but SUPPORTED), split by whether the sentence is
verbatim in a cited abstract: its normal form (`textutil.normalize`, after `clean_claim`) occurs, word-aligned, in
the normal form of one abstract sentence. `self` checks every sentence of every seed abstract against its own
paper (a verbatim quote) and counts what is not SUPPORTED by label and by the rule that decided; a sentence that
reports other work is listed apart (the background rule rightly refuses it as the paper's finding).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter
from pathlib import Path

from reviewer.checker.claimtext import clean_claim
from reviewer.models import Paper
from reviewer.roles import reports_other_work
from reviewer.settings import Settings
from reviewer.textutil import normalize, split_sentences

DATA = Path(__file__).resolve().parent / "datasets"


def verbatim_in(text: str, abstracts: list[str]) -> bool:
    """The sentence, in normal form, occurs word-aligned inside one sentence of one of the abstracts."""
    want = f" {normalize(clean_claim(text))} "
    return len(want.split()) >= 4 and any(want in f" {normalize(s)} " for a in abstracts for s in split_sentences(a))


def _topics() -> list[str]:
    out: list[str] = []
    for path in sorted(DATA.glob("survey_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out += [t for t in (row.get("topic"), row.get("paraphrase")) if t]
    return list(dict.fromkeys(out))


def _questions() -> list[str]:
    out: list[str] = []
    for path in sorted(DATA.glob("ask_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and (q := json.loads(line).get("q")):
                out.append(q)
    return list(dict.fromkeys(out))


def collect(settings: Settings, out: Path, topics: int | None, questions: int | None) -> None:
    """Run the offline surveys and asks and append each cited sentence (source, query, text, keys) to `out`."""
    from reviewer.ask.session import AskSession
    from reviewer.citations import cited_sentences
    from reviewer.ingest.pipeline import ensure_ready
    from reviewer.services import open_retriever
    from reviewer.survey.run import run_survey

    ensure_ready(settings)
    offline = settings.model_copy(update={"llm_offline": True})
    retriever = open_retriever(settings, quiet=True)
    session = AskSession(settings, quiet=True)
    session.warm()
    topic_list, question_list = _topics()[:topics], _questions()[:questions]
    per_topic = max(1, len(question_list) // max(1, len(topic_list)))  # interleaved: a cut-short run samples both
    with out.open("w", encoding="utf-8") as fh, tempfile.TemporaryDirectory(prefix="verbatim-eval-") as tmp:
        for n in range(max(len(topic_list), -(-len(question_list) // per_topic))):
            if n < len(topic_list):
                result = run_survey(topic_list[n], offline, offline=True, fresh=True, quiet=True, retriever=retriever,
                                    runs_dir=Path(tmp))
                for section in result.report.sections:
                    for c in section.checks:
                        if c.label is not None:  # a cited sentence the checker judged
                            row = {"source": "survey", "query": topic_list[n], "text": c.rewritten_from or c.text,
                                   "keys": c.keys}
                            fh.write(json.dumps(row) + "\n")
            for q in question_list[n * per_topic : (n + 1) * per_topic]:
                answer = session.ask(q)
                for cs in cited_sentences(answer.answer):
                    if cs.keys and cs.text.strip():
                        fh.write(json.dumps({"source": "ask", "query": q, "text": cs.text, "keys": cs.keys}) + "\n")
            fh.flush()


def _papers(settings: Settings) -> dict[str, Paper]:
    from reviewer.catalog import Catalog
    from reviewer.ingest.pipeline import ensure_ready

    ensure_ready(settings)
    with Catalog(settings.catalog_path) as catalog:
        return {p.key: p for p in catalog.iter_papers()}


def _rule(reasons: list[str]) -> str:
    """The rule or guard that decided, else the first signal the combiner read (the summary line is skipped)."""
    ruled = [r for r in reasons if r.startswith(("rule:", "guard:"))]
    signal = ruled[-1] if ruled else (reasons[1] if len(reasons) > 1 else "combiner")
    return signal.split(":")[0] + ":" + signal.split(":")[1][:60] if ":" in signal else signal[:60]


def score(settings: Settings, path: Path) -> dict[str, object]:
    """Check every collected sentence; count non-SUPPORTED ones by source and by verbatim-ness."""
    from reviewer.checker import ClaimChecker

    papers = _papers(settings)
    checker = ClaimChecker(settings)
    counts: Counter[str] = Counter()
    dropped: list[dict[str, object]] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        cited = [papers[k] for k in row["keys"] if k in papers]
        if not cited or (row["text"], tuple(row["keys"])) in seen:
            continue
        seen.add((row["text"], tuple(row["keys"])))
        verbatim = "verbatim" if verbatim_in(row["text"], [p.abstract for p in cited]) else "other"
        verdict = checker.check(row["text"], cited)
        counts[f"{row['source']} {verbatim} sentences"] += 1
        if verdict.label != "SUPPORTED":
            counts[f"{row['source']} {verbatim} {verdict.label}"] += 1
            if verbatim == "verbatim":
                dropped.append({**row, "label": verdict.label, "rule": _rule(verdict.reasons)})
    return {"counts": dict(sorted(counts.items())), "verbatim_not_supported": dropped}


def self_check(settings: Settings) -> dict[str, object]:
    """Every seed abstract sentence checked against its own paper: the non-SUPPORTED ones, by label and rule."""
    from evals.seed_claims import seed_papers_by_title
    from reviewer.checker import ClaimChecker

    checker = ClaimChecker(settings)
    counts: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    failed: list[dict[str, str]] = []
    for paper in seed_papers_by_title().values():
        for sentence in split_sentences(paper.abstract):
            if len(normalize(sentence).split()) < 6:
                continue  # a heading or a link, not a statement
            verdict = checker.check(sentence, [paper])
            other = reports_other_work(sentence)
            counts["sentences"] += 1
            if verdict.label != "SUPPORTED":
                kind = "reports other work" if other else "own"
                counts[f"{kind} {verdict.label}"] += 1
                rules[f"{kind} {verdict.label} | {_rule(verdict.reasons)}"] += 1
                failed.append({"paper": paper.title, "sentence": sentence, "label": verdict.label,
                               "rule": _rule(verdict.reasons), "kind": kind})
    return {"counts": dict(sorted(counts.items())), "rules": dict(rules.most_common()), "failed": failed}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["collect", "score", "self"])
    parser.add_argument("path", type=Path, nargs="?", help="the collected sentences (score)")
    parser.add_argument("--home", type=Path, required=True, help="REVIEWER_HOME to use (seeds are ingested there)")
    parser.add_argument("--out", type=Path, help="where collect writes the sentences")
    parser.add_argument("--topics", type=int, default=None, help="at most this many survey topics")
    parser.add_argument("--questions", type=int, default=None, help="at most this many ask questions")
    parser.add_argument("--json", type=Path, default=None, help="write the full result here")
    args = parser.parse_intermixed_args(argv)
    settings = Settings(home=args.home)
    if args.what == "collect":
        collect(settings, args.out, args.topics, args.questions)
        return
    result = score(settings, args.path) if args.what == "score" else self_check(settings)
    for k, v in result["counts"].items():  # type: ignore[union-attr]
        print(f"  {k:<45} {v}")
    for k, v in list(result.get("rules", {}).items())[:25]:  # type: ignore[union-attr]
        print(f"  {v:4d}  {k}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
