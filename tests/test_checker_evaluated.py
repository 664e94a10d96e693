"""Survey sentences true of their abstract that the checker dropped (c24): the lead's 'X is evaluated on A and B'
and the writer's voice for the cited authors ('Izquierdo-Badiola et al. introduce ...', 'Their ultimate goal ...').

Real seed abstracts. Each true sentence comes from an offline survey (evals/verbatim_checks.py); each twin is the
same sentence made false, or a sentence the writer got wrong (a benchmark the abstract only reports others using,
one it releases, an RL objective, the method's own output), and must stay unsupported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.seed_claims import SEEDS
from reviewer.checker import ClaimChecker
from reviewer.checker.evaluated import evaluated_on
from reviewer.ingest.parse import parse_file
from reviewer.models import Paper, PaperRecord
from reviewer.settings import Settings


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> ClaimChecker:
    return ClaimChecker(Settings(home=Path(tmp_path_factory.mktemp("home"))))


@pytest.fixture(scope="module")
def seeds() -> dict[str, Paper]:
    out: dict[str, Paper] = {}
    for path in sorted(SEEDS.iterdir()):
        for rec in parse_file(path):
            if isinstance(rec, PaperRecord) and rec.abstract and rec.title not in out:
                out[rec.title.split(":")[0]] = Paper(id=f"s{len(out)}", key=f"s{len(out)}", title=rec.title,
                                                     abstract=rec.abstract, authors=rec.authors)
    return out


def _label(checker: ClaimChecker, seeds: dict[str, Paper], claim: str, short_title: str) -> str:
    return checker.check(claim, [seeds[short_title]]).label


@pytest.mark.parametrize(("claim", "title"), [
    ("CUT is evaluated on AlpacaEval [@reasons2023reject].", "Reasons to Reject? Aligning Language Models with Judgments"),
    ("MASTER is evaluated on HotpotQA and WebShop [@mastermulti].", "MASTER"),
    ("DRPO is evaluated on GSM8k [@drpoefficient].", "DRPO"),
    ("SOCRATIC is evaluated on MMLU, MATH and LogiQA [@art2023socratic].", "The Art of SOCRATIC QUESTIONING"),
])
def test_the_leads_evaluated_on_sentence_is_supported_by_its_parts(checker: ClaimChecker, seeds: dict[str, Paper],
                                                                    claim: str, title: str) -> None:
    assert _label(checker, seeds, claim, title) == "SUPPORTED"


@pytest.mark.parametrize(("claim", "title"), [
    ("FaR is evaluated on ToMi.", "How FaR Are Large Language Models From Agents with Theory-of-Mind?"),  # others' benchmark
    ("THR is evaluated on GSPO.", "Token Hidden Reward"),  # an RL objective it integrates with
    ("RSD is evaluated on RSD-generated.", "In Their Own Words"),  # its own output, 'trained on' it
    ("MASTER is evaluated on HotpotQA and GSM8K.", "MASTER"),  # one benchmark the abstract never names
    ("CoT is evaluated on MMLU, MATH and LogiQA.", "The Art of SOCRATIC QUESTIONING"),  # a baseline, not its method
    ("CUT is evaluated on MT-Bench.", "Reasons to Reject? Aligning Language Models with Judgments"),  # not named
])
def test_an_evaluated_on_sentence_the_abstract_does_not_state_is_not_supported(
        checker: ClaimChecker, seeds: dict[str, Paper], claim: str, title: str) -> None:
    assert _label(checker, seeds, claim, title) != "SUPPORTED"


RAIDER = "RAIDER"
RAIDER_SENTENCE = ("introduce RAIDER, a novel agent that integrates Large Language Models (LLMs) with grounded tools for "
                   "adaptable and efficient issue detection and explanation.")


def test_the_first_authors_name_reads_as_we(checker: ClaimChecker, seeds: dict[str, Paper]) -> None:
    assert seeds[RAIDER].authors[0].endswith("Izquierdo-Badiola")
    assert _label(checker, seeds, f"Izquierdo-Badiola et al. {RAIDER_SENTENCE}", RAIDER) == "SUPPORTED"
    # an edited quote is still no quote
    edited = RAIDER_SENTENCE.replace("integrates", "replaces").replace("grounded tools", "trained policies")
    assert _label(checker, seeds, f"Izquierdo-Badiola et al. {edited}", RAIDER) != "SUPPORTED"


def test_their_at_the_start_is_the_cited_authors(checker: ClaimChecker, seeds: dict[str, Paper]) -> None:
    goal = ("Their ultimate goal is to enable robots to identify and isolate the causal features that people actually "
            "care about and use when they represent states and behavior.")
    assert _label(checker, seeds, goal + " [@sirl2023similarity]", "SIRL") == "SUPPORTED"
    assert _label(checker, seeds, "Instead, t" + goal[1:], "SIRL") == "SUPPORTED"  # the ask's wording
    edited = goal.replace("identify and isolate the causal features", "ignore the features")
    assert _label(checker, seeds, edited, "SIRL") != "SUPPORTED"


def _paper(seeds: dict[str, Paper], prefix: str) -> Paper:
    return next(p for p in seeds.values() if p.title.startswith(prefix))


@pytest.mark.parametrize(("claim", "prefix"), [
    ("MinD is evaluated on MATH.", "Done Is Better than Perfect"),  # 'Trained on the MATH dataset': training data
    ("OlaGPT is evaluated on GitHub.", "OlaGPT"),  # 'available on GitHub': nothing is evaluated there
    ("LATR is evaluated on DAPO.", "Lookahead Tree-Based Rollouts"),  # 'on both GRPO and ... (DAPO) algorithms'
    ("PRELUDE is evaluated on CIPHER.", "Aligning LLM Agents by Learning Latent"),  # 'On both tasks, CIPHER achieves'
    ("Aligning TeacheR is evaluated on ARTE.", "Aligning Teacher with Student"),  # "experiments on ... of ARTE"
    ("LMRL Gym is evaluated on RL.", "LMRL Gym"),  # a field word, not a benchmark
    ("BLIND-ACT is evaluated on OSWorld.", "Just Do It"),  # 'Built on OSWorld'
    ("M-RewardBench is evaluated on M-RewardBench.", "M-RewardBench"),  # a benchmark is not evaluated on itself
])
def test_each_part_must_be_an_evaluation_the_abstract_states(seeds: dict[str, Paper], claim: str, prefix: str) -> None:
    assert evaluated_on(claim, _paper(seeds, prefix)) == ""


def test_a_list_after_including_is_read_as_the_on_phrase(seeds: dict[str, Paper]) -> None:
    socratic = _paper(seeds, "The Art of SOCRATIC")
    assert evaluated_on("SOCRATIC is evaluated on MMLU, MATH and LogiQA.", socratic)
    assert evaluated_on("MinD is evaluated on MATH-500 and GPQA-Diamond.", _paper(seeds, "Done Is Better than Perfect"))
