"""The two indexes over the catalogue: Chroma vectors and a bm25s lexical index, kept in sync with it."""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np
from pydantic import BaseModel

from reviewer.catalog import Catalog
from reviewer.errors import ConfigError, ReviewerError
from reviewer.models import Paper
from reviewer.progress import progress
from reviewer.settings import Settings
from reviewer.textutil import atomic_write_text, stemmer

EMBED_CHUNK = 256


class SyncStats(BaseModel):
    embedded: int = 0
    reindexed: int = 0
    removed: int = 0
    bm25_rebuilt: bool = False
    total: int = 0


def chroma_client(settings: Settings) -> Any:
    """Embedded PersistentClient by default; HttpClient when REVIEWER_CHROMA_URL points at a server."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        from reviewer.llm.redact import mask_url, scrub, url_secrets

        url = urlparse(settings.chroma_url)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise ConfigError(
                f"REVIEWER_CHROMA_URL={mask_url(settings.chroma_url)!r} is not an http(s) URL",
                hint="use e.g. http://127.0.0.1:8000",
            )
        try:
            return chromadb.HttpClient(
                host=url.hostname,
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
        except Exception as exc:
            raise ReviewerError(
                f"cannot reach the Chroma server at {mask_url(settings.chroma_url)}: "
                f"{scrub(str(exc), url_secrets(settings.chroma_url))}",
                hint="start it with `chroma run --path DIR --port PORT`, or unset REVIEWER_CHROMA_URL",
                retryable=True,
            ) from exc
    settings.ensure_home()
    try:
        return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)
    except Exception as exc:
        from reviewer.errors import CorruptFileError

        raise CorruptFileError(settings.chroma_path / "chroma.sqlite3", exc,
                               f"delete {settings.chroma_path}; the next command rebuilds it from the catalogue") from exc


def collection_name(settings: Settings) -> str:
    """Vectors from different embedding models, or made by different paper-vector plans, never share a
    collection: switching REVIEWER_PAPER_VECTOR then rebuilds the paper vectors instead of mixing them.
    The collection is the index: it is named by the index model (Settings.index_settings)."""
    settings = settings.index_settings
    tag = settings.embedding_model_id
    plan = ""
    if settings.paper_vector == "late":  # its own collection per late option: switching rebuilds the unit rows too
        from reviewer.vector_cache import late_suffix

        plan = late_suffix(settings)
    elif settings.paper_vector != "whole":
        weight = settings.paper_title_weight
        plan = "-mean" if weight is None else f"-mean{round(weight * 100):02d}"
    return f"{settings.collection}{plan}-{tag}".replace("/", "-")[:60]


# Bumped when the metadata written per paper changes; ensure_ready then rewrites it for every paper.
METADATA_FORMAT = 2
SOURCE_FLAG = "src:"


def _metadata(paper: Paper) -> dict[str, Any]:
    """Key, year and every source file (one boolean flag each, so a `--source` filter finds any of them)."""
    meta: dict[str, Any] = {"key": paper.key, "year": paper.year or 0,
                            "source": paper.sources[0] if paper.sources else ""}
    meta.update({SOURCE_FLAG + s: True for s in paper.sources})
    return meta


# Collections up to this size are searched with ef_search EXACT_EF (> the size), i.e. exhaustively; larger
# ones keep Chroma's default (their graph is persisted once synced, so it no longer changes between runs).
EXACT_UP_TO = 10_000
EXACT_EF = 12_000
LARGE_EF = 100  # Chroma's default


class VectorStore:
    """Paper vectors in a Chroma collection (one vector per title + abstract)."""

    def __init__(self, settings: Settings) -> None:
        from reviewer.embed_chroma import embedding_function

        self.settings = settings.index_settings  # the index role: its model embeds, names and re-scores everything here
        self.function = embedding_function(self.settings)  # the collection's function is the index model's too
        self.client = chroma_client(self.settings)
        try:
            self.collection = self.client.get_or_create_collection(
                collection_name(self.settings),
                embedding_function=self.function,
                configuration={"hnsw": {"space": "cosine", "ef_search": EXACT_EF}},
            )
        except Exception as exc:
            if settings.chroma_url:
                raise
            from reviewer.errors import CorruptFileError

            raise CorruptFileError(settings.chroma_path / "chroma.sqlite3", exc,
                                   f"delete {settings.chroma_path}; the next command rebuilds it from the catalogue") from exc
        self._search_exhaustively()

    def _search_exhaustively(self) -> None:
        """Chroma rebuilds a collection's HNSW graph from its log at every start until 1,000 vectors are synced,
        with random links, so at ef_search 100 a query could miss a neighbour in one process and not the next
        (the same survey cited 4 papers in one run and 5 in another). Up to EXACT_UP_TO papers an ef_search above
        the collection size makes every query visit the whole graph: the exact neighbours, every time. A change
        made here takes effect from the next process on (Chroma keeps the loaded index), so `add` and `delete`
        call it too: the first search after a large ingest must not pay for an exhaustive search of 100k
        papers. New collections are created with the exhaustive setting."""
        hnsw = (self.collection.configuration or {}).get("hnsw") or {}
        want = EXACT_EF if self.collection.count() <= EXACT_UP_TO else LARGE_EF
        if int(hnsw.get("ef_search") or 0) != want:
            self.collection.modify(configuration={"hnsw": {"ef_search": want}})

    def count(self) -> int:
        return int(self.collection.count())

    def update_metadata(self, papers: list[Paper]) -> None:
        """Rewrite the metadata of papers whose vectors are current (key, year or sources changed)."""
        for start in range(0, len(papers), 1000):
            chunk = papers[start : start + 1000]
            self.collection.update(ids=[p.id for p in chunk], metadatas=[_metadata(p) for p in chunk])

    def ids(self) -> set[str]:
        found: set[str] = set()
        offset, page = 0, 5000
        while True:
            got = self.collection.get(include=[], limit=page, offset=offset)["ids"]
            found.update(got)
            if len(got) < page:
                return found
            offset += page

    def add(self, papers: Sequence[Paper], quiet: bool | None = None, label: str = "embedding papers") -> int:
        """Index one vector per paper and cache its title + sentence vectors.

        Sentence vectors are what evidence ranking, dense re-scoring and the claim checker read; making
        them here keeps queries and surveys free of embedding work. The paper vector is their mean
        (Settings.paper_vector; 'whole' embeds "title. abstract" once more). Everything goes through the
        content-hash cache, so a text (or a bundled seed vector) is never embedded twice. 'late' encodes
        "title. abstract" once and pools the units from it (reviewer/late_chunk.py): its unit vectors go to the
        per-paper rows only, so sentences read by content hash (evidence, checker) are embedded alone on demand.
        """
        from reviewer.embed import dimension_error
        from reviewer.vector_cache import VectorCache, mean_vectors, paper_sentences

        whole, late = self.settings.paper_vector == "whole", self.settings.paper_vector == "late"
        expected = self.dimension()
        cache = VectorCache(self.settings, remember=False)
        try:
            with progress(label, len(papers), quiet, unit="papers") as bar:
                for start in range(0, len(papers), EMBED_CHUNK):
                    chunk = papers[start : start + EMBED_CHUNK]
                    if late:  # one encoder pass per text; its paper vector is the `whole` plan's, so cache it
                        vectors, matrices = self._late(chunk, cache)
                        if not self.settings.late_window:  # short windows: the paper vector is not the text's own
                            cache.put([p.text for p in chunk], vectors)
                    else:
                        units = [paper_sentences(p.title, p.abstract) for p in chunk]
                        matrix = cache.embed([u for group in units for u in group] + ([p.text for p in chunk] if whole else []))
                        bounds = np.cumsum([0] + [len(g) for g in units])
                        matrices = [matrix[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
                        vectors = matrix[bounds[-1] :] if whole else mean_vectors(
                            matrices, [bool(p.title.strip()) for p in chunk], self.settings.paper_title_weight)
                    if expected is not None and vectors.shape[1] != expected:
                        raise dimension_error(vectors.shape[1], expected, f"the vectors in collection {self.collection.name!r}")
                    cache.put_papers([(p.id, m) for p, m in zip(chunk, matrices, strict=True)])
                    self.collection.upsert(
                        ids=[p.id for p in chunk], embeddings=list(vectors), metadatas=[_metadata(p) for p in chunk])
                    bar.advance(len(chunk))
        finally:
            cache.close()
        # The next process to search must find the ef_search for the new size, not the empty collection's.
        self._search_exhaustively()
        return len(papers)

    def _late(self, chunk: list[Paper], cache: Any) -> tuple[np.ndarray, list[np.ndarray]]:
        """Late-plan paper vectors and unit matrices: the seed pack's rows where it has them (a fresh home
        encodes no seed), the model's for the rest."""
        from reviewer.late_chunk import late_vectors

        pairs = [(p.title, p.abstract) for p in chunk]
        packed = cache.packed_papers(pairs)
        todo = [i for i in range(len(chunk)) if i not in packed]
        if todo:
            fresh, fresh_m = late_vectors([pairs[i] for i in todo], self.settings, cache.embed)
            packed.update({i: (fresh[row], fresh_m[row]) for row, i in enumerate(todo)})
        return np.stack([packed[i][0] for i in range(len(chunk))]), [packed[i][1] for i in range(len(chunk))]

    def dimension(self) -> int | None:
        """Size of the vectors already in the collection (None when it is empty)."""
        got = self.collection.get(limit=1, include=["embeddings"])["embeddings"]
        return len(got[0]) if got is not None and len(got) else None

    def delete(self, ids: list[str]) -> None:
        from reviewer.vector_cache import VectorCache

        if ids:
            self.collection.delete(ids=ids)
            cache = VectorCache(self.settings, remember=False)
            try:
                cache.forget_papers(ids)
            finally:
                cache.close()
            self._search_exhaustively()

    def vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        """The stored whole-text vectors of these papers (those the collection has)."""
        if not ids:
            return {}
        got = self.collection.get(ids=ids, include=["embeddings"])
        return {i: np.asarray(v, dtype=np.float32) for i, v in zip(got["ids"], got["embeddings"], strict=True)}

    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None) -> list[tuple[str, float]]:
        """(id, cosine similarity) best first; Chroma caps n at the collection size itself."""
        result = self.collection.query(
            query_embeddings=[vector.astype(np.float32)],
            n_results=n,
            where=where or None,
            include=["distances"],
        )
        return [(i, 1.0 - float(d)) for i, d in zip(result["ids"][0], result["distances"][0], strict=True)]


