"""Sentence vectors on disk by content hash: each sentence of the corpus is embedded once, ever.

Ingest embeds a paper's title and abstract sentences next to its whole-text vector and stores them
here; evidence ranking, dense re-scoring and the claim checker then read them instead of embedding.
Stored as float16: half the disk, and cosine similarities change by < 1e-3.
"""

from __future__ import annotations

import functools
import hashlib
import sqlite3
import threading

import numpy as np

from reviewer.resources import asset
from reviewer.settings import Settings
from reviewer.sqlite_schema import Schema

SEED_PACK = asset("seed_vectors.npz")
VECTORS_SCHEMA = Schema(
    "sentence-vector cache",
    """
    CREATE TABLE IF NOT EXISTS vec16 (h TEXT PRIMARY KEY, v BLOB NOT NULL);
    CREATE TABLE IF NOT EXISTS paper16 (id TEXT PRIMARY KEY, tag TEXT NOT NULL, v BLOB NOT NULL)
    """,
)


@functools.lru_cache(maxsize=1)
def seed_pack() -> dict[str, np.ndarray]:
    """Bundled vectors of the bundled seeds (content hash -> float16), built by scripts/build_seed_pack.py.

    Keyed like the cache itself (model, max length, text), so a different embedding setting simply
    finds nothing here; `tests/test_seed_pack.py` re-embeds a sample to prove they are current.
    """
    if not SEED_PACK.exists():
        return {}
    with np.load(SEED_PACK) as pack:
        return {row.tobytes().hex(): v for row, v in zip(pack["hashes"], pack["vectors"], strict=True)}


@functools.lru_cache(maxsize=1)
def seed_papers() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Bundled late-plan rows of the bundled seeds: paper key (VectorCache.paper_key) -> (paper vector, unit
    matrix), float16, built by scripts/build_seed_pack.py with the default index model and plan. A fresh home
    copies them instead of encoding the seeds; any other model or plan has other keys and finds nothing here."""
    if not SEED_PACK.exists():
        return {}
    with np.load(SEED_PACK) as pack:
        if "paper_keys" not in pack.files:
            return {}
        keys, counts, rows = pack["paper_keys"], pack["paper_counts"], pack["paper_rows"]
    bounds = np.cumsum([0, *(counts + 1).tolist()])  # each paper: its vector, then its `count` unit rows
    return {key.tobytes().hex(): (rows[a], rows[a + 1 : b])
            for key, a, b in zip(keys, bounds[:-1], bounds[1:], strict=True)}


def vector_tag(settings: Settings) -> str:
    """Prefix of every cache key: the model and its token limit, so no vector is reused under another.
    The wheel's MiniLM keeps the key it had before there was a choice of model (old caches stay valid)."""
    tag = f"{settings.embedding}:{settings.openai_embedding_model}:{settings.embed_max_length}"
    if settings.embedding == "minilm" and settings.embedding_model_id != "minilm":
        tag = f"{settings.embedding_model_id}:{tag}"
    return tag


def late_suffix(settings: Settings) -> str:
    """Names a late plan's collection and unit-row tag: rows made with other options never mix."""
    centre = f"-c{round(settings.late_centre * 100):02d}" if settings.late_centre else ""
    window = f"-w{settings.late_window}" if settings.late_window else ""
    return "-late" + ("-t" if settings.late_title_alone else "") + centre + window


