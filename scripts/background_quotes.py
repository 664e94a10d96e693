"""Every seed sentence that reports other work, checked verbatim against its own paper.

    python scripts/background_quotes.py --home H          # counts of the checker's labels

No such sentence may come out SUPPORTED: it is the paper's background, not its finding. Imports only
`reviewer`, so `PYTHONPATH=<other checkout>` measures another version of the checker.
"""

from __future__ import annotations

import argparse
import hashlib
from collections import Counter
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main() -> None:
    from reviewer.checker import ClaimChecker
    from reviewer.ingest.parse import parse_file
    from reviewer.models import Paper, PaperRecord
    from reviewer.roles import Role, reports_other_work, sentence_roles
    from reviewer.settings import Settings
    from reviewer.textutil import split_sentences

    parser = argparse.ArgumentParser()
    parser.add_argument("--home", type=Path, required=True)
    args = parser.parse_args()
    checker = ClaimChecker(Settings(home=args.home))
    labels: Counter[str] = Counter()
    for path in sorted(SEEDS.iterdir()):
        for rec in parse_file(path):
            if not isinstance(rec, PaperRecord) or not rec.abstract:
                continue
            pid = hashlib.sha1(rec.title.lower().encode()).hexdigest()[:12]
            paper = Paper(id=pid, key=pid, title=rec.title, abstract=rec.abstract)
            sents = split_sentences(rec.abstract)
            for s, role in zip(sents, sentence_roles(sents), strict=True):
                if reports_other_work(s) and role == Role.BACKGROUND:
                    labels[checker.check(s, [paper]).label] += 1
    print(sum(labels.values()), "background sentences:", dict(labels))


if __name__ == "__main__":
    main()
