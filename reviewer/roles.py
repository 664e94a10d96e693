"""Rhetorical role of each abstract sentence: background, objective, method, result, conclusion, limitation.

Shared by the survey writer (which quotes only a paper's own method/result/conclusion sentences), `ask`
(which attributes background to "prior work") and the claim checker (a claim whose only evidence is a
sentence reporting other work is not that paper's finding). Rules, not a model: abstracts follow a
strong conventional order and cue vocabulary, and rules are inspectable and fast.
"""

from __future__ import annotations

import re
from enum import Enum


class Role(str, Enum):
    BACKGROUND = "background"
    OBJECTIVE = "objective"
    METHOD = "method"
    RESULT = "result"
    CONCLUSION = "conclusion"
    LIMITATION = "limitation"


# A sentence that reports what *other* people claim or believe: never the cited paper's own finding.
_REPORTED = re.compile(
    r"\b(?:some|many|several|recent|prior|previous|existing|earlier|other|past)\s+(?:\w+\s+){0,2}?"
    r"(?:studies|works?|research(?:es)?|papers?|literature|findings|reports|methods|approaches|efforts|analyses)\s+"
    r"(?:\w+\s+){0,2}?(?:have\s+|has\s+)?(?:suggest|show|shown|claim|report|argue|find|found|found|demonstrat"
    r"|indicat|propos|observ|reveal|hypothesi|assum|posit|note|believ|attribut|focus|rely|relied)\w*"
    r"|\b(?:it\s+(?:is|has\s+been)\s+(?:widely\s+|commonly\s+|generally\s+|often\s+|long\s+)?"
    r"(?:believed|assumed|argued|thought|claimed|suggested|reported|accepted|held|hypothesi[sz]ed|shown))"
    r"|\b(?:is|are|was|were|has been|have been)\s+(?:widely|commonly|generally|often|frequently|long)\s+"
    r"(?:believed|assumed|thought|regarded|considered|claimed|reported|accepted|held)"
    r"|\b(?:conventional|common|popular|prevailing)\s+wisdom\b|\bwidely\s+(?:held|accepted)\b"
    r"|\baccording\s+to\s+(?:prior|previous|recent|some|existing)\b"
    # the field's advances or evidence, a consensus, a common belief, one hypothesis, some researchers
    r"|\b(?:some|many|several|recent|prior|previous|existing|earlier|past)\s+(?:[\w()\-]+\s+){0,6}?(?:advances|"
    r"advancements|breakthroughs|developments|"
    r"evidence|investigations|observations|surveys)\s+(?:[\w()\-]+\s+){0,6}?(?:have\s+|has\s+)?(?:suggest|show|shown|"
    r"claim|report|argue|find|found|demonstrat|indicat|reveal|observ)\w*"
    r"|\bthere\s+(?:is|has\s+been)\s+(?:an?\s+)?(?:emerging|growing|broad|general|widespread|increasing)\s+"
    r"(?:consensus|belief|agreement|view|recognition)\b"
    r"|\b(?:a|the)\s+(?:common|popular|prevailing|widespread|conventional|dominant|widely\s+held)\s+"
    r"(?:belief|view|assumption|hypothesis|intuition|narrative|understanding)\s+(?:is|holds)\b"
    r"|\bone\s+(?:common\s+|popular\s+|plausible\s+)?(?:hypothesis|explanation|view|belief|assumption)\s+is\s+that\b"
    r"|\b(?:many|some|several)\s+(?:researchers|authors|scholars|practitioners)\s+(?:have\s+)?(?:believe|argue|argued|"
    r"claim|claimed|suggest|suggested|shown|found|hypothesi[sz]ed)\b"
    r"|^(?:studies|research|evidence)\s+(?:has|have)\s+(?:shown|suggested|indicated|demonstrated|found)\b"
    # a body of work, a named hypothesis, the field's current research: 'A growing body of work suggests',
    # 'The Superficial Alignment Hypothesis posits that', 'In most current research, ...', 'Researchers have moved'
    r"|\b(?:a|an)\s+(?:growing|increasing|large|substantial)\s+(?:number|body)\s+of\s+(?:\w+\s+)?(?:studies|works?|"
    r"research|papers|evidence|literature)\b"
    r"|\b(?:hypothesis|conjecture|theory)\s+(?:posits|holds|states|suggests|claims|argues)\s+that\b"
    r"|^(?:\w+\s+){0,3}?in\s+(?:most\s+|much\s+)?(?:current|prior|previous|existing|recent)\s+(?:research|work|studies|"
    r"literature)\s*,"
    r"|^(?:researchers|scholars)\s+(?:have|has)\s+\w+(?:ed|en|wn)\b"
    r"|\b(?:many|several|numerous|most)\s+(?:studies|works|researchers|papers)\s+(?:have|has)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn)\b",
    re.IGNORECASE,
)
# The abstract turns against a view it has just reported.
_REJECTS = re.compile(
    r"\b(?:contrary to|in contrast to (?:this|these|such|prior|previous|common|conventional|popular)|"
    r"(?:challenge|challenges|challenged|challenging|question|questions|questioned|questioning) "
    r"(?:this|these|that|such|the (?:common|conventional|prevailing|popular|widespread)|whether|prior|previous)|"
    r"refut\w*|contradict\w*|overturn\w*|debunk\w*|"
    r"we (?:find|show|demonstrate|observe|argue|reveal) (?:that )?(?:this|these|such|the opposite|otherwise)|"
    r"do(?:es)? not (?:hold|generalize|transfer)|fail(?:s|ed|ing)? to (?:hold|replicate|reproduce|generalize|"
    r"transfer|achieve similar|match)|"
    r"(?:is|are|be|were) (?:largely |often |mostly )?(?:an artifact|spurious|misleading|unfounded|unreliable|"
    r"overstated|inflated|overestimated|illusory)|"
    r"only (?:work|hold|apply)s? (?:for|on|in)|only (?:accurate|correct|genuine|true|clean) \w+|the opposite|"
    r"(?:assumption|belief|view|intuition|premise|hypothesis)s? (?:\w+ly )?(?:fails?|breaks? down|(?:does|do) not hold|"
    r"(?:is|are) (?:flawed|wrong|mistaken|false|incorrect|misguided))|(?:to be|is|are) (?:\w+ly )?flawed)\b",
    re.IGNORECASE,
)
# In the reported sentence itself, a turn against the view: 'X is assumed, but this assumption frequently fails'.
# (mid-sentence only: an opening 'However, ...' turns against the sentence before, not this one)
_TURN = re.compile(r"[,;:]\s*(?:but|yet|however|whereas)\b", re.IGNORECASE)
_OWN = re.compile(r"\b(?:we|our|us|ours)\b|^(?:this|the present|our) (?:paper|work|study|article|report)\b",
                  re.IGNORECASE)
