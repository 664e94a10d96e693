"""Late chunking (REVIEWER_PAPER_VECTOR=late; benchmarks/RESULTS.md §6e): encode "title. abstract" once.

The `whole` plan embeds every unit of a paper (its title, each abstract sentence) as its own text, plus the
whole text truncated at embed_max_length (256) WordPiece positions. Late chunking runs the encoder only over the
whole text, in windows of at most that many positions ([CLS] + 254 body tokens + [SEP]; the first window is
exactly the truncated input of the `whole` plan, so the paper vector is the same), and derives each unit vector
by mean-pooling the contextual token states inside that unit's character span: ~1.7x fewer encoder positions.
The unit vectors then depend on their paper, so they live only in the per-paper matrices (re-scoring, `ask`'s
sentence recall), never under a sentence's content hash (evidence ranking and the checker embed sentences alone).
Settings.late_window > 0 encodes short windows of whole sentences instead (each unit sees only its own window; the
paper vector is the mean of every window's states, so it is not the whole text's): §6j, not the default.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import numpy as np

from reviewer.embed import DIM, VOCAB_PATH, MiniLMEmbedder, embed_texts
from reviewer.errors import ConfigError
from reviewer.settings import Settings
from reviewer.vector_cache import paper_sentences


@functools.lru_cache(maxsize=1)
def _full_tokenizer() -> Any:
    """The embedder's WordPiece tokenizer without truncation (late chunking windows the text itself)."""
    from tokenizers.implementations import BertWordPieceTokenizer

    return BertWordPieceTokenizer(str(VOCAB_PATH), lowercase=True, strip_accents=None, clean_text=True,
                                  handle_chinese_chars=True)


def unit_spans(text: str, units: list[str]) -> list[tuple[int, int]]:
    """Character span of each unit inside the text, in order (title first); (-1, -1) when not found."""
    spans, pos = [], 0
    for unit in units:
        at = text.find(unit, pos)
        if at < 0:
            spans.append((-1, -1))
            continue
        spans.append((at, at + len(unit)))
        pos = at + len(unit)
    return spans


def short_windows(members: list[np.ndarray], n: int, short: int, body: int) -> list[tuple[int, int]]:
    """Body-token windows that start at a unit's first token and hold whole units up to `short` tokens each.

    A unit then pools only from the few sentences around it (benchmarks/RESULTS.md §6j): long windows make
    every unit of a paper alike. A unit longer than `short` gets a window of its own (split at `body`);
    tokens between units (the '.' after the title) go with the unit before them.
    """
    cuts = sorted({0, *(int(m[0]) for m in members if len(m))} - {n}) if n else [0]
    windows: list[tuple[int, int]] = []
    a = 0
    for i, cut in enumerate(cuts[1:] + [n]):
        if cut - a > short and cuts[i] > a:  # the unit starting at cuts[i] does not fit: close before it
            windows.append((a, cuts[i]))
            a = cuts[i]
    windows.append((a, n))
    out = []
    for a, b in windows:  # one unit longer than the encoder allows: split it
        out.extend((s, min(s + body, b)) for s in range(a, max(b, a + 1), body))
    return out


class Plan:
    """One paper's windows and, per unit, the indices of its tokens in the body-token sequence."""

    def __init__(self, title: str, abstract: str, body: int, short: int = 0) -> None:
        self.text = f"{title}. {abstract}"
        self.units = paper_sentences(title, abstract)
        enc = _full_tokenizer().encode(self.text)
        ids, offsets = enc.ids[1:-1], enc.offsets[1:-1]  # without [CLS] / [SEP]
        self.ids = ids
        starts = np.array([o[0] for o in offsets], dtype=np.int64)
        ends = np.array([o[1] for o in offsets], dtype=np.int64)
        self.members = []
        for a, b in unit_spans(self.text, self.units):
            inside = np.nonzero((starts >= a) & (ends <= b) & (ends > starts))[0] if a >= 0 else np.zeros(0, int)
            self.members.append(inside)
        if short:
            self.windows = short_windows(self.members, len(ids), short, body)
        else:
            self.windows = [(s, min(s + body, len(ids))) for s in range(0, max(len(ids), 1), body)]

    def tokens(self) -> int:
        """Encoder positions this paper costs (body tokens + [CLS]/[SEP] per window)."""
        return len(self.ids) + 2 * len(self.windows)


