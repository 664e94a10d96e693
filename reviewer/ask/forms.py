"""Question forms the answer type alone does not capture, and the sentences each one wants first.

Researchers paraphrase: "Is it true that X ...?", "What evidence shows ...?", "What problem does X address?",
"Compared with Y, how does X ...?", "Why P, and what does X do about it?", "Why do X rather than Y?". The type
(general, mechanism ...) says what kind of sentence answers; the form says more: a yes/no or evidence question is
answered by the paper's finding (not by the background that motivates it), a problem question by the sentence that
states the problem (not by the proposal that addresses it), a two-part question by one sentence for each part, a
"compared with Y" question by what is asked after the comma, "why X rather than Y" by what is wrong with Y.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.ask.asked import asks_thing, reports_gains
from reviewer.ask.howlead import PROPOSAL_REACH, PROPOSAL_SHARE, PROPOSES, proposal_after_background
from reviewer.ask.lead import Scored, following, how_after_restatement, leans_on_previous
from reviewer.roles import Role, own_finding_clause, reports_other_work
from reviewer.textutil import content_stems

_OPENER = re.compile(r"^(?:so|and|ok(?:ay)?|please|can you|could you|tell me)[, ]+", re.IGNORECASE)
# "Is it true that ...", "Does X ...", "Can Y ...": the reader wants a verdict, i.e. the finding that settles it.
_YES_NO = re.compile(r"^(?:is (?:it|this) (?:true|the case|possible|so)\b|(?:is|are|do|does|did|can|could|will|would|"
                     r"has|have|was|were|should|must)\s)", re.IGNORECASE)
_EVIDENCE = re.compile(r"^(?:what|which)\s+(?:\w+\s+)?(?:evidence|findings?|results?|experiments?|observations?|data)\s+"
                       r"(?:shows?|suggests?|supports?|indicates?|demonstrates?|confirms?)\b"
                       # "What tendency do agents show ...?": an observed behaviour, i.e. a finding.
                       r"|^(?:what|which)\s+(?:\w+\s+)?(?:tendenc(?:y|ies)|behaviou?rs?|biases)\s+(?:do|does|did)\s"
                       # "What happens when ...?", "What is the effect of ...?": an observed consequence, a finding.
                       r"|^what\s+(?:happens|changes|results)\s+(?:when|if|once|after)\b"
                       r"|^what\s+(?:is|are|was|were)\s+the\s+(?:\w+\s+)?(?:effects?|impacts?|consequences?|outcomes?)\s+of\b"
                       r"|^what\s+(?:effect|impact|difference)\s+(?:does|do|did)\s",
                       re.IGNORECASE)
# A finding stated as such: "we find", "our findings reveal", "no evidence of", "contrary to the common belief".
_FINDING = re.compile(
    r"\b(?:we|the authors)\s+(?:\w+ly\s+)?(?:find|found|show|showed|demonstrate|reveal|observe|confirm|establish|prove|"
    r"discover|discovered|uncover|uncovered|identify|identified|notice|noticed|figure out|figured out)\b|"
    r"\b(?:results?|findings?|analys[ie]s|experiments?|evaluations?|study|studies)\b[^.;]{0,90}?\b"
    r"(?:show|shows|reveal|reveals|demonstrate|demonstrates|indicate|indicates|suggest|suggests|confirm|confirms|"
    r"yield|yields|are consistent)\b|\b(?:no evidence|contrary to|we corroborate|proves|turns out|turned out)\b|"
    # "Analyses with perturbation tests, ..., and fine-tuning with wrong answers suggest that ...": a long list of
    # evidence before its verb; the "that" clause marks it as a reported finding.
    r"\b(?:results?|findings?|analys[ie]s|experiments?|evaluations?|stud(?:y|ies)|tests?)\b[^.;]{90,200}?\b"
    r"(?:show|reveal|demonstrate|indicate|suggest|confirm)\s+that\b",
    re.IGNORECASE,
)
_AIMS = re.compile(r"\b(?:aims? to|seeks? to|we (?:investigate|explore|examine|study|analy[sz]e|ask)|remains? unclear|"
                   r"raises the (?:following )?(?:research )?question)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s?(?:%|x\b|×)")


def _body(question: str) -> str:
    return _OPENER.sub("", " ".join(question.split())).strip()


# "When models predict people's choices, do they ...?": a clause setting the scene before the question proper.
_SCENE = re.compile(r"^(?:when|if|once|after|given|while|whenever|in)\b[^,?]{3,120},\s*", re.IGNORECASE)


def _yes_no(body: str) -> bool:
    """The question's body asks yes or no, also after a scene-setting "When ...,"."""
    return bool(_YES_NO.match(body) or _YES_NO.match(_SCENE.sub("", body)))