_FIRST_OWN = re.compile(r"\b(?:we|our)\b|^(?:this|the present|our) (?:paper|work|study|article|report)\b",
                        re.IGNORECASE)
_HERE = re.compile(r"^(?:here|in this (?:paper|work|study))\b", re.IGNORECASE)
_OBJECTIVE = re.compile(
    r"\b(?:we (?:aim|seek|set out|ask|investigate|study|examine|explore|address|focus on|tackle|revisit)|"
    r"(?:this|the present|our) (?:paper|work|study|article) (?:aims|seeks|investigates|studies|examines|"
    r"explores|addresses|asks|focuses)|in this (?:paper|work|study)|the (?:goal|aim|objective|purpose) of "
    r"(?:this|our)|to (?:answer|address) (?:this|these) question)\b",
    re.IGNORECASE,
)
_METHOD = re.compile(
    r"\b(?:we|this (?:paper|work|study)|here we)\s+(?:\w+ly\s+)?(?:propose|introduce|present|develop|design|"
    r"describe|formulate|build|construct|devise|train|fine-tune|use|employ|leverage|adopt|apply|extend|"
    r"collect|curate|release|create|construct|implement)s?\b"
    r"|\b(?:called|named|dubbed|termed)\s+[A-Z]"
    r"|\b(?:our|the proposed) (?:method|approach|framework|model|algorithm|system|technique)\b"
    r"|\b(?:consists? of|is trained|are trained|is built|works by|by (?:first )?(?:training|using|sampling|"
    r"learning|generating|combining|decomposing))\b",
    re.IGNORECASE,
)
_RESULT = re.compile(
    r"\b(?:outperform\w*|surpass\w*|improv(?:es|ed|ement|ements)|achiev\w*|boost\w*|exceed\w*|reduc\w*|"
    r"state-of-the-art|SOTA|yield\w*|rivals?|matches|beats?|speed-?ups?|gains?|accuracy of|"
    r"(?:results|experiments|evaluations?|analys[ie]s|ablations?) (?:show|demonstrate|indicate|reveal|"
    r"suggest|confirm)|we (?:find|found|show|observe|demonstrate|reveal|discover|confirm|report)|"
    r"empirically|experimentally)\b|\d+(?:\.\d+)?\s?(?:%|x\b|×|points?\b|pp\b)",
    re.IGNORECASE,
)
_CONCLUSION = re.compile(
    r"^(?:overall|in summary|in conclusion|taken together|collectively|together|these (?:results|findings)|"
    r"our (?:results|findings|work)|this (?:work|study) (?:highlights|suggests|demonstrates|shows|provides|"
    r"opens|paves|offers)|we (?:hope|believe|conclude|argue)|our findings)\b"
    r"|\b(?:paves? the way|sheds? light|opens? (?:up )?(?:new|a) (?:avenue|direction)|"
    r"(?:highlight|underscore)s? the (?:importance|need|potential)|offers? (?:new )?insights?)\b",
    re.IGNORECASE,
)
_LIMITATION = re.compile(
    r"\b(?:limitations?|remains? (?:an? )?(?:open|unclear|challenging|unsolved|unexplored|underexplored)|"
    r"future (?:work|research|directions?)|open (?:problems?|questions?|challenges?)|left for future|"
    r"does not (?:yet )?(?:address|handle|scale)|(?:fails?|struggles?) to|is limited (?:to|by)|"
    r"(?:still|yet to be) (?:lacking|limited|unclear|unknown|open)|not yet (?:clear|understood|known))\b",
    re.IGNORECASE,
)
_FIELD_BACKGROUND = re.compile(
    r"\b(?:have|has) (?:recently )?(?:emerged|become|gained|attracted|achieved|shown)\b"
    r"|\b(?:recent|existing|current|prior|previous|conventional|standard)(?: [\w-]+)? (?:work|works|methods|"
    r"approaches|studies|research|advances|efforts|techniques|systems|models)\b"
    r"|\b(?:is|are) (?:a |an )?(?:promising|crucial|critical|key|fundamental|important|essential|popular|"
    r"widely used)\b|\bplays? (?:a|an) (?:crucial|critical|key|important|vital|central)\b"
    r"|\bemerg\w* as\b|\b(?:typically|commonly|widely|traditionally)\b",
    re.IGNORECASE,
)


