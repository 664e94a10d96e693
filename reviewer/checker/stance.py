"""Reversals that human paraphrases make and the word-family signals miss.

Hand-written contradictions rarely reuse the abstract's verb with its antonym. They swap an evaluative
word for its opposite from another family ('help' vs 'detrimental', 'disfavour' vs 'preferred', 'easy to
fit' vs 'difficult to fit', 'stable' vs 'unstable'), or they reverse a comparison the abstract words in a
way the comparison reader does not parse: 'X is more effective than Y', or a winner named by a pronoun
('It outperforms existing LRMs', the paper's own method). `stance_reversed` reads polar word pairs with
the context they share; `comparison_flipped` reads these extra comparison forms on top of
`families.comparison_sides`. Both compare a claim with one evidence sentence.
"""

from __future__ import annotations

import re

from reviewer.checker.families import _MEMBERS, _share, comparison_sides
from reviewer.checker.families import _WINNER_START as _HEAD
from reviewer.textutil import content_stems, stemmer, words

# Polar word pairs by surface form (stems would let the noun 'preferences' count as 'preferred').
_POLES: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(a.split()), frozenset(b.split())) for a, b in (
        ("help helps helped helping helpful beneficial benefits benefited advantageous",
         "hurt hurts hurting harmful harms harmed detrimental disadvantageous counterproductive"),
        ("prefer prefers preferred favour favours favoured favor favors favored",
         "disfavour disfavours disfavoured disfavor disfavors disfavored dislike dislikes disliked avoid avoids "
         "avoided"),
        ("stable stably stabilizes stabilises stabilized stabilised", "unstable unstably destabilizes "
         "destabilises destabilized destabilised"),
        ("easy easier easily", "difficult hard harder"),
        ("strong strongly stronger", "weak weakly weaker poor"),
        ("fast faster quickly rapidly", "slow slower slowly"),
        ("earlier", "later"),
        ("mild mildly gentle", "aggressive aggressively"),
        # keeping a property against losing it: 'preserve heterogeneity' vs 'wash away heterogeneity'
        ("preserve preserves preserved preserving maintain maintains maintained maintaining", "erase erases erased "
         "wash washes washed discard discards discarded destroy destroys destroyed"),
        ("important crucial essential necessary key critical", "unimportant irrelevant unnecessary"),
        ("effective effectively", "ineffective ineffectively"),
        ("robust", "fragile brittle"),
        ("encourages encourage encouraged encouraging promotes promote", "discourages discourage discouraged "
         "discouraging"),
        ("well", "poorly badly"),
        ("positively", "negatively"),
        ("overestimate overestimates overestimated overestimating overconfident",
         "underestimate underestimates underestimated underestimating underconfident"),
        ("accurate accurately", "inaccurate inaccurately"),
        ("reliable reliably", "unreliable unreliably"),
        ("consistent consistently", "inconsistent inconsistently"),
        # settings a result holds in: 'in zero-shot evaluation' vs 'in few-shot evaluation'
        ("zero-shot", "few-shot"),
        ("in-domain", "out-of-domain"),
        ("on-policy", "off-policy"),
        ("open-source", "closed-source"),
        ("single-turn", "multi-turn"),
        # frequency: 'models often arrive at the right answer' vs 'rarely' / 'never'
        ("often frequently commonly usually typically always widely", "rarely seldom never"),
        # sufficiency: 'existing methods are insufficient' vs 'suffice'
        ("sufficient suffice suffices sufficed adequate", "insufficient inadequate"),
        # a gap: 'narrowing the gap with RL-trained models' vs 'widens the gap'
        ("narrow narrows narrowed narrowing", "widen widens widened widening"),
        # scope: a finding that holds broadly vs one confined to a few cases
        ("widespread pervasive ubiquitous prevalent", "confined rare isolated uncommon"),
        # ability: 'readily produce' vs 'unable to produce'
        ("able capable readily", "unable incapable"),
        # persistence: 'the improvements persist under adversarial conditions' vs 'vanish'
        ("persist persists persisted remain remains remained", "vanish vanishes vanished disappear disappears "
         "disappeared"),
        # how bad a problem is: 'especially severe under constrained budgets' vs 'especially mild'
        ("severe severely", "mild mildly"),
        # an effect on a process: 'catalyzes exploration' vs 'hampers exploration'
        ("catalyze catalyzes catalyzed catalyse catalyses catalysed facilitate facilitates facilitated foster "
         "fosters fostered spur spurs spurred", "hamper hampers hampered hinder hinders hindered impede impedes "
         "impeded stifle stifles stifled obstruct obstructs obstructed"),
        # logical and kinds of signal or training: 'linking summation to logical conjunction' vs 'disjunction'
        ("conjunction", "disjunction"),
        ("dense densely", "sparse sparsely"),
        ("explicit explicitly", "implicit implicitly"),
        ("synchronous synchronously", "asynchronous asynchronously"),
        ("deterministic", "stochastic"),
        # where a process goes: 'QAlign converges to the optimal distribution' vs 'diverges from it'
        ("converge converges converged converging", "diverge diverges diverged diverging"),
        ("coarse-grained", "fine-grained"),
        # length and amount: 'shorter completion lengths' vs 'longer completions'; 'a small number of labeled
        # samples' vs 'a large number'
        ("longer lengthier", "shorter"),
        # cost and effort: 'cheap and easy' vs 'expensive and laborious'
        ("cheap cheaper cheaply inexpensive inexpensively low-cost", "expensive costly laborious labor-intensive "
         "labour-intensive"),
        ("large larger", "small smaller"),
        # how far an update goes: 'more conservative updates on high-uncertainty questions' vs 'more aggressive'
        ("conservative conservatively cautious cautiously", "aggressive aggressively"),
        # likeness: 'when the participating LLMs exhibit similar performance' vs 'differ widely'
        ("similar similarly", "differ differs dissimilar"),
        # attainment: 'reach the desired standard' vs 'miss it' (and 'fall short of', read as 'not reach')
        ("reach reaches reached attain attains attained", "miss misses missed"),
        # uniform treatment: 'treats all prompts equally' vs 'weights prompts differently'
        ("equally uniformly", "differently"),
        # relation: 'strongly correlates with' vs 'is unrelated to'
        ("correlates correlated correlate related associated linked", "unrelated uncorrelated unassociated"),
        # scope of a finding: 'enhance recovery success, including cases requiring human interaction' vs 'except'
        ("including", "except excluding"),
        # a relation's sign: 'proportional to the reward' vs 'inversely proportional' (read as one word, `_INVERSE`)
        ("proportional proportionally", "inversely"),
        # a superlative's end: 'the most influential predecessors' vs 'the least influential' (read only before an
        # adjective, `_SUPERLATIVE`: 'at least', 'most models' are a bound and a quantifier)
        ("mostadj", "leastadj"),
    )
)
_NEGATORS = frozenset("not no never without cannot nor n't hardly".split())
_SHORT_OF = re.compile(r"\b(?:fall|falls|fell|falling)\s+(?:far\s+|well\s+)?short\s+of\b", re.IGNORECASE)
_INVERSE = re.compile(r"\binversely\s+proportional(?:ly)?\b", re.IGNORECASE)
_SUPERLATIVE = re.compile(r"\b(most|least)\s+(?=[a-z]+(?:al|ive|ful|ous|ent|ant|ble|ic|ing)\b)", re.IGNORECASE)