def asks_verdict(question: str) -> bool:
    """A yes/no question ("Is it true that ...", "Can a weaker model ...", also after a scene-setting "When ...,")
    or one asking for the evidence."""
    body = _body(question)
    return _yes_no(body) or bool(_EVIDENCE.match(body))


def verdict_score(text: str, role: Role) -> float:
    """How much a sentence settles a yes/no question: the paper's finding, not its motivation or aim.

    A view the paper reports ("A growing body of work suggests ...") is what the question doubts, not the answer.
    """
    finding = bool(_FINDING.search(text))
    s = 0.08 * finding + 0.05 * (role in (Role.RESULT, Role.CONCLUSION)) + 0.02 * bool(_NUMBER.search(text))
    s -= 0.06 * (role == Role.BACKGROUND and not finding) + 0.06 * bool(_AIMS.search(text) and not finding)
    s -= 0.08 * (reports_other_work(text) and not own_finding_clause(text))
    return s


# "What problem does X address?", "What goes wrong when ...?", "What tendency do agents show ...?"
_PROBLEM_Q = re.compile(
    r"^(?:what|which)\s+(?:\w+\s+){0,3}?(?:problems?|challenges?|issues?|limitations?|shortcomings?|weakness(?:es)?|"
    r"bottlenecks?|difficult(?:y|ies)|flaws?|failures?|failure modes?|risks?|pitfalls?|gaps?|drawbacks?|downsides?)\b"
    r"|^what\s+(?:goes|went|can go)\s+wrong\b|^what\s+is\s+wrong\b"
    # "What do X do wrong ...?", "Where / in what way does X fall short?": the problem, asked through its subject.
    r"|^what\s+(?:do|does|did)\s+.+?\s+(?:do|get)\s+wrong\b"
    r"|^(?:where|in what (?:ways?|respects?))\s+(?:do|does|did)\s+.+?\s+(?:fall short|go wrong|fail|break down)\b"
    # "What (does the X paper say) holds back / hinders / limits X?": what stands in the way.
    r"|^what\s+(?:(?:do|does|did)\s+.+?\s+(?:say|find|show|report)\s+)?(?:holds?|held)\s+(?:\w+\s+)?back\b"
    r"|^what\s+(?:(?:do|does|did)\s+.+?\s+(?:say|find|show|report)\s+)?(?:hinders|hampers|limits|impedes)\b"
    # "What makes X hard to use / costly / impractical?": what stands in the way.
    r"|^what\s+makes\s+.+?\s+(?:so\s+|too\s+)?(?:hard|difficult|challenging|costly|expensive|impractical|unreliable|"
    r"risky|slow|infeasible|problematic)\b",
    re.IGNORECASE,
)
# Words of a problem statement; "to address this issue, we propose" is the proposal, not the problem.
_PROBLEM = re.compile(
    r"\b(?:problems?|challenges?|issues?|limitations?|bottlenecks?|drawbacks?|shortcomings?|pitfalls?|flaws?|fail\w*|"
    r"suffer\w*|degenerat\w*|vanish\w*|collaps\w*|trapped|stuck|hamper\w*|hinder\w*|undermin\w*|brittle|unstable|"
    r"instabilit\w*|overlook\w*|neglect\w*|lack\w*|insufficient|ineffective|costly|expensive|bias(?:es|ed)?|"
    r"risks?|dead ends?|regardless of|ignor\w*|deficien\w*|susceptib\w*|vulnerab\w*|inadequa\w*|"
    r"malicious|harmful|unsafe|"
    # What goes wrong in other words: harm done, effort wasted, a reward exploited.
    r"hurts?|hurting|worse|worsen\w*|degrad\w*|idle|wast\w*|unnecessar\w*|unreliab\w*|infeasib\w*|"
    r"exploit(?:s|ed|ing|ation)?|hacking|distract\w*|nois(?:e|y)|ambigu\w*|struggl\w*|"
    # What goes wrong in training: a model fitted to its data, stuck in one habit, or scored on leaked tests.
    r"overfit\w*|rigidit\w*|memoriz\w*|forgett\w*|contaminat\w*|leakage)\b"
    # "However, existing systems ...": the gap an abstract states before its proposal.
    r"|^(?:however|unfortunately|yet|but)\b",
    re.IGNORECASE,
)
_ADDRESSING = re.compile(r"\b(?:to (?:address|tackle|solve|overcome|mitigate|fix|remedy|alleviate|fill)|addresses|"
                         r"alleviat\w*|mitigat\w*|overcom\w*)\b[^,.;]*", re.IGNORECASE)