_FUTURE = re.compile(r"\b(?:still (?:meets|faces|struggles|has|lacks|falls short)|future (?:work|research|efforts|"
                     r"studies|directions?)|left (?:open|for future)|remains? (?:an )?open)\b", re.IGNORECASE)
_FOR_FUTURE_USE = re.compile(r"\b(?:facilitat|foster|support|enabl|inspir|benefit|spur|advanc|guid)\w* (?:further |"
                             r"the )?(?:future|further)\b", re.IGNORECASE)
_LEAVE_FOR_FUTURE = re.compile(r"\b(?:leave|left)\b[^.]{0,40}\bfuture\b", re.IGNORECASE)
_NUMBERED_RESULT = re.compile(r"\d+(?:\.\d+)?\s?(?:%|\\%|x\b|×|points?\b)")
_PROBLEM = re.compile(
    r"\b(?:challeng\w*|lack\w*|struggl\w*|suffer\w*|limited|limitations?|bottleneck|hinder\w*|costly|"
    r"expensive|prohibitive|remains? (?:unclear|difficult|open|underexplored))\b",
    re.IGNORECASE,
)
_RESULT_VERBS = re.compile(r"\b(?:outperform\w*|surpass\w*|achiev\w*|we (?:find|show|demonstrate))\b", re.IGNORECASE)


# A claim that itself says the paper is *reporting* earlier work ("As background, this abstract reports
# earlier work: ..."), which is then a correct reading of a background sentence, not a misattribution.
_ATTRIBUTED = re.compile(
    r"^\s*(?:as background\b|according to (?:the )?(?:earlier|prior|previous|other) work\b)"
    r"|\b(?:this abstract|the abstract|this paper|the authors|the paper) (?:reports?|cites?|notes?|mentions?|"
    r"summari[sz]es?|describes?) (?:that )?(?:earlier|prior|previous|other|existing) (?:work|studies|research)\b",
    re.IGNORECASE,
)


def attributes_to_other_work(claim: str) -> bool:
    """The claim says outright that the cited paper reports others' work, not its own finding."""
    return bool(_ATTRIBUTED.search(claim))


