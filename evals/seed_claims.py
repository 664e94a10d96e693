"""Hand-written claims about the seed abstracts: the checker on claims a human reviewer would write.

    python -m evals.seed_claims                # dev split (the one rules were developed on)
    python -m evals.seed_claims --split test   # held-out papers, run only to report
    python -m evals.seed_claims --split blind  # further papers (no dev/test paper), scored before/after only
    python -m evals.seed_claims --split fresh  # papers no other split uses; scored only before and after
    python -m evals.seed_claims --split final  # comparisons/directions on unused papers; scored, errors unread
    python -m evals.seed_claims --split hidden # 16 further unused papers, every family incl. entity swaps,
                                               # strengthened hedges and quoted background; scored before/after only
    python -m evals.seed_claims --split sealed # 16 further unused papers, every family; sealed: scored once only
    python -m evals.seed_claims --split roles  # unused papers: background passed as a finding, entities swapped,
                                               # each with faithful twins (development set for those two rules)
    python -m evals.seed_claims --split probe  # 19 unused papers, every family, weighted to background-as-finding
                                               # and entity swaps (issue 12, ninth pass: scored before, then developed on)
    python -m evals.seed_claims --split vault  # 14 unused papers, weighted to entity swaps and background quoted as a
                                               # finding; held out (issue 12, eleventh pass: errors unread until the end)
    python -m evals.seed_claims --split swapdev  # further unused papers: entity swaps and background with twins;
                                                 # the development split of that pass
    python -m evals.seed_claims --split ward   # 14 unused papers, every family; held out (issue 12, twelfth pass:
                                               # scored once before any rule and once at the end, errors unread)
    python -m evals.seed_claims --split moor   # 13 unused papers, every family; held out (issue 12, thirteenth
                                               # pass: scored before any rule and at the end; errors read after that)
    python -m evals.seed_claims --split quay   # 14 unused papers, every family; held out (issue 12, fourteenth pass:
                                               # the seed splits as fitting data, scored before and at the end only)
    python -m evals.seed_claims --split pier   # 11 unused papers, every family, weighted to comparison reversals and
                                               # entity swaps; held out (issue 12, fifteenth pass: scored before/after)
    python -m evals.seed_claims --split dock   # 13 unused papers, every family; held out and blind (issue 12, sixteenth
                                               # pass: scored once before any change and once at the end, errors unread)
    python -m evals.seed_claims --split berth  # 9 unused papers, every family, weighted to hard faithful paraphrases;
                                               # held out and blind (issue 12, seventeenth pass: errors unread)
    python -m evals.seed_claims --split jetty  # 13 unused papers, every family, mixed like the hidden set; held out
                                               # and blind (issue 12, nineteenth pass: scored before/after only)
    python -m evals.seed_claims --split wharf  # 13 unused papers, every family, mixed like the hidden set; held out
                                               # and blind (issue 12, twentieth pass: scored before/after only)
    python -m evals.seed_claims --split slip   # 9 unused papers, every family, mixed like the hidden set; held out
                                               # and blind (issue 12, twenty-first pass: scored before/after only)
    python -m evals.seed_claims --split marina # 14 unused papers, weighted to faithful paraphrases and UNSUPPORTED
                                               # near-misses; held out and blind (branch c21: scored before/after only)
    python -m evals.seed_claims --split groyne # 13 unused papers, weighted to contradictions (multiples, bounds,
                                               # quantifiers, swapped parts); held out and blind (issue 12, c20)
    python -m evals.seed_claims --split weir   # 18 unused papers, every family, mixed like the hidden set; held out
                                               # and blind (issue 12, c22: scored once before, once after)
    python -m evals.seed_claims --split sluice # 28 papers no other split used, every family, some verbatim quotes as
                                               # SUPPORTED; held out and blind (issue 12, c23: scored before/after)
    python -m evals.seed_claims --split lock   # 18 seed papers earlier splits use least (1-2 claims each), mixed like
                                               # the hidden set, weighted to paraphrased contradictions; held out and
                                               # blind (issue 12, c25: scored once before, once after)
    python -m evals.seed_claims --split canal  # 16 seed papers earlier splits use least (2-3 claims each, none in lock),
                                               # every family, weighted to exchanged roles; held out and blind
                                               # (issue 12, c26: the learned model's held-out set, scored once each)
    python -m evals.seed_claims --split basin  # 16 seed papers earlier splits use least (2-3 claims each, none in lock
                                               # or canal), every family, mostly paraphrased; held out and blind
                                               # (issue 12, c27: scored once before, once after)
    python -m evals.seed_claims --split delta  # 16 seed papers earlier splits use least (3 claims each, none in lock,
                                               # canal or basin), every family, mostly paraphrased; held out and
                                               # blind (issue 12, c28: scored once before, once after)
    python -m evals.seed_claims --split estuary  # 16 seed papers earlier splits use least (3-4 claims each, none in
                                                 # lock, canal, basin or delta), every family, mostly paraphrased;
                                                 # held out and blind (issue 12, c29: scored once before, once after)
    python -m evals.seed_claims --split fjord  # 16 seed papers earlier splits use least (4 claims each, none in lock,
                                               # canal, basin, delta or estuary), every family, mostly paraphrased;
                                               # held out and blind (issue 12, c30: scored once before, once after)
    python -m evals.seed_claims --split lagoon # 12 seed papers earlier splits use least (4 claims each, none in lock,
                                               # canal, basin, delta, estuary or fjord), every family, 48 claims;
                                               # held out and blind (issue 12, c31: scored once before, once after)
    python -m evals.seed_claims --split marsh  # 12 seed papers used least over every split (4 claims each, none in
                                               # a reused split), every family, 48 claims, 7 entity swaps; held out
                                               # and blind (issue 12, c33: scored once before, once after)
    python -m evals.seed_claims --split tarn   # 16 seed papers used least over every split (4 claims each, none in
                                               # a reused split), every family, 64 claims; held out and blind
                                               # (issue 12, c38: scored once before, once after)

`evals/datasets/seed_claims_{dev,test}.jsonl` hold paraphrased claims about seed papers, written by
hand (not by the rules in `evals/perturb.py`, which the checker's features mirror): SUPPORTED
restatements, CONTRADICTED claims with a changed number, a reversed direction ("cuts" -> "raises"),
a flipped comparison ("A beats B" -> "B beats A"), a negation or a quantifier, and UNSUPPORTED claims
the abstract does not speak to. The test split uses other papers than dev. Each claim is checked
against its one cited abstract; the report gives per-family accuracy and the 3x3 confusion.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from evals import sets
from evals.metrics import confusion_lines
from reviewer.checker.types import LABELS, Label
from reviewer.models import Paper
from reviewer.settings import Settings

DATA = Path(__file__).resolve().parent / "datasets"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# A split is the name NAME of evals/datasets/seed_claims_NAME.jsonl (evals/sets.py finds them by file name).
Split = str


class SeedClaim(BaseModel):
    """One hand-written claim, the seed paper it cites (key and exact title) and its gold label."""

    id: str
    paper: str
    title: str
    label: Label
    family: Literal["supported", "number", "direction", "comparison", "negation", "quantifier", "unsupported",
                    "entity", "hedge", "background"]
    claim: str


class SeedClaimsResult(BaseModel):
    dataset: str
    n_claims: int
    accuracy: float
    labels: list[str] = Field(default_factory=lambda: list(LABELS))
    confusion: list[list[int]] = Field(description="Rows = gold, columns = predicted, in `labels` order.")
    families: dict[str, dict[str, float]] = Field(description="Per family: n, accuracy, predicted counts.")
    contradicted_called_supported: int
    ms_per_claim: float
    errors: list[dict[str, str]] = Field(default_factory=list)


def load_rows(split: Split, root: Path = DATA) -> list[SeedClaim]:
    path = sets.path("claims", split, root)
    return [SeedClaim.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def seed_papers_by_title(seeds: Path = SEEDS) -> dict[str, Paper]:
    """Seed abstracts by exact title (the first record of a title wins, as ingest keeps it)."""
    from reviewer.ingest.parse import parse_file
    from reviewer.models import PaperRecord

    out: dict[str, Paper] = {}
    for path in sorted(seeds.iterdir()):
        for rec in parse_file(path):
            if isinstance(rec, PaperRecord) and rec.abstract and rec.title not in out:
                out[rec.title] = Paper(id=f"seed{len(out)}", key=f"seed{len(out)}", title=rec.title,
                                       abstract=rec.abstract)
    return out


def run_seed_claims_eval(checker: object, split: Split = "dev") -> SeedClaimsResult:
    """Check every claim of `split` against its cited seed abstract with `checker` (a ClaimChecker)."""
    from evals.claims import accuracy, confusion

    rows = load_rows(split)
    papers = seed_papers_by_title()
    gold, pred = [], []
    by_family: dict[str, list[tuple[str, str]]] = defaultdict(list)
    errors = []
    started = time.perf_counter()
    for r in rows:
        paper = papers[r.title]
        label = checker.check(r.claim, [paper.model_copy(update={"key": r.paper})]).label  # type: ignore[attr-defined]
        gold.append(r.label)
        pred.append(label)
        by_family[r.family].append((r.label, label))
        if label != r.label:
            errors.append({"id": r.id, "family": r.family, "gold": r.label, "predicted": label, "claim": r.claim})
    seconds = time.perf_counter() - started
    families: dict[str, dict[str, float]] = {}
    for fam, pairs in sorted(by_family.items()):
        families[fam] = {"n": float(len(pairs)), "accuracy": round(sum(g == p for g, p in pairs) / len(pairs), 4),
                         **{f"predicted_{k}": float(v) for k, v in Counter(p for _, p in pairs).items()}}
    return SeedClaimsResult(
        dataset=f"seed-claims-{split}",
        n_claims=len(rows),
        accuracy=round(accuracy(gold, pred), 4),
        confusion=confusion(gold, pred),
        families=families,
        contradicted_called_supported=sum(g == "CONTRADICTED" and p == "SUPPORTED" for g, p in zip(gold, pred, strict=True)),
        ms_per_claim=round(1000 * seconds / max(1, len(rows)), 2),
        errors=errors,
    )


def format_seed_claims(result: SeedClaimsResult, show_errors: bool = False) -> str:
    lines = [
        f"{result.dataset} ({result.n_claims} hand-written claims): accuracy {result.accuracy:.3f}; "
        f"contradicted called SUPPORTED: {result.contradicted_called_supported}; {result.ms_per_claim:.1f} ms/claim",
    ]
    lines += confusion_lines(result.labels, result.confusion)
    for fam, s in result.families.items():
        pred = ", ".join(f"{k.removeprefix('predicted_')[:4]} {int(v)}" for k, v in sorted(s.items())
                         if k.startswith("predicted_"))
        lines.append(f"  {fam:<12} n={int(s['n']):<3} acc {s['accuracy']:.3f}   ({pred})")
    if show_errors:
        for e in result.errors:
            lines.append(f"  x {e['id']} {e['family']:<11} gold {e['gold'][:4]} got {e['predicted'][:4]}: {e['claim']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    from evals.claims import DEFAULT_HOME
    from reviewer.checker import ClaimChecker

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=sets.names("claims"), default="dev")
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME, help="vector cache directory")
    parser.add_argument("--errors", action="store_true", help="list the claims the checker gets wrong")
    parser.add_argument("--json", type=Path, default=None, help="also write the result as JSON here")
    args = parser.parse_args(argv)
    result = run_seed_claims_eval(ClaimChecker(Settings(home=args.home)), args.split)
    print(format_seed_claims(result, args.errors))
    if args.json:
        args.json.write_text(json.dumps(result.model_dump(), indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