def asks_problem(question: str) -> bool:
    """The question names the problem side: what X addresses, what goes wrong, what tendency agents show."""
    return bool(_PROBLEM_Q.match(_body(question)))


def problem_score(text: str, role: Role) -> float:
    """How plainly a sentence states a problem (not the proposal that addresses it)."""
    stated = len(_PROBLEM.findall(_ADDRESSING.sub("", text)))
    s = min(0.08, 0.04 * stated)
    s -= 0.06 * (role == Role.METHOD and not stated) + 0.04 * bool(_ADDRESSING.search(text))
    return s


# Boilerplate that never answers anything: links and "code is available".
_BOILERPLATE = re.compile(r"https?://|github\.com|\b(?:code|data|dataset|models?|weights|implementation)s?\b[^.]{0,60}"
                          r"\b(?:is|are|has been|have been|will be)\s+(?:\w+ly\s+)?(?:available|released|open-?sourced)\b",
                          re.IGNORECASE)


def boilerplate(text: str) -> bool:
    """'Code of this work has been released at https://...': availability, not content."""
    return bool(_BOILERPLATE.search(text))


# "..., and how does X get around it?": a second question after the first.
_SECOND = re.compile(r",?\s+and\s+(?=(?:how|what|why|which|when|where|is|are|does|do|can|by how)\b)", re.IGNORECASE)
_ASKS = re.compile(r"^(?:how|what|why|which|when|where|by how)\s+(?:[\w-]+\s+){0,3}?(?:does|do|did|is|are|was|were|can|"
                   r"could|should|would|will|has|have|much|many)\b", re.IGNORECASE)
_AUX_FIRST = re.compile(r"^(?:is|are|does|do|did|can|could|will|would|has|have)\s", re.IGNORECASE)
_QWORD = re.compile(r"^(?:how|what|why|which|when|where|is|are|do|does|did|can|could|in what way)\b", re.IGNORECASE)


def two_parts(question: str) -> tuple[str, str] | None:
    """'Why P, and what does X do about it?' -> ('Why P?', 'what does X do about it?'); None for one question.

    Only when both halves are questions of their own ("What are A and B?" is one question).
    """
    body = _body(question).rstrip(" ?")
    if not _QWORD.match(body):
        return None
    for m in _SECOND.finditer(body):
        first, second = body[: m.start()].strip(" ,"), body[m.end():].strip()
        # The second half must itself be a question: "... and what does X do?", ", and can they ...?", not
        # "learn what to say and what not to say".
        asks = _ASKS.match(second) or ("," in m.group(0) and _AUX_FIRST.match(second))
        if len(first.split()) >= 4 and len(second.split()) >= 3 and asks:
            return first + "?", second + "?"
    return None


# "Compared with Y, how does X ...?": Y is the point of reference; the question after the comma is what is asked.
_COMPARED = re.compile(r"^(?:compared (?:with|to)|in comparison (?:with|to)|relative to|as opposed to)\s+(.+?),\s*(.+)$",
                       re.IGNORECASE)


def compared_with(question: str) -> tuple[str, str] | None:
    """(reference side Y, the question about X) for "Compared with Y, <question about X>?"; None otherwise."""
    m = _COMPARED.match(_body(question).rstrip(" ?"))
    return (m.group(1), m.group(2) + "?") if m and _QWORD.match(m.group(2)) else None


def form_score(verdict: bool, problem: bool, general: bool, text: str, role: Role, about: bool,
               question: str = "") -> float:
    """The score a sentence gains or loses for the question's form (`verdict`: yes/no or evidence question,
    applied to general questions; `problem`: a problem question; `about`: the sentence or its paper's title
    names the asked subject; a "what can serve as ..." question is not answered by a report of better scores)."""
    s = -0.05 * (general and not verdict and not problem and asks_thing(question) and reports_gains(text, role))
    if verdict and general:
        s += verdict_score(text, role)
    if problem:
        s += problem_score(text, role) + 0.06 * about
    return s