def _read(text: str) -> list[str]:
    """The words `_poles` reads: 'fall short of' as 'not reach', 'inversely proportional' as 'inversely', and
    'most' / 'least' before an adjective as one pole word each."""
    text = _SUPERLATIVE.sub(lambda m: m.group(1).lower() + "adj ", text)
    return words(_INVERSE.sub("inversely", _SHORT_OF.sub("not reach", text)))


_WINDOW = 5


def _poles(toks: list[str]) -> list[tuple[int, int, set[str]]]:
    """(pair index, side +1/-1, content stems around it) for each polar word; a negator just before flips it."""
    low = [t.lower() for t in toks]
    out = []
    for i, w in enumerate(low):
        for k, (pos, neg) in enumerate(_POLES):
            side = 1 if w in pos else -1 if w in neg else 0
            if not side:
                continue
            if any((t in _NEGATORS or t.endswith("n't")) and low[j + 1 : j + 2] not in (["only"], ["just"], ["merely"])
                   for j, t in enumerate(low[: i]) if j >= i - 3):  # 'not only effective' asserts it
                side = -side
            around = " ".join(toks[max(0, i - _WINDOW) : i] + toks[i + 1 : i + 1 + _WINDOW])
            out.append((k, side, set(content_stems(around))))
    return out


