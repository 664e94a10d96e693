"""`reviewer verify`, `reviewer check` and `reviewer eval ...`: the claim checker and the eval harness."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click


def _write_result(name: str, payload: str, out: Path | None) -> Path:
    from reviewer.output import write_output
    from reviewer.settings import Settings

    path = out or Settings().evals_dir / f"{name}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    write_output(path, payload)
    return path


def _verdict_line(label: str, score: float, text: str) -> str:
    """Our colour around the label; the claim or sentence text is sanitised (it may come from anywhere)."""
    from reviewer.termsafe import sanitize

    colour = {"SUPPORTED": "green", "CONTRADICTED": "red"}.get(label, "yellow")
    return f"{click.style(f'{label:<12}', fg=colour)} {score:.2f}  {sanitize(text)}"


def _nonempty(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from reviewer.cli_common import nonempty

    return nonempty(ctx, param, value)


def _read_report(path: Path) -> str:
    """The report's text; a special file, a non-UTF-8 or UTF-16 file is one clean error naming it."""
    from reviewer.errors import InputError
    from reviewer.ingest.detect import check_utf8, utf16_error
    from reviewer.ingest.pipeline import _not_regular

    problem = _not_regular(path)
    if problem is not None:
        raise InputError(str(path), problem)
    bad = utf16_error(path) or check_utf8(path)
    if bad is not None:
        raise bad
    return path.read_text(encoding="utf-8-sig")


@click.command()
@click.option("--claim", required=True, callback=_nonempty, help="The claim sentence to check.")
@click.option("--paper", "papers", multiple=True, required=True, help="Paper id or citation key (repeatable).")
@click.option("--llm", "use_llm", is_flag=True, help="Use the LLM judge (needs a configured endpoint).")
@click.option("--json", "as_json", is_flag=True, help="Print the verdict as JSON.")
def verify(claim: str, papers: tuple[str, ...], use_llm: bool, as_json: bool) -> None:
    """Check one claim against the abstracts of the given papers: SUPPORTED, CONTRADICTED or UNSUPPORTED.

    Exits 0 for SUPPORTED and 1 otherwise, like `check`.
    """
    import sys

    from reviewer.catalog import Catalog
    from reviewer.checker import ClaimChecker
    from reviewer.errors import ConfigError
    from reviewer.ingest.pipeline import ensure_ready
    from reviewer.services import make_llm
    from reviewer.settings import Settings
    from reviewer.termsafe import echo, sanitize_json

    settings = Settings()
    ensure_ready(settings)
    llm = make_llm(settings) if use_llm else None
    if use_llm and llm is None:
        raise ConfigError("--llm needs an endpoint", hint="set OPENAI_API_KEY or REVIEWER_LLM_BASE_URL")
    with Catalog(settings.catalog_path) as catalog:
        resolved = [catalog.resolve(p) for p in papers]
    verdict = ClaimChecker(settings, llm=llm).check(claim, resolved)
    if as_json:
        click.echo(sanitize_json(verdict.model_dump_json(indent=2)))
    else:
        click.echo(_verdict_line(verdict.label, verdict.score, claim))
        for ev in verdict.evidence:
            echo(f"  evidence [@{ev.key}] (s{ev.index}): {ev.text}")
        for reason in verdict.reasons:
            echo(f"  - {reason}")
    if verdict.label != "SUPPORTED":
        sys.exit(1)


