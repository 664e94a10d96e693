"""LangChain adapter: the hybrid retriever as a BaseRetriever returning one Document per paper.

Use it directly: `ReviewerRetriever(hybrid=HybridRetriever(settings), k=8)`. It depends on
`retrieve`, never the other way round, so the core retriever imports no LangChain.
"""

from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from reviewer.retrieve import Filters, HybridRetriever


class ReviewerRetriever(BaseRetriever):
    """Composes with LangChain chains; metadata carries the citation key the chain may cite."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    hybrid: HybridRetriever
    k: int = 8
    filters: Filters | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        hybrid = self.hybrid
        hits = hybrid.search(query, k=self.k, filters=self.filters)
        papers = {p.id: p for p in hybrid.papers_for(hits)}
        return [
            Document(
                page_content=papers[h.id].text,
                metadata={"id": h.id, "key": h.key, "title": h.title, "year": h.year, "score": h.score},
            )
            for h in hits
            if h.id in papers
        ]