def stance_reversed(claim: str, sentence: str, agreed: frozenset[int] = frozenset(), shared: int = 1) -> list[str]:
    """Polar words of one pair on opposite sides, about shared context, with the claim's side absent from
    the sentence (a sentence that says both, 'stable for A but unstable for B', decides nothing). Pairs in
    `agreed` are skipped: another evidence sentence already says the claim's side of that pair. `shared`: the
    context words the two polar words must share (more for a sentence less closely aligned with the claim)."""
    c, s = _poles(_read(claim)), _poles(_read(sentence))
    out = []
    for k, side, ctx in c:
        if k in agreed:
            continue
        same = [x for x in s if x[0] == k and x[1] == side]
        opposite = [x for x in s if x[0] == k and x[1] != side and len(ctx & x[2]) >= shared]
        if opposite and not same:
            pos, neg = _POLES[k]
            out.append(f"{'/'.join(sorted(pos)[:2])} vs {'/'.join(sorted(neg)[:2])}")
    return out


def stance_agrees(claim: str, sentence: str) -> bool:
    """A polar word of the claim on the same side in the sentence, about shared context."""
    return bool(agreeing_pairs(claim, sentence))


def agreeing_pairs(claim: str, sentence: str) -> frozenset[int]:
    """The polar pairs whose word the claim and the sentence use on the same side, about shared context.

    Agreement on one pair ('effective') says nothing about another ('key' vs 'irrelevant'), so a reversal
    is only discounted by agreement on its own pair."""
    s = _poles(_read(sentence))
    return frozenset(k for k, side, ctx in _poles(_read(claim)) for x in s
                     if x[0] == k and x[1] == side and ctx & x[2])


_EVAL_UP = ("effective efficient accurate robust stable reliable flexible capable helpful useful successful "
            "consistent faithful scalable").split()
_EVAL_DOWN = "costly expensive unstable brittle fragile difficult unreliable inaccurate vulnerable".split()
_MORE_THAN = re.compile(r"\b(?P<deg>more|less)\s+(?P<adj>(?:[\w\-]+-)?(?:" + "|".join(_EVAL_UP + _EVAL_DOWN)
                        + r"))\s+than\s+", re.IGNORECASE)
_PLAIN = re.compile(r"\b(?P<up>(?:lags?|lagged|trails?|trailed)(?!\s+behind)|ranks? below|ranked below|is no better than|"
                    r"are no better than|was no better than|were no better than)\s+", re.IGNORECASE)
# 'our (lightweight) method (also) (substantially) outperforms': up to two modifiers of the paper's own thing
_SELF = re.compile(r"(?:^|\bthat\s+|[;,]\s*)(?:it|they|this (?:method|approach|model|framework)|our (?:[a-z][\w-]*\s+)"
                   r"{0,2}?(?:method|approach|model|framework|system|technique)|the proposed (?:method|approach|model|"
                   r"framework))\s+(?:also\s+)?(?:\w+ly\s+)?(?:outperforms?|surpass(?:es)?|beats?|exceeds?)\s+",
                   re.IGNORECASE)
_BEATS_SELF = re.compile(r"\s+(?:\w+ly\s+)?(?:outperforms?|surpass(?:es)?|beats?|exceeds?)\s+(?:the|this|our)\s+"
                         r"(?:proposed\s+)?(?:method|approach|model|framework)\b(?!\s+(?:of|trained|that|which))",
                         re.IGNORECASE)
_STOP = re.compile(r"[,;:.]\s|[,;:]|\.$|\s(?:on|in|across|while|at|when|for|from|within|under|due|"
                   r"which|whereas|but|because)\s", re.IGNORECASE)
SELF = "<self>"  # the paper's own method, named by a pronoun
_GAIN = r"(?:gains?|improvements?|benefits?|boosts?)"
_GAIN_THAN = re.compile(r"\b(?P<deg>larger|greater|bigger|more|smaller|less|fewer)\s+" + _GAIN
                        + r"\b[^,;.]{0,40}?\s+than\s+", re.IGNORECASE)
_WHILE_MORE = re.compile(r"\b(?:while|whereas)\s+(?P<a>[^,;]{3,80}?),\s*(?P<b>[^,;]{3,60}?)\s+(?:offers?|provides?|"
                         r"shows?|achieves?|yields?|has|have|gives?|brings?|enables?)\s+(?P<deg>more|greater|higher|"
                         r"better|stronger|less|lower|weaker)\s+\w+", re.IGNORECASE)
_LATTER = re.compile(r"\b(?P<x>\w[\w\-]*) and (?P<y>\w[\w\-]*)\b[^.;]*?\bthe (?P<which>latter|former)\b(?P<tail>[^.;]*)",
                     re.IGNORECASE)
_LATTER_UP = re.compile(r"\b(?:better|stronger|superior|outperforms?|(?:larger|greater|bigger|more) " + _GAIN + r")\b",
                        re.IGNORECASE)
_LATTER_DOWN = re.compile(r"\b(?:worse|weaker|inferior|underperforms?|(?:smaller|less|fewer) " + _GAIN + r")\b",
                          re.IGNORECASE)


