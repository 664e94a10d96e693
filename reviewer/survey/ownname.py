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
    r"\b[Oo]ur\s+(?:proposed|new|novel)\b|\b[Oo]ur\s+(?:framework|approach|method|algorithm|system|pipeline),", re.IGNORECASE)
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
        for making in _OWN_MAKING.finditer(sentence):
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
    initials = [w[0] for w in re.split(r"[\s\-–]+", words) if w[:1].isupper()]
    capitals = [c for c in acr if c.isupper()]
    it = iter(initials)
    return len(capitals) >= 3 and all(c in it for c in capitals)
