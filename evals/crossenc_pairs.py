"""(claim, evidence, label) pairs for the cross-encoder, built with the checker's own evidence choice.

    python -m evals.crossenc_pairs --home /tmp/h      # writes evals/datasets/crossenc/pairs.jsonl

The evidence of a pair is what `evals/crossenc.py` feeds the model (as the run-time wiring did): the three
sentences the checker aligns best with the (cleaned) claim, best first. Rows:
* TRAINING (`use` = "train"): SciFact TRAIN claims against their gold evidence documents, NEI claims
  both against their cited documents (what `evals/fit_checker.py` featurises) and against the top BM25
  abstract of the corpus (what `reviewer eval claims` does on dev); SUPPORT/CONTRADICT claims once more
  with their gold rationale sentences as evidence; the synthetic TRAIN split (evals/synthetic.py).
* EVALUATION ONLY (`use` = "eval"): SciFact dev (as `reviewer eval claims` builds it), the synthetic
  test split and the seed-claim splits. Never trained on.
`fold` (0/1) splits the training rows in two by SciFact claim position / synthetic paper hash, so the
combiner can be fitted on out-of-fold model outputs (evals/train_crossencoder.py).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from pydantic import BaseModel

from evals.claims import DATA as SCIFACT
from evals.claims import DEFAULT_HOME, GOLD_MAP, load_claims, load_papers
from evals.crossenc import evidence_text, pair_key
from reviewer.checker.claimtext import title_authors_as_we
from reviewer.checker.features import clean_claim
from reviewer.models import Paper
from reviewer.settings import Settings

OUT = Path(__file__).resolve().parent / "datasets" / "crossenc" / "pairs.jsonl"


class Pair(BaseModel):
    key: str  # sha1 of claim + evidence as the checker sees them: how fit_checker finds out-of-fold outputs
    source: str
    use: str  # train / eval
    fold: int
    label: str
    claim: str
    evidence: str


def _checked(checker, claim: str, papers: list[Paper]) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    analysis, items = checker.analyse(claim, papers)
    cleaned = clean_claim(title_authors_as_we(claim, [p.title for p in papers]))
    return cleaned, evidence_text([s.text for s in items], analysis.order)


def build(settings: Settings) -> list[Pair]:
    from evals.seed_claims import load_rows, seed_papers_by_title
    from evals.synthetic import load as load_synth
    from reviewer.checker.offline import OfflineChecker

    checker = OfflineChecker(settings)
    papers = load_papers()
    out: list[Pair] = []

    def add(source: str, use: str, fold: int, label: str, claim: str, docs: list[Paper]) -> None:
        c, e = _checked(checker, claim, docs)
        out.append(Pair(key=pair_key(c, e), source=source, use=use, fold=fold, label=label, claim=c, evidence=e))

    raw = {int(r["id"]): r for r in (json.loads(x) for x in (SCIFACT / "claims_train.jsonl").read_text().splitlines())}
    cited = load_claims("train", nei="cited")
    retrieved = {c.id: c for c in load_claims("train", nei="retrieved", papers=papers)}
    for pos, c in enumerate(cited):
        fold = pos % 2
        add("scifact-train", "train", fold, c.label, c.claim, [papers[d] for d in c.doc_ids])
        if c.label == "UNSUPPORTED":
            r = retrieved[c.id]
            if r.doc_ids != c.doc_ids:
                add("scifact-train-retrieved", "train", fold, c.label, c.claim, [papers[d] for d in r.doc_ids])
            continue
        for doc, items in raw[c.id]["evidence"].items():  # gold rationale sentences as the evidence
            sents = sorted({i for it in items for i in it["sentences"]})
            label = GOLD_MAP[items[0]["label"]]
            text = " ".join(load_papers_sentences(papers[int(doc)])[i] for i in sents)
            cleaned = clean_claim(title_authors_as_we(c.claim, [papers[int(doc)].title]))
            out.append(Pair(key=pair_key(cleaned, text), source="scifact-train-rationale", use="train", fold=fold,
                            label=label, claim=cleaned, evidence=text))
    synth_papers, rows = load_synth("train")
    for r in rows:
        fold = int(hashlib.sha1(r.paper_id.encode()).hexdigest(), 16) % 2
        add("synthetic-train", "train", fold, r.label, r.claim, [synth_papers[r.paper_id]])
    for c in load_claims("dev", nei="retrieved", papers=papers):
        add("scifact-dev", "eval", -1, c.label, c.claim, [papers[d] for d in c.doc_ids])
    synth_papers, rows = load_synth("test")
    for r in rows:
        add(f"synthetic-test-{r.family}", "eval", -1, r.label, r.claim, [synth_papers[r.paper_id]])
    by_title = seed_papers_by_title()
    for split in ("dev", "test", "blind", "fresh", "final"):
        for s in load_rows(split):  # type: ignore[arg-type]
            add(f"seeds-{split}", "eval", -1, s.label, s.claim, [by_title[s.title]])
    return out


def load_papers_sentences(paper: Paper) -> list[str]:
    """SciFact rationale indices point into the corpus' own sentence list, kept in corpus.jsonl."""
    return _corpus_sentences()[int(paper.id)]


_SENTS: dict[int, list[str]] = {}


def _corpus_sentences() -> dict[int, list[str]]:
    if not _SENTS:
        for line in (SCIFACT / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            _SENTS[int(d["doc_id"])] = [s.strip() for s in d["abstract"]]
    return _SENTS


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME, help="vector cache directory")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    pairs = build(Settings(home=args.home))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(p.model_dump_json() + "\n" for p in pairs), encoding="utf-8")
    print(f"wrote {len(pairs)} pairs to {args.out}")


if __name__ == "__main__":
    main()
