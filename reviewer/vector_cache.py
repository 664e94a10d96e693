"""Sentence vectors cached on disk by content hash, so evidence scoring embeds each sentence once ever."""

from __future__ import annotations

import hashlib
import sqlite3

import numpy as np

from reviewer.settings import Settings


class VectorCache:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        settings.ensure_home()
        self._db = sqlite3.connect(str(settings.home / "vectors.sqlite"), timeout=60, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vec (h TEXT PRIMARY KEY, v BLOB NOT NULL)")
        self._tag = f"{settings.embedding}:{settings.openai_embedding_model}:{settings.embed_max_length}"
        self._memory: dict[str, np.ndarray] = {}

    def _hash(self, text: str) -> str:
        return hashlib.sha1(f"{self._tag}\0{text}".encode()).hexdigest()

    def embed(self, texts: list[str]) -> np.ndarray:
        """Vectors for texts, computing only those never seen before."""
        from reviewer.embed import DIM, embed_texts

        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        hashes = [self._hash(t) for t in texts]
        todo = [h for h in dict.fromkeys(hashes) if h not in self._memory]
        for start in range(0, len(todo), 500):
            chunk = todo[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for h, blob in self._db.execute(f"SELECT h, v FROM vec WHERE h IN ({marks})", chunk):
                self._memory[h] = np.frombuffer(blob, dtype=np.float32)
        missing = list({h: t for h, t in zip(hashes, texts, strict=True) if h not in self._memory}.items())
        if missing:
            vectors = embed_texts([t for _, t in missing], self.settings)
            self._db.execute("BEGIN")
            for (h, _), v in zip(missing, vectors, strict=True):
                self._memory[h] = np.asarray(v, dtype=np.float32)
                self._db.execute("INSERT OR REPLACE INTO vec VALUES (?, ?)", (h, self._memory[h].tobytes()))
            self._db.execute("COMMIT")
        return np.stack([self._memory[h] for h in hashes])

    def close(self) -> None:
        self._db.close()
