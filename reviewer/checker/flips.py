"""Reversal readers: whether a claim says one of its best-aligned sentences the other way round.

Split out of `offline.py` (the checker's rule guards call `_stance_flip`); each reader lives in its own module
and is read here in a fixed order, once on the text as written and once with one name per thing (`ownname.py`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reviewer.checker.aims import is_aim
from reviewer.checker.bound import value_bound_elsewhere
from reviewer.checker.causes import cause_denied
from reviewer.checker.clauses import clause_words_exchanged
from reviewer.checker.contrast import contrast_reversed
from reviewer.checker.contrasted import contrast_word_swapped
from reviewer.checker.crossed import crossed_across, crossed_pair
from reviewer.checker.crosswise import doers_exchanged
from reviewer.checker.degrees import degree_exchanged, names_exchanged, spelled_flip
from reviewer.checker.denied import denied_outright
from reviewer.checker.described import description_swapped
from reviewer.checker.effects import effect_reversed
from reviewer.checker.exchanged import descriptions_exchanged, kind_changed, preference_exchanged, value_moved
from reviewer.checker.extra import act_done_without, extra_denied
from reviewer.checker.families import comparison_agrees
from reviewer.checker.features import FEATURE_NAMES, Analysis, named_terms
from reviewer.checker.headcount import head_quantity_changed, single_of_many
from reviewer.checker.magnitude import size_reversed
from reviewer.checker.members import example_moved
from reviewer.checker.multiples import ratio_conflict
from reviewer.checker.neighbours import neighbours_exchanged
from reviewer.checker.opposite import opposite_swapped
from reviewer.checker.parity import parity_reversed
from reviewer.checker.prefixed import prefix_reversed
from reviewer.checker.proportions import proportion_conflict
from reviewer.checker.quantified import exclusive_denied, quantity_changed
from reviewer.checker.rehomed import value_rehomed
from reviewer.checker.requires import prevention_denied, requirement_denied
from reviewer.checker.roles_swap import (
    bindings_swapped,
    degree_reversed,
    elided_denial,
    frame_swapped,
    likeness_reversed,
    stage_swapped,
)
from reviewer.checker.scope import scope_narrowed
from reviewer.checker.sequence import order_reversed
from reviewer.checker.slots import slot_swaps
from reviewer.checker.stance import agreeing_pairs, comparison_flipped, stance_reversed
from reviewer.checker.subjectless import unnamed_winner_reversed
from reviewer.checker.substituted import name_substituted, names_crossed
from reviewer.checker.tradeoff import tradeoff_across, tradeoff_reversed
from reviewer.checker.winner import effect_compared_alike
from reviewer.models import EvidenceSentence
from reviewer.roles import reports_other_work

LEX_TOP1 = FEATURE_NAMES.index("lex_top1")
STANCE_MIN_ALIGN = 0.45
LOOSE_ALIGN = 0.35
# Sentences that ask rather than assert: a question, or 'whether X remains unclear'.
_NOT_ASSERTED = re.compile(r"\?\s*$|\b(?:whether|if)\b[^.]*\b(?:remains?|is|are)\s+(?:still\s+)?(?:unclear|unknown|"
                           r"open|debated|uncertain)|\bit\s+(?:is|remains)\s+(?:still\s+)?(?:unclear|unknown|uncertain)"
                           r"\s+(?:whether|if|how)\b", re.IGNORECASE)


def asserts_own(text: str) -> bool:
    """The sentence states something of the paper's own: it neither asks ('whether X remains unclear') nor reports
    others' work ('Prior studies suggest ...'), so a claim may be read against it."""
    return not (_NOT_ASSERTED.search(text) or reports_other_work(text))


# The swap readers ask for the same sentences' names once per claim that cites them (read-only sets).
_named = lru_cache(maxsize=8192)(named_terms)


def _exchanged(claim: str, text: str) -> list[tuple[str, str]]:
    pair = neighbours_exchanged(claim, text) or clause_words_exchanged(claim, text)  # `clauses.py`
    return [pair] if pair else []


def _stance_flip(claim: str, analysis: Analysis, items: list[EvidenceSentence]) -> str:
    """A reason when one of the two best-aligned sentences reverses the claim's comparison or polar word
    (`stance.py`); read as written, then with the paper's own method and each abbreviation spelled one way."""
    texts = [x.text for x in items]
    if (flip := _flip_in(claim, texts, analysis, items)) or ((analysis.resolved or texts) == texts
                                                               and (analysis.resolved_claim or claim) == claim):
        return flip  # (nothing to respell: `ownname.py` changed no sentence)
    return _flip_in(analysis.resolved_claim or claim, analysis.resolved, analysis, items, whole=False)


