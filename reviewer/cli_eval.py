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


def _claims_split(which: str) -> str:
    """`seeds` is the dev split of the hand-written seed claims, `seeds-NAME` the split NAME."""
    if which != "seeds" and not which.startswith("seeds-"):
        raise click.BadParameter(f"{which!r}: use scifact, seeds or seeds-NAME", param_hint="'--set'")
    return "dev" if which == "seeds" else which.removeprefix("seeds-")


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
@click.option("--set", "which", default="scifact", show_default=True, metavar="NAME",
              help="scifact: SciFact dev + the synthetic test split; seeds: hand-written claims about the seed "
              "abstracts (evals/datasets/seed_claims_dev.jsonl); seeds-NAME: evals/datasets/seed_claims_NAME.jsonl. "
              "`reviewer eval sets claims` lists them.")
@click.option("--out", type=click.Path(path_type=Path), help="Where to write the JSON result.")
def eval_claims(mode: str, limit: int | None, nei: str, which: str, out: Path | None) -> None:
    """Claim checker on SciFact dev (accuracy, macro-F1, per-class P/R, confusion) and, offline, on the
    synthetic perturbation test split, one accuracy per family (evals/datasets/synthetic/test.jsonl);
    with --set seeds, on hand-written claims about the seeds (evals/datasets/seed_claims_*.jsonl)."""
    from reviewer.checker import ClaimChecker
    from reviewer.errors import ConfigError
    from reviewer.services import make_llm
    from reviewer.settings import Settings

    split = None if which == "scifact" else _claims_split(which)
    settings = Settings()
    llm = make_llm(settings) if mode == "llm" else None
    if mode == "llm" and llm is None:
        raise ConfigError("--mode llm needs an endpoint", hint="set OPENAI_API_KEY or REVIEWER_LLM_BASE_URL")
    if split is not None:
        from evals.seed_claims import format_seed_claims, run_seed_claims_eval
        from evals.sets import path

        path("claims", split)  # an unknown split is a usage error before any work

        seeds = run_seed_claims_eval(ClaimChecker(settings, llm=llm), split)
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
@click.option("--set", "which", default="dev", show_default=True, metavar="NAME",
              help="The topics of evals/datasets/survey_NAME.jsonl; `reviewer eval sets survey` lists them.")
@click.option("--out", type=click.Path(path_type=Path), help="Where to write the JSON result.")
def eval_survey(limit: int | None, which: str, out: Path | None) -> None:
    """Offline survey quality on the dev topics: recall/precision/stability of the cited papers, quote
    roles and anaphora, template openers, table fill, markup, theme titles, wall time."""
    from evals.sets import path as set_path
    from evals.survey import dumps, format_result, run_survey_eval
    from reviewer.settings import Settings

    path = set_path("survey", which)
    result = run_survey_eval(Settings(), limit=limit, path=path)
    click.echo(format_result(result))
    click.echo(f"result: {_write_result('survey', dumps(result), out)}")
@eval_group.command("ask")
@click.option("--limit", type=int, default=None, help="Only the first N dev questions.")
@click.option("--set", "which", default="dev", show_default=True, metavar="NAME",
              help="The questions of evals/datasets/ask_NAME.jsonl; `reviewer eval sets ask` lists them.")
@click.option("--out", type=click.Path(path_type=Path), help="Where to write the JSON result.")
def eval_ask(limit: int | None, which: str, out: Path | None) -> None:
    """Does `ask` cite the right paper, lead with an answer and refuse unknown names? (evals/datasets/ask_*.jsonl)"""
    from evals.ask import dumps, format_result, run_ask_eval
    from evals.sets import path as set_path
    from reviewer.settings import Settings

    path = set_path("ask", which)
    result = run_ask_eval(Settings(llm_offline=True), path=path, limit=limit)
    click.echo(format_result(result))
    click.echo(f"result: {_write_result('ask', dumps(result), out)}")


@eval_group.command("sets")
@click.argument("kind", required=False, type=click.Choice(["survey", "ask", "claims", "table"]))
def eval_sets(kind: str | None) -> None:
    """List the eval sets (evals/datasets/), with how each was written and used (evals/datasets/sets.toml)."""
    from evals.sets import KINDS, descriptions

    for k in (kind,) if kind else KINDS:
        click.echo(f"{k}:")
        for name, text in descriptions(k).items():  # type: ignore[arg-type]
            click.echo(f"  {name:<10} {text}".rstrip())


def register(cli: click.Group) -> None:
    cli.add_command(verify)
    cli.add_command(check)
    cli.add_command(eval_group)
