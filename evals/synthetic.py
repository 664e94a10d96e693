"""Build, save and load the synthetic claim set made by the rules in `evals/perturb.py`.

    python -m evals.synthetic          # writes evals/datasets/synthetic/{papers,train,test}.jsonl

Sources: every seed abstract (seeds/) and a fixed sample of SciFact corpus abstracts that no SciFact dev
claim cites. A paper is a test paper when the hash of its id falls in one of TEST_SHARE buckets; rows
of either split use only papers of that split (also for the "other abstract" family).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections import Counter, defaultdict
from pathlib import Path

from pydantic import BaseModel

from evals.perturb import (
    CONTRADICTED_RULES,
    FAMILIES,
    OUT,
    OWN,
    SEED,
    SEEDS,
    TEST_SHARE,
    SynthRow,
    _terms_in,
    foreign_entity,
    paraphrase,
    strengthen_hedge,
    swap_entity,
)
from reviewer.models import Paper
from reviewer.roles import rejects_reported_view, reports_other_work, sentence_roles
from reviewer.textutil import content_stems, split_sentences

SCIFACT_SAMPLE = 400
PER_FAMILY = {"train": 220, "test": 90}


def paper_rng(split: str, key: str) -> random.Random:
    return random.Random(f"{SEED}-{split}-{key}")


def _draw_order(row: SynthRow) -> str:
    return hashlib.sha1(f"{SEED}|{row.paper_id}|{row.family}|{row.claim}".encode()).hexdigest()


def split_of(paper_id: str) -> str:
    digest = int(hashlib.sha1(paper_id.encode()).hexdigest(), 16)
    return "test" if digest % TEST_SHARE == 0 else "train"


def seed_papers() -> list[Paper]:
    from reviewer.ingest.parse import parse_file
    from reviewer.models import PaperRecord

    out: dict[str, Paper] = {}
    for path in sorted(SEEDS.iterdir()):
        for rec in parse_file(path):
            if isinstance(rec, PaperRecord) and rec.abstract:
                pid = "seed-" + hashlib.sha1(rec.title.lower().encode()).hexdigest()[:12]
                out[pid] = Paper(id=pid, key=pid, title=rec.title, abstract=rec.abstract)
    return list(out.values())


def scifact_papers(n: int = SCIFACT_SAMPLE, rest: bool = False) -> list[Paper]:
    """A fixed sample of SciFact abstracts no dev claim cites (`rest`: all the others of that kind)."""
    from evals.claims import DATA, load_papers

    dev_docs: set[int] = set()
    for line in (DATA / "claims_dev.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        dev_docs |= {int(d) for d in r["evidence"]} | {int(d) for d in r["cited_doc_ids"]}
    papers = [p for d, p in sorted(load_papers().items()) if d not in dev_docs and p.abstract]
    chosen = random.Random(SEED).sample(papers, n)
    if rest:
        ids = {p.id for p in chosen}
        chosen = [p for p in papers if p.id not in ids]
    return [p.model_copy(update={"id": f"scifact-{p.id}", "key": f"scifact{p.id}"}) for p in chosen]


def _usable(sentence: str) -> bool:
    return 8 <= len(sentence.split()) <= 60


def _nearest(paper: Paper, others: list[Paper], stems: dict[str, set[str]]) -> Paper | None:
    """The most similar other abstract (stem Jaccard): a paper on the same topic."""
    mine = stems[paper.id]
    best = max(others, key=lambda q: len(mine & stems[q.id]) / (len(mine | stems[q.id]) or 1), default=None)
    return best


def rows_for_paper(paper: Paper, rng: random.Random, neighbour: Paper | None, pool: list[str]) -> list[tuple[str, str, int, str]]:
    """(family, claim, source index, label) candidates for one paper, at most one per family."""
    sents = split_sentences(paper.abstract)
    roles = sentence_roles(sents)
    own = [i for i, (s, r) in enumerate(zip(sents, roles, strict=True)) if r in OWN and _usable(s)
           and not reports_other_work(s)]
    out: list[tuple[str, str, int, str]] = []

    def first(family: str, rule, label: str, limit: int = 1) -> None:  # type: ignore[no-untyped-def]
        order = own[:]
        rng.shuffle(order)
        for i in order:
            claim = rule(sents[i])
            if claim and claim.strip() != sents[i].strip():
                out.append((family, claim, i, label))
                limit -= 1
                if not limit:
                    return

    for family, rule in CONTRADICTED_RULES.items():
        first(family, lambda s, r=rule: r(s, rng), "CONTRADICTED", 5 if family == "comparison" else 1)
    first("entity_swap", lambda s: swap_entity(s, rng, paper.title + " " + paper.abstract), "CONTRADICTED")
    first("foreign_entity", lambda s: foreign_entity(s, rng, paper.title + " " + paper.abstract, pool),
          "UNSUPPORTED")
    first("hedge", lambda s: strengthen_hedge(s, rng), "UNSUPPORTED")
    first("paraphrase", lambda s: paraphrase(s, rng), "SUPPORTED")
    if own:
        i = rng.choice(own)
        out.append(("verbatim", sents[i], i, "SUPPORTED"))
    for i, s in enumerate(sents):
        if reports_other_work(s) and _usable(s):
            label = "CONTRADICTED" if rejects_reported_view(sents, i) else "UNSUPPORTED"
            out.append(("background", s, i, label))
            break
    if neighbour is not None:
        mine = [set(content_stems(s)) for s in sents]
        n_sents = split_sentences(neighbour.abstract)
        n_roles = sentence_roles(n_sents)
        cands = [s for s, r in zip(n_sents, n_roles, strict=True) if r in OWN and _usable(s)]
        rng.shuffle(cands)
        for s in cands:
            st = set(content_stems(s))
            if st and max(len(st & m) / len(st) for m in mine) < 0.5:
                out.append(("other_abstract", s, -1, "UNSUPPORTED"))
                break
    return out


def build() -> tuple[list[Paper], list[SynthRow]]:
    papers = seed_papers() + scifact_papers()
    by_split: dict[str, list[Paper]] = defaultdict(list)
    for p in papers:
        by_split[split_of(p.id)].append(p)
    stems = {p.id: set(content_stems(p.abstract)) for p in papers}
    rows: list[SynthRow] = []
    for split in ("train", "test"):
        group = by_split[split]
        pool = sorted({t for p in group for t in _terms_in(p.title + " " + p.abstract) if len(t) >= 3})
        candidates: dict[str, list[SynthRow]] = defaultdict(list)
        for p in group:
            source = "seed" if p.id.startswith("seed-") else "scifact"
            others = [q for q in group if q.id != p.id and q.id.startswith(source)]
            rng = paper_rng(split, p.id)  # one stream per paper: a change in one abstract stays there
            for family, claim, idx, label in rows_for_paper(p, rng, _nearest(p, others, stems), pool):
                sents = split_sentences(p.abstract)
                candidates[family].append(SynthRow(
                    id="", split=split, family=family, label=label, claim=claim, paper_id=p.id,  # type: ignore[arg-type]
                    source=sents[idx] if idx >= 0 else "", source_index=idx))
        extra = [p for p in scifact_papers(rest=True) if split_of(p.id) == split]
        for p in extra:  # comparisons are rare: scan more abstracts for that family alone
            if len(candidates["comparison"]) >= PER_FAMILY[split]:
                break
            sents = split_sentences(p.abstract)
            roles = sentence_roles(sents)
            for i, (sent, role) in enumerate(zip(sents, roles, strict=True)):
                rng = paper_rng(split, f"{p.id}-{i}")
                claim = CONTRADICTED_RULES["comparison"](sent, rng) if role in OWN and _usable(sent) else None
                if claim and claim != sent and not reports_other_work(sent):
                    candidates["comparison"].append(SynthRow(
                        id="", split=split, family="comparison", label="CONTRADICTED", claim=claim, paper_id=p.id,
                        source=sent, source_index=i))
                    papers.append(p)
                    break
        for family in FAMILIES:
            chosen = sorted(candidates[family], key=_draw_order)  # rank-stable: one candidate more or less
            # moves at most one row in or out of the sample, instead of reshuffling them all
            for k, row in enumerate(chosen[: PER_FAMILY[split]]):
                row.id = f"{split}-{family}-{k}"
                rows.append(row)
    used = {r.paper_id for r in rows}
    return [p for p in papers if p.id in used], rows


def load(split: str, root: Path = OUT) -> tuple[dict[str, Paper], list[SynthRow]]:
    """Papers by id and the rows of one split."""
    papers = {p.id: p for p in (Paper.model_validate_json(line) for line in
                                (root / "papers.jsonl").read_text(encoding="utf-8").splitlines())}
    rows = [SynthRow.model_validate_json(line) for line in
            (root / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()]
    return papers, rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    papers, rows = build()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "papers.jsonl").write_text(
        "".join(p.model_dump_json(include={"id", "key", "title", "abstract"}) + "\n" for p in papers),
        encoding="utf-8")
    for split in ("train", "test"):
        part = [r for r in rows if r.split == split]
        (args.out / f"{split}.jsonl").write_text("".join(r.model_dump_json() + "\n" for r in part), encoding="utf-8")
        print(split, len(part), dict(sorted(Counter(f"{r.family}:{r.label[:4]}" for r in part).items())))
    train_papers = {r.paper_id for r in rows if r.split == "train"}
    test_papers = {r.paper_id for r in rows if r.split == "test"}
    assert not train_papers & test_papers
    print(f"papers: train {len(train_papers)}, test {len(test_papers)}, shared 0")


if __name__ == "__main__":
    main()


class FamilyScore(BaseModel):
    label: str
    n: int
    accuracy: float
    predicted: dict[str, int]


class SyntheticResult(BaseModel):
    """The checker on the paper-disjoint synthetic test split, one score per perturbation family."""

    split: str
    n: int
    accuracy: float
    families: dict[str, FamilyScore]


def run_synthetic_eval(checker: object, split: str = "test") -> SyntheticResult:
    """Check every synthetic row of `split` against its paper with `checker` (a ClaimChecker)."""
    papers, rows = load(split)
    by_family: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in rows:
        verdict = checker.check(r.claim, [papers[r.paper_id]])  # type: ignore[attr-defined]
        by_family[r.family].append((r.label, verdict.label))
    families = {}
    for fam, pairs in sorted(by_family.items()):
        labels = sorted({g for g, _ in pairs})
        families[fam] = FamilyScore(label="/".join(labels), n=len(pairs),
                                    accuracy=round(sum(g == p for g, p in pairs) / len(pairs), 4),
                                    predicted=dict(Counter(p for _, p in pairs)))
    total = sum(f.n for f in families.values())
    correct = sum(f.accuracy * f.n for f in families.values())
    return SyntheticResult(split=split, n=total, accuracy=round(correct / max(1, total), 4), families=families)


def format_synthetic(result: SyntheticResult) -> str:
    lines = [f"synthetic {result.split} ({result.n} claims, papers unseen in training): accuracy {result.accuracy:.3f}"]
    for fam, s in result.families.items():
        pred = ", ".join(f"{k[:4]} {v}" for k, v in sorted(s.predicted.items()))
        lines.append(f"  {fam:<15} {s.label:<24} n={s.n:<4} acc {s.accuracy:.3f}   ({pred})")
    return "\n".join(lines)