def late_embed(embedder: MiniLMEmbedder, papers: list[tuple[str, str]], body: int = 254,
               batch_size: int | None = None, short: int = 0,
               paper: str = "whole") -> tuple[np.ndarray, list[np.ndarray], list[Plan]]:
    """(whole-text vectors, unit matrices (title row first), plans) for (title, abstract) pairs.

    Windows are run sorted by length in batches (one per call for a per-text model, as MiniLMEmbedder does);
    a unit crossing a window boundary pools states from both windows; a unit with no token of its own (not
    found in the text) falls back to the whole-text vector. short > 0: windows of whole units up to that many
    tokens (short_windows); the paper vector is then one more whole-text pass (paper='whole') or the mean of
    every window's states (paper='windows', what Settings.late_window runs).
    """
    plans = [Plan(t, a, body, short) for t, a in papers]
    spans = {(p, w): plan.windows[w] for p, plan in enumerate(plans) for w in range(len(plan.windows))}
    if short and paper == "whole":  # the paper vector from one more pass: the `whole` plan's truncated input
        spans.update({(p, -1): (0, min(body, len(plan.ids))) for p, plan in enumerate(plans)})
    jobs = sorted(spans, key=lambda j: spans[j][1] - spans[j][0])  # shortest first, as before short windows
    states: dict[tuple[int, int], np.ndarray] = {}
    step = 1 if embedder.per_text else (batch_size or embedder.batch_size)
    cls, sep = 101, 102
    for start in range(0, len(jobs), step):
        group = jobs[start : start + step]
        width = max(spans[j][1] - spans[j][0] for j in group) + 2
        ids = np.zeros((len(group), width), dtype=np.int64)
        mask = np.zeros((len(group), width), dtype=np.int64)
        for row, (p, w) in enumerate(group):
            a, b = spans[(p, w)]
            seq = [cls, *plans[p].ids[a:b], sep]
            ids[row, : len(seq)] = seq
            mask[row, : len(seq)] = 1
        with embedder._lock:
            hidden = embedder._session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        for row, (p, w) in enumerate(group):
            states[(p, w)] = hidden[row, : int(mask[row].sum())]
    wholes = np.zeros((len(plans), DIM), dtype=np.float32)
    matrices = []
    for p, plan in enumerate(plans):
        if short and paper != "whole":  # every position of every short window, [CLS]/[SEP] too
            wholes[p] = np.concatenate([states[(p, w)] for w in range(len(plan.windows))]).mean(axis=0)
        else:  # today's pooling: every position of the (first) window, [CLS]/[SEP] too
            wholes[p] = states[(p, -1 if short else 0)].mean(axis=0)
        body_states = np.concatenate([states[(p, w)][1:-1] for w in range(len(plan.windows))])
        m = np.stack([body_states[idx].mean(axis=0) if len(idx) else wholes[p] for idx in plan.members])
        matrices.append(_unit(m))
    return _unit(wholes), matrices, plans


def _unit(m: np.ndarray) -> np.ndarray:
    return (m / np.clip(np.linalg.norm(m, axis=-1, keepdims=True), 1e-12, None)).astype(np.float32)


def late_vectors(papers: list[tuple[str, str]], settings: Settings,
                 embed_alone: Callable[[list[str]], np.ndarray] | None = None) -> tuple[np.ndarray, list[np.ndarray]]:
    """(paper vectors, unit matrices) of (title, abstract) pairs with the configured MiniLM model.

    With settings.late_centre each row is first moved away from the paper's whole-text vector (renormalised).
    With settings.late_title_alone the title row is the title embedded alone (embed_alone, e.g. the content-hash
    cache's embed, so a title is never embedded twice): titles are ~6% of the tokens, and a title pooled inside
    its abstract loses what makes it match a query that names the paper (benchmarks/RESULTS.md §6f).
    """
    from reviewer.embed import get_embedder

    if settings.embedding != "minilm":
        raise ConfigError("REVIEWER_PAPER_VECTOR=late needs the local model (REVIEWER_EMBEDDING=minilm)",
                          hint="an embeddings endpoint returns no token states: use paper_vector whole or mean")
    embedder = get_embedder(settings.embed_max_length, settings.embed_batch_size, settings.embed_threads,
                            settings.minilm_model)
    whole, matrices, _ = late_embed(embedder, papers, body=settings.embed_max_length - 2,
                                    short=settings.late_window, paper="windows")
    if settings.late_centre:
        matrices = [_unit(m - settings.late_centre * whole[p]) for p, m in enumerate(matrices)]
    if settings.late_title_alone:
        titled = [p for p, (title, _) in enumerate(papers) if title.strip()]
        if titled:
            alone = (embed_alone or (lambda texts: embed_texts(texts, settings)))([papers[p][0] for p in titled])
            for row, p in enumerate(titled):
                matrices[p][0] = alone[row]
    return whole, matrices
