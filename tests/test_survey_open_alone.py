"""Open problems quote sentences that stand alone as problems the paper leaves open (survey/openfit.py).

Each quote is printed alone, so one that points back ('these behaviors'), the gap the paper goes on to solve, or
the paper's summary of its own contribution reads wrongly there."""

from __future__ import annotations

from reviewer.models import Paper
from reviewer.survey.synthesis import open_problem_quotes
from reviewer.survey.types import PaperEvidence, TableRow


def _quote(paper: Paper) -> str:
    ev = PaperEvidence(key=paper.key, paper_id=str(paper.id), relevance=1.0, row=TableRow(key=paper.key))
    found = open_problem_quotes([ev], {paper.key: paper})
    return found[0].text if found else ""


def test_no_quote_points_back_or_motivates(seed_papers: dict[str, Paper]) -> None:
    """'So CoT monitoring can expose these behaviors ...', 'We hypothesize that this brittleness ...', 'We refer to
    this as ...' (antecedent before), 'However, RL is not only expensive but also unstable.' (the gap CFT then
    fills), 'This work shows how ...' (a summary of the contribution) are not quoted as open problems."""
    for key, opening in (("thoughtcrime", "So CoT monitoring"), ("skyworkreward", "We hypothesize that this"),
                         ("thinkright", "We refer to this"), ("unleashingreasoning", "However, RL is"),
                         ("reasoningvectors", "This work shows how"), ("champcompetition", "In addition, we test")):
        assert not _quote(seed_papers[key]).startswith(opening), key


def test_problems_that_stand_alone_are_kept(seed_papers: dict[str, Paper]) -> None:
    """A demonstrative whose antecedent is in the sentence ('excel at tracking ... beliefs ..., but they struggle
    to translate this capability') and 'such as' keep their quotes; a paper whose first candidate pointed back
    gives its next own finding ('low probability tokens constitute the critical bottleneck')."""
    assert "struggle to translate this capability" in _quote(seed_papers["far2023agents"])
    assert "such as reward misspecification" in _quote(seed_papers["alignmentsafety"])
    assert "critical bottleneck" in _quote(seed_papers["theirown"])
