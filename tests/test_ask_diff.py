"""`evals.ask_diff` tags each changed lead by the hand labels, so a change to paper choice is judged question by question.

Rows are built from committed hand labels (real seed sentences and their labels); no `ask` run is needed.
"""

from __future__ import annotations

from evals.ask_diff import DiffRow, compare, label_of, tag
from evals.ask_labels import load_labels, normalise


def _labelled(name: str) -> tuple[object, object]:
    labels = [lab for lab in load_labels() if lab.set == name and lab.lead]
    return next(lab for lab in labels if lab.answers), next(lab for lab in labels if not lab.answers)


def _index() -> dict[tuple[str, str, str], bool]:
    return {(lab.set, normalise(lab.question), normalise(lab.lead)): lab.answers for lab in load_labels()}


def test_label_of_reads_the_hand_label_of_that_exact_lead() -> None:
    good, bad = _labelled("holdout")
    index = _index()
    assert label_of("holdout", good.question, "  " + good.lead + " ", True, index) is True
    assert label_of("holdout", bad.question, bad.lead, True, index) is False
    # Another question's sentence was never judged for this question; a label of another set does not apply.
    assert label_of("holdout", good.question, bad.lead, True, index) is None
    assert label_of("dev", good.question, good.lead, True, index) is None
    assert label_of("holdout", good.question, "", True, index) is False


def test_a_lead_moving_between_labelled_sentences_is_a_gain_or_a_loss() -> None:
    good, bad = _labelled("para14")
    index = _index()

    def row(lead: str, cites: bool = True) -> DiffRow:
        return DiffRow(set="para14", q=good.question, answerable=True, refused=False, lead=lead, cites=cites,
                       label=label_of("para14", good.question, lead, True, index))

    answering, other = row(good.lead), row(bad.lead, cites=False)
    assert other.label is None  # bad.lead is labelled for its own question only
    assert tag(answering, other) == "unlabelled"
    wrong = DiffRow(set="para14", q=good.question, answerable=True, refused=True, lead="", cites=False, label=False)
    assert tag(answering, wrong) == "loss" and tag(wrong, answering) == "gain"
    counts, lines = compare([answering], [wrong])
    assert counts == {"loss": 1, "cites lost": 1} and good.question in lines[0]
    assert compare([answering], [row(good.lead)])[0] == {}  # an unchanged lead is not listed


def test_an_unanswerable_question_is_tagged_by_its_refusal() -> None:
    q = "How long should sourdough be proofed in a cold fridge?"
    refused = DiffRow(set="para15", q=q, answerable=False, refused=True)
    answered = DiffRow(set="para15", q=q, answerable=False, refused=False, lead="Some sentence.", lead_key="x")
    assert tag(refused, answered) == "answered" and tag(answered, refused) == "refused"
    assert compare([refused], [answered])[0] == {"answered": 1}
