"""Hand labels of `ask`'s first sentence count only while that sentence still leads, so the figure cannot go stale.

Labels and leads are the committed ones (real seed sentences); a changed lead is simulated with another seed
sentence from the same file.
"""

from __future__ import annotations

from evals import sets
from evals.ask import load_cases
from evals.ask_labels import format_hand, load_labels, score_hand


def _set(name: str) -> tuple[list, list[tuple[str, str]]]:
    labels = [lab for lab in load_labels() if lab.set == name]
    return labels, [(lab.question, lab.lead) for lab in labels]


def test_unchanged_leads_count_with_their_labels() -> None:
    labels, leads = _set("holdout")
    result = score_hand("holdout", leads, labels)
    assert result.labelled == len(labels) and not result.lead_changed
    assert result.answering == sum(lab.answers for lab in labels)
    assert set(result.not_answering) == {lab.question for lab in labels if not lab.answers}


def test_whitespace_differences_do_not_make_a_lead_new() -> None:
    labels, leads = _set("fresh")
    spaced = [(q, "  " + lead.replace(" ", "\n ", 3) + " ") for q, lead in leads]
    assert score_hand("fresh", spaced, labels).labelled == len(labels)


def test_a_changed_lead_is_unlabelled_not_counted_with_the_old_label() -> None:
    labels, leads = _set("holdout")
    wrong = next(i for i, lab in enumerate(labels) if not lab.answers)
    right = next(i for i, lab in enumerate(labels) if lab.answers)
    # The lead of a question labelled "does not answer" is now another question's sentence (labelled "answers").
    changed = list(leads)
    changed[wrong] = (leads[wrong][0], leads[right][1])
    result = score_hand("holdout", changed, labels)
    question = labels[wrong].question
    assert result.lead_changed == [question]
    assert result.labelled == len(labels) - 1
    assert question not in result.not_answering
    assert result.answering == sum(lab.answers for lab in labels)
    assert result.share == round(result.answering / (len(labels) - 1), 3)
    assert any("unlabelled (lead changed)" in line and question[:40] in line for line in format_hand(result))
    assert "1 unlabelled" in format_hand(result)[0]


def test_a_label_of_another_set_does_not_apply() -> None:
    labels, leads = _set("dev")
    result = score_hand("blind", leads[:3], labels)
    assert result.labelled == 0 and len(result.no_label) == 3 and result.share is None


def test_every_answerable_question_of_each_set_has_one_label_per_lead() -> None:
    # A question whose lead a later change moved keeps the label of each lead it has had (follow-up 14: two holdout
    # questions), so the run of older code is still scored; never none, never two for the same lead.
    labels = load_labels()
    for name in ("dev", "holdout", "fresh", "blind", "defs", "new", "para", "para2"):
        asked = sorted(c.q for c in load_cases(sets.path("ask", name)) if c.answerable)
        assert sorted({lab.question for lab in labels if lab.set == name}) == asked, name
        pairs = [(lab.question, " ".join(lab.lead.split())) for lab in labels if lab.set == name]
        assert len(pairs) == len(set(pairs)), name


def test_a_question_labelled_for_two_leads_is_scored_by_the_lead_it_has() -> None:
    # para5 keeps the first-run label and the label of the lead a later rule gave it, so both runs stay scored.
    labels = [lab for lab in load_labels() if lab.set == "para5"]
    question = next(lab.question for lab in labels if "openly released" in lab.question)
    both = [lab for lab in labels if lab.question == question]
    assert len(both) == 2 and {lab.answers for lab in both} == {True, False}
    for lab in both:
        result = score_hand("para5", [(question, lab.lead)], labels)
        assert result.labelled == 1 and result.answering == int(lab.answers)


def test_every_answerable_question_of_the_newer_sets_has_a_label() -> None:
    # These sets keep one label per lead a question has had, so a question may have several, never none.
    labels = load_labels()
    for name in [*(f"para{n}" for n in range(5, 22)), "para23", "para24", "para25"]:  # para22 has no hand labels
        asked = {c.q for c in load_cases(sets.path("ask", name)) if c.answerable}
        assert asked == {lab.question for lab in labels if lab.set == name}, name