def tokenize(texts: list[str]) -> Any:
    import bm25s

    return bm25s.tokenize(texts, stopwords="en", stemmer=stemmer(), show_progress=False)


def lexical_text(paper: Paper, title_repeat: int) -> str:
    """What BM25 indexes: the paper's text ("title. abstract") with the title repeated title_repeat times."""
    return ". ".join([paper.title] * title_repeat + [paper.abstract])


# The BM25 settings of every index built before they were settings (bm25s' k1, the title once): their tag is ''.
LEGACY_LEXICAL = (1.5, 1)


def lexical_tag(settings: Settings) -> str:
    """The BM25 settings an index was built under, '' at the legacy values (so homes built before the settings
    existed stay current when those are set back): any other pair, the defaults too, is part of the version, so
    a change rebuilds the index."""
    if (settings.bm25_k1, settings.bm25_title_repeat) == LEGACY_LEXICAL:
        return ""
    return f"k1={settings.bm25_k1:g},title={settings.bm25_title_repeat}"


class LexicalIndex:
    """bm25s over the papers' texts (the title weighted, see lexical_text), saved in versioned folders behind an
    atomic pointer. Its version is the catalogue version plus lexical_tag: either changing rebuilds it."""

    def __init__(self, retriever: Any, ids: list[str], version: str) -> None:
        self.retriever = retriever
        self.ids = ids
        self.version = version

    @classmethod
    def build(cls, ids: list[str], texts: list[str], version: str, k1: float | None = None) -> LexicalIndex:
        """k1: BM25's term-frequency saturation (None: bm25s' default, 1.5); saved with the index."""
        import bm25s

        if not ids:
            return cls(None, [], version)
        retriever = bm25s.BM25() if k1 is None else bm25s.BM25(k1=k1)
        retriever.index(tokenize(texts), show_progress=False)
        return cls(retriever, ids, version)

    def save(self, root: Path) -> None:
        root.mkdir(parents=True, exist_ok=True)
        folder = root / f"v-{uuid.uuid4().hex[:12]}"
        folder.mkdir()
        if self.retriever is not None:
            self.retriever.save(str(folder), show_progress=False)
        atomic_write_text(folder / "ids.json", json.dumps(self.ids))
        atomic_write_text(root / "current.json", json.dumps({"folder": folder.name, "version": self.version}))
        for old in root.glob("v-*"):
            if old.name != folder.name:
                shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, root: Path) -> LexicalIndex | None:
        import bm25s

        pointer = root / "current.json"
        if not pointer.exists():
            return None
        try:  # a damaged pointer or folder means "no index": the caller rebuilds it
            info = json.loads(pointer.read_text())
            folder = root / info["folder"]
            ids = json.loads((folder / "ids.json").read_text())
            retriever = bm25s.BM25.load(str(folder), mmap=False, show_progress=False) if ids else None
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return cls(retriever, ids, str(info.get("version", "")))

    def query(self, text: str, n: int) -> list[tuple[str, float]]:
        if not self.ids:
            return []
        tokens = tokenize([text])
        if not any(len(t) for t in tokens.ids):
            return []
        docs, scores = self.retriever.retrieve(tokens, k=min(n, len(self.ids)), show_progress=False)
        return [(self.ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]


def sync_index(settings: Settings, catalog: Catalog, quiet: bool | None = None,
               all_metadata: bool = False, previous_collection: str | None = None) -> SyncStats:
    """Make both indexes match the catalogue: embed what is missing, re-embed what a merge changed,
    drop what is gone, rebuild BM25. `all_metadata` rewrites every paper's Chroma metadata;
    `previous_collection` is the one the last sync filled (another model or plan: the progress says so)."""
    stats = SyncStats(total=catalog.count())
    store = VectorStore(settings)
    have = store.ids()
    wanted = catalog.ids()
    wanted_set = set(wanted)
    pending = catalog.pending_reindex()
    missing = [i for i in wanted if i not in have]
    changed = [i for i in pending if i in have and i in wanted_set]  # merged: text or metadata changed
    stale = sorted(have - wanted_set)
    if missing:
        label = "embedding papers"
        if previous_collection and previous_collection != store.collection.name:  # say why all of them
            label = f"embedding papers for {store.collection.name!r} (the index was built as {previous_collection!r})"
        stats.embedded = store.add(catalog.lazy(missing), quiet, label)
    if changed:  # vectors, sentence rows and metadata all rewritten (unchanged texts are cache hits)
        stats.reindexed = store.add(catalog.lazy(changed), quiet)
    if all_metadata:
        done = set(missing) | set(changed)
        rest = [i for i in wanted if i in have and i not in done]
        for start in range(0, len(rest), 1000):
            found = catalog.get_many(rest[start : start + 1000])
            store.update_metadata(list(found.values()))
    if pending:
        catalog.clear_reindex(pending)
    if stale:
        store.delete(stale)
        stats.removed = len(stale)
    lexical = LexicalIndex.load(settings.bm25_path)
    tag = lexical_tag(settings)
    version = f"{catalog.version()}|{tag}" if tag else catalog.version()
    if lexical is None or lexical.version != version or set(lexical.ids) != wanted_set:
        ids, texts = [], []
        for paper in catalog.iter_papers():  # texts only: no list of every Paper beside the tokens (§5's 100k RSS)
            ids.append(paper.id)
            texts.append(lexical_text(paper, settings.bm25_title_repeat))
        LexicalIndex.build(ids, texts, version, settings.bm25_k1).save(settings.bm25_path)
        stats.bm25_rebuilt = True
    return stats