# Another agent as the subject of any finite verb: 'Recent work analyzing ICL has identified ...', 'Prior work has
# explored ...', 'previous work constructing CoT rationales concentrates ...', 'Conventional alignment practices typically assume ...', 'Existing methods rely on ...'. Read
# only before the paper's own first-person words (in 'our method beats existing methods that ...' the other
# work is an object, not the speaker).
_OTHER_AGENT = re.compile(
    r"\b(?:recent|prior|previous|existing|earlier|past|other|conventional|current|standard|traditional|"
    r"mainstream|prevailing)\s+(?:[\w()\-]+\s+){0,6}?(?:studies|works?|research|papers?|literature|methods|"
    r"approaches|practices|efforts|techniques|analyses|investigations|researchers|authors)\s+"
    r"(?:(?:[\w()\-]+\s+){0,16}?(?:have|has)\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en|wn|ht|nd)\b|"
    r"(?:\w+ing\s+(?:[\w()\-]+\s+){1,4}?)?(?:(?:\w+ly|often|also|still)\s+)?(?:assume|believe|argue|suggest|claim|hold|posit|rely|relie|treat|view|"
    r"regard|consider|focuse|focus|hypothesi[sz]e|take|use|require|model|expect|show|find|report|illustrate|"
    r"identify|identifie|propose|explore|concentrate|neglect|ignore|overlook|employ|adopt|applie|apply|depend|"
    r"emphasi[sz]e|address|addresse|target|leverage|optimi[sz]e|attempt|tackle|studie|investigate|exploit|lack|"
    r"compress|suffer|struggle|remain)s?\b)",
    re.IGNORECASE,
)
# A view held for long, or by default: 'has long been viewed as', 'are typically assumed to', 'is often seen as'.
_HELD_VIEW = re.compile(
    r"\b(?:is|are|was|were|has been|have been|has|have)\s+(?:long|typically|usually|traditionally|conventionally|"
    r"often|commonly|widely|generally|frequently)\s+(?:been\s+)?(?:viewed|seen|regarded|considered|assumed|"
    r"believed|thought|taken|treated|understood|hypothesi[sz]ed|argued|presumed)\b"
    r"|\b(?:it\s+(?:is|has\s+been)\s+(?:widely\s+|commonly\s+|generally\s+|often\s+|long\s+)?"
    r"(?:presumed|conjectured|speculated|posited|recognized|acknowledged|observed|noted)\s+that)\b"
    # findings reported in the passive: 'LLMs have been shown to', 'are known to', 'studies have found'
    r"|\b(?:has|have)\s+(?:\w+ly\s+)?been\s+(?:\w+ly\s+)?(?:shown|found|demonstrated|reported|observed|"
    r"suggested|argued|hypothesi[sz]ed)\s+(?:to|that)\b|\b(?:is|are)\s+(?:well[\s-])?known\s+to\b"
    r"|\b(?:studies|research|evidence|experiments|researchers)\s+(?:has|have)\s+(?:\w+ly\s+)?(?:shown|found|"
    r"suggested|indicated|demonstrated|revealed|reported)\b",
    re.IGNORECASE,
)


def reports_other_work(sentence: str) -> bool:
    """'Some studies suggest X', 'It is widely believed that X': a claim the paper reports, not makes."""
    if _REPORTED.search(sentence):
        return True
    return any(m is not None and not _FIRST_OWN.search(sentence[: m.end()])
               for m in (_HELD_VIEW.search(sentence), _OTHER_AGENT.search(sentence)))


# The paper's own finding set against a reported view in the same sentence ('while prior work suggests X,
# our results reveal Y').
_OWN_FINDING = re.compile(r"\bwe (?:find|found|show|demonstrate|reveal|observe)\b|\bour (?:results|findings|analys[ie]s|"
                          r"experiments|study|evaluations?) (?:\w+ )?(?:show|reveal|demonstrate|indicate|suggest|uncover)",
                          re.IGNORECASE)


def own_finding_clause(sentence: str) -> str:
    """The part of a sentence that states the paper's own finding after reporting others' view, or ''."""
    m = _OWN_FINDING.search(sentence)
    return sentence[m.start() :] if m and reports_other_work(sentence[: m.start()]) else ""


def rejects_reported_view(sentences: list[str], index: int) -> bool:
    """Whether the abstract turns against the view sentence `index` reports: in that sentence after a turn
    ('..., but this assumption frequently fails') or in any later sentence."""
    if 0 <= index < len(sentences) and (turn := _TURN.search(sentences[index])) and _REJECTS.search(
            sentences[index][turn.end():]):
        return True
    later = sentences[index + 1 :]
    return any(_REJECTS.search(s) for s in later)


