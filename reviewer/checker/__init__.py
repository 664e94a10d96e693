"""Claim checking: does a sentence say what the abstracts it cites say?

One implementation serves the survey pipeline's check-before-output stage and the SciFact evaluation
(`evals/claims.py`). Offline by default (signals + a fitted combiner, `offline.py`); with an LLM client
the judge in `judge.py` decides, its quotes verified against the abstracts, falling back to offline.
Heavy modules are imported on first use so importing this package stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer.checker.types import LABELS, ClaimVerdict, Label
from reviewer.models import Paper
from reviewer.settings import Settings

if TYPE_CHECKING:
    from reviewer.checker.judge import LLMJudge
    from reviewer.checker.offline import OfflineChecker
    from reviewer.llm import LLMClient

__all__ = ["LABELS", "ClaimChecker", "ClaimVerdict", "Label"]



class ClaimChecker:
    """Checks claims against the papers they cite; `llm` given means LLM-judge mode."""

    def __init__(self, settings: Settings, llm: LLMClient | None = None) -> None:
        self.settings = settings
        self.llm = llm
        self._offline: OfflineChecker | None = None
        self._judge: LLMJudge | None = None

    @property
    def offline(self) -> OfflineChecker:
        if self._offline is None:
            from reviewer.checker.offline import OfflineChecker

            self._offline = OfflineChecker(self.settings)
        return self._offline

    def check(self, claim: str, papers: list[Paper]) -> ClaimVerdict:
        """One verdict for the claim against all the papers it cites, read together."""
        if self.llm is not None:
            if self._judge is None:
                from reviewer.checker.judge import LLMJudge

                self._judge = LLMJudge(self.llm, self.offline)
            return self._judge.check(claim, papers)
        return self.offline.check(claim, papers)

    def check_each(self, claim: str, papers: list[Paper]) -> list[ClaimVerdict]:
        """One verdict per paper, in order: which citations actually back the claim."""
        return [self.check(claim, [paper]) for paper in papers]
