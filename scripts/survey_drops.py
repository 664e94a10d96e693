"""What the claim checker drops from offline surveys: counts per topic and every dropped sentence.

    python scripts/survey_drops.py --home /tmp/h --out drops.json     # with this checkout's code
    PYTHONPATH=/path/to/other/checkout python scripts/survey_drops.py ...  # the same with other code

Self-contained (imports only `reviewer`), so the same script measures two versions of the checker.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

TOPICS = [
    "process reward models for LLM reasoning",
    "reinforcement learning with verifiable rewards",
    "reward hacking and reward model overoptimization",
    "chain-of-thought faithfulness and monitoring",
    "test-time compute scaling for reasoning",
    "preference optimization without reinforcement learning (DPO and variants)",
]


def main() -> None:
    from reviewer.settings import Settings
    from reviewer.survey.run import run_survey

    parser = argparse.ArgumentParser()
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    settings = Settings(home=args.home, llm_offline=True)  # type: ignore[call-arg]
    out = {}
    for topic in TOPICS:
        result = run_survey(topic, settings, offline=True, fresh=True, quiet=True)
        check = json.loads((result.run_dir / "check.json").read_text(encoding="utf-8"))
        rows = [s for sec in check["sections"] for s in sec["checks"]]
        out[topic] = {
            "sentences": len(rows),
            "actions": {a: sum(r["action"] == a for r in rows) for a in sorted({r["action"] for r in rows})},
            "dropped": [{"text": r["text"], "keys": r["keys"], "label": r.get("label"), "reason": r["reason"]}
                        for r in rows if r["action"] == "dropped"],
        }
        print(topic, out[topic]["actions"], flush=True)
    args.out.write_text(json.dumps(out, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
