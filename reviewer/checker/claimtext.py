"""The part of a survey sentence the cited abstract has to state: no citation markers, no attribution.

Generated survey sentences carry citation markers and 'Wang et al. (2024) show that' or 'the authors
find' framings; the offline writer also rewrites 'we' as 'the authors'. None of it is something the
abstract states, so the checker compares the claim without it, with 'the authors' read back as 'we'.
"""

from __future__ import annotations

import re

from reviewer.textutil import surname

_CITATION = re.compile(
    r"\s*(?:\[[^\]]{1,80}\]|\((?:[A-Z][^()]{0,60}?(?:et al\.?|\b(?:19|20)\d{2}[a-z]?)[^()]{0,20})\))"
)
_ATTRIBUTION = re.compile(
    r"^(?:(?:[A-Z][\w'\-]+(?:\s+(?:et al\.?|and [A-Z][\w'\-]+))?(?:\s*\(\d{4}[a-z]?\))?)|the authors|they|"
    r"this (?:paper|work|study)|the (?:paper|work|study)|"
    # 'The SWAP authors', "AlphaLLM's authors", 'The APOHF paper': a name for the paper, not a finding
    r"(?:the |this )?[A-Z][\w\-]*(?:'s|’s)? (?:authors|paper|work|study|report))\s+(?:also\s+)?"
    r"(?:find|found|finds|show|showed|shows|report|reported|reports|demonstrate|demonstrated|demonstrates|"
    r"observe|observed|observes|argue|argued|argues|note|noted|notes|claim|claimed|claims|confirm|confirms|"
    r"confirmed|reveal|reveals|revealed|establish|establishes|established)\s+that\s+",
    re.IGNORECASE,
)

# A looser frame, for claims that are not survey sentences: up to four words of whoever is said to claim it
# ('The paper finds that', "GTAlign's authors show that"), not what is claimed.
ATTRIBUTION_FRAME = re.compile(r"^(?:[\w'’-]+\s+){1,4}?(?:shows?|finds?|demonstrates?|establish(?:es)?|reports?|"
                               r"argues?|proves?|reveals?|confirms?)\s+that\s+", re.IGNORECASE)


def clean_claim(claim: str) -> str:
    """The claim without citation markers and 'Wang et al. (2024) show that' attributions.

    Generated survey sentences carry both; neither is something the abstract has to state.
    """
    text = _CITATION.sub("", claim).strip()
    m = _ATTRIBUTION.match(text)
    if m and len(text) - m.end() > 15:
        text = text[m.end() :]
        text = text[:1].upper() + text[1:]
    return first_person(text)


def quotable(claim: str) -> str:
    """The claim without citation markers, in the abstract's voice, its attribution kept: what a quote copies
    ('This position paper argues that ...' is the sentence itself, not a frame around it); 'their' is left alone."""
    text = _CITATION.sub("", claim).strip()
    if not re.search(r"\b[Tt]he authors\b", text):
        return text
    # only the authors become 'we' ('the authors show that RLHS helps users achieve their goals': the users' goals)
    text = _AUTHORS_OF.sub("We ", text)
    text = re.sub(r"\b([Tt])he authors'(?!\w)", lambda m: "Our" if m.group(1) == "T" else "our", text)
    return re.sub(r"\b([Tt])he authors\b", lambda m: "We" if m.group(1) == "T" else "we", text)


# 'The authors of <title> demonstrate ...': the title is a name, not part of what the abstract states.
_AUTHORS_OF = re.compile(
    r"^The authors of (?:(?:[A-Z0-9][^\s]*|of|the|and|for|by|in|on|to|a|an|with|is|are|via|from|at)\s){1,14}?"
    r"(?=(?:\w+ly\s)?(?:demonstrate|show|propose|introduce|present|find|report|argue|observe|develop|compare|"
    r"evaluate|study|analy[sz]e|investigate|design|build|train|release|note|reveal|examine|explore)s?\b)"
)


def first_person(text: str) -> str:
    """'The authors propose ... their method' -> 'We propose ... our method' (the abstract's own voice)."""
    if not re.search(r"\b[Tt]he authors\b", text):
        return text
    text = _AUTHORS_OF.sub("We ", text)
    text = re.sub(r"\bThe authors\b", "We", text)
    text = re.sub(r"\bthe authors\b", "we", text)
    text = re.sub(r"\bTheir\b", "Our", text)
    return re.sub(r"\btheir\b", "our", text)


def title_authors_as_we(claim: str, titles: list[str]) -> str:
    """'As the authors of <cited title> scale ...' -> 'As we scale ...' (anywhere in the sentence).

    Survey writers name a paper by its title, or the part before the colon; the title's words
    ("Sample, Don't Search") are a name, not a negation or an entity the abstract has to state.
    """
    for title in titles:
        for name in dict.fromkeys([title.strip(), title.split(":")[0].strip()]):
            if len(name) < 4:
                continue
            pattern = re.compile(r"\b([Tt])he authors of " + re.escape(name) + r"(?=[\s,;:.])")
            claim = pattern.sub(lambda m: "We" if m.group(1) == "T" else "we", claim)
    return claim


def authors_voice(claim: str, authors: list[list[str]]) -> str:
    """The survey's name for the cited authors read back as the abstract's 'we': 'Izquierdo-Badiola et al.
    introduce RAIDER' (the cited paper's first author), 'Their ultimate goal is ...', 'They propose ...' at the
    start of the sentence or after its opening connective ('Instead, their ...'): the writer's voice for the paper
    it cites. For the quote check only: what follows
    must still be the abstract's own words."""
    # at the start, or after the abstract's own opening connective ('Instead, their ultimate goal ...')
    text = re.sub(r"^(\w+, )?[Tt]heir\b", lambda m: f"{m.group(1)}our" if m.group(1) else "Our", claim)
    text = re.sub(r"^(\w+, )?[Tt]hey\b", lambda m: f"{m.group(1)}we" if m.group(1) else "We", text)
    for names in authors:
        if names and (first := surname(names[0])):
            text = re.sub(rf"^{re.escape(first)}(?:\s+et al\.?|\s+and\s+[A-Z][\w'\-]+)?(?:\s*\(\d{{4}}[a-z]?\))?(?=\s)",
                          "We", text)
    return text