def states_problem(text: str) -> bool:
    """At least two problem words outside any "to address this ..." clause: the sentence states a problem."""
    return len(_PROBLEM.findall(_ADDRESSING.sub("", text))) >= 2


def problem_first(out: list[Scored]) -> list[Scored]:
    """For a problem question, a lead that states no problem (the motivation, the proposal) yields to the best
    sentence of the same abstract among its next nine that does, scoring at least half the lead's score."""
    if not out or states_problem(out[0].ev.text):
        return out
    lead = out[0]
    # The abstract's own next nine sentences by score, however many other papers' sentences rank between them.
    own = [(i, x) for i, x in enumerate(out[1:], start=1) if x.ev.paper_id == lead.ev.paper_id][:9]
    for i, x in own:
        if x.score >= 0.5 * lead.score and states_problem(x.ev.text) and not leans_on_previous(x.ev.text, x.antecedent):
            return [x, *out[:i], *out[i + 1:]]
    return out


def _settles(x: Scored) -> bool:
    """A finding or a result: what a yes/no or evidence question is answered by."""
    t = x.ev.text
    return (bool(_FINDING.search(t)) or x.role in (Role.RESULT, Role.CONCLUSION)) and not (
        reports_other_work(t) and not own_finding_clause(t))


def finding_first(out: list[Scored]) -> list[Scored]:
    """For a yes/no or evidence question, a lead that is neither a finding nor a result (the method, the aim)
    yields to the best sentence of the same abstract among the next nine that is, scoring at least 0.6 of the
    lead's score and standing alone."""
    if not out or _settles(out[0]):
        return out
    lead = out[0]
    for i, x in enumerate(out[1:10], start=1):
        if (x.ev.paper_id == lead.ev.paper_id and x.score >= 0.6 * lead.score and _settles(x)
                and not leans_on_previous(x.ev.text, x.antecedent)):
            return [x, *out[:i], *out[i + 1:]]
    return out


# "Does X judge A as well as B?", "Can a small model beat a large one?", "Do X hallucinate more?": the verdict is a
# comparison, settled by the finding that states how the two compare, not by one that praises one side.
_COMPARES_Q = re.compile(r"\b(?:than|as\s+(?!a\b|an\b|the\b)\w+\b[^?,]{0,60}?\bas|more|less|fewer|better|worse|beat|outperform\w*|"
                         r"match|rival|equal|on par|keep up with|compete with)\b", re.IGNORECASE)
_STATES_COMPARISON = re.compile(
    r"\b(?:than|outperform\w*|underperform\w*|surpass\w*|match(?:es|ed|ing)?|rival\w*|comparabl[ey]|on par|"
    r"as\s+(?:\w+\s+){1,2}as|fall\w* short|lag\w* behind|improv\w* (?:over|upon|on)|beat\w*|exceed\w*|gaps?|"
    r"compared (?:to|with)|relative to|worse|better|more|less|fewer|higher|lower)\b", re.IGNORECASE)


# "Which kinds of X work best?", "What is the most effective way to ...?": answered by the finding that compares.
_SUPERLATIVE_Q = re.compile(r"^(?:which|what)\b[^?]*?\b(?:(?:works?|performs?|does|do|is|are)\s+(?:the\s+)?best|"
                            r"(?:the\s+)?most\s+(?:effective|successful|accurate|useful)|better)\b", re.IGNORECASE)


def asks_comparison_verdict(question: str) -> bool:
    """A yes/no question that compares two things ("as well as", "beat", "more than"), or one asking which works
    best."""
    body = _body(question)
    return _yes_no(body) and bool(_COMPARES_Q.search(body)) or bool(_SUPERLATIVE_Q.match(body))


