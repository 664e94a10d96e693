"""Beside named themes, the aside papers that use the topic's head are discussed under the topic's own title.

On dev's "uncertainty quantification for large language models" four UQ methods (MAQA, attention-chain UQ, SAR,
uncertainty heads) share no phrase beyond the topic's words, so they sat in the overview's aside next to a single
"Epistemic uncertainty" theme. catchall.core_section (called by the outline after every narrower grouping) gives
them the topic-titled section; a paper that does not use the head (One Token to Fool LLM-as-a-Judge) stays apart.
With no theme at all, name_aside still makes the topic's section of every aside paper. Real seed abstracts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from reviewer.models import Paper

if TYPE_CHECKING:
    from reviewer.retrieve import HybridRetriever

UQ_CORE = ["maqa2024evaluating", "uncertaintyquantification", "shifting2023attention", "reasoningconfidence"]
THEMED = ["uncertaintyfeature", "deup2021direct"]
OFF_TOPIC = "onetoken"


def _name_aside(seed_papers: dict[str, Paper], retriever: HybridRetriever, aside: list[str], themed: list[str]):
    from reviewer.survey.catchall import name_aside
    from reviewer.survey.outline import single_title
    from reviewer.survey.terms import PhraseStats
    from reviewer.survey.themes import ThemeDoc, topic_exclusions
    from reviewer.survey.titles import _stems
    from reviewer.survey.types import PaperEvidence, Section, TableRow

    topic, head = "uncertainty quantification for large language models", "uncertainty quantification"
    keys = themed + aside
    papers = {k: seed_papers[k] for k in keys}
    evidence = [PaperEvidence(key=k, paper_id=papers[k].id, relevance=1.0, row=TableRow(key=k)) for k in keys]
    docs = [ThemeDoc(title=papers[k].title, body=papers[k].abstract) for k in keys]
    stats = PhraseStats([f"{d.title}. {d.title}. {d.body}" for d in docs])
    stored = retriever.store.vectors([papers[k].id for k in keys])
    x = np.stack([stored[papers[k].id] for k in keys]).astype(np.float64)
    exclude = topic_exclusions(topic) | _stems(topic)
    sections = [Section(title="Epistemic uncertainty", scope="", keys=list(themed))] if themed else []
    assert single_title(topic, head) == TOPIC_TITLE
    return name_aside(aside, sections, evidence, papers, docs, stats, head, exclude, [d.body for d in docs], x,
                      single_title(topic, head))


TOPIC_TITLE = "Uncertainty quantification for large language models"


def test_core_papers_beside_a_theme_get_the_topic_section(seed_papers: dict[str, Paper]) -> None:
    from reviewer.survey.catchall import core_section
    from reviewer.survey.types import Section

    papers = {k: seed_papers[k] for k in THEMED + UQ_CORE + [OFF_TOPIC]}
    themes = [Section(title="Epistemic uncertainty", scope="", keys=list(THEMED))]
    sections, rest = core_section(UQ_CORE + [OFF_TOPIC], themes, papers, "uncertainty quantification", TOPIC_TITLE, [])
    assert [s.title for s in sections] == ["Epistemic uncertainty", TOPIC_TITLE]
    assert sections[1].keys == UQ_CORE and rest == [OFF_TOPIC]
    # A survey that already has the topic's section, or one paper on the topic, gets no second one.
    assert core_section(UQ_CORE, sections[1:], papers, "uncertainty quantification", TOPIC_TITLE, [])[1] == UQ_CORE
    assert core_section(UQ_CORE[:1] + [OFF_TOPIC], themes, papers, "uncertainty quantification", TOPIC_TITLE,
                        [])[0] == themes


def test_with_no_theme_the_topic_section_takes_every_aside_paper(seed_papers: dict[str, Paper],
                                                                 retriever: HybridRetriever) -> None:
    named, rest = _name_aside(seed_papers, retriever, ["maqa2024evaluating", "shifting2023attention", OFF_TOPIC], [])
    topic_sections = [s for s in named if s.title.lower() == TOPIC_TITLE.lower()]
    assert rest == [] and len(topic_sections) == 1 and OFF_TOPIC in topic_sections[0].keys, (named, rest)