@click.command()
@click.argument("report", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print per-sentence verdicts and totals as JSON.")
@click.option("--llm", "use_llm", is_flag=True, help="Use the LLM judge (needs a configured endpoint).")
def check(report: Path, as_json: bool, use_llm: bool) -> None:
    """Check every cited sentence of a markdown report (or answer) against the abstracts it cites.

    Uses the same checker the survey pipeline runs before it prints. Exits 1 if any sentence is
    unsupported, contradicted or cites an unknown key.
    """
    import sys

    from reviewer.checker import ClaimChecker
    from reviewer.checker.report import check_text, prose_of_report
    from reviewer.ingest.pipeline import ensure_ready
    from reviewer.services import make_llm
    from reviewer.settings import Settings
    from reviewer.termsafe import sanitize, sanitize_json

    text = prose_of_report(_read_report(report))  # a bad file fails before any work
    settings = Settings()
    ensure_ready(settings)
    llm = make_llm(settings) if use_llm else None
    result = check_text(text, settings, source=str(report), checker=ClaimChecker(settings, llm=llm))
    if as_json:
        click.echo(sanitize_json(result.model_dump_json(indent=2)))
    else:
        for c in result.checks:
            line = _verdict_line(c.label, c.score, c.sentence[:160])
            if c.invalid_keys:
                line += click.style(f"  unknown keys: {sanitize(', '.join(c.invalid_keys))}", fg="red")
            click.echo(line)
        s = result.scores
        click.echo(
            f"\n{s.cited_sentences} cited sentences: {s.supported} supported, {s.contradicted} contradicted, "
            f"{s.unsupported} unsupported; citation recall {s.citation_recall:.3f}, precision "
            f"{s.citation_precision:.3f}, invalid keys {s.invalid_key_share:.3f}"
        )
    s = result.scores
    if s.contradicted or s.unsupported or s.invalid_key_share:
        sys.exit(1)


@click.group("eval")
def eval_group() -> None:
    """Measure retrieval, claim checking and citation quality (results as JSON + a table)."""


@eval_group.command("retrieval")
@click.option("--subset", type=click.IntRange(min=1), default=None, help="Only the first N judged dev claims (+ distractors).")
@click.option("--docs", type=click.IntRange(min=1), default=300, show_default=True, help="Corpus size with --subset.")
@click.option("--out", type=click.Path(path_type=Path), help="Where to write the JSON result.")
def eval_retrieval(subset: int | None, docs: int, out: Path | None) -> None:
    """nDCG@10, recall@100 and MRR@10 of dense, BM25 and hybrid search on SciFact dev.

    The SciFact corpus is indexed once into REVIEWER_HOME/evals/scifact[-subset] and reused.
    """
    from evals.retrieval import run_retrieval_eval
    from reviewer.settings import Settings

    base = Settings()
    home = base.evals_dir / ("scifact" if subset is None else f"scifact-{subset}-{docs}")
    settings = base.model_copy(update={"home": home, "chroma_url": None})
    result = run_retrieval_eval(settings, n_claims=subset, n_docs=docs)
    click.echo(f"SciFact dev: {result.n_queries} queries over {result.n_docs} abstracts ({result.embedding})")
    click.echo(f"{'retriever':<9} {'nDCG@10':>8} {'R@100':>7} {'MRR@10':>7} {'ms/q':>7}")
    for mode, s in result.scores.items():
        click.echo(f"{mode:<9} {s.ndcg_at_10:>8.4f} {s.recall_at_100:>7.4f} {s.mrr_at_10:>7.4f} {s.ms_per_query:>7.1f}")
    click.echo(f"result: {_write_result('retrieval', result.model_dump_json(indent=2), out)}")


@eval_group.command("claims")
@click.option("--mode", type=click.Choice(["offline", "llm"]), default="offline", show_default=True)
@click.option("--limit", type=int, default=None, help="Only the first N dev claims.")
@click.option("--nei", type=click.Choice(["retrieved", "cited"]), default="retrieved", show_default=True,
              help="Check no-evidence claims against the top BM25 abstract, or against SciFact's cited ones.")
@click.option("--set", "which", type=click.Choice(["scifact", "seeds", "seeds-test", "seeds-blind", "seeds-fresh", "seeds-final", "seeds-hidden", "seeds-sealed", "seeds-probe", "seeds-vault", "seeds-swapdev", "seeds-ward", "seeds-moor", "seeds-quay", "seeds-pier", "seeds-dock", "seeds-berth", "seeds-jetty", "seeds-wharf", "seeds-slip", "seeds-marina", "seeds-groyne", "seeds-weir", "seeds-sluice", "seeds-lock", "seeds-canal"]), default="scifact",
              show_default=True, help="scifact: SciFact dev + the synthetic test split; seeds: hand-written claims "
              "about the seed abstracts (dev split); seeds-test: their held-out papers; seeds-blind / seeds-fresh: "
              "splits on further papers, scored only before and after a round of changes; seeds-sealed: scored once; "
              "seeds-probe: background passed as a finding and entity swaps on further papers; seeds-vault: held out, "
              "entity swaps and background (its development split: seeds-swapdev).")
@click.option("--out", type=click.Path(path_type=Path), help="Where to write the JSON result.")
def eval_claims(mode: str, limit: int | None, nei: str, which: str, out: Path | None) -> None:
    """Claim checker on SciFact dev (accuracy, macro-F1, per-class P/R, confusion) and, offline, on the
    synthetic perturbation test split, one accuracy per family (evals/datasets/synthetic/test.jsonl);
    with --set seeds, on hand-written claims about the seeds (evals/datasets/seed_claims_*.jsonl)."""
    from reviewer.checker import ClaimChecker
    from reviewer.errors import ConfigError
    from reviewer.services import make_llm
    from reviewer.settings import Settings

    settings = Settings()
    llm = make_llm(settings) if mode == "llm" else None
    if mode == "llm" and llm is None:
        raise ConfigError("--mode llm needs an endpoint", hint="set OPENAI_API_KEY or REVIEWER_LLM_BASE_URL")
    if which != "scifact":
        from evals.seed_claims import format_seed_claims, run_seed_claims_eval

        seeds = run_seed_claims_eval(ClaimChecker(settings, llm=llm),
                                     {"seeds-test": "test", "seeds-blind": "blind", "seeds-fresh": "fresh", "seeds-final": "final", "seeds-hidden": "hidden", "seeds-sealed": "sealed", "seeds-probe": "probe", "seeds-vault": "vault", "seeds-swapdev": "swapdev", "seeds-ward": "ward", "seeds-moor": "moor", "seeds-quay": "quay", "seeds-pier": "pier", "seeds-dock": "dock", "seeds-berth": "berth", "seeds-jetty": "jetty", "seeds-wharf": "wharf", "seeds-slip": "slip", "seeds-marina": "marina", "seeds-groyne": "groyne", "seeds-weir": "weir", "seeds-sluice": "sluice", "seeds-lock": "lock", "seeds-canal": "canal"}.get(which, "dev"))  # type: ignore[arg-type]
        click.echo(format_seed_claims(seeds))
        click.echo(f"result: {_write_result('claims-seeds', seeds.model_dump_json(indent=2), out)}")
        return
    from evals.claims import format_result, run_claims_eval

    result = run_claims_eval(settings, mode, limit, llm=llm, nei=nei)  # type: ignore[arg-type]
    click.echo(format_result(result))
    click.echo(f"result: {_write_result('claims', result.model_dump_json(indent=2), out)}")


@eval_group.command("citations")
@click.option("--limit", type=int, default=None, help="Only the first N questions and N survey topics.")
@click.option("--out", type=click.Path(path_type=Path), help="Where to write the JSON result.")
def eval_citations(limit: int | None, out: Path | None) -> None:
    """ALCE-style citation recall/precision and invalid keys of `ask` answers and `survey` reports on the seeds."""
    from evals.citations import run_citation_eval
    from reviewer.settings import Settings

    result = run_citation_eval(Settings(), limit=limit)
    click.echo(f"mode: {result.mode}")
    click.echo(f"{'output':<7} {'sent.':>6} {'cited':>6} {'recall':>7} {'precision':>9} {'invalid':>8}")
    for name, s in (("ask", result.ask), ("survey", result.survey)):
        click.echo(f"{name:<7} {s.sentences:>6} {s.cited_sentences:>6} {s.citation_recall:>7.3f} "
                   f"{s.citation_precision:>9.3f} {s.invalid_key_share:>8.3f}")
    click.echo(f"control: the same {result.control_sentences} sentences citing another paper of the same output: "
               f"recall {result.control_recall:.3f}")
    click.echo(f"result: {_write_result('citations', json.dumps(result.model_dump(), indent=2), out)}")


@eval_group.command("survey")
@click.option("--limit", type=int, default=None, help="Only the first N dev topics.")
@click.option("--set", "which", type=click.Choice(["dev", "holdout", "fresh", "themes2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20",
                                                        "blind21", "blind23"]), default="dev",
              show_default=True, help="dev: the topics selection was developed on; holdout: 3 topics written "
              "before, checked after; fresh: 10 topics written before the aboutness selection, scored before and after; themes2: 8 topics written to check theme titles; blind3: 8 topics written before the facet selection, scored before and after; blind4: 6 topics written before the theme re-titling (s10j), scored before and after; blind5: 7 topics written before the relevance anchors (s11), scored before and after; blind6: 7 topics written before the reading fixes of t11, scored before and after; blind7: 7 topics written before the reading fixes of t13, scored before and after; blind8: 7 topics written before the selection change of s17, scored before and after; blind9: 7 topics written before the selection work of s18, scored before and after; blind10: 7 topics written before the selection work of s20, scored before and after; blind11: 7 topics written before the reading fixes of t20, scored before and after; blind12: 7 topics written before the theme-fit work of t22, scored before and after; blind13: 7 topics written before the selection work of s21, scored before and after; blind14: 8 topics written before the selection work of s22, scored before and after; blind15: 8 topics written before the reader's check of t23, scored before and after; blind16: 6 topics written before the facet-query work of s23, scored before and after; blind17: 5 topics written before the admission work of s24, scored before and after; blind18: 6 topics written before the paraphrase-stability query work of s25, scored before and after; blind19: 7 topics written before the theme/aside work of h25, scored before and after; blind20: 7 topics written before the selection work of s26, scored once (no selection change kept); "
              "blind21: 7 topics written before the reading work of h26, scored before and after; "
              "blind23: 7 topics written before the theme work of h27, scored before and after.")
@click.option("--out", type=click.Path(path_type=Path), help="Where to write the JSON result.")
def eval_survey(limit: int | None, which: str, out: Path | None) -> None:
    """Offline survey quality on the dev topics: recall/precision/stability of the cited papers, quote
    roles and anaphora, template openers, table fill, markup, theme titles, wall time."""
    from evals.survey import (
        BLIND3_SET,
        BLIND4_SET,
        BLIND5_SET,
        BLIND6_SET,
        BLIND7_SET,
        BLIND8_SET,
        BLIND9_SET,
        BLIND10_SET,
        BLIND11_SET,
        BLIND12_SET,
        BLIND13_SET,
        BLIND14_SET,
        BLIND15_SET,
        BLIND16_SET,
        BLIND17_SET,
        BLIND18_SET,
        BLIND19_SET,
        BLIND20_SET,
        BLIND21_SET,
        BLIND23_SET,
        DEV_SET,
        FRESH_SET,
        HOLDOUT_SET,
        THEMES2_SET,
        dumps,
        format_result,
        run_survey_eval,
    )
    from reviewer.settings import Settings

    path = {"dev": DEV_SET, "holdout": HOLDOUT_SET, "fresh": FRESH_SET, "themes2": THEMES2_SET,
            "blind3": BLIND3_SET, "blind4": BLIND4_SET, "blind5": BLIND5_SET,
            "blind6": BLIND6_SET, "blind7": BLIND7_SET, "blind8": BLIND8_SET,
            "blind9": BLIND9_SET, "blind10": BLIND10_SET, "blind11": BLIND11_SET, "blind12": BLIND12_SET, "blind13": BLIND13_SET, "blind14": BLIND14_SET, "blind15": BLIND15_SET, "blind16": BLIND16_SET, "blind17": BLIND17_SET, "blind18": BLIND18_SET, "blind19": BLIND19_SET, "blind20": BLIND20_SET,
            "blind21": BLIND21_SET, "blind23": BLIND23_SET}[which]
    result = run_survey_eval(Settings(), limit=limit, path=path)
    click.echo(format_result(result))
    click.echo(f"result: {_write_result('survey', dumps(result), out)}")
@eval_group.command("ask")
@click.option("--limit", type=int, default=None, help="Only the first N dev questions.")
@click.option("--set", "which", type=click.Choice(["dev", "holdout", "fresh", "blind", "defs", "new", "para", "para2", "para3", "para4", "para5", "para6", "para7", "para8", "para9", "para10", "para11", "para12", "para13", "para14", "para15", "para16", "para17", "para18", "para19", "para20", "para21", "para22", "refuse"]), default="dev",
              show_default=True, help="dev: the 40 questions rules were developed on; holdout: 16 questions written "
              "before, checked after; fresh: 8 more written from the seeds before the lead-sentence rules; blind: 16 "
              "mechanism/definition/comparison/number questions written before the lead-opener rules; defs: 11 'what is X' "
              "and list questions on widely used terms, written before the defining-sentence rules; new: 14 definition/mechanism/list questions on seed papers no other set uses; para: 16 paraphrased questions on further unused seed papers, written before the follow-up 7 rules; para2: 23 + 5 paraphrased yes/no, two-part, compared-with and problem-naming questions on further unused seed papers, written before the follow-up 8 rules; para3: 21 + 3 paraphrased questions (yes/no, why, which, what goes wrong, comparisons) on further unused seed papers, written before the follow-up 10 rules; para4: 10 + 1 more, written after them as a check; para5: 10 paraphrased questions on further unused seed papers, written before the follow-up 11 rules (blind); para6: 17 paraphrased questions on further unused seed papers, written before the follow-up 12 rules (blind for round 1); para7: 12 more, written after round 1 of the follow-up 12 rules (blind for round 2); para8: 16 more on further unused seed papers, written before the follow-up 13 rules (blind); para9: 20 more on further unused seed papers, written before the follow-up 14 changes (read during them); para10: 13 more, written after the first two follow-up 14 changes (read for the third); para11: 12 more, written after all of them (blind); para12: 16 + 3 more on further unused seed papers, written before the follow-up 15 changes (blind); para13: 16 + 3 more on further unused seed papers, written before the follow-up 16 changes (blind); para14: 16 + 3 more on further unused seed papers, written before the follow-up 17 changes (blind); para15: 16 + 3 more on the last 16 seed papers no earlier set uses, written before the follow-up 18 changes (blind); para16: 16 + 3 more on seed papers earlier sets use once, written before the follow-up 20 changes (blind); para17: 16 + 3 more on seed papers earlier sets use once, written before the follow-up 21 changes (blind); para18: 16 + 3 more on seed papers earlier sets use once, written before the follow-up 22 changes (blind); para19: 16 + 3 more on seed papers earlier sets use once, written before the follow-up 23 changes (blind); para20: 16 + 3 more on seed papers earlier sets use once, written before the follow-up 24 changes (blind); para21: 16 + 3 more on seed papers earlier sets use once, written before the follow-up 25 changes (blind); para22: 16 + 3 more on seed papers earlier sets use once, written before the follow-up 26 changes (blind); refuse: 17 short yes/no paraphrases naming corpus methods and 22 unanswerable near-domain questions (real names with an off-topic or unstated predicate, uncovered topics).")
@click.option("--out", type=click.Path(path_type=Path), help="Where to write the JSON result.")
def eval_ask(limit: int | None, which: str, out: Path | None) -> None:
    """Does `ask` cite the right paper, lead with an answer and refuse unknown names? (evals/datasets/ask_*.jsonl)"""
    from evals.ask import (
        BLIND,
        DEFS,
        DEV,
        FRESH,
        HOLDOUT,
        NEW,
        PARA,
        PARA2,
        PARA3,
        PARA4,
        PARA5,
        PARA6,
        PARA7,
        PARA8,
        PARA9,
        PARA10,
        PARA11,
        PARA12,
        PARA13,
        PARA14,
        PARA15,
        PARA16,
        PARA17,
        PARA18,
        PARA19,
        PARA20,
        PARA21,
        PARA22,
        REFUSE,
        dumps,
        format_result,
        run_ask_eval,
    )
    from reviewer.settings import Settings

    path = {"dev": DEV, "holdout": HOLDOUT, "fresh": FRESH, "blind": BLIND, "defs": DEFS, "new": NEW, "para": PARA,
            "para2": PARA2, "para3": PARA3, "para4": PARA4, "para5": PARA5, "para6": PARA6, "para7": PARA7, "para8": PARA8, "para9": PARA9, "para10": PARA10, "para11": PARA11, "para12": PARA12, "para13": PARA13, "para14": PARA14, "para15": PARA15, "para16": PARA16, "para17": PARA17, "para18": PARA18, "para19": PARA19, "para20": PARA20, "para21": PARA21, "para22": PARA22,
            "refuse": REFUSE}[which]
    result = run_ask_eval(Settings(llm_offline=True), path=path, limit=limit)
    click.echo(format_result(result))
    click.echo(f"result: {_write_result('ask', dumps(result), out)}")


def register(cli: click.Group) -> None:
    cli.add_command(verify)
    cli.add_command(check)
    cli.add_command(eval_group)