class VectorCache:
    def __init__(self, settings: Settings, remember: bool = True) -> None:
        """`remember=False` keeps nothing in memory (bulk ingest of 100k papers must stay small)."""
        self.settings = settings
        self.remember = remember
        settings.ensure_home()
        path = settings.vectors_path
        self._db = sqlite3.connect(str(path), timeout=60, isolation_level=None, check_same_thread=False)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            VECTORS_SCHEMA.ensure(self._db, path)
        except sqlite3.DatabaseError as exc:
            self._db.close()
            from reviewer.errors import CorruptFileError

            raise CorruptFileError(path, exc, f"delete {path}: it is a cache of sentence vectors, "
                                   "re-made as needed") from exc
        self._tag = vector_tag(settings)
        # late-chunked unit matrices (paper_vector 'late') differ from units embedded alone: never read one as the other
        if settings.paper_vector == "late":  # the late options change the rows: each has its own tag
            self._paper_tag = self._tag + ":" + late_suffix(settings)[1:]
        else:
            self._paper_tag = self._tag
        self._memory: dict[str, np.ndarray] = {}
        self._lock = threading.RLock()  # survey sections share one retriever across threads

    def _hash(self, text: str) -> str:
        return hashlib.sha1(f"{self._tag}\0{text}".encode()).hexdigest()

    def _select(self, sql: str, keys: list[str]) -> list[tuple]:
        """Rows for `sql` with an `IN ({marks})` over keys, read in SQLite-sized chunks."""
        rows: list[tuple] = []
        with self._lock:
            for start in range(0, len(keys), 900):
                chunk = keys[start : start + 900]
                rows.extend(self._db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk))
        return rows

    def _write(self, sql: str, rows: list[tuple]) -> None:
        with self._lock:
            self._db.execute("BEGIN")
            self._db.executemany(sql, rows)
            self._db.execute("COMMIT")

    def embed(self, texts: list[str]) -> np.ndarray:
        """Vectors for texts, computing only those never seen before."""
        from reviewer.embed import DIM, embed_texts

        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        hashes = [self._hash(t) for t in texts]
        have = {h: self._memory[h] for h in hashes if h in self._memory}
        wanted = [h for h in dict.fromkeys(hashes) if h not in have]
        for h, blob in self._select("SELECT h, v FROM vec16 WHERE h IN ({marks})", wanted):
            have[h] = np.frombuffer(blob, dtype=np.float16).astype(np.float32)
        missing = list({h: t for h, t in zip(hashes, texts, strict=True) if h not in have}.items())
        if missing and self.settings.seed_vectors:
            pack = seed_pack()
            bundled = [(h, pack[h]) for h, _ in missing if h in pack]
            if bundled:
                self._write("INSERT OR REPLACE INTO vec16 VALUES (?, ?)", [(h, v.tobytes()) for h, v in bundled])
                have.update({h: v.astype(np.float32) for h, v in bundled})
                missing = [(h, t) for h, t in missing if h not in have]
        if missing:
            vectors = embed_texts([t for _, t in missing], self.settings).astype(np.float16)
            if have and vectors.shape[1] != len(next(iter(have.values()))):
                from reviewer.embed import dimension_error

                raise dimension_error(vectors.shape[1], len(next(iter(have.values()))), "cached vectors of this model")
            pairs = list(zip((h for h, _ in missing), vectors, strict=True))
            self._write("INSERT OR REPLACE INTO vec16 VALUES (?, ?)", [(h, v.tobytes()) for h, v in pairs])
            have.update({h: v.astype(np.float32) for h, v in pairs})
        if self.remember:
            self._memory.update(have)
        return np.stack([have[h] for h in hashes])

    def paper_key(self, title: str, abstract: str) -> str:
        """A paper's rows by content under this plan's tag (the seed pack's key for them)."""
        return hashlib.sha1(f"{self._paper_tag}\0{title}\0{abstract}".encode()).hexdigest()

    def packed_papers(self, papers: list[tuple[str, str]]) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        """Bundled (paper vector, unit matrix) of those (title, abstract) pairs the seed pack holds for this plan,
        by position; {} when seed_vectors is off."""
        if not self.settings.seed_vectors:
            return {}
        pack = seed_papers()
        out: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        for i, (title, abstract) in enumerate(papers):
            got = pack.get(self.paper_key(title, abstract))
            if got is not None:
                out[i] = (got[0].astype(np.float32), got[1].astype(np.float32))
        return out

    def put(self, texts: list[str], vectors: np.ndarray) -> None:
        """Store vectors made elsewhere for texts, only where each is exactly what embed() would make for it."""
        self._write("INSERT OR REPLACE INTO vec16 VALUES (?, ?)",
                    [(self._hash(t), v.astype(np.float16).tobytes()) for t, v in zip(texts, vectors, strict=True)])

    def put_papers(self, rows: list[tuple[str, np.ndarray]]) -> None:
        """Store each paper's unit matrix (title + sentences) under its id, for one-read re-scoring."""
        self._write("INSERT OR REPLACE INTO paper16 VALUES (?, ?, ?)",
                    [(pid, self._paper_tag, m.astype(np.float16).tobytes()) for pid, m in rows])

    def paper_matrices(self, ids: list[str], dim: int | None = None) -> dict[str, np.ndarray]:
        """Unit matrices of the papers that have one for the current embedding model (dim: its vector size)."""
        from reviewer.embed import DIM

        rows = self._select("SELECT id, tag, v FROM paper16 WHERE id IN ({marks})", ids)
        return {pid: np.frombuffer(blob, dtype=np.float16).astype(np.float32).reshape(-1, dim or DIM)
                for pid, tag, blob in rows if tag == self._paper_tag}

    def forget_papers(self, ids: list[str]) -> None:
        self._write("DELETE FROM paper16 WHERE id = ?", [(i,) for i in ids])

    def close(self) -> None:
        with self._lock:
            self._db.close()


def paper_sentences(title: str, abstract: str) -> list[str]:
    """The units a paper is embedded as: its title, then each abstract sentence."""
    from reviewer.textutil import split_sentences

    return [title, *split_sentences(abstract)] if title.strip() else split_sentences(abstract) or [abstract]



def mean_vectors(matrices: list[np.ndarray], titled: list[bool] | None = None,
                 title_weight: float | None = None) -> np.ndarray:
    """One paper vector per unit matrix (title row first when titled): no whole-text embedding.

    title_weight None: the normalised mean of all rows. Otherwise normalise(w * title + (1 - w) *
    mean(sentences)): the title is the paper's own summary, while the plain centroid gives it 1/(n+1)
    of the weight and loses the whole-paper paraphrases a whole-text vector matches (benchmarks/
    RESULTS.md, embedding plan). Either replaces embedding "title. abstract" (the longest input, about
    half of ingest time).
    """
    rows = []
    for i, m in enumerate(matrices):
        if not len(m):
            rows.append(np.zeros(m.shape[1], dtype=np.float32))
        elif title_weight is None or not (titled[i] if titled is not None else True) or len(m) == 1:
            rows.append(m.mean(axis=0))
        else:
            rows.append(title_weight * m[0] + (1 - title_weight) * m[1:].mean(axis=0))
    out = np.stack(rows).astype(np.float32)
    out /= np.clip(np.linalg.norm(out, axis=1, keepdims=True), 1e-12, None)
    return out