def comparison_first(out: list[Scored], share: float = 0.6) -> list[Scored]:
    """For a yes/no question that compares, a lead that states no comparison ("internal states can serve as
    reliable signals") yields to the best finding among the same abstract's next nine sentences that does ("they match
    or even surpass PRMs up to 810x larger"), scoring at least `share` of the lead and standing alone (for "which
    works best", WINNER_SHARE: like "which model ... most", it asks for a ranking that a short result states)."""
    if not out or _STATES_COMPARISON.search(out[0].ev.text):
        return out
    lead = out[0]
    # The abstract's own next nine sentences by score, however many other papers' sentences rank between them.
    own = [(i, x) for i, x in enumerate(out[1:], start=1) if x.ev.paper_id == lead.ev.paper_id][:9]
    for i, x in own:
        if (x.score >= share * lead.score and _settles(x) and _STATES_COMPARISON.search(x.ev.text)
                and not leans_on_previous(x.ev.text, x.antecedent)):
            return [x, *out[:i], *out[i + 1:]]
    return out


# How much of a yes/no question's own words a lead must state to state its claim.
CLAIM_SHARE = 0.6


def states_claim(text: str, question: str) -> bool:
    """The sentence states the yes/no question's own claim ("Humans prefer the sets of values output by their
    system over the teacher GPT-4" for "Do people prefer Kaleido's value outputs to GPT-4's?"): it answers the
    question whatever its role, without a "we show that"."""
    body = _body(question)
    if not _yes_no(body):  # "What evidence shows X?" is not X
        return False
    asked = set(content_stems(body))
    return len(asked) >= 3 and len(asked & set(content_stems(text))) >= CLAIM_SHARE * len(asked)


def verdict_first(out: list[Scored], question: str, verdict: bool) -> list[Scored]:
    """A yes/no or evidence question's lead is a finding (or states the question's claim); a comparing or "which
    works best" question's, one that states the comparison; a "which model ... most often" question's, the result
    that names the leader."""
    # Not earlier work's claim ("recent studies demonstrate that a persona improves ..."), which the question may doubt.
    claimed = bool(out) and not out[0].reported and states_claim(out[0].ev.text, question)
    out = finding_first(out) if verdict and not claimed else out
    ranking = bool(_SUPERLATIVE_Q.match(_body(question)))
    out = comparison_first(out, WINNER_SHARE if ranking else 0.6) if asks_comparison_verdict(question) else out
    return winner_first(out) if asks_winner(question) else out


# "Which model put X first most often?", "Which system scored lowest?": asks for the one that ranked first or last.
_WINNER_Q = re.compile(r"^which\s+(?:[\w-]+\s+){0,2}?(?:models?|llms?|systems?|methods?|approach(?:es)?|algorithms?|"
                       r"agents?|variants?)\b[^?]*\b(?:most|least|best|worst|highest|lowest|top|ahead|(?:ranks?|ranked|came|placed) (?:first|last))\b",
                       re.IGNORECASE)
# A result that ranks: "achieved the highest score", "recorded the lowest", "performs best".
_NAMES_WINNER = re.compile(r"\b(?:highest|lowest|best|worst|strongest|weakest|top-performing|top-ranked|ranks? first|"
                           r"first place|outperform\w* all)\b", re.IGNORECASE)
# A question is about one paper's ranking: its answer may sit far down that abstract's candidates (a short result
# sentence shares few words with a paraphrased question); how far, as a fraction of the lead's score.
WINNER_SHARE = 0.4


def asks_winner(question: str) -> bool:
    """'Which model ... most often / best / lowest ...?': the answer names the model that ranked first (or last)."""
    return bool(_WINNER_Q.match(_body(question)))


def winner_first(out: list[Scored]) -> list[Scored]:
    """For a "which model ... most" question, a lead that names no ranking (the benchmark's gap, its design) yields to
    the best result of the same abstract that does, scoring at least WINNER_SHARE of the lead and standing alone."""
    if not out or _NAMES_WINNER.search(out[0].ev.text):
        return out
    lead = out[0]
    for i, x in enumerate(out[1:], start=1):
        if (x.ev.paper_id == lead.ev.paper_id and x.score >= WINNER_SHARE * lead.score and _settles(x)
                and _NAMES_WINNER.search(x.ev.text) and not leans_on_previous(x.ev.text, x.antecedent)):
            return [x, *out[:i], *out[i + 1:]]
    return out


# "Why fine-tune on X rather than run Y?": a choice between two ways of doing something; what is wrong with Y answers it.
_WHY_CHOOSE = re.compile(r"^why\s+(?!(?:do|does|did|is|are|was|were|can|could|would|should|will|has|have|might|must|not)\b)"
                         r"\w+\b.*?\b(?:rather than|instead of)\s+(.+)$", re.IGNORECASE)
