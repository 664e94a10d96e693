"""A method's name the abstract defines as an acronym of its own contribution, when title and 'called X' give none.

'We validate our claims by training process advantage verifiers (PAVs) ...', 'We identify an interesting inference
family Parallel-Distill-Refine (PDR)', 'Our proposed reward mechanism, "Follow-up Likelihood as Reward" (FLR), ...':
the paper names what it builds with the acronym it defines, in a sentence where the authors build, train or
propose it, and it uses the acronym again later. An acronym the abstract defines for a known technique ('(RL)',
'(CoT)', '(DPO)') or in a background sentence names no contribution of the paper.
"""

from __future__ import annotations

import re

from reviewer.models import Paper
from reviewer.textutil import split_sentences

# The authors making something: 'we propose/train/identify ... X (ACR)', 'our (proposed) ... X (ACR)'.
_OWN_MAKING = re.compile(
    r"\b(?:we|this (?:paper|work))\s+(?:\w+ly\s+)?(?:then\s+)?(?:propose|introduce|present|develop|design|train|"
    r"identify|create|build|devise|construct|formulate|call|term|dub|name)\w*\b|\bby\s+training\b|"
    r"\b[Oo]ur\s+(?:proposed|new|novel)\b|\b[Oo]ur\s+(?:framework|approach|method|algorithm|system|pipeline),"
    # 'We address this challenge with Diversity-Aware Reinforcement Learning (DARLING)': the means the authors answer
    # their problem with is what they build.
    r"|\bwe\s+(?:address|tackle|overcome|solve|mitigate|bridge|close)\s+(?:this|these|the|such)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:with|via|through|using)\b", re.IGNORECASE)
# 'we frame X ... and propose Bias--Variance Optimized Preference Optimization (BVPO)': a making verb coordinated with
# an earlier verb of the authors ('we' before it in the sentence).
_AND_MAKING = re.compile(r"\b(?:and|then)\s+(?:then\s+)?(?:propose|introduce|present|develop|design|build|devise)\w*\b",
                         re.IGNORECASE)
# 'with our Multi-Action-Head DPO (MAH-DPO)': a name in capitals right after 'our' is the authors' own.
_OUR_CAPITALS = re.compile(r"\b[Oo]ur\s+(?=[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5}\s*\()")
# 'Follow-up Likelihood as Reward" (FLR)', 'uncertainty quantification heads (UHeads)', 'Parallel-Distill-Refine (PDR)'.
_DEFINED = re.compile(r"[\w\"'”’]\s*\((?P<acr>[A-Z][A-Za-z0-9+-]{1,11})\)")
# Techniques and model classes whose acronyms many abstracts define: never a paper's own method.
_COMMON = frozenset("""LLM LLMS LM LMS LRM LRMS SLM SLMS MLLM MLLMS VLM VLMS RL RLHF RLAIF RLVR PRM PRMS ORM ORMS RM RMS
    DPO PPO GRPO DAPO SFT COT ICL MCTS KL NLI NLP AI AGI QA RAG TTS BON MDP POMDP IRL KTO IPO ORPO SIMPO MOE LORA
    VLA OOD ID PO FT PT ECE AUC AUROC BT EM MLE CE SOTA API GPU TPU CNN RNN GAN VAE GNN""".split())
MAX_GAP_WORDS = 10  # between the making verb and the acronym: the acronym belongs to what the verb makes


def defined_name(paper: Paper) -> str:
    """The acronym the abstract defines for its own contribution (see the module docstring), or ''."""
    abstract = paper.abstract
    for sentence in split_sentences(abstract):
        makings = [*_OWN_MAKING.finditer(sentence), *_OUR_CAPITALS.finditer(sentence),
                   *(m for m in _AND_MAKING.finditer(sentence) if re.search(r"\bwe\b", sentence[:m.start()], re.I))]
        for making in sorted(makings, key=lambda m: m.start()):
            rest = sentence[making.end():]
            m = _DEFINED.search(rest)
            if not m:
                continue
            acr = m.group("acr")
            gap = rest[: m.start() + 1]
            if len(gap.split()) > MAX_GAP_WORDS or re.search(r"[.;:]\s", gap) or \
                    acr.upper().rstrip("S") in _COMMON or acr.upper() in _COMMON or sum(c.isupper() for c in acr) < 2:
                continue
            # Used again after it is defined: the name the paper goes on to call its method by; or spelled out by the
            # capitalised words the authors make ('propose Bias--Variance Optimized Preference Optimization (BVPO)').
            after = abstract[abstract.find(m.group(0)) + len(m.group(0)):]
            if re.search(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", after) or _spelled(acr, gap):
                return acr
    return ""


def _spelled(acr: str, words: str) -> bool:
    """True when the acronym's capitals are, in order, initials of the capitalised words before it (the name it
    abbreviates is written out in Title Case: 'Personality Alignment with Personality Inventories (PAPI)')."""
    # An all-capitals word gives all its letters ('Multi-Action-Head DPO (MAH-DPO)').
    initials = [c for w in re.split(r"[\s\-–]+", words) if w[:1].isupper()
                for c in (w if w.isupper() and w.isalpha() else w[0])]
    capitals = [c for c in acr if c.isupper()]
    it = iter(initials)
    return len(capitals) >= 3 and all(c in it for c in capitals)


def title_defined_name(paper: Paper) -> str:
    """An acronym the abstract defines for the means the title names ('... by Critique Fine-Tuning on One Problem' and
    'we demonstrate that Critique Fine-Tuning (CFT) ...'): the means a title puts forward is the paper's method, so its
    acronym is the name a table row reads best with; '' when none (a known technique's acronym never counts, nor a
    plural, which names a class of models)."""
    title = re.sub(r"[\s\-–]+", " ", paper.title.lower())
    for m in _DEFINED.finditer(paper.abstract):
        acr = m.group("acr")
        if acr.upper().rstrip("S") in _COMMON or acr.upper() in _COMMON or sum(c.isupper() for c in acr) < 2:
            continue
        words = re.findall(r"[\w\-–]+", paper.abstract[: m.start() + 1])[-8:]
        capitals = sum(c.isupper() for c in acr)
        # The shortest run of capitalised words before the parenthesis that spells the acronym.
        for start in range(len(words) - 1, -1, -1):
            run = words[start:]
            if not all(w[:1].isupper() for w in run):
                break
            if _spelled(acr, " ".join(run)) and len(run) >= min(capitals, 2):
                # ... as the means the title names ('by/via/with X'): a field or model class the title is about
                # ('Building Responsible AI', 'A Survey on Large Multimodal Reasoning Models') is no method.
                long_form = re.sub(r"[\s\-–]+", " ", " ".join(run).lower())
                if re.search(rf"\b(?:by|via|with|through|using)\s+{re.escape(long_form)}\b", title) \
                        and not acr.endswith("s"):
                    return acr
                break
    return ""