def _flip_in(claim: str, texts: list[str], analysis: Analysis, items: list[EvidenceSentence], whole: bool = True) -> str:
    """`_stance_flip` on one spelling of the claim and the sentences (`texts`, indexed as `items`); only
    sentences aligned well enough to be about the same finding count; `whole`: also the abstract-wide readers."""
    top = analysis.order[:2]
    agreed = frozenset().union(*(agreeing_pairs(claim, texts[i]) for i in top))
    for i in top:
        if analysis.alignment[i] < STANCE_MIN_ALIGN or (i != top[0] and analysis.features[LEX_TOP1] >= 0.8):
            continue  # a claim that copies its best sentence is read against that sentence (near_copy_edits)
        text = texts[i]
        if _NOT_ASSERTED.search(text) or (is_aim(text) and not is_aim(claim)):
            continue  # a question (or an aim: 'we test whether X') asserts nothing to reverse
        if comparison_flipped(claim, text) or spelled_flip(claim, text) or names_exchanged(claim, text) or \
                degree_exchanged(claim, text) or contrast_reversed(claim, text) or parity_reversed(claim, text):  # 'more P in A than in B' vs
            # 'P in B compared to A' (`degrees.py`); 'A shows higher P, while B shows lower P' (`contrast.py`);
            # 'A matches B' against 'B outperforms A' (`parity.py`)
            return f"rule: comparison reversed against sentence {items[i].index} of {items[i].key}"
        if unnamed_winner_reversed(claim, text, " ".join(texts[k] for k, x in enumerate(items)
                                                         if x.paper_id == items[i].paper_id)):  # `subjectless.py`
            return f"rule: the claim's winner is what sentence {items[i].index} of {items[i].key} says its subject beats"
        if not comparison_agrees(claim, text) and (flips := stance_reversed(claim, text, agreed)):
            return f"rule: opposite stance ({flips[0]}) to sentence {items[i].index} of {items[i].key}"
        if pre := prefix_reversed(claim, text):  # 'underthink' against 'overthink' (`prefixed.py`)
            return f"rule: opposite prefix ({pre}) to sentence {items[i].index} of {items[i].key}"
        if paid := tradeoff_reversed(claim, text):  # 'X at the cost of Y' vs 'X while improving Y' (`tradeoff.py`)
            return f"rule: a cost ({paid}) where sentence {items[i].index} of {items[i].key} keeps it (or the reverse)"
        if not effect_compared_alike(claim, text) and (moved := effect_reversed(claim, text)):
            # read on the whole sentence: every clause that moves the thing must move it the other way
            return f"rule: opposite effect on {moved[0]} in sentence {items[i].index} of {items[i].key}"
        if not comparison_agrees(claim, text) and (heads := degree_reversed(claim, text)):
            return f"rule: opposite degree on {heads[0]!r} in sentence {items[i].index} of {items[i].key}"
        if opposite_swapped(claim, text):  # 'A does X, B the opposite' with A and B exchanged (`opposite.py`)
            return f"rule: the claim gives 'the opposite' to the other group than sentence {items[i].index} of {items[i].key}"
        if sized := size_reversed(claim, text):  # 'sharply degrades X' vs 'minimal impact on X' (`magnitude.py`)
            return f"rule: the claim gives the other size of effect on {sized!r} than sentence {items[i].index} of {items[i].key}"
        if objects := likeness_reversed(claim, text):
            return f"rule: alike where sentence {items[i].index} of {items[i].key} says apart (or the reverse): {objects[0]}"
        if pairs := frame_swapped(claim, text, _named) or bindings_swapped(claim, text, _named) or \
                crossed_pair(claim, text) or _exchanged(claim, text):  # any two words of the sentence in each
            # other's places (`crossed.py`), two phrases taking each other's lead-in (`neighbours.py`)
            a, b = pairs[0]
            return f"rule: {a} and {b} exchange places in the frame of sentence {items[i].index} of {items[i].key}"
        if one_side := contrast_word_swapped(claim, text):  # 'with negative THR' in the 'positive' frame (`contrasted.py`)
            return f"rule: the claim says {one_side[0]!r} where sentence {items[i].index} of {items[i].key} says {one_side[1]!r}"
        if swapped := name_substituted(claim, text, [texts[k] for k, x in enumerate(items)
                                                     if x.paper_id == items[i].paper_id]):
            return f"rule: the claim puts {swapped[0]} where sentence {items[i].index} of {items[i].key} has {swapped[1]}"
        if crossed := names_crossed(claim, text):
            return f"rule: {crossed[0]} and {crossed[1]} exchange frames against sentence {items[i].index} of {items[i].key}"
        if head := quantity_changed(claim, text) or exclusive_denied(claim, text) or head_quantity_changed(
                claim, text) or single_of_many(claim, text):  # 'all mainstream models' vs 'most mainstream models';
            # 'none of the habits' vs 'certain habits', 'only one agent' vs 'arbitrary agents' (`headcount.py`)
            return f"rule: another quantity of {head!r} than sentence {items[i].index} of {items[i].key}"
        if requirement_denied(claim, text) or prevention_denied(claim, text) or extra_denied(claim, text) \
                or act_done_without(claim, text):  # `requires.py`, `extra.py`
            return f"rule: sentence {items[i].index} of {items[i].key} does without or prevents what the claim asserts"
        if ruled_out := cause_denied(claim, text):  # 'traces X to A' vs 'X does not stem from A' (`causes.py`)
            return f"rule: sentence {items[i].index} of {items[i].key} rules out the claim's cause ({ruled_out})"
        if i == top[0] and (denied := denied_outright(claim, text, analysis.alignment[i])):  # `denied.py`
            return f"rule: the claim denies {', '.join(denied[:3])} where sentence {items[i].index} of {items[i].key} asserts it (or the reverse)"
        if elided_denial(claim, text):
            return f"rule: sentence {items[i].index} of {items[i].key} denies this of it ('... do not')"
        if moved := value_moved(claim, text):
            v, mine, theirs = moved[0]
            return f"rule: sentence {items[i].index} of {items[i].key} gives {v} to {theirs}, not {mine}"
        if bound := value_bound_elsewhere(claim, text):  # '21 countries' where 21 counts the LLMs (`bound.py`)
            return f"rule: sentence {items[i].index} of {items[i].key} binds {bound[0]:g} to other words than the claim"
        if rehomed := value_rehomed(claim, text):  # 'X that cuts Y by 19%, Z that gives 27%' (`rehomed.py`)
            return f"rule: sentence {items[i].index} of {items[i].key} gives {rehomed[0][0]} to another holder"
        if preference_exchanged(claim, text):
            return f"rule: the claim prefers what sentence {items[i].index} of {items[i].key} passes over"
        if stage_swapped(claim, text):
            return f"rule: early and late exchanged against sentence {items[i].index} of {items[i].key}"
        if shares := proportion_conflict(claim, text):
            return f"rule: another share of {shares[0]!r} than sentence {items[i].index} of {items[i].key} states"
        if ratio := ratio_conflict(claim, text):  # 'five times the time of B' vs '1/3 of the time' (`multiples.py`)
            return f"rule: a ratio {ratio} against sentence {items[i].index} of {items[i].key} (multiple vs fraction)"
    for i in analysis.order[:3]:  # less closely aligned: a polar word reversed on two or more shared words
        if LOOSE_ALIGN <= analysis.alignment[i] < STANCE_MIN_ALIGN and not _NOT_ASSERTED.search(texts[i]) \
                and (flips := stance_reversed(claim, texts[i], agreed, shared=2)):
            return f"rule: opposite stance ({flips[0]}) to sentence {items[i].index} of {items[i].key}"
    for i in analysis.order[:1]:  # a requirement or access the best sentence does without, however worded
        if LOOSE_ALIGN <= analysis.alignment[i] < STANCE_MIN_ALIGN and not _NOT_ASSERTED.search(texts[i]) and (
                requirement_denied(claim, texts[i]) or extra_denied(claim, texts[i])
                or act_done_without(claim, texts[i])):
            return f"rule: sentence {items[i].index} of {items[i].key} does without what the claim asserts"
    for i in analysis.order[:3]:  # 'helps only the smallest models' where the sentence says 'across model sizes'
        if analysis.alignment[i] >= LOOSE_ALIGN and not _NOT_ASSERTED.search(texts[i]) and (
                narrow := scope_narrowed(claim, texts[i])):
            return f"rule: the claim narrows to {narrow!r} what sentence {items[i].index} of {items[i].key} states broadly"
    if not whole:
        return ""
    paper = [texts[k] for k, x in enumerate(items) if top and x.paper_id == items[top[0]].paper_id]
    if pairs := descriptions_exchanged(claim, paper, _named) or crossed_across(  # across the abstract
            claim, [texts[i] for i in top if analysis.alignment[i] >= LOOSE_ALIGN]):
        return f"rule: what {items[top[0]].key} says of {pairs[0][0]} the claim says of {pairs[0][1]}, and the reverse"
    if swapped := description_swapped(claim, " ".join(paper)):  # 'B, which does X' said of A (`described.py`)
        return f"rule: the claim says of {swapped[0]} what {items[top[0]].key} says of {swapped[1]}"
    if doers := doers_exchanged(claim, paper):  # 'A does X, while B does Y' across two sentences (`crosswise.py`)
        return f"rule: the claim gives {doers[0]!r} and {doers[1]!r} each other's acts in {items[top[0]].key}"
    if moved := example_moved(claim, " ".join(paper)):  # 'pretrained LLMs such as Vicuna' (`members.py`)
        return f"rule: the claim files {moved[0]!r} under {moved[1]!r}, which {items[top[0]].key} gives other examples"
    if kinds := kind_changed(claim, " ".join(paper), _named):
        name, mine, theirs = kinds[0]
        return f"rule: the claim makes {name} a {mine} name; {items[top[0]].key} only names it as {theirs}"
    if paid := tradeoff_across(claim, paper):  # a cost the abstract says is kept, in any sentence (`tradeoff.py`)
        return f"rule: the claim pays with {paid!r}, which {items[top[0]].key} keeps or gains (or the reverse)"
    if order_reversed(claim, " ".join(paper)):  # 'first X, then Y' where the abstract does Y first (`sequence.py`)
        return f"rule: the claim orders the steps of {items[top[0]].key} the other way round"
    if swaps := slot_swaps(claim, " ".join(paper)):  # an entity in a sibling's slot (`slots.py`)
        mine, theirs = swaps[0]
        return f"rule: the claim puts {mine} where {items[top[0]].key} says {theirs}"
    return ""