_LEADING_VERB = re.compile(r"^(?:just\s+)?(?:run|running|use|using|train|training|apply|applying|do|doing|rely on|"
                           r"relying on|collect|collecting)\s+(?:the\s+|a\s+|an\s+)?", re.IGNORECASE)


def rejected_alternative(question: str) -> str:
    """Y of "Why <do> X rather than / instead of <do> Y?" ("reinforcement learning"), or ''."""
    m = _WHY_CHOOSE.match(_body(question).rstrip(" ?"))
    return _LEADING_VERB.sub("", m.group(1)).strip() if m else ""


def alternative_first(out: list[Scored], alternative: str, mentions: Callable[[str, str], bool]) -> list[Scored]:
    """For "why X rather than Y", a lead that says nothing against Y yields to the sentence of its own abstract
    that names Y with a problem ("However, RL is not only expensive but also unstable"), wherever relevance put
    it (such sentences are short and share few words with the question)."""
    def names(text: str) -> bool:  # Y itself, or its head noun ("such a score" for "numeric quality scores")
        head = content_stems(alternative)[-1:]
        return mentions(text, alternative) or bool(head) and head[0] in content_stems(text)

    if not out or not alternative or (names(out[0].ev.text) and states_problem(out[0].ev.text)):
        return out
    lead = out[0]
    for i, x in enumerate(out[1:], start=1):
        if (x.ev.paper_id == lead.ev.paper_id and names(x.ev.text)
                and states_problem(x.ev.text) and not leans_on_previous(x.ev.text, x.antecedent)):
            return [x, *out[:i], *out[i + 1:]]
    return out


# "Which idea from argumentation theory ...?", "What principle underlies ...?": the answer names the idea.
_IDEA_Q = re.compile(r"^(?:which|what)\s+(?:\w+\s+)?(?:ideas?|concepts?|notions?|principles?|insights?|intuitions?|"
                     r"theor(?:y|ies))\b", re.IGNORECASE)
_NAMES_IDEA = re.compile(r"\b(?:notion|concept|idea|principle|insight|intuition|theory|model)s? of\b|\b(?:inspired by|"
                         r"drawing (?:on|from)|draws? (?:on|from)|borrow\w*|makes? use of|builds? (?:on|upon)|rooted in|"
                         r"grounded in)\b", re.IGNORECASE)


def asks_idea(question: str) -> bool:
    """'Which idea / principle / concept ...?': a thing of thought is asked for, not a finding or a method's steps."""
    return bool(_IDEA_Q.match(_body(question)))


def idea_first(out: list[Scored]) -> list[Scored]:
    """For 'which idea ...?', a lead that names no idea (what the method then does) yields to a close sentence that
    does ("makes use of the notion of critical questions from ... argumentation theory"), scoring at least 0.7 of
    the lead and standing alone."""
    if not out or _NAMES_IDEA.search(out[0].ev.text):
        return out
    lead = out[0]
    for i, x in enumerate(out[1:6], start=1):
        if (_NAMES_IDEA.search(x.ev.text) and x.score >= 0.7 * lead.score and not x.reported
                and not leans_on_previous(x.ev.text, x.antecedent)):
            return [x, *out[:i], *out[i + 1:]]
    return out


def how_first(out: list[Scored], predicate: set[str], stems: Callable[[str], list[str]]) -> list[Scored]:
    """A "how" question's lead: `lead.how_after_restatement`, then, when the lead only states the problem the
    question names ("conventional RMs struggle with arithmetic ... and factual lookup" for "how can a reward model
    cope with arithmetic ...?"), the proposal within PROPOSAL_REACH sentences after it in its abstract that addresses
    it, scoring at least PROPOSAL_SHARE of the lead."""
    out = how_after_restatement(out, predicate, stems)
    if not out or out[0].role not in (Role.BACKGROUND, Role.LIMITATION):
        return out
    lead = out[0]
    if not _PROBLEM.search(_ADDRESSING.sub("", lead.ev.text)):
        return proposal_after_background(out, lead)
    for i, x in following(out, lead, PROPOSAL_REACH):
        if (x.role == Role.METHOD and PROPOSES.search(x.ev.text) and x.score >= PROPOSAL_SHARE * lead.score
                and not leans_on_previous(x.ev.text, x.antecedent)):
            return [x, *out[:i], *out[i + 1:]]
    return out