# The abstract faults the reported practice right after reporting it: 'However, these approaches are inherently
# constrained by data availability', 'These sorts of explanations may not be sufficient', 'attaining such a score is
# often infeasible' (a back-reference to the practice, then a fault), or the paper 'reinterprets' the view.
_FAULTED = re.compile(
    r"\b(?:these|such|this|those)\s+(?:\w+\s+){0,2}?(?:approach|method|work|technique|assumption|practice|"
    r"explanation|score|metric|strateg|paradigm|pipeline|setting|annotation|data)\w*\b[^.;]{0,80}?\b(?:constrained|"
    r"limited|insufficient|not (?:be |always )?sufficient|infeasible|unreliable|impractical|inadequate|flawed|"
    r"fail\w*|struggle\w*|costly|expensive|prohibitive)\b|\breinterpret\w*",
    re.IGNORECASE,
)
# ... or faults it in the reporting sentence itself: '... concentrates solely on correct options, neglecting ...'
# (a participle of harm or omission: '..., hindering more concise reasoning', '..., limiting their applicability')
_FAULTED_HERE = re.compile(r",\s*(?:thus\s+|thereby\s+|while\s+)?(?:neglect|ignor|overlook|miss|disregard|hinder|hamper|"
                           r"imped|limit|restrict|undermin|compromis|degrad|harm|sacrific)ing\b", re.IGNORECASE)


def faults_reported_practice(sentences: list[str], index: int) -> bool:
    """Whether the abstract faults the practice or view sentence `index` reports, in that sentence or the next
    two: a weaker turn than `rejects_reported_view`, read by the checker only for a claim that restates it."""
    if not 0 <= index < len(sentences):
        return False
    return bool(_FAULTED_HERE.search(sentences[index])) or any(_FAULTED.search(s)
                                                               for s in sentences[index + 1 : index + 3])


def sentence_role(sentence: str, index: int, n: int) -> Role:
    """Role of sentence `index` of an `n`-sentence abstract, from cue phrases and position."""
    s = sentence.strip()
    own = bool(_OWN.search(s))
    if reports_other_work(s) and not re.search(r"\bwe (?:find|show|demonstrate|reveal)\b", s, re.IGNORECASE):
        return Role.BACKGROUND
    if _FUTURE.search(s) and index > 0 and not _FOR_FUTURE_USE.search(s):
        return Role.LIMITATION
    if _METHOD.search(s) and own and not _LEAVE_FOR_FUTURE.search(s):
        return Role.METHOD
    if _LIMITATION.search(s) and (own or index >= n - 2 or "future" in s.lower()):
        return Role.LIMITATION if index > 0 else Role.BACKGROUND
    if _CONCLUSION.search(s) and index >= max(1, n // 2) and not _NUMBERED_RESULT.search(s):
        return Role.CONCLUSION
    if not own and _PROBLEM.search(s) and not _RESULT_VERBS.search(s):
        return Role.BACKGROUND
    if _RESULT.search(s) and (own or index > 0) and not (_FIELD_BACKGROUND.search(s) and not own):
        return Role.RESULT
    if _METHOD.search(s):
        return Role.METHOD
    if _OBJECTIVE.search(s):
        return Role.OBJECTIVE
    if _FIELD_BACKGROUND.search(s) and not own:
        return Role.BACKGROUND
    if index == 0 and not own:
        return Role.BACKGROUND
    if own:
        return Role.METHOD
    # Unmarked middle sentences describe the approach; late unmarked ones usually state outcomes.
    if index >= n - 1 and n > 2:
        return Role.CONCLUSION
    return Role.METHOD if index < n - 1 else Role.RESULT


def sentence_roles(sentences: list[str]) -> list[Role]:
    """Roles of a whole abstract. Abstracts state the field's context before the paper's own first
    statement ("we ...", "this paper ...", "here, ..."), so every unmarked sentence before that point is
    background, whatever verbs it uses ("PRMs provide feedback ..., potentially improving ...")."""
    n = len(sentences)
    roles = [sentence_role(s, i, n) for i, s in enumerate(sentences)]
    first_own = next((i for i, s in enumerate(sentences) if _FIRST_OWN.search(s.strip()) or _HERE.match(s.strip())),
                     None)
    if first_own is not None:
        for i in range(first_own):
            if roles[i] not in (Role.LIMITATION,):
                roles[i] = Role.BACKGROUND
        # After it, an unmarked problem statement is the paper's own finding about its method, not context.
        for i in range(first_own + 1, n):
            s = sentences[i]
            if roles[i] == Role.BACKGROUND and not reports_other_work(s) and not _FIELD_BACKGROUND.search(s):
                roles[i] = Role.LIMITATION if _LIMITATION.search(s) or _PROBLEM.search(s) else Role.RESULT
    return roles


OWN_ROLES = frozenset({Role.METHOD, Role.RESULT, Role.CONCLUSION, Role.LIMITATION, Role.OBJECTIVE})
