"""The checker's shared types: the one definition of the verdict labels and of ClaimVerdict.

Kept apart from `checker/__init__.py` so the offline checker and the LLM judge can import the verdict
type at module level without importing the package that lazily imports them (no import cycle).
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, Field

from reviewer.models import EvidenceSentence

Label = Literal["SUPPORTED", "CONTRADICTED", "UNSUPPORTED"]
LABELS: tuple[Label, ...] = get_args(Label)
SUPPORTED, CONTRADICTED, UNSUPPORTED = LABELS


class ClaimVerdict(BaseModel):
    """A verdict on one claim with the verbatim sentences and signals it rests on."""

    label: Label
    score: float = Field(ge=0.0, le=1.0, description="Support confidence in [0, 1].")
    evidence: list[EvidenceSentence] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list)
    mode: Literal["offline", "llm"] = "offline"
