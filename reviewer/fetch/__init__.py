"""`reviewer fetch`: build a corpus from the arXiv, OpenAlex or Semantic Scholar APIs, politely."""