def _loser(rest: str) -> set[str]:
    """The loser's stems up to the clause break; a class it names ('techniques, such as A and B') takes its members."""
    stop = _STOP.search(rest)
    text = rest[: stop.start()] if stop else rest
    if stop and (member := _MEMBERS.match(rest[stop.start():])):
        text += " " + _STOP.split(member.group("members"), maxsplit=1)[0]
    return set(content_stems(" ".join(text.split()[:20])))


def extra_sides(text: str) -> list[tuple[set[str], set[str]]]:
    """(winner, loser) stems of comparisons `comparison_sides` does not read."""
    out = []
    for m in _MORE_THAN.finditer(text):
        adj = m.group("adj").lower().rsplit("-", 1)[-1]
        pol = (1 if adj in _EVAL_UP else -1) * (1 if m.group("deg").lower() == "more" else -1)
        winner = set(content_stems(_HEAD.split(text[: m.start()])[-1]))
        loser = _loser(text[m.end() :])
        winner, loser = winner - loser, loser - winner
        if winner and loser:
            out.append((winner, loser) if pol > 0 else (loser, winner))
    for m in _GAIN_THAN.finditer(text):  # 'A brings a larger gain to X than B'
        winner = set(content_stems(_HEAD.split(text[: m.start()])[-1]))
        loser = _loser(text[m.end() :])
        if winner - loser and loser - winner:
            pair = (winner - loser, loser - winner)
            out.append(pair if m.group("deg").lower() in ("larger", "greater", "bigger", "more") else pair[::-1])
    for m in _WHILE_MORE.finditer(text):  # 'while A enables X, B offers more flexibility': B wins
        a, b = set(content_stems(m.group("a"))), set(content_stems(m.group("b")))
        if a - b and b - a:
            pair = (b - a, a - b)
            out.append(pair if m.group("deg").lower() not in ("less", "lower", "weaker") else pair[::-1])
    for m in _LATTER.finditer(text):  # 'A and B both help, and the latter brings a larger gain'
        x, y = set(content_stems(m.group("x"))), set(content_stems(m.group("y")))
        pol = 1 if _LATTER_UP.search(m.group("tail")) else -1 if _LATTER_DOWN.search(m.group("tail")) else 0
        if x and y and x != y and pol:
            named, other = (y, x) if m.group("which").lower() == "latter" else (x, y)
            out.append((named, other) if pol > 0 else (other, named))
    for m in _PLAIN.finditer(text):
        winner = set(content_stems(_HEAD.split(text[: m.start()])[-1]))
        loser = _loser(text[m.end() :])
        if winner - loser and loser - winner:
            out.append((loser - winner, winner - loser))  # 'A lags B': B wins
    for m in _SELF.finditer(text):
        loser = _loser(text[m.end() :])
        if loser:
            out.append(({SELF}, loser))
    for m in _BEATS_SELF.finditer(text):  # 'Baselines outperform the method': the paper's own method loses
        winner = set(content_stems(_HEAD.split(text[: m.start()])[-1]))
        if winner:
            out.append((winner, {SELF}))
    return out


def _sides(text: str) -> list[tuple[set[str], set[str]]]:
    """(winner, loser) stems; manner adverbs ('consistently outperforms') are no part of either argument."""
    adverbs = {stemmer().stemWord(w.lower()) for w in words(text) if len(w) > 4 and w.lower().endswith("ly")}
    out = []
    for win, lose in comparison_sides(text) + extra_sides(text):
        win, lose = (win - adverbs) or win, (lose - adverbs) or lose
        out.append((win, lose))
    return out


def comparison_flipped(claim: str, sentence: str) -> bool:
    """The claim's winner is the sentence's loser and the claim's loser its winner (or the sentence's own
    method, named by a pronoun, that the claim's loser names in none of the sentence's other slots)."""
    ev = _sides(sentence)
    for wc, lc in _sides(claim):
        if any(_share(wc, we) > 0 and _share(lc, le) > 0 and
               _share(wc, we) + _share(lc, le) >= _share(wc, le) + _share(lc, we) + 0.5 for we, le in ev):
            continue  # the sentence states this comparison the claim's way
        for we, le in ev:
            cross, straight = _share(wc, le) + _share(lc, we), _share(wc, we) + _share(lc, le)
            if _share(wc, le) > 0 and _share(lc, we) > 0 and cross >= straight + 0.5:
                return True
            if we == {SELF} and _share(wc, le) >= 0.75 and not _share(lc, le):
                return True
    return False
